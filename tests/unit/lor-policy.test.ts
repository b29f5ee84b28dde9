import { describe, expect, it } from "vitest";
import { can, decide, type Actor, type PolicyAction } from "@/domain/policy";
import { ROLES, type Role } from "@/domain/roles";
import { testActor } from "./test-actors";

const OWN_COUNTRY = "11111111-1111-4111-8111-111111111111";
const OTHER_COUNTRY = "22222222-2222-4222-8222-222222222222";
const OWN_AGENCY = "55555555-5555-4555-8555-555555555555";
const OTHER_AGENCY = "66666666-6666-4666-8666-666666666666";

/** A partner officer works for OWN_COUNTRY; an agency case manager for OWN_AGENCY; other USG staff for their office. */
function actorFor(role: Role, overrides: Partial<Actor> = {}): Actor {
  const organizationId =
    role === "PARTNER_OFFICER" ? OWN_COUNTRY : role === "IA_CASE_MANAGER" ? OWN_AGENCY : "77777777-7777-4777-8777-777777777777";
  return testActor(role, organizationId, overrides);
}

const USG_ROLES = ROLES.filter((r) => r !== "PARTNER_OFFICER");
const LOR_ACTIONS: PolicyAction[] = [
  "listLors",
  "viewLor",
  "createLor",
  "editLor",
  "submitLor",
  "withdrawLor",
  "validateLor",
  "disapproveLor",
];

/** A letter of request of the partner's own country, sent to the USG, not yet routed. */
const ownLetter = { organizationId: OWN_COUNTRY, submitted: true, agencyId: null };
const foreignLetter = { organizationId: OTHER_COUNTRY, submitted: true, agencyId: null };

describe("country isolation for letters of request and cases", () => {
  const partner = actorFor("PARTNER_OFFICER");

  it.each([...LOR_ACTIONS, "listCases", "viewCase"] as PolicyAction[])(
    "a partner gets not-found for %s on another country's record, submitted or not",
    (action) => {
      expect(decide(partner, action, foreignLetter)).toBe("not-found");
      expect(decide(partner, action, { ...foreignLetter, submitted: false })).toBe("not-found");
      expect(decide(partner, action, { ...foreignLetter, agencyId: OWN_AGENCY })).toBe("not-found");
      expect(can(partner, action, foreignLetter)).toBe(false);
    },
  );

  it.each([
    ["listLors", "allow"],
    ["viewLor", "allow"],
    ["createLor", "allow"],
    ["editLor", "allow"],
    ["submitLor", "allow"],
    ["withdrawLor", "allow"],
    ["validateLor", "forbidden"],
    ["disapproveLor", "forbidden"],
    ["viewCase", "allow"],
  ] as const)("a partner on their own country's letter: %s → %s", (action, expected) => {
    expect(decide(partner, action, ownLetter)).toBe(expected);
  });

  it("a partner sees and works on their own unsent draft", () => {
    const draft = { organizationId: OWN_COUNTRY, submitted: false };
    for (const action of ["viewLor", "editLor", "submitLor", "withdrawLor"] as const) expect(decide(partner, action, draft)).toBe("allow");
  });

  it.each(USG_ROLES)("%s may read any country's submitted letter and case", (role) => {
    expect(decide(actorFor(role), "viewLor", foreignLetter)).toBe("allow");
    expect(decide(actorFor(role), "viewLor", ownLetter)).toBe("allow");
    expect(decide(actorFor(role), "viewCase", { organizationId: OTHER_COUNTRY })).toBe("allow");
    expect(decide(actorFor(role), "listCases")).toBe("allow");
    expect(decide(actorFor(role), "listLors")).toBe("allow");
  });
});

describe("unsent drafts are invisible to the U.S. Government", () => {
  const draft = { organizationId: OTHER_COUNTRY, submitted: false, agencyId: null };

  it.each(USG_ROLES)("%s gets not-found for viewLor on an unsent draft, allow once submitted", (role) => {
    const actor = actorFor(role);
    expect(decide(actor, "viewLor", draft)).toBe("not-found");
    expect(decide(actor, "viewLor", { ...draft, submitted: true })).toBe("allow");
  });

  it.each(USG_ROLES)("%s gets not-found, never forbidden, when validating or disapproving an unsent draft", (role) => {
    const actor = actorFor(role);
    expect(decide(actor, "validateLor", draft)).toBe("not-found");
    expect(decide(actor, "disapproveLor", draft)).toBe("not-found");
  });

  it("a letter whose submission state is not given is not hidden (only an explicit submitted:false is)", () => {
    expect(decide(actorFor("DSCA_ANALYST"), "viewLor", { organizationId: OTHER_COUNTRY })).toBe("allow");
  });
});

describe("writing letters is for partner officers only", () => {
  it.each(USG_ROLES.flatMap((role) => (["createLor", "editLor", "submitLor", "withdrawLor"] as const).map((action) => ({ role, action }))))(
    "$role → $action on a submitted letter: forbidden",
    ({ role, action }) => {
      expect(decide(actorFor(role), action, foreignLetter)).toBe("forbidden");
    },
  );
});

describe("validateLor", () => {
  const manager = actorFor("IA_CASE_MANAGER");

  it.each([
    ["an unrouted letter (agencyId null)", { agencyId: null }, "allow"],
    ["an unrouted letter (agencyId omitted)", {}, "allow"],
    ["a letter routed to their own agency", { agencyId: OWN_AGENCY }, "allow"],
    ["a letter routed to another agency", { agencyId: OTHER_AGENCY }, "forbidden"],
  ] as const)("an agency case manager on %s → %s", (_name, routing, expected) => {
    expect(decide(manager, "validateLor", { organizationId: OTHER_COUNTRY, submitted: true, ...routing })).toBe(expected);
  });

  it("an agency case manager may still read a letter routed to another agency", () => {
    expect(decide(manager, "viewLor", { organizationId: OTHER_COUNTRY, submitted: true, agencyId: OTHER_AGENCY })).toBe("allow");
  });

  it("a DSCA analyst validates letters routed to any agency", () => {
    const analyst = actorFor("DSCA_ANALYST");
    for (const agencyId of [null, OWN_AGENCY, OTHER_AGENCY]) {
      expect(decide(analyst, "validateLor", { organizationId: OTHER_COUNTRY, submitted: true, agencyId })).toBe("allow");
    }
  });

  it.each(["PARTNER_OFFICER", "STATE_REVIEWER", "DTSA_REVIEWER", "ADMIN", "AUDITOR"] as const)(
    "%s may not validate, whatever the routing",
    (role) => {
      const actor = actorFor(role);
      const organizationId = role === "PARTNER_OFFICER" ? OWN_COUNTRY : OTHER_COUNTRY;
      for (const agencyId of [null, OWN_AGENCY, OTHER_AGENCY, actor.organizationId]) {
        expect(decide(actor, "validateLor", { organizationId, submitted: true, agencyId })).toBe("forbidden");
      }
    },
  );
});

describe("disapproveLor", () => {
  const DISAPPROVERS: readonly Role[] = ["DSCA_ANALYST", "STATE_REVIEWER", "DTSA_REVIEWER"];

  it.each(ROLES)("%s", (role) => {
    const actor = actorFor(role);
    const subject = role === "PARTNER_OFFICER" ? ownLetter : { ...foreignLetter, agencyId: OWN_AGENCY };
    expect(decide(actor, "disapproveLor", subject)).toBe(DISAPPROVERS.includes(role) ? "allow" : "forbidden");
  });
});
