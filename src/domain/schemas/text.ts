import { z } from "zod";
import { plainText, UNSAFE_CHARACTERS } from "./common";

// Optional free text for long forms. A blank field ("" or null) means "not filled in yet", which drafts allow;
// anything typed is normalized and checked like any other text.


const blankToNull = (value: unknown) => (value === undefined ? undefined : value === null || (typeof value === "string" && value.trim() === "") ? null : value);

/** Optional single-line text: trimmed, inner whitespace collapsed. */
export function optionalLine(label: string, max: number) {
  return z.preprocess(blankToNull, plainText(label, { max }).nullable().optional());
}

/** Optional multi-line text: line breaks kept (normalized to \n), trailing spaces and runs of blank lines trimmed. */
export function optionalParagraphs(label: string, max: number) {
  const text = z
    .string({ error: `${label} must be text` })
    .transform((value) =>
      value
        .normalize("NFC")
        .replace(/\r\n?/g, "\n")
        .split("\n")
        .map((line) => line.replace(/[ \t]+$/g, ""))
        .join("\n")
        .replace(/\n{3,}/g, "\n\n")
        .trim(),
    )
    .pipe(
      z
        .string()
        .max(max, { error: `${label} must be at most ${max} characters` })
        .refine((value) => value.isWellFormed() && !UNSAFE_CHARACTERS.test(value), {
          error: `${label} contains characters that are not allowed`,
        }),
    );
  return z.preprocess(blankToNull, text.nullable().optional());
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD (no 30 February), between 1990 and 2100. */
export function isCalendarDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1990 || year > 2100) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function optionalDate(label: string) {
  return z.preprocess(
    blankToNull,
    z
      .string({ error: `${label} must be a date written YYYY-MM-DD` })
      .trim()
      .refine(isCalendarDate, { error: `${label} must be a real date written YYYY-MM-DD, between 1990 and 2100` })
      .nullable()
      .optional(),
  );
}

export function optionalBoolean(label: string) {
  return z.preprocess(
    (value) => (value === "" ? null : value),
    z.boolean({ error: `${label} must be yes (true) or no (false)` }).nullable().optional(),
  );
}

export function optionalEnum<const T extends readonly [string, ...string[]]>(label: string, values: T) {
  return z.preprocess(
    blankToNull,
    z.enum(values, { error: `${label} must be one of: ${values.join(", ")}` }).nullable().optional(),
  );
}

/** A whole number within bounds, from JSON or form text ("12"); never 1.5, -3, 1e3 or true. */
export function optionalCount(label: string, { min, max }: { min: number; max: number }) {
  return z.preprocess(
    (value) => {
      if (typeof value === "string") {
        const typed = value.trim();
        if (typed === "") return null;
        // Commas may only group thousands ("1,500"); "1,5" is refused rather than read as 15.
        if (typed.includes(",") && !/^-?\d{1,3}(,\d{3})+$/.test(typed)) return value;
        const trimmed = typed.replace(/,/g, "");
        return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : value;
      }
      return value;
    },
    z
      .number({ error: `${label} must be a whole number` })
      .int({ error: `${label} must be a whole number` })
      .min(min, { error: `${label} must be at least ${min.toLocaleString("en-US")}` })
      .max(max, { error: `${label} must be at most ${max.toLocaleString("en-US")}` })
      .nullable()
      .optional(),
  );
}
