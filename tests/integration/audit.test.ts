import { describe, expect, it } from "vitest";
import { listAuditEvents } from "@/server/audit-log/list-audit-events";
import { verifySignIn } from "@/server/auth/verify-sign-in";
import { updateUser } from "@/server/users/update-user";
import { DEFAULT_TEST_PASSWORD, createUser } from "../factories";
import { actorOf, context, expectAppError, testPrisma, uniqueEmail } from "./helpers";

const prisma = testPrisma();
const DAY = 86_400_000;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** A user with one successful and two failed sign-ins on record. */
async function userWithHistory() {
  const user = await createUser(prisma, { role: "DSCA_ANALYST", email: uniqueEmail("history") });
  await verifySignIn({ email: user.email, password: "wrong one" }, context());
  await verifySignIn({ email: user.email, password: "wrong two" }, context());
  await verifySignIn({ email: user.email, password: DEFAULT_TEST_PASSWORD }, context({ ip: "203.0.113.5" }));
  return user;
}

describe("listAuditEvents", () => {
  it("an auditor reads events newest first and filters by actor, action and outcome", async () => {
    const auditor = actorOf(await createUser(prisma, { role: "AUDITOR", email: uniqueEmail("auditor") }));
    const user = await userWithHistory();

    const mine = await listAuditEvents(auditor, { actor: user.email.toUpperCase() });
    expect(mine.total).toBe(3);
    expect(mine.items.map((e) => e.outcome)).toEqual(["SUCCESS", "FAILURE", "FAILURE"]);
    expect(mine.items[0]).toMatchObject({ action: "auth.sign_in", actorUserId: user.id, ip: "203.0.113.5", actorRole: "DSCA_ANALYST" });
    expect(Number(mine.items[0]!.id)).toBeGreaterThan(Number(mine.items[1]!.id));

    const failures = await listAuditEvents(auditor, { actor: user.email, action: "auth.sign_in", outcome: "FAILURE" });
    expect(failures.total).toBe(2);
    expect(failures.items.every((e) => e.outcome === "FAILURE")).toBe(true);
    expect(failures.items[0]!.details).toMatchObject({ reason: "wrong_password", failures: 2 });

    expect((await listAuditEvents(auditor, { actor: user.email, action: "auth." })).total).toBe(3);
    expect((await listAuditEvents(auditor, { actor: user.email, action: "user." })).total).toBe(0);
    expect((await listAuditEvents(auditor, { actor: user.email, outcome: "DENIED" })).total).toBe(0);
  });

  it("filters by date, with `to` covering the whole day", async () => {
    const auditor = actorOf(await createUser(prisma, { role: "AUDITOR", email: uniqueEmail("auditor") }));
    const user = await userWithHistory();
    const now = new Date();
    const today = isoDay(now);
    const yesterday = isoDay(new Date(now.getTime() - DAY));
    const tomorrow = isoDay(new Date(now.getTime() + DAY));

    expect((await listAuditEvents(auditor, { actor: user.email, from: today, to: today })).total).toBe(3);
    expect((await listAuditEvents(auditor, { actor: user.email, from: yesterday })).total).toBe(3);
    expect((await listAuditEvents(auditor, { actor: user.email, to: today })).total).toBe(3);
    expect((await listAuditEvents(auditor, { actor: user.email, from: tomorrow })).total).toBe(0);
    expect((await listAuditEvents(auditor, { actor: user.email, to: yesterday })).total).toBe(0);
  });

  it("pages with a total", async () => {
    const admin = actorOf(await createUser(prisma, { role: "ADMIN", email: uniqueEmail("admin") }));
    const user = await userWithHistory();
    const page1 = await listAuditEvents(admin, { actor: user.email, pageSize: 2 });
    const page2 = await listAuditEvents(admin, { actor: user.email, pageSize: 2, page: 2 });
    expect(page1).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(page1.items).toHaveLength(2);
    expect(page2.items).toHaveLength(1);
    expect(new Set([...page1.items, ...page2.items].map((e) => e.id)).size).toBe(3);
  });

  it("filters by person: the events they caused and the events about them, and nobody else's", async () => {
    const admin = actorOf(await createUser(prisma, { role: "ADMIN", email: uniqueEmail("admin") }));
    const user = await userWithHistory();
    const other = await userWithHistory();
    await updateUser(admin, user.id, { expectedVersion: 1, active: false }, context());

    const history = await listAuditEvents(admin, { userId: user.id });
    expect(history.total).toBe(4);
    expect(history.items[0]).toMatchObject({ actorUserId: admin.userId, targetType: "user", targetId: user.id });
    expect(history.items.slice(1).every((e) => e.actorUserId === user.id && e.action === "auth.sign_in")).toBe(true);
    expect((await listAuditEvents(admin, { userId: other.id })).total).toBe(3);
  });

  it("counts matches up to the cap and says when more match, on the API's response and the page's", async () => {
    const auditor = actorOf(await createUser(prisma, { role: "AUDITOR", email: uniqueEmail("auditor") }));
    const user = await userWithHistory();
    expect(await listAuditEvents(auditor, { actor: user.email })).toMatchObject({ total: 3, more: false });
    expect(await listAuditEvents(auditor, { actor: user.email }, { countCap: 3 })).toMatchObject({ total: 3, more: false });
    const capped = await listAuditEvents(auditor, { actor: user.email }, { countCap: 2 });
    expect(capped).toMatchObject({ total: 2, more: true });
    // The count is capped, not the rows: the page still holds every match it asks for, newest first.
    expect(capped.items.map((e) => e.outcome)).toEqual(["SUCCESS", "FAILURE", "FAILURE"]);
    expect(await listAuditEvents(auditor, { actor: user.email, outcome: "FAILURE" }, { countCap: 2 })).toMatchObject({ total: 2, more: false });
    expect(await listAuditEvents(auditor, { actor: user.email, outcome: "FAILURE" }, { countCap: 1 })).toMatchObject({ total: 1, more: true });
  });

  it("refuses bad queries", async () => {
    const auditor = actorOf(await createUser(prisma, { role: "AUDITOR", email: uniqueEmail("auditor") }));
    const error = await expectAppError(
      listAuditEvents(auditor, { from: "2026-02-30", to: "2026-01-01", pageSize: 101 }),
      "VALIDATION_FAILED",
    );
    expect(error.extra.fields).toHaveProperty("from");
    expect(error.extra.fields).toHaveProperty("pageSize");
  });

  it.each(["PARTNER_OFFICER", "DSCA_ANALYST", "STATE_REVIEWER", "DTSA_REVIEWER", "IA_CASE_MANAGER"] as const)(
    "a %s is FORBIDDEN",
    async (role) => {
      const actor = actorOf(await createUser(prisma, { role, email: uniqueEmail("noaudit") }));
      await expectAppError(listAuditEvents(actor, {}), "FORBIDDEN");
    },
  );
});

