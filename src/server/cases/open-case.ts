// Free of `server-only` so the demo seed opens cases the same way the app does.
import { caseIdentifier } from "../../domain/cases/identifier";
import type { LoaType } from "../../domain/lor/codes";
import type { Actor } from "../../domain/policy";
import { CASE_OPENED_ACTION, statusClock } from "../../domain/workflow/case-workflow";
import { isoDay } from "../../domain/sla";
import { recordAudit } from "../audit";
import type { Tx } from "../db";
import type { RequestContext } from "../request-context";
import { allocateDesignator } from "./allocate-designator";
import { refreshCaseInboxes } from "./case-inbox";

export interface OpenCaseRequest {
  /** The complete letter of request it opens from (none for a case that predates Caseway's letters). */
  lorId: string | null;
  country: { id: string; code: string };
  agency: { id: string; code: string };
  caseType: LoaType;
}

/** Opens a case, inside the caller's transaction, and starts its audit chain. */
export async function openCase(tx: Tx, actor: Actor, request: OpenCaseRequest, context: RequestContext, now: Date) {
  const designator = await allocateDesignator(tx, request.country.id, request.agency.id);
  const identifier = caseIdentifier(request.country.code, request.agency.code, designator);
  const created = await tx.case.create({
    data: {
      identifier,
      designator,
      countryId: request.country.id,
      implementingAgencyId: request.agency.id,
      caseType: request.caseType,
      openedFromLorId: request.lorId,
      openedById: actor.userId,
      openedAt: now,
      // DSCA's clock to assign the agency starts now, under the rule in force today.
      ...statusClock("OPENED", null, { now, rules: await tx.slaRule.findMany() }),
    },
  });
  await createBasicDraft(tx, created.id, request.lorId, actor);
  await refreshCaseInboxes(tx, [created.id], now);
  await recordAudit(
    tx,
    {
      action: CASE_OPENED_ACTION,
      outcome: "SUCCESS",
      actor,
      target: { type: "case", id: created.id },
      details: { identifier, ...(request.lorId ? { lorId: request.lorId } : {}), caseType: request.caseType, toStatus: "OPENED" },
      context,
    },
    now,
  );
  return created;
}

/**
 * Every case starts with its basic LOA as an empty draft: the customer reference names the letter it answers
 * ("Based on …", LOA Standardization Guide §2) and the terms default to cash prior to delivery with a 20% deposit.
 */
async function createBasicDraft(tx: Tx, caseId: string, lorId: string | null, actor: Actor) {
  const lor = lorId
    ? await tx.letterOfRequest.findUnique({ where: { id: lorId }, select: { originatorReference: true, subject: true, submittedAt: true } })
    : null;
  const reference = lor?.originatorReference
    ? `Based on ${lor.originatorReference}${lor.submittedAt ? ` dated ${isoDay(lor.submittedAt)}` : ""}`
    : "";
  await tx.caseDocument.create({
    data: {
      caseId,
      number: 1,
      documentType: "BASIC",
      documentNumber: 0,
      createdById: actor.userId,
      customerReference: reference,
      description: lor?.subject ?? "",
      termsOfSale: [{ term: "CASH_PRIOR_TO_DELIVERY", amount: null }],
      initialDepositPercent: "20",
    },
  });
}
