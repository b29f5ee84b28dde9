import "server-only";
import Decimal from "decimal.js";
import { filingDeadline, rateRowOn, SDR_RULE_KEYS, sdrRulesInWords } from "@/domain/execution/sdr";
import type { Actor } from "@/domain/policy";
import type { SdrFilingShipment } from "@/domain/schemas/sdr";
import { isoDay } from "@/domain/sla";
import { db } from "../db";
import { authorize, loadSdrPolicy, subjectOf, visibleSdrCase } from "./sdr-store";

/** How many received shipments the filing form offers, most recently received first. */
const SHIPMENTS_SHOWN = 100;

/**
 * What the partner's filing form shows: the case's received shipments with the last day each may be reported, and the
 * policy in force in plain words. Partner officers only (others are refused, as the use case would).
 */
export async function sdrFilingForm(actor: Actor, caseId: string, now: Date = new Date()) {
  const caseRow = await visibleSdrCase(db(), actor, caseId);
  authorize(actor, "fileSdr", subjectOf(caseRow));
  const [policy, shipments] = await Promise.all([
    loadSdrPolicy(db()),
    db().shipment.findMany({
      where: { caseId, status: "RECEIVED" },
      orderBy: [{ receivedOn: "desc" }, { id: "asc" }],
      take: SHIPMENTS_SHOWN,
    }),
  ]);
  const today = isoDay(now);
  const items: SdrFilingShipment[] = shipments.map((s) => {
    const deadline = s.receivedOn ? filingDeadline(s.receivedOn, policy) : null;
    return {
      id: s.id,
      lineNumber: s.lineNumber,
      documentNumber: s.documentNumber,
      trackingReference: s.trackingReference,
      quantity: s.quantity,
      value: s.value.toFixed(2),
      receivedOn: isoDay(s.receivedOn ?? now),
      lastDay: deadline?.lastDay ?? null,
      open: deadline !== null && today <= deadline.lastDay,
    };
  });
  return {
    case: { id: caseRow.id, identifier: caseRow.identifier, status: caseRow.status },
    shipments: items,
    rules: sdrRulesInWords(policy, now),
    /** The SDR_MINIMUM_VALUE in force today, two decimals; null without one. */
    minimumValue: (() => {
      const row = rateRowOn(policy.rates, SDR_RULE_KEYS.minimumValue, now);
      return row ? new Decimal(row.value).toFixed(2) : null;
    })(),
  };
}
