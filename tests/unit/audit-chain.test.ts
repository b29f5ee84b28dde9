import { describe, expect, it } from "vitest";
import { GENESIS_HASH, canonicalJson, eventHash, verifyChain, type ChainedEventFields, type StoredChainEvent } from "@/domain/audit-chain";

describe("canonicalJson", () => {
  it("sorts keys at every depth, without whitespace", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { y: true, x: null }], c: "s" } })).toBe('{"a":{"c":"s","d":[3,{"x":null,"y":true}]},"b":1}');
  });

  it("is independent of key insertion order", () => {
    const one = { outcome: "SUCCESS", details: { toStatus: "CLOSED", fromStatus: "CLOSURE_PENDING", nested: { z: 1, a: 2 } }, seq: 4 };
    const two = { seq: 4, details: { nested: { a: 2, z: 1 }, fromStatus: "CLOSURE_PENDING", toStatus: "CLOSED" }, outcome: "SUCCESS" };
    expect(canonicalJson(one)).toBe(canonicalJson(two));
    expect(JSON.stringify(one)).not.toBe(JSON.stringify(two)); // plain JSON would differ
  });

  it("is stable: the same value always gives the same text", () => {
    const value = { when: new Date("2026-03-02T14:00:00.000Z"), list: ["b", "a"], n: 1.5 };
    expect(canonicalJson(value)).toBe(canonicalJson(structuredClone(value)));
    expect(canonicalJson(value)).toBe('{"list":["b","a"],"n":1.5,"when":"2026-03-02T14:00:00.000Z"}');
  });

  it("keeps array order (order in a list is meaningful)", () => {
    expect(canonicalJson(["a", "b"])).not.toBe(canonicalJson(["b", "a"]));
  });

  it("writes dates as ISO strings, drops undefined members and writes null and undefined values as null", () => {
    expect(canonicalJson({ a: undefined, b: null, c: new Date(0) })).toBe('{"b":null,"c":"1970-01-01T00:00:00.000Z"}');
    expect(canonicalJson(undefined)).toBe("null");
    expect(canonicalJson([undefined, 1])).toBe("[null,1]");
  });

  it("escapes strings and keys like JSON", () => {
    expect(canonicalJson({ 'k"ey': 'va"l\nue' })).toBe('{"k\\"ey":"va\\"l\\nue"}');
  });

  it("refuses NaN and Infinity rather than silently writing null", () => {
    expect(() => canonicalJson({ amount: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson([Number.POSITIVE_INFINITY])).toThrow(TypeError);
  });
});

// ---- a chain -----------------------------------------------------------------------------------------------------

const CHAIN_KEY = "case:5c2b1f0e-0000-4000-8000-000000000001";

function fields(seq: number): Omit<ChainedEventFields, "prevHash"> {
  return {
    chainKey: CHAIN_KEY,
    chainSeq: seq,
    occurredAt: new Date(Date.UTC(2026, 2, 2, 14, seq)),
    action: `case.step-${seq}`,
    outcome: "SUCCESS",
    actorUserId: `user-${seq}`,
    actorEmail: `user${seq}@test.example`,
    actorRole: "DSCA_ANALYST",
    actorOrganizationId: "org-dsca",
    targetType: "case",
    targetId: "5c2b1f0e-0000-4000-8000-000000000001",
    details: { fromStatus: "IN_REVIEW", toStatus: "READY_TO_SIGN", seq, comment: `note ${seq}` },
    ip: "192.0.2.1",
    userAgent: "vitest",
    requestId: `req-${seq}`,
  };
}

/** A correctly linked chain of `length` events, as recordAudit stores them. */
function chain(length = 5): StoredChainEvent[] {
  const events: StoredChainEvent[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= length; seq += 1) {
    const event = { ...fields(seq), prevHash };
    const hash = eventHash(event);
    events.push({ ...event, id: `event-${seq}`, hash });
    prevHash = hash;
  }
  return events;
}

/** Recomputes the hash of one event, as a forger rewriting that row would. */
const rehash = (event: StoredChainEvent): StoredChainEvent => ({ ...event, hash: eventHash(event) });

describe("eventHash", () => {
  it("is a SHA-256 hex digest, deterministic, and ignores the row's id and stored hash", () => {
    const event = { ...fields(1), prevHash: GENESIS_HASH };
    const hash = eventHash(event);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(eventHash({ ...event })).toBe(hash);
    expect(eventHash({ ...event, id: "x", hash: "y" } as StoredChainEvent)).toBe(hash);
  });

  it("does not depend on the key order of the details (jsonb gives keys back in its own order)", () => {
    const event = { ...fields(1), prevHash: GENESIS_HASH, details: { a: 1, b: { c: 2, d: 3 } } };
    expect(eventHash({ ...event, details: { b: { d: 3, c: 2 }, a: 1 } })).toBe(eventHash(event));
  });

  it("treats missing details as null", () => {
    const event = { ...fields(1), prevHash: GENESIS_HASH };
    expect(eventHash({ ...event, details: undefined })).toBe(eventHash({ ...event, details: null }));
  });

  it.each([
    ["chainKey", "case:other"],
    ["chainSeq", 2],
    ["prevHash", "f".repeat(64)],
    ["occurredAt", new Date(Date.UTC(2026, 2, 2, 14, 1, 1))],
    ["action", "case.other"],
    ["outcome", "FAILURE"],
    ["actorUserId", "someone-else"],
    ["actorEmail", "other@test.example"],
    ["actorRole", "ADMIN"],
    ["actorOrganizationId", "org-other"],
    ["targetType", "lor"],
    ["targetId", "other"],
    ["details", { fromStatus: "IN_REVIEW", toStatus: "DISAPPROVED", seq: 1, comment: "note 1" }],
    ["ip", "198.51.100.7"],
    ["userAgent", "curl"],
    ["requestId", "req-other"],
  ] as const)("changes when %s changes", (field, value) => {
    const event = { ...fields(1), prevHash: GENESIS_HASH };
    expect(eventHash({ ...event, [field]: value })).not.toBe(eventHash(event));
  });
});

