import { z } from "zod";
import { TIMELINE_CATEGORIES, TIMELINE_PHASES } from "../cases/purchase-timeline";
import { CASE_STATUSES, COMMENT_VISIBILITIES } from "../workflow/states";

const Instant = z.iso.datetime();

export const PurchaseTimelineEntryView = z
  .object({
    id: z.string().meta({ description: "The audit event's id" }),
    occurredAt: Instant,
    action: z.string(),
    category: z.enum(TIMELINE_CATEGORIES),
    phase: z.enum(TIMELINE_PHASES).meta({ description: "The chapter of the story: request, review and offer, acceptance, execution, closure" }),
    label: z.string(),
    note: z.string().nullable().meta({ description: "Facts of the event, calendar days written out (\"Mar 1, 2026\")" }),
    actor: z.string().meta({ description: "Who acted; partners see U.S. Government staff by office only" }),
    comment: z.string().nullable(),
    commentVisibility: z.enum(COMMENT_VISIBILITIES).nullable(),
    toStatus: z.enum(CASE_STATUSES).nullable().meta({ description: "The case status the event moved the case to, if any" }),
    link: z
      .object({ href: z.string(), text: z.string() })
      .nullable()
      .meta({ description: "The record the entry is about (letter, LOA document, discrepancy report…), when the caller may open it" }),
  })
  .meta({ id: "PurchaseTimelineEntry" });
export type PurchaseTimelineEntryView = z.infer<typeof PurchaseTimelineEntryView>;

export const PurchaseTimelineView = z
  .object({
    caseId: z.uuid(),
    identifier: z.string(),
    status: z.enum(CASE_STATUSES),
    letters: z.array(z.object({ id: z.uuid(), title: z.string(), href: z.string() })).meta({ description: "The letters of request behind the case, oldest first" }),
    entries: z.array(PurchaseTimelineEntryView).meta({ description: "Every step the caller may see, oldest first" }),
  })
  .meta({ id: "PurchaseTimeline" });
export type PurchaseTimelineView = z.infer<typeof PurchaseTimelineView>;
