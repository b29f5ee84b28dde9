import "server-only";
import { afterFailedAttempt, isLockedOut, type ThrottlePolicy, type ThrottleState } from "@/domain/security";
import { db, type Tx } from "./db";

type CountResult = { locked: true; state: ThrottleState } | { locked: false; state: ThrottleState };

/**
 * Counts one attempt against `key`, atomically: the row is locked while the new count is computed, so parallel
 * attempts cannot overwrite each other's count. An attempt made while locked out is refused and not counted.
 */
export async function countAttempt(tx: Tx, key: string, now: Date, policy: ThrottlePolicy): Promise<CountResult> {
  await tx.$executeRaw`INSERT INTO rate_limits (key, failures, window_start) VALUES (${key}, 0, ${now}) ON CONFLICT (key) DO NOTHING`;
  const [row] = await tx.$queryRaw<ThrottleState[]>`
    SELECT failures, window_start AS "windowStart", locked_until AS "lockedUntil"
    FROM rate_limits WHERE key = ${key} FOR UPDATE`;
  const current = row && row.failures > 0 ? row : null;
  if (current && isLockedOut(current, now)) return { locked: true, state: current };
  const next = afterFailedAttempt(current, now, policy);
  await tx.rateLimit.update({ where: { key }, data: next });
  return { locked: false, state: next };
}

export async function lockedUntil(key: string, now: Date): Promise<Date | null> {
  const row = await db().rateLimit.findUnique({ where: { key } });
  return isLockedOut(row, now) ? row!.lockedUntil : null;
}

export async function clearAttempts(tx: Tx, key: string): Promise<void> {
  await tx.rateLimit.deleteMany({ where: { key } });
}