describe("verifyChain", () => {
  it("passes a good chain and reports its length and head", () => {
    const events = chain(5);
    expect(verifyChain(events)).toEqual({ verified: true, eventCount: 5, headHash: events[4]!.hash });
    expect(events[0]!.prevHash).toBe(GENESIS_HASH);
  });

  it("passes an empty chain, headed by the genesis hash", () => {
    expect(verifyChain([])).toEqual({ verified: true, eventCount: 0, headHash: GENESIS_HASH });
  });

  it("does not depend on the order rows are passed in (it walks by sequence)", () => {
    const events = chain(5);
    expect(verifyChain([...events].reverse())).toEqual(verifyChain(events));
  });

  it("detects a changed detail at that event", () => {
    const events = chain(5);
    events[2] = { ...events[2]!, details: { ...(events[2]!.details as object), toStatus: "CLOSED" } };
    expect(verifyChain(events)).toMatchObject({
      verified: false,
      eventCount: 5,
      brokenAt: { eventId: "event-3", chainSeq: 3, reason: expect.stringMatching(/changed/i) },
    });
  });

  it("detects a changed detail even when the forger recomputes that event's hash: the next link breaks", () => {
    const events = chain(5);
    events[2] = rehash({ ...events[2]!, details: { forged: true } });
    expect(verifyChain(events)).toMatchObject({
      verified: false,
      brokenAt: { eventId: "event-4", chainSeq: 4, reason: expect.stringMatching(/previous hash/i) },
    });
  });

  it("detects a changed actor at that event", () => {
    const events = chain(5);
    events[1] = { ...events[1]!, actorEmail: "someone.else@test.example" };
    expect(verifyChain(events)).toMatchObject({ verified: false, brokenAt: { eventId: "event-2", chainSeq: 2 } });
    const other = chain(5);
    other[3] = { ...other[3]!, actorUserId: "impostor" };
    expect(verifyChain(other)).toMatchObject({ verified: false, brokenAt: { eventId: "event-4", chainSeq: 4 } });
  });

  it("detects a removed event as a sequence gap at the event after it", () => {
    const events = chain(5);
    const removed = events.filter((e) => e.chainSeq !== 3);
    expect(verifyChain(removed)).toEqual({
      verified: false,
      eventCount: 4,
      brokenAt: { eventId: "event-4", chainSeq: 4, reason: "Event 3 of the chain is missing" },
    });
    expect(verifyChain(events.slice(1))).toMatchObject({ verified: false, brokenAt: { eventId: "event-2", reason: "Event 1 of the chain is missing" } });
  });

  it("a removed event cannot be hidden by renumbering the rest", () => {
    const events = chain(5).filter((e) => e.chainSeq !== 3);
    const renumbered = events.map((e, index) => ({ ...e, chainSeq: index + 1 }));
    expect(verifyChain(renumbered)).toMatchObject({ verified: false, brokenAt: { eventId: "event-4", chainSeq: 3 } });
    // …even with every renumbered hash recomputed, the link from event 2 to event 4 does not hold.
    expect(verifyChain(renumbered.map(rehash))).toMatchObject({ verified: false, brokenAt: { eventId: "event-4", chainSeq: 3, reason: expect.stringMatching(/previous hash/i) } });
  });

  it("detects two events swapped in the sequence at the first of them", () => {
    const events = chain(5);
    const swapped = events.map((e) => (e.chainSeq === 2 ? { ...e, chainSeq: 3 } : e.chainSeq === 3 ? { ...e, chainSeq: 2 } : e));
    expect(verifyChain(swapped)).toMatchObject({ verified: false, brokenAt: { eventId: "event-3", chainSeq: 2 } });
  });

  it("detects an event relinked to another predecessor", () => {
    const events = chain(5);
    events[3] = rehash({ ...events[3]!, prevHash: events[1]!.hash! });
    expect(verifyChain(events)).toMatchObject({ verified: false, brokenAt: { eventId: "event-4", chainSeq: 4, reason: expect.stringMatching(/previous hash/i) } });
  });

  it("detects an event without a stored hash", () => {
    const events = chain(3);
    events[1] = { ...events[1]!, hash: null };
    expect(verifyChain(events)).toMatchObject({ verified: false, brokenAt: { eventId: "event-2" } });
  });

  it("reports the first broken link when several are broken", () => {
    const events = chain(6);
    events[4] = { ...events[4]!, action: "case.forged" };
    events[1] = { ...events[1]!, outcome: "FAILURE" };
    expect(verifyChain(events)).toMatchObject({ verified: false, eventCount: 6, brokenAt: { eventId: "event-2", chainSeq: 2 } });
  });

  it("an appended event extends the head; a truncated tail verifies with an older head (the head must be compared elsewhere)", () => {
    const events = chain(5);
    const shorter = verifyChain(events.slice(0, 4));
    expect(shorter).toEqual({ verified: true, eventCount: 4, headHash: events[3]!.hash });
    expect(shorter).not.toEqual(verifyChain(events));
  });
});
