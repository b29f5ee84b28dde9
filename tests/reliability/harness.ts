// The reliability tests' harness: a real PostgreSQL the test can kill and restart, and the production app served by
// scripts/serve.ts against it, which the test can SIGKILL and restart too. Both run in their own process groups and are
// killed, whole, when the test ends — also when it fails (stopAll() in afterAll, and a last-resort exit hook).
//
// The app is the production build in NEXT_DIST_DIR (inherited; `.next` under `npm test`, which has just built it).
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Client } from "pg";
import { freePort, startEmbeddedDatabase } from "../../scripts/lib/embedded-db";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// ---- processes -------------------------------------------------------------------------------------------------

/** Process groups this run started, killed on exit whatever happens. */
const liveGroups = new Set<number>();
process.once("exit", () => {
  for (const pgid of liveGroups) {
    try {
      process.kill(-pgid, "SIGKILL");
    } catch {
      // already gone
    }
  }
});

interface ProcStat {
  pid: number;
  ppid: number;
  pgid: number;
}

function readStat(pid: number): ProcStat | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name is in parentheses and may contain spaces; the fields after it are fixed.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { pid, ppid: Number(fields[1]), pgid: Number(fields[2]) };
  } catch {
    return null;
  }
}

function allProcesses(): ProcStat[] {
  return fs
    .readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readStat(Number(name)))
    .filter((s): s is ProcStat => s !== null);
}

/** A process and everything it started (PostgreSQL's backends each lead their own process group). */
export function descendantsOf(pid: number): number[] {
  const all = allProcesses();
  const out = [pid];
  for (let i = 0; i < out.length; i++) for (const p of all) if (p.ppid === out[i]) out.push(p.pid);
  return out;
}

export const groupMembers = (pgid: number) => allProcesses().filter((p) => p.pgid === pgid).map((p) => p.pid);

/** Still running: a child killed by a signal keeps exitCode null, so both fields count. */
const running = (proc: ChildProcess | null): boolean => !!proc && proc.exitCode === null && proc.signalCode === null;

/** Resolves once Node has seen the child exit (after a kill, /proc may show it gone a moment before that). */
async function waitExit(proc: ChildProcess | null, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (running(proc) && Date.now() < deadline) await sleep(50);
}

const alive = (pid: number) => readStat(pid) !== null && !fs.readFileSync(`/proc/${pid}/stat`, "utf8").includes(") Z ");

async function waitGone(pids: number[], timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (pids.every((pid) => !alive(pid))) return true;
    await sleep(100);
  }
  return pids.every((pid) => !alive(pid));
}

/** Resident memory of one process, in MB (what `ps -o rss=` reports). */
export function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

/** The process listening on a TCP port, among the given ones (the server, whatever wraps it). */
function listenerOf(port: number, candidates: number[]): number | null {
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text = "";
    try {
      text = fs.readFileSync(table, "utf8");
    } catch {
      continue;
    }
    for (const line of text.split("\n").slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length > 9 && cols[1]?.endsWith(`:${hexPort}`) && cols[3] === "0A") inodes.add(cols[9]!);
    }
  }
  for (const pid of candidates) {
    let fds: string[] = [];
    try {
      fds = fs.readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const target = fs.readlinkSync(`/proc/${pid}/fd/${fd}`);
        const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
        if (inode && inodes.has(inode)) return pid;
      } catch {
        // closed meanwhile
      }
    }
  }
  return null;
}

/** The last lines a child printed, for a failure message. */
class Tail {
  private lines: string[] = [];
  constructor(private readonly max = 200) {}
  push(chunk: Buffer | string) {
    for (const line of chunk.toString().split("\n")) if (line.trim()) this.lines.push(line);
    if (this.lines.length > this.max) this.lines.splice(0, this.lines.length - this.max);
  }
  text() {
    return this.lines.join("\n");
  }
  includes(needle: string | RegExp) {
    return this.lines.some((line) => (typeof needle === "string" ? line.includes(needle) : needle.test(line)));
  }
}

function postgresOwner(): { uid: number; gid: number } | Record<string, never> {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) return {};
  const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
  const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
  return { uid, gid };
}

