import { z } from "zod";
import { NOTIFICATION_GROUPS, NOTIFICATION_KINDS, isNotificationKind, type EmailMode } from "../notifications/kinds";

// E-mail preferences (issue 15 §3): one schema for the API, the server action and the OpenAPI document.

export const EMAIL_MODES = ["IMMEDIATE", "DIGEST", "OFF"] as const satisfies readonly EmailMode[];

export const EMAIL_MODE_LABELS: Record<EmailMode, string> = {
  IMMEDIATE: "Immediately",
  DIGEST: "Daily digest",
  OFF: "Off",
};

const EmailModeSchema = z.enum(EMAIL_MODES, { error: "choose Immediately (IMMEDIATE), Daily digest (DIGEST) or Off (OFF)" });

/**
 * The kinds to change, each to IMMEDIATE, DIGEST or OFF; kinds left out keep their setting. An unknown kind is named
 * as its own field ("preferences.<kind>"), so the message lands beside it.
 */
export const UpdateNotificationPreferencesInput = z
  .object({
    preferences: z
      .record(z.string().refine(isNotificationKind), EmailModeSchema, {
        error: (issue) => (issue.code === "invalid_key" ? "No such kind of notification" : undefined),
      })
      .meta({ description: `A map of notification kind (one of: ${NOTIFICATION_KINDS.join(", ")}) to IMMEDIATE, DIGEST or OFF` }),
  })
  .strict()
  .meta({ id: "UpdateNotificationPreferencesInput" });
export type UpdateNotificationPreferencesInput = z.infer<typeof UpdateNotificationPreferencesInput>;

export const NotificationPreferenceView = z
  .object({
    kind: z.enum(NOTIFICATION_KINDS),
    label: z.string(),
    group: z.enum(NOTIFICATION_GROUPS),
    email: EmailModeSchema.meta({ description: "How you get e-mail for this kind: your choice, or the default" }),
    defaultEmail: EmailModeSchema,
  })
  .meta({ id: "NotificationPreference" });
export type NotificationPreferenceView = z.infer<typeof NotificationPreferenceView>;

export const NotificationPreferencesView = z
  .object({
    groups: z.array(z.object({ group: z.enum(NOTIFICATION_GROUPS), items: z.array(NotificationPreferenceView) })),
  })
  .meta({
    id: "NotificationPreferences",
    description: "Every kind of notice your role can receive, grouped. In-app notices always arrive; these settings govern e-mail.",
  });
export type NotificationPreferencesView = z.infer<typeof NotificationPreferencesView>;
