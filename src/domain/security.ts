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

// ---------------------------------------------------------------------------------------------------------------------
// Sign-in delays (ADR 0023). Three counters, each a ThrottleState:
// - "account-address": one account tried from one address. Its failures earn a delay that doubles with each further
//   failure; a success from there clears it. Someone guessing elsewhere never touches it, so nobody can lock the real
//   user out from where they are.
// - "account": one account tried from any address (NIST SP 800-63B §5.2.2: no more than 100 consecutive failures).
// - "address": one address trying any account (credential stuffing).
// The two ceilings delay only addresses that have never signed in to the account: the real user at a known address
// is never held up by them.
//
// In a ThrottleState used for these, `windowStart` is the first failure of the current streak and `lockedUntil` the
// end of the latest delay (kept, in the past, once it has ended; null until the streak first earns a delay).

export const SIGN_IN_LIMITS = ["account-address", "account", "address"] as const;
export type SignInLimit = (typeof SIGN_IN_LIMITS)[number];
export type SignInStates = Record<SignInLimit, ThrottleState | null>;

export interface DelayPolicy {
  /** Failures allowed before the first delay: the failure that reaches this number starts it. */
  maxFailures: number;
  /** Failures count together within this many minutes of the first; a streak is forgotten once this long has passed
   *  without a failure after its last delay ended. */
  windowMinutes: number;
  /** The first delay; each further failure doubles it… */
  firstDelayMinutes: number;
  /** …up to this. */
  maxDelayMinutes: number;
}

export type SignInPolicy = Record<SignInLimit, DelayPolicy>;

const MINUTE_MS = 60_000;

/** Whole minutes until `until`, rounded up so "try again in 1 minute" never reads as zero. */
export function minutesUntil(until: Date, now: Date): number {
  return Math.max(0, Math.ceil((until.getTime() - now.getTime()) / MINUTE_MS));
}

/** Minutes a streak of `failures` must wait after its last failure: none below maxFailures, then 1×, 2×, 4× … the
 *  first delay, capped. */
export function delayMinutesAfter(failures: number, policy: DelayPolicy): number {
  if (failures < policy.maxFailures) return 0;
  // 2^30 minutes already dwarfs any cap; the bound keeps the arithmetic finite for absurd counts.
  const doublings = Math.min(failures - policy.maxFailures, 30);
  return Math.min(policy.maxDelayMinutes, policy.firstDelayMinutes * 2 ** doublings);
}

/** A delay is running: attempts are refused without looking at the password, and are not counted. */
export function isDelayed(state: ThrottleState | null, now: Date): state is ThrottleState & { lockedUntil: Date } {
  return isLockedOut(state, now);
}

/** The streak is over: quiet for a whole window after its last delay (or, before any delay, since its first failure). */
export function isForgotten(state: ThrottleState, now: Date, policy: DelayPolicy): boolean {
  const from = state.lockedUntil ?? state.windowStart;
  return now.getTime() >= from.getTime() + policy.windowMinutes * MINUTE_MS;
}

/** The state after one more failure. A failure during a delay cannot happen (the attempt is refused first), so the
 *  state is returned unchanged: waiting attempts never lengthen a delay. */
export function afterFailure(state: ThrottleState | null, now: Date, policy: DelayPolicy): ThrottleState {
  if (state && isDelayed(state, now)) return state;
  const fresh = !state || state.failures <= 0 || isForgotten(state, now, policy);
  const failures = fresh ? 1 : state.failures + 1;
  const delay = delayMinutesAfter(failures, policy);
  return {
    failures,
    windowStart: fresh ? now : state.windowStart,
    lockedUntil: delay > 0 ? new Date(now.getTime() + delay * MINUTE_MS) : null,
  };
}

/**
 * The state with `count` failures taken back (null when none remain). A delay still earned shrinks to what the lower
 * count earns, measured from the same last failure.
 */
export function forgetFailures(
  state: ThrottleState | null,
  count: number,
  now: Date,
  policy: DelayPolicy,
): ThrottleState | null {
  if (!state || count <= 0) return state;
  if (isForgotten(state, now, policy)) return null;
  const failures = state.failures - count;
  if (failures <= 0) return null;
  if (failures < policy.maxFailures || !state.lockedUntil) {
    return { failures, windowStart: state.windowStart, lockedUntil: null };
  }
  const lastFailure = state.lockedUntil.getTime() - delayMinutesAfter(state.failures, policy) * MINUTE_MS;
  return {
    failures,
    windowStart: state.windowStart,
    lockedUntil: new Date(lastFailure + delayMinutesAfter(failures, policy) * MINUTE_MS),
  };
}

