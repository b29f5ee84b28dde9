// Where a case stands on its main path (letter of request to closure) and what comes next, for the case page's first
// panel: "Step 7 of 13: Offered. Next: the partner accepts the offer". Pure; drawn from the same workflow table.
import { CASE_EVENTS, isInboxWork, type CaseEvent, type CaseEventDefinition } from "./case-workflow";
import { CASE_STATUSES, type CaseStatus } from "./states";

/** States a case reaches only when something goes wrong: off the main path. */
const OFF_PATH: readonly CaseStatus[] = ["EXPIRED", "SUSPENDED", "CANCELLED", "DISAPPROVED"];

/** The states a case passes through when nothing goes wrong, in order (CASE_STATUSES lists them in that order). */
export const MAIN_PATH: readonly CaseStatus[] = CASE_STATUSES.filter((status) => !OFF_PATH.includes(status));

export interface CaseProgress {
  /** 1-based place on the main path; null when the case is off it (suspended, expired, cancelled, disapproved). */
  step: number | null;
  of: number;
  /** The next state on the main path, and the step (event) that leads there; null at the end or off the path. */
  next: { status: CaseStatus; event: CaseEvent | null; label: string | null } | null;
}

export function caseProgress(status: CaseStatus): CaseProgress {
  const index = MAIN_PATH.indexOf(status);
  if (index < 0) return { step: null, of: MAIN_PATH.length, next: null };
  const nextStatus = MAIN_PATH[index + 1];
  if (!nextStatus) return { step: index + 1, of: MAIN_PATH.length, next: null };
  const event =
    (Object.keys(CASE_EVENTS) as CaseEvent[]).find((name) => {
      const d = CASE_EVENTS[name] as CaseEventDefinition;
      return d.from.includes(status) && d.to !== "same" && d.to.includes(nextStatus) && (isInboxWork(name, status) || d.permission === null);
    }) ?? null;
  return {
    step: index + 1,
    of: MAIN_PATH.length,
    next: { status: nextStatus, event, label: event ? (CASE_EVENTS[event] as CaseEventDefinition).label : null },
  };
}
