import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// Suites: `unit` (pure domain code, no database), `integration` (use cases against a real PostgreSQL that
// tests/setup/global-db.ts starts, or TEST_DATABASE_URL when set), `reliability` (fault injection against the production
// build) and `reliability-soak` (the long soak, run on its own).
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
      {
        extends: true,
        test: {
          // Fault injection against the production build (run `next build` first; NEXT_DIST_DIR picks another build):
          // each file starts its own PostgreSQL and app (tests/reliability/harness.ts), so files run one at a time.
          name: "reliability",
          include: ["tests/reliability/**/*.test.ts"],
          environment: "node",
          fileParallelism: false,
          testTimeout: 240_000,
          hookTimeout: 360_000,
        },
      },
      {
        extends: true,
        test: {
          // The soak (`npm run test:soak`, SOAK_MINUTES, default 10): not part of `npm test`.
          name: "reliability-soak",
          include: ["tests/reliability/**/*.soak.ts"],
          environment: "node",
          fileParallelism: false,
          testTimeout: 6 * 60 * 60_000,
          hookTimeout: 360_000,
        },
      },
    ],
  },
});
