// The case's storage: loading it as a workflow snapshot, and committing one workflow event (the case row with a
// compare-and-set on its version, its review tasks and its hash-chained audit events) inside a transaction.
// Free of `server-only` so the demo seed walks cases through the same code as the app.
import { caseIdentifier } from "../../domain/cases/identifier";
import { isUuid } from "../../domain/schemas/common";
import { CASE_EVENTS, officeOf, type CaseEvent, type CaseSnapshot, type EventInput, type ReviewTaskSnapshot, type WorkflowContext } from "../../domain/workflow/case-workflow";
import { applyDueClocks, transition, type AppliedClockEvent } from "../../domain/workflow/engine";
import { describePause, type SuspensionPause } from "../../domain/workflow/suspension";
import type { CaseStatus, CnStatus } from "../../domain/workflow/states";
import type { Actor } from "../../domain/policy";
import { randomUUID } from "node:crypto";
import { Prisma } from "../../generated/prisma/client";
import { recordAudit } from "../audit";
import { loadAfterAcceptanceFacts, needsAfterAcceptanceFacts } from "../execution/after-acceptance-facts";
import { applyClosureEvent } from "../closure/closure-effects";
import { insertDeposit } from "../finance/deposit-store";
import type { Tx } from "../db";
import { columnName, prepared } from "../json-rows";
import { AppError, fieldError, refusedBy, versionConflict } from "../errors";
import type { RequestContext } from "../request-context";
import { loaReadiness, syncLoaWithCase } from "../loa/case-loa-sync";
import { allocateDesignator } from "./allocate-designator";
import { loadCaseRow } from "./case-rows";
import { inboxRewrite } from "./case-inbox";
import { INBOX_REVISION } from "../../domain/workflow/inbox";
import { isSignedCaseEvent } from "../../domain/signatures/statement";
import { boundDocumentFor, recordDecisionSignature } from "../signatures/decision-signatures";
import { startOfUtcDay } from "../../domain/sla";

export const caseInclude = {
  country: { select: { id: true, code: true, name: true, natoPlus: true, standardOedDays: true } },
  implementingAgency: { select: { id: true, code: true, name: true } },
  lors: {
    select: { id: true, subject: true, originatorReference: true, requestType: true, status: true, completedAt: true },
    orderBy: { completedAt: "asc" },
  },
  reviewTasks: { include: { decidedBy: { select: { id: true, name: true } } }, orderBy: [{ round: "asc" }, { office: "asc" }] },
} satisfies Prisma.CaseInclude;

export type CaseRow = Prisma.CaseGetPayload<{ include: typeof caseInclude }>;

/** Takes the case's row lock for the rest of the transaction; false when there is no such case (or the id is no UUID). */
export async function lockCase(tx: Tx, caseId: string): Promise<boolean> {
  // PostgreSQL refuses to cast a malformed id to uuid: that is a missing case, not a server error.
  if (!isUuid(caseId)) return false;
  const rows = await tx.$queryRaw<{ id: string }[]>(prepared(Prisma.sql`SELECT id FROM cases WHERE id = ${caseId}::uuid FOR UPDATE`));
  return rows.length > 0;
}

/** The case with its relations (caseInclude's shape), or null. */
export const loadCase = async (tx: Tx, caseId: string): Promise<CaseRow | null> => (await loadCaseRow(tx, caseId))?.row ?? null;

const dateOnly = (date: Date) => date.toISOString().slice(0, 10);

