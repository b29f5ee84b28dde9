// Session lifetime and sign-in throttling rules. Pure: the server feeds in the stored state and the time.

export interface SessionTimeouts {
  idleMinutes: number;
  absoluteHours: number;
}

export interface StoredSession {
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  endedAt: Date | null;
}

export type SessionStatus = "active" | "ended" | "idle-timeout" | "expired";

export function sessionStatus(session: StoredSession, now: Date, timeouts: SessionTimeouts): SessionStatus {
  if (session.endedAt) return "ended";
  if (now.getTime() >= session.expiresAt.getTime()) return "expired";
  if (now.getTime() - session.lastSeenAt.getTime() >= timeouts.idleMinutes * 60_000) return "idle-timeout";
  return "active";
}

export function sessionExpiry(createdAt: Date, timeouts: SessionTimeouts): Date {
  return new Date(createdAt.getTime() + timeouts.absoluteHours * 3_600_000);
}

/** Writing lastSeenAt on every request would turn every page view into a write; once a minute is precise enough. */
export function shouldTouchSession(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= 60_000;
}

export interface ThrottlePolicy {
  maxFailures: number;
  windowMinutes: number;
  lockoutMinutes: number;
}

export interface ThrottleState {
  failures: number;
  windowStart: Date;
  lockedUntil: Date | null;
}

export function isLockedOut(state: ThrottleState | null, now: Date): boolean {
  return Boolean(state?.lockedUntil && state.lockedUntil.getTime() > now.getTime());
}

/** Minutes left on a lockout, rounded up so "try again in 1 minute" never reads as zero. */
export function lockoutMinutesLeft(state: ThrottleState | null, now: Date): number {
  if (!state?.lockedUntil) return 0;
  return Math.max(0, Math.ceil((state.lockedUntil.getTime() - now.getTime()) / 60_000));
}

/** The state after one more failed attempt: failures count within a window; reaching the limit locks the account. */
export function afterFailedAttempt(state: ThrottleState | null, now: Date, policy: ThrottlePolicy): ThrottleState {
  const windowOpen =
    state !== null &&
    now.getTime() - state.windowStart.getTime() < policy.windowMinutes * 60_000 &&
    !(state.lockedUntil && state.lockedUntil.getTime() <= now.getTime());
  const failures = windowOpen ? state.failures + 1 : 1;
  const windowStart = windowOpen ? state.windowStart : now;
  const lockedUntil = failures >= policy.maxFailures ? new Date(now.getTime() + policy.lockoutMinutes * 60_000) : null;
  return { failures, windowStart, lockedUntil };
}
