// Builders for case-workflow tests: actors per office, case snapshots in any state, workflow contexts with
// effective-dated rules, valid inputs per event, and a `fire` helper that fails loudly when a step is refused.
import type { Actor, PolicyAction } from "@/domain/policy";
import type { Role } from "@/domain/roles";
import type { SlaRule } from "@/domain/sla";
import {
  CASE_EVENTS,
  type CaseEvent,
  type CaseSnapshot,
  type EventInput,
  type ReviewTaskSnapshot,
  type WorkflowContext,
} from "@/domain/workflow/case-workflow";
import { transition, type TransitionResult } from "@/domain/workflow/engine";
import type { CaseStatus, CnStatus, ReviewDecision, ReviewOffice } from "@/domain/workflow/states";
import { testActor } from "./test-actors";

export const DAY = 86_400_000;
export const at = (iso: string) => new Date(iso);
export const plusDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY);
export const plusMs = (date: Date, ms: number) => new Date(date.getTime() + ms);
export const isoDay = (date: Date) => date.toISOString().slice(0, 10);

// ---- organizations and people ------------------------------------------------------------------------------------

export const COUNTRY_ID = "c0000000-0000-4000-8000-000000000001";
export const OTHER_COUNTRY_ID = "c0000000-0000-4000-8000-000000000002";
export const AGENCY_ID = "a0000000-0000-4000-8000-000000000001";
export const OTHER_AGENCY_ID = "a0000000-0000-4000-8000-000000000002";
export const DSCA_ORG_ID = "d0000000-0000-4000-8000-000000000001";
export const STATE_ORG_ID = "d0000000-0000-4000-8000-000000000002";
export const DTSA_ORG_ID = "d0000000-0000-4000-8000-000000000003";

export const USERS = {
  partner: "u0000000-0000-4000-8000-000000000001",
  dsca: "u0000000-0000-4000-8000-000000000002",
  dsca2: "u0000000-0000-4000-8000-000000000003",
  state: "u0000000-0000-4000-8000-000000000004",
  dtsa: "u0000000-0000-4000-8000-000000000005",
  ia: "u0000000-0000-4000-8000-000000000006",
  ia2: "u0000000-0000-4000-8000-000000000007",
  admin: "u0000000-0000-4000-8000-000000000008",
  auditor: "u0000000-0000-4000-8000-000000000009",
  finance: "u0000000-0000-4000-8000-000000000010",
} as const;

const ORG_OF_ROLE: Record<Role, string> = {
  PARTNER_OFFICER: COUNTRY_ID,
  DSCA_ANALYST: DSCA_ORG_ID,
  STATE_REVIEWER: STATE_ORG_ID,
  DTSA_REVIEWER: DTSA_ORG_ID,
  IA_CASE_MANAGER: AGENCY_ID,
  ADMIN: DSCA_ORG_ID,
  AUDITOR: DSCA_ORG_ID,
  FINANCE_OFFICER: DSCA_ORG_ID,
  POLICY_OFFICER: DSCA_ORG_ID,
};

/** A person in `role`, by default in the organization the case fixtures use for that role. */
export function person(role: Role, userId: string, organizationId = ORG_OF_ROLE[role]): Actor {
  return testActor(role, organizationId, { userId, email: `${userId.slice(-2)}.${role.toLowerCase()}@test.example` });
}

export const partner = (countryId = COUNTRY_ID, userId: string = USERS.partner) => person("PARTNER_OFFICER", userId, countryId);
export const dsca = (userId: string = USERS.dsca) => person("DSCA_ANALYST", userId);
export const stateReviewer = (userId: string = USERS.state) => person("STATE_REVIEWER", userId);
export const dtsaReviewer = (userId: string = USERS.dtsa) => person("DTSA_REVIEWER", userId);
export const iaManager = (agencyId = AGENCY_ID, userId: string = USERS.ia) => person("IA_CASE_MANAGER", userId, agencyId);
export const admin = () => person("ADMIN", USERS.admin);
export const auditor = () => person("AUDITOR", USERS.auditor);
export const financeOfficer = (userId: string = USERS.finance) => person("FINANCE_OFFICER", userId);

/** A reviewer deciding for `office`. */
export function reviewerFor(office: ReviewOffice, userId?: string): Actor {
  if (office === "DSCA") return dsca(userId);
  if (office === "STATE_PM") return stateReviewer(userId);
  return dtsaReviewer(userId);
}

/**
 * Who holds each workflow rule, written out from the domain (§4.4 "who acts") rather than read from POLICY.
 * Agency rules need the case's agency; the partner rule needs the case's country.
 */
export function holderOf(permission: PolicyAction, snapshot: Pick<CaseSnapshot, "agencyId" | "countryId">): Actor {
  switch (permission) {
    case "developLoa":
    case "executeCase":
      return iaManager(snapshot.agencyId);
    case "respondToOffer":
      return partner(snapshot.countryId);
    case "clearNotification":
      return stateReviewer();
    case "recordDeposit":
      return financeOfficer();
    case "assignCaseAgency":
    case "decideReview":
    case "manageNotification":
    case "waiveReview":
    case "holdNotification":
    case "countersignLoa":
    case "implementCase":
    case "closeCase":
    case "reopenCase":
    case "controlCase":
      return dsca();
    default:
      throw new Error(`No workflow actor for ${permission}`);
  }
}

