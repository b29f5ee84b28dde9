// Suspension pauses the case's clocks (fms-domain.md §9 "Clock pauses", §13.5): on resume, every clock that was
// running when the case was suspended has its due date moved on by the time suspended — the target of the state the
// case returns to, its open review tasks, the offer expiration date (OED) and the congressional review periods — so a
// suspension never makes work overdue or shortens a period. When a clock started is never rewritten; the resume's
// audit event records the pause and every due date it moved (describePause).
//
// The arithmetic (pausedDueDate in ../sla.ts) runs in each clock's own kind of days: calendar clocks (OED, notification
// periods, calendar-day targets) move on by exactly the wall time suspended; business-day targets get back at least
// the business time they had left, on a working day at their usual time of day. Several suspensions add up, each
// measured from its own suspension to its own resume.
import { pausedDueDate, type DayKind } from "../sla";
import type { CaseSnapshot, WorkflowContext } from "./case-workflow";
import type { ReviewOffice } from "./states";

export type PausedClockKind = "status" | "review" | "offerExpiration" | "informalReview" | "formalNotification";

export interface ClockExtension {
  clock: PausedClockKind;
  /** For a review: whose, and in which round. */
  office?: ReviewOffice;
  round?: number;
  from: Date;
  to: Date;
}

export interface SuspensionPause {
  suspendedAt: Date;
  resumedAt: Date;
  pausedMs: number;
  extended: ClockExtension[];
}

/**
 * The suspended case's clocks as they stand when it resumes at `context.now`: its paused state clock, open review
 * tasks, OED and notification periods, each due date moved on by the time since the suspension (the SUSPENDED state's
 * start). The status is left to the caller. Periods that had already ended when the case was suspended are history
 * and stay as they were, as does the OED of an accepted offer.
 */
export function resumeClocks(snapshot: CaseSnapshot, context: Pick<WorkflowContext, "now" | "rules" | "holidays">): CaseSnapshot {
  const suspendedAt = snapshot.statusChangedAt;
  const dayKindOf = (ruleId: string | null): DayKind => context.rules.find((r) => r.id === ruleId)?.dayKind ?? "CALENDAR";
  const extend = (due: Date, dayKind: DayKind) => pausedDueDate(due, suspendedAt, context.now, dayKind, context.holidays);
  const running = (end: Date | null): end is Date => end !== null && end.getTime() > suspendedAt.getTime();
  const paused = snapshot.pausedStatusClock;
  return {
    ...snapshot,
    pausedStatusClock: paused && {
      ...paused,
      statusDueAt: paused.statusDueAt && extend(paused.statusDueAt, dayKindOf(paused.statusSlaRuleId)),
    },
    offerExpiresAt:
      snapshot.acceptedAt === null && running(snapshot.offerExpiresAt) ? extend(snapshot.offerExpiresAt, "CALENDAR") : snapshot.offerExpiresAt,
    cn: {
      ...snapshot.cn,
      informalEndsAt: running(snapshot.cn.informalEndsAt) ? extend(snapshot.cn.informalEndsAt, "CALENDAR") : snapshot.cn.informalEndsAt,
      periodEndsAt: running(snapshot.cn.periodEndsAt) ? extend(snapshot.cn.periodEndsAt, "CALENDAR") : snapshot.cn.periodEndsAt,
    },
    tasks: snapshot.tasks.map((t) => (t.status === "OPEN" ? { ...t, dueAt: extend(t.dueAt, dayKindOf(t.slaRuleId)) } : t)),
  };
}

/** What a resume did to the clocks, from the case before (suspended) and after: the time suspended and each due date moved. */
export function describePause(before: CaseSnapshot, after: CaseSnapshot, resumedAt: Date): SuspensionPause {
  const suspendedAt = before.statusChangedAt;
  const extended: ClockExtension[] = [];
  const moved = (clock: PausedClockKind, from: Date | null | undefined, to: Date | null | undefined, extra: Partial<ClockExtension> = {}) => {
    if (from && to && from.getTime() !== to.getTime()) extended.push({ clock, ...extra, from, to });
  };
  // A case suspended before the state's clock was kept got a fresh clock: nothing was extended there.
  if (before.pausedStatusClock) moved("status", before.pausedStatusClock.statusDueAt, after.statusDueAt);
  for (const task of after.tasks) {
    const old = before.tasks.find((t) => t.round === task.round && t.office === task.office);
    moved("review", old?.dueAt, task.dueAt, { office: task.office, round: task.round });
  }
  moved("offerExpiration", before.offerExpiresAt, after.offerExpiresAt);
  moved("informalReview", before.cn.informalEndsAt, after.cn.informalEndsAt);
  moved("formalNotification", before.cn.periodEndsAt, after.cn.periodEndsAt);
  return { suspendedAt, resumedAt, pausedMs: Math.max(resumedAt.getTime() - suspendedAt.getTime(), 0), extended };
}
