import { describe, expect, it } from "vitest";
import {
  addressBucket,
  afterFailedAttempt,
  afterFailure,
  afterSignInSuccess,
  ceilingDelayed,
  countSignInAttempt,
  delayMinutesAfter,
  forgetFailures,
  isDelayed,
  isForgotten,
  isLockedOut,
  lockoutMinutesLeft,
  minutesUntil,
  sessionExpiry,
  sessionStatus,
  shouldTouchSession,
  signInDelay,
  type DelayPolicy,
  type SignInLimit,
  type SignInPolicy,
  type SignInStates,
  type StoredSession,
  type ThrottlePolicy,
  type ThrottleState,
} from "@/domain/security";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const T0 = new Date("2026-03-01T12:00:00.000Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const timeouts = { idleMinutes: 30, absoluteHours: 12 };

function session(overrides: Partial<StoredSession> = {}): StoredSession {
  return { createdAt: T0, lastSeenAt: T0, expiresAt: at(12 * HOUR), endedAt: null, ...overrides };
}

describe("sessionStatus", () => {
  it.each([
    { label: "just created", s: session(), now: T0, expected: "active" },
    { label: "1 ms before the idle limit", s: session(), now: at(30 * MINUTE - 1), expected: "active" },
    { label: "exactly at the idle limit", s: session(), now: at(30 * MINUTE), expected: "idle-timeout" },
    { label: "past the idle limit", s: session(), now: at(31 * MINUTE), expected: "idle-timeout" },
    {
      label: "recently seen, 1 ms before absolute expiry",
      s: session({ lastSeenAt: at(12 * HOUR - 5 * MINUTE) }),
      now: at(12 * HOUR - 1),
      expected: "active",
    },
    {
      label: "recently seen, exactly at absolute expiry",
      s: session({ lastSeenAt: at(12 * HOUR - 5 * MINUTE) }),
      now: at(12 * HOUR),
      expected: "expired",
    },
    {
      label: "both idle and expired: expiry wins",
      s: session(),
      now: at(13 * HOUR),
      expected: "expired",
    },
    {
      label: "ended, even though otherwise active",
      s: session({ endedAt: at(MINUTE) }),
      now: at(2 * MINUTE),
      expected: "ended",
    },
    {
      label: "ended wins over expired",
      s: session({ endedAt: at(MINUTE) }),
      now: at(20 * HOUR),
      expected: "ended",
    },
  ])("$label → $expected", ({ s, now, expected }) => {
    expect(sessionStatus(s, now, timeouts)).toBe(expected);
  });

  it("uses the idle minutes it is given", () => {
    expect(sessionStatus(session(), at(5 * MINUTE), { idleMinutes: 5, absoluteHours: 12 })).toBe("idle-timeout");
    expect(sessionStatus(session(), at(5 * MINUTE - 1), { idleMinutes: 5, absoluteHours: 12 })).toBe("active");
  });
});

describe("sessionExpiry", () => {
  it.each([
    { hours: 12, expected: "2026-03-02T00:00:00.000Z" },
    { hours: 1, expected: "2026-03-01T13:00:00.000Z" },
    { hours: 24, expected: "2026-03-02T12:00:00.000Z" },
  ])("$hours h after creation", ({ hours, expected }) => {
    expect(sessionExpiry(T0, { idleMinutes: 30, absoluteHours: hours }).toISOString()).toBe(expected);
  });

  it("does not modify the creation date", () => {
    const created = new Date(T0);
    sessionExpiry(created, timeouts);
    expect(created.getTime()).toBe(T0.getTime());
  });
});

describe("shouldTouchSession", () => {
  it.each([
    { elapsed: 0, expected: false },
    { elapsed: 59_999, expected: false },
    { elapsed: 60_000, expected: true },
    { elapsed: 10 * MINUTE, expected: true },
    { elapsed: -MINUTE, expected: false },
  ])("$elapsed ms since last seen → $expected", ({ elapsed, expected }) => {
    expect(shouldTouchSession(T0, at(elapsed))).toBe(expected);
  });
});

describe("afterFailedAttempt (the API-token throttle)", () => {
  const policy: ThrottlePolicy = { maxFailures: 5, windowMinutes: 15, lockoutMinutes: 15 };

  it("the first failure opens a window", () => {
    expect(afterFailedAttempt(null, T0, policy)).toEqual({ failures: 1, windowStart: T0, lockedUntil: null });
  });

  it("failures inside the window add up and keep the window start", () => {
    let state: ThrottleState | null = null;
    for (let i = 1; i <= 4; i++) {
      state = afterFailedAttempt(state, at(i * MINUTE), policy);
      expect(state.failures).toBe(i);
      expect(state.windowStart).toEqual(at(MINUTE));
      expect(state.lockedUntil).toBeNull();
    }
  });

  it("reaching maxFailures locks for lockoutMinutes from the last failure", () => {
    const state = afterFailedAttempt({ failures: 4, windowStart: T0, lockedUntil: null }, at(3 * MINUTE), policy);
    expect(state.failures).toBe(5);
    expect(state.lockedUntil).toEqual(at(18 * MINUTE));
  });

  it("the window resets once windowMinutes have passed (exactly at the boundary)", () => {
    const before = { failures: 4, windowStart: T0, lockedUntil: null };
    expect(afterFailedAttempt(before, at(15 * MINUTE - 1), policy)).toMatchObject({ failures: 5 });
    expect(afterFailedAttempt(before, at(15 * MINUTE), policy)).toEqual({
      failures: 1,
      windowStart: at(15 * MINUTE),
      lockedUntil: null,
    });
  });

  it("an expired lockout resets the count", () => {
    const locked = { failures: 5, windowStart: T0, lockedUntil: at(10 * MINUTE) };
    expect(afterFailedAttempt(locked, at(10 * MINUTE), policy)).toEqual({
      failures: 1,
      windowStart: at(10 * MINUTE),
      lockedUntil: null,
    });
  });

  it("a failure while still locked extends the lock", () => {
    const locked = { failures: 5, windowStart: T0, lockedUntil: at(10 * MINUTE) };
    const next = afterFailedAttempt(locked, at(5 * MINUTE), policy);
    expect(next.failures).toBe(6);
    expect(next.lockedUntil).toEqual(at(20 * MINUTE));
  });

  it("maxFailures of 1 locks on the first failure", () => {
    const next = afterFailedAttempt(null, T0, { ...policy, maxFailures: 1 });
    expect(next.lockedUntil).toEqual(at(15 * MINUTE));
  });
});

describe("isLockedOut and lockoutMinutesLeft", () => {
  const locked = (until: Date | null): ThrottleState => ({ failures: 5, windowStart: T0, lockedUntil: until });

  it.each([
    { label: "no state", state: null, now: T0, locked: false, minutes: 0 },
    { label: "no lock", state: locked(null), now: T0, locked: false, minutes: 0 },
    { label: "15 minutes left", state: locked(at(15 * MINUTE)), now: T0, locked: true, minutes: 15 },
    { label: "14 min 1 s left rounds up", state: locked(at(14 * MINUTE + 1000)), now: T0, locked: true, minutes: 15 },
    { label: "1 ms left reads as 1 minute", state: locked(at(1)), now: T0, locked: true, minutes: 1 },
    { label: "exactly at lockedUntil", state: locked(T0), now: T0, locked: false, minutes: 0 },
    { label: "after lockedUntil", state: locked(at(-MINUTE)), now: T0, locked: false, minutes: 0 },
  ])("$label", ({ state, now, locked: expectedLocked, minutes }) => {
    expect(isLockedOut(state, now)).toBe(expectedLocked);
    expect(lockoutMinutesLeft(state, now)).toBe(minutes);
  });
});

// ---------------------------------------------------------------------------------------------------------------------
// Sign-in delays (ADR 0023)

const pairPolicy: DelayPolicy = { maxFailures: 5, windowMinutes: 15, firstDelayMinutes: 1, maxDelayMinutes: 60 };
const signInPolicy: SignInPolicy = {
  "account-address": pairPolicy,
  account: { maxFailures: 100, windowMinutes: 24 * 60, firstDelayMinutes: 1, maxDelayMinutes: 60 },
  address: { maxFailures: 30, windowMinutes: 60, firstDelayMinutes: 1, maxDelayMinutes: 60 },
};
const state = (failures: number, windowStart: Date, lockedUntil: Date | null = null): ThrottleState => ({
  failures,
  windowStart,
  lockedUntil,
});
const none: SignInStates = { "account-address": null, account: null, address: null };

describe("delayMinutesAfter", () => {
  it.each([
    { failures: 0, minutes: 0 },
    { failures: 4, minutes: 0 },
    { failures: 5, minutes: 1 },
    { failures: 6, minutes: 2 },
    { failures: 7, minutes: 4 },
    { failures: 8, minutes: 8 },
    { failures: 9, minutes: 16 },
    { failures: 10, minutes: 32 },
    { failures: 11, minutes: 60 },
    { failures: 12, minutes: 60 },
    { failures: 10_000, minutes: 60 },
  ])("$failures failures → $minutes min", ({ failures, minutes }) => {
    expect(delayMinutesAfter(failures, pairPolicy)).toBe(minutes);
  });

  it("starts from the configured first delay and stops at the configured cap", () => {
    const policy = { ...pairPolicy, firstDelayMinutes: 3, maxDelayMinutes: 20 };
    expect([5, 6, 7, 8, 9].map((f) => delayMinutesAfter(f, policy))).toEqual([3, 6, 12, 20, 20]);
  });

  it("a cap below the first delay wins", () => {
    expect(delayMinutesAfter(5, { ...pairPolicy, firstDelayMinutes: 10, maxDelayMinutes: 5 })).toBe(5);
  });

  it("maxFailures of 1 delays from the first failure", () => {
    expect(delayMinutesAfter(1, { ...pairPolicy, maxFailures: 1 })).toBe(1);
  });
});

describe("isForgotten", () => {
  const ended2 = state(6, T0, at(2 * MINUTE));
  it.each([
    { label: "no delay yet, 1 ms inside the window from the first failure", s: state(3, T0), now: at(15 * MINUTE - 1), expected: false },
    { label: "no delay yet, a whole window after the first failure", s: state(3, T0), now: at(15 * MINUTE), expected: true },
    { label: "a delay running", s: state(11, T0, at(HOUR)), now: at(30 * MINUTE), expected: false },
    { label: "delay ended, 1 ms short of a quiet window", s: ended2, now: at(17 * MINUTE - 1), expected: false },
    { label: "delay ended a whole window ago", s: ended2, now: at(17 * MINUTE), expected: true },
    { label: "a long streak outlives its first window", s: state(9, T0, at(40 * MINUTE)), now: at(50 * MINUTE), expected: false },
  ])("$label → $expected", ({ s, now, expected }) => {
    expect(isForgotten(s, now, pairPolicy)).toBe(expected);
  });
});

describe("afterFailure", () => {
  it("the first failure starts a streak without a delay", () => {
    expect(afterFailure(null, T0, pairPolicy)).toEqual(state(1, T0));
  });

  it("failures below maxFailures add up and keep the streak's start", () => {
    let s: ThrottleState | null = null;
    for (let i = 1; i <= 4; i++) {
      s = afterFailure(s, at(i * MINUTE), pairPolicy);
      expect(s).toEqual(state(i, at(MINUTE)));
    }
  });

  it("the failure that reaches maxFailures starts the first delay, measured from that failure", () => {
    expect(afterFailure(state(4, T0), at(3 * MINUTE), pairPolicy)).toEqual(state(5, T0, at(4 * MINUTE)));
  });

  it("each failure after a delay ends doubles the next delay: 1, 2, 4, 8, 16, 32, 60, 60 minutes", () => {
    let s: ThrottleState = state(4, T0);
    let now = T0;
    const delays: number[] = [];
    for (let i = 0; i < 8; i++) {
      s = afterFailure(s, now, pairPolicy);
      delays.push((s.lockedUntil!.getTime() - now.getTime()) / MINUTE);
      now = s.lockedUntil!; // the attacker comes back the moment the delay ends
    }
    expect(delays).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
    expect(s.failures).toBe(12);
    expect(s.windowStart).toEqual(T0);
  });

  it("a failure during a delay changes nothing: waiting attempts never lengthen it", () => {
    const delayed = state(6, T0, at(10 * MINUTE));
    expect(afterFailure(delayed, at(5 * MINUTE), pairPolicy)).toBe(delayed);
  });

  it("below maxFailures, the streak restarts a window after its first failure", () => {
    expect(afterFailure(state(4, T0), at(15 * MINUTE - 1), pairPolicy)).toMatchObject({ failures: 5 });
    expect(afterFailure(state(4, T0), at(15 * MINUTE), pairPolicy)).toEqual(state(1, at(15 * MINUTE)));
  });

  it("after a delay, the streak restarts only once a whole window has passed since the delay ended", () => {
    const ended = state(7, T0, at(20 * MINUTE));
    expect(afterFailure(ended, at(35 * MINUTE - 1), pairPolicy)).toEqual(state(8, T0, at(43 * MINUTE - 1)));
    expect(afterFailure(ended, at(35 * MINUTE), pairPolicy)).toEqual(state(1, at(35 * MINUTE)));
  });

  it("an empty counter (no failures) counts as none", () => {
    expect(afterFailure(state(0, at(-HOUR)), T0, pairPolicy)).toEqual(state(1, T0));
  });
});

describe("forgetFailures", () => {
  it.each([
    { label: "nothing stored", s: null, count: 1, expected: null },
    { label: "nothing to forget", s: state(3, T0), count: 0, expected: state(3, T0) },
    { label: "below the threshold", s: state(3, T0), count: 1, expected: state(2, T0) },
    { label: "all of them", s: state(3, T0), count: 3, expected: null },
    { label: "more than stored", s: state(3, T0), count: 9, expected: null },
    { label: "back below the threshold: the delay goes", s: state(5, T0, at(MINUTE)), count: 1, expected: state(4, T0) },
    {
      label: "still past the threshold: the delay shrinks to what the lower count earns, from the same last failure",
      s: state(8, T0, at(10 * MINUTE + 8 * MINUTE)),
      count: 2,
      expected: state(6, T0, at(10 * MINUTE + 2 * MINUTE)),
    },
  ])("$label", ({ s, count, expected }) => {
    expect(forgetFailures(s, count, at(MINUTE / 2), pairPolicy)).toEqual(expected);
  });

  it("a streak that is already forgotten is simply dropped", () => {
    expect(forgetFailures(state(3, T0), 1, at(HOUR), pairPolicy)).toBeNull();
  });

  it("the last count of a delayed streak, forgotten, lifts the delay", () => {
    const delayed = afterFailure(state(4, T0), at(MINUTE), pairPolicy);
    expect(isDelayed(delayed, at(MINUTE))).toBe(true);
    expect(isDelayed(forgetFailures(delayed, 1, at(MINUTE), pairPolicy), at(MINUTE))).toBe(false);
  });
});

describe("minutesUntil", () => {
  it.each([
    { label: "3 minutes", until: at(3 * MINUTE), minutes: 3 },
    { label: "1 ms reads as 1 minute", until: at(1), minutes: 1 },
    { label: "2 min 1 ms rounds up", until: at(2 * MINUTE + 1), minutes: 3 },
    { label: "now", until: T0, minutes: 0 },
    { label: "past", until: at(-MINUTE), minutes: 0 },
  ])("$label", ({ until, minutes }) => {
    expect(minutesUntil(until, T0)).toBe(minutes);
  });
});

describe("signInDelay and ceilingDelayed", () => {
  const running = (minutes: number) => state(200, at(-HOUR), at(minutes * MINUTE));
  const ended = state(200, at(-HOUR), at(-MINUTE));
  const all: SignInStates = { "account-address": running(2), account: running(16), address: running(8) };
  type Expected = [SignInLimit, number] | null;

  it.each<{ label: string; states: SignInStates; known: boolean; expected: Expected; ceiling: boolean }>([
    { label: "nothing stored", states: none, known: false, expected: null, ceiling: false },
    { label: "delays that have ended", states: { "account-address": ended, account: ended, address: ended }, known: false, expected: null, ceiling: false },
    { label: "account-address", states: { ...none, "account-address": running(2) }, known: false, expected: ["account-address", 2], ceiling: false },
    { label: "account-address at a known address too", states: { ...none, "account-address": running(2) }, known: true, expected: ["account-address", 2], ceiling: false },
    { label: "account ceiling, new address", states: { ...none, account: running(4) }, known: false, expected: ["account", 4], ceiling: true },
    { label: "account ceiling, known address: exempt", states: { ...none, account: running(4) }, known: true, expected: null, ceiling: true },
    { label: "address ceiling, new address", states: { ...none, address: running(8) }, known: false, expected: ["address", 8], ceiling: true },
    { label: "address ceiling, known address: exempt", states: { ...none, address: running(8) }, known: true, expected: null, ceiling: true },
    { label: "all three: the longest says when to come back", states: all, known: false, expected: ["account", 16], ceiling: true },
    { label: "all three at a known address: the account-address one", states: all, known: true, expected: ["account-address", 2], ceiling: true },
  ])("$label", ({ states, known, expected, ceiling }) => {
    expect(signInDelay(states, T0, known)).toEqual(expected && { limit: expected[0], until: at(expected[1] * MINUTE) });
    expect(ceilingDelayed(states, T0)).toBe(ceiling);
  });
});

describe("countSignInAttempt", () => {
  it("a first attempt counts once on each of the three counters", () => {
    const attempt = countSignInAttempt(none, T0, signInPolicy, false);
    expect(attempt).toEqual({
      refused: false,
      counted: ["account-address", "account", "address"],
      next: { "account-address": state(1, T0), account: state(1, T0), address: state(1, T0) },
    });
  });

  it("a delayed attempt is refused and counts nowhere", () => {
    const states: SignInStates = { "account-address": state(5, T0, at(MINUTE)), account: state(5, T0), address: state(5, T0) };
    expect(countSignInAttempt(states, at(MINUTE / 2), signInPolicy, true)).toEqual({
      refused: true,
      delay: { limit: "account-address", until: at(MINUTE) },
    });
  });

  it("at a known address, a running ceiling lets the attempt through without counting against that ceiling", () => {
    const accountDelayed = state(100, T0, at(10 * MINUTE));
    const attempt = countSignInAttempt({ ...none, account: accountDelayed }, at(MINUTE), signInPolicy, true);
    expect(attempt).toEqual({
      refused: false,
      counted: ["account-address", "address"],
      next: { "account-address": state(1, at(MINUTE)), account: accountDelayed, address: state(1, at(MINUTE)) },
    });
  });

  it("the same at a new address is refused by that ceiling", () => {
    const attempt = countSignInAttempt({ ...none, account: state(100, T0, at(10 * MINUTE)) }, at(MINUTE), signInPolicy, false);
    expect(attempt).toEqual({ refused: true, delay: { limit: "account", until: at(10 * MINUTE) } });
  });

  it("the counting attempt that reaches a limit is still checked; the delay starts for the next one", () => {
    const attempt = countSignInAttempt({ ...none, "account-address": state(4, T0) }, T0, signInPolicy, false);
    expect(attempt.refused).toBe(false);
    if (attempt.refused) return;
    expect(attempt.next["account-address"]).toEqual(state(5, T0, at(MINUTE)));
    expect(signInDelay(attempt.next, T0, false)).toEqual({ limit: "account-address", until: at(MINUTE) });
  });
});

describe("an attacker and the real user, step by step", () => {
  /** Runs attempts through the pure rules the way verifySignIn does: count first, then give back on success. */
  function world() {
    const counters = new Map<string, ThrottleState | null>();
    const known = new Set<string>();
    const keys = (account: string, address: string) => ({
      "account-address": `p:${account}:${address}`,
      account: `a:${account}`,
      address: `i:${address}`,
    });
    return {
      attempt(account: string, address: string, now: Date, correct: boolean) {
        const k = keys(account, address);
        const states: SignInStates = {
          "account-address": counters.get(k["account-address"]) ?? null,
          account: counters.get(k.account) ?? null,
          address: counters.get(k.address) ?? null,
        };
        const isKnown = known.has(`${account}@${address}`);
        const decided = countSignInAttempt(states, now, signInPolicy, isKnown);
        if (decided.refused) return { outcome: "refused" as const, delay: decided.delay };
        if (!correct) {
          for (const limit of decided.counted) counters.set(k[limit], decided.next[limit]);
          return { outcome: "failed" as const, delay: signInDelay(decided.next, now, isKnown) };
        }
        const after = afterSignInSuccess(
          decided.next,
          { pairFailures: decided.next["account-address"]!.failures, counted: decided.counted },
          now,
          signInPolicy,
        );
        counters.set(k["account-address"], null);
        counters.set(k.account, after.account);
        counters.set(k.address, after.address);
        known.add(`${account}@${address}`);
        return { outcome: "signed-in" as const, delay: null };
      },
      counter: (key: string) => counters.get(key) ?? null,
    };
  }

  it("an attacker at A hammering an account does not stop its user signing in from B, and waits longer each time", () => {
    const w = world();
    let now = T0;
    const waits: number[] = [];
    for (let i = 0; i < 40; i++) {
      const result = w.attempt("victim", "A", now, false);
      if (result.outcome === "refused") {
        waits.push(minutesUntil(result.delay.until, now));
        now = result.delay.until;
      }
    }
    expect(waits.slice(0, 7)).toEqual([1, 2, 4, 8, 16, 32, 60]);
    // B has never signed in to this account either: the account has far fewer than 100 failures.
    expect(w.attempt("victim", "B", now, true).outcome).toBe("signed-in");
  });

  it("past the account ceiling a new address waits, a known one does not, and the wait always ends", () => {
    const w = world();
    expect(w.attempt("victim", "home", T0, true).outcome).toBe("signed-in");
    // 25 addresses × 4 guesses: each stays under its own limit of 5, the account reaches 100.
    let now = at(MINUTE);
    for (let a = 0; a < 25; a++) for (let g = 0; g < 4; g++) w.attempt("victim", `bot-${a}`, now, false);
    expect(w.counter("a:victim")).toMatchObject({ failures: 100 });
    const refused = w.attempt("victim", "hotel", now, true);
    expect(refused).toMatchObject({ outcome: "refused", delay: { limit: "account" } });
    expect(w.attempt("victim", "home", now, true).outcome).toBe("signed-in");
    // The ceiling's delay expires; a guess then is counted and doubles it, but never makes it last for ever.
    now = at(2 * MINUTE);
    expect(w.attempt("victim", "bot-99", now, false)).toMatchObject({ outcome: "failed", delay: { limit: "account" } });
    expect(w.attempt("victim", "hotel", at(4 * MINUTE), true).outcome).toBe("signed-in");
  });

  it("one address trying many accounts is held back, except for people who have signed in there before", () => {
    const w = world();
    expect(w.attempt("colleague", "office", T0, true).outcome).toBe("signed-in");
    let last;
    for (let i = 0; i < 30; i++) last = w.attempt(`leaked-${i}`, "office", at(MINUTE), false);
    expect(last).toMatchObject({ outcome: "failed", delay: { limit: "address" } });
    expect(w.attempt("leaked-99", "office", at(MINUTE), true)).toMatchObject({ outcome: "refused", delay: { limit: "address" } });
    expect(w.attempt("colleague", "office", at(MINUTE), true).outcome).toBe("signed-in");
  });

  it("a success from an address forgets that account's failures from there, everywhere (NIST SP 800-63B §5.2.2)", () => {
    const w = world();
    for (let i = 0; i < 3; i++) w.attempt("user", "laptop", T0, false);
    w.attempt("user", "phone", T0, false);
    w.attempt("other", "laptop", T0, false);
    expect(w.attempt("user", "laptop", T0, true).outcome).toBe("signed-in");
    expect(w.counter("p:user:laptop")).toBeNull();
    expect(w.counter("a:user")).toMatchObject({ failures: 1 }); // the phone's failure remains
    expect(w.counter("i:laptop")).toMatchObject({ failures: 1 }); // the other account's failure remains
  });
});

describe("afterSignInSuccess", () => {
  it("a ceiling that did not count this attempt forgets only the earlier failures from that address", () => {
    const current = { account: state(120, T0, at(10 * MINUTE)), address: state(3, T0) };
    const after = afterSignInSuccess(current, { pairFailures: 3, counted: ["account-address", "address"] }, at(MINUTE), signInPolicy);
    expect(after.account).toMatchObject({ failures: 118 });
    expect(after.address).toBeNull();
  });

  it("with nothing stored there is nothing to forget", () => {
    expect(afterSignInSuccess({ account: null, address: null }, { pairFailures: 0, counted: [] }, T0, signInPolicy)).toEqual({
      account: null,
      address: null,
    });
  });
});

describe("addressBucket", () => {
  it.each([
    { ip: null, bucket: "unknown" },
    { ip: "", bucket: "unknown" },
    { ip: "192.0.2.10", bucket: "192.0.2.10" },
    { ip: "::ffff:192.0.2.10", bucket: "192.0.2.10" },
    { ip: "2001:db8:85a3:8d3:1319:8a2e:370:7348", bucket: "2001:db8:85a3:8d3::/64" },
    { ip: "2001:DB8:85A3:08D3:1:2:3:4", bucket: "2001:db8:85a3:8d3::/64" },
    { ip: "2001:db8::1", bucket: "2001:db8:0:0::/64" },
    { ip: "2001:db8:0:0:ffff::2", bucket: "2001:db8:0:0::/64" },
    { ip: "fe80::1%eth0", bucket: "fe80:0:0:0::/64" },
    { ip: "::1", bucket: "0:0:0:0::/64" },
    { ip: "1:2::3:4:5:6.7.8.9", bucket: "1:2:0:3::/64" },
    { ip: "1::2::3", bucket: "1::2::3" },
    { ip: "not:an:address", bucket: "not:an:address" },
  ])("$ip → $bucket", ({ ip, bucket }) => {
    expect(addressBucket(ip)).toBe(bucket);
  });

  it("two addresses in one /64 share a bucket; the next /64 does not", () => {
    expect(addressBucket("2001:db8:1:2::a")).toBe(addressBucket("2001:db8:1:2:ffff:ffff:ffff:ffff"));
    expect(addressBucket("2001:db8:1:2::a")).not.toBe(addressBucket("2001:db8:1:3::a"));
  });
});
