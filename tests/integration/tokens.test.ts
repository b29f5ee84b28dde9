import { createHash, randomInt } from "node:crypto";
import { describe, expect, it } from "vitest";
import { API_AUTH_THROTTLE, actorForApiToken, requireApiActor } from "@/server/auth/actor";
import { createApiToken } from "@/server/tokens/create-api-token";
import { listApiTokens } from "@/server/tokens/list-api-tokens";
import { revokeApiToken } from "@/server/tokens/revoke-api-token";
import { updateUser } from "@/server/users/update-user";
import { createUser } from "../factories";
import { actorOf, context, expectAppError, testPrisma, uniqueEmail } from "./helpers";

const prisma = testPrisma();
const DAY = 86_400_000;

async function tokenOwner(role: "DSCA_ANALYST" | "PARTNER_OFFICER" = "DSCA_ANALYST") {
  const user = await createUser(prisma, { role, email: uniqueEmail("tokens") });
  return { user, actor: actorOf(user) };
}

describe("createApiToken", () => {
  it("returns a cwt_ secret once and stores only its SHA-256", async () => {
    const { user, actor } = await tokenOwner();
    const ctx = context();
    const before = Date.now();
    const created = await createApiToken(actor, { name: "  CI   pipeline ", expiresInDays: 30 }, ctx);

    expect(created.secret).toMatch(/^cwt_[A-Za-z0-9_-]{43}$/);
    expect(created.name).toBe("CI pipeline");
    expect(created.prefix).toBe(created.secret.slice(0, 10));
    expect(new Date(created.expiresAt!).getTime() - before).toBeGreaterThanOrEqual(30 * DAY - 1000);
    expect(new Date(created.expiresAt!).getTime() - before).toBeLessThanOrEqual(30 * DAY + 60_000);

    const row = await prisma.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.userId).toBe(user.id);
    expect(row.tokenHash).not.toBe(created.secret);
    expect(row.tokenHash).toBe(createHash("sha256").update(created.secret).digest("hex"));
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(created.secret);
    expect(stored).not.toContain(created.secret.slice(10)); // the part after the visible prefix

    // Listing never shows the secret again.
    const listed = await listApiTokens(actor);
    expect(listed.map((t) => t.id)).toEqual([created.id]);
    expect(JSON.stringify(listed)).not.toContain(created.secret.slice(10));
    expect(listed[0]).not.toHaveProperty("secret");

    const events = await prisma.auditEvent.findMany({ where: { requestId: ctx.requestId } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "api_token.create",
      outcome: "SUCCESS",
      actorUserId: user.id,
      targetType: "api_token",
      targetId: created.id,
    });
    expect(events[0]!.details).toMatchObject({ name: "CI pipeline", prefix: created.prefix });
    expect(JSON.stringify(events[0]!.details)).not.toContain(created.secret.slice(10));
  });

  it("two tokens never share a secret", async () => {
    const { actor } = await tokenOwner();
    const a = await createApiToken(actor, { name: "a" }, context());
    const b = await createApiToken(actor, { name: "b" }, context());
    expect(a.secret).not.toBe(b.secret);
    expect(a.expiresAt).not.toBeNull(); // 90-day default
  });

  it("refuses bad input and saves nothing", async () => {
    const { user, actor } = await tokenOwner();
    const error = await expectAppError(createApiToken(actor, { name: "", expiresInDays: 366 }, context()), "VALIDATION_FAILED");
    expect(error.extra.fields).toMatchObject({ name: expect.any(String), expiresInDays: expect.stringMatching(/365/) });
    expect(await prisma.apiToken.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("actorForApiToken and revokeApiToken", () => {
  it("a token authenticates as its owner until it is revoked", async () => {
    const { user, actor } = await tokenOwner("PARTNER_OFFICER");
    const created = await createApiToken(actor, { name: "script" }, context());

    const fromToken = await actorForApiToken(created.secret);
    expect(fromToken).toEqual({ ...actor, tokenId: created.id });
    expect(fromToken?.countryCode).toBe(user.organization.code);
    expect((await prisma.apiToken.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt).not.toBeNull();

    const ctx = context();
    const revoked = await revokeApiToken(actor, created.id, ctx);
    expect(revoked.revokedAt).not.toBeNull();
    expect(await actorForApiToken(created.secret)).toBeNull();

    const events = await prisma.auditEvent.findMany({ where: { requestId: ctx.requestId } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "api_token.revoke", outcome: "SUCCESS", targetId: created.id, actorUserId: user.id });

    // Revoking again is harmless and records nothing more.
    const again = context();
    expect((await revokeApiToken(actor, created.id, again)).revokedAt).toBe(revoked.revokedAt);
    expect(await prisma.auditEvent.count({ where: { requestId: again.requestId } })).toBe(0);
  });

  it("rejects secrets that are not ours: wrong prefix, unknown, altered, too long", async () => {
    const { actor } = await tokenOwner();
    const created = await createApiToken(actor, { name: "probe" }, context());
    const last = created.secret.at(-1) === "A" ? "B" : "A";
    expect(await actorForApiToken(`${created.secret.slice(0, -1)}${last}`)).toBeNull();
    expect(await actorForApiToken(created.secret.replace(/^cwt_/, "xyz_"))).toBeNull();
    expect(await actorForApiToken(created.secret.replace(/^cwt_/, ""))).toBeNull();
    expect(await actorForApiToken(`cwt_${"a".repeat(300)}`)).toBeNull();
    const { tokenHash } = await prisma.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(await actorForApiToken(tokenHash)).toBeNull(); // the stored hash is not a credential
    expect(await actorForApiToken(`cwt_${tokenHash}`)).toBeNull();
    expect(await actorForApiToken(created.secret)).not.toBeNull();
  });

  it("an expired token fails", async () => {
    const { actor } = await tokenOwner();
    const created = await createApiToken(actor, { name: "short", expiresInDays: 1 }, context());
    const expiresAt = new Date(created.expiresAt!);
    expect(await actorForApiToken(created.secret, new Date(expiresAt.getTime() - 1000))).not.toBeNull();
    expect(await actorForApiToken(created.secret, expiresAt)).toBeNull();
  });

  it("revoking someone else's token is NOT_FOUND and leaves it working", async () => {
    const owner = await tokenOwner();
    const other = await tokenOwner();
    const created = await createApiToken(owner.actor, { name: "mine" }, context());

    await expectAppError(revokeApiToken(other.actor, created.id, context()), "NOT_FOUND");
    // An administrator cannot revoke another person's personal token through this use case either.
    const admin = await createUser(prisma, { role: "ADMIN", email: uniqueEmail("admin") });
    await expectAppError(revokeApiToken(actorOf(admin), created.id, context()), "NOT_FOUND");

    expect((await prisma.apiToken.findUniqueOrThrow({ where: { id: created.id } })).revokedAt).toBeNull();
    expect(await actorForApiToken(created.secret)).not.toBeNull();
    expect(await listApiTokens(other.actor)).toEqual([]);
  });

  it("revoking an id that is not a UUID or does not exist is NOT_FOUND", async () => {
    const { actor } = await tokenOwner();
    await expectAppError(revokeApiToken(actor, "'; DROP TABLE api_tokens; --", context()), "NOT_FOUND");
    await expectAppError(revokeApiToken(actor, "00000000-0000-4000-8000-000000000000", context()), "NOT_FOUND");
  });

  it("a deactivated user's token fails, and works again after reactivation", async () => {
    const { user, actor } = await tokenOwner();
    const admin = actorOf(await createUser(prisma, { role: "ADMIN", email: uniqueEmail("admin") }));
    const created = await createApiToken(actor, { name: "robot" }, context());
    expect(await actorForApiToken(created.secret)).not.toBeNull();

    const deactivated = await updateUser(admin, user.id, { expectedVersion: user.version, active: false }, context());
    expect(await actorForApiToken(created.secret)).toBeNull();

    await updateUser(admin, user.id, { expectedVersion: deactivated.version, active: true }, context());
    expect(await actorForApiToken(created.secret)).not.toBeNull();
  });
});

describe("requireApiActor", () => {
  /** A documentation-range address of our own, so the per-address counter starts at zero on every run. */
  const freshIp = () => `198.18.${randomInt(256)}.${randomInt(256)}`;
  const bearer = (secret: string) => new Request("http://caseway.test/api/v1/me", { headers: { authorization: `Bearer ${secret}` } });

  it("accepts a valid bearer token and refuses a bad one as UNAUTHENTICATED", async () => {
    const { actor } = await tokenOwner();
    const created = await createApiToken(actor, { name: "bearer" }, context());
    const ctx = context({ ip: freshIp() });
    expect(await requireApiActor(bearer(created.secret), ctx)).toEqual({ ...actor, tokenId: created.id });
    await expectAppError(requireApiActor(bearer("cwt_not-a-real-token"), ctx), "UNAUTHENTICATED");
    await expectAppError(requireApiActor(new Request("http://caseway.test/", { headers: { authorization: "Basic abc" } }), ctx), "UNAUTHENTICATED");
  });

  it("without a token or a browser session the caller is UNAUTHENTICATED", async () => {
    await expectAppError(requireApiActor(new Request("http://caseway.test/api/v1/me"), context()), "UNAUTHENTICATED");
  });

  it(`after ${API_AUTH_THROTTLE.maxFailures} bad tokens from one address, even a good token gets RATE_LIMITED`, async () => {
    const { actor } = await tokenOwner();
    const created = await createApiToken(actor, { name: "victim" }, context());
    const ctx = context({ ip: freshIp() });
    for (let i = 0; i < API_AUTH_THROTTLE.maxFailures; i++) {
      await expectAppError(requireApiActor(bearer(`cwt_guess${i}`), ctx), "UNAUTHENTICATED");
    }
    const limited = await expectAppError(requireApiActor(bearer(created.secret), ctx), "RATE_LIMITED");
    expect(limited.status).toBe(429);
    expect(limited.extra.retryAfterSeconds).toBeGreaterThan(API_AUTH_THROTTLE.lockoutMinutes * 60 - 30);
    expect(limited.extra.retryAfterSeconds).toBeLessThanOrEqual(API_AUTH_THROTTLE.lockoutMinutes * 60);

    // Another address is unaffected.
    expect(await requireApiActor(bearer(created.secret), context({ ip: freshIp() }))).toMatchObject({ userId: actor.userId });
  });
});
