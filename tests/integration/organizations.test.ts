import { describe, expect, it } from "vitest";
import { confirmOrganization } from "@/server/organizations/confirm-organization";
import { getOrganization } from "@/server/organizations/get-organization";
import { listOrganizations } from "@/server/organizations/list-organizations";
import { createOrganization, createUser } from "../factories";
import { actorOf, context, expectAppError, testPrisma, uniqueCode, uniqueEmail } from "./helpers";

const prisma = testPrisma();

async function partnerOf(code: string) {
  return createUser(prisma, { role: "PARTNER_OFFICER", countryCode: code, email: uniqueEmail(`partner-${code.toLowerCase()}`) });
}

describe("getOrganization", () => {
  it("a partner asking for another country's organization gets NOT_FOUND, not FORBIDDEN", async () => {
    const a = await partnerOf(uniqueCode());
    const b = await partnerOf(uniqueCode());
    const error = await expectAppError(getOrganization(actorOf(a), b.organizationId), "NOT_FOUND");
    expect(error.status).toBe(404);
    expect(error.message).toBe("Organization not found");
    // Exactly what a record that does not exist at all looks like.
    const missing = await expectAppError(getOrganization(actorOf(a), "00000000-0000-4000-8000-000000000000"), "NOT_FOUND");
    expect(missing.message).toBe(error.message);
  });

  it("a partner cannot see USG offices either", async () => {
    const partner = await partnerOf(uniqueCode());
    const analyst = await createUser(prisma, { role: "DSCA_ANALYST", email: uniqueEmail("analyst") });
    await expectAppError(getOrganization(actorOf(partner), analyst.organizationId), "NOT_FOUND");
  });

  it("a partner sees their own organization with its active members", async () => {
    const code = uniqueCode();
    const partner = await partnerOf(code);
    const colleague = await createUser(prisma, { role: "PARTNER_OFFICER", countryCode: code, name: "Aaron Colleague", email: uniqueEmail("colleague") });
    const former = await createUser(prisma, { role: "PARTNER_OFFICER", countryCode: code, email: uniqueEmail("former"), active: false });

    const org = await getOrganization(actorOf(partner), partner.organizationId);
    expect(org).toMatchObject({ id: partner.organizationId, code, kind: "PARTNER_COUNTRY" });
    const memberIds = org.members.map((m) => m.id);
    expect(memberIds.sort()).toEqual([partner.id, colleague.id].sort());
    expect(memberIds).not.toContain(former.id);
    expect(org.members[0]).toEqual({ id: colleague.id, name: "Aaron Colleague", email: colleague.email, role: "PARTNER_OFFICER" });
  });

  it("USG staff see any country with its members", async () => {
    const partner = await partnerOf(uniqueCode());
    const state = await createUser(prisma, { role: "STATE_REVIEWER", email: uniqueEmail("state") });
    const org = await getOrganization(actorOf(state), partner.organizationId);
    expect(org.members.map((m) => m.id)).toContain(partner.id);
  });

  it("a malformed id is NOT_FOUND", async () => {
    const state = await createUser(prisma, { role: "STATE_REVIEWER", email: uniqueEmail("state") });
    await expectAppError(getOrganization(actorOf(state), "SR"), "NOT_FOUND");
  });
});

describe("listOrganizations", () => {
  it("a partner gets only their own organization, whatever the filter", async () => {
    const partner = await partnerOf(uniqueCode());
    await partnerOf(uniqueCode());
    const own = await listOrganizations(actorOf(partner));
    expect(own.map((o) => o.id)).toEqual([partner.organizationId]);
    expect(await listOrganizations(actorOf(partner), { kind: "DSCA" })).toEqual([]);
  });

  it("USG staff see every organization, USG offices first", async () => {
    await partnerOf(uniqueCode());
    const analyst = await createUser(prisma, { role: "DSCA_ANALYST", email: uniqueEmail("analyst") });
    const all = await listOrganizations(actorOf(analyst));
    expect(all).toHaveLength(await prisma.organization.count());
    const kinds = all.map((o) => o.kind);
    expect(kinds.indexOf("PARTNER_COUNTRY")).toBeGreaterThan(kinds.lastIndexOf("DSCA"));
  });

  it("filters by kind and verified flag, and refuses bad filters", async () => {
    const analyst = actorOf(await createUser(prisma, { role: "DSCA_ANALYST", email: uniqueEmail("analyst") }));
    const unverified = await createOrganization(prisma, { kind: "IMPLEMENTING_AGENCY", code: uniqueCode(), verified: false });
    const agencies = await listOrganizations(analyst, { kind: "IMPLEMENTING_AGENCY", verified: "false" });
    expect(agencies.map((o) => o.id)).toContain(unverified.id);
    expect(agencies.every((o) => o.kind === "IMPLEMENTING_AGENCY" && !o.verified)).toBe(true);
    await expectAppError(listOrganizations(analyst, { kind: "EMBASSY" }), "VALIDATION_FAILED");
  });
});

