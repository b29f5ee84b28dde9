// Child processes: production servers (scripts/next-server.ts) (each in its own process group, so one kill stops next and its workers),
// waiting for an HTTP answer, and the resident memory of a process tree read from /proc.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { onCleanup } from "./cleanup";

export interface Server {
  name: string;
  url: string;
  port: number;
  pid: number;
  logFile: string;
  /** Null while it runs; how it ended otherwise. */
  exited: () => string | null;
  stop: () => Promise<void>;
}

function killGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

/** Stops a detached child's whole process group: SIGTERM, then SIGKILL after `graceMs`. */
export async function stopChild(child: ChildProcess, graceMs = 8000): Promise<void> {
  if (!child.pid || exited(child)) return;
  const done = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  killGroup(child.pid, "SIGTERM");
  const timer = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), graceMs).unref());
  if ((await Promise.race([done, timer])) === "timeout") {
    killGroup(child.pid, "SIGKILL");
    await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
  }
  // Workers that outlived their parent still belong to the group.
  killGroup(child.pid, "SIGKILL");
}

/**
 * Spawns a detached command whose output goes to `logFile`, registered for cleanup. With `onLine`, its output is read
 * line by line as it comes (and still written to the file).
 */
export function spawnLogged(
  label: string,
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string; onLine?: (line: string) => void },
) {
  const onLine = options.onLine;
  let child: ChildProcess;
  if (onLine) {
    // Grandchildren (next, postgres) keep writing after the direct child exits: close the file when both pipes end.
    const file = fs.createWriteStream(options.logFile, { flags: "a" });
    file.on("error", () => {});
    child = spawn(command, args, { cwd: options.cwd, env: options.env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let open = 2;
    for (const stream of [child.stdout!, child.stderr!]) {
      let rest = "";
      stream.on("data", (chunk: Buffer) => {
        if (!file.writableEnded) file.write(chunk);
        const lines = (rest + chunk.toString("utf8")).split("\n");
        rest = lines.pop()!;
        lines.forEach(onLine);
      });
      stream.on("close", () => {
        if (--open === 0) file.end();
      });
    }
  } else {
    const out = fs.openSync(options.logFile, "a");
    child = spawn(command, args, { cwd: options.cwd, env: options.env, detached: true, stdio: ["ignore", out, out] });
    fs.closeSync(out);
  }
  const stop = onCleanup(
    label,
    () => stopChild(child),
    () => child.pid && killGroup(child.pid, "SIGKILL"),
  );
  return { child, stop };
}

/** Polls `url` until it answers `status` (any status when omitted) or the time is up. */
export async function waitForHttp(url: string, { timeoutMs = 60_000, status, child }: { timeoutMs?: number; status?: number; child?: ChildProcess } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  while (Date.now() < deadline) {
    if (child && exited(child)) throw new Error(`the process exited (code ${child.exitCode ?? child.signalCode}) before ${url} answered`);
    try {
      const response = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(5000) });
      await response.arrayBuffer();
      if (status === undefined || response.status === status) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer${status ? ` ${status}` : ""} within ${timeoutMs / 1000} s (last: ${last})`);
}

/**
 * Starts the production server as deployments run it (scripts/next-server.ts around Next, ADR 0024: client address
 * from the socket, one JSON log line per request) on `port`, and waits for the health route.
 */
export async function startNextServer(options: { name: string; root: string; port: number; env: NodeJS.ProcessEnv; logDir: string }): Promise<Server> {
  const server = path.join(options.root, "scripts/next-server.ts");
  const logFile = path.join(options.logDir, `${options.name}.log`);
  const args = ["--import", "tsx", server, "--port", String(options.port), "--hostname", "127.0.0.1"];
  const { child, stop } = spawnLogged(`next start (${options.name})`, process.execPath, args, {
    cwd: options.root,
    env: { ...options.env, PORT: String(options.port), NODE_ENV: "production" },
    logFile,
  });
  const url = `http://127.0.0.1:${options.port}`;
  try {
    await waitForHttp(`${url}/api/v1/health`, { status: 200, child, timeoutMs: 90_000 });
  } catch (error) {
    const tail = fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8").split("\n").slice(-30).join("\n") : "";
    await stop();
    throw new Error(`next start (${options.name}) did not come up: ${error instanceof Error ? error.message : error}\n${tail}`);
  }
  const ended = () => (exited(child) ? (child.signalCode ? `killed by ${child.signalCode}` : `exit code ${child.exitCode}`) : null);
  return { name: options.name, url, port: options.port, pid: child.pid!, logFile, exited: ended, stop };
}

function childrenOf(pid: number): number[] {
  const found: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      // The command name may hold spaces and parentheses: the fields after the last ")" are fixed.
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) found.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}

export function rssKiB(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/**
 * `next start` runs the HTTP server in a child process: the server is the descendant with the largest resident set.
 * Returns its RSS and that of the whole tree, in MiB.
 */
export function serverMemory(rootPid: number): { serverPid: number; serverMiB: number; treeMiB: number } {
  const tree: number[] = [];
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    tree.push(pid);
    queue.push(...childrenOf(pid));
  }
  const sizes = tree.map((pid) => ({ pid, kib: rssKiB(pid) }));
  const largest = sizes.reduce((a, b) => (b.kib > a.kib ? b : a), sizes[0]!);
  return { serverPid: largest.pid, serverMiB: largest.kib / 1024, treeMiB: sizes.reduce((sum, s) => sum + s.kib, 0) / 1024 };
}
