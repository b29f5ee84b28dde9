import "server-only";
import type { Actor } from "@/domain/policy";
import { TaskListQuery, type InboxItemView } from "@/domain/schemas/cases";
import { CASE_EVENTS, officeOf, type CaseEventDefinition } from "@/domain/workflow/case-workflow";
import { applyDueClocks, inboxActions, inboxStatusesFor } from "@/domain/workflow/engine";
import { CN_STATUS_LABELS, REVIEW_OFFICE_LABELS, WAITING_ON } from "@/domain/workflow/states";
import type { Prisma } from "../../generated/prisma/client";
import { assertCan } from "../auth/actor";
import { db } from "../db";
import { parseInput } from "../errors";
import { agingFor } from "./case-record";
import { caseInclude, snapshotOf, workflowContextFor } from "./case-store";

const AGING_ORDER = { OVERDUE: 0, DUE_SOON: 1, ON_TRACK: 2, MET: 3, MISSED: 3 } as const;

/**
 * The actor's inbox: every open case on which their office has work now (their review, or the step the case waits on),
 * with its due date and aging (amber at the rule's share, red when overdue). Most urgent first.
 */
export async function listMyTasks(actor: Actor, query: unknown = {}): Promise<InboxItemView[]> {
  assertCan(actor, "listMyTasks");
  const { overdue } = parseInput(TaskListQuery, query);
  const now = new Date();
  const where: Prisma.CaseWhereInput = {
    // Only cases in states where the actor's role can have inbox work are loaded, then each is asked in full.
    status: { in: inboxStatusesFor(actor.role) },
    ...(actor.role === "IA_CASE_MANAGER" ? { implementingAgencyId: actor.organizationId } : {}),
  };
  const [rows, rules] = await Promise.all([db().case.findMany({ where, include: caseInclude }), db().slaRule.findMany()]);
  const office = officeOf(actor);
  const items: InboxItemView[] = [];
  for (const row of rows) {
    const context = workflowContextFor(row, rules, now);
    const { snapshot } = applyDueClocks(snapshotOf(row), context);
    const actions = inboxActions(snapshot, actor, context);
    if (actions.length === 0) continue;
    const base = {
      caseId: row.id,
      identifier: row.identifier,
      country: { id: row.country.id, code: row.country.code, name: row.country.name },
      implementingAgency: row.implementingAgency,
      status: snapshot.status,
      actions,
      subject: row.lors[0]?.subject ?? null,
    };
    const task = snapshot.tasks.find((t) => t.round === snapshot.reviewRound && t.office === office && t.status === "OPEN");
    if (task) {
      items.push({
        ...base,
        kind: "REVIEW",
        office: task.office,
        waitingFor: `${REVIEW_OFFICE_LABELS[task.office]} (round ${task.round})`,
        since: task.openedAt.toISOString(),
        aging: agingFor(task.openedAt, task.dueAt, task.slaRuleId, rules, now),
      });
      continue;
    }
    const notificationWork = actions.every((e) => (CASE_EVENTS[e] as CaseEventDefinition).cnFrom);
    items.push({
      ...base,
      kind: "CASE",
      office: null,
      waitingFor: notificationWork ? `Congressional notification: ${CN_STATUS_LABELS[snapshot.cn.status]}` : WAITING_ON[snapshot.status],
      since: (notificationWork ? row.updatedAt : snapshot.statusChangedAt).toISOString(),
      // A clock event just moved the case (e.g. the offer expired): its new state has no stored clock yet.
      aging:
        !notificationWork && snapshot.status === row.status && row.statusDueAt
          ? agingFor(row.statusChangedAt, row.statusDueAt, row.statusSlaRuleId, rules, now)
          : null,
    });
  }
  const filtered = overdue === undefined ? items : items.filter((i) => (i.aging?.state === "OVERDUE") === overdue);
  return filtered.sort(
    (a, b) =>
      (a.aging ? AGING_ORDER[a.aging.state] : 9) - (b.aging ? AGING_ORDER[b.aging.state] : 9) ||
      (a.aging?.dueAt ?? "9").localeCompare(b.aging?.dueAt ?? "9"),
  );
}