// ---- PostgreSQL ------------------------------------------------------------------------------------------------

export interface ManagedPostgres {
  url: string;
  port: number;
  /** The postmaster's pid while it runs. */
  pid(): number | null;
  start(): Promise<void>;
  /** kill -9 the postmaster and every backend at once: a crash, so the next start runs crash recovery. */
  crash(): Promise<void>;
  /** Fast shutdown (SIGINT), then SIGKILL if it lingers. */
  stop(): Promise<void>;
  log(): string;
}

/**
 * A fresh PostgreSQL cluster in .data/reliability-<name>, initialised by the repo's embedded-postgres helper and then
 * run by this harness directly, so the test holds the postmaster's pid and can crash it.
 */
export async function createPostgres(name: string, preferredPort: number): Promise<ManagedPostgres> {
  const dataDir = path.join(root, `.data/reliability-${name}`);
  const init = await startEmbeddedDatabase({ dataDir, port: preferredPort, fresh: true, log: () => {} });
  await init.stop();
  const { url, port } = init;
  const binaries = (await import(`@embedded-postgres/${os.platform()}-${os.arch()}`)) as { postgres: string };
  const tail = new Tail();
  let child: ChildProcess | null = null;

  const start = async () => {
    if (running(child)) return;
    const proc = spawn(
      binaries.postgres,
      ["-D", dataDir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
      { ...postgresOwner(), detached: true, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, LC_MESSAGES: "C" } },
    );
    child = proc;
    liveGroups.add(proc.pid!);
    proc.stdout!.on("data", (c: Buffer) => tail.push(c));
    proc.stderr!.on("data", (c: Buffer) => tail.push(c));
    proc.once("exit", () => liveGroups.delete(proc.pid!));
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      if (!running(proc)) throw new Error(`PostgreSQL exited (${proc.exitCode ?? proc.signalCode}):\n${tail.text()}`);
      const client = new Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
      client.on("error", () => {});
      try {
        await client.connect();
        await client.query("SELECT 1");
        await client.end();
        return;
      } catch {
        await client.end().catch(() => {});
        await sleep(250);
      }
    }
    throw new Error(`PostgreSQL did not accept connections within 120 s:\n${tail.text()}`);
  };

  const crash = async () => {
    const proc = child;
    if (!proc?.pid || !running(proc)) return;
    const pids = descendantsOf(proc.pid);
    for (const pid of pids) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // gone
      }
    }
    if (!(await waitGone(pids, 15_000))) throw new Error(`PostgreSQL processes survived SIGKILL: ${pids.join(" ")}`);
    await waitExit(proc, 5_000);
  };

  const stop = async () => {
    const proc = child;
    if (!proc?.pid || !running(proc)) return;
    const pids = descendantsOf(proc.pid);
    proc.kill("SIGINT");
    if (!(await waitGone(pids, 20_000))) await crash();
    await waitExit(proc, 5_000);
  };

  return { url, port, pid: () => (running(child) ? (child?.pid ?? null) : null), start, crash, stop, log: () => tail.text() };
}

// ---- the app ---------------------------------------------------------------------------------------------------

export interface ManagedApp {
  baseUrl: string;
  port: number;
  /** Starts (or restarts) the launcher; `env` overrides the first start's environment (e.g. SEED_DEMO=false). */
  start(env?: Record<string, string>): Promise<void>;
  /** SIGKILL the whole process group (launcher and Next server) at once. */
  kill(): Promise<void>;
  /** SIGTERM the group, SIGKILL what lingers. */
  stop(): Promise<void>;
  /** The pid of the process serving HTTP (for memory samples). */
  serverPid(): number;
  log(): string;
}

const tsxBin = path.join(root, "node_modules/.bin/tsx");

