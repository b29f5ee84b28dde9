// Integration-suite global setup: a throwaway PostgreSQL (or TEST_DATABASE_URL), migrated with the checked-in
// migrations, its URL handed to the test workers through vitest's provide/inject.
import fs from "node:fs";
import type { TestProject } from "vitest/node";
import { startEmbeddedDatabase, tempDataDir, type EmbeddedDatabase } from "../../scripts/lib/embedded-db";
import { runMigrations } from "../../scripts/lib/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
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
