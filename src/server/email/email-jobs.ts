import "server-only";
import type PgBoss from "pg-boss";
import { log } from "../log";
import { queueDailyDigests } from "./queue-daily-digests";
import { sendPendingEmails } from "./send-pending-emails";

// E-mail's jobs (issue 15 §3), set up by the job runner (src/server/jobs/job-runner.ts) beside the others: the sender
// runs every minute and whenever a dispatch has just queued mail; the digest once a day. Both are safe on several
// instances at once (row locks with SKIP LOCKED, and dedupe keys).

export const EMAIL_JOBS = { send: "email-send", digest: "email-digest" } as const;

type LoggedJob = (name: string, run: () => Promise<unknown>) => (jobs: { id: string }[]) => Promise<void>;

/** Queues a send run now (after a dispatch or a digest); a failure to queue only delays mail to the next minute. */
export function wakeEmailSender(boss: PgBoss): Promise<unknown> {
  return boss.send(EMAIL_JOBS.send, {}).catch((error: unknown) => log.warn({ err: error }, "could not queue the e-mail sender"));
}

export async function setUpEmailJobs(boss: PgBoss, loggedJob: LoggedJob): Promise<void> {
  for (const name of Object.values(EMAIL_JOBS)) await boss.createQueue(name);
  await boss.schedule(EMAIL_JOBS.send, "* * * * *");
  // 07:00 UTC: the morning in Washington, the afternoon in Europe and the Gulf.
  await boss.schedule(EMAIL_JOBS.digest, "0 7 * * *");
  await boss.work(EMAIL_JOBS.send, { pollingIntervalSeconds: 1 }, loggedJob(EMAIL_JOBS.send, () => sendPendingEmails()));
  await boss.work(
    EMAIL_JOBS.digest,
    loggedJob(EMAIL_JOBS.digest, async () => {
      if ((await queueDailyDigests(new Date())) > 0) await wakeEmailSender(boss);
    }),
  );
}
