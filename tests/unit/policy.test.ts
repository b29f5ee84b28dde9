import { describe, expect, it } from "vitest";
import { POLICY, can, decide, isForeignToActor, type Actor, type PolicyAction, type PolicySubject } from "@/domain/policy";
import { ROLES, type Role } from "@/domain/roles";
import { TEST_ACTOR_ID as ACTOR_ID, testActor } from "./test-actors";

const OWN_ORG = "11111111-1111-4111-8111-111111111111";
const OTHER_ORG = "22222222-2222-4222-8222-222222222222";
const OTHER_USER = "44444444-4444-4444-8444-444444444444";

function actorFor(role: Role, overrides: Partial<Actor> = {}): Actor {
  return testActor(role, OWN_ORG, overrides);
}

const ALL = ROLES;
const ADMIN_ONLY: readonly Role[] = ["ADMIN"];
const USG: readonly Role[] = ["DSCA_ANALYST", "STATE_REVIEWER", "DTSA_REVIEWER", "IA_CASE_MANAGER", "ADMIN", "AUDITOR", "FINANCE_OFFICER", "POLICY_OFFICER"];

/**
 * The permission table written out independently of POLICY, so a change to POLICY has to be made here too.
 * Subjects are another user's record in the actor's own organization, routed to the actor's own agency (for agency
 * case managers the agency is their organization); AGENCY_SCOPED below says what changes for another agency.
 */
const EXPECTED_ALLOWED: Record<PolicyAction, readonly Role[]> = {
  viewOwnProfile: ALL,
  manageOwnApiTokens: ALL,
  manageOwnSigningKey: ALL,
  readOwnNotifications: ALL,
  manageOwnNotificationPreferences: ALL,
  manageOwnDisplayPreferences: ALL,
  readEventFeed: ALL,
  manageWebhooks: ["PARTNER_OFFICER", "IA_CASE_MANAGER", "ADMIN"],
  viewOrganization: ALL,
  listOrganizations: ALL,
  viewOrganizationMembers: ALL,
  confirmReferenceData: ADMIN_ONLY,
  listUsers: ADMIN_ONLY,
  viewUser: ADMIN_ONLY,
  createUser: ADMIN_ONLY,
  changeUserRole: ADMIN_ONLY,
  deactivateUser: ADMIN_ONLY,
  viewAuditLog: ["AUDITOR", "ADMIN"],
  viewPolicyRates: ALL,
  viewPolicyAdministration: ["ADMIN", "POLICY_OFFICER", "AUDITOR"],
  proposePolicyChange: ["ADMIN", "POLICY_OFFICER"],
  decidePolicyChange: ADMIN_ONLY,
  listLors: ALL,
  viewLor: ALL,
  createLor: ["PARTNER_OFFICER"],
  editLor: ["PARTNER_OFFICER"],
  submitLor: ["PARTNER_OFFICER"],
  withdrawLor: ["PARTNER_OFFICER"],
  validateLor: ["DSCA_ANALYST", "IA_CASE_MANAGER"],
  disapproveLor: ["DSCA_ANALYST", "STATE_REVIEWER", "DTSA_REVIEWER"],
  listImplementingAgencies: ALL,
  listCases: ALL,
  viewCase: ALL,
  viewDashboard: ALL,
  assignOfficeAccountable: ADMIN_ONLY,
  viewCaseAudit: USG,
  viewCaseEvidence: ALL,
  listMyTasks: ["DSCA_ANALYST", "STATE_REVIEWER", "DTSA_REVIEWER", "IA_CASE_MANAGER", "FINANCE_OFFICER"],
  assignCaseAgency: ["DSCA_ANALYST"],
  developLoa: ["IA_CASE_MANAGER"],
  decideReview: ["DSCA_ANALYST", "STATE_REVIEWER", "DTSA_REVIEWER"],
  waiveReview: ["DSCA_ANALYST"],
  manageNotification: ["DSCA_ANALYST"],
  clearNotification: ["STATE_REVIEWER"],
  holdNotification: ["DSCA_ANALYST", "STATE_REVIEWER"],
  countersignLoa: ["DSCA_ANALYST"],
  respondToOffer: ["PARTNER_OFFICER"],
  implementCase: ["DSCA_ANALYST"],
  recordDeposit: ["DSCA_ANALYST", "FINANCE_OFFICER"],
  executeCase: ["IA_CASE_MANAGER"],
  closeCase: ["DSCA_ANALYST"],
  reopenCase: ["DSCA_ANALYST"],
  viewExecution: ALL,
  recordExecution: ["IA_CASE_MANAGER"],
  submitRequisition: ["PARTNER_OFFICER", "IA_CASE_MANAGER"],
  receiveShipment: ["PARTNER_OFFICER", "IA_CASE_MANAGER"],
  fileSdr: ["PARTNER_OFFICER"],
  decideSdr: ["IA_CASE_MANAGER"],
  commentOnSdr: ["PARTNER_OFFICER", "IA_CASE_MANAGER", "DSCA_ANALYST"],
  viewFinances: ALL,
  recordPayment: ["FINANCE_OFFICER"],
  issueStatements: ["FINANCE_OFFICER"],
  reviewCaseAnnually: ["IA_CASE_MANAGER"],
  controlCase: ["DSCA_ANALYST"],
  editLoa: ["IA_CASE_MANAGER"],
  viewLoaInternals: USG,
  decideLoaChange: ["DSCA_ANALYST"],
  quotePricing: ALL,
};

