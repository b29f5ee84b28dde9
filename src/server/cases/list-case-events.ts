import "server-only";
import { CLOSURE_TYPE_LABELS, CLOSURE_TYPES, type ClosureType } from "@/domain/execution/closure";
import { executionEventOf } from "@/domain/execution/timeline";
import { LOA_EVENT_LABELS } from "@/domain/loa/document-flow";
import type { Actor } from "@/domain/policy";
import type { CaseEventView } from "@/domain/schemas/cases";
import { formatUsd } from "@/domain/money";
import { CASE_EVENTS, CASE_OPENED_ACTION, isCaseEvent, partnerViewOf } from "@/domain/workflow/case-workflow";
import { CN_STATUS_LABELS, REVIEW_OFFICE_LABELS, type CaseStatus, type CnStatus, type CommentVisibility, type ReviewOffice } from "@/domain/workflow/states";
import { db } from "../db";
import { assertCaseVisible } from "./case-access";
import { eventActors } from "../event-actors";

type Details = Record<string, unknown> | null;
const text = (value: unknown) => (typeof value === "string" && value ? value : null);
const isClosureType = (value: unknown): value is ClosureType => (CLOSURE_TYPES as readonly unknown[]).includes(value);

function labelFor(event: string | null, action: string, details: Details): string {
  if (action === CASE_OPENED_ACTION) return details?.lorId ? "Case opened from a complete letter of request" : "Case opened";
  if (event === "review-overdue") return `${REVIEW_OFFICE_LABELS[details?.reviewOffice as ReviewOffice] ?? "Review"} is overdue`;
  if (event && isCaseEvent(event)) {
    const office = details?.reviewOffice as ReviewOffice | undefined;
    const past = CASE_EVENTS[event].pastTense;
    return office ? `${REVIEW_OFFICE_LABELS[office]}: ${past.toLowerCase()}` : past;
  }
  return LOA_EVENT_LABELS[action] ?? executionEventOf(action)?.label ?? action;
}

/** The facts of an event. Partners get theirs (signature, deposit, OED, identifier), not internal notification steps. */
function noteFor(event: string | null, action: string, details: Details, { forPartner }: { forPartner: boolean }): string | null {
  if (!details) return null;
  const execution = executionEventOf(action);
  if (execution) return execution.note?.(details, { partner: forPartner }) ?? null;
  const input = (details.input ?? {}) as Record<string, unknown>;
  const parts: string[] = [];
  if (details.newIdentifier) parts.push(`Case identifier is now ${String(details.newIdentifier)}`);
  if (event === "accept") {
    parts.push(`Signed by ${String(input.signerName)}, ${String(input.signerTitle)}, on ${String(input.signedOn)}`);
    parts.push(`Initial deposit ${formatUsd(text(input.initialDeposit))}`);
  }
  if (event === "record-deposit") {
    const wire = text(input.wireReference);
    parts.push(`${formatUsd(text(input.amount))} received on ${String(input.receivedOn)}${wire ? ` (wire ${wire})` : ""}`);
    parts.push(details.toStatus === "IMPLEMENTED" ? "Deposit covered; case implemented" : "The deposits do not yet cover the amount due");
  }
  if (event === "submit-closure" && isClosureType(input.closureType)) parts.push(CLOSURE_TYPE_LABELS[input.closureType]);
  if (event === "approve-loa" && details.offerExpiresAt) {
    parts.push(`Offer expiration date ${String(details.offerExpiresAt).slice(0, 10)}`);
  }
  // Binding steps record the document the person confirmed (number, version, PDF hash once offered).
  const acknowledged = input.acknowledgedDocument as { number?: unknown; version?: unknown; sha256?: unknown } | undefined;
  if (acknowledged && typeof acknowledged.version === "number") {
    const sha = text(acknowledged.sha256);
    parts.push(`Confirmed LOA document ${String(acknowledged.number)}, version ${acknowledged.version}${sha ? `, SHA-256 ${sha}` : ""}`);
  }
  if (details.notificationTo && !forPartner) parts.push(`Notification: ${CN_STATUS_LABELS[details.notificationTo as CnStatus]}`);
  return parts.join(". ") || null;
}

/** The case's timeline, oldest first, as the actor may see it. */
export async function listCaseEvents(actor: Actor, caseId: string): Promise<CaseEventView[]> {
  await assertCaseVisible(actor, caseId);
  const events = await db().auditEvent.findMany({
    where: { targetType: "case", targetId: caseId, outcome: "SUCCESS" },
    // When it happened: the demo seed records some histories out of order (deliveries before the bills that count them).
    orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
  });
  const actorOf = await eventActors(actor, events);
  const partner = actor.role === "PARTNER_OFFICER";
  const views: CaseEventView[] = [];
  for (const event of events) {
    const details = (event.details ?? null) as Details;
    const name = text(details?.event);
    const visibility = (text(details?.commentVisibility) as CommentVisibility | null) ?? null;
    const partnerView = partner ? partnerViewOf(name, event.action, visibility) : "milestone";
    if (partnerView === "hidden") continue;
    const showComment = !partner || visibility === "PARTNER_VISIBLE";
    const { who, office } = actorOf(event);
    views.push({
      id: event.id.toString(),
      occurredAt: event.occurredAt.toISOString(),
      action: event.action,
      label: partnerView === "comment" ? `Comment from ${office}` : labelFor(name, event.action, details),
      actor: who,
      note: partnerView === "comment" ? null : noteFor(name, event.action, details, { forPartner: partner }),
      fromStatus: partner ? null : ((text(details?.fromStatus) as CaseStatus | null) ?? null),
      toStatus: partnerView === "comment" ? null : ((text(details?.toStatus) as CaseStatus | null) ?? null),
      comment: showComment ? text(details?.comment) : null,
      commentVisibility: showComment ? visibility : null,
    });
  }
  return views;
}