describe("audit_events is append-only", () => {
  async function someEvent() {
    const user = await createUser(prisma, { role: "DSCA_ANALYST", email: uniqueEmail("appendonly") });
    const ctx = context();
    await verifySignIn({ email: user.email, password: "wrong" }, ctx);
    return prisma.auditEvent.findFirstOrThrow({ where: { requestId: ctx.requestId } });
  }

  /** Runs a statement that must fail; rolled back either way so a missing trigger cannot destroy data. */
  async function refused(sql: string, ...params: unknown[]) {
    const sentinel = new Error("statement was accepted");
    const error = await prisma
      .$transaction(async (tx) => {
        await tx.$executeRawUnsafe(sql, ...params);
        throw sentinel;
      })
      .then(
        () => sentinel,
        (e: unknown) => e,
      );
    expect(error).not.toBe(sentinel);
    expect(String((error as Error).message)).toMatch(/append-only/);
  }

  it("refuses UPDATE", async () => {
    const event = await someEvent();
    await refused(`UPDATE audit_events SET outcome = 'SUCCESS', action = 'tampered' WHERE id = $1`, event.id);
    expect(await prisma.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({
      action: "auth.sign_in",
      outcome: "FAILURE",
    });
  });

  it("refuses DELETE", async () => {
    const event = await someEvent();
    await refused(`DELETE FROM audit_events WHERE id = $1`, event.id);
    expect(await prisma.auditEvent.findUnique({ where: { id: event.id } })).not.toBeNull();
  });

  it("refuses TRUNCATE", async () => {
    const event = await someEvent();
    await refused(`TRUNCATE audit_events`);
    expect(await prisma.auditEvent.findUnique({ where: { id: event.id } })).not.toBeNull();
  });

  it("refuses updates through Prisma too", async () => {
    const event = await someEvent();
    await expect(prisma.auditEvent.update({ where: { id: event.id }, data: { action: "tampered" } })).rejects.toThrow();
    await expect(prisma.auditEvent.deleteMany({ where: { id: event.id } })).rejects.toThrow();
    expect((await prisma.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).action).toBe("auth.sign_in");
  });
});
