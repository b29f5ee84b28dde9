import { describe, expect, it } from "vitest";
import { verifySignIn } from "@/server/auth/verify-sign-in";
import { createUser } from "@/server/users/create-user";
import { getUser } from "@/server/users/get-user";
import { listUsers } from "@/server/users/list-users";
import { updateUser } from "@/server/users/update-user";
import { createOrganization, createUser as makeUser } from "../factories";
import { actorOf, context, expectAppError, testPrisma, unique, uniqueCode, uniqueEmail } from "./helpers";

const prisma = testPrisma();

async function adminActor() {
  return actorOf(await makeUser(prisma, { role: "ADMIN", email: uniqueEmail("admin") }));
}

async function dscaOrganization() {
  return createOrganization(prisma, { kind: "DSCA", code: "TDSCA" });
}

describe("createUser", () => {
  it("an admin creates a user who can then sign in; the password is stored hashed and the change audited", async () => {
    const admin = await adminActor();
    const org = await dscaOrganization();
    const email = uniqueEmail("new");
    const ctx = context();
    const password = "a brand new long password";
    const view = await createUser(
      admin,
      { email: `  ${email.toUpperCase()}  `, name: "  Jose\u0301   Okafor ", role: "DSCA_ANALYST", organizationId: org.id, password },
      ctx,
    );

    expect(view).toMatchObject({
      email,
      name: "Jos\u00e9 Okafor",
      role: "DSCA_ANALYST",
      active: true,
      version: 1,
      organization: { id: org.id, code: "TDSCA", kind: "DSCA" },
    });
    const row = await prisma.user.findUniqueOrThrow({ where: { id: view.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain(password);

    const [event] = await prisma.auditEvent.findMany({ where: { requestId: ctx.requestId } });
    expect(event).toMatchObject({ action: "user.create", outcome: "SUCCESS", actorUserId: admin.userId, targetId: view.id });
    expect(event!.details).toEqual({
      after: { email, name: "Jos\u00e9 Okafor", role: "DSCA_ANALYST", organization: "TDSCA", active: true },
    });
    expect(JSON.stringify(event!.details)).not.toContain(password);

    expect(await verifySignIn({ email, password }, context())).toMatchObject({ ok: true, userId: view.id });
  });

  it("stores formula-like names verbatim", async () => {
    const admin = await adminActor();
    const org = await dscaOrganization();
    const name = "=cmd|' /C calc'!A0";
    const view = await createUser(
      admin,
      { email: uniqueEmail("formula"), name, role: "AUDITOR", organizationId: org.id, password: "long enough password" },
      context(),
    );
    expect(view.name).toBe(name);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: view.id } })).name).toBe(name);
  });

  it.each(["DSCA_ANALYST", "AUDITOR", "PARTNER_OFFICER"] as const)("a %s cannot create users (FORBIDDEN)", async (role) => {
    const actor = actorOf(await makeUser(prisma, { role, email: uniqueEmail("nonadmin") }));
    const org = await dscaOrganization();
    const email = uniqueEmail("forbidden");
    await expectAppError(
      createUser(actor, { email, name: "X", role: "ADMIN", organizationId: org.id, password: "long enough password" }, context()),
      "FORBIDDEN",
    );
    expect(await prisma.user.count({ where: { email } })).toBe(0);
  });

  it("a duplicate e-mail (in any case) is a CONFLICT on the email field", async () => {
    const admin = await adminActor();
    const existing = await makeUser(prisma, { role: "DSCA_ANALYST", email: uniqueEmail("dup") });
    const ctx = context();
    const error = await expectAppError(
      createUser(
        admin,
        {
          email: existing.email.toUpperCase(),
          name: "Someone Else",
          role: "DSCA_ANALYST",
          organizationId: existing.organizationId,
          password: "long enough password",
        },
        ctx,
      ),
      "CONFLICT",
    );
    expect(error.status).toBe(409);
    expect(error.extra.fields?.email).toMatch(/already exists/);
    expect(await prisma.user.findUniqueOrThrow({ where: { email: existing.email } })).toMatchObject({ name: existing.name });
    expect(await prisma.auditEvent.count({ where: { requestId: ctx.requestId } })).toBe(0);
  });

  it("a partner officer cannot belong to DSCA (VALIDATION_FAILED on organizationId)", async () => {
    const admin = await adminActor();
    const org = await dscaOrganization();
    const email = uniqueEmail("mismatch");
    const error = await expectAppError(
      createUser(admin, { email, name: "P", role: "PARTNER_OFFICER", organizationId: org.id, password: "long enough password" }, context()),
      "VALIDATION_FAILED",
    );
    expect(Object.keys(error.extra.fields ?? {})).toEqual(["organizationId"]);
    expect(error.extra.fields?.organizationId).toMatch(/partner-nation officer cannot belong to/);
    expect(await prisma.user.count({ where: { email } })).toBe(0);
  });

  it("an organization that does not exist is VALIDATION_FAILED on organizationId", async () => {
    const admin = await adminActor();
    const error = await expectAppError(
      createUser(
        admin,
        {
          email: uniqueEmail("noorg"),
          name: "N",
          role: "DSCA_ANALYST",
          organizationId: "00000000-0000-4000-8000-000000000000",
          password: "long enough password",
        },
        context(),
      ),
      "VALIDATION_FAILED",
    );
    expect(error.extra.fields?.organizationId).toMatch(/existing organization/);
  });

  it("bad input is VALIDATION_FAILED naming every field, and nothing is saved", async () => {
    const admin = await adminActor();
    const before = await prisma.user.count();
    const error = await expectAppError(
      createUser(
        admin,
        { email: "not-an-email", name: "Bad\u202eName", role: "EMPEROR", organizationId: "nope", password: "short", status: "x" },
        context(),
      ),
      "VALIDATION_FAILED",
    );
    expect(error.status).toBe(422);
    expect(Object.keys(error.extra.fields ?? {}).sort()).toEqual(["email", "name", "organizationId", "password", "role", "status"]);
    expect(await prisma.user.count()).toBe(before);
  });
});

