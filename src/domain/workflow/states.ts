// The case workflow's vocabulary: states, the congressional-notification track and the review offices
// (fms-domain.md §4.2–4.4, §6). Plain data shared by the definition, the pages and the API schemas.

export const CASE_STATUSES = [
  "OPENED",
  "IN_DEVELOPMENT",
  "IN_REVIEW",
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
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  OPENED: "Opened — awaiting agency assignment",
  IN_DEVELOPMENT: "LOA in development",
  IN_REVIEW: "In review",
  READY_TO_SIGN: "Ready to sign",
  AGENCY_SIGNED: "Signed by the agency",
  COUNTERSIGNED: "Countersigned by DSCA",
  OFFERED: "Offered",
  ACCEPTED: "Accepted",
  EXPIRED: "Offer expired",
  IMPLEMENTED: "Implemented",
  EXECUTING: "Executing",
  SUPPLY_SERVICES_COMPLETE: "Supply and services complete",
  CLOSURE_PENDING: "Closure pending",
  CLOSED: "Closed",
  SUSPENDED: "Suspended",
  CANCELLED: "Cancelled",
  DISAPPROVED: "Disapproved",
};

/**
 * Ended: no work waits here, and they can be neither suspended nor cancelled. No event leaves them except DSCA's
 * "reopen" of a CLOSED case (SAMM C16 reinstatement), which takes it back to execution.
 */
export const TERMINAL_STATUSES: readonly CaseStatus[] = ["CLOSED", "CANCELLED", "DISAPPROVED"];

/** States a case can be suspended from and resumed to: every open state but an expired offer. */
export const SUSPENDABLE_STATUSES: readonly CaseStatus[] = CASE_STATUSES.filter(
  (status) => !TERMINAL_STATUSES.includes(status) && status !== "SUSPENDED" && status !== "EXPIRED",
);

/** Before the offer: the congressional-notification track can still change. */
export const PRE_OFFER_STATUSES: readonly CaseStatus[] = ["OPENED", "IN_DEVELOPMENT", "IN_REVIEW", "READY_TO_SIGN"];

export const CN_STATUSES = [
  "NOT_REQUIRED",
  "PREPARATION",
  "STATE_CLEARANCE",
  "INFORMAL_REVIEW",
  "FORMALLY_NOTIFIED",
  "CLEARED",
  "BLOCKED",
  "HELD",
] as const;
export type CnStatus = (typeof CN_STATUSES)[number];

export const CN_STATUS_LABELS: Record<CnStatus, string> = {
  NOT_REQUIRED: "Not required",
  PREPARATION: "In preparation (DSCA)",
  STATE_CLEARANCE: "With State for clearance",
  INFORMAL_REVIEW: "Informal review by Congress",
  FORMALLY_NOTIFIED: "Formally notified to Congress",
  CLEARED: "Cleared",
  BLOCKED: "Blocked by joint resolution",
  HELD: "Held",
};

/** The track lets the case be offered. */
export const CN_CLEAR_STATUSES: readonly CnStatus[] = ["NOT_REQUIRED", "CLEARED"];

export const REVIEW_OFFICES = ["DSCA", "STATE_PM", "DTSA"] as const;
export type ReviewOffice = (typeof REVIEW_OFFICES)[number];

export const REVIEW_OFFICE_LABELS: Record<ReviewOffice, string> = {
  DSCA: "DSCA case review",
  STATE_PM: "State PM approval",
  DTSA: "DTSA technology-security review",
};

/** The offices by their short names, as a sentence names them ("State and DTSA reviews"). */
export const REVIEW_OFFICE_SHORT_NAMES: Record<ReviewOffice, string> = { DSCA: "DSCA", STATE_PM: "State", DTSA: "DTSA" };

/** Which organization kind decides each review. */
export const REVIEW_OFFICE_ORGANIZATION = { DSCA: "DSCA", STATE_PM: "STATE_PM", DTSA: "DTSA" } as const;

