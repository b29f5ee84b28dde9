// Execution per LOA line, the transactional core (ADR 0017): contracts (obligations), requisitions, shipments and their
// status, services performed, and lines declared supply/services complete (SSC) or cancelled. Each function runs in
// the caller's transaction: it takes the case's row lock, authorizes (another country's case is a 404), checks the
// case's state, measures the write against the LOA in force and the rows already recorded — read inside the lock, so
// concurrent requisitions on one blanket line queue up and can never overdraw it — writes, and appends its audit event
// to the case's hash chain. When the last open line is closed out, the case moves to Supply/Services Complete in the
// same transaction.
//
// Free of `server-only` and `@/` imports: the demo seed (prisma/demo-execution.ts) and the closure demo call these with
// a backdated `now`. Signatures, for callers outside the app (all inputs are the API's JSON fields, validated here):
//   recordObligationTx(tx, actor, caseId, lineNumber, { contractNumber, awardedOn, amount }, context, now) → ObligationView
//   submitRequisitionTx(tx, actor, caseId, lineNumber, { documentNumber, itemDescription, nsn?, quantity, unitPrice, priority }, context, now) → RequisitionView
//   recordShipmentTx(tx, actor, caseId, lineNumber, { requisitionId?, documentNumber, quantity, shippedOn, mode, trackingReference }, context, now) → ShipmentView
//   updateShipmentStatusTx(tx, actor, caseId, shipmentId, { expectedVersion, status: "IN_TRANSIT" | "RECEIVED", receivedOn?, receivedBy? }, context, now) → ShipmentView
//   recordServicePerformanceTx(tx, actor, caseId, lineNumber, { performedFrom, performedTo, units, value, description }, context, now) → ServiceRecordView
//   completeLineTx(tx, actor, caseId, lineNumber, { outcome: "SUPPLY_COMPLETE" | "CANCELLED", reason? }, context, now) → CompleteLineResult
// Who may: recordExecution (the case's agency case manager) for all but requisitions (submitRequisition: the partner or
// the agency) and receipts (receiveShipment: the partner or the agency).
import Decimal from "decimal.js";
import {
  checkCompletion,
  checkObligation,
  checkRequisition,
  checkServiceRecord,
  checkShipment,
  checkShipmentStatus,
  documentNumberProblem,
  EMPTY_TOTALS,
  lineTargetOf,
  type LineStatus,
  type LineTarget,
  type LineTotals,
  type Refusal,
  type RequisitionStatus,
  type ShipmentMode,
  type ShipmentStatus,
} from "../../domain/execution/lines";
import { toAmount } from "../../domain/money";
import { type Actor, type PolicyAction } from "../../domain/policy";
import { isUuid } from "../../domain/schemas/common";
import {
  CompleteLineInput,
  RecordObligationInput,
  RecordServiceInput,
  RecordShipmentInput,
  SubmitRequisitionInput,
  UpdateShipmentStatusInput,
  type CompleteLineFields,
  type CompleteLineResult,
  type ObligationView,
  type RecordObligationFields,
  type RecordServiceFields,
  type RecordShipmentFields,
  type RequisitionView,
  type ServiceRecordView,
  type ShipmentView,
  type SubmitRequisitionFields,
  type UpdateShipmentStatusFields,
} from "../../domain/schemas/execution";
import { isoDay, startOfUtcDay } from "../../domain/sla";
import { caseSubject } from "../../domain/workflow/engine";
import { CASE_STATUS_LABELS, type CaseStatus } from "../../domain/workflow/states";
import type { Prisma } from "../../generated/prisma/client";
import { recordAudit } from "../audit";
import { commitCaseEvent, loadCase, loadWorkflowContext, lockCase, type CaseRow } from "../cases/case-store";
import type { Tx } from "../db";
import { AppError, authorize, fieldError, notFound, parseInput, versionConflict } from "../errors";
import type { RequestContext } from "../request-context";
import { loadLoaInForce, type LineInForce, type LoaInForce } from "./loa-in-force";

