// P8: from a fresh clone whose dependencies are installed to the first page served. The clone (of the working tree's
// HEAD: uncommitted changes are not in it) gets the working tree's node_modules as hard links (what `npm install` would
// have put there) and the postinstall step (Prisma's client), both before the clock starts. Then a launch command is
// timed from the moment it starts, as a new developer runs it: `npm run dev` (embedded PostgreSQL, migrations, demo
// seed, `next dev`) is the figure; `npm start` (the same, but `next build` then `next start`) is reported beside it.
// The clock stops when GET /signin answers 200 with the sign-in form; then a demo user signs in and the page they land
// on (/) is timed too.
import { execFileSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { freePort } from "../../scripts/lib/embedded-db";
import { onCleanup } from "./cleanup";
import { spawnLogged } from "./processes";
import { signIn } from "./session";

export type LaunchMode = "dev" | "start";

export interface FirstPageRun {
  /** The command timed, as a developer types it. */
  command: string;
  commit: string;
  /** Seconds from the command's start until GET /signin answered 200 with the sign-in form. */
  seconds: number;
  /** Seconds from the command's start until a demo user, signed in, got the page they land on. */
  landedSeconds: number;
  landedPath: string;
  /** Seconds from the start to each step the launcher, PostgreSQL's migrations and Next announce. */
  phases: Record<string, number>;
  /** What Next said about the first request (compile and render time). */
  firstRequest: string | null;
  /** The launcher's output with seconds from the start, kept after the clone is removed. */
  logFile: string;
}

const COMMANDS: Record<LaunchMode, string[]> = { dev: ["run", "dev"], start: ["start"] };

/** Lines of scripts/serve.ts, Prisma's migrate and Next that mark the steps of either command. */
const markers = (mode: LaunchMode): [string, RegExp][] => [
  ["launcher running", /\[caseway\] No DATABASE_URL: starting the embedded PostgreSQL/],
  ["PostgreSQL up", /\[caseway\] PostgreSQL is up/],
  ["migrations applied", /All migrations have been successfully applied|No pending migrations/],
  ["demo data loaded", /\[caseway\] Demo users are ready/],
  ["build started", /\[caseway\] Building for production/],
  [mode === "dev" ? "next dev launched" : "build done, next start launched", /\[caseway\] Serving on http/],
  ["next ready", /Ready in|✓ Ready/],
];

/** Real pages, not an error overlay or a redirect: the sign-in form, and the signed-in home page. */
const SIGNIN_PAGE = /<h1[^>]*>Sign in<\/h1>[\s\S]*name="password"/;
const LANDING_PATH = "/";
const LANDING_PAGE = /data-testid="home-/;

/** The processes still in process group `pgid` (the fifth field of /proc/<pid>/stat). */
function groupMembers(pgid: number): number[] {
  const found: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      // The command name may hold spaces and parentheses: the fields after the last ")" are fixed.
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]) === pgid) found.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}