describe("updateUser", () => {
  it("records before and after in the audit event and bumps the version", async () => {
    const admin = await adminActor();
    const user = await makeUser(prisma, { role: "DSCA_ANALYST", email: uniqueEmail("promote") });
    const ctx = context();
    const view = await updateUser(admin, user.id, { expectedVersion: user.version, role: "AUDITOR" }, ctx);
    expect(view).toMatchObject({ role: "AUDITOR", version: user.version + 1, active: true });

    const [event] = await prisma.auditEvent.findMany({ where: { requestId: ctx.requestId } });
    expect(event).toMatchObject({ action: "user.change_role", actorUserId: admin.userId, targetType: "user", targetId: user.id });
    expect(event!.details).toEqual({
      before: { role: "DSCA_ANALYST", organization: user.organization.code, active: true },
      after: { role: "AUDITOR", organization: user.organization.code, active: true },
    });
  });

  it("deactivating records user.deactivate, sets deactivatedAt, and reactivating clears it", async () => {
    const admin = await adminActor();
    const user = await makeUser(prisma, { role: "DSCA_ANALYST", email: uniqueEmail("deact") });
    const ctx = context();
    const off = await updateUser(admin, user.id, { expectedVersion: 1, active: false }, ctx);
    expect(off.active).toBe(false);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).deactivatedAt).not.toBeNull();
    expect((await prisma.auditEvent.findFirstOrThrow({ where: { requestId: ctx.requestId } })).action).toBe("user.deactivate");

    const ctx2 = context();
    const on = await updateUser(admin, user.id, { expectedVersion: off.version, active: true }, ctx2);
    expect(on).toMatchObject({ active: true, version: 3 });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).deactivatedAt).toBeNull();
    expect((await prisma.auditEvent.findFirstOrThrow({ where: { requestId: ctx2.requestId } })).action).toBe("user.reactivate");
  });

  it("a stale expectedVersion is a VERSION_CONFLICT carrying the current version; nothing changes", async () => {
    const admin = await adminActor();
    const user = await makeUser(prisma, { role: "DSCA_ANALYST", email: uniqueEmail("stale") });
    await updateUser(admin, user.id, { expectedVersion: 1, role: "AUDITOR" }, context());
    await updateUser(admin, user.id, { expectedVersion: 2, role: "ADMIN" }, context());

    const ctx = context();
    const error = await expectAppError(updateUser(admin, user.id, { expectedVersion: 1, active: false }, ctx), "VERSION_CONFLICT");
    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.version).toBe(3);
    expect(error.extra.currentVersion).toBe(row.version);
    expect(error.status).toBe(409);
    expect(row).toMatchObject({ active: true, role: "ADMIN" });
    expect(await prisma.auditEvent.count({ where: { requestId: ctx.requestId } })).toBe(0);
  });

  it("of two concurrent updates with the same expectedVersion exactly one wins", async () => {
    const admin = await adminActor();
    const user = await makeUser(prisma, { role: "DSCA_ANALYST", email: uniqueEmail("race") });
    const results = await Promise.allSettled([
      updateUser(admin, user.id, { expectedVersion: 1, role: "AUDITOR" }, context()),
      updateUser(admin, user.id, { expectedVersion: 1, role: "ADMIN" }, context()),
      updateUser(admin, user.id, { expectedVersion: 1, active: false }, context()),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(2);
    for (const r of lost) {
      expect(r.reason).toMatchObject({ code: "VERSION_CONFLICT", extra: { currentVersion: 2 } });
    }
    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.version).toBe(2);
    expect(await prisma.auditEvent.count({ where: { targetType: "user", targetId: user.id } })).toBe(1);
  });

  it.each([
    { label: "deactivate", change: { active: false } },
    { label: "change the role of", change: { role: "DSCA_ANALYST" } },
  ])("an admin cannot $label themselves (FORBIDDEN)", async ({ change }) => {
    const adminUser = await makeUser(prisma, { role: "ADMIN", email: uniqueEmail("self") });
    const ctx = context();
    await expectAppError(updateUser(actorOf(adminUser), adminUser.id, { expectedVersion: 1, ...change }, ctx), "FORBIDDEN");
    expect(await prisma.user.findUniqueOrThrow({ where: { id: adminUser.id } })).toMatchObject({
      active: true,
      role: "ADMIN",
      version: 1,
    });
  });

  it("a non-admin cannot change anyone (FORBIDDEN)", async () => {
    const analyst = actorOf(await makeUser(prisma, { role: "DSCA_ANALYST", email: uniqueEmail("analyst") }));
    const user = await makeUser(prisma, { role: "DSCA_ANALYST", email: uniqueEmail("victim") });
    await expectAppError(updateUser(analyst, user.id, { expectedVersion: 1, active: false }, context()), "FORBIDDEN");
    await expectAppError(updateUser(analyst, user.id, { expectedVersion: 1, role: "ADMIN" }, context()), "FORBIDDEN");
    await expectAppError(updateUser(analyst, analyst.userId, { expectedVersion: 1, role: "ADMIN" }, context()), "FORBIDDEN");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).version).toBe(1);
  });

  it("a role that does not fit the organization is VALIDATION_FAILED", async () => {
    const admin = await adminActor();
    const user = await makeUser(prisma, { role: "DSCA_ANALYST", email: uniqueEmail("fit") });
    const partnerOrg = await createOrganization(prisma, { kind: "PARTNER_COUNTRY", code: uniqueCode() });
    const byRole = await expectAppError(
      updateUser(admin, user.id, { expectedVersion: 1, role: "PARTNER_OFFICER" }, context()),
      "VALIDATION_FAILED",
    );
    expect(Object.keys(byRole.extra.fields ?? {})).toEqual(["role"]);
    const byOrg = await expectAppError(
      updateUser(admin, user.id, { expectedVersion: 1, organizationId: partnerOrg.id }, context()),
      "VALIDATION_FAILED",
    );
    expect(Object.keys(byOrg.extra.fields ?? {})).toEqual(["organizationId"]);
    // Both together fit.
    const moved = await updateUser(
      admin,
      user.id,
      { expectedVersion: 1, role: "PARTNER_OFFICER", organizationId: partnerOrg.id },
      context(),
    );
    expect(moved).toMatchObject({ role: "PARTNER_OFFICER", organization: { id: partnerOrg.id } });
  });

  it("an unknown or malformed user id is NOT_FOUND; bad input is VALIDATION_FAILED", async () => {
    const admin = await adminActor();
    await expectAppError(updateUser(admin, "00000000-0000-4000-8000-000000000000", { expectedVersion: 1, active: false }, context()), "NOT_FOUND");
    await expectAppError(updateUser(admin, "not-a-uuid", { expectedVersion: 1, active: false }, context()), "NOT_FOUND");
    const user = await makeUser(prisma, { role: "DSCA_ANALYST", email: uniqueEmail("badinput") });
    const error = await expectAppError(updateUser(admin, user.id, { expectedVersion: 1.5 }, context()), "VALIDATION_FAILED");
    expect(error.extra.fields).toHaveProperty("expectedVersion");
  });

  it("a non-admin cannot use a no-op change to read or touch another user", async () => {
    const partner = actorOf(await makeUser(prisma, { role: "PARTNER_OFFICER", email: uniqueEmail("snoop") }));
    const user = await makeUser(prisma, { role: "DSCA_ANALYST", email: uniqueEmail("target") });
    await expectAppError(updateUser(partner, user.id, { expectedVersion: 1, active: true }, context()), "FORBIDDEN");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).version).toBe(1);
  });
});

