// Several Caseway instances on one PostgreSQL behind a small proxy, on this machine: the shape docker-compose.yml runs
// (proxy + app replicas + db), for trying it by hand and for tests/reliability/two-instances.test.ts.
//   npm run cluster [-- --instances 2] [--port 3000] [--fresh] [--reuse-build] [--data-dir .data/cluster-postgres]
// With no DATABASE_URL it starts its own embedded PostgreSQL (data in .data/cluster-postgres, apart from `npm run dev`'s),
// applies the migrations and seeds reference and demo data once, then starts each instance with `scripts/serve.ts start`
// against that database (one process group each; on a new database the first one alone until it has set up the job
// queue) and the proxy from scripts/lib/proxy.ts on 127.0.0.1. Ctrl-C stops everything. Every instance runs a job
// worker: pg-boss hands each clock job to one of them.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";
import { seedDemo, seedReference } from "../prisma/seed";
import { rebuildCaseInboxes } from "../src/server/cases/case-inbox";
import { createPrismaClient } from "../src/server/prisma-client";
import { freePort, startEmbeddedDatabase, type EmbeddedDatabase } from "./lib/embedded-db";
import { runMigrations } from "./lib/migrate";
import { startProxy, type RunningProxy } from "./lib/proxy";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);

export interface ClusterOptions {
  /** App instances behind the proxy (2). */
  instances?: number;
  /** The proxy's port on 127.0.0.1 (3000); 0 picks a free one. Instances take the next free ports after it. */
  port?: number;
  /** PostgreSQL to share. Unset: process.env.DATABASE_URL, else an embedded server in `dataDir`; null: always embedded. */
  databaseUrl?: string | null;
  dataDir?: string;
  /** The embedded server's preferred port (54349; another free one when taken). */
  dbPort?: number;
  /** Start the embedded PostgreSQL empty. */
  fresh?: boolean;
  /** Load the demo users and cases (true). */
  seedDemo?: boolean;
  /** `always` builds first, as `npm start` does; `if-missing` reuses a build in NEXT_DIST_DIR (or .next); `never` fails without one. */
  build?: "always" | "if-missing" | "never";
  /** Signs the sessions every instance must accept. Unset: AUTH_SECRET, else a fresh random one. */
  authSecret?: string;
  /** Extra environment for every instance. */
  env?: Record<string, string>;
  /** Progress and each instance's output (prefixed with its name). Unset: quiet; output is kept for `recentOutput()`. */
  log?: (line: string) => void;
  /** How long the proxy passes over an instance that refused a connection (2 s; 0: try it again at its next turn). */
  proxyDownForMs?: number;
  /** How long an instance may take to answer its health check (180 s: a busy 2-core machine). */
  startTimeoutMs?: number;
}

export interface AppInstance {
  name: string;
  port: number;
  url: string;
  process: ChildProcess;
  /** The last lines the instance wrote, for a failure report. */
  recentOutput: () => string;
}

export interface Cluster {
  /** The proxy: what a browser or API client uses. */
  url: string;
  databaseUrl: string;
  authSecret: string;
  proxy: RunningProxy;
  instances: AppInstance[];
  /** Stops one instance (its whole process group), e.g. to see the proxy route around it. */
  stopInstance: (instance: AppInstance) => Promise<void>;
  /** Stops the proxy, every instance and the embedded PostgreSQL. Safe to call twice. */
  stop: () => Promise<void>;
}

const noop = () => {};

/** A production build where the instances will look for it (NEXT_DIST_DIR, as next.config.ts reads it). */
export function ensureBuild(mode: ClusterOptions["build"] = "always", log: (line: string) => void = noop) {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  const hasBuild = fs.existsSync(path.join(root, distDir, "BUILD_ID"));
  if (hasBuild && mode !== "always") return;
  if (mode === "never") throw new Error(`No production build in ${distDir}: run \`next build\` first`);
  log(`Building for production once for every instance (next build → ${distDir})`);
  const build = spawnSync(process.execPath, [require.resolve("next/dist/bin/next"), "build"], {
    cwd: root,
    stdio: "inherit",
    env: process.env,
  });
  if (build.status !== 0) throw new Error(`next build failed (exit ${build.status})`);
}

/** Migrations, reference data and (optionally) the demo, once, before any instance starts: what serve.ts does. */
export async function prepareDatabase(databaseUrl: string, { demo = true, log = noop }: { demo?: boolean; log?: (line: string) => void } = {}) {
  runMigrations(databaseUrl, true);
  const prisma = createPrismaClient(databaseUrl, 2);
  try {
    const added = await seedReference(prisma);
    if (added) log(`Loaded ${added} reference organizations`);
    if (demo) {
      await seedDemo(prisma);
      log("Demo users are ready (see README: Demo sign-ins)");
    }
    await rebuildCaseInboxes(prisma);
  } finally {
    await prisma.$disconnect();
  }
}

