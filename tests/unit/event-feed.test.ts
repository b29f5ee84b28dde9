// Who sees which event in the feed and in webhook deliveries (issue 15 item 5), pure: scoped like the case list.
import { describe, expect, it } from "vitest";
import { eventTitleIn, feedScopeOf, feedScopeOfOrganization, mayViewEvent, readsPartnerWording, type FeedEventFacts } from "@/domain/notifications/feed";
import { ROLES } from "@/domain/roles";

const COUNTRY = "00000000-0000-4000-8000-0000000000c1";
const OTHER_COUNTRY = "00000000-0000-4000-8000-0000000000c2";
const AGENCY = "00000000-0000-4000-8000-0000000000a1";
const OTHER_AGENCY = "00000000-0000-4000-8000-0000000000a2";

const offer: FeedEventFacts = { countryId: COUNTRY, agencyId: AGENCY, title: "LOA offered to the partner", partnerTitle: "LOA offered to you" };
const internal: FeedEventFacts = { countryId: COUNTRY, agencyId: AGENCY, title: "DSCA concurred", partnerTitle: null };
const foreign: FeedEventFacts = { countryId: OTHER_COUNTRY, agencyId: OTHER_AGENCY, title: "LOA offered to the partner", partnerTitle: "LOA offered" };
const policy: FeedEventFacts = { countryId: null, agencyId: null, title: "Change approved", partnerTitle: null };
const undescribed: FeedEventFacts = { countryId: null, agencyId: null, title: null, partnerTitle: null };

describe("a person's feed", () => {
  it("a partner officer sees their own country's partner-visible events, in partner wording", () => {
    const scope = feedScopeOf({ role: "PARTNER_OFFICER", organizationId: COUNTRY });
    expect(eventTitleIn(scope, offer)).toBe("LOA offered to you");
    expect(mayViewEvent(scope, internal)).toBe(false);
    expect(mayViewEvent(scope, foreign)).toBe(false);
    expect(mayViewEvent(scope, policy)).toBe(false);
    expect(readsPartnerWording(scope)).toBe(true);
  });

  it("an agency case manager sees their agency's events, internal ones included, in staff wording", () => {
    const scope = feedScopeOf({ role: "IA_CASE_MANAGER", organizationId: AGENCY });
    expect(eventTitleIn(scope, offer)).toBe("LOA offered to the partner");
    expect(eventTitleIn(scope, internal)).toBe("DSCA concurred");
    expect(mayViewEvent(scope, foreign)).toBe(false);
    expect(mayViewEvent(scope, policy)).toBe(false);
  });

  it.each(ROLES.filter((role) => role !== "PARTNER_OFFICER" && role !== "IA_CASE_MANAGER"))("%s sees every event in staff wording", (role) => {
    const scope = feedScopeOf({ role, organizationId: "00000000-0000-4000-8000-0000000000d1" });
    for (const event of [offer, internal, foreign, policy]) expect(eventTitleIn(scope, event)).toBe(event.title);
    expect(mayViewEvent(scope, undescribed)).toBe(false);
  });

  it("nobody sees an event without a country when confined to one, even if it has partner wording", () => {
    const scope = feedScopeOf({ role: "PARTNER_OFFICER", organizationId: COUNTRY });
    expect(mayViewEvent(scope, { ...policy, partnerTitle: "Something" })).toBe(false);
  });
});

describe("an organization's webhooks", () => {
  it("follow the same rule by the organization's kind", () => {
    expect(feedScopeOfOrganization({ id: COUNTRY, kind: "PARTNER_COUNTRY" })).toEqual({ kind: "country", countryId: COUNTRY });
    expect(feedScopeOfOrganization({ id: AGENCY, kind: "IMPLEMENTING_AGENCY" })).toEqual({ kind: "agency", agencyId: AGENCY });
    for (const kind of ["DSCA", "STATE_PM", "DTSA"] as const) expect(feedScopeOfOrganization({ id: "x", kind })).toEqual({ kind: "all" });
  });
});
