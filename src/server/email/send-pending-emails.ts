import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db } from "../db";
import { log } from "../log";
import { emailFrom, messageIdFor, notificationIdOfKey, smtpUrl } from "./email-config";
import { mailTransport, type MailTransport } from "./mail-transport";

/** After this many failed attempts a message is given up (FAILED): about 8½ hours of retries with the backoff below. */
export const MAX_EMAIL_ATTEMPTS = 10;
const FIRST_RETRY_MS = 60_000;
const MAX_RETRY_MS = 6 * 3_600_000;
/** Messages per run: the job runs every minute and is woken after each dispatch, so a backlog drains over runs. */
const RUN_LIMIT = 200;

/** The wait before the next attempt, after `attempts` failures: 1 min, 2, 4 … capped at 6 hours. */
export const retryDelayMs = (attempts: number) => Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);

interface DueRow {
  id: string;
  dedupe_key: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  attempts: number;
}

export interface SendResult {
  sent: number;
  retrying: number;
  failed: number;
}

let warnedNoRelay = false;

/**
 * Sends the e-mails that are due, one per transaction: the row is locked (FOR UPDATE SKIP LOCKED, so another
 * instance's run takes the next one instead of the same), sent, and marked SENT — or its attempt counted and its next
 * attempt pushed back — before the lock is released. A message is only ever sent twice if the process dies between
 * the relay's acceptance and the commit; the re-send then carries the same Message-ID. Nothing here touches the
 * transaction that queued the message, so a refusing relay never undoes or delays the change that caused it.
 */
export async function sendPendingEmails({
  now = new Date(),
  transport,
  only,
}: {
  now?: Date;
  transport?: MailTransport;
  /** These people's messages alone (an integration test's own, in a database other tests share). */
  only?: { userIds: readonly string[] };
} = {}): Promise<SendResult> {
  const scope = only ? Prisma.sql`AND user_id = ANY(${[...only.userIds]}::uuid[])` : Prisma.empty;
  const result: SendResult = { sent: 0, retrying: 0, failed: 0 };
  let relay = transport;
  if (!relay) {
    const url = smtpUrl();
    if (!url) {
      if (!warnedNoRelay) log.warn("SMTP_URL is not set: e-mails stay queued until a relay is configured");
      warnedNoRelay = true;
      return result;
    }
    relay = mailTransport(url);
  }
  const from = emailFrom();

  for (let i = 0; i < RUN_LIMIT; i++) {
    const outcome = await db().$transaction(
      async (tx) => {
        const [row] = await tx.$queryRaw<DueRow[]>`
          SELECT id, dedupe_key, to_address, subject, text_body, html_body, attempts
            FROM email_messages
           WHERE status = 'PENDING' AND next_attempt_at <= ${now} ${scope}
           ORDER BY next_attempt_at, created_at
           LIMIT 1
             FOR UPDATE SKIP LOCKED`;
        if (!row) return null;
        const attempts = row.attempts + 1;
        try {
          await relay.sendMail({
            from,
            to: row.to_address,
            subject: row.subject,
            text: row.text_body,
            html: row.html_body,
            messageId: messageIdFor(row.dedupe_key),
            headers: { "Auto-Submitted": "auto-generated" },
          });
        } catch (error) {
          const failed = attempts >= MAX_EMAIL_ATTEMPTS;
          const nextAttemptAt = new Date(now.getTime() + retryDelayMs(attempts));
          await tx.emailMessage.update({
            where: { id: row.id },
            data: { attempts, lastError: describeError(error), ...(failed ? { status: "FAILED" } : { nextAttemptAt }) },
          });
          // The message's id and the relay's answer only: never its address or body.
          log.warn(
            { emailId: row.id, attempts, ...(failed ? {} : { nextAttemptAt }), reason: describeError(error).replace(/[^\s<>@]+@[^\s<>]+/g, "[address]") },
            failed ? "e-mail given up after repeated failures" : "e-mail not accepted by the relay; will retry",
          );
          // A relay that does not answer costs a timeout per message: leave the rest for the next run.
          if ((error as { code?: unknown })?.code === "ETIMEDOUT") return failed ? "failed-stop" : "retrying-stop";
          return failed ? "failed" : "retrying";
        }
        await tx.emailMessage.update({ where: { id: row.id }, data: { status: "SENT", attempts, sentAt: new Date(), lastError: null } });
        const notificationId = notificationIdOfKey(row.dedupe_key);
        if (notificationId !== null) {
          await tx.notification.updateMany({ where: { id: notificationId, emailState: "PENDING" }, data: { emailState: "SENT" } });
        }
        log.info({ emailId: row.id, attempts }, "e-mail sent");
        return "sent";
      },
      { timeout: 90_000 },
    );
    if (outcome === null) break;
    if (outcome === "failed-stop" || outcome === "retrying-stop") {
      result[outcome === "failed-stop" ? "failed" : "retrying"]++;
      break;
    }
    result[outcome]++;
  }
  return result;
}

function describeError(error: unknown): string {
  const e = error as { code?: unknown; responseCode?: unknown; message?: unknown };
  const parts = [typeof e?.code === "string" ? e.code : null, typeof e?.responseCode === "number" ? String(e.responseCode) : null, typeof e?.message === "string" ? e.message : String(error)];
  return parts.filter(Boolean).join(" ").slice(0, 500);
}
