// Creates a Prisma client on the pg driver adapter. Kept free of `server-only` so scripts and tests can use it.
import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { Prisma, PrismaClient } from "../generated/prisma/client";
import { log } from "./log";

export interface PrismaClientOptions {
  logQueries?: boolean;
  /**
   * How long a query may wait for a free pool connection before it fails (pg's `connectionTimeoutMillis`; it also
   * bounds opening a new connection). 0 or unset waits forever, which suits scripts; the app passes a few seconds so a
   * saturated pool or an unreachable database answers 503 instead of holding every request (src/server/db.ts).
   */
  connectionTimeoutMillis?: number;
}

/** Runs one SQL statement on the client's pool, outside any transaction, and returns its rows as pg decodes them. */
export type PoolQuery = <T>(query: Prisma.Sql) => Promise<T[]>;

const poolQueries = new WeakMap<PrismaClient, PoolQuery>();

/**
 * The client's direct path to its pool (ADR 0034): the same connections, without Prisma's per-statement work, for the
 * hot reads that build their answer in SQL. Absent for a client that logs queries, so that every statement a test
 * counts goes through Prisma's query events.
 */
export function poolQueryOf(client: object): PoolQuery | undefined {
  return poolQueries.get(client as PrismaClient);
}

/** A parameter as PostgreSQL should read it; pg would send a Decimal as its JSON (a quoted string) and fail on bigint. */
function parameter(value: unknown): unknown {
  if (typeof value === "bigint" || Prisma.Decimal.isDecimal(value)) return value.toString();
  if (Array.isArray(value)) return value.map(parameter);
  return value;
}

/** Starts a statement that PostgreSQL should keep prepared on each connection: see `prepared` in ./json-rows.ts. */
export const PREPARED_STATEMENT_MARK = "/* prepared */";

/** How many statement texts get a name, process-wide: each connection keeps at most this many prepared. */
const MAX_PREPARED_STATEMENTS = 200;
const statementNames = new Map<string, string>();

/**
 * The name a statement is prepared under on each connection (ADR 0036), or "" to run it unnamed (parsed and planned
 * on every run). Only statements marked `prepared` get one, named by their text, so the same text always finds its
 * parse and, after PostgreSQL's first five runs, its cached plan. Past the cap new texts run unnamed, so a bug that
 * marks a statement whose text varies cannot grow every connection without bound.
 */
export function preparedStatementName(text: string): string {
  if (!text.startsWith(PREPARED_STATEMENT_MARK)) return "";
  let name = statementNames.get(text);
  if (name === undefined) {
    if (statementNames.size >= MAX_PREPARED_STATEMENTS) return "";
    name = `cw_${createHash("sha256").update(text).digest("hex").slice(0, 32)}`;
    statementNames.set(text, name);
  }
  return name;
}

export function createPrismaClient(databaseUrl: string, poolSize = 10, options: PrismaClientOptions = {}): PrismaClient {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: poolSize,
    ...(options.connectionTimeoutMillis ? { connectionTimeoutMillis: options.connectionTimeoutMillis } : {}),
  });
  // An idle connection dropped by the server (a restart) must not crash the process; the next query reports it.
  pool.on("error", (err) => log.warn({ err }, "an idle database connection failed"));
  // One pool for both paths; $disconnect() ends it.
  const adapter = new PrismaPg(pool, { disposeExternalPool: true, statementNameGenerator: (query) => preparedStatementName(query.sql) });
  // Query events let a test count the statements a request issues (tests/integration/query-counts.test.ts).
  const client = new PrismaClient({ adapter, ...(options.logQueries ? { log: [{ emit: "event" as const, level: "query" as const }] } : {}) });
  if (!options.logQueries) {
    poolQueries.set(client, async <T>(query: Prisma.Sql) => (await pool.query({ name: preparedStatementName(query.text), text: query.text, values: query.values.map(parameter) })).rows as T[]);
  }
  return client;
}

export type { PrismaClient };
