import "server-only";
import type { Actor } from "@/domain/policy";
import { TaskListQuery, type InboxItemView, type TaskSummaryView } from "@/domain/schemas/cases";
import { agingOf, type DayKind } from "@/domain/sla";
import { INBOX_ROLES, inboxKey, type InboxRole } from "@/domain/workflow/inbox";
import type { CaseStatus, ReviewOffice } from "@/domain/workflow/states";
import type { Prisma } from "../../generated/prisma/client";
import { assertCan } from "../auth/actor";
import { db } from "../db";
import { parseInput } from "../errors";

const isInboxRole = (role: string): role is InboxRole => Object.hasOwn(INBOX_ROLES, role);

/** The actor's office's rows in force at `now`: their office's work, or their own where separation of duties changes it. */
const inboxOf = (actor: Actor) => inboxKey(actor.role as InboxRole, actor.organizationId);

function inboxWhere(actor: Actor, now: Date): Prisma.CaseInboxEntryWhereInput {
  return {
    inbox: inboxOf(actor),
    AND: [
      { OR: [{ validFrom: null }, { validFrom: { lte: now } }] },
      { OR: [{ validUntil: null }, { validUntil: { gt: now } }] },
      { OR: [{ userId: null, NOT: { excludedUserIds: { has: actor.userId } } }, { userId: actor.userId }] },
    ],
  };
}

const entryInclude = {
  case: {
    select: {
      identifier: true,
      country: { select: { id: true, code: true, name: true } },
      implementingAgency: { select: { id: true, code: true, name: true } },
      lors: { select: { subject: true }, orderBy: { completedAt: "asc" }, take: 1 },
    },
  },
  slaRule: true,
} satisfies Prisma.CaseInboxEntryInclude;

type EntryRow = Prisma.CaseInboxEntryGetPayload<{ include: typeof entryInclude }>;

function toInboxItem(row: EntryRow, now: Date): InboxItemView {
  // The state comes from the stored moments, so each tag agrees with the SQL counts and the overdue filter; the share
  // comes from the rule.
  const aging =
    row.slaRule && row.clockStart && row.dueAt && row.amberAt
      ? {
          ...agingOf(row.clockStart, row.slaRule, now),
          state: now > row.dueAt ? ("OVERDUE" as const) : now >= row.amberAt ? ("DUE_SOON" as const) : ("ON_TRACK" as const),
          dueAt: row.dueAt.toISOString(),
          dayKind: row.slaRule.dayKind as DayKind,
        }
      : null;
  return {
    caseId: row.caseId,
    identifier: row.case.identifier,
    country: row.case.country,
    implementingAgency: row.case.implementingAgency,
    status: row.status as CaseStatus,
    kind: row.kind as InboxItemView["kind"],
    office: row.office as ReviewOffice | null,
    waitingFor: row.waitingFor,
    since: row.since.toISOString(),
    aging,
    actions: row.actions,
    subject: row.case.lors[0]?.subject ?? null,
  };
}

/**
 * Counts of the actor's inbox by aging, in one statement: overdue past the due moment, due soon from the moment the
 * clock turned amber (stored with each row, so business-day targets count as the tags read).
 */
async function summarize(actor: Actor, now: Date): Promise<TaskSummaryView> {
  const [row] = await db().$queryRaw<{ total: bigint; overdue: bigint; due_soon: bigint; on_track: bigint }[]>`
    SELECT count(*) AS total,
           count(*) FILTER (WHERE due_sort < ${now}) AS overdue,
           count(*) FILTER (WHERE due_at >= ${now} AND amber_at <= ${now}) AS due_soon,
           count(*) FILTER (WHERE due_at >= ${now} AND amber_at > ${now}) AS on_track
      FROM case_inbox_entries
     WHERE inbox = ${inboxOf(actor)}
       AND (valid_from IS NULL OR valid_from <= ${now})
       AND (valid_until IS NULL OR valid_until > ${now})
       AND ((user_id IS NULL AND NOT (${actor.userId}::uuid = ANY (excluded_user_ids))) OR user_id = ${actor.userId}::uuid)`;
  return { total: Number(row!.total), overdue: Number(row!.overdue), dueSoon: Number(row!.due_soon), onTrack: Number(row!.on_track) };
}

/** The counts alone, for the home page's tiles. */
export async function summarizeMyTasks(actor: Actor, now: Date = new Date()): Promise<TaskSummaryView> {
  assertCan(actor, "listMyTasks");
  return isInboxRole(actor.role) ? summarize(actor, now) : { total: 0, overdue: 0, dueSoon: 0, onTrack: 0 };
}

/**
 * The actor's inbox: every open case on which their office has work now (their review, or the step the case waits on),
 * with its due date and aging (amber at the rule's share, red when overdue), earliest due first (so every overdue task
 * comes before the rest), a page at a time. Read from the derived inbox rows, one indexed query whatever the volume.
 */
export async function listMyTasks(actor: Actor, query: unknown = {}, now: Date = new Date()) {
  assertCan(actor, "listMyTasks");
  const { overdue, page, pageSize } = parseInput(TaskListQuery, query);
  if (!isInboxRole(actor.role)) return { items: [], page, pageSize, total: 0, summary: { total: 0, overdue: 0, dueSoon: 0, onTrack: 0 } };
  const where: Prisma.CaseInboxEntryWhereInput = {
    AND: [
      inboxWhere(actor, now),
      overdue === true ? { dueSort: { lt: now } } : overdue === false ? { dueSort: { gte: now } } : {},
    ],
  };
  const [rows, summary] = await Promise.all([
    db().caseInboxEntry.findMany({
      where,
      include: entryInclude,
      orderBy: [{ dueSort: "asc" }, { caseId: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
    summarize(actor, now),
  ]);
  const total = overdue === true ? summary.overdue : overdue === false ? summary.total - summary.overdue : summary.total;
  return { items: rows.map((row) => toInboxItem(row, now)), page, pageSize, total, summary };
}
