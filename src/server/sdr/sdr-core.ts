// The writes on Supply Discrepancy Reports, each the body of one transaction: lock the case row, authorize (another
// country's case is a 404), check the rules (src/domain/execution/sdr.ts, with the policy rows in force), write, and
// record the audit event on the case's hash chain. The use cases (file-sdr.ts and its neighbours) run them in a
// transaction of their own; the demo seed runs fileSdrInTx the same way. Free of `server-only` and `@/` imports.
import { acceptDecisionStep, checkFiling, decideStep, decisionDue, reconsiderStep, sdrReference, SDR_RULE_KEYS } from "../../domain/execution/sdr";
import type { Actor } from "../../domain/policy";
import { AcceptSdrDecisionInput, DecideSdrInput, FileSdrInput, ReconsiderSdrInput, SdrCommentInput } from "../../domain/schemas/sdr";
import type { CommentVisibility } from "../../domain/workflow/states";
import { recordAudit } from "../audit";
import type { Tx } from "../db";
import { AppError, fieldError, parseInput, versionConflict } from "../errors";
import type { RequestContext } from "../request-context";
import { refreshClosureInbox } from "../closure/closure-inbox";
import {
  auditedFiles,
  authorize,
  findSdr,
  loadSdrPolicy,
  lockSdrCase,
  peopleNamed,
  sdrInclude,
  snapshotOf,
  stepError,
  storeSdrAttachments,
  subjectOf,
  toSdrView,
  type CheckedUpload,
  type SdrCase,
} from "./sdr-store";

const CLOSED_CASE = new Set(["CLOSED", "CANCELLED"]);

/** The case, locked, and the actor's right to see it (404 otherwise) and to take `action` on it (403 otherwise). */
async function caseFor(tx: Tx, actor: Actor, caseId: string, action: "fileSdr" | "decideSdr" | "commentOnSdr" | null): Promise<SdrCase> {
  const row = await lockSdrCase(tx, caseId);
  authorize(actor, "viewExecution", subjectOf(row));
  if (action) authorize(actor, action, subjectOf(row));
  return row;
}

/** Parses the filing input; the checks that need the shipment and the policy run in the transaction. */
export const parseFiling = (raw: unknown) => parseInput(FileSdrInput, raw);

/** An SDR event on the case's hash chain and timeline, naming the report the way every SDR event does. */
async function recordSdrAudit(
  tx: Tx,
  action: string,
  actor: Actor,
  caseRow: Pick<SdrCase, "id" | "identifier">,
  sdr: { id: string; number: number },
  details: Record<string, unknown>,
  context: RequestContext,
  now: Date,
) {
  const report = { sdrId: sdr.id, number: sdr.number, reference: sdrReference(caseRow.identifier, sdr.number), identifier: caseRow.identifier };
  await recordAudit(tx, { action, outcome: "SUCCESS", actor, target: { type: "case", id: caseRow.id }, details: { ...report, ...details }, context }, now);
}

/**
 * The partner files a report against one of the case's shipments, with its photos and documents (already checked by
 * checkUploads). Refused, with every broken rule named on its field: a shipment not yet received, a filing window
 * passed, a value under the minimum (unless information only), a quantity or value above the shipment's. The
 * agency's decision falls due by the SDR_DECISION rule in force at filing.
 */
export async function fileSdrInTx(
  tx: Tx,
  actor: Actor,
  caseId: string,
  raw: unknown,
  uploads: readonly CheckedUpload[],
  context: RequestContext,
  now: Date,
) {
  const input = parseFiling(raw);
  const caseRow = await caseFor(tx, actor, caseId, "fileSdr");
  if (CLOSED_CASE.has(caseRow.status)) {
    throw new AppError("CONFLICT", "This case is closed; DSCA must reopen it before a discrepancy can be reported on it.");
  }
  const shipment = await tx.shipment.findFirst({ where: { id: input.shipmentId, caseId } });
  if (!shipment) throw fieldError("shipmentId", "Choose a shipment of this case");
  const policy = await loadSdrPolicy(tx);
  const outcome = checkFiling(
    { status: shipment.status, receivedOn: shipment.receivedOn, quantity: shipment.quantity, value: shipment.value.toFixed(2) },
    input,
    policy,
    now,
  );
  if (!outcome.ok) {
    const fields: Record<string, string> = {};
    for (const refusal of outcome.refusals) fields[refusal.field] = fields[refusal.field] ? `${fields[refusal.field]} ${refusal.message}` : refusal.message;
    throw new AppError("VALIDATION_FAILED", outcome.refusals.map((r) => r.message).join(" "), { fields });
  }
  const due = decisionDue(policy, now);
  if (!due) throw new AppError("CONFLICT", `No decision target (${SDR_RULE_KEYS.decision}) is in force; an administrator must add one.`);

  // Under the case lock, so two reports filed at once cannot take the same number.
  const last = await tx.supplyDiscrepancyReport.aggregate({ where: { caseId }, _max: { number: true } });
  const number = (last._max.number ?? 0) + 1;
  const created = await tx.supplyDiscrepancyReport.create({
    data: {
      caseId,
      shipmentId: shipment.id,
      number,
      type: input.type,
      quantityAffected: input.quantityAffected,
      valueAffected: input.valueAffected,
      informationOnly: input.informationOnly,
      description: input.description,
      status: "SUBMITTED",
      filedById: actor.userId,
      filedAt: now,
      dueAt: due.dueAt,
      slaRuleId: due.rule.id,
    },
    include: sdrInclude,
  });
  const stored = await storeSdrAttachments(tx, created.id, uploads, actor, now);
  const reference = sdrReference(caseRow.identifier, number);
  await recordAudit(
    tx,
    {
      action: "sdr.file",
      outcome: "SUCCESS",
      actor,
      target: { type: "case", id: caseId },
      details: {
        sdrId: created.id,
        number,
        reference,
        identifier: caseRow.identifier,
        type: input.type,
        quantityAffected: input.quantityAffected,
        valueAffected: input.valueAffected,
        informationOnly: input.informationOnly,
        shipmentId: shipment.id,
        shipmentDocumentNumber: shipment.documentNumber,
        lineNumber: shipment.lineNumber,
        receivedOn: shipment.receivedOn!.toISOString().slice(0, 10),
        filingLastDay: outcome.lastDay,
        filingRuleId: outcome.windowRule.id,
        dueAt: due.dueAt.toISOString(),
        decisionRuleId: due.rule.id,
        attachments: auditedFiles(stored),
      },
      context,
    },
    now,
  );
  return toSdrView(tx, actor, caseRow, created, now, policy);
}

