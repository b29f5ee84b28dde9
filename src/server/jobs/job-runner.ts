import "server-only";
import PgBoss from "pg-boss";
import { applyCaseClocks } from "../cases/apply-case-clocks";
import { db } from "../db";
import { runStatementJob } from "../finance/issue-statements";

// Timers run through a PostgreSQL-backed queue (pg-boss, ADR 0009), never in-process timers: every app instance runs a
// worker, pg-boss hands each job to exactly one of them, and the cron schedule is kept in the database, so a second
// instance neither repeats nor misses a tick. The jobs only record what the dates already imply, so a late run is harmless.

export const JOBS = {
  caseClocks: "case-clocks",
  purgeIdempotencyKeys: "purge-idempotency-keys",
  billingStatements: "billing-statements",
} as const;

/** How long an Idempotency-Key's stored answer is kept. */
const IDEMPOTENCY_RETENTION_HOURS = 24;

const globalForJobs = globalThis as unknown as { casewayJobs?: Promise<PgBoss> };

export function startJobRunner(): Promise<PgBoss> {
  globalForJobs.casewayJobs ??= start();
  return globalForJobs.casewayJobs;
}

async function start(): Promise<PgBoss> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  const boss = new PgBoss({ connectionString: url, schema: "pgboss", max: 3, application_name: "caseway-jobs" });
  boss.on("error", (error) => console.error("[jobs]", error));
  await boss.start();
  for (const name of Object.values(JOBS)) await boss.createQueue(name);
  await boss.schedule(JOBS.caseClocks, "* * * * *");
  await boss.schedule(JOBS.purgeIdempotencyKeys, "17 * * * *");
  // Daily (UTC): each day issues the current quarter's statement to cases that lack it, so a late or second run issues nothing twice.
  await boss.schedule(JOBS.billingStatements, "5 6 * * *");
  await boss.work(JOBS.caseClocks, async () => {
    await applyCaseClocks(new Date());
  });
  await boss.work(JOBS.billingStatements, async () => {
    await runStatementJob(new Date());
  });
  await boss.work(JOBS.purgeIdempotencyKeys, async () => {
    const cutoff = new Date(Date.now() - IDEMPOTENCY_RETENTION_HOURS * 3_600_000);
    await db().idempotencyKey.deleteMany({ where: { createdAt: { lt: cutoff } } });
  });
  return boss;
}
