import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Applies the checked-in migrations (never `db push`), exactly as production does. */
export function runMigrations(databaseUrl: string, quiet = false) {
  execFileSync(process.execPath, [path.join(root, "scripts/prisma.mjs"), "migrate", "deploy"], {
    cwd: root,
    stdio: quiet ? "pipe" : "inherit",
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
}