export interface SignInDelay {
  limit: SignInLimit;
  until: Date;
}

/**
 * The delay this attempt must wait, if any: the account-address delay always applies; the account and address
 * ceilings only to an address that has never signed in to the account. When several apply, the longest is the one
 * that tells the person when to come back.
 */
export function signInDelay(states: SignInStates, now: Date, knownAddress: boolean): SignInDelay | null {
  let longest: SignInDelay | null = null;
  for (const limit of SIGN_IN_LIMITS) {
    if (limit !== "account-address" && knownAddress) continue;
    const state = states[limit];
    if (isDelayed(state, now) && (!longest || state.lockedUntil.getTime() > longest.until.getTime())) {
      longest = { limit, until: state.lockedUntil };
    }
  }
  return longest;
}

/** Whether the account or address ceiling is delaying anyone: only then does it matter whether the address is known. */
export function ceilingDelayed(states: SignInStates, now: Date): boolean {
  return isDelayed(states.account, now) || isDelayed(states.address, now);
}

export type SignInAttempt =
  | { refused: true; delay: SignInDelay }
  | { refused: false; next: SignInStates; counted: SignInLimit[] };

/**
 * Decides an attempt before its password is checked, and counts it as a failure in advance so that parallel guesses
 * cannot slip past a limit (a success gives it back: afterSignInSuccess). A refused attempt counts nowhere. An attempt
 * from a known address that a ceiling is delaying for others is let through without counting against that ceiling.
 */
export function countSignInAttempt(
  states: SignInStates,
  now: Date,
  policy: SignInPolicy,
  knownAddress: boolean,
): SignInAttempt {
  const delay = signInDelay(states, now, knownAddress);
  if (delay) return { refused: true, delay };
  const next = { ...states };
  const counted: SignInLimit[] = [];
  for (const limit of SIGN_IN_LIMITS) {
    if (isDelayed(states[limit], now)) continue;
    next[limit] = afterFailure(states[limit], now, policy[limit]);
    counted.push(limit);
  }
  return { refused: false, next, counted };
}

/**
 * The two ceilings after a success. NIST SP 800-63B §5.2.2: "the verifier SHOULD disregard any previous failed
 * attempts for that user from the same IP address" — so each ceiling forgets this attempt (if it was counted) and the
 * failures that the account had from this address (`pairFailures`, this attempt included). The account-address
 * counter itself is deleted by the caller.
 */
export function afterSignInSuccess(
  current: Pick<SignInStates, "account" | "address">,
  attempt: { pairFailures: number; counted: SignInLimit[] },
  now: Date,
  policy: SignInPolicy,
): Pick<SignInStates, "account" | "address"> {
  const earlier = Math.max(0, attempt.pairFailures - 1);
  const forget = (limit: "account" | "address") =>
    forgetFailures(current[limit], earlier + (attempt.counted.includes(limit) ? 1 : 0), now, policy[limit]);
  return { account: forget("account"), address: forget("address") };
}

/**
 * The bucket an address counts in. IPv6 hosts usually hold a whole /64 and can rotate through it at will, so IPv6
 * addresses count per /64; IPv4 addresses (also when written IPv4-mapped) count alone. No address at all is one shared
 * "unknown" bucket.
 */
export function addressBucket(ip: string | null): string {
  if (!ip) return "unknown";
  const address = ip.trim().toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (mapped) return mapped[1]!;
  if (!address.includes(":")) return address;
  const halves = address.split("%")[0]!.split("::");
  if (halves.length > 2) return address;
  const [head = "", tail] = halves;
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  // An embedded IPv4 address (64:ff9b::192.0.2.1) fills the last two groups.
  const width = (groups: string[]) => groups.reduce((sum, group) => sum + (group.includes(".") ? 2 : 1), 0);
  const missing = tail === undefined ? 0 : Math.max(0, 8 - width(headGroups) - width(tailGroups));
  const groups = [...headGroups, ...Array<string>(missing).fill("0"), ...tailGroups];
  if (groups.length < 4 || groups.slice(0, 4).some((group) => !/^[0-9a-f]{1,4}$/.test(group))) return address;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}