const ACTIONS = Object.keys(POLICY) as PolicyAction[];

/**
 * Rules where an agency case manager acts only for their own agency. "assigned": the record must name their agency
 * (cases); "routed": a record routed to another agency is refused, an unrouted one is open to every agency (letters).
 */
const AGENCY_SCOPED: Partial<Record<PolicyAction, "assigned" | "routed">> = {
  validateLor: "routed",
  developLoa: "assigned",
  editLoa: "assigned",
  executeCase: "assigned",
  recordExecution: "assigned",
  submitRequisition: "assigned",
  receiveShipment: "assigned",
  decideSdr: "assigned",
  commentOnSdr: "assigned",
  reviewCaseAnnually: "assigned",
};

/** The expected decision for a record naming `agencyId` (undefined: the record names no agency). */
function expectedFor(role: Role, action: PolicyAction, agencyId: string | null | undefined): "allow" | "forbidden" {
  if (!EXPECTED_ALLOWED[action].includes(role)) return "forbidden";
  const scope = role === "IA_CASE_MANAGER" ? AGENCY_SCOPED[action] : undefined;
  if (scope === "assigned" && agencyId !== OWN_ORG) return "forbidden";
  if (scope === "routed" && agencyId && agencyId !== OWN_ORG) return "forbidden";
  return "allow";
}

const matrix = ACTIONS.flatMap((action) =>
  ROLES.map((role) => ({
    action,
    role,
    expected: EXPECTED_ALLOWED[action].includes(role) ? ("allow" as const) : ("forbidden" as const),
  })),
);

describe("policy table", () => {
  it("covers exactly the actions this test knows about", () => {
    expect([...ACTIONS].sort()).toEqual(Object.keys(EXPECTED_ALLOWED).sort());
  });

  it("every rule has a description", () => {
    for (const action of ACTIONS) expect(POLICY[action].description.length, action).toBeGreaterThan(5);
  });

  it.each(matrix)("$role → $action without a subject (no agency named)", ({ action, role }) => {
    expect(decide(actorFor(role), action)).toBe(expectedFor(role, action, undefined));
  });

  it.each(matrix)("$role → $action on another user's record of their own organization and agency: $expected", ({ action, role, expected }) => {
    expect(decide(actorFor(role), action, { organizationId: OWN_ORG, userId: OTHER_USER, agencyId: OWN_ORG })).toBe(expected);
  });
});

describe("agency scope", () => {
  const ia = actorFor("IA_CASE_MANAGER");

  it("the agency-scoped rules are the ones agency case managers hold", () => {
    for (const action of Object.keys(AGENCY_SCOPED) as PolicyAction[]) expect(EXPECTED_ALLOWED[action]).toContain("IA_CASE_MANAGER");
  });

  it.each(["developLoa", "executeCase"] as const)("an IA case manager of another agency is forbidden %s", (action) => {
    expect(decide(ia, action, { organizationId: OTHER_ORG, agencyId: OTHER_ORG })).toBe("forbidden");
    expect(decide(ia, action, { organizationId: OWN_ORG, agencyId: OTHER_ORG })).toBe("forbidden");
    expect(decide(ia, action, { agencyId: OWN_ORG })).toBe("allow");
  });

  it.each(["developLoa", "executeCase"] as const)("%s needs the record to name the case manager's agency", (action) => {
    expect(decide(ia, action, {})).toBe("forbidden");
    expect(decide(ia, action, { agencyId: null })).toBe("forbidden");
    expect(decide(ia, action, { organizationId: OWN_ORG })).toBe("forbidden");
  });

  it("letters routed to another agency are refused; unrouted letters are open to every agency", () => {
    expect(decide(ia, "validateLor", { agencyId: OTHER_ORG })).toBe("forbidden");
    expect(decide(ia, "validateLor", { agencyId: null })).toBe("allow");
    expect(decide(ia, "validateLor", {})).toBe("allow");
  });

  const cases = ROLES.flatMap((role) => ACTIONS.map((action) => ({ role, action })));
  it.each(cases)("$role → $action on a record of another agency", ({ role, action }) => {
    expect(decide(actorFor(role), action, { organizationId: OWN_ORG, userId: OTHER_USER, agencyId: OTHER_ORG })).toBe(
      expectedFor(role, action, OTHER_ORG),
    );
  });
});

