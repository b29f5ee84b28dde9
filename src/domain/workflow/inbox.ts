// Who has work on a case, as rows an inbox can be read from with one indexed query (issue 11). The workflow table stays
// the only definition of work: each row is what `inboxActions` answers for a person of that office, over a window of
// time in which the answer cannot change. Answers change without a write only at the case's clock instants (the offer
// expiration date, the end of the informal and formal congressional review periods), so between two of those instants
// one evaluation holds for the whole window.
import type { Actor } from "../policy";
import type { OrganizationKind, Role } from "../roles";
import { amberMoment, runningStart, type SlaRule } from "../sla";
import { CASE_EVENTS, officeOf, type CaseEvent, type CaseEventDefinition, type CaseSnapshot, type WorkflowContext } from "./case-workflow";
import { applyDueClocks, inboxActions } from "./engine";
import { CN_STATUS_LABELS, REVIEW_OFFICE_LABELS, WAITING_ON, type CaseStatus, type ReviewOffice } from "./states";

/** The roles that have an inbox (POLICY.listMyTasks), with the organization a person in that role belongs to. */
export const INBOX_ROLES = {
  DSCA_ANALYST: "DSCA",
  STATE_REVIEWER: "STATE_PM",
  DTSA_REVIEWER: "DTSA",
  IA_CASE_MANAGER: "IMPLEMENTING_AGENCY",
  // DFAS acting for DSCA: records the initial deposits that arrive.
  FINANCE_OFFICER: "DSCA",
} as const satisfies Partial<Record<Role, OrganizationKind>>;
export type InboxRole = keyof typeof INBOX_ROLES;
const INBOX_ROLE_NAMES = Object.keys(INBOX_ROLES) as InboxRole[];

/** The key of an inbox: the role, and for agency work the agency too (one column to index and match). */
export function inboxKey(role: InboxRole, agencyId: string | null): string {
  return role === "IA_CASE_MANAGER" ? `${role}:${agencyId}` : role;
}

/**
 * Bump when the derivation changes: rows written by an older one are rebuilt at startup (rebuildCaseInboxes), so a
 * release never serves inboxes computed by the previous rules.
 */
export const INBOX_REVISION = 3;

export interface InboxEntry {
  role: InboxRole;
  /** Implementing-agency work: the agency whose case managers see it. */
  agencyId: string | null;
  /** A row for one person only (separation of duties changes their work); null for the whole office. */
  userId: string | null;
  /** People for whom the office's row does not hold (they have their own row, or no work). */
  excludedUserIds: string[];
  validFrom: Date | null;
  validUntil: Date | null;
  kind: "REVIEW" | "CASE";
  office: ReviewOffice | null;
  status: CaseStatus;
  actions: CaseEvent[];
  waitingFor: string;
  since: Date;
  clockStart: Date | null;
  slaRuleId: string | null;
  amberAt: Date | null;
  dueAt: Date | null;
}

/** The case as stored, beside its snapshot: what the aging of a case step reads. */
export interface StoredCaseClock {
  status: CaseStatus;
  statusChangedAt: Date;
  statusDueAt: Date | null;
  statusSlaRuleId: string | null;
  /** When the case last changed: the "since" of notification work. */
  updatedAt: Date;
}

/** A stand-in for "anyone in this role" (and a particular person, for separation-of-duties checks). */
function personIn(role: InboxRole, agencyId: string, userId: string): Actor {
  return {
    userId,
    email: "",
    name: "",
    role,
    organizationId: role === "IA_CASE_MANAGER" ? agencyId : INBOX_ROLES[role],
    organizationKind: INBOX_ROLES[role],
    organizationName: "",
    countryCode: null,
    sessionId: null,
    tokenId: null,
  };
}

/** Nobody in particular: never among a case's preparers or deciders. */
const ANYONE = "00000000-0000-0000-0000-000000000000";

type Work = Omit<InboxEntry, "role" | "agencyId" | "userId" | "excludedUserIds" | "validFrom" | "validUntil">;

/**
 * A clock's row fields. It runs from its running start (its start, moved on by any suspension that extended its due
 * date), so paused time counts towards neither amber nor the share used; amber never comes after the due date.
 */
