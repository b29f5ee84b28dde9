// Rows built as JSON by PostgreSQL and parsed here: one statement and a fraction of the CPU that decoding Prisma's
// include costs column by column (ADR 0018). The loaders that use this (cases/case-rows.ts, lors/lor-rows.ts) are each
// proved equal to Prisma's include by an integration test, so a column they miss or mistype fails there.
// Free of `server-only`: the seeds load records the way the app does.
import { Prisma } from "../generated/prisma/client";
import type { Tx } from "./db";
import { PREPARED_STATEMENT_MARK, poolQueryOf } from "./prisma-client";

export type SqlClient = Pick<Tx, "$queryRaw">;

/**
 * Runs a read. On the app's client (outside a transaction) it goes straight to the pool (ADR 0034); in a transaction,
 * through Prisma on that transaction's connection. Only for columns both paths decode alike: text, booleans, int4,
 * timestamptz, json (not int8 or numeric, which pg leaves as strings and Prisma makes bigint and Decimal).
 */
export async function queryRows<T>(client: SqlClient, query: Prisma.Sql): Promise<T[]> {
  const direct = poolQueryOf(client);
  return direct ? direct<T>(query) : client.$queryRaw<T[]>(query);
}

/**
 * Marks a statement to be kept prepared on each connection (ADR 0036): parsed once per connection, and planned once
 * PostgreSQL finds its generic plan no worse than planning each run. Planning was half of PostgreSQL's time in a
 * transition. Only for statements whose text never varies and whose best plan does not depend on the parameters'
 * values: lookups and writes by key. Never for lists, whose filters are skewed (a status that holds most cases).
 */
export const prepared = (query: Prisma.Sql): Prisma.Sql => Prisma.sql`${Prisma.raw(PREPARED_STATEMENT_MARK)} ${query}`;

/** Runs a query whose single column `doc` is JSON text; null when it returns no row or a null document. */
export async function queryJson<T>(client: SqlClient, query: Prisma.Sql): Promise<T | null> {
  // Text, parsed here: a json column would be decoded by the driver adapter first, which costs more than the parse.
  const rows = await queryRows<{ doc: string | null }>(client, query);
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

/**
 * A row (from row_to_json or json_build_object with column names) as Prisma names its fields, with dates and decimals
 * revived. Only the top-level keys are renamed: the values of Json columns keep their own keys.
 */
export function prismaRow<T>(json: object, { dates = [], decimals = [] }: { dates?: readonly string[]; decimals?: readonly string[] } = {}): T {
  const record: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(json)) record[camel(key)] = value;
  for (const key of dates) if (typeof record[key] === "string") record[key] = new Date(record[key]);
  for (const key of decimals) if (typeof record[key] === "string") record[key] = new Prisma.Decimal(record[key]);
  return record as T;
}

/** How a column's JSON value becomes what Prisma returns: as is, an ISO string to a Date, decimal text to a Decimal. */
export type Revival = "as-is" | "date" | "decimal";

/** A Prisma field name as its column's name (the schema maps every field to its snake_case column). */
export const columnName = (field: string) => field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/**
 * A table's columns as one positional JSON array (`sql`, for alias `alias`) and its decoder into Prisma's shape. The
 * column map names every field with its revival; typed `satisfies Record<keyof Model, Revival>` at the caller, a column
 * added to the model and missed there is a compile error. Arrays, not objects: PostgreSQL builds them at half the cost
 * of row_to_json (which also writes full-text vectors nobody reads), the document is half the size, and no key is
 * renamed here. Decimals travel as text: JSON numbers would be floats.
 */
export function positional<T>(alias: string, columns: Record<string, Revival>) {
  const fields = Object.entries(columns).map(([key, revival]) => ({ key, revival }));
  const sqlList = fields
    .map(({ key, revival }) => `${alias}.${columnName(key)}${revival === "decimal" ? "::text" : ""}`)
    .join(", ");
  const decode = (values: unknown[]): T => {
    const into: Record<string, unknown> = {};
    for (let i = 0; i < fields.length; i += 1) {
      const { key, revival } = fields[i]!;
      const value = values[i];
      into[key] = value === null || revival === "as-is" ? value : revival === "date" ? new Date(value as string) : new Prisma.Decimal(value as string);
    }
    return into as T;
  };
  return { sql: Prisma.raw(`json_build_array(${sqlList})`), decode };
}

/**
 * How many rows `rows` (a `SELECT 1 FROM … WHERE …`) yields, counted up to `cap`: at most cap + 1 rows are read, so a
 * broad filter costs a bounded scan. `more` says there are more than `count`. `prefix` goes before the SELECT (a WITH).
 */
export async function countUpTo(client: SqlClient, rows: Prisma.Sql, cap: number, prefix: Prisma.Sql = Prisma.empty): Promise<{ count: number; more: boolean }> {
  const [row] = await queryRows<{ n: number }>(client, Prisma.sql`${prefix} SELECT count(*)::int AS n FROM (${rows} LIMIT ${cap + 1}) counted`);
  const n = row?.n ?? 0;
  return { count: Math.min(n, cap), more: n > cap };
}
