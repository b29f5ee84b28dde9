import { startEmbeddedDatabase } from "../lib/embedded-db.ts";
import { execFileSync } from "node:child_process";
const db = await startEmbeddedDatabase({ dataDir: "/tmp/mkmig-pg", fresh: true, log: () => {} });
try {
  execFileSync(process.execPath, ["scripts/prisma.mjs", "migrate", "dev", "--create-only", "--name", process.argv[2] ?? "init"], { stdio: "inherit", env: { ...process.env, DATABASE_URL: db.url } });
} finally { await db.stop(); }
