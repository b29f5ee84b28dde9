// How a case's audit events read on its timeline, in the notifications and the event feed, for U.S. Government staff
// and for the partner (who sees milestones and partner-visible comments only). Pure: src/server/cases/list-case-events.ts
// reads the events, and the large seed words its bulk-written events with the same functions.
import { CLOSURE_TYPE_LABELS, CLOSURE_TYPES, type ClosureType } from "../execution/closure";
import { executionEventOf, type ExecutionFact } from "../execution/timeline";
import { DOCUMENT_TYPE_LABELS, documentDisplayName, PARTNER_VISIBLE_DOCUMENT_STATUSES, type DocumentStatus, type DocumentType } from "../loa/codes";
import { LOA_EVENT_LABELS } from "../loa/document-flow";
import type { CaseEventView } from "../schemas/cases";
import { formatUsd } from "../money";
import { CASE_EVENTS, CASE_OPENED_ACTION, isCaseEvent, partnerViewOf } from "../workflow/case-workflow";
import { CN_STATUS_LABELS, REVIEW_OFFICE_LABELS, type CaseStatus, type CnStatus, type CommentVisibility, type ReviewOffice } from "../workflow/states";
import { formatDate } from "../../lib/format";

/** How a timeline names who acted (src/server/event-actors.ts decides it per viewer). */
export interface EventActor {
  who: string;
  office: string;
}

type Details = Record<string, unknown> | null;
const text = (value: unknown) => (typeof value === "string" && value ? value : null);
const isClosureType = (value: unknown): value is ClosureType => (CLOSURE_TYPES as readonly unknown[]).includes(value);
/** A calendar day ("2026-12-05") or an instant as a reader writes it ("Dec 5, 2026"); never the raw ISO text. */
const day = (value: unknown) => (text(value) ? formatDate(String(value)) : "—");

/** The case's LOA documents as its timeline names them: audit events carry only the document's sequence number. */
export interface CaseDocumentRef {
  number: number;
  documentType: string | null;
  documentNumber: number | null;
  status: string;
  /** When it was offered to the partner (an Amendment), if ever: from then on its steps are theirs to see. */
  offeredAt: Date | null;
}
export interface CaseDocuments {
  identifier: string;
  documents: readonly CaseDocumentRef[];
}

const documentOf = (docs: CaseDocuments | undefined, details: Details) =>
  typeof details?.document === "number" ? docs?.documents.find((d) => d.number === details.document) : undefined;

/** "Amendment 1 (BN-B-ZAA A01)"; "The change" when the document is unknown or not yet typed. */
function documentName(docs: CaseDocuments | undefined, details: Details): string {
  const doc = documentOf(docs, details);
  const type = (doc?.documentType ?? text(details?.documentType)) as DocumentType | null;
  if (!doc || !type || doc.documentNumber === null) return "The change";
  if (type === "BASIC") return "The basic LOA";
  return `${DOCUMENT_TYPE_LABELS[type]} ${doc.documentNumber} (${documentDisplayName(docs!.identifier, type, doc.documentNumber)})`;
}

/** What a document step says, naming the document: "Amendment 1 (BN-B-ZAA A01) offered to the partner". */
function documentLabel(action: string, details: Details, docs: CaseDocuments | undefined): string {
  const name = documentName(docs, details);
  switch (action) {
    case "loa.submit":
      return `${name} submitted to DSCA`;
    case "loa.approve":
      return details?.toStatus === "IMPLEMENTED" ? `${name} approved by DSCA and in force` : `${name} approved by DSCA and offered to the partner`;
    case "loa.return":
      return `${name} returned to the agency`;
    case "loa.accept":
      return `${name} accepted by the partner`;
    case "loa.withdraw":
      return `${name} withdrawn`;
    default:
      return LOA_EVENT_LABELS[action] ?? action;
  }
}

export const CASE_OPENED_LABELS = { fromLetter: "Case opened from a complete letter of request", plain: "Case opened" } as const;

/** What a recorded case event says happened. */
export function caseEventLabel(event: string | null, action: string, details: Details, docs?: CaseDocuments): string {
  if (action === CASE_OPENED_ACTION) return details?.lorId ? CASE_OPENED_LABELS.fromLetter : CASE_OPENED_LABELS.plain;
  if (event === "review-overdue") return `${REVIEW_OFFICE_LABELS[details?.reviewOffice as ReviewOffice] ?? "Review"} is overdue`;
  if (event && isCaseEvent(event)) {
    const office = details?.reviewOffice as ReviewOffice | undefined;
    const past = CASE_EVENTS[event].pastTense;
    return office ? `${REVIEW_OFFICE_LABELS[office]}: ${past.toLowerCase()}` : past;
  }
  if (action.startsWith("loa.")) return documentLabel(action, details, docs);
  return executionEventOf(action)?.label ?? action;
}

