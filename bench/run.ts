// `npm run bench`: the one benchmark command (issue 11). Builds for production, starts its own embedded PostgreSQL,
// grows the large dataset size by size, starts `next start` against it, and measures each figure as a ratio against a
// baseline from the same run, baseline and subject interleaved within each round. Writes docs/performance.md and
// bench/results/latest.json, and always stops what it started. See bench/README.md.
//
//   npm run bench -- [--sizes 1000,10000,100000] [--rounds 3] [--duration 10] [--skip-build] [--out docs/performance.md]
//                    [--only P1,P2,P3,P4,P5,P7,P8] [--aa-check]
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { freePort } from "../scripts/lib/embedded-db";
import { installSignalHandlers, onCleanup, runCleanup } from "./lib/cleanup";
import {
  countCases,
  createApiToken,
  growDataset,
  initPgbench,
  keepDashboardSnapshotFresh,
  loadLargeSeed,
  pickSearchWord,
  pickTransitionCases,
  postgresVersion,
  runPgbench,
  seedBase,
  startBenchDatabase,
  tableSizes,
  userIds,
  vacuumAnalyze,
  withClient,
  type BenchDatabase,
} from "./lib/database";
import { freshCloneToFirstPage, type FirstPageRun } from "./lib/fresh-clone";
import { fetchJson, httpLoad, type HttpRun } from "./lib/http-load";
import { describeMachine } from "./lib/machine";
import { runLoaPdf, runPricing } from "./lib/micro";
import { explain, P2_QUERIES, resolveSql, sqlLoad, sqlOnce, type BenchUser, type P2Context, type SqlPair } from "./lib/p2";
import { serverMemory, startNextServer, type Server } from "./lib/processes";
import { consoleReport, markdownReport } from "./lib/report";
import { figureRows, type P2Meta, type RoundResult, type RunResult, type SizeResult } from "./lib/results";
import { signIn } from "./lib/session";
import { runTransitions, type TransitionRun } from "./lib/transitions";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);

const FIGURES = ["P1", "P2", "P3", "P4", "P5", "P7", "P8"] as const;
/** Concurrency of each measurement (baseline and subject always alike). */
const HEALTH_CONNECTIONS = 16;
const TRANSITION_CLIENTS = 16;
const P2_CONCURRENCY = 4;
const P3_CONNECTIONS = 10;
const DEMO_PASSWORD = "Caseway-demo-2026";
const USERS: Record<BenchUser, string> = {
  partner: "partner.bn@caseway.example",
  dsca: "dsca@caseway.example",
  navy: "navy@caseway.example",
  auditor: "auditor@caseway.example",
};

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "1000,10000,100000" },
    rounds: { type: "string", default: "3" },
    duration: { type: "string", default: "10" },
    "skip-build": { type: "boolean", default: false },
    out: { type: "string", default: "docs/performance.md" },
    only: { type: "string", default: FIGURES.join(",") },
    /** A/A check of P4: start its baseline server without the bypass; the ratio then shows the harness's own bias. */
    "aa-check": { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});
if (values.help) {
  console.log(fs.readFileSync(fileURLToPath(import.meta.url), "utf8").split("\n").slice(0, 7).join("\n"));
  process.exit(0);
}

const sizes = values.sizes.split(",").map((s) => Number(s.trim().replace(/_/g, "").replace(/k$/i, "000")));
const rounds = Number(values.rounds);
const duration = Number(values.duration);
const only = new Set(values.only.split(",").map((s) => s.trim().toUpperCase()));
if (sizes.some((s) => !Number.isInteger(s) || s <= 0) || !Number.isInteger(rounds) || rounds < 1 || !(duration >= 1)) {
  console.error("Usage: npm run bench -- [--sizes 1000,10000,100000] [--rounds 3] [--duration 10] [--skip-build] [--out file] [--only P1,P2,…]");
  process.exit(2);
}
for (const figure of only) {
  if (!(FIGURES as readonly string[]).includes(figure)) {
    console.error(`Unknown figure ${figure}: choose among ${FIGURES.join(", ")}`);
    process.exit(2);
  }
}
const want = (figure: (typeof FIGURES)[number]) => only.has(figure);
const needServers = want("P1") || want("P2") || want("P3") || want("P4");
const warmupSeconds = Math.min(3, duration);
const outFile = path.resolve(root, values.out);
const jsonFile = path.join(root, "bench/results/latest.json");

