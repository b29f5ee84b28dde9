// Fault injection against the production build on a real PostgreSQL (tests/reliability/harness.ts): the database
// crashes mid-burst, the app is SIGKILLed mid-burst, the connection pool is exhausted. After each, every transition
// was applied exactly once or not at all, retries converged, and every case's audit hash chain verifies. Meanwhile the
// API answers 503 with Retry-After, and in the browser a form and a page say in plain words that Caseway is unavailable.
import { chromium } from "@playwright/test";
import autocannon from "autocannon";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { call, createApp, createPostgres, createToken, median, rssMb, sleep, stopAll, type ManagedApp, type ManagedPostgres } from "./harness";
import { burst, chainLength, checkCase, readCase, suspendableCases, tally, transitionBody, transitionRequest, type WorkerReport } from "./workload";

let pg: ManagedPostgres;
let app: ManagedApp;
let token: string;
let caseIds: string[];

beforeAll(async () => {
  pg = await createPostgres("faults", 54460);
  await pg.start();
  app = await createApp("faults", pg.url, 54461);
  await app.start();
  token = await createToken(pg.url, "dsca@caseway.example");
  caseIds = await suspendableCases(app.baseUrl, token, 5);
});

afterAll(async () => {
  await stopAll(app, pg);
});

async function chainsBefore(): Promise<Map<string, number>> {
  return new Map(await Promise.all(caseIds.map(async (id) => [id, await chainLength(app.baseUrl, token, id)] as const)));
}

/** The guarantees after any fault: each case moved once per confirmed transition, no more, and its chain verifies. */
async function expectConverged(reports: WorkerReport[], before: Map<string, number>) {
  for (const report of reports) {
    expect(report.unexpected, `case ${report.caseId}`).toEqual([]);
    const check = await checkCase(app.baseUrl, token, report, before.get(report.caseId)!);
    expect(check, `case ${report.caseId}`).toMatchObject({
      versionDelta: check.confirmed,
      burstEvents: check.confirmed,
      finalStatus: check.expectedStatus,
      chainVerified: true,
    });
  }
  // Each Idempotency-Key was stored once, with the answer, in the transition's own transaction: never a key without
  // its transition or a transition without its key.
  const keys = reports.flatMap((r) => r.confirmed.map((c) => c.key)).filter(Boolean);
  const client = new Client({ connectionString: pg.url });
  await client.connect();
  try {
    const stored = await client.query<{ status_code: number }>("SELECT status_code FROM idempotency_keys WHERE key = ANY($1)", [keys]);
    expect(stored.rows.length).toBe(keys.length);
    expect(stored.rows.every((r) => r.status_code === 200)).toBe(true);
  } finally {
    await client.end();
  }
}

/** Sends the last confirmed transition of a case again, with its key: the stored answer comes back, nothing moves. */
async function expectReplayConverges(report: WorkerReport) {
  const last = report.confirmed.filter((c) => c.key).at(-1)!;
  const before = await readCase(app.baseUrl, token, report.caseId);
  const again = await call<{ version: number }>(app.baseUrl, token, "POST", `/api/v1/cases/${report.caseId}/actions/${last.action}`, {
    body: transitionBody(last.expectedVersion),
    headers: { "idempotency-key": last.key },
  });
  expect(again.status).toBe(200);
  expect(again.headers.get("idempotent-replayed")).toBe("true");
  expect(again.body.version).toBe(last.version);
  expect((await readCase(app.baseUrl, token, report.caseId)).version).toBe(before.version);
}

function summarize(fault: string, reports: WorkerReport[], outage: Record<string, number>, outageMs: number) {
  const confirmed = reports.reduce((n, r) => n + r.confirmed.length, 0);
  const replayed = reports.reduce((n, r) => n + r.confirmed.filter((c) => c.replayed).length, 0);
  console.log(
    `[reliability] ${fault}: ${confirmed} transitions on ${reports.length} cases (${replayed} confirmed by a replay or the version), ` +
      `outage ${(outageMs / 1000).toFixed(1)} s answered ${JSON.stringify(outage)}; all attempts ${JSON.stringify(tally(reports))}`,
  );
}

