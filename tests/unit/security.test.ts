import { describe, expect, it } from "vitest";
import {
  afterFailedAttempt,
  isLockedOut,
  lockoutMinutesLeft,
  sessionExpiry,
  sessionStatus,
  shouldTouchSession,
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

describe("afterFailedAttempt", () => {
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
