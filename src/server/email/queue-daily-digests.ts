import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { renderDigestEmail, type EmailNotice } from "@/domain/notifications/email";
import { isNotificationKind, preferenceKindOf, type NotificationReason } from "@/domain/notifications/kinds";
import { db } from "../db";
import { log } from "../log";
import { appOrigin, digestEmailKey } from "./email-config";
import { emailWordsFor } from "./email-words";

/** Notices per digest; any beyond wait for the next day's (a person with this many reads them in the app). */
const DIGEST_LIMIT = 500;

interface HeldRow {
  id: bigint;
  reason: string;
  title: string;
  kind: string;
  link: string | null;
  occurred_at: Date;
}

/**
 * The daily digest: for each person with notices held for it (email_state DIGEST), one e-mail with all of them,
 * grouped and newest first, queued for the send job; the notices are marked SENT in the same transaction, so a notice
 * is in exactly one digest. The key digest:<user>:<UTC day> makes a second run on the same day (another instance, a
 * retry) queue nothing twice — notices arriving after the day's digest wait for tomorrow's. Returns how many digests
 * it queued.
 */
export async function queueDailyDigests(
  now: Date = new Date(),
  /** These people's digests alone (an integration test's own, in a database other tests share). */
  only?: { userIds: readonly string[] },
): Promise<number> {
  const scope = only ? Prisma.sql`AND user_id = ANY(${[...only.userIds]}::uuid[])` : Prisma.empty;
  const users = await db().$queryRaw<{ user_id: string }[]>`SELECT DISTINCT user_id FROM notifications WHERE email_state = 'DIGEST' ${scope}`;
  const baseUrl = appOrigin();
  let queued = 0;
  for (const { user_id: userId } of users) {
    const done = await db().$transaction(async (tx) => {
      const rows = await tx.$queryRaw<HeldRow[]>`
        SELECT n.id, n.reason, n.title, e.kind, e.link, e.occurred_at
          FROM notifications n JOIN outbox_events e ON e.id = n.event_id
         WHERE n.user_id = ${userId}::uuid AND n.email_state = 'DIGEST'
         ORDER BY n.id
         LIMIT ${DIGEST_LIMIT}
           FOR UPDATE OF n SKIP LOCKED`;
      if (rows.length === 0) return false;
      const ids = rows.map((r) => r.id);
      const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true, active: true, locale: true, timeZone: true } });
      if (!user?.active) {
        // Nobody to write to any more: the notices stay in the app, the e-mail is dropped.
        await tx.notification.updateMany({ where: { id: { in: ids } }, data: { emailState: "NONE" } });
        return false;
      }
      const notices: EmailNotice[] = rows.flatMap((r) => {
        if (!isNotificationKind(r.kind)) return [];
        const reason: NotificationReason = r.reason === "action" ? "action" : "update";
        return [{ kind: preferenceKindOf(r.kind, reason), reason, title: r.title, link: r.link, occurredAt: r.occurred_at }];
      });
      const email = renderDigestEmail(notices, baseUrl, emailWordsFor(user));
      const created = await tx.emailMessage.createMany({
        data: [{ dedupeKey: digestEmailKey(userId, now), userId, toAddress: user.email, subject: email.subject, textBody: email.text, htmlBody: email.html, nextAttemptAt: now }],
        skipDuplicates: true,
      });
      if (created.count === 0) return false; // today's digest is already queued: these wait for tomorrow's
      await tx.notification.updateMany({ where: { id: { in: ids } }, data: { emailState: "SENT" } });
      return true;
    });
    if (done) queued++;
  }
  if (queued > 0) log.info({ digests: queued }, "daily digests queued");
  return queued;
}
