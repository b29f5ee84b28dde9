import "server-only";
import type { Actor } from "@/domain/policy";
import type { CaseEventView } from "@/domain/schemas/cases";
import { isUuid } from "@/domain/schemas/common";
import { formatUsd } from "@/domain/money";
import { CASE_EVENTS, isCaseEvent } from "@/domain/workflow/case-workflow";
import { caseSubject } from "@/domain/workflow/engine";
import { CN_STATUS_LABELS, REVIEW_OFFICE_LABELS, type CaseStatus, type CnStatus, type CommentVisibility, type ReviewOffice } from "@/domain/workflow/states";
import { assertCan } from "../auth/actor";
import { db } from "../db";
import { notFound } from "../errors";

type Details = Record<string, unknown> | null;
const text = (value: unknown) => (typeof value === "string" && value ? value : null);

function labelFor(event: string | null, action: string, details: Details): string {
  if (action === "case.open") return details?.lorId ? "Case opened from a complete letter of request" : "Case opened";
  if (event === "review-overdue") return `${REVIEW_OFFICE_LABELS[details?.reviewOffice as ReviewOffice] ?? "Review"} is overdue`;
  if (event && isCaseEvent(event)) {
    const office = details?.reviewOffice as ReviewOffice | undefined;
    const past = CASE_EVENTS[event].pastTense;
    return office ? `${REVIEW_OFFICE_LABELS[office]}: ${past.toLowerCase()}` : past;
  }
  return action;
}

function noteFor(event: string | null, details: Details): string | null {
  if (!details) return null;
  const input = (details.input ?? {}) as Record<string, unknown>;
  const parts: string[] = [];
  if (details.newIdentifier) parts.push(`Case identifier is now ${String(details.newIdentifier)}`);
  if (event === "accept") {
    parts.push(`Signed by ${String(input.signerName)}, ${String(input.signerTitle)}, on ${String(input.signedOn)}`);
    parts.push(`Initial deposit ${formatUsd(text(input.initialDeposit))}`);
  }
  if (event === "record-deposit") parts.push(`${formatUsd(text(input.amount))} received on ${String(input.receivedOn)}`);
  if (event === "approve-loa" && details.offerExpiresAt) {
    parts.push(`Offer expiration date ${String(details.offerExpiresAt).slice(0, 10)}`);
  }
  if (details.notificationTo) parts.push(`Notification: ${CN_STATUS_LABELS[details.notificationTo as CnStatus]}`);
  return parts.join(". ") || null;
}

/** A partner sees partner-visible milestones, and comments marked for them, never U.S. Government-internal ones. */
function visibleToPartner(event: string | null, action: string, visibility: CommentVisibility | null): boolean {
  if (action === "case.open") return true;
  if (visibility === "PARTNER_VISIBLE") return true;
  return event !== null && isCaseEvent(event) && CASE_EVENTS[event].partnerVisible;
}

/** The case's timeline, oldest first, as the actor may see it. */
export async function listCaseEvents(actor: Actor, caseId: string): Promise<CaseEventView[]> {
  if (!isUuid(caseId)) throw notFound("Case");
  const found = await db().case.findUnique({ where: { id: caseId }, select: { countryId: true, implementingAgencyId: true } });
  if (!found) throw notFound("Case");
  assertCan(actor, "viewCase", caseSubject({ countryId: found.countryId, agencyId: found.implementingAgencyId }), "Case");
  const events = await db().auditEvent.findMany({
    where: { targetType: "case", targetId: caseId, outcome: "SUCCESS" },
    orderBy: { id: "asc" },
  });
  const userIds = [...new Set(events.map((e) => e.actorUserId).filter((id): id is string => id !== null))];
  const users = await db().user.findMany({
    where: { id: { in: userIds } },
    select: { id: true, name: true, organization: { select: { id: true, name: true, shortName: true } } },
  });
  const byId = new Map(users.map((u) => [u.id, u]));
  const partner = actor.role === "PARTNER_OFFICER";
  const views: CaseEventView[] = [];
  for (const event of events) {
    const details = (event.details ?? null) as Details;
    const name = text(details?.event);
    const visibility = (text(details?.commentVisibility) as CommentVisibility | null) ?? null;
    if (partner && !visibleToPartner(name, event.action, visibility)) continue;
    const showComment = !partner || visibility === "PARTNER_VISIBLE";
    const user = event.actorUserId ? byId.get(event.actorUserId) : undefined;
    const office = user?.organization.shortName ?? user?.organization.name ?? "Caseway";
    const who = !user
      ? event.actorEmail === "clock"
        ? "Caseway (on the date)"
        : "Caseway"
      : partner && user.organization.id !== actor.organizationId
        ? office
        : `${user.name}, ${office}`;
    views.push({
      id: event.id.toString(),
      occurredAt: event.occurredAt.toISOString(),
      action: event.action,
      label: partner && !visibleToPartner(name, event.action, null) ? `Comment from ${office}` : labelFor(name, event.action, details),
      actor: who,
      note: partner ? partnerNote(name, details) : noteFor(name, details),
      fromStatus: partner ? null : ((text(details?.fromStatus) as CaseStatus | null) ?? null),
      toStatus: partner && !visibleToPartner(name, event.action, null) ? null : ((text(details?.toStatus) as CaseStatus | null) ?? null),
      comment: showComment ? text(details?.comment) : null,
      commentVisibility: showComment ? visibility : null,
    });
  }
  return views;
}

/** Partners get the facts that are theirs (their signature, deposits), not internal notification steps. */
function partnerNote(event: string | null, details: Details): string | null {
  if (event === "accept" || event === "record-deposit" || event === "approve-loa" || details?.newIdentifier) {
    const note = noteFor(event, details ? { ...details, notificationTo: undefined } : null);
    return note;
  }
  return null;
}