export function snapshotOf(row: CaseRow): CaseSnapshot {
  return {
    status: row.status as CaseStatus,
    statusChangedAt: row.statusChangedAt,
    statusDueAt: row.statusDueAt,
    statusSlaRuleId: row.statusSlaRuleId,
    suspendedFromStatus: (row.suspendedFromStatus as CaseStatus | null) ?? null,
    pausedStatusClock: row.pausedStatusChangedAt
      ? { statusChangedAt: row.pausedStatusChangedAt, statusDueAt: row.pausedStatusDueAt, statusSlaRuleId: row.pausedStatusSlaRuleId }
      : null,
    countryId: row.countryId,
    agencyId: row.implementingAgencyId,
    natoPlus: row.country.natoPlus === true,
    reviewRound: row.reviewRound,
    loaPreparerIds: row.loaPreparerIds,
    agencyApprovedAt: row.agencyApprovedAt,
    offerExpiresAt: row.offerExpiresAt,
    agencySignedAt: row.agencySignedAt,
    countersignedAt: row.countersignedAt,
    offeredAt: row.offeredAt,
    acceptedAt: row.acceptedAt,
    acceptance:
      row.signerName && row.signerTitle && row.signedOn && row.initialDeposit
        ? {
            signerName: row.signerName,
            signerTitle: row.signerTitle,
            signedOn: dateOnly(row.signedOn),
            initialDeposit: row.initialDeposit.toFixed(2),
          }
        : null,
    initialDepositDue: row.initialDepositDue?.toFixed(2) ?? null,
    depositReceivedAt: row.depositReceivedAt,
    implementedAt: row.implementedAt,
    emergencyImplementation: row.emergencyImplementation,
    closedAt: row.closedAt,
    cn: {
      status: row.cnStatus as CnStatus,
      heldFrom: (row.cnHeldFromStatus as CnStatus | null) ?? null,
      informalEndsAt: row.cnInformalEndsAt,
      notifiedAt: row.cnNotifiedAt,
      periodEndsAt: row.cnPeriodEndsAt,
    },
    tasks: row.reviewTasks.map((t) => ({
      id: t.id,
      round: t.round,
      office: t.office,
      status: t.status,
      openedAt: t.openedAt,
      dueAt: t.dueAt,
      slaRuleId: t.slaRuleId,
      decision: t.decision,
      decidedById: t.decidedById,
      decidedAt: t.decidedAt,
      comment: t.comment,
      commentVisibility: t.commentVisibility,
    })),
  };
}

/**
 * The rules, holidays and country facts a transition reads. Rules are few, so all are loaded — unless the caller read
 * them with the case (lockAndLoadCase, loadCaseRow).
 */
export async function loadWorkflowContext(
  tx: Tx,
  row: Pick<CaseRow, "country" | "id" | "status" | "suspendedFromStatus">,
  now: Date,
  loadedRules?: WorkflowContext["rules"],
): Promise<WorkflowContext> {
  const [rules, afterAcceptance] = await Promise.all([
    loadedRules ?? tx.slaRule.findMany(),
    needsAfterAcceptanceFacts(row) ? loadAfterAcceptanceFacts(tx, row.id, now) : Promise.resolve(undefined),
  ]);
  const context = workflowContextFor(row, rules, now);
  return afterAcceptance ? { ...context, afterAcceptance } : context;
}

/** The context for one case of a list, from rules loaded once for the whole list. */
export function workflowContextFor(row: Pick<CaseRow, "country">, rules: WorkflowContext["rules"], now: Date): WorkflowContext {
  return { now, rules, countryOedDays: row.country.standardOedDays ?? null };
}

/** The case's columns as the snapshot has them (everything the workflow may change, except the agency). */
export function caseColumns(s: CaseSnapshot) {
  return {
    status: s.status,
    statusChangedAt: s.statusChangedAt,
    statusDueAt: s.statusDueAt,
    statusSlaRuleId: s.statusSlaRuleId,
    suspendedFromStatus: s.suspendedFromStatus,
    pausedStatusChangedAt: s.pausedStatusClock?.statusChangedAt ?? null,
    pausedStatusDueAt: s.pausedStatusClock?.statusDueAt ?? null,
    pausedStatusSlaRuleId: s.pausedStatusClock?.statusSlaRuleId ?? null,
    reviewRound: s.reviewRound,
    loaPreparerIds: [...s.loaPreparerIds],
    agencyApprovedAt: s.agencyApprovedAt,
    offerExpiresAt: s.offerExpiresAt,
    agencySignedAt: s.agencySignedAt,
    countersignedAt: s.countersignedAt,
    offeredAt: s.offeredAt,
    acceptedAt: s.acceptedAt,
    signerName: s.acceptance?.signerName ?? null,
    signerTitle: s.acceptance?.signerTitle ?? null,
    signedOn: s.acceptance ? startOfUtcDay(s.acceptance.signedOn) : null,
    initialDeposit: s.acceptance?.initialDeposit ?? null,
    initialDepositDue: s.initialDepositDue,
    depositReceivedAt: s.depositReceivedAt,
    implementedAt: s.implementedAt,
    emergencyImplementation: s.emergencyImplementation,
    closedAt: s.closedAt,
    cnStatus: s.cn.status,
    cnHeldFromStatus: s.cn.heldFrom,
    cnInformalEndsAt: s.cn.informalEndsAt,
    cnNotifiedAt: s.cn.notifiedAt,
    cnPeriodEndsAt: s.cn.periodEndsAt,
  } satisfies Prisma.CaseUncheckedUpdateManyInput;
}

