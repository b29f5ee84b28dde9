import { z } from "zod";
import { UNSAFE_CHARACTERS } from "./common";

/** What one search box looks through, in the order its tabs are shown. */
export const SEARCH_KINDS = ["cases", "letters", "lines", "documents"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const SEARCH_KIND_LABELS: Record<SearchKind, string> = {
  cases: "Cases",
  letters: "Letters of request",
  lines: "LOA lines",
  documents: "LOA documents",
};

/** Counts stop here ("more than 1,000"): counting every match of a common word at 100,000 cases helps nobody. */
export const SEARCH_COUNT_CAP = 1000;

export const SearchQuery = z.object({
  q: z.preprocess(
    (value) => (value === undefined || value === null ? "" : value),
    z
      .string({ error: "q must be text" })
      .trim()
      .min(2, { error: "q must be at least 2 characters" })
      .max(200, { error: "q must be at most 200 characters" })
      .refine((value) => value.isWellFormed() && !UNSAFE_CHARACTERS.test(value), {
        error: "q contains characters that are not allowed",
      }),
  ),
  kind: z.preprocess(
    (value) => (value === "" || value === null ? undefined : value),
    z.enum(SEARCH_KINDS, { error: `kind must be one of: ${SEARCH_KINDS.join(", ")}` }).optional(),
  ),
  page: z.coerce
    .number({ error: "page must be a whole number" })
    .int({ error: "page must be a whole number" })
    .min(1, { error: "page must be at least 1" })
    .max(50, { error: "page must be at most 50" })
    .default(1),
  pageSize: z.coerce
    .number({ error: "pageSize must be a whole number" })
    .int({ error: "pageSize must be a whole number" })
    .min(1, { error: "pageSize must be at least 1" })
    .max(50, { error: "pageSize must be at most 50" })
    .default(20),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

const KindCount = z.object({ count: z.number().int(), more: z.boolean() });

export const SearchHit = z
  .object({
    kind: z.enum(SEARCH_KINDS),
    id: z.uuid(),
    title: z.string(),
    subtitle: z.string(),
    /** Matched words wrapped in SEARCH_MARK_START / SEARCH_MARK_END (render them as <mark>, the rest as text). */
    snippet: z.string(),
    href: z.string(),
    rank: z.number(),
  })
  .meta({ id: "SearchHit" });
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResults = z
  .object({
    q: z.string(),
    kind: z.enum(SEARCH_KINDS),
    counts: z.object({ cases: KindCount, letters: KindCount, lines: KindCount, documents: KindCount }),
    items: z.array(SearchHit),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
    /** True when there are more matches than `total` counts (counting stops at SEARCH_COUNT_CAP). */
    more: z.boolean(),
  })
  .meta({ id: "SearchResults" });
export type SearchResults = z.infer<typeof SearchResults>;

/**
 * ts_headline's StartSel/StopSel: two private-use characters no query can contain (control and unassigned characters
 * are refused) and no Caseway text uses, so a snippet splits on them without parsing any markup.
 */
export const SEARCH_MARK_START = "\uE000";
export const SEARCH_MARK_END = "\uE001";