/** Contracts, requisitions, shipments, services and completions are recorded while the case is implemented or executing. */
export const RECORDING_STATUSES: readonly CaseStatus[] = ["IMPLEMENTED", "EXECUTING"];
/** Shipments already on their way keep moving and arrive until the case is closed. */
export const RECEIPT_STATUSES: readonly CaseStatus[] = ["IMPLEMENTED", "EXECUTING", "SUPPLY_SERVICES_COMPLETE", "CLOSURE_PENDING", "SUSPENDED"];

export { authorize };

export function refusal(refused: Refusal): AppError {
  if (refused.kind === "field") return fieldError(refused.field, refused.message);
  return new AppError("CONFLICT", refused.message, refused.remaining !== undefined ? { remaining: refused.remaining } : {});
}

const caseSelect = {
  id: true,
  identifier: true,
  status: true,
  countryId: true,
  implementingAgencyId: true,
  country: { select: { code: true } },
  implementingAgency: { select: { code: true } },
} satisfies Prisma.CaseSelect;
type LockedCase = Prisma.CaseGetPayload<{ select: typeof caseSelect }>;

/** Locks the case, then checks it exists and the actor may see it and act under `rule`. */
async function lockAndAuthorize(tx: Tx, actor: Actor, caseId: string, rule: PolicyAction): Promise<LockedCase> {
  if (!(await lockCase(tx, caseId))) throw notFound("Case");
  const row = await tx.case.findUnique({ where: { id: caseId }, select: caseSelect });
  if (!row) throw notFound("Case");
  const subject = caseSubject({ countryId: row.countryId, agencyId: row.implementingAgencyId });
  authorize(actor, "viewExecution", subject);
  authorize(actor, rule, subject);
  return row;
}

function requireStatus(status: string, allowed: readonly CaseStatus[], doing: string) {
  if (allowed.includes(status as CaseStatus)) return;
  const when = allowed === RECORDING_STATUSES ? "while the case is implemented or executing" : "until the case is closed";
  throw new AppError("CONFLICT", `${doing} can be recorded only ${when}; this case is ${CASE_STATUS_LABELS[status as CaseStatus].toLowerCase()}`);
}

async function requireLoa(tx: Tx, caseId: string): Promise<LoaInForce> {
  const loa = await loadLoaInForce(tx, caseId);
  if (!loa) throw new AppError("CONFLICT", "This case has no accepted LOA in force");
  return loa;
}

export function targetOf(entry: LineInForce): LineTarget {
  return lineTargetOf(entry.line, entry.kind, entry.priced.base);
}

function lineOf(loa: LoaInForce, lineNumber: string): LineInForce {
  const entry = loa.lines.find((l) => l.line.lineNumber === lineNumber);
  if (!entry) throw new AppError("NOT_FOUND", `Line ${lineNumber} is not an executable line of the LOA in force`);
  return entry;
}

// ---- totals ------------------------------------------------------------------------------------------------------

interface AggregateRow {
  line_number: string;
  source: "obligation" | "requisition" | "shipment" | "service";
  status: string | null;
  amount: string | null;
  quantity: string | null;
  row_count: string;
}

/** Everything recorded on the case's lines (or one line), summed in SQL: one query, whatever the number of rows. */
export async function loadAggregates(tx: Tx, caseId: string, lineNumber: string | null = null): Promise<AggregateRow[]> {
  return tx.$queryRaw<AggregateRow[]>`
    SELECT line_number, 'obligation' AS source, NULL AS status, SUM(amount)::text AS amount, NULL AS quantity, COUNT(*)::text AS row_count
      FROM line_obligations WHERE case_id = ${caseId}::uuid AND (${lineNumber}::text IS NULL OR line_number = ${lineNumber})
      GROUP BY line_number
    UNION ALL
    SELECT line_number, 'requisition', status::text, SUM(amount)::text, SUM(quantity)::text, COUNT(*)::text
      FROM requisitions WHERE case_id = ${caseId}::uuid AND (${lineNumber}::text IS NULL OR line_number = ${lineNumber})
      GROUP BY line_number, status
    UNION ALL
    SELECT line_number, 'shipment', status::text, SUM(value)::text, SUM(quantity)::text, COUNT(*)::text
      FROM shipments WHERE case_id = ${caseId}::uuid AND (${lineNumber}::text IS NULL OR line_number = ${lineNumber})
      GROUP BY line_number, status
    UNION ALL
    SELECT line_number, 'service', NULL, SUM(value)::text, SUM(units)::text, COUNT(*)::text
      FROM service_records WHERE case_id = ${caseId}::uuid AND (${lineNumber}::text IS NULL OR line_number = ${lineNumber})
      GROUP BY line_number`;
}

