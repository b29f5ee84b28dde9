// Binding steps (issue 13): approving the LOA, concurring, signing, countersigning, offering, accepting and closing each
// commit someone to one particular document. Before the step is sent the person confirms which one — its name,
// version, total and, once it has been offered, the SHA-256 of its PDF — and the server refuses the step if the stored
// document is no longer the one confirmed. Pure: the pages build the text from it and the use case checks with it.
import { formatUsd } from "../money";
import { IN_FORCE_DOCUMENT_STATUSES, type DocumentStatus, type DocumentType } from "../loa/codes";
import type { CaseEvent } from "./case-workflow";

/** The case events that bind someone to a document, and so ask for an explicit confirmation first. */
export const BINDING_EVENTS = [
  "approve-loa",
  "concur",
  "concur-with-comment",
  "sign",
  "countersign",
  "offer",
  "accept",
  "close",
] as const satisfies readonly CaseEvent[];
export type BindingEvent = (typeof BINDING_EVENTS)[number];

export const isBindingEvent = (event: string): event is BindingEvent => (BINDING_EVENTS as readonly string[]).includes(event);

/** What the confirmation and the check read of a document (DocumentSummaryView has all of it). */
export interface BindableDocument {
  number: number;
  documentType: DocumentType | null;
  status: DocumentStatus;
  version: number;
  name: string;
  totalEstimatedCost: string;
  pdfSha256: string | null;
}

/** What the person confirmed, as the action input carries it. */
export interface DocumentAcknowledgement {
  number: number;
  version: number;
  /** The PDF's SHA-256 when the document had one; null or absent before it is offered. */
  sha256?: string | null;
}

/**
 * The document each binding step commits to. Before the offer it is the basic LOA at its stage (the draft the agency
 * approves, then the version frozen for review, signature and offer); the partner accepts the offered basic LOA; the
 * case closes against the document in force (the latest accepted or implemented one).
 */
const BOUND_STATUSES: Record<BindingEvent, { basicOnly: boolean; statuses: readonly DocumentStatus[] }> = {
  "approve-loa": { basicOnly: true, statuses: ["DRAFT"] },
  concur: { basicOnly: true, statuses: ["SUBMITTED"] },
  "concur-with-comment": { basicOnly: true, statuses: ["SUBMITTED"] },
  sign: { basicOnly: true, statuses: ["SUBMITTED"] },
  countersign: { basicOnly: true, statuses: ["SUBMITTED"] },
  offer: { basicOnly: true, statuses: ["SUBMITTED"] },
  accept: { basicOnly: true, statuses: ["OFFERED"] },
  close: { basicOnly: false, statuses: IN_FORCE_DOCUMENT_STATUSES },
};

/** The document `event` binds to among the case's documents (any order), or null when there is none. */
export function boundDocumentOf<T extends Pick<BindableDocument, "number" | "documentType" | "status">>(
  event: BindingEvent,
  documents: readonly T[],
): T | null {
  const { basicOnly, statuses } = BOUND_STATUSES[event];
  const candidates = documents.filter((d) => statuses.includes(d.status) && (!basicOnly || d.documentType === "BASIC"));
  // The latest one: a restated LOA's new draft, or the newest Amendment or Modification in force.
  return candidates.reduce<T | null>((latest, d) => (latest === null || d.number > latest.number ? d : latest), null);
}

/**
 * Binding steps on a change after acceptance (document actions, not case events): DSCA approving an Amendment (which
 * offers it) or a Modification (which puts it in force), and the partner accepting an Amendment. Their expected version
 * is the document's own, so the server already refuses them when the document changed.
 */
export type DocumentBindingStep = "approve-amendment" | "approve-modification" | "accept-amendment";
export type BindingStep = BindingEvent | DocumentBindingStep;