/** The embedded PostgreSQL's postmaster for `dataDir`, if it still runs (checked by its command line, not just its pid). */
function livePostmaster(dataDir: string): number | null {
  try {
    const pid = Number(fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    if (!Number.isInteger(pid) || pid <= 0) return null;
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(dataDir) ? pid : null;
  } catch {
    return null;
  }
}

const signal = (pid: number, name: NodeJS.Signals) => {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
};

async function until(done: () => boolean, ms: number) {
  const deadline = Date.now() + ms;
  while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  return done();
}

/**
 * Stops the launcher as Ctrl-C in its terminal does (SIGINT to its whole process group: serve.ts stops next, then
 * PostgreSQL, which also gets the signal), then makes sure neither the group nor the postmaster is left.
 */
async function stopLauncher(child: ChildProcess, stopChild: () => Promise<void>, dataDir: string): Promise<string> {
  const pgid = child.pid;
  const started = performance.now();
  let how = "stopped by SIGINT";
  if (pgid) {
    signal(-pgid, "SIGINT");
    if (!(await until(() => groupMembers(pgid).length === 0 && livePostmaster(dataDir) === null, 20_000))) how = "still running 20 s after SIGINT";
  }
  await stopChild(); // SIGTERM, then SIGKILL, if npm itself is still there
  if (pgid && groupMembers(pgid).length > 0) {
    how += `; SIGKILL to ${groupMembers(pgid).length} process(es) left in the group`;
    signal(-pgid, "SIGKILL");
    await until(() => groupMembers(pgid).length === 0, 5000);
  }
  const postmaster = livePostmaster(dataDir);
  if (postmaster) {
    how += `; SIGKILL to the postmaster ${postmaster}`;
    signal(postmaster, "SIGKILL");
  }
  return `${how} (${((performance.now() - started) / 1000).toFixed(1)} s)`;
}

/** Polls `url` until it answers 200 with a body matching `page`; each request may take as long as a first compile. */
async function waitForPage(url: string, page: RegExp, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the command exited (${child.exitCode ?? child.signalCode}) before ${url} answered`);
    try {
      const response = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(120_000) });
      const body = await response.text();
      if (response.status === 200 && page.test(body)) return;
      last = response.status === 200 ? "HTTP 200 without the expected page" : `HTTP ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer 200 with the page within ${timeoutMs / 1000} s (last: ${last})`);
}

export async function freshCloneToFirstPage(options: {
  root: string;
  tmpDir: string;
  mode: LaunchMode;
  /** A demo user, to time the page a person lands on after signing in. */
  user: { email: string; password: string };
  /** Where the launcher's timestamped output is kept (bench/results/). */
  resultsDir: string;
  log: (line: string) => void;
}): Promise<FirstPageRun> {
  const { root, tmpDir, mode, user, log } = options;
  const command = `npm ${COMMANDS[mode].join(" ")}`;
  const work = fs.mkdtempSync(path.join(tmpDir, "clone-"));
  fs.chmodSync(work, 0o755); // the postgres user must reach the data directory inside
  const removeWork = onCleanup(
    "fresh clone",
    async () => fs.rmSync(work, { recursive: true, force: true }),
    () => fs.rmSync(work, { recursive: true, force: true }),
  );
  try {
    const clone = path.join(work, "caseway");
    execFileSync("git", ["clone", "--quiet", root, clone], { stdio: "pipe" });
    const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: clone, encoding: "utf8" }).trim();
    log(`  P8 (${command}): cloned ${commit}; linking node_modules and generating the Prisma client (not timed)`);
    execFileSync("cp", ["-al", path.join(root, "node_modules"), path.join(clone, "node_modules")]);
    execFileSync(process.execPath, ["scripts/prisma.mjs", "generate"], { cwd: clone, stdio: "pipe" });

    // Its own ports, so it never meets a server already on 3000 or a PostgreSQL on 54329.
    const port = await freePort();
    let dbPort = await freePort();
    while (dbPort === port) dbPort = await freePort();
    // As on a new developer's machine: no configured database, secret or port, so the launcher brings its own; and an
    // empty temporary directory, so tsx transpiles as on a first run instead of reusing the working tree's cache.
    const tmp = path.join(work, "tmp");
    fs.mkdirSync(tmp, { mode: 0o755 });
    const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: tmp };
    for (const name of ["DATABASE_URL", "AUTH_SECRET", "CASEWAY_BENCH", "CASEWAY_BENCH_UNCHAINED_AUDIT", "CASEWAY_JOBS", "EMBEDDED_PG_PORT", "PORT", "NEXT_DIST_DIR", "NODE_ENV", "SEED_DEMO"]) {
      delete env[name];
    }
    const dataDir = path.join(clone, ".data/postgres"); // the launcher's default
    const rawLog = path.join(work, "launcher.log");
    const keptLog = path.join(options.resultsDir, `p8-${mode}.log`);
    const timeline: string[] = [];
    const phases: Record<string, number> = {};
    let firstRequest: string | null = null;
    const patterns = markers(mode);
    const started = performance.now();
    const at = () => (performance.now() - started) / 1000;
    const onLine = (line: string) => {
      const t = at();
      timeline.push(`${t.toFixed(2).padStart(7)} ${line}`);
      for (const [name, pattern] of patterns) if (!(name in phases) && pattern.test(line)) phases[name] = t;
      // Next's own account of the first request: e.g. "GET /signin 200 in 3.8s (next.js: 3.4s, application-code: 275ms)".
      firstRequest ??= /GET \/signin 200 in .*/.exec(line)?.[0] ?? null;
    };
    const { child, stop } = spawnLogged(`${command} (fresh clone)`, "npm", [...COMMANDS[mode], "--", "--port", String(port), "--db-port", String(dbPort)], {
      cwd: clone,
      env,
      logFile: rawLog,
      onLine,
    });
    // Registered after spawnLogged's own step, so it runs first: a clean stop before the group is killed.
    const stopAll = onCleanup(
      `${command} and its PostgreSQL`,
      async () => log(`  P8 (${command}): ${await stopLauncher(child, stop, dataDir)}`),
      () => {
        if (child.pid) signal(-child.pid, "SIGKILL");
        const postmaster = livePostmaster(dataDir);
        if (postmaster) signal(postmaster, "SIGKILL");
      },
    );
    try {
      const base = `http://127.0.0.1:${port}`;
      await waitForPage(`${base}/signin`, SIGNIN_PAGE, child, 600_000);
      const seconds = at();
      const cookie = await signIn(base, user.email, user.password, LANDING_PATH);
      const landedSeconds = at();
      // signIn checked for a 200; this checks that it was the page itself (now compiled, so quick).
      const landing = await fetch(`${base}${LANDING_PATH}`, { headers: { cookie }, redirect: "manual", signal: AbortSignal.timeout(60_000) });
      if (landing.status !== 200 || !LANDING_PAGE.test(await landing.text())) throw new Error(`${LANDING_PATH} after sign-in answered ${landing.status} without the home page`);
      return { command, commit, seconds, landedSeconds, landedPath: LANDING_PATH, phases, firstRequest, logFile: keptLog };
    } catch (error) {
      const tail = timeline.slice(-30).join("\n");
      throw new Error(`${command}: ${error instanceof Error ? error.message : error}\n${tail}`);
    } finally {
      await stopAll();
      fs.mkdirSync(options.resultsDir, { recursive: true });
      fs.writeFileSync(keptLog, timeline.join("\n") + "\n");
    }
  } finally {
    await removeWork();
  }
}