/** One line's totals from the aggregate rows (and the document numbers of its open requisitions, when known). */
export function totalsFrom(rows: readonly AggregateRow[], lineNumber: string, openRequisitions: readonly string[] = []): LineTotals {
  const mine = rows.filter((r) => r.line_number === lineNumber);
  const money = (pick: (r: AggregateRow) => boolean) => toAmount(mine.filter(pick).reduce((t, r) => t.plus(r.amount ?? "0"), new Decimal(0)));
  const units = (pick: (r: AggregateRow) => boolean) => mine.filter(pick).reduce((t, r) => t.plus(r.quantity ?? "0"), new Decimal(0));
  const isShipment = (r: AggregateRow) => r.source === "shipment";
  const received = (r: AggregateRow) => isShipment(r) && r.status === "RECEIVED";
  const open = mine.find((r) => r.source === "requisition" && r.status === "OPEN");
  return {
    ...EMPTY_TOTALS,
    obligated: money((r) => r.source === "obligation"),
    requisitioned: money((r) => r.source === "requisition" && r.status !== "CANCELLED"),
    openRequisitionCount: open ? Number(open.row_count) : 0,
    openRequisitions,
    shippedQuantity: units(isShipment).toNumber(),
    shippedValue: money(isShipment),
    receivedQuantity: units(received).toNumber(),
    receivedValue: money(received),
    performedUnits: units((r) => r.source === "service").toString(),
    performedValue: money((r) => r.source === "service"),
  };
}

async function lineStatusOf(tx: Tx, caseId: string, lineNumber: string): Promise<LineStatus> {
  const completion = await tx.lineCompletion.findUnique({ where: { caseId_lineNumber: { caseId, lineNumber } }, select: { cancelled: true } });
  return completion ? (completion.cancelled ? "CANCELLED" : "SUPPLY_COMPLETE") : "OPEN";
}

/** The locked case, its line in force, what the line has recorded and whether it is still open. */
async function beginLineWrite(tx: Tx, actor: Actor, caseId: string, lineNumber: string, rule: PolicyAction, doing: string) {
  const row = await lockAndAuthorize(tx, actor, caseId, rule);
  requireStatus(row.status, RECORDING_STATUSES, doing);
  const loa = await requireLoa(tx, caseId);
  const entry = lineOf(loa, lineNumber);
  const [aggregates, status] = await Promise.all([loadAggregates(tx, caseId, lineNumber), lineStatusOf(tx, caseId, lineNumber)]);
  return { row, loa, entry, target: targetOf(entry), totals: totalsFrom(aggregates, lineNumber), status };
}

// ---- views -------------------------------------------------------------------------------------------------------

const day = (date: Date) => isoDay(date);

export function obligationView(
  row: { id: string; lineNumber: string; contractNumber: string; awardedOn: Date; amount: Prisma.Decimal; recordedAt: Date },
  partner: boolean,
): ObligationView {
  return {
    id: row.id,
    lineNumber: row.lineNumber,
    contractNumber: row.contractNumber,
    awardedOn: day(row.awardedOn),
    amount: partner ? null : row.amount.toFixed(2),
    recordedAt: row.recordedAt.toISOString(),
  };
}