/**
 * The agency case manager decides: credit (an amount up to the value affected, which the case's billing counts as a
 * credit), replacement, repair and return, or rejection with a reason. The first decision leaves the partner a window
 * to ask for reconsideration; the decision on a reconsideration is final and closes the report.
 */
export async function decideSdrInTx(tx: Tx, actor: Actor, caseId: string, number: number | null, raw: unknown, context: RequestContext, now: Date) {
  const input = parseInput(DecideSdrInput, raw);
  const caseRow = await caseFor(tx, actor, caseId, "decideSdr");
  const sdr = await findSdr(tx, caseId, number);
  if (sdr.version !== input.expectedVersion) throw versionConflict(sdr.version);
  const step = decideStep(snapshotOf(sdr), { decision: input.decision, creditAmount: input.creditAmount, reason: input.reason });
  if (!step.ok) throw stepError(step);
  const updated = await tx.supplyDiscrepancyReport.updateMany({
    where: { id: sdr.id, version: input.expectedVersion },
    data: {
      status: step.status,
      decision: input.decision,
      creditAmount: step.creditAmount,
      decisionReason: input.reason,
      decidedById: actor.userId,
      decidedAt: now,
      version: { increment: 1 },
    },
  });
  if (updated.count === 0) throw versionConflict((await tx.supplyDiscrepancyReport.findUniqueOrThrow({ where: { id: sdr.id } })).version);
  await recordSdrAudit(tx, "sdr.decide", actor, caseRow, sdr, {
    decision: input.decision,
    creditAmount: step.creditAmount,
    reason: input.reason,
    final: step.final,
    sdrStatusFrom: sdr.status,
    sdrStatusTo: step.status,
    previousDecision: sdr.decision,
    previousCreditAmount: sdr.creditAmount?.toFixed(2) ?? null,
  }, context, now);
  const saved = await findSdr(tx, caseId, sdr.number);
  // A decided SDR (or a credit) may clear the last closure blocker.
  await refreshClosureInbox(tx, caseId, now);
  return toSdrView(tx, actor, caseRow, saved, now);
}

/**
 * The partner asks once, within the reconsideration window counted from the decision, with a reason. The report goes
 * back to the agency with a new decision target from the request.
 */
export async function requestReconsiderationInTx(
  tx: Tx,
  actor: Actor,
  caseId: string,
  number: number | null,
  raw: unknown,
  context: RequestContext,
  now: Date,
) {
  const input = parseInput(ReconsiderSdrInput, raw);
  const caseRow = await caseFor(tx, actor, caseId, "fileSdr");
  const sdr = await findSdr(tx, caseId, number);
  if (sdr.version !== input.expectedVersion) throw versionConflict(sdr.version);
  const policy = await loadSdrPolicy(tx);
  const step = reconsiderStep(snapshotOf(sdr), policy, now);
  if (!step.ok) throw stepError(step);
  const due = decisionDue(policy, now);
  if (!due) throw new AppError("CONFLICT", `No decision target (${SDR_RULE_KEYS.decision}) is in force; an administrator must add one.`);
  const updated = await tx.supplyDiscrepancyReport.updateMany({
    where: { id: sdr.id, version: input.expectedVersion },
    data: {
      status: step.status,
      reconsiderationReason: input.reason,
      reconsiderationRequestedAt: now,
      dueAt: due.dueAt,
      slaRuleId: due.rule.id,
      version: { increment: 1 },
    },
  });
  if (updated.count === 0) throw versionConflict((await tx.supplyDiscrepancyReport.findUniqueOrThrow({ where: { id: sdr.id } })).version);
  await recordSdrAudit(tx, "sdr.reconsider", actor, caseRow, sdr, {
    reason: input.reason,
    decisionUnderReconsideration: sdr.decision,
    lastDay: step.lastDay,
    dueAt: due.dueAt.toISOString(),
    decisionRuleId: due.rule.id,
  }, context, now);
  const saved = await findSdr(tx, caseId, sdr.number);
  // A reopened SDR blocks closure again.
  await refreshClosureInbox(tx, caseId, now);
  return toSdrView(tx, actor, caseRow, saved, now, policy);
}

