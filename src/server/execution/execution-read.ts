// The case's execution as the actor may see it: the lines of the LOA in force with their progress, and their contracts,
// requisitions, shipments and services. A fixed number of queries whatever the size of the case: totals are summed in
// SQL, and each list holds the most recent LIST_LIMIT records of the case (the totals still count every one).
// Free of `server-only` so the demo-seed test reads what the seed wrote the way the page does.
import Decimal from "decimal.js";
import { lineProgress, sscProblems, type LineStatus } from "../../domain/execution/lines";
import { documentDisplayName, IN_FORCE_DOCUMENT_STATUSES, type DocumentStatus, type DocumentType } from "../../domain/loa/codes";
import { toAmount } from "../../domain/money";
import type { Actor } from "../../domain/policy";
import type { ExecutionView, LineExecutionView } from "../../domain/schemas/execution";
import { caseSubject } from "../../domain/workflow/engine";
import type { CaseStatus } from "../../domain/workflow/states";
import { isUuid } from "../../domain/schemas/common";
import type { Tx } from "../db";
import { notFound } from "../errors";
import { loadLoaInForce } from "./loa-in-force";
import {
  authorize,
  loadAggregates,
  obligationView,
  RECEIPT_STATUSES,
  RECORDING_STATUSES,
  requisitionView,
  serviceRecordView,
  shipmentView,
  targetOf,
  totalsFrom,
} from "./execution-store";

/** The most recent records of each kind listed per case. */
export const LIST_LIMIT = 500;

export async function readCaseExecution(client: Tx, actor: Actor, caseId: string): Promise<ExecutionView> {
  if (!isUuid(caseId)) throw notFound("Case");
  const found = await client.case.findUnique({
    where: { id: caseId },
    select: {
      id: true,
      identifier: true,
      status: true,
      supplyCompleteAt: true,
      countryId: true,
      implementingAgencyId: true,
      country: { select: { id: true, code: true, name: true } },
      implementingAgency: { select: { id: true, code: true, name: true } },
    },
  });
  if (!found) throw notFound("Case");
  authorize(actor, "viewExecution", caseSubject({ countryId: found.countryId, agencyId: found.implementingAgencyId }));
  const partner = actor.role === "PARTNER_OFFICER";

  const recent = { where: { caseId }, take: LIST_LIMIT } as const;
  const [loaOrOffer, aggregates, completions, obligations, requisitions, shipments, services] = await Promise.all([
    loadLoaInForce(client, caseId),
    loadAggregates(client, caseId),
    client.lineCompletion.findMany({ where: { caseId } }),
    client.lineObligation.findMany({ ...recent, orderBy: [{ awardedOn: "desc" }, { recordedAt: "desc" }] }),
    client.requisition.findMany({
      ...recent,
      orderBy: { requestedAt: "desc" },
      include: { shipments: { select: { quantity: true } } },
    }),
    client.shipment.findMany({
      ...recent,
      orderBy: [{ shippedOn: "desc" }, { recordedAt: "desc" }],
      include: { requisition: { select: { documentNumber: true } } },
    }),
    client.serviceRecord.findMany({ ...recent, orderBy: [{ performedFrom: "desc" }, { recordedAt: "desc" }] }),
  ]);
  // Before acceptance loadLoaInForce answers the basic LOA on offer: nothing is executed against an offer.
  const loa = loaOrOffer && IN_FORCE_DOCUMENT_STATUSES.includes(loaOrOffer.document.status as DocumentStatus) ? loaOrOffer : null;
  const completionOf = new Map(completions.map((c) => [c.lineNumber, c]));

  const lines: LineExecutionView[] = (loa?.lines ?? []).map((entry) => {
    const lineNumber = entry.line.lineNumber;
    const target = targetOf(entry);
    const lineRequisitions = requisitions.filter((r) => r.lineNumber === lineNumber);
    const openListed = lineRequisitions.filter((r) => r.status === "OPEN").map((r) => r.documentNumber).reverse();
    const totals = totalsFrom(aggregates, lineNumber, openListed);
    const progress = lineProgress(target, totals);
    const completion = completionOf.get(lineNumber);
    const status: LineStatus = completion ? (completion.cancelled ? "CANCELLED" : "SUPPLY_COMPLETE") : "OPEN";
    return {
      lineNumber,
      description: target.description,
      kind: target.kind,
      quantity: target.quantity,
      unitOfIssue: target.unitOfIssue,
      serviceUnits: target.serviceUnits,
      serviceUnitLabel: target.serviceUnitLabel,
      value: target.value,
      status,
      completion: completion
        ? { outcome: completion.cancelled ? "CANCELLED" : "SUPPLY_COMPLETE", reason: completion.reason, declaredAt: completion.declaredAt.toISOString() }
        : null,
      // Contract amounts are U.S. Government-internal (src/domain/execution/line-events.ts says why).
      measures: partner ? progress.measures.filter((m) => !m.usgOnly) : progress.measures,
      expenditures: progress.expenditures,
      remainingValue: progress.remainingValue,
      unshippedQuantity: progress.unshippedQuantity,
      unperformedUnits: progress.unperformedUnits,
      sscProblems: status === "OPEN" ? sscProblems(target, totals) : [],
      obligations: obligations.filter((o) => o.lineNumber === lineNumber).map((o) => obligationView(o, partner)),
      requisitions: lineRequisitions.map((r) => requisitionView(r, r.shipments.reduce((n, s) => n + s.quantity, 0))),
      shipments: shipments.filter((s) => s.lineNumber === lineNumber).map((s) => shipmentView(s, s.requisition?.documentNumber ?? null)),
      services: services.filter((s) => s.lineNumber === lineNumber).map(serviceRecordView),
    };
  });

  const status = found.status as CaseStatus;
  return {
    caseId: found.id,
    identifier: found.identifier,
    status,
    country: found.country,
    implementingAgency: found.implementingAgency,
    loaInForce: loa ? documentDisplayName(found.identifier, loa.document.documentType as DocumentType | null, loa.document.documentNumber ?? 0) : null,
    supplyCompleteAt: found.supplyCompleteAt?.toISOString() ?? null,
    acceptsRecords: RECORDING_STATUSES.includes(status),
    acceptsReceipts: RECEIPT_STATUSES.includes(status),
    expenditures: toAmount(lines.reduce((total, line) => total.plus(line.expenditures), new Decimal(0))),
    lines,
    listsTruncated: [obligations, requisitions, shipments, services].some((list) => list.length === LIST_LIMIT),
  };
}
