// Serves Caseway. With no DATABASE_URL it starts the embedded PostgreSQL under .data/, applies the migrations and
// seeds reference and demo data; with DATABASE_URL it uses that server and starts none.
//   tsx scripts/serve.ts dev|start [--port 3000] [--data-dir .data/postgres] [--fresh] [--reuse-build]
// `start` builds first, so a checkout never serves a stale build; --reuse-build skips that when a build exists
// (the test command has just built).
// With no SMTP_URL (development, or the embedded database) it also starts a local mail catcher (MailDev) and sends the
// app's e-mail there: SMTP on MAIL_SMTP_PORT (1025), the inbox in a browser on MAIL_WEB_PORT (1080).
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { seedDemo, seedReference } from "../prisma/seed";
import { createPrismaClient } from "../src/server/prisma-client";
import { rebuildCaseInboxes } from "../src/server/cases/case-inbox";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "./lib/embedded-db";
import { startMailCatcher, type MailCatcher } from "./lib/mail-catcher";
import { runMigrations } from "./lib/migrate";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: "string", default: process.env.PORT ?? "3000" },
    "data-dir": { type: "string", default: path.join(root, ".data/postgres") },
    "db-port": { type: "string", default: process.env.EMBEDDED_PG_PORT ?? "54329" },
    fresh: { type: "boolean", default: false },
    "reuse-build": { type: "boolean", default: false },
  },
});
const mode = positionals[0] === "start" ? "start" : "dev";
const log = (message: string) => console.log(`[caseway] ${message}`);

let embedded: EmbeddedDatabase | undefined;
let databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  log("No DATABASE_URL: starting the embedded PostgreSQL in " + path.relative(root, values["data-dir"]));
  embedded = await startEmbeddedDatabase({
    dataDir: values["data-dir"],
    port: Number(values["db-port"]),
    fresh: values.fresh,
    log: (line) => {
      if (/FATAL|PANIC|ERROR/.test(line)) console.error(`[postgres] ${line}`);
    },
  });
  databaseUrl = embedded.url;
  log(`PostgreSQL is up on port ${embedded.port}`);
}

let mailCatcher: MailCatcher | undefined;
let smtpUrl = process.env.SMTP_URL || undefined;
if (!smtpUrl && (embedded || mode === "dev")) {
  const smtpPort = Number(process.env.MAIL_SMTP_PORT || 1025);
  const webPort = Number(process.env.MAIL_WEB_PORT || 1080);
  try {
    mailCatcher = await startMailCatcher({ smtpPort, webPort });
    smtpUrl = mailCatcher.smtpUrl;
    log(`Mail catcher: e-mail goes to ${mailCatcher.smtpUrl}; read it at ${mailCatcher.inboxUrl}`);
  } catch (error) {
    // A catcher already on the port (another checkout's) or no MailDev installed: e-mail waits queued until SMTP_URL is set.
    log(`No mail catcher (${error instanceof Error ? error.message : String(error)}); e-mail stays queued. Set SMTP_URL, or MAIL_SMTP_PORT / MAIL_WEB_PORT for free ports.`);
  }
} else if (!smtpUrl) {
  log("No SMTP_URL: e-mail stays queued until a relay is configured");
}

let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  await mailCatcher?.stop().catch(() => {});
  if (embedded) {
    log("Stopping the embedded PostgreSQL");
    await embedded.stop();
  }
  process.exit(code);
}

try {
  runMigrations(databaseUrl);
  const prisma = createPrismaClient(databaseUrl, 2);
  const added = await seedReference(prisma);
  if (added) log(`Loaded ${added} reference organizations`);
  if (embedded || process.env.SEED_DEMO === "true") {
    await seedDemo(prisma);
    log("Demo users are ready (see README: Demo sign-ins)");
  }
  const rebuilt = await rebuildCaseInboxes(prisma);
  if (rebuilt) log(`Rebuilt My tasks for ${rebuilt} cases`);
  await prisma.$disconnect();
} catch (error) {
  console.error(error);
  await shutdown(1);
}

let authSecret = process.env.AUTH_SECRET;
if (!authSecret) {
  if (!embedded && mode === "start") {
    console.error("AUTH_SECRET must be set when Caseway runs against a configured DATABASE_URL in production");
    await shutdown(1);
  }
  // A per-checkout secret so demo sessions survive restarts without anyone configuring one.
  const secretFile = path.join(root, ".data/auth-secret");
  if (!fs.existsSync(secretFile)) {
    fs.mkdirSync(path.dirname(secretFile), { recursive: true });
    fs.writeFileSync(secretFile, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  authSecret = fs.readFileSync(secretFile, "utf8").trim();
}

const nextBin = require.resolve("next/dist/bin/next");
const childEnv = {
  ...process.env,
  DATABASE_URL: databaseUrl,
  AUTH_SECRET: authSecret,
  ...(smtpUrl ? { SMTP_URL: smtpUrl } : {}),
  // Links in e-mails point here unless the deployment names its origin (APP_URL, AUTH_URL or NEXTAUTH_URL).
  ...(process.env.APP_URL || process.env.AUTH_URL || process.env.NEXTAUTH_URL ? {} : { APP_URL: `http://localhost:${values.port}` }),
};
const hasBuild = fs.existsSync(path.join(root, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"));
if (mode === "start" && !(values["reuse-build"] && hasBuild)) {
  log("Building for production (next build)");
  const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, stdio: "inherit", env: childEnv });
  if (build.status !== 0) await shutdown(build.status ?? 1);
}

log(`Serving on http://localhost:${values.port} (${mode === "dev" ? "development" : "production"} mode)`);
// Our server around Next (scripts/next-server.ts): the client address comes from the socket, requests are logged.
const serverArgs = ["--import", "tsx", path.join(root, "scripts/next-server.ts"), "--port", values.port, ...(mode === "dev" ? ["--dev"] : [])];
const next = spawn(process.execPath, serverArgs, {
  cwd: root,
  stdio: "inherit",
  env: { ...childEnv, NODE_ENV: mode === "dev" ? "development" : "production" },
});
next.on("exit", (code) => void shutdown(code ?? 0));
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (!next.killed && next.exitCode === null) next.kill(signal);
    else void shutdown(0);
  });
}