/**
 * One fact of an event, for a page to word in its reader's language: amounts are exact decimal strings and days ISO
 * dates, so the page formats them itself. caseEventNote writes the same facts in English.
 */
export type CaseEventFact =
  | { fact: "newIdentifier"; identifier: string }
  | { fact: "signedBy"; name: string; title: string; day: string | null }
  | { fact: "initialDeposit"; amount: string | null }
  | { fact: "depositReceived"; amount: string | null; day: string | null; wire: string | null }
  | { fact: "depositCovered" }
  | { fact: "depositShort" }
  | { fact: "closureType"; closureType: keyof typeof CLOSURE_TYPE_LABELS }
  | { fact: "offerExpires"; day: string | null }
  | { fact: "changeReason"; text: string }
  | { fact: "changeSignedBy"; name: string; title: string | null }
  | { fact: "confirmedDocument"; number: string; version: number; sha256: string | null }
  | { fact: "notification"; status: CnStatus }
  /** An execution step (a shipment, a contract…): its ExecNotes message and the values that fill it. */
  | ({ fact: "step" } & ExecutionFact);

/** The facts of an event. Partners get theirs (signature, deposit, OED, identifier), not internal notification steps. */
export function caseEventFacts(event: string | null, action: string, details: Details, { forPartner }: { forPartner: boolean }): CaseEventFact[] {
  if (!details) return [];
  const execution = executionEventOf(action);
  if (execution) {
    const step = execution.fact?.(details, { partner: forPartner });
    return step ? [{ ...step, fact: "step" }] : [];
  }
  const input = (details.input ?? {}) as Record<string, unknown>;
  const facts: CaseEventFact[] = [];
  if (details.newIdentifier) facts.push({ fact: "newIdentifier", identifier: String(details.newIdentifier) });
  if (event === "accept") {
    facts.push({ fact: "signedBy", name: String(input.signerName), title: String(input.signerTitle), day: text(input.signedOn) });
    facts.push({ fact: "initialDeposit", amount: text(input.initialDeposit) });
  }
  if (event === "record-deposit") {
    facts.push({ fact: "depositReceived", amount: text(input.amount), day: text(input.receivedOn), wire: text(input.wireReference) });
    facts.push({ fact: details.toStatus === "IMPLEMENTED" ? "depositCovered" : "depositShort" });
  }
  if (event === "submit-closure" && isClosureType(input.closureType)) facts.push({ fact: "closureType", closureType: input.closureType });
  if (event === "approve-loa" && details.offerExpiresAt) facts.push({ fact: "offerExpires", day: text(details.offerExpiresAt) });
  // A change's own steps: why it was proposed (staff only, it is the agency's working text), who signed an Amendment.
  if (action === "loa.submit" && !forPartner && text(details.reason)) facts.push({ fact: "changeReason", text: String(details.reason) });
  if (action === "loa.accept" && text(details.signerName)) facts.push({ fact: "changeSignedBy", name: String(details.signerName), title: text(details.signerTitle) });
  // Binding steps record the document the person confirmed (number, version, PDF hash once offered).
  const acknowledged = input.acknowledgedDocument as { number?: unknown; version?: unknown; sha256?: unknown } | undefined;
  if (acknowledged && typeof acknowledged.version === "number") {
    facts.push({ fact: "confirmedDocument", number: String(acknowledged.number), version: acknowledged.version, sha256: text(acknowledged.sha256) });
  }
  if (details.notificationTo && !forPartner) facts.push({ fact: "notification", status: details.notificationTo as CnStatus });
  return facts;
}

/** A fact in English, as the API and the audit views have always written it. */
function englishFact(f: CaseEventFact): string {
  switch (f.fact) {
    case "newIdentifier":
      return `Case identifier is now ${f.identifier}`;
    case "signedBy":
      return `Signed by ${f.name}, ${f.title}, on ${day(f.day)}`;
    case "initialDeposit":
      return `Initial deposit ${formatUsd(f.amount)}`;
    case "depositReceived":
      return `${formatUsd(f.amount)} received on ${day(f.day)}${f.wire ? ` (wire ${f.wire})` : ""}`;
    case "depositCovered":
      return "Deposit covered; case implemented";
    case "depositShort":
      return "The deposits do not yet cover the amount due";
    case "closureType":
      return CLOSURE_TYPE_LABELS[f.closureType];
    case "offerExpires":
      return `Offer expiration date ${day(f.day)}`;
    case "changeReason":
      return f.text;
    case "changeSignedBy":
      return `Signed by ${f.name}${f.title ? `, ${f.title}` : ""}`;
    case "confirmedDocument":
      return `Confirmed LOA document ${f.number}, version ${f.version}${f.sha256 ? `, SHA-256 ${f.sha256}` : ""}`;
    case "notification":
      return `Notification: ${CN_STATUS_LABELS[f.status]}`;
    case "step":
      return ""; // execution steps write their own English note (src/domain/execution/*-events.ts)
  }
}

