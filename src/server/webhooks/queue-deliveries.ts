import "server-only";
import { eventTitleIn, feedScopeOfOrganization } from "@/domain/notifications/feed";
import { wantsKind } from "@/domain/notifications/webhooks";
import type { OrganizationKind } from "@/domain/roles";
import type { Tx } from "../db";
import type { DispatchedEvent } from "../notifications/dispatch-outbox";

/**
 * Queues one delivery of the event to each active subscription that may see it and asked for its kind, inside the
 * dispatch's transaction: the deliveries exist exactly when the event has its place in the feed. Candidates are the
 * subscriptions of the event's country and agency and of U.S. Government offices (a few rows); the feed's rule
 * (src/domain/notifications/feed.ts) then decides, so a webhook never carries what the feed would not show.
 */
export async function queueWebhookDeliveries(tx: Tx, event: DispatchedEvent, now: Date): Promise<void> {
  const organizations = [event.countryId, event.agencyId].filter((id): id is string => id !== null);
  const candidates = await tx.webhookSubscription.findMany({
    where: {
      active: true,
      OR: [{ organizationId: { in: organizations } }, { organization: { kind: { notIn: ["PARTNER_COUNTRY", "IMPLEMENTING_AGENCY"] } } }],
    },
    select: { id: true, kinds: true, organization: { select: { id: true, kind: true } } },
  });
  const facts = { countryId: event.countryId, agencyId: event.agencyId, title: event.title, partnerTitle: event.partnerTitle };
  const chosen = candidates.filter(
    (s) => wantsKind(s.kinds, event.kind) && eventTitleIn(feedScopeOfOrganization({ id: s.organization.id, kind: s.organization.kind as OrganizationKind }), facts) !== null,
  );
  if (chosen.length === 0) return;
  await tx.webhookDelivery.createMany({
    data: chosen.map((s) => ({ subscriptionId: s.id, eventId: event.id, nextAttemptAt: now, createdAt: now })),
    skipDuplicates: true,
  });
}
