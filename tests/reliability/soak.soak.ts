// The soak: the production build under a steady load for SOAK_MINUTES (default 10) — no error, and flat memory.
//   npm run test:soak                    # after `next build`; SOAK_MINUTES=30 SOAK_RATE=40 npm run test:soak for more
//
// Load: autocannon at SOAK_RATE requests/s (default 20) over SOAK_CONNECTIONS connections (default 4), cycling through
// API reads (case list, a case, its timeline, the inbox, /me) and a server-rendered page, plus one workflow transition
// per second (suspend/resume with an Idempotency-Key) on a few cases. Every answer must be 2xx.
//
// Flat memory: the server's RSS is sampled every SOAK_SAMPLE_SECONDS (default 5) and the run cut into thirds; the first
// third is warm-up (JIT, caches, connection pool). The rule: the last third's median RSS is within 15% of the middle
// third's (a leak grows it steadily; a flat process stays put).
import autocannon from "autocannon";
import { afterAll, beforeAll, expect, test } from "vitest";
import { call, createApp, createPostgres, createToken, median, rssMb, sleep, stopAll, type ManagedApp, type ManagedPostgres } from "./harness";
import { readCase, suspendableCases, transitionRequest } from "./workload";

const minutes = Number(process.env.SOAK_MINUTES ?? 10);
const rate = Number(process.env.SOAK_RATE ?? 20);
const connections = Number(process.env.SOAK_CONNECTIONS ?? 4);
const sampleSeconds = Number(process.env.SOAK_SAMPLE_SECONDS ?? 5);
const FLAT_TOLERANCE = 0.15;

let pg: ManagedPostgres;
let app: ManagedApp;
let token: string;
let caseIds: string[];

beforeAll(async () => {
  pg = await createPostgres("soak", 54462);
  await pg.start();
  app = await createApp("soak", pg.url, 54463);
  await app.start();
  token = await createToken(pg.url, "dsca@caseway.example");
  caseIds = await suspendableCases(app.baseUrl, token, 3);
});

afterAll(async () => {
  await stopAll(app, pg);
});

test(`${minutes} minutes at ${rate} requests/s: every answer 2xx, every transition applied once, memory flat`, async () => {
  const durationSeconds = Math.round(minutes * 60);
  const server = app.serverPid();
  const auth = { authorization: `Bearer ${token}` };
  const [first, second] = caseIds;

  const samples: { at: number; rss: number }[] = [];
  const sampler = setInterval(() => samples.push({ at: Date.now(), rss: rssMb(server) }), sampleSeconds * 1000);

  // Writes beside the reads: one transition a second, round-robin over the cases, each with its own key.
  let stopWrites = false;
  const writeFailures: string[] = [];
  const written = new Map<string, number>(caseIds.map((id) => [id, 0]));
  const before = new Map<string, number>();
  for (const id of caseIds) before.set(id, (await readCase(app.baseUrl, token, id)).version);
  const writer = (async () => {
    for (let i = 0; !stopWrites; i++) {
      const id = caseIds[i % caseIds.length]!;
      const state = await readCase(app.baseUrl, token, id);
      const { action, body } = transitionRequest(state);
      const answer = await call(app.baseUrl, token, "POST", `/api/v1/cases/${id}/actions/${action}`, {
        body,
        headers: { "idempotency-key": `soak-${Date.now()}-${i}` },
      }).catch((error: unknown) => ({ status: 0, body: String(error) }));
      if (answer.status === 200) written.set(id, written.get(id)! + 1);
      else writeFailures.push(`${action} on ${id}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
      await sleep(1_000);
    }
  })();

  const result = await autocannon({
    url: app.baseUrl,
    connections,
    overallRate: rate,
    duration: durationSeconds,
    timeout: 30,
    requests: [
      { method: "GET", path: "/api/v1/cases?pageSize=20", headers: auth },
      { method: "GET", path: `/api/v1/cases/${first}`, headers: auth },
      { method: "GET", path: `/api/v1/cases/${second}/events`, headers: auth },
      { method: "GET", path: "/api/v1/tasks?page=1&pageSize=50", headers: auth },
      { method: "GET", path: "/api/v1/me", headers: auth },
      { method: "GET", path: "/signin" },
    ],
  });
  stopWrites = true;
  await writer;
  clearInterval(sampler);

  const thirds = [0, 1, 2].map((k) => samples.slice(Math.floor((k * samples.length) / 3), Math.floor(((k + 1) * samples.length) / 3)));
  const [warm, middle, last] = thirds.map((t) => t.map((s) => s.rss));
  const middleMedian = median(middle!);
  const lastMedian = median(last!);
  const describeThird = (values: number[]) =>
    `min ${Math.min(...values).toFixed(0)} / median ${median(values).toFixed(0)} / max ${Math.max(...values).toFixed(0)} MB`;
  console.log(
    `[soak] ${minutes} min, ${result.requests.total} reads (${result.requests.average.toFixed(1)}/s, p50 ${result.latency.p50} ms, ` +
      `p99 ${result.latency.p99} ms), ${[...written.values()].reduce((a, b) => a + b, 0)} transitions; status codes ` +
      `${JSON.stringify(result.statusCodeStats)}; server RSS in thirds of ${samples.length} samples: warm-up ${describeThird(warm!)}, ` +
      `middle ${describeThird(middle!)}, last ${describeThird(last!)} (last/middle ${(lastMedian / middleMedian).toFixed(3)})`,
  );

  expect(samples.length).toBeGreaterThanOrEqual(9);
  expect(result.errors).toBe(0);
  expect(result.timeouts).toBe(0);
  expect(result.non2xx).toBe(0);
  expect(result.requests.total).toBeGreaterThan(durationSeconds * rate * 0.8);
  expect(writeFailures).toEqual([]);
  expect(lastMedian, "the last third's median RSS within 15% of the middle third's").toBeLessThanOrEqual(middleMedian * (1 + FLAT_TOLERANCE));

  // Every transition landed once, and the chains verify.
  for (const id of caseIds) {
    expect((await readCase(app.baseUrl, token, id)).version).toBe(before.get(id)! + written.get(id)!);
    const audit = await call<{ verification: { verified: boolean } }>(app.baseUrl, token, "GET", `/api/v1/cases/${id}/audit`);
    expect(audit.body.verification.verified).toBe(true);
  }
});
