import { z } from "zod";
import { LOCALES, isTimeZone } from "@/i18n/config";

// A person's language and time zone (issue 16 §1–2): one schema for the API, the server action and the OpenAPI document.

/**
 * Either field may be left out (unchanged) or null (not chosen: the browser decides). An empty string from a form's
 * "Use my browser's" option means null.
 */
export const UpdateDisplayPreferencesInput = z
  .object({
    locale: z
      .preprocess((v) => (v === "" ? null : v), z.enum(LOCALES, { error: `choose one of ${LOCALES.join(", ")}` }).nullable())
      .optional()
      .meta({ description: "en, fr, es or ar; null to follow the browser's Accept-Language" }),
    timeZone: z
      .preprocess((v) => (v === "" ? null : v), z.string().refine(isTimeZone, { error: "choose a time zone from the list (an IANA name such as Europe/Paris)" }).nullable())
      .optional()
      .meta({ description: "An IANA time zone such as Asia/Riyadh; null to follow the browser's zone" }),
  })
  .strict()
  .meta({ id: "UpdateDisplayPreferencesInput" });
export type UpdateDisplayPreferencesInput = z.infer<typeof UpdateDisplayPreferencesInput>;

export const DisplayPreferencesView = z
  .object({
    locale: z.enum(LOCALES).nullable().meta({ description: "The language chosen, or null when the browser's Accept-Language decides" }),
    timeZone: z.string().nullable().meta({ description: "The IANA time zone chosen, or null when the browser's own zone decides" }),
  })
  .meta({ id: "DisplayPreferencesView" });
export type DisplayPreferencesView = z.infer<typeof DisplayPreferencesView>;
