import "server-only";
import type { Actor } from "@/domain/policy";
import { MarkNotificationsRead } from "@/domain/schemas/notifications";
import { assertCan } from "../auth/actor";
import { db } from "../db";
import { parseInput } from "../errors";

/**
 * Marks the person's own notices read: the ones named, or all. Ids of other people's notices simply match nothing.
 * Reading a notice is not a decision, so it is not audited; the bell on the person's other tabs hears of it live.
 */
export async function markNotificationsRead(actor: Actor, rawInput: unknown, now: Date = new Date()): Promise<{ marked: number }> {
  assertCan(actor, "readOwnNotifications");
  const input = parseInput(MarkNotificationsRead, rawInput);
  const { count } = await db().notification.updateMany({
    where: { userId: actor.userId, readAt: null, ...(input.all ? {} : { id: { in: input.ids!.map((id) => BigInt(id)) } }) },
    data: { readAt: now },
  });
  if (count > 0) await db().$executeRaw`SELECT pg_notify('caseway_live', ${JSON.stringify({ users: [actor.userId] })})`;
  return { marked: count };
}
