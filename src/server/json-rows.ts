// Rows built as JSON by PostgreSQL and parsed here: one statement and a fraction of the CPU that decoding Prisma's
// include costs column by column (ADR 0018). The loaders that use this (cases/case-rows.ts, lors/lor-rows.ts) are each
// proved equal to Prisma's include by an integration test, so a column they miss or mistype fails there.
// Free of `server-only`: the seeds load records the way the app does.
import { Prisma } from "../generated/prisma/client";
import type { Tx } from "./db";

export type SqlClient = Pick<Tx, "$queryRaw">;

/** Runs a query whose single column `doc` is JSON text; null when it returns no row or a null document. */
export async function queryJson<T>(client: SqlClient, query: Prisma.Sql): Promise<T | null> {
  // Text, parsed here: a json column would be decoded by the driver adapter first, which costs more than the parse.
  const rows = await client.$queryRaw<{ doc: string | null }[]>(query);
  const doc = rows[0]?.doc;
  return doc ? (JSON.parse(doc) as T) : null;
}

const camelNames = new Map<string, string>();
/** snake_case to camelCase, remembered: rows repeat the same few dozen column names. */
function camel(key: string): string {
  let name = camelNames.get(key);
  if (name === undefined) {
    name = key.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
    camelNames.set(key, name);
  }
  return name;
}

/** Columns Prisma declares Unsupported and never returns (full-text vectors, ADR 0026): a row from JSON leaves them out too. */
const PRISMA_UNREAD_COLUMNS = new Set(["search_vector"]);

/**
 * A row (from row_to_json or json_build_object with column names) as Prisma names its fields, with dates and decimals
 * revived. Only the top-level keys are renamed: the values of Json columns keep their own keys.
 */
export function prismaRow<T>(json: object, { dates = [], decimals = [] }: { dates?: readonly string[]; decimals?: readonly string[] } = {}): T {
  const record: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(json)) if (!PRISMA_UNREAD_COLUMNS.has(key)) record[camel(key)] = value;
  for (const key of dates) if (typeof record[key] === "string") record[key] = new Date(record[key]);
  for (const key of decimals) if (typeof record[key] === "string") record[key] = new Prisma.Decimal(record[key]);
  return record as T;
}

/** An expression's numeric columns as text: row_to_json writes them as JSON numbers, which JSON.parse makes floats. */
export function numericAsText(alias: string, columns: readonly string[]): Prisma.Sql {
  return Prisma.raw(`json_build_object(${columns.map((c) => `'${c}', ${alias}.${c}::text`).join(", ")})`);
}
