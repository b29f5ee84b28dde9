import type { LorRequestType, LorStatus } from "./codes";

/** How a status reads inside a sentence: "This letter of request is <phrase>". */
const STATUS_PHRASES: Record<LorStatus, string> = {
  DRAFT: "still a draft",
  SUBMITTED: "submitted and waiting for acknowledgment",
  UNDER_VALIDATION: "under validation",
  INSUFFICIENT: "marked insufficient",
  ACTIONABLE: "actionable",
  COMPLETE: "complete",
  PA_PROVIDED: "answered with P&A data",
  WITHDRAWN: "withdrawn",
  DISAPPROVED: "disapproved",
};

// The LOR state machine (fms-domain.md §4.1) as data. Who may fire each action is in the policy table; this says
// from which statuses it may be fired and where it leads.

export const LOR_ACTIONS = [
  "edit",
  "submit",
  "withdraw",
  "acknowledge",
  "markInsufficient",
  "markActionable",
  "markComplete",
  "respondPriceAndAvailability",
  "disapprove",
] as const;
export type LorAction = (typeof LOR_ACTIONS)[number];

interface TransitionRule {
  from: readonly LorStatus[];
  /** null: the status does not change (editing). */
  to: LorStatus | null;
  verb: string;
  /** Extra condition on the request itself. */
  only?: (requestType: LorRequestType | null) => boolean;
}

const EDITABLE: readonly LorStatus[] = ["DRAFT", "INSUFFICIENT"];
/** The U.S. Government holds the letter: the queue's "waiting for the U.S. Government". */
export const WITH_USG_STATUSES: readonly LorStatus[] = ["SUBMITTED", "UNDER_VALIDATION", "ACTIONABLE"];
/** The validation clock runs in these statuses (until the letter is found insufficient, actionable or complete). */
export const VALIDATION_CLOCK_STATUSES: readonly LorStatus[] = ["SUBMITTED", "UNDER_VALIDATION"];
const HELD_BY_USG = WITH_USG_STATUSES;

export const LOR_TRANSITIONS: Record<LorAction, TransitionRule> = {
  edit: { from: EDITABLE, to: null, verb: "edited" },
  submit: { from: EDITABLE, to: "SUBMITTED", verb: "submitted" },
  withdraw: { from: [...EDITABLE, ...HELD_BY_USG], to: "WITHDRAWN", verb: "withdrawn" },
  acknowledge: { from: ["SUBMITTED"], to: "UNDER_VALIDATION", verb: "acknowledged" },
  markInsufficient: { from: ["UNDER_VALIDATION", "ACTIONABLE"], to: "INSUFFICIENT", verb: "marked insufficient" },
  markActionable: { from: ["UNDER_VALIDATION"], to: "ACTIONABLE", verb: "marked actionable" },
  markComplete: { from: ["UNDER_VALIDATION", "ACTIONABLE"], to: "COMPLETE", verb: "marked complete" },
  respondPriceAndAvailability: {
    from: ["COMPLETE"],
    to: "PA_PROVIDED",
    verb: "answered with P&A data",
    only: (type) => type === "PRICE_AND_AVAILABILITY",
  },
  disapprove: { from: [...HELD_BY_USG, "INSUFFICIENT"], to: "DISAPPROVED", verb: "disapproved" },
};

export type TransitionOutcome =
  | { ok: true; to: LorStatus; changesStatus: boolean }
  | { ok: false; reason: string };

/** Where `action` leads from `status`, or why it cannot be taken now. */
export function lorTransition(status: LorStatus, action: LorAction, requestType: LorRequestType | null): TransitionOutcome {
  const rule = LOR_TRANSITIONS[action];
  if (!rule.from.includes(status)) {
    return { ok: false, reason: `This letter of request is ${STATUS_PHRASES[status]}, so it cannot be ${rule.verb} now` };
  }
  if (rule.only && !rule.only(requestType)) {
    return { ok: false, reason: `Only price-and-availability requests can be ${rule.verb}` };
  }
  return { ok: true, to: rule.to ?? status, changesStatus: rule.to !== null };
}

export const canTransition = (status: LorStatus, action: LorAction, requestType: LorRequestType | null) =>
  lorTransition(status, action, requestType).ok;

export const isEditable = (status: LorStatus) => EDITABLE.includes(status);

/** The letter is with the USG for validation: the validation clock runs. */
export const isAwaitingValidation = (status: LorStatus) => VALIDATION_CLOCK_STATUSES.includes(status);

/** Statuses the partner can still act on or that are still moving (used by the "open" filter). */
export const OPEN_STATUSES: readonly LorStatus[] = ["DRAFT", "SUBMITTED", "UNDER_VALIDATION", "INSUFFICIENT", "ACTIONABLE", "COMPLETE"];

