import "server-only";
import type { LorStatus } from "@/domain/lor/codes";
import type { Actor } from "@/domain/policy";
import { isUuid } from "@/domain/schemas/common";
import type { LorEventView } from "@/domain/schemas/lor";
import type { z } from "zod";
import { assertCan } from "../auth/actor";
import { db } from "../db";
import { eventActors } from "../event-actors";
import { notFound } from "../errors";
import { lorSubject } from "./lor-record";

/** What each letter event says happened (also read by the purchase timeline). */
export const LOR_EVENT_LABELS: Record<string, string> = {
  "lor.create": "Draft started",
  "lor.update": "Draft changed",
  "lor.submit": "Submitted",
  "lor.withdraw": "Withdrawn",
  "lor.acknowledge": "Receipt acknowledged; validation started",
  "lor.mark_insufficient": "Returned as insufficient",
  "lor.mark_actionable": "Validated as actionable",
  "lor.mark_complete": "Marked complete",
  "lor.respond_pa": "Price and availability data provided (non-binding)",
  "lor.disapprove": "Disapproved",
  "lor.attachment_add": "File attached",
  "lor.attachment_remove": "File removed",
};

type Details = Record<string, unknown> | null;
const text = (value: unknown) => (typeof value === "string" && value ? value : null);

/** The facts of a letter event: reasons, the case it opened, the P&A estimate, the file. */
export function lorEventNote(action: string, details: Details): string | null {
  if (!details) return null;
  switch (action) {
    case "lor.mark_insufficient":
      return text(details.reasons);
    case "lor.disapprove":
    case "lor.withdraw":
      return text(details.reason);
    case "lor.mark_complete": {
      const caseNote = !details.caseIdentifier
        ? null
        : details.caseId
          ? `Case ${String(details.caseIdentifier)}`
          : `Refers to case ${String(details.caseIdentifier)}, which is not in Caseway`;
      return [caseNote, text(details.comment)].filter(Boolean).join(" — ") || null;
    }
    case "lor.respond_pa":
      return `Estimated $${String(details.estimatedValue)}; ${String(details.availability)}`;
    case "lor.submit":
      return details.resubmission ? "Resubmitted after changes" : null;
    case "lor.attachment_add":
    case "lor.attachment_remove":
      return text(details.fileName);
    default:
      return null;
  }
}

/**
 * Every event on a letter, oldest first. Partners see who acted in their own country by name and U.S. Government
 * actors by office; USG staff see names and offices.
 */
export async function listLorEvents(actor: Actor, lorId: string): Promise<z.infer<typeof LorEventView>[]> {
  if (!isUuid(lorId)) throw notFound("Letter of request");
  const lor = await db().letterOfRequest.findUnique({
    where: { id: lorId },
    select: { countryId: true, firstSubmittedAt: true, routedAgencyId: true },
  });
  if (!lor) throw notFound("Letter of request");
  assertCan(actor, "viewLor", lorSubject(lor), "Letter of request");
  const events = await db().auditEvent.findMany({
    where: { targetType: "lor", targetId: lorId, outcome: "SUCCESS" },
    orderBy: { id: "asc" },
  });
  const actorOf = await eventActors(actor, events);
  return events.map((event) => {
    const details = (event.details ?? null) as Details;
    return {
      id: event.id.toString(),
      occurredAt: event.occurredAt.toISOString(),
      action: event.action,
      label: LOR_EVENT_LABELS[event.action] ?? event.action,
      actor: actorOf(event).who,
      fromStatus: (text(details?.fromStatus) as LorStatus | null) ?? null,
      toStatus: (text(details?.toStatus) as LorStatus | null) ?? null,
      note: lorEventNote(event.action, details),
      changedFields: Array.isArray(details?.changedFields) ? (details.changedFields as string[]) : [],
    };
  });
}