/** The facts of an event in English, one sentence each. Execution events word their own note. */
export function caseEventNote(event: string | null, action: string, details: Details, { forPartner }: { forPartner: boolean }): string | null {
  if (!details) return null;
  const execution = executionEventOf(action);
  if (execution) return execution.note?.(details, { partner: forPartner }) ?? null;
  return caseEventFacts(event, action, details, { forPartner }).map(englishFact).join(". ") || null;
}

/**
 * The partner's view of an event: the workflow's rule (partnerViewOf), plus the steps of an Amendment or Modification
 * that reach them — its offer (or, for a Modification, its coming into force), their acceptance, and the withdrawal
 * of an Amendment they were offered. The agency's drafting and DSCA's review of the change stay U.S.
 * Government-internal, and so does withdrawing a change the partner never saw.
 */
function partnerViewOfCaseEvent(event: string | null, action: string, visibility: CommentVisibility | null, docs: CaseDocuments | undefined, details: Details) {
  if (action === "loa.withdraw") return documentOf(docs, details)?.offeredAt ? "milestone" : "hidden";
  if (action === "loa.approve" || action === "loa.accept") {
    const doc = documentOf(docs, details);
    const reached = details?.toStatus === "OFFERED" || details?.toStatus === "IMPLEMENTED" || action === "loa.accept";
    return reached && doc && doc.documentType !== "BASIC" ? "milestone" : "hidden";
  }
  return partnerViewOf(event, action, visibility);
}

export interface AuditEventRow {
  id: bigint;
  occurredAt: Date;
  action: string;
  actorUserId: string | null;
  actorEmail: string | null;
  details: unknown;
}

/**
 * One audit event on the case's chain as `viewer` may see it, or null when it is not theirs to see (internal
 * notification steps, U.S. Government-only comments and events for partners).
 */
export function caseEventView(
  event: AuditEventRow,
  viewer: { partner: boolean },
  actorOf: (event: AuditEventRow) => EventActor,
  docs?: CaseDocuments,
): CaseEventView | null {
  const { partner } = viewer;
  const details = (event.details ?? null) as Details;
  const name = text(details?.event);
  const visibility = (text(details?.commentVisibility) as CommentVisibility | null) ?? null;
  const partnerView = partner ? partnerViewOfCaseEvent(name, event.action, visibility, docs, details) : "milestone";
  if (partnerView === "hidden") return null;
  const showComment = !partner || visibility === "PARTNER_VISIBLE";
  const { who, office } = actorOf(event);
  return {
    id: event.id.toString(),
    occurredAt: event.occurredAt.toISOString(),
    action: event.action,
    label: partnerView === "comment" ? `Comment from ${office}` : caseEventLabel(name, event.action, details, docs),
    event: partnerView !== "comment" && name && isCaseEvent(name) ? name : null,
    reviewOffice: partnerView !== "comment" && name && isCaseEvent(name) ? ((details?.reviewOffice as ReviewOffice | undefined) ?? null) : null,
    actor: who,
    note: partnerView === "comment" ? null : caseEventNote(name, event.action, details, { forPartner: partner }),
    facts: partnerView === "comment" ? [] : caseEventFacts(name, event.action, details, { forPartner: partner }),
    fromStatus: partner ? null : ((text(details?.fromStatus) as CaseStatus | null) ?? null),
    toStatus: partnerView === "comment" || event.action.startsWith("loa.") ? null : ((text(details?.toStatus) as CaseStatus | null) ?? null),
    comment: showComment ? text(details?.comment) : null,
    commentVisibility: showComment ? visibility : null,
  };
}

/** Whether `viewer` may open the document a timeline entry names (partners: only what was offered to them). */
export const documentVisibleTo = (doc: CaseDocumentRef, viewer: { partner: boolean }) =>
  !viewer.partner || PARTNER_VISIBLE_DOCUMENT_STATUSES.includes(doc.status as DocumentStatus);