const t0 = performance.now();
const clock = () => {
  const s = Math.round((performance.now() - t0) / 1000);
  return `${String(Math.floor(s / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
};
const log = (line: string) => console.log(`[bench ${clock()}] ${line}`);
const f = (v: number, digits = 1) => (Number.isFinite(v) ? v.toFixed(digits) : "n/a");

function git(args: string[]): string {
  try {
    return execFileSync("git", args, { cwd: root, encoding: "utf8" }).trim();
  } catch {
    return "";
  }
}

const result: RunResult = {
  startedAt: new Date().toISOString(),
  finishedAt: null,
  command: `npm run bench -- ${process.argv.slice(2).join(" ")}`.trim().replace(/ --$/, ""),
  options: { sizes, rounds, duration, only: [...only] },
  commit: git(["rev-parse", "--short", "HEAD"]) || "unknown",
  dirty: git(["status", "--porcelain"]).length > 0,
  machine: null,
  buildSeconds: null,
  sizes: [],
  p5: [],
  p7: [],
  p8: null,
  p8Start: null,
  notes: [],
};

function writeOutputs() {
  fs.mkdirSync(path.dirname(jsonFile), { recursive: true });
  // The plans are in the Markdown; the JSON keeps what they found, so it stays small.
  const slim = {
    ...result,
    sizes: result.sizes.map((s) => ({
      ...s,
      p2: Object.fromEntries(Object.entries(s.p2).map(([k, m]) => [k, { ...m, plans: m.plans.map((p) => ({ ...p, text: undefined, forced: p.forced && { ...p.forced, text: undefined } })) }])),
    })),
  };
  fs.writeFileSync(jsonFile, JSON.stringify(slim, null, 1) + "\n");
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, markdownReport(result));
}

function build() {
  const hasBuild = fs.existsSync(path.join(root, ".next/BUILD_ID"));
  if (values["skip-build"] && hasBuild) {
    log("Reusing the existing production build (.next)");
    return;
  }
  log("Building for production (next build)…");
  const started = performance.now();
  const nextBin = require.resolve("next/dist/bin/next", { paths: [root] });
  return new Promise<void>((resolve, reject) => {
    const logFile = path.join(tmpDir, "next-build.log");
    const out = fs.openSync(logFile, "w");
    const child = spawn(process.execPath, [nextBin, "build"], { cwd: root, stdio: ["ignore", out, out], env: { ...process.env, NODE_ENV: "production" } });
    fs.closeSync(out);
    const stop = onCleanup("next build", async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
    });
    child.on("exit", (code) => {
      void stop();
      if (code === 0) {
        result.buildSeconds = (performance.now() - started) / 1000;
        log(`Built in ${f(result.buildSeconds, 0)} s`);
        resolve();
      } else {
        reject(new Error(`next build failed (exit ${code}):\n${fs.readFileSync(logFile, "utf8").split("\n").slice(-40).join("\n")}`));
      }
    });
  });
}

/** Runs a baseline and its subject in turn; even rounds run the subject first, so drift within a round cancels out. */
async function alternate<A, B>(round: number, first: () => Promise<A>, second: () => Promise<B>): Promise<[A, B]> {
  if (round % 2 === 1) {
    const a = await first();
    return [a, await second()];
  }
  const b = await second();
  return [await first(), b];
}

async function findStaticPath(server: Server): Promise<string> {
  for (const candidate of ["/icon.svg", "/favicon.ico", "/robots.txt"]) {
    const { status } = await fetchJson(`${server.url}${candidate}`);
    if (status === 200) return candidate;
  }
  throw new Error("No static file answers 200 on the server (tried /icon.svg, /favicon.ico, /robots.txt)");
}

function sameRows(api: string[], sql: string[]) {
  const a = new Set(api);
  return sql.filter((id) => a.has(id)).length;
}

async function checkAgreement(db: BenchDatabase, server: Server, ctx: P2Context, tokens: Record<BenchUser, string>) {
  const metas: Record<string, P2Meta> = {};
  const sqls: Record<string, SqlPair> = {};
  for (const query of P2_QUERIES) {
    const now = new Date();
    let sql: SqlPair;
    let direct: Awaited<ReturnType<typeof sqlOnce>>;
    try {
      sql = await resolveSql(db.url, query);
      direct = await sqlOnce(db.url, sql, query.params(ctx, now, sql), query);
    } catch (error) {
      // A baseline that no longer runs (the schema moved on): report it and measure the other endpoints.
      const message = `bench/sql for ${query.key} failed: ${error instanceof Error ? error.message : error}`;
      result.notes.push(`${message} — not measured; update bench/sql to the current schema.`);
      log(`  ${query.key}: ${message} — skipped`);
      continue;
    }
    sqls[query.key] = sql;
    const api = await fetchJson(`${server.url}${query.path(ctx)}`, { authorization: `Bearer ${tokens[query.user]}` });
    let check: string;
    let agrees = false;
    if (api.status !== 200) {
      check = `the API answered HTTP ${api.status}: ${JSON.stringify(api.body).slice(0, 200)}`;
    } else {
      const apiIds = query.apiIds(api.body);
      const apiTotal = query.apiTotal(api.body);
      const common = sameRows(apiIds.slice(0, 50), direct.ids);
      const sameOrder = apiIds.slice(0, 50).join() === direct.ids.join();
      agrees = apiTotal === direct.total && common === direct.ids.length && apiIds.slice(0, 50).length === direct.ids.length;
      check =
        `total: API ${apiTotal ?? "?"}, SQL ${direct.total}; first page: ${common} of ${direct.ids.length} rows in common` +
        (agrees ? (sameOrder ? ", same order" : ", the same rows in another order") : apiIds.length > 50 ? " (the API returned an unpaginated list)" : "");
    }
    metas[query.key] = { label: query.label, path: query.path(ctx), sqlFile: sql.file, check, agrees, plans: [] };
    log(`  ${query.key}: ${agrees ? "API and SQL agree" : "API and SQL DISAGREE"} (${check})`);
  }
  return { metas, sqls };
}

async function measureSize(
  db: BenchDatabase,
  size: number,
  tokens: Record<BenchUser, string>,
  authSecret: string,
  seeding: { seconds: number; large: boolean },
): Promise<SizeResult> {
  const cases = await countCases(db.url);
  const tables = await tableSizes(db.url);
  const searchWord = await pickSearchWord(db.url);
  const caseIds = await pickTransitionCases(db.url, TRANSITION_CLIENTS);
  if (caseIds.length < TRANSITION_CLIENTS) result.notes.push(`At ${cases} cases only ${caseIds.length} suspendable cases were found for the ${TRANSITION_CLIENTS} transition clients.`);
  const users = Object.fromEntries(
    await Promise.all((Object.entries(USERS) as [BenchUser, string][]).map(async ([k, email]) => [k, { ...(await userIds(db.url, email)), email }])),
  ) as P2Context["users"];
  const ctx: P2Context = { users, searchWord };
  const sizeResult: SizeResult = {
    size,
    cases,
    tables,
    seedSeconds: seeding.seconds,
    largeSeed: seeding.large,
    transitionCases: caseIds.length,
    searchWord,
    p2: {},
    rounds: [],
    rss: { serverMiB: 0, treeMiB: 0, unchainedServerMiB: null },
  };
  log(`Dataset: ${Object.entries(tables).map(([t, n]) => `${t} ${n}`).join(", ")}; search word "${searchWord}"`);

  const baseEnv: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: db.url, AUTH_SECRET: authSecret, CASEWAY_JOBS: "off", AUTH_TRUST_HOST: "true" };
  delete baseEnv.CASEWAY_BENCH;
  delete baseEnv.CASEWAY_BENCH_UNCHAINED_AUDIT;
  log("Starting next start (the app) …");
  const app = await startNextServer({ name: `app-${size}`, root, port: await freePort(), env: baseEnv, logDir: tmpDir });
  let unchained: Server | null = null;
  let stopSnapshots: (() => Promise<void>) | null = null;
  try {
    if (want("P2")) stopSnapshots = await keepDashboardSnapshotFresh(db.url, log);
    if (want("P4")) {
      const aa = values["aa-check"];
      log(aa ? "Starting a second, identical next start (--aa-check: P4 compares two chained servers) …" : "Starting a second next start with CASEWAY_BENCH=1 CASEWAY_BENCH_UNCHAINED_AUDIT=1 (P4's baseline) …");
      unchained = await startNextServer({
        name: `unchained-${size}`,
        root,
        port: await freePort(),
        env: aa ? baseEnv : { ...baseEnv, CASEWAY_BENCH: "1", CASEWAY_BENCH_UNCHAINED_AUDIT: "1" },
        logDir: tmpDir,
      });
      if (aa) result.notes.push("--aa-check: P4's baseline server ran WITHOUT the bypass; its ratio shows the harness's own bias (expect about 1).");
    }
    const cookie = want("P3") ? await signIn(app.url, USERS.dsca, DEMO_PASSWORD, "/cases") : "";
    const staticPath = want("P2") || want("P3") ? await findStaticPath(app) : "";

    let sqls: Record<string, SqlPair> = {};
    if (want("P2")) {
      log("P2: checking that each endpoint and its SQL agree …");
      const checked = await checkAgreement(db, app, ctx, tokens);
      sizeResult.p2 = checked.metas;
      sqls = checked.sqls;
    }

    const transitions = (server: Server, label: string, seconds: number) =>
      runTransitions({ label, baseUrl: server.url, token: tokens.dsca, caseIds, seconds });
    const health = (seconds: number) => httpLoad({ label: "health", url: `${app.url}/api/v1/health`, connections: HEALTH_CONNECTIONS, seconds });
    const p2Api = (key: string, seconds: number) => {
      const query = P2_QUERIES.find((q) => q.key === key)!;
      return httpLoad({ label: key, url: `${app.url}${query.path(ctx)}`, connections: P2_CONCURRENCY, seconds, headers: { authorization: `Bearer ${tokens[query.user]}` } });
    };
    const p2Sql = (key: string, seconds: number) => {
      const query = P2_QUERIES.find((q) => q.key === key)!;
      return sqlLoad({ label: key, url: db.url, sql: sqls[key]!, params: (now) => query.params(ctx, now, sqls[key]!), concurrency: P2_CONCURRENCY, seconds });
    };
    const staticLoad = (seconds: number) => httpLoad({ label: "static", url: `${app.url}${staticPath}`, connections: P3_CONNECTIONS, seconds });
    // P2's floor: the same static file at P2's concurrency. No route of this server answers faster, so a P2 goal below
    // it cannot be met by any work on the route (shown beside each P2 figure, never used to judge one).
    const floorLoad = (seconds: number) => httpLoad({ label: "floor", url: `${app.url}${staticPath}`, connections: P2_CONCURRENCY, seconds });
    const pageLoad = (seconds: number) => httpLoad({ label: "page", url: `${app.url}/cases`, connections: P3_CONNECTIONS, seconds, headers: { cookie } });

    // Warm-up: every route compiled into memory and JIT-warm, PostgreSQL's caches filled, before any round counts. Both
    // servers get the same traffic, so P4 does not compare a warm server with a cold one.
    log(`Warm-up (${warmupSeconds} s per target and server) …`);
    const measured = P2_QUERIES.filter((q) => sqls[q.key]);
    for (const server of [app, unchained]) {
      if (!server) continue;
      const from = new Date();
      await httpLoad({ label: "warm-up", url: `${server.url}/api/v1/health`, connections: HEALTH_CONNECTIONS, seconds: warmupSeconds });
      if (want("P1") || want("P4")) warnIfFailing(await transitions(server, "warm-up", warmupSeconds), server);
      if (server === unchained && !values["aa-check"]) await checkUnchained(db, caseIds, from);
      for (const query of want("P2") ? measured : []) {
        await httpLoad({ label: "warm-up", url: `${server.url}${query.path(ctx)}`, connections: P2_CONCURRENCY, seconds: warmupSeconds, headers: { authorization: `Bearer ${tokens[query.user]}` } });
      }
      if (want("P2") || want("P3")) {
        await httpLoad({ label: "warm-up", url: `${server.url}${staticPath}`, connections: P3_CONNECTIONS, seconds: warmupSeconds });
      }
      if (want("P3")) {
        await httpLoad({ label: "warm-up", url: `${server.url}/cases`, connections: P3_CONNECTIONS, seconds: warmupSeconds, headers: { cookie } });
      }
    }
    if (want("P2")) {
      for (const query of measured) await p2Sql(query.key, warmupSeconds);
      log("P2: EXPLAIN (ANALYZE, BUFFERS) of each direct query …");
      for (const query of measured) {
        const plans = await explain(db.url, sqls[query.key]!, query.params(ctx, new Date(), sqls[query.key]!));
        sizeResult.p2[query.key]!.plans = plans;
        const seq = plans.flatMap((p) => p.seqScans.map((t) => `${t} (${p.statement}${p.forced && p.forced.seqScans.length === 0 ? ", index path exists" : ""})`));
        log(`  ${query.key}: ${plans.map((p) => `${p.statement} ${f(p.executionMs ?? Number.NaN, 2)} ms`).join(", ")}${seq.length ? ` — Seq Scan on ${seq.join(", ")}` : ""}`);
      }
    }

    for (let round = 1; round <= rounds; round++) {
      log(`Round ${round}/${rounds} at ${cases.toLocaleString("en-US")} cases`);
      const r: RoundResult = { round, p2: {} };
      try {
        if (want("P1") || want("P4")) {
          // Baselines and subjects in turn: health, pgbench, transitions, transitions without the chain (reversed in even rounds).
          const steps: (() => Promise<void>)[] = [];
          if (want("P1")) {
            steps.push(async () => void (r.health = await health(duration)));
            steps.push(async () => void (r.pgbench = await runPgbench(db, duration)));
          }
          steps.push(async () => void (r.chained = await transitions(app, "chained", duration)));
          if (unchained) steps.push(async () => void (r.unchained = await transitions(unchained!, "unchained", duration)));
          for (const step of round % 2 === 1 ? steps : [...steps].reverse()) {
            await step();
            assertRunning(app, unchained);
          }
          const parts = [
            r.health && `health ${f(r.health.rps, 0)} req/s`,
            r.pgbench && `pgbench ${f(r.pgbench.tps, 0)} TPS`,
            r.chained && describeTransitions("transitions", r.chained),
            r.unchained && describeTransitions("unchained", r.unchained),
          ].filter(Boolean);
          log(`  ${parts.join(" · ")}`);
        }
        if (want("P2")) {
          r.p2Floor = await floorLoad(duration);
          log(`  floor           static ${staticPath} p50 ${f(r.p2Floor.p50)} ms p95 ${f(r.p2Floor.p95)} ms (${f(r.p2Floor.rps, 0)} req/s, ${P2_CONCURRENCY} connections)`);
          for (const query of measured) {
            const [api, sql] = await alternate(round, () => p2Api(query.key, duration), () => p2Sql(query.key, duration));
            r.p2[query.key] = { api, sql };
            log(
              `  ${query.key.padEnd(15)} API p50 ${f(api.p50)} ms p95 ${f(api.p95)} ms (${f(api.rps)} req/s${describeFailures(api)}) · ` +
                `SQL p50 ${f(sql.p50)} ms p95 ${f(sql.p95)} ms · ratio p50 ${f(api.p50 / sql.p50, 2)}× p95 ${f(api.p95 / sql.p95, 2)}×`,
            );
            assertRunning(app);
          }
        }
        if (want("P3")) {
          const [staticFile, page] = await alternate(round, () => staticLoad(duration), () => pageLoad(duration));
          r.staticFile = staticFile;
          r.page = page;
          log(
            `  static ${staticPath} ${f(staticFile.rps, 0)} req/s${describeFailures(staticFile)} · /cases ${f(page.rps)} req/s, TTFB p95 ${f(page.ttfbP95, 0)} ms${describeFailures(page)} · ratio ${f(page.rps / staticFile.rps, 3)}`,
          );
          assertRunning(app);
        }
      } catch (error) {
        if (!(error instanceof ServerStopped)) throw error;
        sizeResult.rounds.push(r);
        break;
      }
      sizeResult.rounds.push(r);
    }

    const memory = serverMemory(app.pid);
    sizeResult.rss = {
      serverMiB: memory.serverMiB,
      treeMiB: memory.treeMiB,
      unchainedServerMiB: unchained ? serverMemory(unchained.pid).serverMiB : null,
    };
    log(`Server RSS after the load: ${f(memory.serverMiB, 0)} MiB (pid ${memory.serverPid}; tree ${f(memory.treeMiB, 0)} MiB)`);
  } finally {
    if (serverErrors(sizeResult)) {
      for (const server of [app, unchained]) if (server && !server.exited()) keepServerLog(server, "answered HTTP 5xx or dropped connections during the load");
    }
    if (unchained) await unchained.stop();
    await app.stop();
    await stopSnapshots?.();
  }
  return sizeResult;
}

/** Did any server answer 5xx during this size's rounds? */
function serverErrors(size: SizeResult): boolean {
  const is5xx = (key: string) => /^(HTTP )?5\d\d$/.test(key);
  return size.rounds.some(
    (r) =>
      [r.chained, r.unchained].some((t) => t && Object.keys(t.failed).some(is5xx)) ||
      [r.health, r.staticFile, r.page, ...Object.values(r.p2).map((p) => p.api)].some((h) => h && (h.errors > 0 || Object.keys(h.statuses).some(is5xx))),
  );
}

/** Keeps a server's log (the temporary directory goes away) and shows its first error lines (or its last lines). */
function keepServerLog(server: Server, what = "answered HTTP 5xx during the load") {
  const kept = path.join(root, "bench/results", `${server.name}.log`);
  fs.mkdirSync(path.dirname(kept), { recursive: true });
  if (fs.existsSync(server.logFile)) fs.copyFileSync(server.logFile, kept);
  const lines = fs.existsSync(kept) ? fs.readFileSync(kept, "utf8").split("\n") : [];
  const firstError = lines.findIndex((line) => /error/i.test(line));
  const excerpt = firstError >= 0 ? lines.slice(firstError, firstError + 12) : lines.slice(-12);
  log(`The ${server.name} server ${what}; its log is kept in ${path.relative(root, kept)}:\n${excerpt.join("\n")}`);
  const note = `The ${server.name} server ${what}; its log is kept in ${path.relative(root, kept)}.`;
  if (!result.notes.includes(note)) result.notes.push(note);
}

/** Throws (after keeping its log) when a server stopped during the measurements: the rest would measure nothing. */
function assertRunning(...servers: (Server | null)[]) {
  for (const server of servers) {
    const ended = server?.exited();
    if (!server || !ended) continue;
    keepServerLog(server, `stopped during the measurements (${ended})`);
    throw new ServerStopped(`The ${server.name} server stopped during the measurements (${ended}); its log is in bench/results/${server.name}.log`);
  }
}

class ServerStopped extends Error {}

function warnIfFailing(run: TransitionRun, server: Server) {
  if (run.ok > 0) return;
  const failed = Object.entries(run.failed).map(([k, v]) => `${k} ×${v}`).join(", ");
  log(`  warning: no transition succeeded on ${server.name} during the warm-up (${failed || "none attempted"})`);
}

function describeTransitions(label: string, run: TransitionRun) {
  const failed = Object.entries(run.failed).map(([k, v]) => `${k} ×${v}`);
  return `${label} ${f(run.tps)}/s (p50 ${f(run.p50, 0)} ms${failed.length ? `; failed ${failed.join(", ")}` : ""})`;
}

function describeFailures(run: HttpRun) {
  const bad = Object.entries(run.statuses).filter(([s]) => !s.startsWith("2"));
  return bad.length || run.errors ? `; ${[...bad.map(([s, n]) => `HTTP ${s} ×${n}`), ...(run.errors ? [`errors ×${run.errors}`] : [])].join(", ")}` : "";
}

/** P4 is meaningful only if the second server really skipped the chain step: its audit events carry no chain. */
async function checkUnchained(db: BenchDatabase, caseIds: string[], since: Date) {
  const counts = await withClient(db.url, async (c) => {
    const { rows } = await c.query<{ total: string; unchained: string }>(
      `SELECT count(*) AS total, count(*) FILTER (WHERE chain_key IS NULL) AS unchained FROM audit_events
        WHERE target_type = 'case' AND target_id = ANY($1::text[]) AND action IN ('case.suspend', 'case.resume') AND occurred_at >= $2`,
      [caseIds, since],
    );
    return { total: Number(rows[0]!.total), unchained: Number(rows[0]!.unchained) };
  });
  if (counts.total > 0 && counts.unchained === 0) {
    const note =
      "The P4 baseline server wrote chained audit events although it ran with CASEWAY_BENCH=1 CASEWAY_BENCH_UNCHAINED_AUDIT=1: " +
      "the bypass is not in src/server/audit.ts (or marks events differently), so P4 compares two chained runs.";
    if (!result.notes.includes(note)) result.notes.push(note);
    log(`  warning: ${note}`);
  } else {
    log(`  P4 baseline: ${counts.unchained} of ${counts.total} warm-up transition events were written without the chain`);
  }
}

// ---- main ------------------------------------------------------------------------------------------------------

installSignalHandlers(log);
const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), "caseway-bench-"));
fs.chmodSync(tmpDir, 0o755);
onCleanup(
  "temporary directory",
  async () => fs.rmSync(tmpDir, { recursive: true, force: true }),
  () => fs.rmSync(tmpDir, { recursive: true, force: true }),
);

let exitCode = 0;
try {
  log(`Caseway benchmark: sizes ${sizes.join(", ")}; ${rounds} round(s) of ${duration} s measurements; figures ${[...only].join(", ")}`);
  if (needServers) await build();
  let machineDescribed = false;
  if (needServers) {
    log("Starting the benchmark's own embedded PostgreSQL …");
    const db = await startBenchDatabase(tmpDir, log);
    log(`PostgreSQL on port ${db.port}; applying migrations, reference and demo data …`);
    await seedBase(db.url);
    result.machine = describeMachine(root, await postgresVersion(db.url));
    machineDescribed = true;
    if (want("P1")) {
      log("Initialising pgbench (scale 10) on the same server …");
      await initPgbench(db);
    }
    const tokens = Object.fromEntries(
      await Promise.all((Object.entries(USERS) as [BenchUser, string][]).map(async ([k, email]) => [k, await createApiToken(db.url, email)])),
    ) as Record<BenchUser, string>;
    const authSecret = randomBytes(32).toString("base64url");
    const seedLarge = await loadLargeSeed(root);
    if (!seedLarge) {
      const note = "prisma/large-seed (seedLargeDataset) is not available: measured on the demo data only, at one size.";
      result.notes.push(note);
      log(`warning: ${note}`);
    }
    const targets = seedLarge ? [...sizes].sort((a, b) => a - b) : [sizes[0]!];
    for (const size of targets) {
      let seeding = { seconds: 0, large: false };
      if (seedLarge) {
        log(`Growing the dataset to ${size.toLocaleString("en-US")} cases (seedLargeDataset) …`);
        const started = performance.now();
        await growDataset(db.url, seedLarge, size, log);
        seeding = { seconds: (performance.now() - started) / 1000, large: true };
        log(`Seeded in ${f(seeding.seconds, 0)} s`);
      }
      log("VACUUM (ANALYZE) …");
      await vacuumAnalyze(db.url);
      result.sizes.push(await measureSize(db, size, tokens, authSecret, seeding));
      writeOutputs();
      console.log("\n" + consoleReport(figureRows({ ...result, p5: [], p7: [], p8: null, p8Start: null, sizes: [result.sizes[result.sizes.length - 1]!] })) + "\n");
    }
  }
  if (!machineDescribed) result.machine = describeMachine(root, "not started");

  if (want("P5") || want("P7")) {
    for (let round = 1; round <= rounds; round++) {
      if (want("P5")) {
        const run = await runLoaPdf(root);
        result.p5.push(run);
        log(`P5 round ${round}: ten-page LOA PDF median ${f(run.median, 0)} ms, p95 ${f(run.p95, 0)} ms (bare pdfkit ${f(run.baselineMedian, 0)} ms)`);
      }
      if (want("P7")) {
        const run = await runPricing(root);
        result.p7.push(run);
        log(`P7 round ${round}: 1,000-line pricing median ${f(run.median, 2)} ms, p95 ${f(run.p95, 2)} ms (sum baseline ${f(run.baselineMedian, 2)} ms)`);
      }
    }
  }
  if (want("P8")) {
    // What a new developer runs (the figure), then the production path it replaced as the figure (reported).
    for (const mode of ["dev", "start"] as const) {
      const command = mode === "dev" ? "npm run dev" : "npm start";
      log(`P8: fresh clone → first page (${command}) …`);
      let run: FirstPageRun | { error: string };
      try {
        run = await freshCloneToFirstPage({ root, tmpDir, mode, user: { email: USERS.dsca, password: DEMO_PASSWORD }, resultsDir: path.dirname(jsonFile), log });
        log(`P8 (${command}): /signin after ${f(run.seconds)} s, signed in and / after ${f(run.landedSeconds)} s (log: ${path.relative(root, run.logFile)})`);
      } catch (error) {
        run = { error: error instanceof Error ? error.message : String(error) };
        log(`P8 (${command}) failed: ${run.error}`);
      }
      if (mode === "dev") result.p8 = run;
      else result.p8Start = run;
    }
  }
} catch (error) {
  exitCode = 1;
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  result.notes.push(`The run stopped early: ${message.split("\n")[0]}`);
  console.error(`[bench] failed: ${message}`);
} finally {
  result.finishedAt = new Date().toISOString();
  await runCleanup();
}

if (result.sizes.length > 0 || result.p5.length > 0 || result.p7.length > 0 || result.p8 || result.p8Start) {
  writeOutputs();
  console.log("\n" + consoleReport(figureRows(result)));
  console.log(`\nWrote ${path.relative(root, outFile)} and ${path.relative(root, jsonFile)} in ${clock()} (mm:ss).`);
} else {
  console.log(`\nNothing was measured; ${path.relative(root, outFile)} is left as it was.`);
}
process.exit(exitCode);