/** Signals a whole process group (tsx → serve.ts → next); quiet when it is already gone. */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

function stopProcessGroup(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => signalGroup(child, "SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(timer);
      // serve.ts may exit before its next server does: make sure nothing of the group is left.
      signalGroup(child, "SIGKILL");
      resolve();
    });
    signalGroup(child, "SIGTERM");
  });
}

function spawnInstance(name: string, port: number, env: NodeJS.ProcessEnv, log: (line: string) => void): AppInstance {
  const child = spawn(process.execPath, [require.resolve("tsx/cli"), "scripts/serve.ts", "start", "--reuse-build", "--port", String(port)], {
    cwd: root,
    env,
    // Its own process group: the instance and the server it spawns stop together, and a terminal's Ctrl-C reaches
    // the cluster script, which stops them in order.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n")) {
      if (!line.trim()) continue;
      lines.push(line);
      if (lines.length > 200) lines.shift();
      log(`[${name}] ${line}`);
    }
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  return { name, port, url: `http://127.0.0.1:${port}`, process: child, recentOutput: () => lines.join("\n") };
}

async function waitForHealth(instance: AppInstance, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (instance.process.exitCode !== null || instance.process.signalCode !== null) {
      throw new Error(`${instance.name} exited (${instance.process.exitCode ?? instance.process.signalCode}) before it was healthy:\n${instance.recentOutput()}`);
    }
    try {
      const response = await fetch(`${instance.url}/api/v1/health`, { signal: AbortSignal.timeout(5_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`${instance.name} was not healthy within ${timeoutMs / 1000} s:\n${instance.recentOutput()}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/**
 * Whether an instance has already set up the job queue in this database. pg-boss 10 creates a queue's tables without a
 * lock, so two instances doing it at once on a fresh database can deadlock, and the loser then runs without a job
 * worker (src/server/jobs/job-runner.ts gives up). The runner creates every queue before its first schedule, so a
 * schedule row means the queues exist and further instances only find them there.
 */
async function jobQueuesReady(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const table = await client.query<{ present: boolean }>("SELECT to_regclass('pgboss.schedule') IS NOT NULL AS present");
    if (!table.rows[0]?.present) return false;
    const scheduled = await client.query("SELECT 1 FROM pgboss.schedule LIMIT 1");
    return (scheduled.rowCount ?? 0) > 0;
  } finally {
    await client.end();
  }
}

async function waitForJobQueues(databaseUrl: string, first: AppInstance, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await jobQueuesReady(databaseUrl))) {
    if (first.process.exitCode !== null || first.process.signalCode !== null) {
      throw new Error(`${first.name} exited before it set up the job queue:\n${first.recentOutput()}`);
    }
    if (Date.now() > deadline) throw new Error(`${first.name} did not set up the job queue within ${timeoutMs / 1000} s:\n${first.recentOutput()}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Environment every instance gets on top of ours. */
function instanceEnv(base: NodeJS.ProcessEnv, name: string, port: number, values: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base };
  // A test runner's variables are not the app's business (and NODE_ENV=test would make `next start` misbehave).
  for (const key of Object.keys(env)) if (key.startsWith("VITEST")) delete env[key];
  return {
    ...env,
    ...values,
    NODE_ENV: "production",
    PORT: String(port),
    // Names the instance's database connections (pg reads PGAPPNAME when the code sets no application_name), so
    // pg_stat_activity shows which instance a session belongs to.
    PGAPPNAME: `caseway-${name}`,
  };
}

export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const log = options.log ?? noop;
  const count = options.instances ?? 2;
  if (!Number.isInteger(count) || count < 1) throw new Error("--instances must be a positive whole number");

  let embedded: EmbeddedDatabase | undefined;
  let proxy: RunningProxy | undefined;
  const instances: AppInstance[] = [];
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await proxy?.close();
    await Promise.all(instances.map((i) => stopProcessGroup(i.process)));
    await embedded?.stop();
  };
  // If this process ends without stop() (a crash, process.exit), its detached instances must not outlive it.
  const orphanGuard = () => instances.forEach((i) => signalGroup(i.process, "SIGTERM"));
  process.once("exit", orphanGuard);

  try {
    let databaseUrl = options.databaseUrl === null ? undefined : (options.databaseUrl ?? process.env.DATABASE_URL);
    if (!databaseUrl) {
      const dataDir = options.dataDir ?? path.join(root, ".data/cluster-postgres");
      log(`No DATABASE_URL: starting the embedded PostgreSQL in ${path.relative(root, dataDir) || dataDir}`);
      embedded = await startEmbeddedDatabase({
        dataDir,
        port: options.dbPort ?? 54349,
        fresh: options.fresh,
        log: (line) => {
          if (/FATAL|PANIC/.test(line)) log(`[postgres] ${line}`);
        },
      });
      databaseUrl = embedded.url;
      log(`PostgreSQL is up on port ${embedded.port}`);
    }
    // Once, here: instances starting together would otherwise all load the demo at the same moment.
    await prepareDatabase(databaseUrl, { demo: options.seedDemo ?? true, log });
    ensureBuild(options.build ?? "always", log);

    const authSecret = options.authSecret ?? process.env.AUTH_SECRET ?? randomBytes(32).toString("base64url");
    const names = Array.from({ length: count }, (_, i) => `app-${i + 1}`);
    const requestedPort = options.port ?? 3000;
    const ports: number[] = [];
    for (let i = 0; i < count; i++) {
      let port = await freePort(requestedPort ? requestedPort + 1 + i : undefined);
      while (ports.includes(port) || port === requestedPort) port = await freePort();
      ports.push(port);
    }
    proxy = await startProxy({
      port: requestedPort,
      downForMs: options.proxyDownForMs,
      upstreams: names.map((name, i) => ({ name, host: "127.0.0.1", port: ports[i]! })),
      log: (line) => log(`[proxy] ${line}`),
    });

    const values = {
      ...options.env,
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: authSecret,
      AUTH_URL: proxy.url,
      // Exactly one proxy (ours) appends to X-Forwarded-For: the app believes its last entry and nothing the client wrote.
      TRUSTED_PROXY_HOPS: "1",
      // The demo is loaded above; serve.ts still applies migrations and reference data, both no-ops by now.
      SEED_DEMO: "false",
    };
    const startTimeoutMs = options.startTimeoutMs ?? 180_000;
    const start = (i: number) => instances.push(spawnInstance(names[i]!, ports[i]!, instanceEnv(process.env, names[i]!, ports[i]!, values), log));
    const jobsOn = (options.env?.CASEWAY_JOBS ?? process.env.CASEWAY_JOBS) !== "off";
    if (jobsOn && count > 1 && !(await jobQueuesReady(databaseUrl))) {
      // A fresh database: one instance sets up the job queue before the others start (see jobQueuesReady).
      log(`Starting ${names[0]} on port ${ports[0]} first: it sets up the job queue in this new database`);
      start(0);
      await waitForJobQueues(databaseUrl, instances[0]!, startTimeoutMs);
    }
    const rest = ports.slice(instances.length);
    log(`Starting ${instances.length ? "the other " : ""}${rest.length} instance${rest.length === 1 ? "" : "s"} on port${rest.length === 1 ? "" : "s"} ${rest.join(", ")}`);
    for (let i = instances.length; i < count; i++) start(i);
    await Promise.all(instances.map((instance) => waitForHealth(instance, startTimeoutMs)));

    return {
      url: proxy.url,
      databaseUrl,
      authSecret,
      proxy,
      instances,
      stopInstance: (instance) => stopProcessGroup(instance.process),
      stop: async () => {
        process.off("exit", orphanGuard);
        await stop();
      },
    };
  } catch (error) {
    process.off("exit", orphanGuard);
    await stop();
    throw error;
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      instances: { type: "string", default: "2" },
      port: { type: "string", default: process.env.PORT ?? "3000" },
      "data-dir": { type: "string", default: path.join(root, ".data/cluster-postgres") },
      "db-port": { type: "string", default: "54349" },
      fresh: { type: "boolean", default: false },
      "reuse-build": { type: "boolean", default: false },
    },
  });
  const log = (line: string) => console.log(line.startsWith("[") ? line : `[cluster] ${line}`);
  let cluster: Cluster | undefined;
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log("Stopping the proxy, the instances and PostgreSQL");
    await cluster?.stop();
    process.exit(code);
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void shutdown(0));

  try {
    cluster = await startCluster({
      instances: Number(values.instances),
      port: Number(values.port),
      dataDir: values["data-dir"],
      dbPort: Number(values["db-port"]),
      fresh: values.fresh,
      build: values["reuse-build"] ? "if-missing" : "always",
      log,
    });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await shutdown(1);
    return;
  }
  for (const instance of cluster.instances) {
    instance.process.on("exit", (code, signal) => {
      if (!stopping) log(`${instance.name} stopped (${code ?? signal}); the proxy sends its requests to the others`);
    });
  }
  log(`Serving on ${cluster.url}: ${cluster.instances.map((i) => `${i.name} on ${i.port}`).join(", ")}, one PostgreSQL`);
  log("Each answer names its instance in the x-caseway-upstream header. Ctrl-C stops everything.");
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
