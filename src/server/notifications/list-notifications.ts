import "server-only";
import { NOTIFICATION_KINDS, NOTIFICATION_RULES, type NotificationKind } from "@/domain/notifications/kinds";
import type { Actor } from "@/domain/policy";
import { NOTIFICATION_PAGE_SIZE, NotificationListQuery, type NotificationPage, type NotificationView } from "@/domain/schemas/notifications";
import { Prisma } from "@/generated/prisma/client";
import { assertCan } from "../auth/actor";
import { db } from "../db";
import { prepared, queryRows } from "../json-rows";
import { parseInput } from "../errors";

/** How many unread notices the bell counts before it shows "99+": the count stays an index-only read however many wait. */
export const UNREAD_COUNT_CAP = 100;

/**
 * The person's own notices, newest first, a page at a time (keyset on the id, so page 50 costs what page 1 does),
 * with how many are unread. Notices are written per person in the words they may read, so there is nothing more to
 * scope: nobody reads another person's.
 */
export async function listNotifications(actor: Actor, rawQuery: unknown): Promise<NotificationPage> {
  assertCan(actor, "readOwnNotifications");
  const query = parseInput(NotificationListQuery, rawQuery);
  const kinds = query.group ? NOTIFICATION_KINDS.filter((kind) => NOTIFICATION_RULES[kind].group === query.group) : null;
  const [rows, unreadCount] = await Promise.all([
    db().notification.findMany({
      where: {
        userId: actor.userId,
        ...(query.unread ? { readAt: null } : {}),
        ...(query.before ? { id: { lt: BigInt(query.before) } } : {}),
        ...(kinds ? { event: { kind: { in: kinds } } } : {}),
      },
      orderBy: { id: "desc" },
      take: NOTIFICATION_PAGE_SIZE + 1,
      select: { id: true, reason: true, title: true, readAt: true, event: { select: { kind: true, link: true, occurredAt: true } } },
    }),
    countUnread(actor),
  ]);
  const page = rows.slice(0, NOTIFICATION_PAGE_SIZE);
  return {
    notifications: page.map(toView),
    unreadCount,
    nextBefore: rows.length > NOTIFICATION_PAGE_SIZE ? page[page.length - 1]!.id.toString() : null,
  };
}

/** Unread notices, counted up to UNREAD_COUNT_CAP. */
export async function countUnread(actor: Actor): Promise<number> {
  assertCan(actor, "readOwnNotifications");
  // Prepared: every page's header asks it.
  const [row] = await queryRows<{ count: number }>(
    db(),
    prepared(Prisma.sql`SELECT count(*)::int AS count
                          FROM (SELECT 1 FROM notifications WHERE user_id = ${actor.userId}::uuid AND read_at IS NULL LIMIT ${UNREAD_COUNT_CAP}) unread`),
  );
  return row?.count ?? 0;
}

function toView(row: {
  id: bigint;
  reason: string;
  title: string;
  readAt: Date | null;
  event: { kind: string; link: string | null; occurredAt: Date };
}): NotificationView {
  const kind = row.event.kind as NotificationKind;
  return {
    id: row.id.toString(),
    kind,
    group: NOTIFICATION_RULES[kind].group,
    reason: row.reason === "action" ? "action" : "update",
    title: row.title,
    link: row.event.link,
    occurredAt: row.event.occurredAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}
