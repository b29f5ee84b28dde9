import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// Two suites: `unit` (pure domain code, no database) and `integration` (use cases against a real PostgreSQL that
// tests/setup/global-db.ts starts, or TEST_DATABASE_URL when set).
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${here("./src")}/` },
      // Use cases import "server-only" to keep them out of client bundles; under vitest it is a no-op.
      { find: /^server-only$/, replacement: here("./tests/setup/empty.ts") },
    ],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/setup/global-db.ts"],
          setupFiles: ["tests/setup/integration.ts"],
          // 2 cores and one PostgreSQL: run files one after another.
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