export function requisitionView(
  row: {
    id: string;
    lineNumber: string;
    documentNumber: string;
    itemDescription: string;
    nsn: string | null;
    quantity: number;
    unitPrice: Prisma.Decimal;
    amount: Prisma.Decimal;
    priority: string;
    status: string;
    requestedAt: Date;
    version: number;
  },
  shippedQuantity: number,
): RequisitionView {
  return {
    id: row.id,
    lineNumber: row.lineNumber,
    documentNumber: row.documentNumber,
    itemDescription: row.itemDescription,
    nsn: row.nsn,
    quantity: row.quantity,
    unitPrice: row.unitPrice.toFixed(2),
    amount: row.amount.toFixed(2),
    priority: row.priority,
    status: row.status as RequisitionStatus,
    shippedQuantity,
    requestedAt: row.requestedAt.toISOString(),
    version: row.version,
  };
}

export function shipmentView(
  row: {
    id: string;
    lineNumber: string;
    requisitionId: string | null;
    documentNumber: string;
    quantity: number;
    value: Prisma.Decimal;
    shippedOn: Date;
    mode: string;
    trackingReference: string;
    status: string;
    receivedOn: Date | null;
    receivedBy: string | null;
    recordedAt: Date;
    version: number;
  },
  requisitionDocumentNumber: string | null,
): ShipmentView {
  return {
    id: row.id,
    lineNumber: row.lineNumber,
    requisitionId: row.requisitionId,
    requisitionDocumentNumber,
    documentNumber: row.documentNumber,
    quantity: row.quantity,
    value: row.value.toFixed(2),
    shippedOn: day(row.shippedOn),
    mode: row.mode as ShipmentMode,
    trackingReference: row.trackingReference,
    status: row.status as ShipmentStatus,
    receivedOn: row.receivedOn ? day(row.receivedOn) : null,
    receivedBy: row.receivedBy,
    recordedAt: row.recordedAt.toISOString(),
    version: row.version,
  };
}

export function serviceRecordView(row: {
  id: string;
  lineNumber: string;
  performedFrom: Date;
  performedTo: Date;
  units: Prisma.Decimal;
  value: Prisma.Decimal;
  description: string;
  recordedAt: Date;
}): ServiceRecordView {
  return {
    id: row.id,
    lineNumber: row.lineNumber,
    performedFrom: day(row.performedFrom),
    performedTo: day(row.performedTo),
    units: new Decimal(row.units.toString()).toString(),
    value: row.value.toFixed(2),
    description: row.description,
    recordedAt: row.recordedAt.toISOString(),
  };
}


function audit(tx: Tx, actor: Actor, caseId: string, action: string, details: Prisma.InputJsonObject, context: RequestContext, now: Date) {
  return recordAudit(tx, { action, outcome: "SUCCESS", actor, target: { type: "case", id: caseId }, details, context }, now);
}

// ---- writes ------------------------------------------------------------------------------------------------------

/** A contract award (obligation) on a line: contract number, award date, obligated amount (never above the line value). */
export async function recordObligationTx(
  tx: Tx,
  actor: Actor,
  caseId: string,
  lineNumber: string,
  fields: RecordObligationFields,
  context: RequestContext,
  now: Date = new Date(),
): Promise<ObligationView> {
  const input = parseInput(RecordObligationInput, fields);
  const { target, totals, status } = await beginLineWrite(tx, actor, caseId, lineNumber, "recordExecution", "Contracts");
  const checked = checkObligation(target, totals, status, input, isoDay(now));
  if (!checked.ok) throw refusal(checked);
  const row = await tx.lineObligation.create({
    data: {
      caseId,
      lineNumber,
      contractNumber: input.contractNumber,
      awardedOn: startOfUtcDay(input.awardedOn),
      amount: input.amount,
      recordedById: actor.userId,
      recordedAt: now,
    },
  });
  await audit(tx, actor, caseId, "obligation.record", { lineNumber, contractNumber: input.contractNumber, awardedOn: input.awardedOn, amount: input.amount }, context, now);
  return obligationView(row, false);
}

