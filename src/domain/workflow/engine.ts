// The pure workflow engine over the definition in ./case-workflow.ts: what may happen to a case, and what it becomes.
import { POLICY, decide as decidePolicy, type Actor, type PolicySubject } from "../policy";
import type { Role } from "../roles";
import {
  CASE_EVENTS,
  ACTOR_EVENTS,
  SEPARATION_OF_DUTIES_GUARDS,
  isInboxWork,
  type CaseEvent,
  type CaseEventDefinition,
  type CaseSnapshot,
  type EventInput,
  type WorkflowContext,
} from "./case-workflow";
import { CASE_STATUSES, type CaseStatus } from "./states";

export type TransitionRefusal =
  /** Another country's case: answer as if it did not exist. */
  | { ok: false; kind: "not-found"; message: string }
  /** The person's role or office may not fire this event. */
  | { ok: false; kind: "forbidden"; message: string }
  /** The event does not apply to the case's state. */
  | { ok: false; kind: "invalid-state"; message: string }
  /** Separation of duties: this person may not take this decision on this case. */
  | { ok: false; kind: "separation-of-duties"; message: string }
  /** A rule (guard) refuses it now, e.g. an expired offer or an uncleared notification. */
  | { ok: false; kind: "guard"; message: string }
  /** The input does not fit the case, naming the field. */
  | { ok: false; kind: "invalid-input"; message: string; field: string };

export type TransitionResult = { ok: true; next: CaseSnapshot } | TransitionRefusal;

export function caseSubject(snapshot: Pick<CaseSnapshot, "countryId" | "agencyId">): PolicySubject {
  return { organizationId: snapshot.countryId, agencyId: snapshot.agencyId };
}

/** The event applies to the case's current state (and notification-track state, for notification events). */
export function eventAppliesTo(definition: CaseEventDefinition, snapshot: CaseSnapshot): boolean {
  if (!definition.from.includes(snapshot.status)) return false;
  if (definition.cnFrom && !definition.cnFrom.includes(snapshot.cn.status)) return false;
  return true;
}

function refuseForState(definition: CaseEventDefinition, snapshot: CaseSnapshot, event: string): TransitionRefusal {
  const where = definition.cnFrom && definition.from.includes(snapshot.status) ? "the notification track's" : "the case's";
  return { ok: false, kind: "invalid-state", message: `"${definition.label}" (${event}) is not possible in ${where} current state` };
}

/**
 * Fires `event` on the case for `actor` (null: the clock). Checks, in order: country isolation and the policy table,
 * the state table, the guards, then the input against the case. Returns the case as it becomes, or why not.
 */
export function transition(
  snapshot: CaseSnapshot,
  event: CaseEvent,
  actor: Actor | null,
  input: EventInput,
  context: WorkflowContext,
): TransitionResult {
  const definition: CaseEventDefinition = CASE_EVENTS[event];
  if (actor) {
    if (definition.permission === null) {
      return { ok: false, kind: "forbidden", message: `"${definition.label}" happens on its date; nobody fires it` };
    }
    const decision = decidePolicy(actor, definition.permission, caseSubject(snapshot));
    if (decision === "not-found") return { ok: false, kind: "not-found", message: "Case not found" };
    if (decision === "forbidden") return { ok: false, kind: "forbidden", message: "You do not have permission to do that" };
  } else if (definition.permission !== null) {
    return { ok: false, kind: "forbidden", message: `"${definition.label}" needs a person to fire it` };
  }
  if (!eventAppliesTo(definition, snapshot)) return refuseForState(definition, snapshot, event);
  if (actor) {
    for (const guard of definition.guards ?? []) {
      const reason = guard(snapshot, actor, context);
      if (reason) return { ok: false, kind: SEPARATION_OF_DUTIES_GUARDS.has(guard) ? "separation-of-duties" : "guard", message: reason };
    }
  }
  if (definition.commentRequired && !input.comment) {
    return { ok: false, kind: "invalid-input", field: "comment", message: "Give a reason or comment for this action" };
  }
  for (const check of definition.inputChecks ?? []) {
    const problem = check(snapshot, input, context);
    if (problem) return { ok: false, kind: "invalid-input", field: problem[0], message: problem[1] };
  }
  const next = definition.effect ? definition.effect(snapshot, input, actor, context) : snapshot;
  return { ok: true, next };
}

