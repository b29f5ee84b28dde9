// Keyset pagination for exports (ADR 0025): the next batch is "the rows after the last one sent" in the list's own order
// plus `id` as the tie-breaker, so every batch costs the same at row 1 and row 100,000 (OFFSET would read and discard
// everything before) and no row is sent twice or skipped while the rows' sort keys do not change.
// Prisma cannot write the row comparison `(k1, k2, id) > (v1, v2, v3)` and the list's keys may be NULL, so the
// condition is spelled out as the equivalent OR of prefixes, honouring PostgreSQL's NULL order (NULLS LAST for ASC and
// NULLS FIRST for DESC unless the key says otherwise, as Prisma writes ORDER BY).
import "server-only";

type Direction = "asc" | "desc";
export interface KeysetKey {
  field: string;
  direction: Direction;
  nulls: "first" | "last";
  /** Whether the column may be NULL (Prisma refuses `{ field: null }` on a required one). */
  nullable: boolean;
}

type OrderItem = Record<string, Direction | { sort: Direction; nulls?: "first" | "last" }>;

/**
 * The keys of a Prisma orderBy (scalar fields only), with `id` appended as the tie-breaker. `nullable` names the
 * columns that may be NULL.
 */
export function keysetKeys(orderBy: readonly object[], nullable: readonly string[] = []): KeysetKey[] {
  const keys: KeysetKey[] = orderBy.map((item) => {
    const entries = Object.entries(item as OrderItem);
    const [field, spec] = entries[0] ?? [];
    if (entries.length !== 1 || !field || !spec || (typeof spec === "object" && !("sort" in spec))) {
      throw new Error(`keyset pagination needs one scalar field per orderBy item, got ${JSON.stringify(item)}`);
    }
    const direction = typeof spec === "string" ? spec : spec.sort;
    const nulls = (typeof spec === "object" ? spec.nulls : undefined) ?? (direction === "asc" ? "last" : "first");
    return { field, direction, nulls, nullable: nullable.includes(field) };
  });
  return keys.some((k) => k.field === "id") ? keys : [...keys, { field: "id", direction: "asc", nulls: "last", nullable: false }];
}

/** The orderBy to fetch batches with: the keys in order, NULL placement explicit. */
export function keysetOrderBy(keys: readonly KeysetKey[]): Record<string, unknown>[] {
  // Prisma takes `nulls` only on nullable fields; PostgreSQL's default placement needs no mention.
  const defaultNulls = (k: KeysetKey) => (k.direction === "asc" ? "last" : "first");
  return keys.map((k) => ({ [k.field]: k.nulls === defaultNulls(k) ? k.direction : { sort: k.direction, nulls: k.nulls } }));
}

/** Rows strictly after `value` in key `key`'s order (NULLs placed as the key says). Null when none can be. */
function beyond(key: KeysetKey, value: unknown): Record<string, unknown> | null {
  const op = key.direction === "asc" ? "gt" : "lt";
  if (value === null || value === undefined) {
    // Nothing comes after NULL when NULLs are last; every non-NULL value does when they are first.
    return key.nulls === "last" ? null : { [key.field]: { not: null } };
  }
  const past = { [key.field]: { [op]: value } };
  return key.nulls === "last" && key.nullable ? { OR: [past, { [key.field]: null }] } : past;
}

const equal = (key: KeysetKey, value: unknown) => ({ [key.field]: value ?? null });

/**
 * The where clause for the rows after `last` (a row holding every key's value). The first key also gets a plain range
 * bound when it can (`opened_at <= v`), which lets PostgreSQL start its index scan there instead of filtering.
 */
export function keysetAfter(keys: readonly KeysetKey[], last: Record<string, unknown>): Record<string, unknown> {
  const alternatives: Record<string, unknown>[] = [];
  for (let i = 0; i < keys.length; i++) {
    const past = beyond(keys[i]!, last[keys[i]!.field]);
    if (!past) continue;
    alternatives.push({ AND: [...keys.slice(0, i).map((k) => equal(k, last[k.field])), past] });
  }
  if (alternatives.length === 0) return { id: { in: [] } };
  const first = keys[0]!;
  const firstValue = last[first.field];
  const bound =
    firstValue !== null && firstValue !== undefined && (first.nulls === "first" || !first.nullable)
      ? { [first.field]: { [first.direction === "asc" ? "gte" : "lte"]: firstValue } }
      : {};
  return { AND: [bound, { OR: alternatives }] };
}
