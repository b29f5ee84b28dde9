// The benchmark's own PostgreSQL: an embedded server in a temporary directory, the app's migrations, reference and demo
// data, the large dataset grown size by size, API tokens for the demo users, and pgbench on a database beside it.
import { execFile } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import pg from "pg";
import { seedDemo, seedReference } from "../../prisma/seed";
import { startEmbeddedDatabase } from "../../scripts/lib/embedded-db";
import { runMigrations } from "../../scripts/lib/migrate";
import { refreshDashboardSnapshot } from "../../src/server/insight/dashboard-snapshot";
import { createPrismaClient, type PrismaClient } from "../../src/server/prisma-client";
import { onCleanup } from "./cleanup";

const execFileAsync = promisify(execFile);

export interface BenchDatabase {
  url: string;
  port: number;
  /** The same server's `pgbench` database. */
  pgbenchUrl: string;
  dataDir: string;
}

export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Starts a fresh embedded PostgreSQL under `tmpDir` on a free port; stopped by the cleanup registry. */
export async function startBenchDatabase(tmpDir: string, log: (line: string) => void): Promise<BenchDatabase> {
  const dataDir = path.join(tmpDir, "postgres");
  const embedded = await startEmbeddedDatabase({
    dataDir,
    fresh: true,
    log: (line) => {
      // Stopping (also Ctrl-C, which reaches the server too) refuses and ends connections: not worth a line each.
      if (/FATAL|PANIC/.test(line) && !/administrator command|shutting down/.test(line)) log(`[postgres] ${line}`);
    },
  });
  onCleanup("embedded PostgreSQL", embedded.stop, () => {
    // Exiting without the async stop: ask the postmaster for a fast shutdown so it does not outlive us.
    const pidFile = path.join(dataDir, "postmaster.pid");
    if (fs.existsSync(pidFile)) process.kill(Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]), "SIGINT");
  });
  const pgbenchUrl = embedded.url.replace(/\/[^/]+$/, "/pgbench");
  return { url: embedded.url, port: embedded.port, pgbenchUrl, dataDir };
}

/** Migrations exactly as production applies them, then the reference tables and the demo users and records. */
export async function seedBase(url: string): Promise<void> {
  runMigrations(url, true);
  const prisma = createPrismaClient(url, 4);
  try {
    await seedReference(prisma);
    await seedDemo(prisma);
  } finally {
    await prisma.$disconnect();
  }
}

type SeedLargeDataset = (
  prisma: PrismaClient,
  options: { cases: number; seed?: number; databaseUrl?: string; onProgress?: (...progress: unknown[]) => void },
) => Promise<unknown>;

/** The large-dataset seed (prisma/large-seed), or null while it does not exist. Loaded by path so the bench builds without it. */
export async function loadLargeSeed(root: string): Promise<SeedLargeDataset | null> {
  for (const candidate of ["prisma/large-seed/index.ts", "prisma/large-seed.ts"]) {
    const file = path.join(root, candidate);
    if (!fs.existsSync(file)) continue;
    const mod = (await import(pathToFileURL(file).href)) as { seedLargeDataset?: SeedLargeDataset };
    if (typeof mod.seedLargeDataset === "function") return mod.seedLargeDataset;
  }
  return null;
}

export const countCases = (url: string) =>
  withClient(url, async (c) => Number((await c.query<{ n: string }>("SELECT count(*) AS n FROM cases")).rows[0]!.n));

/** Grows the dataset to `cases` cases (cumulative), printing progress at most every 5 s. */
export async function growDataset(url: string, seedLarge: SeedLargeDataset, cases: number, log: (line: string) => void) {
  const prisma = createPrismaClient(url, 8);
  let lastPrint = 0;
  try {
    await seedLarge(prisma, {
      cases,
      seed: 20261122,
      // With the URL the seed writes through pg directly (about twice as fast as through Prisma).
      databaseUrl: url,
      onProgress: (...progress) => {
        if (Date.now() - lastPrint < 5000) return;
        lastPrint = Date.now();
        log(`  seeding: ${progress.map((p) => (typeof p === "object" ? JSON.stringify(p) : String(p))).join(" ")}`);
      },
    });
  } finally {
    await prisma.$disconnect();
  }
}

