import "server-only";
import type PgBoss from "pg-boss";
import { log } from "../log";
import { deliverWebhooks } from "./deliver-webhooks";

// Webhook deliveries' job (issue 15 item 5), set up by the job runner (src/server/jobs/job-runner.ts) beside the
// others: every minute (retries fall due on their own schedule) and right after each dispatch that queued events. Safe
// on several instances at once: deliveries are claimed with FOR UPDATE SKIP LOCKED under a lease.

export const WEBHOOK_JOBS = { deliver: "webhook-deliver" } as const;

type LoggedJob = (name: string, run: () => Promise<unknown>) => (jobs: { id: string }[]) => Promise<void>;

/** Queues a delivery run now; a failure to queue only delays deliveries to the next minute. */
export function wakeWebhookSender(boss: PgBoss): Promise<unknown> {
  return boss.send(WEBHOOK_JOBS.deliver, {}).catch((error: unknown) => log.warn({ err: error }, "could not queue the webhook sender"));
}

export async function setUpWebhookJobs(boss: PgBoss, loggedJob: LoggedJob): Promise<void> {
  await boss.createQueue(WEBHOOK_JOBS.deliver);
  await boss.schedule(WEBHOOK_JOBS.deliver, "* * * * *");
  await boss.work(WEBHOOK_JOBS.deliver, { pollingIntervalSeconds: 1 }, loggedJob(WEBHOOK_JOBS.deliver, () => deliverWebhooks(new Date())));
}
