import { describe, expect, it } from "vitest";
import { actorForSession } from "@/server/auth/actor";
import { endSession } from "@/server/auth/end-session";
import { signInCounterKeys, verifySignIn } from "@/server/auth/verify-sign-in";
import type { RequestContext } from "@/server/request-context";
import { updateUser } from "@/server/users/update-user";
import { DEFAULT_TEST_PASSWORD, createUser } from "../factories";
import { actorOf, context, testPrisma, unique, uniqueEmail } from "./helpers";

const prisma = testPrisma();
const MINUTE = 60_000;
const MAX_FAILURES = 5; // LOGIN_MAX_FAILURES default
const ACCOUNT_MAX_FAILURES = 100; // LOGIN_ACCOUNT_MAX_FAILURES default
const ADDRESS_MAX_FAILURES = 30; // LOGIN_ADDRESS_MAX_FAILURES default

/** An address of its own (198.18.0.0/15, set aside for tests), so no test's failures count against another's. */
function freshAddress(): string {
  const n = parseInt(unique().slice(0, 6), 16);
  return `198.${18 + (n & 1)}.${(n >> 1) & 255}.${(n >> 9) & 255}`;
}

async function counter(email: string, ip: string | null, limit: "account-address" | "account" | "address") {
  return prisma.rateLimit.findUnique({ where: { key: signInCounterKeys(email, ip)[limit] } });
}

const later = (base: Date, ms: number) => new Date(base.getTime() + ms);