/** The events this actor may fire on the case now: policy, state and guards all allow it. */
export function availableActions(snapshot: CaseSnapshot, actor: Actor, context: WorkflowContext): CaseEvent[] {
  return ACTOR_EVENTS.filter((event) => {
    const definition: CaseEventDefinition = CASE_EVENTS[event];
    if (!definition.permission || decidePolicy(actor, definition.permission, caseSubject(snapshot)) !== "allow") return false;
    if (!eventAppliesTo(definition, snapshot)) return false;
    return (definition.guards ?? []).every((guard) => guard(snapshot, actor, context) === null);
  });
}

/** The actions that are work waiting in the actor's inbox (not controls such as suspend or cancel). */
export function inboxActions(snapshot: CaseSnapshot, actor: Actor, context: WorkflowContext): CaseEvent[] {
  return availableActions(snapshot, actor, context).filter((event) => isInboxWork(event, snapshot.status));
}

/** The states in which someone in `role` can have inbox work: what an inbox needs to load before asking per case. */
export function inboxStatusesFor(role: Role): CaseStatus[] {
  return CASE_STATUSES.filter((status) =>
    ACTOR_EVENTS.some((event) => {
      const definition: CaseEventDefinition = CASE_EVENTS[event];
      const roles = POLICY[definition.permission!].roles as readonly Role[] | "everyone";
      return definition.from.includes(status) && isInboxWork(event, status) && (roles === "everyone" || roles.includes(role));
    }),
  );
}

export interface DueClockEvent {
  event: CaseEvent;
  /** When it was due: the clock applies it as of this moment, however late the job runs. */
  dueAt: Date;
}

export interface AppliedClockEvent extends DueClockEvent {
  before: CaseSnapshot;
  after: CaseSnapshot;
}

/** The clock's events that have come due at `now`, in the order they fell due. */
export function dueClockEvents(snapshot: CaseSnapshot, now: Date): DueClockEvent[] {
  const due: DueClockEvent[] = [];
  const t = now.getTime();
  if (snapshot.status === "OFFERED" && snapshot.offerExpiresAt && snapshot.offerExpiresAt.getTime() <= t) {
    due.push({ event: "expire-offer", dueAt: snapshot.offerExpiresAt });
  }
  if (
    snapshot.cn.status === "FORMALLY_NOTIFIED" &&
    snapshot.cn.periodEndsAt &&
    snapshot.cn.periodEndsAt.getTime() <= t &&
    CASE_EVENTS["notification-period-ended"].from.includes(snapshot.status)
  ) {
    due.push({ event: "notification-period-ended", dueAt: snapshot.cn.periodEndsAt });
  }
  return due.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}

/**
 * The case as it stands at `now`: the clock's due events applied, each as of its due date. Reads use this, so an offer
 * is expired at its expiration date even if the job that records it has not run yet.
 */
export function applyDueClocks(
  snapshot: CaseSnapshot,
  context: WorkflowContext,
): { snapshot: CaseSnapshot; applied: AppliedClockEvent[] } {
  let current = snapshot;
  const applied: AppliedClockEvent[] = [];
  for (;;) {
    const [next] = dueClockEvents(current, context.now);
    if (!next) return { snapshot: current, applied };
    const result = transition(current, next.event, null, {}, { ...context, now: next.dueAt });
    if (!result.ok) return { snapshot: current, applied };
    applied.push({ ...next, before: current, after: result.next });
    current = result.next;
  }
}