/** The partner accepts the decision as final (see acceptDecisionStep): the report closes. */
export async function acceptDecisionInTx(tx: Tx, actor: Actor, caseId: string, number: number | null, raw: unknown, context: RequestContext, now: Date) {
  const input = parseInput(AcceptSdrDecisionInput, raw);
  const caseRow = await caseFor(tx, actor, caseId, "fileSdr");
  const sdr = await findSdr(tx, caseId, number);
  if (sdr.version !== input.expectedVersion) throw versionConflict(sdr.version);
  const step = acceptDecisionStep(snapshotOf(sdr));
  if (!step.ok) throw stepError(step);
  const updated = await tx.supplyDiscrepancyReport.updateMany({
    where: { id: sdr.id, version: input.expectedVersion },
    data: { status: step.status, version: { increment: 1 } },
  });
  if (updated.count === 0) throw versionConflict((await tx.supplyDiscrepancyReport.findUniqueOrThrow({ where: { id: sdr.id } })).version);
  await recordSdrAudit(tx, "sdr.accept", actor, caseRow, sdr, { decision: sdr.decision, sdrStatusFrom: sdr.status, sdrStatusTo: step.status }, context, now);
  const saved = await findSdr(tx, caseId, sdr.number);
  // A settled SDR may clear the last closure blocker.
  await refreshClosureInbox(tx, caseId, now);
  return toSdrView(tx, actor, caseRow, saved, now);
}

/**
 * A comment on the report. U.S. Government comments are internal unless marked for the partner; a partner's own are
 * always theirs to see. Allowed whatever the report's state: questions come after decisions too.
 */
export async function commentOnSdrInTx(tx: Tx, actor: Actor, caseId: string, number: number | null, raw: unknown, context: RequestContext, now: Date) {
  const input = parseInput(SdrCommentInput, raw);
  const caseRow = await caseFor(tx, actor, caseId, "commentOnSdr");
  const sdr = await findSdr(tx, caseId, number);
  const partner = actor.role === "PARTNER_OFFICER";
  if (partner && input.visibility === "USG_INTERNAL") {
    throw fieldError("visibility", "Your comments are always visible to your country; leave the visibility empty");
  }
  const visibility: CommentVisibility = partner ? "PARTNER_VISIBLE" : (input.visibility ?? "USG_INTERNAL");
  const comment = await tx.sdrComment.create({ data: { sdrId: sdr.id, authorId: actor.userId, visibility, text: input.text, createdAt: now } });
  await recordSdrAudit(tx, "sdr.comment", actor, caseRow, sdr, {
    commentId: comment.id,
    // The timeline shows `comment` by `commentVisibility`, as it does review comments.
    comment: input.text,
    commentVisibility: visibility,
  }, context, now);
  const nameOf = await peopleNamed(tx, actor, [actor.userId]);
  return { id: comment.id, author: nameOf(actor.userId), visibility, text: comment.text, createdAt: comment.createdAt.toISOString() };
}

/**
 * More photos or documents on an open or decided report, from the partner who reports or the agency that decides;
 * a closed report's evidence is final. Files are never removed: they are what the decision was based on.
 */
export async function attachToSdrInTx(
  tx: Tx,
  actor: Actor,
  caseId: string,
  number: number | null,
  uploads: readonly CheckedUpload[],
  context: RequestContext,
  now: Date,
) {
  if (uploads.length === 0) throw fieldError("file", "Choose a photo or document to attach");
  const caseRow = await caseFor(tx, actor, caseId, null);
  const subject = subjectOf(caseRow);
  if (actor.role === "PARTNER_OFFICER") authorize(actor, "fileSdr", subject);
  else authorize(actor, "decideSdr", subject);
  const sdr = await findSdr(tx, caseId, number);
  if (sdr.status === "CLOSED") throw new AppError("CONFLICT", "This report is closed; its evidence can no longer change.");
  const stored = await storeSdrAttachments(tx, sdr.id, uploads, actor, now);
  await recordSdrAudit(tx, "sdr.attach", actor, caseRow, sdr, {
    attachments: auditedFiles(stored),
  }, context, now);
  return toSdrView(tx, actor, caseRow, sdr, now);
}
