import { z } from "zod";
import { NOTIFICATION_KINDS } from "../notifications/kinds";
import { ExpectedVersion, Uuid } from "./common";

// Webhook subscriptions and the event feed (issue 15 item 5). Whether a URL may be used (https in production) depends on
// the deployment, so the use cases check it with webhookUrlProblem() after these schemas.

const WebhookUrl = z
  .string({ error: "Enter the address to send events to" })
  .trim()
  .min(1, { error: "Enter the address to send events to" })
  .max(500, { error: "The address must be at most 500 characters" })
  .meta({ description: "https:// address that receives a POST for each event (plain http only for 127.0.0.1/localhost outside production)" });

const Kinds = z
  .array(z.enum(NOTIFICATION_KINDS, { error: "Choose kinds of event from the list" }), { error: "kinds must be a list of event kinds" })
  .max(NOTIFICATION_KINDS.length)
  .transform((kinds) => [...new Set(kinds)])
  .meta({ description: "Kinds of event to send; empty means every kind the organization may see" });

export const CreateWebhookInput = z
  .object({
    /** Administrators choose the organization; everyone else subscribes their own (and may leave it out). */
    organizationId: Uuid("Organization").optional(),
    url: WebhookUrl,
    kinds: Kinds.default([]),
  })
  .strict()
  .meta({ id: "CreateWebhookInput", description: "A webhook subscription for an organization. The signing secret is returned once." });
export type CreateWebhookInput = z.infer<typeof CreateWebhookInput>;

export const UpdateWebhookInput = z
  .object({
    expectedVersion: ExpectedVersion,
    url: WebhookUrl.optional(),
    kinds: Kinds.optional(),
    active: z.boolean({ error: "active must be true or false" }).optional(),
  })
  .strict()
  .meta({ id: "UpdateWebhookInput", description: "Change the address, the kinds, or turn the subscription off or on (turning it on resets its failure count)." });
export type UpdateWebhookInput = z.infer<typeof UpdateWebhookInput>;

export const WebhookVersionInput = z.object({ expectedVersion: ExpectedVersion }).strict().meta({ id: "WebhookVersionInput" });

export const WebhookListQuery = z.object({ organizationId: Uuid("Organization").optional() });

export const WebhookDeliveryQuery = z.object({
  page: z.coerce.number({ error: "page must be a whole number" }).int({ error: "page must be a whole number" }).min(1, { error: "page must be at least 1" }).max(100000, { error: "page is too large" }).default(1),
  pageSize: z.coerce.number({ error: "pageSize must be a whole number" }).int({ error: "pageSize must be a whole number" }).min(1, { error: "pageSize must be at least 1" }).max(100, { error: "pageSize must be at most 100" }).default(25),
});

export const WebhookView = z
  .object({
    id: z.uuid(),
    organizationId: z.uuid(),
    organizationName: z.string(),
    url: z.string(),
    kinds: z.array(z.string()),
    active: z.boolean(),
    consecutiveFailures: z.number().int(),
    disabledAt: z.iso.datetime().nullable(),
    disabledReason: z.string().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    version: z.number().int(),
  })
  .meta({ id: "WebhookSubscription" });
export type WebhookView = z.infer<typeof WebhookView>;

export const WebhookWithSecret = WebhookView.extend({
  secret: z.string().meta({ description: "Shown only in this response: verify each delivery's Caseway-Signature with it (docs/webhooks.md)." }),
}).meta({ id: "WebhookSubscriptionWithSecret" });
export type WebhookWithSecret = z.infer<typeof WebhookWithSecret>;

export const WebhookDeliveryView = z
  .object({
    id: z.uuid(),
    eventId: z.string(),
    kind: z.string(),
    status: z.enum(["PENDING", "SUCCEEDED", "FAILED"]),
    attempts: z.number().int(),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    nextAttemptAt: z.iso.datetime().nullable(),
    deliveredAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "WebhookDelivery" });
export type WebhookDeliveryView = z.infer<typeof WebhookDeliveryView>;

export const WebhookDetailView = WebhookView.extend({
  deliveries: z.object({
    items: z.array(WebhookDeliveryView),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  }),
}).meta({ id: "WebhookSubscriptionDetail" });
export type WebhookDetailView = z.infer<typeof WebhookDetailView>;

// ---- the event feed ----------------------------------------------------------------------------------------------

export const EventFeedQuery = z.object({
  after: z
    .string()
    .regex(/^\d{1,18}$/, { error: "after must be a cursor returned as nextCursor by an earlier page" })
    .optional()
    .meta({ description: "Opaque cursor: the nextCursor of the page you last read; leave out to start at the beginning" }),
  limit: z.coerce
    .number({ error: "limit must be a whole number" })
    .int({ error: "limit must be a whole number" })
    .min(1, { error: "limit must be at least 1" })
    .max(500, { error: "limit must be at most 500" })
    .default(100),
});

export const FeedEventView = z
  .object({
    id: z.string().meta({ description: "The event's id, the same as a webhook delivery's Caseway-Event-Id" }),
    sequence: z.string().meta({ description: "The event's place in the feed (increasing)" }),
    kind: z.enum(NOTIFICATION_KINDS),
    occurredAt: z.iso.datetime(),
    record: z.object({ type: z.string(), id: z.string(), link: z.string().nullable() }),
    caseIdentifier: z.string().nullable().meta({ description: "The case's identifier, for events about a case" }),
    subject: z.string().nullable().meta({ description: "The record's name as people know it (a case identifier, a letter's reference)" }),
    title: z.string().meta({ description: "What happened, in the words the caller may read" }),
  })
  .meta({ id: "FeedEvent" });
export type FeedEventView = z.infer<typeof FeedEventView>;

export const EventFeedPage = z
  .object({
    events: z.array(FeedEventView),
    nextCursor: z.string().nullable().meta({ description: "Send as `after` for the next page; null only when the feed is empty and no cursor was given" }),
    hasMore: z.boolean(),
  })
  .meta({ id: "EventFeedPage" });
export type EventFeedPage = z.infer<typeof EventFeedPage>;