describe("country isolation", () => {
  const partner = actorFor("PARTNER_OFFICER");

  it.each(ACTIONS)("partner officer gets not-found for %s on another organization's record", (action) => {
    expect(decide(partner, action, { organizationId: OTHER_ORG })).toBe("not-found");
    expect(decide(partner, action, { organizationId: OTHER_ORG, userId: OTHER_USER, countryCode: "W7" })).toBe(
      "not-found",
    );
    expect(can(partner, action, { organizationId: OTHER_ORG })).toBe(false);
  });

  it.each(ACTIONS)("partner officer on their own organization's record for %s follows the role table", (action) => {
    const expected = EXPECTED_ALLOWED[action].includes("PARTNER_OFFICER") ? "allow" : "forbidden";
    expect(decide(partner, action, { organizationId: OWN_ORG })).toBe(expected);
  });

  it("partner officer may see their own organization and its members", () => {
    expect(decide(partner, "viewOrganization", { organizationId: OWN_ORG })).toBe("allow");
    expect(decide(partner, "viewOrganizationMembers", { organizationId: OWN_ORG })).toBe("allow");
    expect(decide(partner, "listUsers", { organizationId: OWN_ORG })).toBe("forbidden");
  });

  const usgRoles = ROLES.filter((role) => role !== "PARTNER_OFFICER");
  const usgCases = usgRoles.flatMap((role) => ACTIONS.map((action) => ({ role, action })));
  it.each(usgCases)("USG $role is not confined to one organization for $action", ({ role, action }) => {
    const actor = actorFor(role);
    // Webhook subscriptions belong to one organization: another one's is not there for an agency case manager.
    const confined = role === "IA_CASE_MANAGER" && action === "manageWebhooks";
    const expected = confined ? "not-found" : EXPECTED_ALLOWED[action].includes(role) ? "allow" : "forbidden";
    // Another purchaser's record, routed to the actor's own agency: the purchaser does not confine USG staff.
    expect(decide(actor, action, { organizationId: OTHER_ORG, userId: OTHER_USER, agencyId: OWN_ORG })).toBe(expected);
  });

  it("isForeignToActor only applies to partner officers and to subjects that name an organization", () => {
    expect(isForeignToActor(partner, { organizationId: OTHER_ORG })).toBe(true);
    expect(isForeignToActor(partner, { organizationId: OWN_ORG })).toBe(false);
    expect(isForeignToActor(partner, {})).toBe(false);
    expect(isForeignToActor(partner, { countryCode: "W7" })).toBe(false);
    for (const role of usgRoles) expect(isForeignToActor(actorFor(role), { organizationId: OTHER_ORG })).toBe(false);
  });
});

describe("administrators and their own account", () => {
  const admin = actorFor("ADMIN");

  it.each(["changeUserRole", "deactivateUser", "decidePolicyChange"] as const)("an admin cannot %s on themselves", (action) => {
    expect(decide(admin, action, { userId: admin.userId })).toBe("forbidden");
    expect(decide(admin, action, { userId: admin.userId, organizationId: OWN_ORG })).toBe("forbidden");
    expect(can(admin, action, { userId: admin.userId })).toBe(false);
  });

  it.each(["changeUserRole", "deactivateUser", "decidePolicyChange"] as const)("an admin can %s on someone else", (action) => {
    expect(decide(admin, action, { userId: OTHER_USER })).toBe("allow");
    expect(decide(admin, action, { userId: OTHER_USER, organizationId: OTHER_ORG })).toBe("allow");
  });

  it("self-protection does not affect other admin actions on themselves", () => {
    expect(decide(admin, "viewUser", { userId: admin.userId })).toBe("allow");
    expect(decide(admin, "viewOwnProfile", { userId: admin.userId })).toBe("allow");
  });

  it.each(ROLES.filter((r) => r !== "ADMIN"))("%s cannot change anyone's role or active flag", (role) => {
    const actor = actorFor(role);
    for (const userId of [actor.userId, OTHER_USER]) {
      expect(decide(actor, "changeUserRole", { userId })).toBe("forbidden");
      expect(decide(actor, "deactivateUser", { userId })).toBe("forbidden");
    }
  });
});

describe("can() agrees with decide()", () => {
  const subjects: PolicySubject[] = [
    {},
    { organizationId: OWN_ORG },
    { organizationId: OTHER_ORG },
    { userId: ACTOR_ID },
    { userId: OTHER_USER, organizationId: OWN_ORG },
    { userId: ACTOR_ID, organizationId: OTHER_ORG },
  ];
  const cases = ROLES.flatMap((role) => ACTIONS.map((action) => ({ role, action })));
  it.each(cases)("$role / $action", ({ role, action }) => {
    const actor = actorFor(role);
    for (const subject of subjects) {
      expect(can(actor, action, subject)).toBe(decide(actor, action, subject) === "allow");
    }
    expect(can(actor, action)).toBe(decide(actor, action) === "allow");
  });
});
