import "server-only";
import type { Actor } from "@/domain/policy";
import { assertCan } from "../auth/actor";
import { db } from "../db";
import { notFound } from "../errors";

/**
 * Following a notice marks it read and leads to its record's page. Another person's notice is not found; the
 * record's own page still decides what the person may see there.
 */
export async function openNotification(actor: Actor, id: string, now: Date = new Date()): Promise<string> {
  assertCan(actor, "readOwnNotifications");
  if (!/^\d{1,19}$/.test(id)) throw notFound("Notification");
  const notice = await db().notification.findFirst({ where: { id: BigInt(id), userId: actor.userId }, select: { readAt: true, event: { select: { link: true } } } });
  if (!notice) throw notFound("Notification");
  if (!notice.readAt) {
    await db().notification.update({ where: { id: BigInt(id) }, data: { readAt: now } });
    await db().$executeRaw`SELECT pg_notify('caseway_live', ${JSON.stringify({ users: [actor.userId] })})`;
  }
  return notice.event.link ?? "/notifications";
}
