// P2: list endpoints through the API against the same SQL run directly. Each endpoint's SQL is written by hand in
// bench/sql/<key>.sql (what the endpoint must do: same filters, same order, 50 rows, and the count), so it can be
// reviewed next to the use case it mirrors. When an endpoint's query changes, change its file: the harness checks
// before measuring that the API and the SQL agree on the total and on the rows of the first page.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { latencySummary } from "./stats";
import { withClient } from "./database";

const sqlDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "../sql");

export type BenchUser = "partner" | "dsca" | "navy" | "auditor";

export interface P2Context {
  users: Record<BenchUser, { userId: string; organizationId: string; email: string }>;
  searchWord: string;
}

export interface SqlPair {
  file: string;
  page: string;
  count: string;
  requires: string | null;
}

export interface P2Query {
  key: string;
  label: string;
  user: BenchUser;
  path: (ctx: P2Context) => string;
  /** SQL files in order of preference: the first whose `@requires` table exists is used. */
  sqlFiles: string[];
  params: (ctx: P2Context, now: Date, sql: SqlPair) => unknown[];
  /** Row ids of the API's first page, and of the SQL's. */
  apiIds: (body: unknown) => string[];
  sqlId: (row: Record<string, unknown>) => string;
  /** The API's total (null when it has none: then the length of an unpaginated list). */
  apiTotal: (body: unknown) => number | null;
}

type Listed = { items?: Record<string, unknown>[]; total?: number };
const listedIds = (field: string) => (body: unknown) => ((body as Listed).items ?? []).map((item) => String(item[field]));
const listedTotal = (body: unknown) => {
  const listed = body as Listed;
  return typeof listed.total === "number" ? listed.total : Array.isArray(listed.items) ? listed.items.length : null;
};