describe("confirmOrganization", () => {
  it("an admin confirms an unverified code: verified, version bumped, audited", async () => {
    const adminUser = await createUser(prisma, { role: "ADMIN", email: uniqueEmail("admin"), name: "Confirming Admin" });
    const admin = actorOf(adminUser);
    const org = await createOrganization(prisma, { kind: "IMPLEMENTING_AGENCY", code: uniqueCode(), verified: false });
    expect(org).toMatchObject({ verified: false, version: 1 });

    const ctx = context();
    const confirmed = await confirmOrganization(admin, org.id, { expectedVersion: 1 }, ctx);
    expect(confirmed).toMatchObject({ id: org.id, verified: true, version: 2 });
    expect(confirmed.verifiedAt).not.toBeNull();
    expect(await prisma.organization.findUniqueOrThrow({ where: { id: org.id } })).toMatchObject({
      verified: true,
      version: 2,
      verifiedById: adminUser.id,
    });
    const [event] = await prisma.auditEvent.findMany({ where: { requestId: ctx.requestId } });
    expect(event).toMatchObject({ action: "reference.confirm", outcome: "SUCCESS", targetId: org.id, actorUserId: adminUser.id });
    expect(event!.details).toMatchObject({ code: org.code, before: { verified: false }, after: { verified: true } });

    expect((await getOrganization(admin, org.id)).verifiedByName).toBe("Confirming Admin");
  });

  it("a stale version is a VERSION_CONFLICT with the current version", async () => {
    const admin = actorOf(await createUser(prisma, { role: "ADMIN", email: uniqueEmail("admin") }));
    const org = await createOrganization(prisma, { kind: "IMPLEMENTING_AGENCY", code: uniqueCode(), verified: false });
    await confirmOrganization(admin, org.id, { expectedVersion: 1 }, context());
    const ctx = context();
    const error = await expectAppError(confirmOrganization(admin, org.id, { expectedVersion: 1 }, ctx), "VERSION_CONFLICT");
    expect(error.extra.currentVersion).toBe(2);
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: org.id } })).version).toBe(2);
    expect(await prisma.auditEvent.count({ where: { requestId: ctx.requestId } })).toBe(0);
  });

  it.each(["DSCA_ANALYST", "AUDITOR", "IA_CASE_MANAGER"] as const)("a %s cannot confirm (FORBIDDEN)", async (role) => {
    const actor = actorOf(await createUser(prisma, { role, email: uniqueEmail("nonadmin") }));
    const org = await createOrganization(prisma, { kind: "IMPLEMENTING_AGENCY", code: uniqueCode(), verified: false });
    await expectAppError(confirmOrganization(actor, org.id, { expectedVersion: 1 }, context()), "FORBIDDEN");
    expect(await prisma.organization.findUniqueOrThrow({ where: { id: org.id } })).toMatchObject({ verified: false, version: 1 });
  });

  it("a partner officer cannot confirm even their own country", async () => {
    const partner = await partnerOf(uniqueCode());
    await expectAppError(confirmOrganization(actorOf(partner), partner.organizationId, { expectedVersion: 1 }, context()), "FORBIDDEN");
  });

  it("bad input and unknown ids are refused", async () => {
    const admin = actorOf(await createUser(prisma, { role: "ADMIN", email: uniqueEmail("admin") }));
    const org = await createOrganization(prisma, { kind: "IMPLEMENTING_AGENCY", code: uniqueCode(), verified: false });
    const error = await expectAppError(confirmOrganization(admin, org.id, { expectedVersion: "1" }, context()), "VALIDATION_FAILED");
    expect(error.extra.fields).toHaveProperty("expectedVersion");
    await expectAppError(confirmOrganization(admin, "00000000-0000-4000-8000-000000000000", { expectedVersion: 1 }, context()), "NOT_FOUND");
    await expectAppError(confirmOrganization(admin, "nope", { expectedVersion: 1 }, context()), "NOT_FOUND");
  });
});
