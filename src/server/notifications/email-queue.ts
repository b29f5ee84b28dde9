import "server-only";
import { renderNoticeEmail } from "@/domain/notifications/email";
import { emailModeFor, preferenceKindOf } from "@/domain/notifications/kinds";
import type { Tx } from "../db";
import { appOrigin, noticeEmailKey } from "../email/email-config";
import { emailWordsFor } from "../email/email-words";
import type { NewNotice } from "./dispatch-outbox";

/**
 * Decides each new notice's e-mail by its reader's preference: queued at once, held for the daily digest, or none.
 * The message is only queued here, in the dispatch's transaction; sending happens later (src/server/email/
 * send-pending-emails.ts), so a slow or failing relay never holds up or undoes the dispatch. The subject names the
 * kind of event only; the notice's title, which names the record, is in the body.
 */
export async function queueNotificationEmails(tx: Tx, notices: readonly NewNotice[], now: Date): Promise<void> {
  if (notices.length === 0) return;
  const users = await tx.user.findMany({
    where: { id: { in: [...new Set(notices.map((n) => n.userId))] } },
    select: { id: true, email: true, locale: true, timeZone: true, notificationPrefs: { select: { kind: true, email: true } } },
  });
  const byId = new Map(users.map((u) => [u.id, u]));
  const baseUrl = appOrigin();
  const held: bigint[] = [];
  const immediate: NewNotice[] = [];
  for (const notice of notices) {
    const user = byId.get(notice.userId);
    if (!user) continue;
    const kind = preferenceKindOf(notice.kind, notice.reason);
    const mode = emailModeFor(kind, user.notificationPrefs.find((p) => p.kind === kind)?.email);
    if (mode === "DIGEST") held.push(notice.notificationId);
    else if (mode === "IMMEDIATE") immediate.push(notice);
  }
  if (held.length > 0) await tx.notification.updateMany({ where: { id: { in: held } }, data: { emailState: "DIGEST" } });
  if (immediate.length === 0) return;
  await tx.notification.updateMany({ where: { id: { in: immediate.map((n) => n.notificationId) } }, data: { emailState: "PENDING" } });
  await tx.emailMessage.createMany({
    data: immediate.map((notice) => {
      const email = renderNoticeEmail(
        { kind: preferenceKindOf(notice.kind, notice.reason), reason: notice.reason, title: notice.title, link: notice.link, occurredAt: now },
        baseUrl,
        emailWordsFor(byId.get(notice.userId)!),
      );
      return {
        dedupeKey: noticeEmailKey(notice.notificationId),
        userId: notice.userId,
        toAddress: byId.get(notice.userId)!.email,
        subject: email.subject,
        textBody: email.text,
        htmlBody: email.html,
        nextAttemptAt: now,
      };
    }),
    skipDuplicates: true,
  });
}
