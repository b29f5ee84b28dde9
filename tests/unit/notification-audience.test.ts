// Who hears of which event (issue 15): the people an event gives work to, then the kind's followers; a partner only
// of what the partner may see and only for their own country; an agency only of its own cases; never the actor.
import { describe, expect, it } from "vitest";
import { audienceOf, recipientsOf, selectorOfWork, type EventScope, type Person } from "@/domain/notifications/audience";
import {
  NOTIFICATION_GROUPS,
  NOTIFICATION_KINDS,
  NOTIFICATION_RULES,
  noticeTitle,
  notificationKindOf,
  preferenceKindOf,
  recordLink,
} from "@/domain/notifications/kinds";
import { CASE_EVENTS } from "@/domain/workflow/case-workflow";

const COUNTRY = "country-a";
const OTHER_COUNTRY = "country-b";
const AGENCY = "agency-army";
const OTHER_AGENCY = "agency-navy";

const people = {
  partner: { id: "p1", role: "PARTNER_OFFICER", organizationId: COUNTRY },
  foreignPartner: { id: "p2", role: "PARTNER_OFFICER", organizationId: OTHER_COUNTRY },
  ia: { id: "ia1", role: "IA_CASE_MANAGER", organizationId: AGENCY },
  ia2: { id: "ia2", role: "IA_CASE_MANAGER", organizationId: AGENCY },
  otherIa: { id: "ia3", role: "IA_CASE_MANAGER", organizationId: OTHER_AGENCY },
  dsca: { id: "d1", role: "DSCA_ANALYST", organizationId: "dsca" },
  dsca2: { id: "d2", role: "DSCA_ANALYST", organizationId: "dsca" },
  finance: { id: "f1", role: "FINANCE_OFFICER", organizationId: "dsca" },
  state: { id: "s1", role: "STATE_REVIEWER", organizationId: "state" },
  admin: { id: "a1", role: "ADMIN", organizationId: "dsca" },
  policy: { id: "po1", role: "POLICY_OFFICER", organizationId: "dsca" },
  auditor: { id: "au1", role: "AUDITOR", organizationId: "dsca" },
} satisfies Record<string, Person>;
const everyone = Object.values(people);

const scope = (overrides: Partial<EventScope>): EventScope => ({
  kind: "case-progress",
  partnerVisible: false,
  countryId: COUNTRY,
  agencyId: AGENCY,
  actorUserId: null,
  work: [],
  ...overrides,
});
const heard = (s: EventScope) =>
  Object.fromEntries(recipientsOf(s, everyone).map(({ person, reason }) => [Object.entries(people).find(([, p]) => p.id === person.id)![0], reason]));

describe("who hears of an event", () => {
  it("an offer: the partner's officers and the agency's case managers, not other countries or agencies", () => {
    expect(heard(scope({ kind: "offer-issued", partnerVisible: true }))).toEqual({ partner: "update", ia: "update", ia2: "update" });
  });

  it("a partner never hears of a U.S. Government-internal event, even of a kind they follow", () => {
    expect(heard(scope({ kind: "offer-issued", partnerVisible: false }))).toEqual({ ia: "update", ia2: "update" });
    // Even if the work somehow named the partner's inbox, internal stays internal.
    expect(heard(scope({ kind: "case-progress", partnerVisible: false, work: [{ inbox: "PARTNER_OFFICER", userId: null, excludedUserIds: [] }] }))).toEqual({});
  });

  it("a partner officer of another country is never told, whatever selected them", () => {
    const s = scope({ kind: "offer-issued", partnerVisible: true, work: [{ inbox: "PARTNER_OFFICER", userId: null, excludedUserIds: [] }] });
    expect(heard(s).foreignPartner).toBeUndefined();
    expect(heard(s).partner).toBe("action");
  });

  it("work goes to the office it names, minus the people separation of duties excludes, and outranks an update", () => {
    const s = scope({
      kind: "case-progress",
      work: [
        { inbox: "DSCA_ANALYST", userId: null, excludedUserIds: ["d2"] },
        { inbox: `IA_CASE_MANAGER:${AGENCY}`, userId: null, excludedUserIds: [] },
      ],
    });
    expect(heard(s)).toEqual({ dsca: "action", ia: "action", ia2: "action" });
    expect(heard({ ...s, kind: "review-returned" })).toEqual({ dsca: "action", ia: "action", ia2: "action" });
  });

  it("work for one person reaches only them", () => {
    expect(heard(scope({ work: [{ inbox: "DSCA_ANALYST", userId: "d2", excludedUserIds: [] }] }))).toEqual({ dsca2: "action" });
  });

  it("nobody is told of their own act", () => {
    expect(heard(scope({ kind: "offer-issued", partnerVisible: true, actorUserId: "ia1" }))).toEqual({ partner: "update", ia2: "update" });
  });

  it("money reaches DFAS and the partner; policy reaches administrators and policy staff; auditors are never notified", () => {
    expect(heard(scope({ kind: "statement-issued", partnerVisible: true }))).toEqual({ partner: "update", finance: "update" });
    expect(heard(scope({ kind: "policy-proposed", countryId: null, agencyId: null }))).toEqual({ admin: "update" });
    expect(heard(scope({ kind: "policy-approved", countryId: null, agencyId: null, namedUserIds: ["po1"] }))).toEqual({ policy: "update", admin: "update" });
    for (const kind of NOTIFICATION_KINDS) expect(heard(scope({ kind, partnerVisible: true })).auditor).toBeUndefined();
  });

  it("reads an inbox key as its role and agency", () => {
    expect(selectorOfWork({ inbox: `IA_CASE_MANAGER:${AGENCY}`, userId: null, excludedUserIds: [] })).toMatchObject({ role: "IA_CASE_MANAGER", organizationId: AGENCY, reason: "action" });
    expect(selectorOfWork({ inbox: "STATE_REVIEWER", userId: null, excludedUserIds: [] })).toMatchObject({ role: "STATE_REVIEWER", organizationId: null });
    expect(audienceOf(scope({ kind: "offer-issued", partnerVisible: true, countryId: null }))).not.toContainEqual(expect.objectContaining({ role: "PARTNER_OFFICER" }));
  });
});