/**
 * A requisition against a blanket line's remaining value. Refused with 409 and `remaining` when it would exceed what
 * the line has left; the case's lock makes the check and the insert one step, however many arrive at once.
 */
export async function submitRequisitionTx(
  tx: Tx,
  actor: Actor,
  caseId: string,
  lineNumber: string,
  fields: SubmitRequisitionFields,
  context: RequestContext,
  now: Date = new Date(),
): Promise<RequisitionView> {
  const input = parseInput(SubmitRequisitionInput, fields);
  const { row, target, totals, status } = await beginLineWrite(tx, actor, caseId, lineNumber, "submitRequisition", "Requisitions");
  const problem = documentNumberProblem(input.documentNumber, { serviceCode: row.implementingAgency.code, countryCode: row.country.code }, isoDay(now));
  if (problem) throw fieldError("documentNumber", problem);
  const checked = checkRequisition(target, totals, status, input);
  if (!checked.ok) throw refusal(checked);
  const duplicate = await tx.requisition.findUnique({
    where: { caseId_documentNumber: { caseId, documentNumber: input.documentNumber } },
    select: { id: true },
  });
  if (duplicate) throw fieldError("documentNumber", `Document number ${input.documentNumber} is already used on this case`);
  const created = await tx.requisition.create({
    data: {
      caseId,
      lineNumber,
      documentNumber: input.documentNumber,
      itemDescription: input.itemDescription,
      nsn: input.nsn ?? null,
      quantity: input.quantity,
      unitPrice: input.unitPrice,
      amount: checked.amount,
      priority: input.priority,
      requestedById: actor.userId,
      requestedAt: now,
    },
  });
  await audit(
    tx,
    actor,
    caseId,
    "requisition.submit",
    {
      lineNumber,
      documentNumber: input.documentNumber,
      itemDescription: input.itemDescription,
      quantity: input.quantity,
      unitPrice: input.unitPrice,
      amount: checked.amount,
      priority: input.priority,
      remaining: checked.remainingAfter,
    },
    context,
    now,
  );
  return requisitionView(created, 0);
}

/**
 * Articles shipped on a line: against the line's unshipped quantity (articles) or a requisition's (blanket lines; the
 * requisition is marked shipped once fully shipped). The shipment's value is its share of the line or requisition.
 */
export async function recordShipmentTx(
  tx: Tx,
  actor: Actor,
  caseId: string,
  lineNumber: string,
  fields: RecordShipmentFields,
  context: RequestContext,
  now: Date = new Date(),
): Promise<ShipmentView> {
  const input = parseInput(RecordShipmentInput, fields);
  const { target, totals, status } = await beginLineWrite(tx, actor, caseId, lineNumber, "recordExecution", "Shipments");
  let requisition: { id: string; lineNumber: string; documentNumber: string; quantity: number; unitPrice: string; status: RequisitionStatus; shippedQuantity: number } | null = null;
  if (input.requisitionId) {
    const found = await tx.requisition.findFirst({ where: { id: input.requisitionId, caseId } });
    if (!found) throw fieldError("requisitionId", "There is no such requisition on this case");
    const shipped = await tx.shipment.aggregate({ where: { requisitionId: found.id }, _sum: { quantity: true } });
    requisition = {
      id: found.id,
      lineNumber: found.lineNumber,
      documentNumber: found.documentNumber,
      quantity: found.quantity,
      unitPrice: found.unitPrice.toFixed(2),
      status: found.status as RequisitionStatus,
      shippedQuantity: shipped._sum.quantity ?? 0,
    };
  }
  const checked = checkShipment(target, totals, status, requisition, input, isoDay(now));
  if (!checked.ok) throw refusal(checked);
  const created = await tx.shipment.create({
    data: {
      caseId,
      lineNumber,
      requisitionId: requisition?.id ?? null,
      documentNumber: input.documentNumber,
      quantity: input.quantity,
      value: checked.value,
      shippedOn: startOfUtcDay(input.shippedOn),
      mode: input.mode,
      trackingReference: input.trackingReference,
      recordedById: actor.userId,
      recordedAt: now,
    },
  });
  if (requisition && checked.fillsRequisition) {
    await tx.requisition.update({ where: { id: requisition.id }, data: { status: "SHIPPED", version: { increment: 1 } } });
  }
  await audit(
    tx,
    actor,
    caseId,
    "shipment.record",
    {
      lineNumber,
      documentNumber: input.documentNumber,
      quantity: input.quantity,
      value: checked.value,
      shippedOn: input.shippedOn,
      mode: input.mode,
      trackingReference: input.trackingReference,
      requisitionDocumentNumber: requisition?.documentNumber ?? null,
      requisitionShipped: checked.fillsRequisition,
    },
    context,
    now,
  );
  return shipmentView(created, requisition?.documentNumber ?? null);
}

