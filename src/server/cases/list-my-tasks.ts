import "server-only";
import { POLICY, type Actor } from "@/domain/policy";
import { TaskListQuery, type InboxItemView } from "@/domain/schemas/cases";
import { agingOf } from "@/domain/sla";
import { ACTOR_EVENTS, CASE_EVENTS, isInboxWork, officeOf, type CaseEventDefinition } from "@/domain/workflow/case-workflow";
import { applyDueClocks, availableActions } from "@/domain/workflow/engine";
import { CASE_STATUSES, CN_STATUS_LABELS, REVIEW_OFFICE_LABELS, TERMINAL_STATUSES, WAITING_ON } from "@/domain/workflow/states";
import type { Prisma } from "../../generated/prisma/client";
import { assertCan } from "../auth/actor";
import { db } from "../db";
import { parseInput } from "../errors";
import { caseInclude, snapshotOf } from "./case-store";

const AGING_ORDER = { OVERDUE: 0, DUE_SOON: 1, ON_TRACK: 2, MET: 3, MISSED: 3 } as const;

/**
 * The actor's inbox: every open case on which their office has work now (their review, or the step the case waits on),
 * with its due date and aging (amber at the rule's share, red when overdue). Most urgent first.
 */
export async function listMyTasks(actor: Actor, query: unknown = {}): Promise<InboxItemView[]> {
  assertCan(actor, "listMyTasks");
  const { overdue } = parseInput(TaskListQuery, query);
  const now = new Date();
  // Only cases in states where the actor's role has inbox work can appear, so only those are loaded.
  const workStatuses = CASE_STATUSES.filter(
    (status) =>
      !TERMINAL_STATUSES.includes(status) &&
      ACTOR_EVENTS.some((event) => {
        const definition: CaseEventDefinition = CASE_EVENTS[event];
        const rule = POLICY[definition.permission!];
        return definition.from.includes(status) && isInboxWork(event, status) && (rule.roles === "everyone" || (rule.roles as readonly string[]).includes(actor.role));
      }),
  );
  const where: Prisma.CaseWhereInput = {
    status: { in: workStatuses },
    ...(actor.role === "IA_CASE_MANAGER" ? { implementingAgencyId: actor.organizationId } : {}),
  };
  const [rows, rules] = await Promise.all([db().case.findMany({ where, include: caseInclude }), db().slaRule.findMany()]);
  const office = officeOf(actor);
  const items: InboxItemView[] = [];
  for (const row of rows) {
    const context = { now, rules, countryOedDays: row.country.standardOedDays ?? null };
    const { snapshot } = applyDueClocks(snapshotOf(row), context);
    const actions = availableActions(snapshot, actor, context).filter((e) => isInboxWork(e, snapshot.status));
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
      const rule = rules.find((r) => r.id === task.slaRuleId);
      items.push({
        ...base,
        kind: "REVIEW",
        office: task.office,
        waitingFor: `${REVIEW_OFFICE_LABELS[task.office]} (round ${task.round})`,
        since: task.openedAt.toISOString(),
        aging: rule ? { ...agingOf(task.openedAt, rule, now), dueAt: task.dueAt.toISOString() } : null,
      });
      continue;
    }
    const notificationWork = actions.every((e) => (CASE_EVENTS[e] as CaseEventDefinition).cnFrom);
    const rule = snapshot.status === row.status ? rules.find((r) => r.id === row.statusSlaRuleId) : undefined;
    items.push({
      ...base,
      kind: "CASE",
      office: null,
      waitingFor: notificationWork ? `Congressional notification: ${CN_STATUS_LABELS[snapshot.cn.status]}` : WAITING_ON[snapshot.status],
      since: (notificationWork ? row.updatedAt : snapshot.statusChangedAt).toISOString(),
      aging:
        !notificationWork && rule && row.statusDueAt
          ? { ...agingOf(row.statusChangedAt, rule, now), dueAt: row.statusDueAt.toISOString() }
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