describe("kinds of event", () => {
  it("maps audit actions to kinds, and leaves drafts, files and sign-ins untold", () => {
    expect(notificationKindOf("case.offer", { event: "offer" })).toBe("offer-issued");
    expect(notificationKindOf("case.return-for-rework", { event: "return-for-rework" })).toBe("review-returned");
    expect(notificationKindOf("case.concur", { event: "concur" })).toBe("case-progress");
    expect(notificationKindOf("loa.approve", { toStatus: "OFFERED" })).toBe("amendment-offered");
    expect(notificationKindOf("loa.approve", { toStatus: "APPROVED" })).toBe("case-progress");
    expect(notificationKindOf("lor.mark_insufficient", null)).toBe("letter-returned");
    expect(notificationKindOf("shipment.record", {})).toBe("shipment-sent");
    for (const untold of ["loa.save", "lor.update", "lor.attachment_add", "auth.sign_in", "case.export", "api_token.create"]) {
      expect(notificationKindOf(untold, {})).toBeNull();
    }
  });

  it("every workflow event of a case has a kind", () => {
    for (const event of Object.keys(CASE_EVENTS)) expect(notificationKindOf(`case.${event}`, { event })).not.toBeNull();
  });

  it("every kind has a group, a label and a subject that names no record", () => {
    for (const kind of NOTIFICATION_KINDS) {
      const rule = NOTIFICATION_RULES[kind];
      expect(NOTIFICATION_GROUPS).toContain(rule.group);
      expect(rule.label.length).toBeGreaterThan(5);
      expect(rule.subject).not.toMatch(/[A-Z]{2}-[A-Z]-[A-Z]{3}|\$|\d/);
    }
  });

  it("new work is one preference; deadlines and news keep their own", () => {
    expect(preferenceKindOf("case-progress", "action")).toBe("task-assigned");
    expect(preferenceKindOf("review-returned", "action")).toBe("task-assigned");
    expect(preferenceKindOf("task-overdue", "action")).toBe("task-overdue");
    expect(preferenceKindOf("offer-issued", "update")).toBe("offer-issued");
  });

  it("titles say whose work it is, and links lead to the record's page", () => {
    expect(noticeTitle("BN-B-ZAA", "LOA offered to the partner", "update")).toBe("BN-B-ZAA: LOA offered to the partner");
    expect(noticeTitle("BN-B-ZAA", "Agency signed the LOA (MILSGN)", "action")).toBe("Action needed — BN-B-ZAA: Agency signed the LOA (MILSGN)");
    expect(recordLink("case", "c1")).toBe("/cases/c1");
    expect(recordLink("lor", "l1")).toBe("/lors/l1");
    expect(recordLink("session", "s1")).toBeNull();
  });
});