export const REVIEW_DECISIONS = ["CONCUR", "CONCUR_WITH_COMMENT", "RETURN", "DISAPPROVE"] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export const REVIEW_DECISION_LABELS: Record<ReviewDecision, string> = {
  CONCUR: "Concurred",
  CONCUR_WITH_COMMENT: "Concurred with comment",
  RETURN: "Returned for rework",
  DISAPPROVE: "Disapproved",
};

/**
 * NOT_REQUIRED: DSCA recorded that this office's review is not needed for the case (State or DTSA only, with a reason);
 * the AND-join counts it as done.
 */
export const REVIEW_TASK_STATUSES = ["OPEN", "DECIDED", "CANCELLED", "NOT_REQUIRED"] as const;
export type ReviewTaskStatus = (typeof REVIEW_TASK_STATUSES)[number];

/** The reviews DSCA may record as not required. Its own case review is never optional. */
export const WAIVABLE_REVIEW_OFFICES = ["STATE_PM", "DTSA"] as const satisfies readonly ReviewOffice[];
export type WaivableReviewOffice = (typeof WAIVABLE_REVIEW_OFFICES)[number];

export const COMMENT_VISIBILITIES = ["USG_INTERNAL", "PARTNER_VISIBLE"] as const;
export type CommentVisibility = (typeof COMMENT_VISIBILITIES)[number];

export const COMMENT_VISIBILITY_LABELS: Record<CommentVisibility, string> = {
  USG_INTERNAL: "U.S. Government only",
  PARTNER_VISIBLE: "Visible to the partner",
};

/**
 * Effective-dated rule keys (sla_rules) the workflow reads: review targets per office, the target for the office that
 * must act in each state, the congressional review periods and the default offer validity.
 */
export const WORKFLOW_RULE_KEYS = {
  review: { DSCA: "REVIEW_DSCA", STATE_PM: "REVIEW_STATE_PM", DTSA: "REVIEW_DTSA" } satisfies Record<ReviewOffice, string>,
  cnInformalReview: "CN_INFORMAL_REVIEW",
  cnFormalNatoPlus: "CN_FORMAL_NATO_PLUS",
  cnFormalOther: "CN_FORMAL_OTHER",
  offerValidity: "OFFER_VALIDITY",
} as const;

/** The target for whoever must act while the case sits in a state (its clock starts when the case enters it). */
export const STATUS_SLA_KEYS: Partial<Record<CaseStatus, string>> = {
  OPENED: "CASE_ASSIGNMENT",
  IN_DEVELOPMENT: "LOA_DEVELOPMENT",
  READY_TO_SIGN: "AGENCY_SIGNATURE",
  AGENCY_SIGNED: "DSCA_COUNTERSIGNATURE",
  COUNTERSIGNED: "OFFER_TRANSMITTAL",
  ACCEPTED: "CASE_IMPLEMENTATION",
  SUPPLY_SERVICES_COMPLETE: "CLOSURE_CERTIFICATE",
};

/**
 * Who the case waits on in each state, in plain words: the office's work in inboxes, and what the case waits on when
 * nothing more particular applies (waitingOnOf in ./waiting-on.ts names the open reviews and the notification track).
 */
export const WAITING_ON: Record<CaseStatus, string> = {
  OPENED: "DSCA to assign the implementing agency",
  IN_DEVELOPMENT: "The implementing agency to develop and approve the LOA",
  IN_REVIEW: "DSCA, State and DTSA reviews",
  READY_TO_SIGN: "The implementing agency to sign",
  AGENCY_SIGNED: "DSCA to countersign",
  COUNTERSIGNED: "The implementing agency to send the offer",
  OFFERED: "The partner to accept by the offer expiration date",
  ACCEPTED: "The initial deposit to arrive and DSCA/DFAS to record it",
  EXPIRED: "The implementing agency to restate the offer",
  IMPLEMENTED: "The implementing agency to start execution",
  EXECUTING: "Deliveries and services under way",
  SUPPLY_SERVICES_COMPLETE: "The implementing agency to submit the closure certificate",
  CLOSURE_PENDING: "DSCA to close the case",
  CLOSED: "Nobody — the case is closed",
  SUSPENDED: "DSCA to resume the case",
  CANCELLED: "Nobody — the case is cancelled",
  DISAPPROVED: "Nobody — the case was disapproved",
};
