import { defineConfig } from "@playwright/test";

// End-to-end tests: Debian's Chromium against a production build (`next build` first; `npm test` does it) served by
// scripts/serve.ts with its own throwaway embedded PostgreSQL (fresh data directory, migrated and seeded each run).
// E2E_PORT and E2E_DB_PORT let a second run (another worktree, a helper) proceed beside this one without clashing.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const DB_PORT = Number(process.env.E2E_DB_PORT ?? 54339);
const RUN_SUFFIX = process.env.E2E_PORT ? `-${PORT}` : "";
const baseURL = `http://127.0.0.1:${PORT}`;
export const E2E_SERVER_LOG = `.data/e2e-server${RUN_SUFFIX}.log`;
// The mail catcher scripts/serve.ts starts beside the server (MailDev): ports derived from PORT, so runs side by side
// (and a developer's own catcher on 1025/1080) never clash. Tests read mail from `${E2E_MAIL_URL}/api/email`.
const MAIL_SMTP_PORT = PORT + 20_000;
const MAIL_WEB_PORT = PORT + 21_000;
export const E2E_MAIL_URL = `http://127.0.0.1:${MAIL_WEB_PORT}`;

export default defineConfig({
  testDir: "tests/e2e",
  globalTeardown: "./tests/e2e/global-teardown.ts",
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
    // The server's log goes to a file the teardown searches for secrets (tests/e2e/global-teardown.ts); all but its
    // per-request lines also reach the console, so a failing start is visible.
    command: `npx tsx scripts/serve.ts start --port ${PORT} --data-dir .data/e2e-postgres${RUN_SUFFIX} --db-port ${DB_PORT} --fresh --reuse-build 2>&1 | tee ${E2E_SERVER_LOG} | grep -av '"level":30' >&2`,
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
      // E-mail goes to the run's own mail catcher (never a relay someone configured), its links to this server.
      SMTP_URL: "",
      MAIL_SMTP_PORT: String(MAIL_SMTP_PORT),
      MAIL_WEB_PORT: String(MAIL_WEB_PORT),
      APP_URL: baseURL,
      // Webhook receivers in the tests listen on 127.0.0.1 over plain http; the server runs in production mode.
      WEBHOOK_ALLOW_HTTP_LOCAL: "1",
    },
  },
});