function clockOf(start: Date, dueAt: Date, ruleId: string | null, rules: readonly (SlaRule & { id: string })[], holidays?: ReadonlySet<string>) {
  const rule = rules.find((r) => r.id === ruleId);
  if (!rule) return { clockStart: null, slaRuleId: null, amberAt: null, dueAt: null };
  const clockStart = runningStart(start, dueAt, rule, holidays);
  const amberAt = amberMoment(clockStart, rule, holidays);
  return { clockStart, slaRuleId: rule.id, amberAt: amberAt.getTime() > dueAt.getTime() ? dueAt : amberAt, dueAt };
}

/** What `actor` has to do on the case at `context.now` (the same answer listMyTasks gave when it asked every case). */
function workFor(snapshot: CaseSnapshot, stored: StoredCaseClock, actor: Actor, context: WorkflowContext): Work | null {
  const actions = inboxActions(snapshot, actor, context);
  if (actions.length === 0) return null;
  const office = officeOf(actor);
  const task = snapshot.tasks.find((t) => t.round === snapshot.reviewRound && t.office === office && t.status === "OPEN");
  if (task) {
    return {
      kind: "REVIEW",
      office: task.office,
      status: snapshot.status,
      actions,
      waitingFor: `${REVIEW_OFFICE_LABELS[task.office]} (round ${task.round})`,
      since: task.openedAt,
      ...clockOf(task.openedAt, task.dueAt, task.slaRuleId, context.rules, context.holidays),
    };
  }
  const notificationWork = actions.every((e) => (CASE_EVENTS[e] as CaseEventDefinition).cnFrom);
  // A clock event moved the case (e.g. the offer expired): its new state has no stored clock yet.
  const ownClock = !notificationWork && snapshot.status === stored.status && stored.statusDueAt !== null;
  return {
    kind: "CASE",
    office: null,
    status: snapshot.status,
    actions,
    waitingFor: notificationWork ? `Congressional notification: ${CN_STATUS_LABELS[snapshot.cn.status]}` : WAITING_ON[snapshot.status],
    since: notificationWork ? stored.updatedAt : snapshot.statusChangedAt,
    ...(ownClock
      ? clockOf(stored.statusChangedAt, stored.statusDueAt!, stored.statusSlaRuleId, context.rules, context.holidays)
      : { clockStart: null, slaRuleId: null, amberAt: null, dueAt: null }),
  };
}

const sameWork = (a: Work | null, b: Work | null) => JSON.stringify(a) === JSON.stringify(b);

/** The instants after `now` at which the case's work can change without anyone acting on it. */
export function clockInstants(snapshot: CaseSnapshot, now: Date): Date[] {
  const instants = [snapshot.offerExpiresAt, snapshot.cn.informalEndsAt, snapshot.cn.periodEndsAt]
    .filter((d): d is Date => d !== null && d.getTime() > now.getTime())
    .map((d) => d.getTime());
  return [...new Set(instants)].sort((a, b) => a - b).map((t) => new Date(t));
}

/**
 * Every inbox row of the case from `context.now` on: for each role with an inbox, and each window between clock
 * instants, the office's work; and for each person whose separation-of-duties position changes that work (an LOA
 * preparer, someone who decided for another office), their own row.
 */
export function inboxEntriesOf(snapshot: CaseSnapshot, stored: StoredCaseClock, context: WorkflowContext): InboxEntry[] {
  const instants = clockInstants(snapshot, context.now);
  const windows = [context.now, ...instants].map((from, i) => ({
    at: from,
    validFrom: i === 0 ? null : from,
    validUntil: instants[i] ?? null,
  }));
  const people = [...new Set([...snapshot.loaPreparerIds, ...snapshot.tasks.flatMap((t) => (t.decidedById ? [t.decidedById] : []))])];
  const entries: InboxEntry[] = [];
  for (const window of windows) {
    const at = { ...context, now: window.at };
    const { snapshot: current } = applyDueClocks(snapshot, at);
    for (const role of INBOX_ROLE_NAMES) {
      const place = { role, agencyId: role === "IA_CASE_MANAGER" ? current.agencyId : null, validFrom: window.validFrom, validUntil: window.validUntil };
      const office = workFor(current, stored, personIn(role, current.agencyId, ANYONE), at);
      const personal = people
        .map((userId) => ({ userId, work: workFor(current, stored, personIn(role, current.agencyId, userId), at) }))
        .filter((p) => !sameWork(p.work, office));
      if (office) entries.push({ ...place, ...office, userId: null, excludedUserIds: personal.map((p) => p.userId) });
      for (const p of personal) {
        if (p.work) entries.push({ ...place, ...p.work, userId: p.userId, excludedUserIds: [] });
      }
    }
  }
  return entries;
}