/**
 * Writes the review tasks a transition opened or changed, and returns them as stored (new ones get their ids here, so
 * nothing needs reading back).
 */
export async function saveTasks(
  tx: Tx,
  caseId: string,
  before: readonly ReviewTaskSnapshot[],
  after: readonly ReviewTaskSnapshot[],
): Promise<(ReviewTaskSnapshot & { id: string })[]> {
  const previous = new Map(before.filter((t) => t.id).map((t) => [t.id!, t]));
  const saved: (ReviewTaskSnapshot & { id: string })[] = [];
  const created: Prisma.ReviewTaskCreateManyInput[] = [];
  for (const task of after) {
    const { id, ...fields } = task;
    if (!id) {
      const newId = randomUUID();
      created.push({ ...fields, id: newId, caseId });
      saved.push({ ...task, id: newId });
      continue;
    }
    const old = previous.get(id);
    if (old && JSON.stringify(old) !== JSON.stringify(task)) await tx.reviewTask.update({ where: { id }, data: fields });
    saved.push({ ...task, id });
  }
  if (created.length > 0) await tx.reviewTask.createMany({ data: created });
  return saved;
}

/** The case row as the transaction has just written it, built from what was written instead of read back. */
function rowAfter(
  row: CaseRow,
  next: CaseSnapshot,
  tasks: readonly (ReviewTaskSnapshot & { id: string })[],
  identity: Awaited<ReturnType<typeof reassignIdentity>>,
  actor: Actor,
  now: Date,
): CaseRow {
  const columns = caseColumns(next);
  const stored = new Map(row.reviewTasks.map((t) => [t.id, t]));
  return {
    ...row,
    ...columns,
    initialDeposit: columns.initialDeposit === null ? null : new Prisma.Decimal(columns.initialDeposit),
    initialDepositDue: columns.initialDepositDue === null ? null : new Prisma.Decimal(columns.initialDepositDue),
    ...(identity
      ? { implementingAgencyId: identity.implementingAgencyId, designator: identity.designator, identifier: identity.identifier, implementingAgency: identity.agency }
      : {}),
    version: row.version + 1,
    updatedAt: now,
    inboxRev: INBOX_REVISION,
    reviewTasks: tasks.map((task) => {
      const before = stored.get(task.id);
      const decidedBy =
        task.decidedById === null ? null : task.decidedById === actor.userId ? { id: actor.userId, name: actor.name } : (before?.decidedBy ?? null);
      return { ...task, caseId: row.id, overdueFlaggedAt: before?.overdueFlaggedAt ?? null, decidedBy };
    }),
  };
}

/**
 * Compare-and-set of the case's columns (version + 1, only if still `expectedVersion`) and the rewrite of its inbox, in
 * one statement (issue 11: every statement is a round trip on every transition). The columns go through
 * jsonb_populate_record, so each value takes its column's type (enums, uuids, dates, decimals) as Prisma's update did.
 * False when the version had moved (the caller's transaction then ends without the inbox rewrite).
 */
async function updateCaseWithInbox(
  tx: Tx,
  caseId: string,
  expectedVersion: number,
  columns: Record<string, unknown>,
  inbox: Prisma.Sql,
  now: Date,
): Promise<boolean> {
  const names = Object.keys(columns).map(columnName);
  const values = Object.fromEntries(Object.values(columns).map((value, i) => [names[i]!, value]));
  const [result] = await tx.$queryRaw<{ updated: number }[]>(prepared(Prisma.sql`
    WITH updated AS (
      UPDATE cases c
         SET (${Prisma.raw(names.join(", "))}) = (SELECT ${Prisma.raw(names.map((name) => `r.${name}`).join(", "))}
                                                   FROM jsonb_populate_record(NULL::cases, ${JSON.stringify(values)}::jsonb) r),
             version = c.version + 1, inbox_rev = ${INBOX_REVISION}, updated_at = ${now}
       WHERE c.id = ${caseId}::uuid AND c.version = ${expectedVersion}
      RETURNING c.id),
    ${inbox}
    SELECT count(*)::int AS updated FROM updated`));
  return (result?.updated ?? 0) > 0;
}