/**
 * Moves a shipment forward (in transit, received), compare-and-set on its version. Marking it received is the
 * partner's or the agency's (receiveShipment) and names who received it; in transit is the agency's.
 */
export async function updateShipmentStatusTx(
  tx: Tx,
  actor: Actor,
  caseId: string,
  shipmentId: string,
  fields: UpdateShipmentStatusFields,
  context: RequestContext,
  now: Date = new Date(),
): Promise<ShipmentView> {
  const input = parseInput(UpdateShipmentStatusInput, fields);
  const rule: PolicyAction = input.status === "RECEIVED" ? "receiveShipment" : "recordExecution";
  const row = await lockAndAuthorize(tx, actor, caseId, rule);
  requireStatus(row.status, RECEIPT_STATUSES, "Shipment status");
  const shipment = isUuid(shipmentId)
    ? await tx.shipment.findFirst({ where: { id: shipmentId, caseId }, include: { requisition: { select: { documentNumber: true } } } })
    : null;
  if (!shipment) throw notFound("Shipment");
  if (shipment.version !== input.expectedVersion) throw versionConflict(shipment.version);
  const checked = checkShipmentStatus(
    { documentNumber: shipment.documentNumber, status: shipment.status as ShipmentStatus, shippedOn: day(shipment.shippedOn) },
    input,
    isoDay(now),
  );
  if (!checked.ok) throw refusal(checked);
  const receipt = input.status === "RECEIVED" ? { receivedOn: startOfUtcDay(input.receivedOn!), receivedBy: input.receivedBy! } : {};
  const updated = await tx.shipment.updateMany({
    where: { id: shipment.id, version: shipment.version },
    data: { status: input.status, ...receipt, version: { increment: 1 } },
  });
  if (updated.count === 0) throw versionConflict(shipment.version + 1);
  await audit(
    tx,
    actor,
    caseId,
    "shipment.status",
    {
      lineNumber: shipment.lineNumber,
      documentNumber: shipment.documentNumber,
      // Not "fromStatus"/"toStatus": the timeline reads those as the case's own states.
      previousShipmentStatus: shipment.status,
      shipmentStatus: input.status,
      ...(input.status === "RECEIVED" ? { receivedOn: input.receivedOn!, receivedBy: input.receivedBy! } : {}),
    },
    context,
    now,
  );
  return shipmentView(
    { ...shipment, status: input.status, ...receipt, version: shipment.version + 1 },
    shipment.requisition?.documentNumber ?? null,
  );
}

