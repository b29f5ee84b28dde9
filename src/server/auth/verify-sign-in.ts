import "server-only";
import { lockoutMinutesLeft, sessionExpiry } from "@/domain/security";
import { SignInInput } from "@/domain/schemas/auth";
import { sessionTimeouts, throttlePolicy } from "@/env";
import { recordAudit } from "../audit";
import { db } from "../db";
import type { RequestContext } from "../request-context";
import { verifyAgainstDummy, verifyPassword } from "../passwords";
import { clearAttempts, countAttempt } from "../throttle";

export type SignInResult =
  | { ok: true; userId: string; sessionId: string }
  | { ok: false; reason: "invalid" | "throttled"; minutesLeft?: number };

/**
 * Checks an e-mail and password and opens a server-side session. Every attempt counts towards the lockout before the
 * password is checked (so parallel guessing cannot slip past it) and a success clears the count. Attempts are counted
 * per address whether or not the account exists. Wrong password, unknown address and deactivated account all read the
 * same to the caller; the audit log records which it was.
 */
export async function verifySignIn(input: unknown, context: RequestContext, now = new Date()): Promise<SignInResult> {
  const parsed = SignInInput.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  const throttleKey = `sign-in:${email}`;

  const attempt = await db().$transaction(async (tx) => {
    const counted = await countAttempt(tx, throttleKey, now, throttlePolicy());
    if (counted.locked) {
      await recordAudit(tx, {
        action: "auth.sign_in",
        outcome: "DENIED",
        actorEmail: email,
        details: { reason: "throttled" },
        context,
      });
    }
    return counted;
  });
  if (attempt.locked) return { ok: false, reason: "throttled", minutesLeft: lockoutMinutesLeft(attempt.state, now) };

  const user = await db().user.findUnique({ where: { email } });
  const passwordOk = user ? await verifyPassword(user.passwordHash, password) : (await verifyAgainstDummy(password), false);

  if (!user || !passwordOk || !user.active) {
    const reason = !user ? "unknown_email" : !passwordOk ? "wrong_password" : "inactive_account";
    await db().$transaction((tx) =>
      recordAudit(tx, {
        action: "auth.sign_in",
        outcome: "FAILURE",
        actorEmail: email,
        actor: user ? { userId: user.id, email: user.email, role: user.role, organizationId: user.organizationId } : null,
        details: { reason, failures: attempt.state.failures, locked: attempt.state.lockedUntil !== null },
        context,
      }),
    );
    if (attempt.state.lockedUntil) {
      return { ok: false, reason: "throttled", minutesLeft: lockoutMinutesLeft(attempt.state, now) };
    }
    return { ok: false, reason: "invalid" };
  }

  const session = await db().$transaction(async (tx) => {
    await clearAttempts(tx, throttleKey);
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
