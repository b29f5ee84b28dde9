import "server-only";
import { createHash } from "node:crypto";
import {
  SIGN_IN_LIMITS,
  addressBucket,
  afterSignInSuccess,
  ceilingDelayed,
  countSignInAttempt,
  minutesUntil,
  sessionExpiry,
  signInDelay,
  type SignInLimit,
  type SignInStates,
} from "@/domain/security";
import { SignInInput } from "@/domain/schemas/auth";
import { sessionTimeouts, throttlePolicy } from "@/env";
import { recordAudit } from "../audit";
import { db, type Tx } from "../db";
import type { RequestContext } from "../request-context";
import { verifyAgainstDummy, verifyPassword } from "../passwords";
import { lockCounters, saveCounter } from "../throttle";

export type SignInResult =
  | { ok: true; userId: string; sessionId: string }
  | { ok: false; reason: "invalid" | "throttled"; minutesLeft?: number };

const digest = (value: string) => createHash("sha256").update(value).digest("hex");

/**
 * The rate_limits keys of one attempt's three counters (ADR 0023). E-mail addresses can be longer than the key
 * column, so the account's part is hashed; IPv6 addresses count per /64.
 */
export function signInCounterKeys(email: string, ip: string | null): Record<SignInLimit, string> {
  const address = addressBucket(ip);
  return {
    "account-address": `sign-in:account-address:${digest(`${email}\n${address}`)}`,
    account: `sign-in:account:${digest(email)}`,
    address: `sign-in:address:${address}`,
  };
}

/** Whether this account has signed in from this address before (its sessions keep the address, ended or not). */
async function isKnownAddress(tx: Tx, email: string, ip: string | null): Promise<boolean> {
  const [row] = await tx.$queryRaw<{ known: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE u.email = ${email} AND s.ip IS NOT DISTINCT FROM ${ip}
    ) AS known`;
  return row?.known ?? false;
}

/**
 * Checks an e-mail and password and opens a server-side session.
 *
 * Sign-in attempts are counted three ways (src/domain/security.ts): per account and address, per account, and per
 * address. An attempt that a running delay applies to is refused without looking at the password. Every other attempt
 * counts as a failure before the password is checked (so parallel guessing cannot slip past a limit); a success gives
 * it back, clears the account-and-address counter and forgets that account's failures from that address. Attempts
 * count whether or not the account exists. Wrong password, unknown e-mail and deactivated account all read the same
 * to the caller; the audit log records which it was, and which limit refused an attempt.
 */
export async function verifySignIn(input: unknown, context: RequestContext, now = new Date()): Promise<SignInResult> {
  const parsed = SignInInput.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  const keys = signInCounterKeys(email, context.ip);
  const policy = throttlePolicy();

  const attempt = await db().$transaction(async (tx) => {
    const states = await lockCounters(tx, keys, now);
    // Only a ceiling's delay depends on where the person has signed in before; skip the lookup when none runs.
    const known = ceilingDelayed(states, now) ? await isKnownAddress(tx, email, context.ip) : false;
    const decided = countSignInAttempt(states, now, policy, known);
    if (decided.refused) {
      for (const limit of SIGN_IN_LIMITS) if (!states[limit]) await saveCounter(tx, keys[limit], null);
      await recordAudit(tx, {
        action: "auth.sign_in",
        outcome: "DENIED",
        actorEmail: email,
        details: { reason: "throttled", limit: decided.delay.limit, until: decided.delay.until.toISOString() },
        context,
      });
      return { ...decided, known };
    }
    for (const limit of decided.counted) await saveCounter(tx, keys[limit], decided.next[limit]);
    return { ...decided, known };
  });
  if (attempt.refused) return { ok: false, reason: "throttled", minutesLeft: minutesUntil(attempt.delay.until, now) };

  const user = await db().user.findUnique({ where: { email } });
  const passwordOk = user ? await verifyPassword(user.passwordHash, password) : (await verifyAgainstDummy(password), false);

  if (!user || !passwordOk || !user.active) {
    const reason = !user ? "unknown_email" : !passwordOk ? "wrong_password" : "inactive_account";
    const delay = await db().$transaction(async (tx) => {
      // This failure may have started a ceiling's delay; whether it applies here depends on the address being known.
      const known = attempt.known || (ceilingDelayed(attempt.next, now) && (await isKnownAddress(tx, email, context.ip)));
      const started = signInDelay(attempt.next, now, known);
      await recordAudit(tx, {
        action: "auth.sign_in",
        outcome: "FAILURE",
        actorEmail: email,
        actor: user ? { userId: user.id, email: user.email, role: user.role, organizationId: user.organizationId } : null,
        details: {
          reason,
          failures: attempt.next["account-address"]?.failures ?? 0,
          locked: started !== null,
          ...(started ? { limit: started.limit, until: started.until.toISOString() } : {}),
        },
        context,
      });
      return started;
    });
    if (delay) return { ok: false, reason: "throttled", minutesLeft: minutesUntil(delay.until, now) };
    return { ok: false, reason: "invalid" };
  }

  const session = await db().$transaction(async (tx) => {
    const current: SignInStates = await lockCounters(tx, keys, now);
    // The account-and-address count as it is now: failures made from here in parallel are disregarded as well.
    const pairFailures = current["account-address"]?.failures ?? 0;
    const forgotten = afterSignInSuccess(current, { pairFailures, counted: attempt.counted }, now, policy);
    await saveCounter(tx, keys["account-address"], null);
    await saveCounter(tx, keys.account, forgotten.account);
    await saveCounter(tx, keys.address, forgotten.address);
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