/** After bulk loading: what autovacuum would do on a running server (statistics, visibility map), done now and once. */
export async function vacuumAnalyze(url: string) {
  await withClient(url, (c) => c.query("VACUUM (ANALYZE)"));
}

/**
 * The servers run without the job runner (CASEWAY_JOBS=off), so the harness does the dashboard snapshot job's work
 * itself: once now and then every minute, as the runner would (src/server/insight/dashboard-snapshot.ts). Returns a stop.
 */
export async function keepDashboardSnapshotFresh(url: string, log: (line: string) => void): Promise<() => Promise<void>> {
  const prisma = createPrismaClient(url, 1);
  await refreshDashboardSnapshot(prisma, new Date());
  let running: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    running = refreshDashboardSnapshot(prisma, new Date()).catch((error: unknown) => log(`warning: the dashboard snapshot refresh failed: ${String(error)}`));
  }, 60_000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
    await prisma.$disconnect();
  };
}

export interface TableSizes {
  [table: string]: number;
}

export async function tableSizes(url: string): Promise<TableSizes> {
  return withClient(url, async (c) => {
    const tables = ["cases", "letters_of_request", "review_tasks", "audit_events", "case_documents", "case_inbox_entries"];
    const out: TableSizes = {};
    for (const table of tables) {
      const exists = await c.query("SELECT to_regclass($1) AS t", [`public.${table}`]);
      if (!exists.rows[0]?.t) continue;
      out[table] = Number((await c.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`)).rows[0]!.n);
    }
    return out;
  });
}

export async function tableExists(url: string, table: string): Promise<boolean> {
  return withClient(url, async (c) => Boolean((await c.query("SELECT to_regclass($1) AS t", [`public.${table}`])).rows[0]?.t));
}

export interface DemoUserIds {
  userId: string;
  organizationId: string;
}

export async function userIds(url: string, email: string): Promise<DemoUserIds> {
  return withClient(url, async (c) => {
    const row = (await c.query<{ id: string; organization_id: string }>("SELECT id, organization_id FROM users WHERE email = $1", [email])).rows[0];
    if (!row) throw new Error(`No user ${email}: the demo seed did not run?`);
    return { userId: row.id, organizationId: row.organization_id };
  });
}

/**
 * A personal API token for `email`, stored the way src/server/tokens/create-api-token.ts stores it: a `cwt_` secret of
 * 32 random bytes, of which only the SHA-256 and the first 10 characters are kept. Valid for a day.
 */
export async function createApiToken(url: string, email: string): Promise<string> {
  const secret = `cwt_${randomBytes(32).toString("base64url")}`;
  const hash = createHash("sha256").update(secret, "utf8").digest("hex");
  await withClient(url, async (c) => {
    const inserted = await c.query(
      `INSERT INTO api_tokens (id, user_id, name, token_hash, prefix, created_at, expires_at)
       SELECT gen_random_uuid(), u.id, 'benchmark', $2, $3, now(), now() + interval '1 day' FROM users u WHERE u.email = $1`,
      [email, hash, secret.slice(0, 10)],
    );
    if (inserted.rowCount !== 1) throw new Error(`No user ${email} to create a token for`);
  });
  return secret;
}

/**
 * `count` distinct cases a DSCA analyst can suspend and resume: IN_DEVELOPMENT first (also ones a stopped run left
 * SUSPENDED from it), then any other suspendable state outside the review track. Random but reproducible per run.
 */
export async function pickTransitionCases(url: string, count: number): Promise<string[]> {
  return withClient(url, async (c) => {
    const rows = await c.query<{ id: string }>(
      `SELECT id FROM cases
        WHERE status = 'IN_DEVELOPMENT' OR (status = 'SUSPENDED' AND suspended_from_status = 'IN_DEVELOPMENT')
           OR status IN ('OPENED', 'READY_TO_SIGN', 'AGENCY_SIGNED', 'COUNTERSIGNED', 'IMPLEMENTED', 'EXECUTING')
        ORDER BY (status IN ('IN_DEVELOPMENT', 'SUSPENDED')) DESC, md5(id::text)
        LIMIT $1`,
      [count],
    );
    return rows.rows.map((r) => r.id);
  });
}

/**
 * A word from the seeded letters' subjects that about 1% of the cases' letters carry (the closest to it; at least one),
 * for the search test: a specific term, as people search, not one that matches half the cases.
 */
export async function pickSearchWord(url: string): Promise<string> {
  return withClient(url, async (c) => {
    const { rows } = await c.query<{ word: string; n: string; total: string }>(
      `WITH sample AS (SELECT id, subject FROM letters_of_request WHERE subject IS NOT NULL AND case_id IS NOT NULL ORDER BY md5(id::text) LIMIT 5000),
            words AS (SELECT DISTINCT lower(w) AS word, s.id FROM sample s, regexp_split_to_table(s.subject, '[^A-Za-z]+') w WHERE length(w) >= 5)
       SELECT word, count(*) AS n, (SELECT count(*) FROM sample) AS total FROM words GROUP BY word ORDER BY word`,
    );
    if (rows.length === 0) return "radar";
    const target = Math.max(1, Number(rows[0]!.total) * 0.01);
    rows.sort((a, b) => Math.abs(Math.log(Number(a.n) / target)) - Math.abs(Math.log(Number(b.n) / target)) || a.word.localeCompare(b.word));
    return rows[0]!.word;
  });
}

export async function postgresVersion(url: string): Promise<string> {
  return withClient(url, async (c) => String((await c.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]!.v));
}

function pgbenchEnv(database: BenchDatabase) {
  const u = new URL(database.pgbenchUrl);
  return { ...process.env, PGHOST: u.hostname, PGPORT: u.port, PGUSER: decodeURIComponent(u.username), PGPASSWORD: decodeURIComponent(u.password) };
}

export const PGBENCH = "/usr/bin/pgbench";

/** Creates the `pgbench` database on the same server and initialises it at scale 10 (1,000,000 accounts). */
export async function initPgbench(database: BenchDatabase) {
  if (!fs.existsSync(PGBENCH)) throw new Error(`${PGBENCH} is missing: apt-get install -y postgresql-contrib (Debian's pgbench)`);
  await withClient(database.url, async (c) => {
    await c.query("DROP DATABASE IF EXISTS pgbench");
    await c.query("CREATE DATABASE pgbench");
  });
  await execFileAsync(PGBENCH, ["-i", "-s", "10", "-q", "pgbench"], { env: pgbenchEnv(database), maxBuffer: 16 * 1024 * 1024 });
}

/** Runs pgbench's TPC-B-like script with 4 clients on 2 threads for `seconds`; returns its TPS. */
export async function runPgbench(database: BenchDatabase, seconds: number): Promise<{ tps: number; latencyMs: number | null }> {
  const { stdout } = await execFileAsync(PGBENCH, ["-c", "4", "-j", "2", "-T", String(seconds), "pgbench"], {
    env: pgbenchEnv(database),
    maxBuffer: 16 * 1024 * 1024,
  });
  const tps = /tps = ([\d.]+)/.exec(stdout);
  if (!tps) throw new Error(`Could not read the TPS from pgbench's output:\n${stdout}`);
  const latency = /latency average = ([\d.]+) ms/.exec(stdout);
  return { tps: Number(tps[1]), latencyMs: latency ? Number(latency[1]) : null };
}