/** Services performed on a services line: the period, the months or events delivered and their value. */
export async function recordServicePerformanceTx(
  tx: Tx,
  actor: Actor,
  caseId: string,
  lineNumber: string,
  fields: RecordServiceFields,
  context: RequestContext,
  now: Date = new Date(),
): Promise<ServiceRecordView> {
  const input = parseInput(RecordServiceInput, fields);
  const { target, totals, status } = await beginLineWrite(tx, actor, caseId, lineNumber, "recordExecution", "Services");
  const checked = checkServiceRecord(target, totals, status, input, isoDay(now));
  if (!checked.ok) throw refusal(checked);
  const created = await tx.serviceRecord.create({
    data: {
      caseId,
      lineNumber,
      performedFrom: startOfUtcDay(input.performedFrom),
      performedTo: startOfUtcDay(input.performedTo),
      units: input.units,
      value: input.value,
      description: input.description,
      recordedById: actor.userId,
      recordedAt: now,
    },
  });
  await audit(
    tx,
    actor,
    caseId,
    "service.record",
    {
      lineNumber,
      performedFrom: input.performedFrom,
      performedTo: input.performedTo,
      units: input.units,
      unitLabel: target.serviceUnitLabel,
      value: input.value,
      description: input.description,
    },
    context,
    now,
  );
  return serviceRecordView(created);
}

/**
 * Declares a line supply/services complete — accounted for, or with a stated reason — or cancels it with a reason.
 * Its open requisitions are cancelled with it. When it was the last open line of the LOA in force, the case moves to
 * Supply/Services Complete in the same transaction (starting execution first if the case was only implemented).
 */
export async function completeLineTx(
  tx: Tx,
  actor: Actor,
  caseId: string,
  lineNumber: string,
  fields: CompleteLineFields,
  context: RequestContext,
  now: Date = new Date(),
): Promise<CompleteLineResult> {
  const input = parseInput(CompleteLineInput, fields);
  const { loa, target, totals, status } = await beginLineWrite(tx, actor, caseId, lineNumber, "recordExecution", "Line completions");
  const open = await tx.requisition.findMany({
    where: { caseId, lineNumber, status: "OPEN" },
    select: { documentNumber: true },
    orderBy: { requestedAt: "asc" },
  });
  const openNumbers = open.map((r) => r.documentNumber);
  const checked = checkCompletion(target, { ...totals, openRequisitions: openNumbers, openRequisitionCount: openNumbers.length }, status, input);
  if (!checked.ok) throw refusal(checked);
  const cancelled = input.outcome === "CANCELLED";
  const reason = input.reason ?? null;
  await tx.lineCompletion.create({ data: { caseId, lineNumber, cancelled, reason, declaredById: actor.userId, declaredAt: now } });
  if (openNumbers.length > 0) {
    await tx.requisition.updateMany({ where: { caseId, lineNumber, status: "OPEN" }, data: { status: "CANCELLED", version: { increment: 1 } } });
  }
  await audit(
    tx,
    actor,
    caseId,
    "line.complete",
    { lineNumber, outcome: input.outcome, reason, unmet: checked.unmet, cancelledRequisitions: openNumbers },
    context,
    now,
  );

  const completed = await tx.lineCompletion.findMany({ where: { caseId }, select: { lineNumber: true } });
  const done = new Set(completed.map((c) => c.lineNumber));
  let caseStatus = (await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { status: true } })).status as CaseStatus;
  if (loa.lines.every((l) => done.has(l.line.lineNumber))) caseStatus = await declareSupplyComplete(tx, actor, caseId, context, now);
  return {
    lineNumber,
    completion: { outcome: input.outcome, reason, declaredAt: now.toISOString() },
    caseStatus,
    cancelledRequisitions: openNumbers,
  };
}

/** The case's own event, through the workflow (its guard sees no open line now), and the SSC date on the case. */
async function declareSupplyComplete(tx: Tx, actor: Actor, caseId: string, context: RequestContext, now: Date): Promise<CaseStatus> {
  let row: CaseRow = (await loadCase(tx, caseId))!;
  if (row.status === "IMPLEMENTED") {
    const workflow = await loadWorkflowContext(tx, row, now);
    row = await commitCaseEvent(tx, row, actor, "start-execution", { expectedVersion: row.version }, workflow, context);
  }
  const workflow = await loadWorkflowContext(tx, row, now);
  row = await commitCaseEvent(tx, row, actor, "declare-supply-complete", { expectedVersion: row.version }, workflow, context);
  await tx.case.update({ where: { id: caseId }, data: { supplyCompleteAt: now } });
  return row.status as CaseStatus;
}