describe("getUser and listUsers", () => {
  it("getUser is admin-only", async () => {
    const admin = await adminActor();
    const user = await makeUser(prisma, { role: "AUDITOR", email: uniqueEmail("get") });
    expect(await getUser(admin, user.id)).toMatchObject({ id: user.id, email: user.email, role: "AUDITOR" });
    await expectAppError(getUser(actorOf(user), user.id), "FORBIDDEN");
  });

  it("searches by name and e-mail, filters by status and pages with totals", async () => {
    const admin = await adminActor();
    const tag = unique();
    const org = await dscaOrganization();
    const make = (label: string, email: string, active = true) =>
      makeUser(prisma, { role: "DSCA_ANALYST", name: label, email, active, organizationId: org.id });
    const alpha = await make(`Alpha Q${tag}`, uniqueEmail("a"));
    const bravo = await make(`Bravo Q${tag}`, uniqueEmail("b"), false);
    const charlie = await make("Charlie Plain", `charlie.q${tag}@test.example`);
    await make("Delta Elsewhere", uniqueEmail("d"));

    const all = await listUsers(admin, { q: `Q${tag}` });
    expect(all.total).toBe(3);
    // Active first, then by name.
    expect(all.items.map((u) => u.id)).toEqual([alpha.id, charlie.id, bravo.id]);

    const byName = await listUsers(admin, { q: `alpha q${tag}` });
    expect(byName.items.map((u) => u.id)).toEqual([alpha.id]);
    const byEmail = await listUsers(admin, { q: `CHARLIE.Q${tag}` });
    expect(byEmail.items.map((u) => u.id)).toEqual([charlie.id]);

    const active = await listUsers(admin, { q: `Q${tag}`, status: "active" });
    expect(active.items.map((u) => u.id).sort()).toEqual([alpha.id, charlie.id].sort());
    const inactive = await listUsers(admin, { q: `Q${tag}`, status: "inactive" });
    expect(inactive).toMatchObject({ total: 1, items: [{ id: bravo.id, active: false }] });

    const page1 = await listUsers(admin, { q: `Q${tag}`, pageSize: "2" });
    const page2 = await listUsers(admin, { q: `Q${tag}`, pageSize: "2", page: "2" });
    expect(page1).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(page1.items).toHaveLength(2);
    expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page2.items.map((u) => u.id)).toEqual([bravo.id]);
    const page3 = await listUsers(admin, { q: `Q${tag}`, pageSize: "2", page: "3" });
    expect(page3).toMatchObject({ total: 3, items: [] });
  });

  // Prisma's `contains` becomes LIKE without escaping (prisma/orm#19506); list-users escapes `%` and `_` itself.
  it("treats % and _ in the search as literal characters", async () => {
    const admin = await adminActor();
    const tag = unique();
    const percent = await makeUser(prisma, { role: "AUDITOR", name: `W${tag}%x`, email: uniqueEmail("pct") });
    await makeUser(prisma, { role: "AUDITOR", name: `W${tag}abc`, email: uniqueEmail("pct") });
    expect((await listUsers(admin, { q: `W${tag}%` })).items.map((u) => u.id)).toEqual([percent.id]);
    expect((await listUsers(admin, { q: `W${tag}_` })).total).toBe(0);
  });

  it("filters by role, refuses bad queries and non-admins", async () => {
    const admin = await adminActor();
    const tag = unique();
    const auditor = await makeUser(prisma, { role: "AUDITOR", name: `R${tag} one`, email: uniqueEmail("r") });
    await makeUser(prisma, { role: "DSCA_ANALYST", name: `R${tag} two`, email: uniqueEmail("r") });
    expect((await listUsers(admin, { q: `R${tag}`, role: "AUDITOR" })).items.map((u) => u.id)).toEqual([auditor.id]);

    const error = await expectAppError(listUsers(admin, { pageSize: 101 }), "VALIDATION_FAILED");
    expect(error.extra.fields).toHaveProperty("pageSize");
    await expectAppError(listUsers(actorOf(auditor), {}), "FORBIDDEN");
  });
});