/**
 * Commits one event on a locked case: clock events that fell due first, then the workflow's transition (state table,
 * guards, separation of duties), then the case with version + 1 only if the version is still `expectedVersion`, its
 * review tasks and the audit events — all in the caller's transaction.
 */
export async function commitCaseEvent(
  tx: Tx,
  row: CaseRow,
  actor: Actor,
  action: CaseEvent,
  input: EventInput & { expectedVersion: number },
  workflowContext: WorkflowContext,
  context: RequestContext,
): Promise<CaseRow> {
  const stored = snapshotOf(row);
  const clocks = applyDueClocks(stored, workflowContext);
  if (action === "assign-agency") await checkAgency(tx, input.agencyId!);

  // The agency's approval sends the LOA to review: it must be complete, and its values decide notification.
  const eventContext = action === "approve-loa" ? { ...workflowContext, loa: await loaReadiness(tx, row.id, workflowContext.now) } : workflowContext;
  const result = transition(clocks.snapshot, action, actor, input, eventContext);
  if (!result.ok) {
    const policyAction = CASE_EVENTS[action].permission ?? action;
    if (result.kind === "not-found") throw refusedBy(actor, policyAction, "not-found", "Case");
    if (result.kind === "forbidden" || result.kind === "separation-of-duties") throw refusedBy(actor, policyAction, "forbidden", "Case", result.message);
    if (result.kind === "invalid-input") throw fieldError(result.field, result.message);
    throw new AppError("CONFLICT", result.message);
  }
  const next = result.next;

  const identity = await reassignIdentity(tx, row, next);
  const columns = {
    ...caseColumns(next),
    ...(identity ? { implementingAgencyId: identity.implementingAgencyId, designator: identity.designator, identifier: identity.identifier } : {}),
  };
  const inbox = inboxRewrite(row.id, next, { ...next, updatedAt: workflowContext.now }, workflowContext);
  const updated = await updateCaseWithInbox(tx, row.id, input.expectedVersion, columns, inbox, workflowContext.now);
  if (!updated) {
    const current = await tx.case.findUnique({ where: { id: row.id }, select: { version: true } });
    throw versionConflict(current?.version ?? row.version);
  }
  const tasks = await saveTasks(tx, row.id, stored.tasks, next.tasks);
  // A signed decision (ADR 0031) names its document as it stands before the event moves it (the offer, acceptance).
  const signedDocument = isSignedCaseEvent(action) ? await boundDocumentFor(tx, row.id, row.identifier, action) : undefined;
  await writeEventRecords(tx, row.id, action, input, actor, workflowContext.now);
  await syncLoaWithCase(tx, row.id, action, clocks.snapshot.status, next.status, actor, workflowContext.now);

  const now = workflowContext.now;
  await recordCaseClockEvents(tx, row.id, clocks.applied, context, now);
  const audited = await recordAudit(
    tx,
    {
      action: `case.${action}`,
      outcome: "SUCCESS",
      actor,
      target: { type: "case", id: row.id },
      details: eventDetails(action, actor, input, clocks.snapshot, next, row.identifier, identity?.identifier, now),
      context,
    },
    now,
  );
  if (signedDocument !== undefined) {
    const decision = { caseId: row.id, identifier: identity?.identifier ?? row.identifier, decision: `case.${action}`, actor };
    await recordDecisionSignature(tx, { ...decision, document: signedDocument, audited, now });
  }
  // After the event's own audit entry, so the final statement and certificate follow "Case closed" on the timeline.
  await applyClosureEvent(tx, row.id, action, input, actor, context, now);
  return rowAfter(row, next, tasks, identity, actor, now);
}

/** Rows an event adds beside the case, in its transaction: the initial deposit that arrived, whether or not it covers. */
async function writeEventRecords(tx: Tx, caseId: string, action: CaseEvent, input: EventInput, actor: Actor, now: Date) {
  if (action !== "record-deposit") return;
  await insertDeposit(
    tx,
    { caseId, amount: input.amount!, valueDate: input.receivedOn!, wireReference: input.wireReference!, recordedById: actor.userId },
    now,
  );
}

async function checkAgency(tx: Tx, agencyId: string) {
  const agency = await tx.organization.findUnique({ where: { id: agencyId }, select: { kind: true } });
  if (agency?.kind !== "IMPLEMENTING_AGENCY") throw fieldError("agencyId", "Choose an implementing agency");
}

