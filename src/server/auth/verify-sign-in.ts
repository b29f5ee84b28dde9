import "server-only";
import { afterFailedAttempt, isLockedOut, lockoutMinutesLeft, sessionExpiry } from "@/domain/security";
import { SignInInput } from "@/domain/schemas/auth";
import { sessionTimeouts, throttlePolicy } from "@/env";
import { recordAudit } from "../audit";
import { db } from "../db";
import type { RequestContext } from "../request-context";
import { verifyAgainstDummy, verifyPassword } from "../passwords";

export type SignInResult =
  | { ok: true; userId: string; sessionId: string }
  | { ok: false; reason: "invalid" | "throttled"; minutesLeft?: number };

/**
 * Checks an e-mail and password, throttling repeated failures per address (whether or not the account exists), and
 * opens a server-side session. Wrong password, unknown address and deactivated account all read the same to the
 * caller; the audit log records which it was.
 */
export async function verifySignIn(input: unknown, context: RequestContext, now = new Date()): Promise<SignInResult> {
  const parsed = SignInInput.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;

  const throttle = await db().loginThrottle.findUnique({ where: { email } });
  if (isLockedOut(throttle, now)) {
    await db().$transaction((tx) =>
      recordAudit(tx, {
        action: "auth.sign_in",
        outcome: "DENIED",
        actorEmail: email,
        details: { reason: "throttled" },
        context,
      }),
    );
    return { ok: false, reason: "throttled", minutesLeft: lockoutMinutesLeft(throttle, now) };
  }

  const user = await db().user.findUnique({ where: { email } });
  const passwordOk = user ? await verifyPassword(user.passwordHash, password) : (await verifyAgainstDummy(password), false);

  if (!user || !passwordOk || !user.active) {
    const reason = !user ? "unknown_email" : !passwordOk ? "wrong_password" : "inactive_account";
    const next = afterFailedAttempt(throttle, now, throttlePolicy());
    await db().$transaction(async (tx) => {
      await tx.loginThrottle.upsert({
        where: { email },
        create: { email, ...next },
        update: next,
      });
      await recordAudit(tx, {
        action: "auth.sign_in",
        outcome: "FAILURE",
        actorEmail: email,
        actor: user ? { userId: user.id, email: user.email, role: user.role, organizationId: user.organizationId } : null,
        details: { reason, failures: next.failures, locked: next.lockedUntil !== null },
        context,
      });
    });
    if (next.lockedUntil) return { ok: false, reason: "throttled", minutesLeft: lockoutMinutesLeft(next, now) };
    return { ok: false, reason: "invalid" };
  }

  const session = await db().$transaction(async (tx) => {
    await tx.loginThrottle.deleteMany({ where: { email } });
    const created = await tx.session.create({
      data: {
        userId: user.id,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: sessionExpiry(now, sessionTimeouts()),
        ip: context.ip,
        userAgent: context.userAgent,
      },
    });
    await recordAudit(tx, {
      action: "auth.sign_in",
      outcome: "SUCCESS",
      actor: { userId: user.id, email: user.email, role: user.role, organizationId: user.organizationId },
      target: { type: "session", id: created.id },
      context,
    });
    return created;
  });
  return { ok: true, userId: user.id, sessionId: session.id };
}
