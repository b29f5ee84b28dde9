// Who may see which dispatched event (issue 15 item 5), pure: the event feed (GET /api/v1/events) and the webhook
// deliveries apply the same rule, scoped like the case list and the dashboards. A partner's officers see only their own
// country's events that have partner wording, and read that wording; an implementing agency's case managers see their
// agency's events; every other U.S. Government role sees every event in the staff wording. Events about no case or
// letter (policy changes, a webhook turned off) carry no country or agency, so only the "all" scope reaches them.
import type { OrganizationKind, Role } from "../roles";

/** What a viewer's feed holds: everything, one country's partner-visible events, or one agency's events. */
export type FeedScope = { kind: "all" } | { kind: "country"; countryId: string } | { kind: "agency"; agencyId: string };

/** The facts of a dispatched event that the rule reads (outbox_events columns filled by the dispatch). */
export interface FeedEventFacts {
  countryId: string | null;
  agencyId: string | null;
  /** U.S. Government wording; null for an event the dispatch could not describe (never shown). */
  title: string | null;
  /** Partner wording; null when the event is U.S. Government-internal. */
  partnerTitle: string | null;
}

/** A person's feed: partner officers their country's, agency case managers their agency's, other staff all. */
export function feedScopeOf(viewer: { role: Role; organizationId: string }): FeedScope {
  if (viewer.role === "PARTNER_OFFICER") return { kind: "country", countryId: viewer.organizationId };
  if (viewer.role === "IA_CASE_MANAGER") return { kind: "agency", agencyId: viewer.organizationId };
  return { kind: "all" };
}

/**
 * An organization's feed, for its webhook subscriptions: a partner country its own partner-visible events, an agency
 * its own, a U.S. Government office (DSCA, State, DTSA; subscribed by an administrator) every event.
 */
export function feedScopeOfOrganization(organization: { id: string; kind: OrganizationKind }): FeedScope {
  if (organization.kind === "PARTNER_COUNTRY") return { kind: "country", countryId: organization.id };
  if (organization.kind === "IMPLEMENTING_AGENCY") return { kind: "agency", agencyId: organization.id };
  return { kind: "all" };
}

/** The wording the scope reads, or null when the event is not in the scope's feed at all. */
export function eventTitleIn(scope: FeedScope, event: FeedEventFacts): string | null {
  switch (scope.kind) {
    case "country":
      return event.countryId !== null && event.countryId === scope.countryId ? event.partnerTitle : null;
    case "agency":
      return event.agencyId !== null && event.agencyId === scope.agencyId ? event.title : null;
    case "all":
      return event.title;
  }
}

export const mayViewEvent = (scope: FeedScope, event: FeedEventFacts): boolean => eventTitleIn(scope, event) !== null;

/** The partner reads the partner wording (webhook payloads, feed entries); everyone else the staff wording. */
export const readsPartnerWording = (scope: FeedScope): boolean => scope.kind === "country";