export const P2_QUERIES: P2Query[] = [
  {
    key: "cases-partner",
    label: "case list, partner (own country)",
    user: "partner",
    path: () => "/api/v1/cases?pageSize=50",
    sqlFiles: ["cases-partner.sql"],
    params: (ctx) => [ctx.users.partner.organizationId],
    apiIds: listedIds("id"),
    sqlId: (row) => String(row.id),
    apiTotal: listedTotal,
  },
  {
    key: "cases-dsca",
    label: "case list, DSCA (all cases)",
    user: "dsca",
    path: () => "/api/v1/cases?pageSize=50",
    sqlFiles: ["cases-dsca.sql"],
    params: () => [],
    apiIds: listedIds("id"),
    sqlId: (row) => String(row.id),
    apiTotal: listedTotal,
  },
  {
    key: "cases-filtered",
    label: "case list, Navy: status=IN_REVIEW&agency=P",
    user: "navy",
    path: () => "/api/v1/cases?pageSize=50&status=IN_REVIEW&agency=P",
    sqlFiles: ["cases-filtered.sql"],
    params: (_ctx, now) => ["P", now],
    apiIds: listedIds("id"),
    sqlId: (row) => String(row.id),
    apiTotal: listedTotal,
  },
  {
    key: "cases-by-value",
    label: "case list, DSCA: sort=value (largest first)",
    user: "dsca",
    path: () => "/api/v1/cases?pageSize=50&sort=value",
    sqlFiles: ["cases-by-value.sql"],
    params: () => [],
    apiIds: listedIds("id"),
    sqlId: (row) => String(row.id),
    apiTotal: listedTotal,
  },
  {
    key: "dashboard-dsca",
    label: "dashboard, DSCA (every case: pipeline, offices, distributions)",
    user: "dsca",
    path: () => "/api/v1/dashboard",
    sqlFiles: ["dashboard-dsca.sql"],
    params: (_ctx, now) => [now],
    // The pipeline stands in for the page: each status with its count, in the workflow's order.
    apiIds: (body) => ((body as { pipeline?: { status: string; cases: number }[] }).pipeline ?? []).map((p) => `${p.status}:${p.cases}`),
    sqlId: (row) => `${String(row.id)}:${String(row.cases)}`,
    apiTotal: (body) => (body as { totals?: { cases?: number } }).totals?.cases ?? null,
  },
  {
    key: "lors-dsca",
    label: "letter list, DSCA",
    user: "dsca",
    path: () => "/api/v1/lors?pageSize=50",
    sqlFiles: ["lors-dsca.sql"],
    params: () => [],
    apiIds: listedIds("id"),
    sqlId: (row) => String(row.id),
    apiTotal: listedTotal,
  },
  {
    key: "lors-search-dsca",
    label: "letter list, DSCA: q=<word>",
    user: "dsca",
    path: (ctx) => `/api/v1/lors?pageSize=50&q=${encodeURIComponent(ctx.searchWord)}`,
    sqlFiles: ["lors-search-dsca.sql"],
    params: (ctx) => [`%${ctx.searchWord}%`, ctx.searchWord.toUpperCase()],
    apiIds: listedIds("id"),
    sqlId: (row) => String(row.id),
    apiTotal: listedTotal,
  },
  {
    key: "audit-auditor",
    label: "audit log, auditor (every event)",
    user: "auditor",
    path: () => "/api/v1/audit-events?pageSize=50",
    sqlFiles: ["audit-auditor.sql"],
    params: () => [],
    apiIds: listedIds("id"),
    sqlId: (row) => String(row.id),
    apiTotal: listedTotal,
  },
  {
    key: "audit-actor-auditor",
    label: "audit log, auditor: actor=analyst09",
    user: "auditor",
    path: () => "/api/v1/audit-events?pageSize=50&actor=analyst09",
    sqlFiles: ["audit-actor-auditor.sql"],
    params: () => ["%analyst09%"],
    apiIds: listedIds("id"),
    sqlId: (row) => String(row.id),
    apiTotal: listedTotal,
  },
  {
    key: "tasks-dsca",
    label: "My tasks, DSCA",
    user: "dsca",
    path: () => "/api/v1/tasks?page=1&pageSize=50",
    sqlFiles: ["tasks-dsca.sql"],
    params: (ctx, now) => [now, ctx.users.dsca.userId],
    apiIds: listedIds("caseId"),
    sqlId: (row) => String(row.case_id ?? row.id),
    apiTotal: listedTotal,
  },
  {
    key: "search-dsca",
    label: "search, DSCA: q=<word>",
    user: "dsca",
    path: (ctx) => `/api/v1/cases?pageSize=50&q=${encodeURIComponent(ctx.searchWord)}`,
    sqlFiles: ["search-dsca.sql"],
    params: (ctx) => [`%${ctx.searchWord}%`],
    apiIds: listedIds("id"),
    sqlId: (row) => String(row.id),
    apiTotal: listedTotal,
  },
  // Full-text search (ADR 0026): one page of one kind, ranked and highlighted, with its count capped at 1,000.
  {
    key: "fulltext-dsca",
    label: "full-text search, DSCA: letters, q=<word>",
    user: "dsca",
    path: (ctx) => `/api/v1/search?kind=letters&pageSize=50&q=${encodeURIComponent(ctx.searchWord)}`,
    sqlFiles: ["fulltext-dsca.sql"],
    params: (ctx) => [ctx.searchWord],
    apiIds: listedIds("id"),
    sqlId: (row) => String(row.id),
    apiTotal: listedTotal,
  },
  {
    key: "fulltext-partner",
    label: "full-text search, partner: cases, q=<word>",
    user: "partner",
    path: (ctx) => `/api/v1/search?kind=cases&pageSize=50&q=${encodeURIComponent(ctx.searchWord)}`,
    sqlFiles: ["fulltext-partner.sql"],
    params: (ctx) => [ctx.searchWord, ctx.users.partner.organizationId],
    apiIds: listedIds("id"),
    sqlId: (row) => String(row.id),
    apiTotal: listedTotal,
  },
  // The event feed (issue 15 item 5, ADR 0030): one page from the start, the partner's own partner-visible events.
  {
    key: "event-feed-partner",
    label: "event feed, partner (own country, partner-visible)",
    user: "partner",
    path: () => "/api/v1/events?limit=50",
    sqlFiles: ["event-feed-partner.sql"],
    params: (ctx) => [ctx.users.partner.organizationId],
    apiIds: (body) => ((body as { events?: { id: string }[] }).events ?? []).map((event) => String(event.id)),
    sqlId: (row) => String(row.id),
    // No total in a feed: the rows read (the page, plus the one that tells hasMore), as the SQL's probe counts them.
    apiTotal: (body) => {
      const feed = body as { events?: unknown[]; hasMore?: boolean };
      return Array.isArray(feed.events) ? feed.events.length + (feed.hasMore ? 1 : 0) : null;
    },
  },
];

export function readSqlFile(file: string): SqlPair {
  const text = fs.readFileSync(path.join(sqlDir, file), "utf8");
  const requires = /^-- @requires ([\w.]+)\s*$/m.exec(text)?.[1] ?? null;
  const page = /^-- @page\s*$([\s\S]*?)^-- @count\s*$/m.exec(text)?.[1]?.trim();
  const count = /^-- @count\s*$([\s\S]*)$/m.exec(text)?.[1]?.trim();
  if (!page || !count) throw new Error(`bench/sql/${file} needs a "-- @page" and a "-- @count" section`);
  return { file, page, count, requires };
}

