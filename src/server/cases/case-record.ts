import "server-only";
import { applyDueClocks, availableActions } from "@/domain/workflow/engine";
import { currentTasks, notificationDetermined, type WorkflowContext } from "@/domain/workflow/case-workflow";
import { waitingOnOf, waitingOnText } from "@/domain/workflow/waiting-on";
import type { Actor } from "@/domain/policy";
import type { CaseView, ReviewTaskView } from "@/domain/schemas/cases";
import { clockAging, type DayKind } from "@/domain/sla";
import { formatDate } from "@/lib/format";
import { snapshotOf, type CaseRow } from "./case-store";
import { partnerSeesValue } from "@/domain/insight/dashboard";

const iso = (date: Date | null) => date?.toISOString() ?? null;

/**
 * A clock's aging under the rule it started with, against the due date stored with it (holidays included, moved on
 * by any suspension), so it agrees with the lists' overdue filter.
 */
export function agingFor(start: Date, dueAt: Date, ruleId: string | null, rules: WorkflowContext["rules"], now: Date, stoppedAt: Date | null = null) {
  const rule = rules.find((r) => r.id === ruleId);
  if (!rule) return null;
  const aging = clockAging(start, dueAt, rule, now, { stoppedAt });
  return { ...aging, dueAt: dueAt.toISOString(), dayKind: rule.dayKind as DayKind };
}

function reviewView(task: CaseRow["reviewTasks"][number], rules: WorkflowContext["rules"], now: Date): ReviewTaskView {
  return {
    id: task.id,
    round: task.round,
    office: task.office,
    status: task.status,
    openedAt: task.openedAt.toISOString(),
    dueAt: task.dueAt.toISOString(),
    // A cancelled or waived review has no clock to meet.
    aging: task.status === "CANCELLED" || task.status === "NOT_REQUIRED" ? null : agingFor(task.openedAt, task.dueAt, task.slaRuleId, rules, now, task.decidedAt),
    decision: task.decision,
    decidedBy: task.decidedBy,
    decidedAt: iso(task.decidedAt),
    comment: task.comment,
    commentVisibility: task.commentVisibility,
  };
}

/**
 * The case as `actor` may see it at `now`. Clock events that have come due are applied first, so an offer past its
 * expiration date reads as expired even before the job records it. Partners get no review or notification internals.
 */
export function toCaseView(row: CaseRow, actor: Actor, context: WorkflowContext): CaseView {
  const { snapshot } = applyDueClocks(snapshotOf(row), context);
  const partner = actor.role === "PARTNER_OFFICER";
  const now = context.now;
  const statusAging =
    snapshot.status === row.status && row.statusDueAt
      ? agingFor(row.statusChangedAt, row.statusDueAt, row.statusSlaRuleId, context.rules, now)
      : null;
  const taskIds = new Set(currentTasks(snapshot).map((t) => t.id));
  // A suspended case's reviews are paused: they read as they stood when it was suspended (resume extends them).
  const reviewsAsOf = snapshot.status === "SUSPENDED" ? snapshot.statusChangedAt : now;
  const waitingOn = waitingOnOf(snapshot, now, partner ? "PARTNER" : "USG");
  return {
    id: row.id,
    identifier: row.identifier,
    country: { id: row.country.id, code: row.country.code, name: row.country.name, natoPlus: row.country.natoPlus === true },
    implementingAgency: row.implementingAgency,
    designator: row.designator,
    caseType: row.caseType,
    status: snapshot.status,
    suspendedFromStatus: snapshot.suspendedFromStatus,
    version: row.version,
    openedAt: row.openedAt.toISOString(),
    value: row.value === null || (partner && !partnerSeesValue(snapshot.status, snapshot.suspendedFromStatus)) ? null : row.value.toFixed(2),
    statusChangedAt: snapshot.statusChangedAt.toISOString(),
    statusAging,
    waitingOn: waitingOnText(waitingOn, formatDate),
    waitingOnParts: waitingOn.map((part) => ({ code: part.code, ...(part.offices ? { offices: part.offices } : {}), text: part.text, until: iso(part.until) })),
    milestones: {
      agencyApprovedAt: iso(snapshot.agencyApprovedAt),
      offerExpiresAt: iso(snapshot.offerExpiresAt),
      agencySignedAt: iso(snapshot.agencySignedAt),
      countersignedAt: iso(snapshot.countersignedAt),
      offeredAt: iso(snapshot.offeredAt),
      acceptedAt: iso(snapshot.acceptedAt),
      depositReceivedAt: iso(snapshot.depositReceivedAt),
      implementedAt: iso(snapshot.implementedAt),
      emergencyImplementation: snapshot.emergencyImplementation,
      closedAt: iso(snapshot.closedAt),
    },
    acceptance: snapshot.acceptance,
    notification: partner
      ? null
      : {
          status: snapshot.cn.status,
          determined: notificationDetermined(snapshot),
          informalEndsAt: iso(snapshot.cn.informalEndsAt),
          notifiedAt: iso(snapshot.cn.notifiedAt),
          periodEndsAt: iso(snapshot.cn.periodEndsAt),
        },
    reviewRound: snapshot.reviewRound,
    reviews: partner ? [] : row.reviewTasks.filter((t) => taskIds.has(t.id)).map((t) => reviewView(t, context.rules, reviewsAsOf)),
    availableActions: availableActions(snapshot, actor, context),
    letters: row.lors.map((l) => ({ ...l, completedAt: iso(l.completedAt) })),
  };
}
