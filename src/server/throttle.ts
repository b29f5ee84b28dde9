import "server-only";
import { afterFailedAttempt, isLockedOut, type ThrottlePolicy, type ThrottleState } from "@/domain/security";
import type { Tx } from "./db";

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

/**
 * Locks the counters under `keys` for the rest of the transaction (creating empty ones where none exist, so that there
 * is a row to lock) and returns what is stored under each; an empty counter reads as null. Rows are created and locked
 * in key order, so two transactions that need the same counters queue instead of deadlocking.
 */
export async function lockCounters<K extends string>(
  tx: Tx,
  keys: Record<K, string>,
  now: Date,
): Promise<Record<K, ThrottleState | null>> {
  const sorted = [...new Set(Object.values<string>(keys))].sort();
  await tx.$executeRaw`
    INSERT INTO rate_limits (key, failures, window_start)
    SELECT k, 0, ${now} FROM unnest(${sorted}::text[]) WITH ORDINALITY AS t(k, n) ORDER BY n
    ON CONFLICT (key) DO NOTHING`;
  const rows = await tx.$queryRaw<(ThrottleState & { key: string })[]>`
    SELECT key, failures, window_start AS "windowStart", locked_until AS "lockedUntil"
    FROM rate_limits WHERE key = ANY(${sorted}::text[]) ORDER BY key FOR UPDATE`;
  const stored = new Map(rows.map(({ key, ...state }) => [key, state.failures > 0 ? state : null]));
  const byName = Object.entries<string>(keys).map(([name, key]) => [name, stored.get(key) ?? null]);
  return Object.fromEntries(byName) as Record<K, ThrottleState | null>;
}

/** Stores a counter locked by lockCounters; null (or an empty counter) deletes its row. */
export async function saveCounter(tx: Tx, key: string, state: ThrottleState | null): Promise<void> {
  if (!state || state.failures <= 0) {
    await tx.rateLimit.deleteMany({ where: { key } });
    return;
  }
  await tx.rateLimit.upsert({ where: { key }, create: { key, ...state }, update: state });
}
