import { defineConfig } from "@playwright/test";

// End-to-end tests: Debian's Chromium against a production build (`next build` first; `npm test` does it) served by
// scripts/serve.ts with its own throwaway embedded PostgreSQL (fresh data directory, migrated and seeded each run).
const PORT = 3100;
const baseURL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: "tests/e2e",
  // Two cores and one shared database: one worker, tests in a file run in order.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: "list",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
  },
  webServer: {
    command: "npx tsx scripts/serve.ts start --port 3100 --data-dir .data/e2e-postgres --db-port 54339 --fresh --reuse-build",
    url: `${baseURL}/api/v1/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      // Playwright passes its own environment through; an empty DATABASE_URL counts as unset for the launcher, so it
      // always starts the embedded PostgreSQL instead of touching a database someone configured in the shell.
      DATABASE_URL: "",
      LOGIN_MAX_FAILURES: "5",
      CLASSIFICATION_BANNER: "CUI",
      AUTH_SECRET: "e2e-secret-not-for-production-0123456789",
    },
  },
});