/** The actor that fires `event` on the case in the exhaustive tests: its rule's holder, or null for the clock. */
export function firerOf(event: CaseEvent, snapshot: CaseSnapshot): Actor | null {
  const permission = CASE_EVENTS[event].permission as PolicyAction | null;
  return permission === null ? null : holderOf(permission, snapshot);
}

// ---- rules and context -------------------------------------------------------------------------------------------

/** 2 March 2026 is a Monday. */
export const NOW = at("2026-03-02T14:00:00.000Z");
const EPOCH = at("2020-01-01T00:00:00.000Z");

export function slaRule(id: string, key: string, days: number, dayKind: "CALENDAR" | "BUSINESS", from = EPOCH, to: Date | null = null) {
  return { id, key, days, dayKind, amberPercent: 75, effectiveFrom: from, effectiveTo: to } satisfies SlaRule & { id: string };
}

/** The rules the workflow reads, as the seed would load them (§9 defaults). */
export const RULES = [
  slaRule("rule-review-dsca", "REVIEW_DSCA", 10, "BUSINESS"),
  slaRule("rule-review-state", "REVIEW_STATE_PM", 10, "BUSINESS"),
  slaRule("rule-review-dtsa", "REVIEW_DTSA", 30, "CALENDAR"),
  slaRule("rule-cn-informal", "CN_INFORMAL_REVIEW", 20, "CALENDAR"),
  slaRule("rule-cn-nato", "CN_FORMAL_NATO_PLUS", 15, "CALENDAR"),
  slaRule("rule-cn-other", "CN_FORMAL_OTHER", 30, "CALENDAR"),
  slaRule("rule-oed", "OFFER_VALIDITY", 85, "CALENDAR"),
  slaRule("rule-assign", "CASE_ASSIGNMENT", 5, "BUSINESS"),
  slaRule("rule-load", "LOA_DEVELOPMENT", 45, "CALENDAR"),
  slaRule("rule-sign", "AGENCY_SIGNATURE", 5, "BUSINESS"),
  slaRule("rule-countersign", "DSCA_COUNTERSIGNATURE", 5, "BUSINESS"),
  slaRule("rule-transmit", "OFFER_TRANSMITTAL", 3, "BUSINESS"),
  slaRule("rule-implement", "CASE_IMPLEMENTATION", 10, "BUSINESS"),
  slaRule("rule-closure", "CLOSURE_CERTIFICATE", 30, "CALENDAR"),
] as const;

export function context(now: Date = NOW, overrides: Partial<WorkflowContext> = {}): WorkflowContext {
  return { now, rules: RULES, countryOedDays: null, ...overrides };
}

// ---- snapshots ---------------------------------------------------------------------------------------------------

export function task(office: ReviewOffice, overrides: Partial<ReviewTaskSnapshot> = {}): ReviewTaskSnapshot {
  return {
    id: `task-${office}-${overrides.round ?? 1}`,
    round: 1,
    office,
    status: "OPEN",
    openedAt: plusDays(NOW, -3),
    dueAt: plusDays(NOW, 7),
    slaRuleId: null,
    decision: null,
    decidedById: null,
    decidedAt: null,
    comment: null,
    commentVisibility: null,
    ...overrides,
  };
}

const DECIDER: Record<ReviewOffice, string> = { DSCA: USERS.dsca2, STATE_PM: USERS.state, DTSA: USERS.dtsa };

export function decidedTask(office: ReviewOffice, decision: ReviewDecision = "CONCUR", overrides: Partial<ReviewTaskSnapshot> = {}) {
  return task(office, { status: "DECIDED", decision, decidedById: DECIDER[office], decidedAt: plusDays(NOW, -1), ...overrides });
}

export const OFFICES: readonly ReviewOffice[] = ["DSCA", "STATE_PM", "DTSA"];

/** A case just opened from a complete letter, with the agency named on the letter. */
export function openedCase(overrides: Partial<CaseSnapshot> = {}): CaseSnapshot {
  return {
    status: "OPENED",
    statusChangedAt: plusDays(NOW, -1),
    statusDueAt: null,
    statusSlaRuleId: null,
    suspendedFromStatus: null,
    pausedStatusClock: null,
    countryId: COUNTRY_ID,
    agencyId: AGENCY_ID,
    natoPlus: false,
    reviewRound: 0,
    loaPreparerIds: [],
    agencyApprovedAt: null,
    offerExpiresAt: null,
    agencySignedAt: null,
    countersignedAt: null,
    offeredAt: null,
    acceptedAt: null,
    acceptance: null,
    initialDepositDue: null,
    depositReceivedAt: null,
    implementedAt: null,
    emergencyImplementation: false,
    closedAt: null,
    cn: { status: "NOT_REQUIRED", heldFrom: null, informalEndsAt: null, notifiedAt: null, periodEndsAt: null },
    tasks: [],
    ...overrides,
  };
}

