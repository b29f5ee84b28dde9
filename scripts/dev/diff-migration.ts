import { startEmbeddedDatabase } from "../lib/embedded-db.ts";
import { execFileSync } from "node:child_process";
const db = await startEmbeddedDatabase({ dataDir: "/tmp/mkmig-pg", fresh: true, log: () => {} });
try {
  const env = { ...process.env, DATABASE_URL: db.url };
  execFileSync(process.execPath, ["scripts/prisma.mjs", "migrate", "deploy"], { stdio: "inherit", env });
  const sql = execFileSync(process.execPath, ["scripts/prisma.mjs", "migrate", "diff", "--from-config-datasource", "--to-schema", "prisma/schema.prisma", "--script"], { env }).toString();
  process.stdout.write(sql);
} finally { await db.stop(); }
