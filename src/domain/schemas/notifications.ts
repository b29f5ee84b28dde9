import { z } from "zod";
import { NOTIFICATION_GROUPS, NOTIFICATION_KINDS } from "../notifications/kinds";
import { blankAsUndefined } from "./common";

/** A notification id as the API writes it: a decimal string (they are 64-bit). */
const NoticeId = z.string().regex(/^\d{1,19}$/, { error: "must be a notification id (digits)" });

export const NOTIFICATION_PAGE_SIZE = 30;

/** The notifications page's filters: unread only, one group of kinds; `before` pages back from a notice's id. */
export const NotificationListQuery = z.object({
  unread: blankAsUndefined(z.enum(["true", "false"], { error: "unread must be true or false" })).transform((v) => v === "true"),
  group: blankAsUndefined(z.enum(NOTIFICATION_GROUPS, { error: `group must be one of: ${NOTIFICATION_GROUPS.join(", ")}` })),
  before: blankAsUndefined(NoticeId),
});
export type NotificationListQuery = z.infer<typeof NotificationListQuery>;

export const NotificationView = z.object({
  id: NoticeId,
  kind: z.enum(NOTIFICATION_KINDS),
  group: z.enum(NOTIFICATION_GROUPS),
  reason: z.enum(["action", "update"]).meta({ description: "action: your office now has work on the record; update: a record you follow changed" }),
  title: z.string(),
  link: z.string().nullable().meta({ description: "The record's page, relative to the app's origin" }),
  occurredAt: z.string().meta({ description: "When the event happened (ISO 8601)" }),
  readAt: z.string().nullable(),
});
export type NotificationView = z.infer<typeof NotificationView>;

export const NotificationPage = z.object({
  notifications: z.array(NotificationView),
  unreadCount: z.number().int(),
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: z.string().nullable(),
});
export type NotificationPage = z.infer<typeof NotificationPage>;

/** Mark some notices (by id) or all of them read. */
export const MarkNotificationsRead = z
  .object({
    ids: z.array(NoticeId).max(200, { error: "mark at most 200 notifications at a time" }).optional(),
    all: z.boolean().optional(),
  })
  .refine((input) => input.all === true || (input.ids?.length ?? 0) > 0, { error: "send ids, or all: true", path: ["ids"] });
export type MarkNotificationsRead = z.infer<typeof MarkNotificationsRead>;