const REVIEWED: readonly CaseStatus[] = [
  "READY_TO_SIGN",
  "AGENCY_SIGNED",
  "COUNTERSIGNED",
  "OFFERED",
  "ACCEPTED",
  "EXPIRED",
  "IMPLEMENTED",
  "EXECUTING",
  "SUPPLY_SERVICES_COMPLETE",
  "CLOSURE_PENDING",
  "CLOSED",
  "SUSPENDED",
  "CANCELLED",
  "DISAPPROVED",
];

/**
 * A plausible case in `status` (and notification state `cn`) on which the status's own next step can succeed:
 * open reviews while in review, concurred ones after, an offer valid for 30 more days (expired for EXPIRED), the
 * informal review over and the formal period running. Suspended cases were suspended from IN_REVIEW.
 */
export function caseIn(status: CaseStatus, cn: CnStatus = "NOT_REQUIRED", overrides: Partial<CaseSnapshot> = {}): CaseSnapshot {
  const reviewed = REVIEWED.includes(status);
  const inReview = status === "IN_REVIEW";
  const approved = inReview || reviewed;
  return openedCase({
    status,
    reviewRound: approved ? 1 : 0,
    loaPreparerIds: approved ? [USERS.ia] : [],
    agencyApprovedAt: approved ? plusDays(NOW, -20) : null,
    offerExpiresAt: status === "EXPIRED" ? plusDays(NOW, -1) : approved ? plusDays(NOW, 30) : null,
    offeredAt: status === "OFFERED" || status === "EXPIRED" ? plusDays(NOW, -5) : null,
    suspendedFromStatus: status === "SUSPENDED" ? "IN_REVIEW" : null,
    tasks: inReview ? OFFICES.map((o) => task(o)) : reviewed ? OFFICES.map((o) => decidedTask(o)) : [],
    cn: {
      status: cn,
      heldFrom: cn === "HELD" ? "PREPARATION" : null,
      informalEndsAt: ["INFORMAL_REVIEW", "FORMALLY_NOTIFIED", "CLEARED", "HELD"].includes(cn) ? plusDays(NOW, -1) : null,
      notifiedAt: ["FORMALLY_NOTIFIED", "CLEARED", "BLOCKED"].includes(cn) ? plusDays(NOW, -5) : null,
      periodEndsAt: ["FORMALLY_NOTIFIED", "CLEARED", "BLOCKED"].includes(cn) ? plusDays(NOW, 10) : null,
    },
    ...overrides,
  });
}

// ---- inputs and firing -------------------------------------------------------------------------------------------

/** Input that satisfies every input rule of `event` on this case at `now` (always with a comment). */
export function validInput(event: CaseEvent, snapshot: CaseSnapshot, now: Date = NOW): EventInput {
  const input: EventInput = { comment: "Reason given for the record." };
  if (event === "assign-agency") input.agencyId = snapshot.agencyId === AGENCY_ID ? OTHER_AGENCY_ID : AGENCY_ID;
  if (event === "set-notification-requirement") input.required = snapshot.cn.status !== "PREPARATION";
  if (event === "accept") {
    Object.assign(input, { signerName: "Brig. Gen. A. Example", signerTitle: "Director", signedOn: isoDay(now), initialDeposit: "1250000.00" });
  }
  if (event === "submit-closure") input.closureType = "ACC";
  // A State or DTSA review still open, if there is one (DTSA first).
  if (event === "review-not-required") {
    const open = snapshot.tasks.filter((t) => t.round === snapshot.reviewRound && t.status === "OPEN").map((t) => t.office);
    input.office = open.includes("DTSA") ? "DTSA" : open.includes("STATE_PM") ? "STATE_PM" : "DTSA";
  }
  if (event === "record-deposit") Object.assign(input, { amount: "1250000.00", receivedOn: isoDay(now), wireReference: "FED-WIRE-0001" });
  return input;
}

export function describeResult(result: TransitionResult): string {
  return result.ok ? `ok → ${result.next.status}/${result.next.cn.status}` : `${result.kind}: ${result.message}`;
}

/** Fires the event and returns the case as it becomes; fails the test with the refusal otherwise. */
export function fire(
  snapshot: CaseSnapshot,
  event: CaseEvent,
  actor: Actor | null,
  input: EventInput = {},
  ctx: WorkflowContext = context(),
): CaseSnapshot {
  const result = transition(snapshot, event, actor, input, ctx);
  if (!result.ok) throw new Error(`${event} on ${snapshot.status}/${snapshot.cn.status} was refused: ${describeResult(result)}`);
  return result.next;
}

/** Fires the event and returns the refusal; fails the test if it was allowed. */
export function refuse(
  snapshot: CaseSnapshot,
  event: CaseEvent,
  actor: Actor | null,
  input: EventInput = {},
  ctx: WorkflowContext = context(),
) {
  const result = transition(snapshot, event, actor, input, ctx);
  if (result.ok) throw new Error(`${event} on ${snapshot.status}/${snapshot.cn.status} was allowed (→ ${result.next.status})`);
  return result;
}
