import "server-only";
import PgBoss from "pg-boss";
import { applyCaseClocks } from "../cases/apply-case-clocks";
import { db } from "../db";
import { setUpEmailJobs, wakeEmailSender } from "../email/email-jobs";
import { runStatementJob } from "../finance/issue-statements";
import { refreshDashboardSnapshot } from "../insight/dashboard-snapshot";
import { refreshStepDurationStats } from "../insight/step-duration-stats";
import { onOutboxWritten } from "../live/live-listener";
import { log } from "../log";
import { dispatchOutbox } from "../notifications/dispatch-outbox";
import { scanDeadlines } from "../notifications/scan-deadlines";
import { setUpWebhookJobs, wakeWebhookSender } from "../webhooks/webhook-jobs";

// Timers run through a PostgreSQL-backed queue (pg-boss, ADR 0009), never in-process timers: every app instance runs a
// worker, pg-boss hands each job to exactly one of them, and the cron schedule is kept in the database, so a second
// instance neither repeats nor misses a tick. The jobs only record what the dates already imply, so a late run is harmless.

export const JOBS = {
  caseClocks: "case-clocks",
  purgeIdempotencyKeys: "purge-idempotency-keys",
  billingStatements: "billing-statements",
  stepDurationStats: "step-duration-stats",
  dashboardSnapshot: "dashboard-snapshot",
  outboxDispatch: "outbox-dispatch",
  deadlineScan: "deadline-scan",
} as const;

/** How long an Idempotency-Key's stored answer is kept. */
const IDEMPOTENCY_RETENTION_HOURS = 24;

/** One log line per job run, like the server's per request: which job, which run, how it ended and how long it took. */
function loggedJob(name: string, run: () => Promise<unknown>) {
  return async (jobs: { id: string }[]) => {
    const started = performance.now();
    const jobIds = jobs.map((job) => job.id);
    try {
      await run();
      log.info({ job: name, jobIds, status: "completed", ms: Math.round(performance.now() - started) }, "job");
    } catch (error) {
      log.error({ job: name, jobIds, status: "failed", ms: Math.round(performance.now() - started), err: error }, "job");
      throw error; // pg-boss retries it
    }
  };
}

const globalForJobs = globalThis as unknown as { casewayJobs?: Promise<PgBoss> };

export function startJobRunner(): Promise<PgBoss> {
  globalForJobs.casewayJobs ??= startWithRetries();
  return globalForJobs.casewayJobs;
}

/**
 * Instances starting together on a new database race to create pg-boss's queues and schedules, and PostgreSQL may
 * resolve that race with a deadlock error for one of them. That instance must not go on serving without a worker:
 * try again (the winner's work makes the retry a no-op), a few times with a growing, jittered pause.
 */
async function startWithRetries(attempts = 6): Promise<PgBoss> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start();
    } catch (error) {
      if (attempt >= attempts) throw error;
      log.warn({ err: error, attempt }, "the job runner could not start; retrying");
      await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt * (0.5 + Math.random())));
    }
  }
}

async function start(): Promise<PgBoss> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  const boss = new PgBoss({ connectionString: url, schema: "pgboss", max: 3, application_name: "caseway-jobs" });
  boss.on("error", (error) => log.error({ err: error }, "job queue error"));
  try {
    await boss.start();
    await setUp(boss);
  } catch (error) {
    await boss.stop({ graceful: false }).catch(() => {}); // release its connections before a retry opens new ones
    throw error;
  }
  return boss;
}

async function setUp(boss: PgBoss): Promise<void> {
  for (const name of Object.values(JOBS)) await boss.createQueue(name);
  await boss.schedule(JOBS.caseClocks, "* * * * *");
  await boss.schedule(JOBS.purgeIdempotencyKeys, "17 * * * *");
  // Daily (UTC): each day issues the current quarter's statement to cases that lack it, so a late or second run issues nothing twice.
  await boss.schedule(JOBS.billingStatements, "5 6 * * *");
  // Daily (UTC), and once at start so a new database predicts at once: the medians behind predicted dates (issue 18).
  await boss.schedule(JOBS.stepDurationStats, "35 5 * * *");
  await boss.send(JOBS.stepDurationStats, {}, { singletonKey: "startup", singletonSeconds: 600 });
  // Every minute, and once at start: the all-cases dashboard's figures, which the page serves while under 2 minutes old.
  await boss.schedule(JOBS.dashboardSnapshot, "* * * * *");
  await boss.send(JOBS.dashboardSnapshot, {}, { singletonKey: "startup", singletonSeconds: 60 });
  // The outbox (issue 15): dispatched within a moment of each commit (the listener's signal queues a job, coalescing
  // a burst into one), and every minute in case a signal was missed or an instance died mid-dispatch.
  await boss.schedule(JOBS.outboxDispatch, "* * * * *");
  await boss.work(JOBS.outboxDispatch, { pollingIntervalSeconds: 0.5 }, loggedJob(JOBS.outboxDispatch, () => dispatchOutbox(new Date()).then((n) => (n > 0 ? Promise.all([wakeEmailSender(boss), wakeWebhookSender(boss)]) : null))));
  let wakePending = false;
  onOutboxWritten(() => {
    if (wakePending) return;
    wakePending = true;
    setTimeout(() => {
      wakePending = false;
      boss.send(JOBS.outboxDispatch, {}).catch((error: unknown) => log.warn({ err: error }, "could not queue the outbox dispatch"));
    }, 50).unref();
  });
  // E-mail (issue 15 §3, src/server/email/email-jobs.ts): the sender every minute and after each dispatch that did
  // something (above); the daily digest at 07:00 UTC.
  await setUpEmailJobs(boss, loggedJob);
  // Webhooks (issue 15 §5, src/server/webhooks/webhook-jobs.ts): every minute and after each dispatch (above).
  await setUpWebhookJobs(boss, loggedJob);
  // Hourly: work turning due or overdue, offers nearing expiry, payments past due.
  await boss.schedule(JOBS.deadlineScan, "11 * * * *");
  await boss.send(JOBS.deadlineScan, {}, { singletonKey: "startup", singletonSeconds: 600 });
  await boss.work(JOBS.deadlineScan, loggedJob(JOBS.deadlineScan, () => scanDeadlines(new Date())));
  await boss.work(JOBS.caseClocks, loggedJob(JOBS.caseClocks, () => applyCaseClocks(new Date())));
  await boss.work(JOBS.stepDurationStats, loggedJob(JOBS.stepDurationStats, () => refreshStepDurationStats(db(), new Date())));
  await boss.work(JOBS.dashboardSnapshot, loggedJob(JOBS.dashboardSnapshot, () => refreshDashboardSnapshot(db(), new Date())));
  await boss.work(JOBS.billingStatements, loggedJob(JOBS.billingStatements, () => runStatementJob(new Date())));
  await boss.work(
    JOBS.purgeIdempotencyKeys,
    loggedJob(JOBS.purgeIdempotencyKeys, () => {
      const cutoff = new Date(Date.now() - IDEMPOTENCY_RETENTION_HOURS * 3_600_000);
      return db().idempotencyKey.deleteMany({ where: { createdAt: { lt: cutoff } } });
    }),
  );
}