/** A new agency means a new case identifier: the agency's letter is part of it, and designators are per agency. */
async function reassignIdentity(tx: Tx, row: { countryId: string; implementingAgencyId: string; country: { code: string } }, next: CaseSnapshot) {
  if (next.agencyId === row.implementingAgencyId) return undefined;
  const agency = await tx.organization.findUniqueOrThrow({ where: { id: next.agencyId }, select: { id: true, code: true, name: true } });
  const designator = await allocateDesignator(tx, row.countryId, next.agencyId);
  return { implementingAgencyId: next.agencyId, designator, identifier: caseIdentifier(row.country.code, agency.code, designator), agency };
}

/** What the audit event records: the move, the notification track, the decision, the comment and the inputs. */
export function eventDetails(
  action: CaseEvent,
  actor: Actor,
  input: EventInput & { expectedVersion: number },
  before: CaseSnapshot,
  after: CaseSnapshot,
  identifier: string,
  newIdentifier: string | undefined,
  now: Date,
): Prisma.InputJsonObject {
  const { expectedVersion: _version, comment, commentVisibility, ...extra } = input;
  const definition = CASE_EVENTS[action];
  const partnerAuthored = actor.role === "PARTNER_OFFICER";
  return {
    event: action,
    identifier,
    ...(newIdentifier ? { newIdentifier } : {}),
    fromStatus: before.status,
    toStatus: after.status,
    ...(before.cn.status !== after.cn.status ? { notificationFrom: before.cn.status, notificationTo: after.cn.status } : {}),
    ...(definition.permission === "decideReview" ? { reviewOffice: officeOf(actor), reviewRound: before.reviewRound } : {}),
    // The waived review is named like a decided one, so the timeline reads "DTSA …: review recorded as not required".
    ...(action === "review-not-required" && input.office ? { reviewOffice: input.office, reviewRound: before.reviewRound } : {}),
    comment: comment ?? null,
    // A partner's own words are always theirs to see; USG comments are internal unless marked otherwise.
    commentVisibility: comment ? (partnerAuthored ? "PARTNER_VISIBLE" : (commentVisibility ?? "USG_INTERNAL")) : null,
    ...(Object.keys(extra).length ? { input: JSON.parse(JSON.stringify(extra)) as Prisma.InputJsonObject } : {}),
    ...(after.offerExpiresAt && after.offerExpiresAt !== before.offerExpiresAt
      ? { offerExpiresAt: after.offerExpiresAt.toISOString() }
      : {}),
    ...(action === "resume" ? { pause: pauseDetails(describePause(before, after, now)) } : {}),
  };
}

/** The pause a resume ended, as the audit records it: how long the case was suspended and each due date moved. */
function pauseDetails(pause: SuspensionPause): Prisma.InputJsonObject {
  return {
    suspendedAt: pause.suspendedAt.toISOString(),
    resumedAt: pause.resumedAt.toISOString(),
    pausedMs: pause.pausedMs,
    extended: pause.extended.map((e) => ({
      clock: e.clock,
      ...(e.office ? { office: e.office, round: e.round ?? null } : {}),
      from: e.from.toISOString(),
      to: e.to.toISOString(),
    })),
  };
}

/** What the audit event of a clock event records (the large seed writes the same). */
export function clockEventDetails(step: AppliedClockEvent): Prisma.InputJsonObject {
  return {
    event: step.event,
    dueAt: step.dueAt.toISOString(),
    fromStatus: step.before.status,
    toStatus: step.after.status,
    ...(step.before.cn.status !== step.after.cn.status ? { notificationFrom: step.before.cn.status, notificationTo: step.after.cn.status } : {}),
  };
}

/** Audits the clock's events (offer expired, review period ended) on the case's chain, each with the moment it fell due. */
export async function recordCaseClockEvents(
  tx: Tx,
  caseId: string,
  applied: readonly AppliedClockEvent[],
  context: RequestContext,
  now: Date,
) {
  for (const step of applied) {
    await recordAudit(
      tx,
      {
        action: `case.${step.event}`,
        outcome: "SUCCESS",
        actorEmail: "clock",
        target: { type: "case", id: caseId },
        details: clockEventDetails(step),
        context,
      },
      now,
    );
  }
}
