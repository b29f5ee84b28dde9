import type { PolicyAction } from "../policy";
import type { DocumentAction } from "../schemas/loa";
import { CASE_STATUS_LABELS, TERMINAL_STATUSES, type CaseStatus } from "../workflow/states";
import { IN_FORCE_DOCUMENT_STATUSES, documentDisplayName, type DocumentStatus, type DocumentType } from "./codes";

// How an Amendment or Modification moves (fms-domain.md §4.2, §8): the agency drafts the change and confirms its type,
// DSCA approves or returns it; a Modification is then implemented by the U.S. Government alone, while an Amendment
// is offered and needs the partner's acceptance. The basic LOA moves with the case's own workflow instead.

export interface DocumentFlowStep {
  from: readonly DocumentStatus[];
  permission: PolicyAction;
  /** Which kinds of document the step applies to: "change" is an Amendment or Modification (or an unconfirmed change). */
  appliesTo: "change" | "amendment";
}

export const DOCUMENT_FLOW: Record<DocumentAction, DocumentFlowStep> = {
  submit: { from: ["DRAFT"], permission: "editLoa", appliesTo: "change" },
  approve: { from: ["SUBMITTED"], permission: "decideLoaChange", appliesTo: "change" },
  return: { from: ["SUBMITTED"], permission: "decideLoaChange", appliesTo: "change" },
  accept: { from: ["OFFERED"], permission: "respondToOffer", appliesTo: "amendment" },
  // An offered Amendment the partner does not sign can be withdrawn too, so it never blocks later changes.
  withdraw: { from: ["DRAFT", "SUBMITTED", "OFFERED"], permission: "editLoa", appliesTo: "change" },
};

/** Where approval takes a change: a Modification is in force at once; an Amendment goes to the partner. */
export const approvedStatus = (type: DocumentType): DocumentStatus => (type === "MODIFICATION" ? "IMPLEMENTED" : "OFFERED");

export function documentActionApplies(action: DocumentAction, document: { documentType: DocumentType | null; status: DocumentStatus }): boolean {
  const step = DOCUMENT_FLOW[action];
  if (!step.from.includes(document.status)) return false;
  if (document.documentType === "BASIC") return false;
  return step.appliesTo === "change" || document.documentType === "AMENDMENT";
}

export function availableDocumentActions(
  document: { documentType: DocumentType | null; status: DocumentStatus },
  may: (permission: PolicyAction) => boolean,
): DocumentAction[] {
  return (Object.keys(DOCUMENT_FLOW) as DocumentAction[]).filter(
    (action) => documentActionApplies(action, document) && may(DOCUMENT_FLOW[action].permission),
  );
}


/** How the case timeline names the LOA's own audit events. */
export const LOA_EVENT_LABELS: Record<string, string> = {
  "loa.save": "LOA draft saved",
  "loa.change-started": "Change to the LOA started (Amendment or Modification)",
  "loa.submit": "Change submitted to DSCA",
  "loa.approve": "Change approved by DSCA",
  "loa.return": "Change returned to the agency",
  "loa.accept": "Amendment accepted by the partner",
  "loa.withdraw": "Change withdrawn",
};

// Which document is which, and when none may change.

/** The draft being worked on (basic LOA or a change), if any. */
export const workingDraftOf = <T extends { status: string }>(documents: readonly T[]) =>
  documents.find((doc) => doc.status === "DRAFT" || doc.status === "SUBMITTED") ?? null;
/** An Amendment offered to the partner and not yet accepted: no other change may start until it is (or it would be lost). */
export const offeredChangeOf = <T extends { status: string; documentType: string | null }>(documents: readonly T[]) =>
  documents.find((doc) => doc.status === "OFFERED" && doc.documentType !== "BASIC") ?? null;
/** The latest document whose lines are in force: the base a change is measured against. */
export const inForceOf = <T extends { status: string }>(documents: readonly T[]) =>
  [...documents].reverse().find((doc) => IN_FORCE_DOCUMENT_STATUSES.includes(doc.status as DocumentStatus)) ?? null;

/**
 * The document whose total is the case's value: the one in force, or before any is accepted the basic LOA being
 * drafted, reviewed or offered. A withdrawn or superseded version never counts; a change not yet in force neither.
 */
export const valueDocumentOf = <T extends { status: string; documentType: string | null }>(documents: readonly T[]) =>
  inForceOf(documents) ??
  [...documents].reverse().find((doc) => doc.documentType === "BASIC" && doc.status !== "SUPERSEDED" && doc.status !== "WITHDRAWN") ??
  null;

/**
 * Why a closed, cancelled or disapproved case's LOA no longer changes (null while the case is open). Only withdrawing
 * a change left open stays possible.
 */
export function endedCaseReason(status: string): string | null {
  if (!TERMINAL_STATUSES.includes(status as CaseStatus)) return null;
  return `This case is ${CASE_STATUS_LABELS[status as CaseStatus].toLowerCase()}; its LOA no longer changes.`;
}

/** Why no change can start while an Amendment waits for the partner. */
export const offeredChangeReason = (caseIdentifier: string, doc: { documentType: string | null; documentNumber: number | null }) =>
  `${documentDisplayName(caseIdentifier, doc.documentType as DocumentType | null, doc.documentNumber ?? 0)} is waiting for the partner's acceptance; the next change starts once it is accepted.`;


/**
 * What a case's move does to its basic LOA (the latest basic document not superseded or withdrawn), or null when the
 * LOA stays as it is. The basic LOA follows the case: submitted for review when the agency approves it, back to a
 * draft when review returns the case, restated as a new version when an offered case returns to development, then
 * offered, accepted, implemented or withdrawn with the case.
 */
export type BasicLoaMove = "submit" | "reopen" | "restate" | "offer" | "accept" | "implement" | "withdraw";

/** The case states a move can reach that may move the basic LOA: into any other, the LOA is not read at all. */
const LOA_MOVING_STATES: readonly CaseStatus[] = ["IN_DEVELOPMENT", "OFFERED", "ACCEPTED", "IMPLEMENTED", "CANCELLED", "DISAPPROVED"];

/** Whether the case's move may move its basic LOA (before reading the LOA's status). */
export const caseMoveMayMoveBasicLoa = (event: string, before: CaseStatus, after: CaseStatus): boolean =>
  before !== after && (event === "approve-loa" || LOA_MOVING_STATES.includes(after));

export function basicLoaMove(event: string, before: CaseStatus, after: CaseStatus, basic: DocumentStatus): BasicLoaMove | null {
  if (!caseMoveMayMoveBasicLoa(event, before, after)) return null;
  if (event === "approve-loa" && basic === "DRAFT") return "submit";
  if (after === "IN_DEVELOPMENT" && basic === "SUBMITTED") return "reopen";
  if (after === "IN_DEVELOPMENT" && basic === "OFFERED") return "restate";
  if (after === "OFFERED" && basic === "SUBMITTED") return "offer";
  if (after === "ACCEPTED" && basic === "OFFERED") return "accept";
  if (after === "IMPLEMENTED" && basic === "ACCEPTED") return "implement";
  if ((after === "CANCELLED" || after === "DISAPPROVED") && (basic === "DRAFT" || basic === "SUBMITTED")) return "withdraw";
  return null;
}
