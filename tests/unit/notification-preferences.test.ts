// E-mail preferences (issue 15 §3): a person is offered only the kinds their role can receive, grouped like the
// notifications page, each with their choice or the kind's default.
import { describe, expect, it } from "vitest";
import { NOTIFICATION_RULES } from "@/domain/notifications/kinds";
import { preferencesFor, receivableKinds } from "@/domain/notifications/preferences";
import { UpdateNotificationPreferencesInput } from "@/domain/schemas/notification-preferences";
import { ROLES } from "@/domain/roles";

describe("the kinds a role can receive", () => {
  it("never offers a partner a Policy kind, a U.S. Government-internal step or the work of an inbox they lack", () => {
    const kinds = receivableKinds("PARTNER_OFFICER");
    expect(kinds.filter((k) => NOTIFICATION_RULES[k].group === "Policy")).toEqual([]);
    expect(kinds).not.toContain("task-assigned");
    expect(kinds).not.toContain("case-progress");
    expect(kinds).not.toContain("change-submitted");
    expect(kinds).toEqual(expect.arrayContaining(["offer-issued", "oed-approaching", "letter-returned", "statement-issued", "sdr-decided", "case-closed"]));
  });

  it("gives offices with an inbox their work, and policy staff and administrators the Policy kinds", () => {
    expect(receivableKinds("DTSA_REVIEWER")).toEqual(expect.arrayContaining(["task-assigned", "task-due-soon", "task-overdue"]));
    expect(receivableKinds("IA_CASE_MANAGER")).toEqual(expect.arrayContaining(["task-assigned", "offer-issued", "sdr-filed", "review-returned"]));
    expect(receivableKinds("ADMIN")).toEqual(expect.arrayContaining(["policy-proposed", "policy-approved"]));
    expect(receivableKinds("POLICY_OFFICER")).toContain("policy-approved");
    expect(receivableKinds("POLICY_OFFICER")).not.toContain("task-assigned");
  });

  it("gives every role at least one kind, and the owner of a webhook subscription hears when it is turned off", () => {
    for (const role of ROLES) {
      expect(receivableKinds(role).length).toBeGreaterThan(0);
      expect(receivableKinds(role)).toContain("webhook-disabled");
    }
  });
});

describe("a person's settings", () => {
  it("uses their choice where they made one and the default elsewhere, grouped in the page's order", () => {
    const groups = preferencesFor("PARTNER_OFFICER", new Map([["offer-issued", "OFF"]]));
    const items = groups.flatMap((g) => g.items);
    expect(items.find((i) => i.kind === "offer-issued")).toMatchObject({ email: "OFF", defaultEmail: "IMMEDIATE" });
    expect(items.find((i) => i.kind === "case-closed")).toMatchObject({ email: "DIGEST", defaultEmail: "DIGEST" });
    expect(groups.map((g) => g.group)).toEqual(["Letters of request", "Cases and reviews", "Offers and changes", "Money", "Deliveries", "Closure", "Connected systems"]);
  });
});

describe("the update's input", () => {
  it("accepts kinds with a mode, and names an unknown kind or a wrong mode as its own field", () => {
    expect(UpdateNotificationPreferencesInput.safeParse({ preferences: { "offer-issued": "DIGEST" } }).success).toBe(true);
    const wrong = UpdateNotificationPreferencesInput.safeParse({ preferences: { "offer-issued": "WEEKLY", "no-such-kind": "OFF" } });
    expect(wrong.success).toBe(false);
    const paths = wrong.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["preferences.offer-issued", "preferences.no-such-kind"]));
    expect(UpdateNotificationPreferencesInput.safeParse({ preferences: {}, userId: "someone-else" }).success).toBe(false);
  });
});

it("says what is wrong with an unknown kind", () => {
  const wrong = UpdateNotificationPreferencesInput.safeParse({ preferences: { "no-such-kind": "OFF" } });
  expect(wrong.error!.issues[0]!.message).toBe("No such kind of notification");
});