/** The first of the query's SQL files whose required table (or table.column) exists in this database. */
export async function resolveSql(url: string, query: P2Query): Promise<SqlPair> {
  for (const file of query.sqlFiles) {
    const pair = readSqlFile(file);
    if (!pair.requires) return pair;
    const [table, column] = pair.requires.split(".");
    const exists = await withClient(url, async (c) =>
      column
        ? ((await c.query("SELECT 1 FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND column_name = $2", [table, column]))
            .rowCount ?? 0) > 0
        : Boolean((await c.query("SELECT to_regclass($1) AS t", [`public.${table}`])).rows[0]?.t),
    );
    if (exists) return pair;
  }
  throw new Error(`No usable SQL for ${query.key}`);
}

export interface SqlRun {
  label: string;
  seconds: number;
  ok: number;
  rps: number;
  p50: number;
  p95: number;
}

/** The page and its count, concurrently (as the endpoint may), by `concurrency` closed-loop workers. */
export async function sqlLoad(options: { label: string; url: string; sql: SqlPair; params: (now: Date) => unknown[]; concurrency: number; seconds: number }): Promise<SqlRun> {
  const pool = new pg.Pool({ connectionString: options.url, max: options.concurrency * 2 });
  const latencies: number[] = [];
  try {
    // Open the connections before the clock starts, as the server's pool already has them.
    await Promise.all(Array.from({ length: options.concurrency * 2 }, () => pool.query("SELECT 1")));
    const started = performance.now();
    const deadline = started + options.seconds * 1000;
    const worker = async () => {
      while (performance.now() < deadline) {
        const sent = performance.now();
        const params = options.params(new Date());
        await Promise.all([pool.query(options.sql.page, params), pool.query(options.sql.count, params)]);
        latencies.push(performance.now() - sent);
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, worker));
    const seconds = (performance.now() - started) / 1000;
    const lat = latencySummary(latencies);
    return { label: options.label, seconds, ok: latencies.length, rps: latencies.length / seconds, p50: lat.p50, p95: lat.p95 };
  } finally {
    await pool.end();
  }
}

export interface SqlAnswer {
  ids: string[];
  total: number;
}

export async function sqlOnce(url: string, sql: SqlPair, params: unknown[], query: P2Query): Promise<SqlAnswer> {
  return withClient(url, async (c) => {
    const page = await c.query(sql.page, params);
    const count = await c.query(sql.count, params);
    return { ids: page.rows.map((row) => query.sqlId(row)), total: Number(count.rows[0]?.total) };
  });
}

/** The tables that grow with the cases (and My tasks' derived inbox): none may be read whole at scale. */
const WATCHED_TABLES = ["cases", "letters_of_request", "review_tasks", "audit_events", "case_inbox_entries"];

export interface Plan {
  statement: "page" | "count";
  text: string;
  seqScans: string[];
  executionMs: number | null;
  /**
   * When the planner chose a sequential scan: the same statement with `enable_seqscan = off`, which tells a missing
   * index (still a Seq Scan) from a small table the planner rightly reads whole (an index path exists).
   */
  forced?: { text: string; seqScans: string[]; executionMs: number | null };
}

async function explainOnce(client: pg.Client, statement: string, params: unknown[]) {
  const result = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${statement}`, params);
  const text = result.rows.map((r) => r["QUERY PLAN"]).join("\n");
  const seqScans = [...text.matchAll(/Seq Scan on (\w+)/g)].map((m) => m[1]!).filter((table) => WATCHED_TABLES.includes(table));
  const execution = /Execution Time: ([\d.]+) ms/.exec(text);
  return { text, seqScans: [...new Set(seqScans)], executionMs: execution ? Number(execution[1]) : null };
}

/** EXPLAIN (ANALYZE, BUFFERS) of both statements; lists any sequential scan on the big tables. */
export async function explain(url: string, sql: SqlPair, params: unknown[]): Promise<Plan[]> {
  return withClient(url, async (c) => {
    const plans: Plan[] = [];
    for (const statement of ["page", "count"] as const) {
      const plan: Plan = { statement, ...(await explainOnce(c, sql[statement], params)) };
      if (plan.seqScans.length > 0) {
        await c.query("BEGIN");
        try {
          await c.query("SET LOCAL enable_seqscan = off");
          plan.forced = await explainOnce(c, sql[statement], params);
        } finally {
          await c.query("ROLLBACK");
        }
      }
      plans.push(plan);
    }
    return plans;
  });
}

/** Below this many cases a sequential scan the planner prefers is accepted when an index path exists. */
export const SMALL_DATASET_CASES = 10_000;

/** The sequential scans that fail the figure at this size, as "table (statement)". */
export function failingSeqScans(plans: Plan[], cases: number): string[] {
  return [
    ...new Set(
      plans.flatMap((p) => {
        if (p.seqScans.length === 0) return [];
        const indexPathExists = p.forced !== undefined && p.forced.seqScans.length === 0;
        if (cases < SMALL_DATASET_CASES && indexPathExists) return [];
        return p.seqScans.map((t) => `${t} (${p.statement})`);
      }),
    ),
  ];
}
