import "server-only";
import { eventTitleIn, feedScopeOf, type FeedScope } from "@/domain/notifications/feed";
import { isNotificationKind } from "@/domain/notifications/kinds";
import type { Actor } from "@/domain/policy";
import { EventFeedQuery, type EventFeedPage, type FeedEventView } from "@/domain/schemas/webhooks";
import type { Prisma } from "../../generated/prisma/client";
import { db } from "../db";
import { AppError, authorize, fieldErrorsFrom } from "../errors";

/**
 * The feed's filter in SQL, one index per scope: (country_id, feed_seq) for a partner, (agency_id, feed_seq) for an
 * agency, the unique feed_seq for everyone else. Each reads the index in feed order from the cursor and stops after a
 * page, whatever the table's size. The domain rule (feed.ts) decides again per row, so the two cannot drift apart.
 */
export function feedWhere(scope: FeedScope): Prisma.OutboxEventWhereInput {
  switch (scope.kind) {
    case "country":
      return { countryId: scope.countryId, partnerTitle: { not: null } };
    case "agency":
      return { agencyId: scope.agencyId, title: { not: null } };
    case "all":
      return { title: { not: null } };
  }
}

/**
 * GET /api/v1/events: the events the caller may see, in feed order, from after the cursor. The cursor is the last
 * event's place in the feed; the dispatch fixes that place under a lock at commit, so a reader resuming from it
 * neither misses an event nor sees one twice.
 */
export async function listEvents(actor: Actor, query: unknown = {}): Promise<EventFeedPage> {
  authorize(actor, "readEventFeed");
  const parsed = EventFeedQuery.safeParse(query);
  if (!parsed.success) {
    const fields = fieldErrorsFrom(parsed.error);
    throw new AppError("BAD_REQUEST", Object.values(fields)[0] ?? "The query is not valid", { fields });
  }
  const { after, limit } = parsed.data;
  const scope = feedScopeOf(actor);
  const rows = await db().outboxEvent.findMany({
    where: { ...feedWhere(scope), feedSeq: after !== undefined ? { gt: BigInt(after) } : { not: null } },
    orderBy: { feedSeq: "asc" },
    take: limit + 1,
    select: {
      id: true,
      feedSeq: true,
      kind: true,
      occurredAt: true,
      targetType: true,
      targetId: true,
      link: true,
      caseId: true,
      subject: true,
      countryId: true,
      agencyId: true,
      title: true,
      partnerTitle: true,
    },
  });
  const page = rows.slice(0, limit);
  const events: FeedEventView[] = [];
  for (const row of page) {
    const title = eventTitleIn(scope, row);
    if (title === null || !isNotificationKind(row.kind)) continue;
    events.push({
      id: String(row.id),
      sequence: String(row.feedSeq),
      kind: row.kind,
      occurredAt: row.occurredAt.toISOString(),
      record: { type: row.targetType, id: row.targetId, link: row.link },
      caseIdentifier: row.caseId ? row.subject : null,
      subject: row.subject,
      title,
    });
  }
  const last = page.at(-1);
  return { events, nextCursor: last ? String(last.feedSeq) : (after ?? null), hasMore: rows.length > limit };
}
