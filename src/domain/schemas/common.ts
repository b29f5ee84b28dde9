import { z } from "zod";

// Control characters (other than ordinary whitespace) and bidirectional overrides have no place in names or
// labels: they hide text or reorder it on screen.
const UNSAFE_CHARACTERS =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** Single-line text: Unicode-normalized, trimmed, inner whitespace collapsed, no control characters. */
export function plainText(label: string, { min = 1, max }: { min?: number; max: number }) {
  return z
    .string({ error: `${label} is required` })
    .transform((value) => value.normalize("NFC").trim().replace(/\s+/g, " "))
    .pipe(
      z
        .string()
        .min(min, { error: min <= 1 ? `${label} is required` : `${label} must be at least ${min} characters` })
        .max(max, { error: `${label} must be at most ${max} characters` })
        .refine((value) => !UNSAFE_CHARACTERS.test(value), {
          error: `${label} contains characters that are not allowed`,
        }),
    );
}

export const EmailAddress = z
  .string({ error: "Email is required" })
  .transform((value) => value.trim().toLowerCase())
  .pipe(
    z
      .string()
      .min(1, { error: "Email is required" })
      .max(254, { error: "Email must be at most 254 characters" })
      .pipe(z.email({ error: "Enter an email address like name@example.gov" })),
  );

export const Uuid = (label: string) => z.uuid({ error: `${label} must be a valid identifier` });

/** A version number sent back by the client for compare-and-set updates. */
export const ExpectedVersion = z
  .number({ error: "expectedVersion must be a whole number" })
  .int({ error: "expectedVersion must be a whole number" })
  .min(1, { error: "expectedVersion must be at least 1" });

/** Form fields arrive as strings; an empty string means "not given". */
export const optionalFormString = (schema: z.ZodType) =>
  z.preprocess((value) => (value === "" || value === null ? undefined : value), schema.optional());

export const PageQuery = z.object({
  page: z.coerce
    .number({ error: "page must be a whole number" })
    .int({ error: "page must be a whole number" })
    .min(1, { error: "page must be at least 1" })
    .max(100000, { error: "page is too large" })
    .default(1),
  pageSize: z.coerce
    .number({ error: "pageSize must be a whole number" })
    .int({ error: "pageSize must be a whole number" })
    .min(1, { error: "pageSize must be at least 1" })
    .max(100, { error: "pageSize must be at most 100" })
    .default(25),
});
