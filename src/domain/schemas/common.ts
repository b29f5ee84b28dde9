import { z } from "zod";

// Control characters (other than tab, line feed and carriage return) and bidirectional overrides have no place in names or
// labels: they hide text or reorder it on screen.
export const UNSAFE_CHARACTERS =
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
        .refine((value) => value.isWellFormed() && !UNSAFE_CHARACTERS.test(value), {
          error: `${label} contains characters that are not allowed`,
        }),
    );
}

/** Optional search text from a query string: "" means not given; control characters are refused. */
export function searchText(label: string, max: number) {
  return z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    z
      .string({ error: `${label} must be text` })
      .trim()
      .max(max, { error: `${label} must be at most ${max} characters` })
      .refine((value) => value.isWellFormed() && !UNSAFE_CHARACTERS.test(value), {
        error: `${label} contains characters that are not allowed`,
      })
      .optional(),
  );
}

/** A query-string or form field where an empty value means "not given" (e.g. "Any role" in a filter). */
export function blankAsUndefined<S extends z.ZodType>(schema: S) {
  return z.preprocess((value) => (value === "" || value === null ? undefined : value), schema.optional());
}

/**
 * A whole number that may arrive as a JSON number or as form text ("30"), but never as true, null or "3.5".
 * Empty or missing takes the default.
 */
export function wholeNumber(
  label: string,
  { min, max, fallback, unit = "" }: { min: number; max: number; fallback: number; unit?: string },
) {
  const amount = (n: number) => (unit ? `${n} ${unit}${n === 1 ? "" : "s"}` : String(n));
  return z.preprocess(
    (value) => {
      if (value === undefined || value === "") return fallback;
      if (typeof value === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
      return value;
    },
    z
      .number({ error: `${label} must be a number${unit ? ` of ${unit}s` : ""}` })
      .int({ error: `${label} must be a whole number${unit ? ` of ${unit}s` : ""}` })
      .min(min, { error: `${label} must be at least ${amount(min)}` })
      .max(max, { error: `${label} must be at most ${amount(max)}` }),
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

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id from a URL that is not even a UUID cannot name a record: callers answer 404 without a query. */
export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}

export const Uuid = (label: string) =>
  z.uuid({
    error: (issue) => (issue.input === undefined || issue.input === "" ? `Choose ${label.toLowerCase()}` : `${label} must be a valid identifier`),
  });

/** A version number sent back by the client for compare-and-set updates. */
export const ExpectedVersion = z
  .number({ error: "expectedVersion must be a whole number" })
  .int({ error: "expectedVersion must be a whole number" })
  .min(1, { error: "expectedVersion must be at least 1" })
  .max(2_147_483_647, { error: "expectedVersion is too large" });

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