/** One sign-in attempt from `ip`; the right password unless another is given. */
function attempt(email: string, ip: string | null, opts: { password?: string; now?: Date; ctx?: RequestContext } = {}) {
  const ctx = opts.ctx ?? context({ ip });
  return verifySignIn({ email, password: opts.password ?? DEFAULT_TEST_PASSWORD }, ctx, opts.now);
}

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
    expect(await counter(user.email, ctx.ip, "account-address")).toMatchObject({ failures: 1 });
    expect(await counter(user.email, ctx.ip, "account")).toMatchObject({ failures: 1 });
    expect(await counter(user.email, ctx.ip, "address")).toMatchObject({ failures: 1 });
  });

  it("malformed input → invalid without touching the database", async () => {
    const ctx = context();
    expect(await verifySignIn({ email: "nobody", password: "" }, ctx)).toEqual({ ok: false, reason: "invalid" });
    expect(await verifySignIn(null, ctx)).toEqual({ ok: false, reason: "invalid" });
    expect(await eventsFor(ctx.requestId)).toHaveLength(0);
  });

  it(`after ${MAX_FAILURES} failures from one address, that address waits a minute, even with the right password`, async () => {
    const user = await createUser(prisma, { role: "DSCA_ANALYST", email: uniqueEmail("throttle") });
    const ip = freshAddress();
    const results = [];
    for (let i = 0; i < MAX_FAILURES; i++) results.push(await attempt(user.email, ip, { password: `wrong-${i}` }));
    expect(results.slice(0, MAX_FAILURES - 1).every((r) => !r.ok && r.reason === "invalid")).toBe(true);
    expect(results[MAX_FAILURES - 1]).toEqual({ ok: false, reason: "throttled", minutesLeft: 1 });

    const ctx = context({ ip });
    const blocked = await attempt(user.email, ip, { ctx });
    expect(blocked).toEqual({ ok: false, reason: "throttled", minutesLeft: 1 });
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
    const events = await eventsFor(ctx.requestId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "auth.sign_in", outcome: "DENIED", actorEmail: user.email, ip });
    expect(events[0]!.details).toMatchObject({ reason: "throttled", limit: "account-address" });
    // Refused without counting: the delay is still the first one.
    expect(await counter(user.email, ip, "account-address")).toMatchObject({ failures: MAX_FAILURES });

    // Once the delay has passed, the right password works again and clears the counter.
    const afterDelay = await attempt(user.email, ip, { now: later(new Date(), 2 * MINUTE) });
    expect(afterDelay).toMatchObject({ ok: true, userId: user.id });
    expect(await counter(user.email, ip, "account-address")).toBeNull();
  });

  it("concurrent wrong passwords cannot slip past the count: exactly the limit is counted, the rest are refused", async () => {
    const user = await createUser(prisma, { role: "DSCA_ANALYST", email: uniqueEmail("parallel") });
    const ip = freshAddress();
    const now = new Date();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => attempt(user.email, ip, { password: `parallel-guess-${i}`, now })),
    );
    expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(MAX_FAILURES - 1);
    const throttle = await counter(user.email, ip, "account-address");
    expect(throttle?.failures).toBe(MAX_FAILURES);
    expect(throttle?.lockedUntil).toEqual(later(now, MINUTE));
    expect(await attempt(user.email, ip, { now })).toMatchObject({ reason: "throttled" });
  });

  it("a success resets the failure count", async () => {
    const user = await createUser(prisma, { role: "DSCA_ANALYST", email: uniqueEmail("reset") });
    const ip = freshAddress();
    for (let i = 0; i < MAX_FAILURES - 1; i++) await verifySignIn({ email: user.email, password: "nope" }, context({ ip }));
    expect(await verifySignIn({ email: user.email, password: DEFAULT_TEST_PASSWORD }, context({ ip }))).toMatchObject({ ok: true });
    expect(await verifySignIn({ email: user.email, password: "nope" }, context({ ip }))).toEqual({ ok: false, reason: "invalid" });
    expect(await counter(user.email, ip, "account-address")).toMatchObject({ failures: 1 });
  });

  it("an unknown e-mail is throttled too, and reads the same as a wrong password", async () => {
    const email = uniqueEmail("ghost");
    const ip = freshAddress();
    const first = context({ ip });
    expect(await verifySignIn({ email, password: "whatever" }, first)).toEqual({ ok: false, reason: "invalid" });
    const [event] = await eventsFor(first.requestId);
    expect(event).toMatchObject({ outcome: "FAILURE", actorUserId: null, actorEmail: email });
    expect(event!.details).toMatchObject({ reason: "unknown_email" });

    for (let i = 1; i < MAX_FAILURES - 1; i++) await verifySignIn({ email, password: "whatever" }, context({ ip }));
    expect(await verifySignIn({ email, password: "whatever" }, context({ ip }))).toMatchObject({ reason: "throttled" });
    const denied = context({ ip });
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

describe("verifySignIn: who waits, and for how long (ADR 0023)", () => {
  it("an attacker failing at one address cannot stop the real user signing in elsewhere, and waits longer each time", async () => {
    const user = await createUser(prisma, { role: "DSCA_ANALYST", email: uniqueEmail("victim") });
    const attacker = freshAddress();
    let now = new Date();
    for (let i = 0; i < MAX_FAILURES - 1; i++) await attempt(user.email, attacker, { password: `guess-${i}`, now });

    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      const result = await attempt(user.email, attacker, { password: `guess-more-${i}`, now });
      expect(result).toMatchObject({ ok: false, reason: "throttled" });
      if (result.ok) return;
      waits.push(result.minutesLeft!);
      if (i === 0) {
        // While the attacker waits, the real user signs in from an address the account has never used.
        expect(await attempt(user.email, freshAddress(), { now })).toMatchObject({ ok: true, userId: user.id });
      }
      // Trying again before the delay is over is refused and recorded, and does not lengthen the delay.
      const early = context({ ip: attacker });
      expect(await attempt(user.email, attacker, { ctx: early, now: later(now, 30_000) })).toMatchObject({ reason: "throttled" });
      expect((await eventsFor(early.requestId))[0]).toMatchObject({
        outcome: "DENIED",
        details: { reason: "throttled", limit: "account-address" },
      });
      now = later(now, result.minutesLeft! * MINUTE);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
    expect(await counter(user.email, attacker, "account-address")).toMatchObject({ failures: MAX_FAILURES + 7 });

    // Hours into the attack, the real user still signs in from yet another new address.
    expect(await attempt(user.email, freshAddress(), { now })).toMatchObject({ ok: true, userId: user.id });
  });

  it(`past ${ACCOUNT_MAX_FAILURES} failures on an account, new addresses wait, known ones do not, and the wait ends`, async () => {
    const user = await createUser(prisma, { role: "DSCA_ANALYST", email: uniqueEmail("ceiling") });
    const home = freshAddress();
    const now = new Date();
    expect(await attempt(user.email, home, { now })).toMatchObject({ ok: true });

    // 25 addresses × 4 guesses: none reaches its own limit, the account reaches its ceiling.
    const bots = Array.from({ length: ACCOUNT_MAX_FAILURES / (MAX_FAILURES - 1) }, () => freshAddress());
    const results = await Promise.all(
      bots.map(async (ip) => {
        const mine = [];
        for (let g = 0; g < MAX_FAILURES - 1; g++) mine.push(await attempt(user.email, ip, { password: `bot-${g}`, now }));
        return mine;
      }),
    );
    expect(results.flat().filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(ACCOUNT_MAX_FAILURES - 1);
    expect(await counter(user.email, home, "account")).toMatchObject({ failures: ACCOUNT_MAX_FAILURES });

    // A new address waits, even with the right password.
    const hotel = freshAddress();
    const refused = context({ ip: hotel });
    expect(await attempt(user.email, hotel, { ctx: refused, now })).toEqual({ ok: false, reason: "throttled", minutesLeft: 1 });
    expect((await eventsFor(refused.requestId))[0]).toMatchObject({
      outcome: "DENIED",
      details: { reason: "throttled", limit: "account" },
    });

    // From home the ceiling does not apply: the right password works at once.
    expect(await attempt(user.email, home, { now })).toMatchObject({ ok: true });
    // And the ceiling's delay ends: a minute later the new address gets in too.
    expect(await attempt(user.email, hotel, { now: later(now, MINUTE) })).toMatchObject({ ok: true });
  });

  it(`${ADDRESS_MAX_FAILURES} failures from one address across accounts hold that address back, except for accounts known there`, async () => {
    const office = freshAddress();
    const now = new Date();
    const colleague = await createUser(prisma, { role: "DSCA_ANALYST", email: uniqueEmail("colleague") });
    expect(await attempt(colleague.email, office, { now })).toMatchObject({ ok: true });

    const results = [];
    for (let i = 0; i < ADDRESS_MAX_FAILURES; i++) {
      results.push(await attempt(uniqueEmail("leaked"), office, { password: "Summer2026!", now }));
    }
    expect(results.slice(0, -1).every((r) => !r.ok && r.reason === "invalid")).toBe(true);
    expect(results.at(-1)).toEqual({ ok: false, reason: "throttled", minutesLeft: 1 });

    // Someone who never signed in from there waits, right password or not.
    const newcomer = await createUser(prisma, { role: "AUDITOR", email: uniqueEmail("newcomer") });
    const refused = context({ ip: office });
    expect(await attempt(newcomer.email, office, { ctx: refused, now })).toMatchObject({ ok: false, reason: "throttled" });
    expect((await eventsFor(refused.requestId))[0]).toMatchObject({
      outcome: "DENIED",
      details: { reason: "throttled", limit: "address" },
    });
    expect(await prisma.session.count({ where: { userId: newcomer.id } })).toBe(0);

    // The colleague who signed in there before does not; and the newcomer gets in from anywhere else.
    expect(await attempt(colleague.email, office, { now })).toMatchObject({ ok: true });
    expect(await attempt(newcomer.email, freshAddress(), { now })).toMatchObject({ ok: true });
  });

  it("parallel attempts from one address across accounts cannot slip past the address ceiling", async () => {
    const ip = freshAddress();
    const now = new Date();
    const results = await Promise.all(
      Array.from({ length: ADDRESS_MAX_FAILURES + 10 }, () =>
        attempt(uniqueEmail("stuffed"), ip, { password: "hunter2hunter2", now }),
      ),
    );
    expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(ADDRESS_MAX_FAILURES - 1);
    expect(await counter("anyone@test.example", ip, "address")).toMatchObject({ failures: ADDRESS_MAX_FAILURES });
  });

  it("a success forgets that account's failures from that address in the ceilings too (NIST SP 800-63B §5.2.2)", async () => {
    const user = await createUser(prisma, { role: "DSCA_ANALYST", email: uniqueEmail("forgive") });
    const laptop = freshAddress();
    const phone = freshAddress();
    for (let i = 0; i < 3; i++) await attempt(user.email, laptop, { password: "typo" });
    await attempt(user.email, phone, { password: "typo" });
    await attempt(uniqueEmail("someone-else"), laptop, { password: "typo" });
    expect(await counter(user.email, laptop, "account")).toMatchObject({ failures: 4 });
    expect(await counter(user.email, laptop, "address")).toMatchObject({ failures: 4 });

    expect(await attempt(user.email, laptop)).toMatchObject({ ok: true });
    expect(await counter(user.email, laptop, "account-address")).toBeNull();
    expect(await counter(user.email, laptop, "account")).toMatchObject({ failures: 1 }); // the phone's
    expect(await counter(user.email, laptop, "address")).toMatchObject({ failures: 1 }); // the other account's
    expect(await counter(user.email, phone, "account-address")).toMatchObject({ failures: 1 });
  });

  it("attempts without an address count in one shared 'unknown' bucket", async () => {
    const key = signInCounterKeys("anyone@test.example", null).address;
    expect(key).toBe("sign-in:address:unknown");
    const before = (await prisma.rateLimit.findUnique({ where: { key } }))?.failures ?? 0;
    const email = uniqueEmail("noaddress");
    await attempt(email, null, { password: "nope" });
    await attempt(uniqueEmail("noaddress"), null, { password: "nope" });
    expect((await prisma.rateLimit.findUnique({ where: { key } }))?.failures).toBe(before + 2);
    expect(await counter(email, null, "account-address")).toMatchObject({ failures: 1 });
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