/** What each step commits the person (or their government) to, in plain words. */
export const BINDING_COMMITMENTS: Record<BindingStep, string> = {
  "approve-loa":
    "You approve this LOA for your agency (MILAP). It goes to DSCA, State and DTSA review exactly as it is now, priced at today's rates, and the offer expiration date is set.",
  concur: "You concur with this version of the LOA for your office. Once every required review has concurred, the agency can sign it.",
  "concur-with-comment":
    "You concur with this version of the LOA for your office, with your comment on record. Once every required review has concurred, the agency can sign it.",
  sign: "You sign this LOA for the implementing agency (MILSGN). DSCA countersigns it next.",
  countersign: "You countersign this LOA for DSCA. The agency can then offer it to the partner.",
  offer:
    "You send this LOA to the partner as a binding offer. Caseway renders its PDF from this version now and records the file's SHA-256; the partner may accept it until the offer expiration date.",
  accept:
    "Your government accepts this LOA and its terms, and agrees to pay the initial deposit it calls for. The file you accept is the one with the SHA-256 shown here.",
  close:
    "You close the case against this LOA in force. Caseway writes the final statement and issues the closure certificate; only DSCA can reopen the case, with a reason.",
  "approve-amendment":
    "You approve this Amendment for DSCA and offer it to the partner. Caseway renders its PDF from this version now and records the file's SHA-256.",
  "approve-modification":
    "You approve this Modification for DSCA and it is in force at once: the case is executed and billed against it. Caseway renders its PDF from this version now and records the file's SHA-256.",
  "accept-amendment":
    "Your government accepts this Amendment and its changes to the LOA, including any new amounts due. The file you accept is the one with the SHA-256 shown here.",
};

export interface BindingConfirmation {
  /** The heading: "Check before you sign for the agency (MILSGN)". */
  title: string;
  /** "BN-P-AAB Basic LOA, version 3, total $6,830,101.73, SHA-256 1a2b…" — null when there is no document to name. */
  summary: string | null;
  document: { name: string; version: number; total: string; sha256: string | null } | null;
  /** What the step commits to. */
  commitment: string;
  /** Why a hash is missing, when it is: said rather than left blank. */
  sha256Note: string | null;
  acknowledgement: DocumentAcknowledgement | null;
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** The confirmation a person reads before `event`, naming `document` (from boundDocumentOf). */
export function bindingConfirmation(event: BindingStep, label: string, document: BindableDocument | null): BindingConfirmation {
  const title = `Check before you ${lowerFirst(label)}`;
  if (!document) {
    return {
      title,
      summary: null,
      document: null,
      commitment: BINDING_COMMITMENTS[event],
      sha256Note: "Caseway could not find the LOA document this step applies to. Reload the page before going on.",
      acknowledgement: null,
    };
  }
  const total = formatUsd(document.totalEstimatedCost);
  const sha256 = document.pdfSha256;
  return {
    title,
    summary: `${document.name}, version ${document.version}, total ${total}${sha256 ? `, SHA-256 ${sha256}` : ""}`,
    document: { name: document.name, version: document.version, total, sha256 },
    commitment: BINDING_COMMITMENTS[event],
    sha256Note: sha256 ? null : "None yet: the PDF is fingerprinted when the document is offered (or a Modification approved).",
    acknowledgement: { number: document.number, version: document.version, sha256: sha256 ?? null },
  };
}

/**
 * Why the stored document is not the one the person confirmed, in plain words; null when it is. A missing hash on
 * either side matches only a missing hash, so an offered document cannot be confirmed without naming its file.
 */
export function acknowledgementMismatch(
  acknowledged: DocumentAcknowledgement,
  current: Pick<BindableDocument, "number" | "version" | "name" | "pdfSha256"> | null,
): string | null {
  if (!current) return "There is no LOA document this step applies to any more. Reload the case to see where it stands.";
  if (acknowledged.number !== current.number) {
    return `This step now applies to ${current.name} (document ${current.number}), not to the document you confirmed (document ${acknowledged.number}). Reload and check it again.`;
  }
  if (acknowledged.version !== current.version) {
    return `${current.name} changed since you confirmed it: it is now version ${current.version}, not version ${acknowledged.version}. Reload and check it again.`;
  }
  if ((acknowledged.sha256 ?? null) !== (current.pdfSha256 ?? null)) {
    return `The SHA-256 you confirmed is not the one of ${current.name}'s PDF. Reload and check the file again.`;
  }
  return null;
}