describe("faults during a burst of workflow transitions", () => {
  test("PostgreSQL killed (kill -9) mid-burst and restarted: 503 with Retry-After meanwhile, then every transition applied exactly once and every chain verifies", async () => {
    const before = await chainsBefore();
    let stopped = false;
    const keyless = caseIds.at(-1)!;
    const running = burst(app.baseUrl, token, caseIds, () => stopped, { withoutKey: [keyless] });

    await sleep(3_000);
    const crashedAt = Date.now();
    await pg.crash();
    await sleep(1_500);
    const healthDown = await fetch(`${app.baseUrl}/api/v1/health`);
    expect(healthDown.status).toBe(503);
    await sleep(1_500);
    await pg.start(); // crash recovery runs first: "the database system is starting up" until it is done
    const upAt = Date.now();
    await sleep(6_000);
    stopped = true;
    const reports = await running;

    // While the database was gone, the app kept answering, and every refusal was a 503 that says when to retry.
    const outage = tally(reports, crashedAt + 200, upAt);
    summarize("PostgreSQL crash", reports, outage, upAt - crashedAt);
    const outageAnswers = Object.entries(outage).filter(([label]) => label !== "200");
    expect(outageAnswers.length, JSON.stringify(outage)).toBeGreaterThan(0);
    for (const [label] of outageAnswers) expect(label, JSON.stringify(outage)).toBe("503 UNAVAILABLE");
    const refusals = reports.flatMap((r) => r.attempts).filter((a) => a.status === 503);
    expect(refusals.every((a) => a.retryAfter === "5")).toBe(true);
    expect(Object.keys(tally(reports)).filter((label) => label.startsWith("5") && label !== "503 UNAVAILABLE")).toEqual([]);

    // Work went on before the crash and after the restart, on every case.
    for (const report of reports) {
      expect(report.confirmed.length, `case ${report.caseId}`).toBeGreaterThanOrEqual(2);
      expect(report.attempts.some((a) => a.at > upAt && a.status === 200), `case ${report.caseId}`).toBe(true);
    }
    await expectConverged(reports, before);
    await expectReplayConverges(reports[0]!);
    expect((await fetch(`${app.baseUrl}/api/v1/health`)).status).toBe(200);
  });

  test("the app SIGKILLed mid-burst and restarted: retried requests converge, every transition applied exactly once, every chain verifies", async () => {
    const before = await chainsBefore();
    let stopped = false;
    const keyless = caseIds.at(-1)!;
    const running = burst(app.baseUrl, token, caseIds, () => stopped, { withoutKey: [keyless] });

    await sleep(3_000);
    const killedAt = Date.now();
    await app.kill();
    // A restart as in production: the launcher migrates (nothing to do) and serves the same build; no demo seeding.
    await app.start({ SEED_DEMO: "false" });
    const upAt = Date.now();
    await sleep(5_000);
    stopped = true;
    const reports = await running;

    const outage = tally(reports, killedAt, upAt);
    summarize("app SIGKILL", reports, outage, upAt - killedAt);
    expect(outage["no-answer"] ?? 0, JSON.stringify(outage)).toBeGreaterThan(0);
    expect(Object.keys(tally(reports)).filter((label) => label.startsWith("5") && label !== "503 UNAVAILABLE")).toEqual([]);
    for (const report of reports) {
      expect(report.attempts.some((a) => a.at > upAt && a.status === 200), `case ${report.caseId}`).toBe(true);
    }
    await expectConverged(reports, before);
    await expectReplayConverges(reports[1]!);
  });

  test("connection-pool exhaustion answers 503 with Retry-After within the pool timeout, memory stays bounded, and the app recovers", async () => {
    const target = caseIds[0]!;
    const other = caseIds[1]!;
    const state = await readCase(app.baseUrl, token, target);
    const server = app.serverPid();
    const baseline = median([rssMb(server), (await sleep(300), rssMb(server)), (await sleep(300), rssMb(server))]);

    // Hold the case's row lock from outside: each transition on it takes a pool connection and waits on the lock.
    const locker = new Client({ connectionString: pg.url });
    locker.on("error", () => {}); // a later test crashes PostgreSQL; a failed assertion here must not leave it loud
    await locker.connect();
    try {
      await locker.query("BEGIN");
      await locker.query("SELECT id FROM cases WHERE id = $1 FOR UPDATE", [target]);
      const { action, body } = transitionRequest(state);
      const holders = Array.from({ length: 12 }, (_, i) =>
        call(app.baseUrl, token, "POST", `/api/v1/cases/${target}/actions/${action}`, {
          body,
          headers: { "idempotency-key": `pool-exhaustion-${Date.now()}-${i}` },
          timeoutMs: 90_000,
        }).catch((error: unknown) => ({ status: 0, headers: new Headers(), body: String(error) })),
      );
      await sleep(2_000);

      // Every other request now waits for a connection, at most DATABASE_POOL_TIMEOUT_MS (5 s), then gets 503.
      const started = Date.now();
      const one = await call<{ error: { code: string; message: string } }>(app.baseUrl, token, "GET", `/api/v1/cases/${other}`);
      const waited = Date.now() - started;
      expect(one.status).toBe(503);
      expect(one.body.error.code).toBe("UNAVAILABLE");
      expect(one.body.error.message).toBe("Caseway is busy or its database is unreachable. Try again shortly.");
      expect(one.headers.get("retry-after")).toBe("5");
      expect(waited).toBeGreaterThan(1_500);
      expect(waited).toBeLessThan(10_000);

      // A flood meanwhile: 100 connections for 15 s. Each request is answered (503) within the bound, and the waiting
      // requests do not pile up in memory.
      const samples: number[] = [];
      const sampler = setInterval(() => samples.push(rssMb(server)), 500);
      const flood = await autocannon({
        url: `${app.baseUrl}/api/v1/cases/${other}`,
        headers: { authorization: `Bearer ${token}` },
        connections: 100,
        duration: 15,
        timeout: 15,
      });
      clearInterval(sampler);
      const peak = Math.max(...samples);
      console.log(
        `[reliability] pool exhausted: one request waited ${waited} ms for its 503; flood ${JSON.stringify(flood.statusCodeStats)} in 15 s, ` +
          `latency p50 ${flood.latency.p50} ms max ${flood.latency.max} ms; server RSS ${baseline.toFixed(0)} MB → peak ${peak.toFixed(0)} MB`,
      );
      const statuses = Object.fromEntries(Object.entries(flood.statusCodeStats ?? {}).map(([code, s]) => [code, s.count]));
      expect(flood.errors, JSON.stringify(statuses)).toBe(0);
      expect(flood.timeouts).toBe(0);
      expect(Object.keys(statuses)).toEqual(["503"]);
      expect(statuses["503"]).toBeGreaterThan(100);
      expect(flood.latency.max).toBeLessThan(10_000);
      expect(peak - baseline, `RSS ${baseline.toFixed(0)} MB → peak ${peak.toFixed(0)} MB`).toBeLessThan(150);

      // Release the lock: the held transitions finish (one may win, the rest conflict or time out) and nothing is left
      // half-done; new work goes through again.
      await locker.query("COMMIT");
      const held = await Promise.all(holders);
      for (const answer of held) expect([200, 409, 503], JSON.stringify(answer.body)).toContain(answer.status);
      expect(held.filter((a) => a.status === 200).length).toBeLessThanOrEqual(1);

      const now = await readCase(app.baseUrl, token, target);
      const after = await call<{ version: number }>(app.baseUrl, token, "POST", `/api/v1/cases/${target}/actions/${transitionRequest(now).action}`, {
        body: transitionRequest(now).body,
      });
      expect(after.status).toBe(200);
      expect(after.body.version).toBe(now.version + 1);
      const audit = await call<{ verification: { verified: boolean } }>(app.baseUrl, token, "GET", `/api/v1/cases/${target}/audit`);
      expect(audit.body.verification.verified).toBe(true);
      expect((await fetch(`${app.baseUrl}/api/v1/health`)).status).toBe(200);
    } finally {
      await locker.end().catch(() => {});
    }
  });

  test("with the database down, a form says Caseway is busy and a page says it is temporarily unavailable; both work again after the restart", async () => {
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
    });
    try {
      const page = await browser.newPage({ baseURL: app.baseUrl });
      await page.goto("/signin");
      await page.getByLabel("Email address").fill("dsca@caseway.example");
      await page.getByLabel("Password").fill("Caseway-demo-2026");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL(`${app.baseUrl}/`);
      await page.goto("/profile");

      await pg.crash();
      // A server action (create an API token): the busy message, not "Something went wrong".
      await page.getByLabel("Token name").fill("during the outage");
      await page.getByLabel("Expires after (days)").fill("30");
      await page.getByRole("button", { name: "Create token" }).click();
      await page.getByText("Caseway is busy or its database is unreachable. Try again shortly.").waitFor({ timeout: 20_000 });
      // A page: the error page asks the health check and says the service is temporarily unavailable.
      await page.goto("/cases");
      await page.getByTestId("error-heading").filter({ hasText: "Caseway is temporarily unavailable" }).waitFor({ timeout: 20_000 });

      await pg.start();
      await page.goto("/cases");
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Cases");
    } finally {
      await browser.close();
    }
  });
});