export async function createApp(
  name: string,
  databaseUrl: string,
  preferredPort: number,
  env: Record<string, string> = {},
): Promise<ManagedApp> {
  const port = await freePort(preferredPort);
  const baseUrl = `http://127.0.0.1:${port}`;
  const tail = new Tail(400);
  let child: ChildProcess | null = null;
  const authSecret = randomBytes(32).toString("base64url");

  const start = async (overrides: Record<string, string> = {}) => {
    if (running(child)) return;
    const proc = spawn(tsxBin, ["scripts/serve.ts", "start", "--reuse-build", "--port", String(port)], {
      cwd: root,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, DATABASE_URL: databaseUrl, AUTH_SECRET: authSecret, SEED_DEMO: "true", ...env, ...overrides },
    });
    child = proc;
    liveGroups.add(proc.pid!);
    proc.stdout!.on("data", (c: Buffer) => tail.push(c));
    proc.stderr!.on("data", (c: Buffer) => tail.push(c));
    const distDir = process.env.NEXT_DIST_DIR || ".next";
    if (!fs.existsSync(path.join(root, distDir, "BUILD_ID"))) {
      throw new Error(`No production build in ${distDir}: run \`next build\` first (npm test does).`);
    }
    const deadline = Date.now() + 240_000;
    while (Date.now() < deadline) {
      if (!running(proc)) throw new Error(`The app (${name}) exited (${proc.exitCode ?? proc.signalCode}):\n${tail.text()}`);
      try {
        const response = await fetch(`${baseUrl}/api/v1/health`, { signal: AbortSignal.timeout(5_000) });
        if (response.status === 200) return;
      } catch {
        // not listening yet
      }
      await sleep(500);
    }
    throw new Error(`The app (${name}) did not become healthy within 240 s:\n${tail.text()}`);
  };

  const kill = async () => {
    const pgid = child?.pid;
    if (!pgid) return;
    const members = groupMembers(pgid);
    try {
      process.kill(-pgid, "SIGKILL");
    } catch {
      // gone
    }
    await waitGone(members, 15_000);
    await waitExit(child, 5_000);
    liveGroups.delete(pgid);
  };

  const stop = async () => {
    const pgid = child?.pid;
    if (!pgid) return;
    const members = groupMembers(pgid);
    try {
      process.kill(-pgid, "SIGTERM");
    } catch {
      // gone
    }
    if (!(await waitGone(members, 10_000))) await kill();
    await waitExit(child, 5_000);
    liveGroups.delete(pgid);
  };

  const serverPid = () => {
    const pgid = child?.pid;
    const pid = pgid ? listenerOf(port, groupMembers(pgid)) : null;
    if (!pid) throw new Error(`No process of the app listens on port ${port}`);
    return pid;
  };

  return { baseUrl, port, start, kill, stop, serverPid, log: () => tail.text() };
}

/** Every process group this run started, stopped (afterAll). */
export async function stopAll(...things: ({ stop(): Promise<void> } | undefined)[]) {
  for (const thing of things) await thing?.stop().catch(() => {});
  for (const pgid of [...liveGroups]) {
    try {
      process.kill(-pgid, "SIGKILL");
    } catch {
      // gone
    }
    liveGroups.delete(pgid);
  }
}

// ---- API tokens and calls --------------------------------------------------------------------------------------

/** A personal API token for a demo user, written straight into the database (as the use case would store it). */
export async function createToken(databaseUrl: string, email: string): Promise<string> {
  const secret = `cwt_${randomBytes(32).toString("base64url")}`;
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const user = await client.query<{ id: string }>("SELECT id FROM users WHERE email = $1", [email]);
    if (!user.rows[0]) throw new Error(`No user ${email}: was the demo data seeded?`);
    await client.query(
      `INSERT INTO api_tokens (id, user_id, name, token_hash, prefix, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, now(), now() + interval '2 days')`,
      [randomUUID(), user.rows[0].id, `reliability ${Date.now()}`, createHash("sha256").update(secret).digest("hex"), secret.slice(0, 10)],
    );
  } finally {
    await client.end();
  }
  return secret;
}

export interface Answer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** An API call; a connection refused or reset rejects (the caller decides whether to retry). */
export async function call<T = unknown>(
  baseUrl: string,
  token: string,
  method: string,
  pathname: string,
  { body, headers = {}, timeoutMs = 30_000 }: { body?: unknown; headers?: Record<string, string>; timeoutMs?: number } = {},
): Promise<Answer<T>> {
  const response = await fetch(`${baseUrl}${pathname}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
      ...headers,
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON (an HTML error page)
  }
  return { status: response.status, headers: response.headers, body: parsed as T };
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
