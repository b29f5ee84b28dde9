import { describe, expect, it } from "vitest";
import { actorForSession } from "@/server/auth/actor";
import { endSession } from "@/server/auth/end-session";
import { verifySignIn } from "@/server/auth/verify-sign-in";
import { updateUser } from "@/server/users/update-user";
import { DEFAULT_TEST_PASSWORD, createUser } from "../factories";
import { actorOf, context, testPrisma, uniqueEmail } from "./helpers";

const prisma = testPrisma();
const MINUTE = 60_000;
const MAX_FAILURES = 5; // LOGIN_MAX_FAILURES default

async function eventsFor(requestId: string) {
  return prisma.auditEvent.findMany({ where: { requestId }, orderBy: { id: "asc" } });
}

async function signedIn(role: "DSCA_ANALYST" | "PARTNER_OFFICER" = "DSCA_ANALYST") {
  const user = await createUser(prisma, { role, email: uniqueEmail("session") });
  const result = await verifySignIn({ email: user.email, password: DEFAULT_TEST_PASSWORD }, context());
  if (!result.ok) throw new Error(`sign-in failed: ${result.reason}`);
  return { user, sessionId: result.sessionId };
}

describe("verifySignIn", () => {
  it("opens a session and records a SUCCESS event with the request id and ip", async () => {
    const user = await createUser(prisma, { role: "DSCA_ANALYST", email: uniqueEmail("signin") });
    const ctx = context({ ip: "198.51.100.7", userAgent: "Mozilla/5.0 test" });
    const result = await verifySignIn({ email: `  ${user.email.toUpperCase()} `, password: DEFAULT_TEST_PASSWORD }, ctx);

    expect(result).toMatchObject({ ok: true, userId: user.id });
    if (!result.ok) return;
    const session = await prisma.session.findUniqueOrThrow({ where: { id: result.sessionId } });
    expect(session.userId).toBe(user.id);
    expect(session.endedAt).toBeNull();
    expect(session.ip).toBe("198.51.100.7");
    expect(session.userAgent).toBe("Mozilla/5.0 test");
    expect(session.expiresAt.getTime() - session.createdAt.getTime()).toBe(12 * 60 * MINUTE);

    const events = await eventsFor(ctx.requestId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "auth.sign_in",
      outcome: "SUCCESS",
      actorUserId: user.id,
      actorEmail: user.email,
      actorRole: "DSCA_ANALYST",
      actorOrganizationId: user.organizationId,
      targetType: "session",
      targetId: result.sessionId,
      ip: "198.51.100.7",
      userAgent: "Mozilla/5.0 test",
      requestId: ctx.requestId,
    });
  });

  it("wrong password → invalid, a FAILURE event and no session", async () => {
    const user = await createUser(prisma, { role: "AUDITOR", email: uniqueEmail("wrongpw") });
    const ctx = context();
    const result = await verifySignIn({ email: user.email, password: "not the password" }, ctx);

    expect(result).toEqual({ ok: false, reason: "invalid" });
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
    const events = await eventsFor(ctx.requestId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "auth.sign_in", outcome: "FAILURE", actorUserId: user.id, ip: ctx.ip });
    expect(events[0]!.details).toMatchObject({ reason: "wrong_password", failures: 1, locked: false });
    expect(await prisma.rateLimit.findUnique({ where: { key: `sign-in:${user.email}` } })).toMatchObject({ failures: 1 });
  });

  it("malformed input → invalid without touching the database", async () => {
    const ctx = context();
    expect(await verifySignIn({ email: "nobody", password: "" }, ctx)).toEqual({ ok: false, reason: "invalid" });
    expect(await verifySignIn(null, ctx)).toEqual({ ok: false, reason: "invalid" });
    expect(await eventsFor(ctx.requestId)).toHaveLength(0);
  });

  it(`after ${MAX_FAILURES} failures the account is throttled, even with the right password`, async () => {
    const user = await createUser(prisma, { role: "DSCA_ANALYST", email: uniqueEmail("throttle") });
    const results = [];
    for (let i = 0; i < MAX_FAILURES; i++) {
      results.push(await verifySignIn({ email: user.email, password: `wrong-${i}` }, context()));
    }
    expect(results.slice(0, MAX_FAILURES - 1).every((r) => !r.ok && r.reason === "invalid")).toBe(true);
    expect(results[MAX_FAILURES - 1]).toEqual({ ok: false, reason: "throttled", minutesLeft: 15 });

    const ctx = context();
    const blocked = await verifySignIn({ email: user.email, password: DEFAULT_TEST_PASSWORD }, ctx);
    expect(blocked).toMatchObject({ ok: false, reason: "throttled" });
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
    const events = await eventsFor(ctx.requestId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "auth.sign_in", outcome: "DENIED", actorEmail: user.email });
    expect(events[0]!.details).toEqual({ reason: "throttled" });

    // Once the lockout has passed, the right password works again and clears the counter.
    const later = new Date(Date.now() + 16 * MINUTE);
    const afterLockout = await verifySignIn({ email: user.email, password: DEFAULT_TEST_PASSWORD }, context(), later);
    expect(afterLockout).toMatchObject({ ok: true, userId: user.id });
    expect(await prisma.rateLimit.findUnique({ where: { key: `sign-in:${user.email}` } })).toBeNull();
  });

  it("concurrent wrong passwords all count towards the lockout", async () => {
    const user = await createUser(prisma, { role: "DSCA_ANALYST", email: uniqueEmail("parallel") });
    await Promise.all(
      Array.from({ length: 12 }, (_, i) => verifySignIn({ email: user.email, password: `parallel-guess-${i}` }, context())),
    );
    const throttle = await prisma.rateLimit.findUnique({ where: { key: `sign-in:${user.email}` } });
    expect(throttle?.failures).toBeGreaterThanOrEqual(MAX_FAILURES);
    expect(throttle?.lockedUntil).not.toBeNull();
    expect(await verifySignIn({ email: user.email, password: DEFAULT_TEST_PASSWORD }, context())).toMatchObject({
      reason: "throttled",
    });
  });

  it("a success resets the failure count", async () => {
    const user = await createUser(prisma, { role: "DSCA_ANALYST", email: uniqueEmail("reset") });
    for (let i = 0; i < MAX_FAILURES - 1; i++) await verifySignIn({ email: user.email, password: "nope" }, context());
    expect(await verifySignIn({ email: user.email, password: DEFAULT_TEST_PASSWORD }, context())).toMatchObject({ ok: true });
    expect(await verifySignIn({ email: user.email, password: "nope" }, context())).toEqual({ ok: false, reason: "invalid" });
    expect(await prisma.rateLimit.findUnique({ where: { key: `sign-in:${user.email}` } })).toMatchObject({ failures: 1 });
  });

  it("an unknown e-mail is throttled too, and reads the same as a wrong password", async () => {
    const email = uniqueEmail("ghost");
    const first = context();
    expect(await verifySignIn({ email, password: "whatever" }, first)).toEqual({ ok: false, reason: "invalid" });
    const [event] = await eventsFor(first.requestId);
    expect(event).toMatchObject({ outcome: "FAILURE", actorUserId: null, actorEmail: email });
    expect(event!.details).toMatchObject({ reason: "unknown_email" });

    for (let i = 1; i < MAX_FAILURES - 1; i++) await verifySignIn({ email, password: "whatever" }, context());
    expect(await verifySignIn({ email, password: "whatever" }, context())).toMatchObject({ reason: "throttled" });
    const denied = context();
    expect(await verifySignIn({ email, password: "whatever" }, denied)).toMatchObject({ ok: false, reason: "throttled" });
    expect((await eventsFor(denied.requestId))[0]).toMatchObject({ outcome: "DENIED" });
  });

  it("an inactive user cannot sign in, even with the right password", async () => {
    const user = await createUser(prisma, { role: "DSCA_ANALYST", email: uniqueEmail("inactive"), active: false });
    const ctx = context();
    expect(await verifySignIn({ email: user.email, password: DEFAULT_TEST_PASSWORD }, ctx)).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
    const [event] = await eventsFor(ctx.requestId);
    expect(event).toMatchObject({ outcome: "FAILURE", actorUserId: user.id });
    expect(event!.details).toMatchObject({ reason: "inactive_account" });
  });
});

