// The derived inbox (case_inbox_entries): written in the same transaction as every change to a case, and rebuilt for
// cases written by an older derivation (INBOX_REVISION) at startup. Free of `server-only`: the seeds and the tests
// write cases the way the app does.
import { inboxEntriesOf, inboxKey, INBOX_REVISION, type StoredCaseClock } from "../../domain/workflow/inbox";
import type { CaseSnapshot, WorkflowContext } from "../../domain/workflow/case-workflow";
import type { CaseStatus } from "../../domain/workflow/states";
import { Prisma, type PrismaClient } from "../../generated/prisma/client";
import type { Tx } from "../db";
import { caseInclude, snapshotOf, workflowContextFor, type CaseRow } from "./case-store";

/** Where work without a target sorts: after everything that has one. */
export const NO_DUE_DATE = new Date("9999-12-31T00:00:00.000Z");

const storedClockOf = (row: CaseRow): StoredCaseClock => ({
  status: row.status as CaseStatus,
  statusChangedAt: row.statusChangedAt,
  statusDueAt: row.statusDueAt,
  statusSlaRuleId: row.statusSlaRuleId,
  updatedAt: row.updatedAt,
});

/** The inbox rows of a case as the app writes them (also used by the large seed, which writes them in bulk). */
export function rowsOf(caseId: string, snapshot: CaseSnapshot, stored: StoredCaseClock, context: WorkflowContext) {
  return inboxEntriesOf(snapshot, stored, context).map(({ role, agencyId, ...entry }) => ({
    ...entry,
    inbox: inboxKey(role, agencyId),
    dueSort: entry.dueAt ?? NO_DUE_DATE,
    caseId,
  }));
}

/**
 * The CTEs (for a WITH list) that replace the case's inbox rows with those of `snapshot` as it is being saved: the old
 * rows go and the new ones come in, typed by the table's own row type. No reload: the caller has the case locked and
 * holds what it writes, and stores `inboxRev: INBOX_REVISION` with the case row.
 */
export function inboxRewrite(caseId: string, snapshot: CaseSnapshot, stored: StoredCaseClock, context: WorkflowContext): Prisma.Sql {
  const rows = rowsOf(caseId, snapshot, stored, context).map((row) => ({
    inbox: row.inbox,
    user_id: row.userId,
    excluded_user_ids: row.excludedUserIds,
    valid_from: row.validFrom,
    valid_until: row.validUntil,
    kind: row.kind,
    office: row.office,
    status: row.status,
    actions: row.actions,
    waiting_for: row.waitingFor,
    since: row.since,
    clock_start: row.clockStart,
    sla_rule_id: row.slaRuleId,
    amber_at: row.amberAt,
    due_at: row.dueAt,
    due_sort: row.dueSort,
  }));
  return Prisma.sql`inbox_gone AS (DELETE FROM case_inbox_entries WHERE case_id = ${caseId}::uuid),
    inbox_added AS (
      INSERT INTO case_inbox_entries (id, case_id, inbox, user_id, excluded_user_ids, valid_from, valid_until, kind, office,
                                      status, actions, waiting_for, since, clock_start, sla_rule_id, amber_at, due_at, due_sort)
      SELECT gen_random_uuid(), ${caseId}::uuid, r.inbox, r.user_id, r.excluded_user_ids, r.valid_from, r.valid_until, r.kind,
             r.office, r.status, r.actions, r.waiting_for, r.since, r.clock_start, r.sla_rule_id, r.amber_at, r.due_at, r.due_sort
        FROM jsonb_populate_recordset(NULL::case_inbox_entries, ${JSON.stringify(rows)}::jsonb) r)`;
}

/** Replaces the case's inbox rows (see inboxRewrite), in one statement. */
export async function writeCaseInbox(tx: Tx, caseId: string, snapshot: CaseSnapshot, stored: StoredCaseClock, context: WorkflowContext) {
  await tx.$executeRaw`WITH ${inboxRewrite(caseId, snapshot, stored, context)} SELECT 1`;
}

/** Recomputes the inbox rows of cases as stored (the caller holds their row locks), and marks them current. */
export async function refreshCaseInboxes(tx: Tx, caseIds: readonly string[], now: Date = new Date()) {
  if (caseIds.length === 0) return;
  const [rows, rules] = await Promise.all([
    tx.case.findMany({ where: { id: { in: [...caseIds] } }, include: caseInclude }),
    tx.slaRule.findMany(),
  ]);
  await tx.caseInboxEntry.deleteMany({ where: { caseId: { in: [...caseIds] } } });
  const data = rows.flatMap((row) => rowsOf(row.id, snapshotOf(row), storedClockOf(row), workflowContextFor(row, rules, now)));
  if (data.length > 0) await tx.caseInboxEntry.createMany({ data });
  await tx.case.updateMany({ where: { id: { in: [...caseIds] } }, data: { inboxRev: INBOX_REVISION } });
}

/**
 * Brings every case's inbox rows up to the current derivation, a batch at a time, each batch under its cases' row
 * locks (SKIP LOCKED: a case being changed right now gets its rows from that change). Safe to run on several
 * instances at once. Returns how many cases it rebuilt.
 */
export async function rebuildCaseInboxes(
  prisma: PrismaClient,
  { batchSize = 500, onProgress }: { batchSize?: number; onProgress?: (done: number) => void } = {},
): Promise<number> {
  let done = 0;
  for (;;) {
    const count = await prisma.$transaction(
      async (tx) => {
        const stale = await tx.$queryRaw<{ id: string }[]>`
          SELECT id FROM cases WHERE inbox_rev <> ${INBOX_REVISION} ORDER BY id LIMIT ${batchSize} FOR UPDATE SKIP LOCKED`;
        await refreshCaseInboxes(
          tx,
          stale.map((r) => r.id),
        );
        return stale.length;
      },
      { timeout: 120_000 },
    );
    done += count;
    // Fresh statistics once a large rebuild is done, so the planner reads the inbox through its index at once.
    if (count < batchSize && done >= 1000) await prisma.$executeRaw`ANALYZE case_inbox_entries`;
    if (count > 0) onProgress?.(done);
    if (count < batchSize) return done;
  }
}
