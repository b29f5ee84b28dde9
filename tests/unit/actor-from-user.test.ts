import { describe, expect, it } from "vitest";
import { actorFromUser } from "@/domain/policy";

const base = { id: "u1", email: "a@b.example", name: "A B", organizationId: "o1" };

describe("actorFromUser", () => {
  it("gives a partner officer their country's FMS code", () => {
    const actor = actorFromUser(
      { ...base, role: "PARTNER_OFFICER", organization: { kind: "PARTNER_COUNTRY", name: "Saudi Arabia", code: "SR" } },
      { sessionId: "s1" },
    );
    expect(actor).toMatchObject({ countryCode: "SR", organizationKind: "PARTNER_COUNTRY", sessionId: "s1", tokenId: null });
  });

  it("gives USG staff no country, whatever their office's code", () => {
    const actor = actorFromUser(
      { ...base, role: "IA_CASE_MANAGER", organization: { kind: "IMPLEMENTING_AGENCY", name: "Navy", code: "P" } },
      { tokenId: "t1" },
    );
    expect(actor).toMatchObject({ countryCode: null, organizationName: "Navy", tokenId: "t1", sessionId: null });
  });
});
