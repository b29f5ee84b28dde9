// P8: from a fresh clone whose dependencies are installed to the first page served. The clone gets the working tree's
// node_modules as hard links (what `npm install` would have put there) and the postinstall step (Prisma's client), both
// before the clock starts; then `npm start` is timed — production build, embedded PostgreSQL, migrations, seed,
// `next start` — until GET /signin answers 200.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { freePort } from "../../scripts/lib/embedded-db";
import { onCleanup } from "./cleanup";
import { spawnLogged, waitForHttp } from "./processes";

export interface FreshCloneRun {
  seconds: number;
  commit: string;
  /** Seconds from the start to each step the launcher announces (build, database, serving). */
  phases: Record<string, number>;
}

/** Lines of scripts/serve.ts and Next that mark the steps of `npm start`. */
const MARKERS: [string, RegExp][] = [
  ["PostgreSQL up", /PostgreSQL is up/],
  ["data loaded", /Demo users are ready/],
  ["build started", /Building for production/],
  ["build done, next start", /Serving on http/],
  ["next ready", /Ready in|✓ Ready/],
];

export async function freshCloneToFirstPage(root: string, tmpDir: string, log: (line: string) => void): Promise<FreshCloneRun> {
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
    log(`  P8: cloned ${commit}; linking node_modules and generating the Prisma client (not timed)`);
    execFileSync("cp", ["-al", path.join(root, "node_modules"), path.join(clone, "node_modules")]);
    execFileSync(process.execPath, ["scripts/prisma.mjs", "generate"], { cwd: clone, stdio: "pipe" });

    const port = await freePort();
    // As on a developer's machine: no configured database or secret, so `npm start` brings its own.
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), CASEWAY_JOBS: "off" };
    for (const name of ["DATABASE_URL", "AUTH_SECRET", "CASEWAY_BENCH", "CASEWAY_BENCH_UNCHAINED_AUDIT"]) delete env[name];
    const logFile = path.join(work, "npm-start.log");
    const started = performance.now();
    const phases: Record<string, number> = {};
    const onLine = (line: string) => {
      for (const [name, pattern] of MARKERS) if (!(name in phases) && pattern.test(line)) phases[name] = (performance.now() - started) / 1000;
    };
    const { child, stop } = spawnLogged("npm start (fresh clone)", "npm", ["start", "--", "--port", String(port), "--data-dir", path.join(work, "postgres")], {
      cwd: clone,
      env,
      logFile,
      onLine,
    });
    try {
      await waitForHttp(`http://127.0.0.1:${port}/signin`, { status: 200, child, timeoutMs: 600_000 });
      const seconds = (performance.now() - started) / 1000;
      return { seconds, commit, phases };
    } catch (error) {
      const tail = fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8").split("\n").slice(-30).join("\n") : "";
      throw new Error(`${error instanceof Error ? error.message : error}\n${tail}`);
    } finally {
      await stop();
    }
  } finally {
    await removeWork();
  }
}