describe("actorForSession", () => {
  it("returns the actor behind an open session", async () => {
    const { user, sessionId } = await signedIn("PARTNER_OFFICER");
    const actor = await actorForSession(sessionId);
    expect(actor).toEqual({ ...actorOf(user), sessionId });
    expect(actor?.countryCode).toBe(user.organization.code);
  });

  it("returns null for an unknown session id", async () => {
    expect(await actorForSession("00000000-0000-4000-8000-000000000000")).toBeNull();
  });

  it("touches lastSeenAt at most once a minute", async () => {
    const { sessionId } = await signedIn();
    const opened = await prisma.session.findUniqueOrThrow({ where: { id: sessionId } });
    await actorForSession(sessionId, new Date(opened.lastSeenAt.getTime() + 30_000));
    expect((await prisma.session.findUniqueOrThrow({ where: { id: sessionId } })).lastSeenAt).toEqual(opened.lastSeenAt);
    const later = new Date(opened.lastSeenAt.getTime() + 2 * MINUTE);
    await actorForSession(sessionId, later);
    expect((await prisma.session.findUniqueOrThrow({ where: { id: sessionId } })).lastSeenAt).toEqual(later);
  });

  it("returns null once an admin deactivates the user, and the session is ended", async () => {
    const { user, sessionId } = await signedIn();
    const admin = await createUser(prisma, { role: "ADMIN", email: uniqueEmail("admin") });
    expect(await actorForSession(sessionId)).not.toBeNull();

    await updateUser(actorOf(admin), user.id, { expectedVersion: user.version, active: false }, context());

    expect(await actorForSession(sessionId)).toBeNull();
    const session = await prisma.session.findUniqueOrThrow({ where: { id: sessionId } });
    expect(session.endedAt).not.toBeNull();
    expect(session.endReason).toBe("user_deactivated");
  });

  it("ends the session itself when it finds the user inactive", async () => {
    const { user, sessionId } = await signedIn();
    await prisma.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await actorForSession(sessionId)).toBeNull();
    const session = await prisma.session.findUniqueOrThrow({ where: { id: sessionId } });
    expect(session.endReason).toBe("user_deactivated");
    expect(session.endedAt).not.toBeNull();
    // Reactivating does not bring an ended session back.
    await prisma.user.update({ where: { id: user.id }, data: { active: true } });
    expect(await actorForSession(sessionId)).toBeNull();
  });

  it("shows a changed role on the next call", async () => {
    const { user, sessionId } = await signedIn();
    const admin = await createUser(prisma, { role: "ADMIN", email: uniqueEmail("admin") });
    expect((await actorForSession(sessionId))?.role).toBe("DSCA_ANALYST");
    await updateUser(actorOf(admin), user.id, { expectedVersion: user.version, role: "AUDITOR" }, context());
    const actor = await actorForSession(sessionId);
    expect(actor?.role).toBe("AUDITOR");
    expect(actor?.sessionId).toBe(sessionId);
  });

  it("returns null after 31 idle minutes and records idle-timeout", async () => {
    const { sessionId } = await signedIn();
    const session = await prisma.session.findUniqueOrThrow({ where: { id: sessionId } });
    expect(await actorForSession(sessionId, new Date(session.lastSeenAt.getTime() + 29 * MINUTE))).not.toBeNull();
    const refreshed = await prisma.session.findUniqueOrThrow({ where: { id: sessionId } });
    const now = new Date(refreshed.lastSeenAt.getTime() + 31 * MINUTE);
    expect(await actorForSession(sessionId, now)).toBeNull();
    const ended = await prisma.session.findUniqueOrThrow({ where: { id: sessionId } });
    expect(ended).toMatchObject({ endReason: "idle-timeout", endedAt: now });
    // Ended for good: going back in time does not revive it.
    expect(await actorForSession(sessionId, refreshed.lastSeenAt)).toBeNull();
  });

  it("returns null at the absolute expiry, however active the session was", async () => {
    const { sessionId } = await signedIn();
    const session = await prisma.session.findUniqueOrThrow({ where: { id: sessionId } });
    // Pretend the user was active a minute before the 12-hour limit.
    await prisma.session.update({
      where: { id: sessionId },
      data: { lastSeenAt: new Date(session.expiresAt.getTime() - MINUTE) },
    });
    expect(await actorForSession(sessionId, new Date(session.expiresAt.getTime() - 1))).not.toBeNull();
    expect(await actorForSession(sessionId, session.expiresAt)).toBeNull();
    expect(await prisma.session.findUniqueOrThrow({ where: { id: sessionId } })).toMatchObject({ endReason: "expired" });
  });

  it("returns null after endSession, which records a sign-out", async () => {
    const { user, sessionId } = await signedIn();
    expect(await actorForSession(sessionId)).not.toBeNull();
    const ctx = context();
    await endSession(sessionId, ctx);
    expect(await actorForSession(sessionId)).toBeNull();
    expect(await prisma.session.findUniqueOrThrow({ where: { id: sessionId } })).toMatchObject({ endReason: "signed_out" });
    const events = await eventsFor(ctx.requestId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "auth.sign_out", outcome: "SUCCESS", actorUserId: user.id, targetId: sessionId });

    // Signing out twice is harmless and records nothing more.
    const again = context();
    await endSession(sessionId, again);
    expect(await eventsFor(again.requestId)).toHaveLength(0);
  });
});
