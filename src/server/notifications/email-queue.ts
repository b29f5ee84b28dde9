import "server-only";
import { emailModeFor, preferenceKindOf, NOTIFICATION_RULES } from "@/domain/notifications/kinds";
import type { Tx } from "../db";
import type { NewNotice } from "./dispatch-outbox";

/**
 * Decides each new notice's e-mail by its reader's preference: queued at once, held for the daily digest, or none.
 * The message is only queued here, in the dispatch's transaction; sending happens later, so a slow or failing relay
 * never holds up or undoes the dispatch.
 */
export async function queueNotificationEmails(tx: Tx, notices: readonly NewNotice[], now: Date): Promise<void> {
  if (notices.length === 0) return;
  const users = await tx.user.findMany({
    where: { id: { in: [...new Set(notices.map((n) => n.userId))] } },
    select: { id: true, email: true, notificationPrefs: { select: { kind: true, email: true } } },
  });
  const byId = new Map(users.map((u) => [u.id, u]));
  for (const notice of notices) {
    const user = byId.get(notice.userId);
    if (!user) continue;
    const kind = preferenceKindOf(notice.kind, notice.reason);
    const mode = emailModeFor(kind, user.notificationPrefs.find((p) => p.kind === kind)?.email);
    if (mode === "OFF") continue;
    if (mode === "DIGEST") {
      await tx.notification.update({ where: { id: notice.notificationId }, data: { emailState: "DIGEST" } });
      continue;
    }
    await tx.notification.update({ where: { id: notice.notificationId }, data: { emailState: "PENDING" } });
    await tx.emailMessage.createMany({
      data: [
        {
          dedupeKey: `event:${notice.notificationId}`,
          userId: user.id,
          toAddress: user.email,
          subject: NOTIFICATION_RULES[kind].subject,
          textBody: `${notice.title}\n\n${notice.link ?? ""}\n`,
          htmlBody: `<p>${notice.title}</p>`,
          nextAttemptAt: now,
        },
      ],
      skipDuplicates: true,
    });
  }
}
