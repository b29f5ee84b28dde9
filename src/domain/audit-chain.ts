// Tamper-evident audit: each record's events form a SHA-256 chain. An event's hash covers its canonical encoding and
// the previous event's hash, so changing, removing or reordering any stored event breaks the chain from that event on.
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";

export const GENESIS_HASH = "0".repeat(64);

/** The stored fields an event's hash covers (everything but its own id and hash). */
export interface ChainedEventFields {
  chainKey: string;
  chainSeq: number;
  prevHash: string;
  occurredAt: Date;
  action: string;
  outcome: string;
  actorUserId: string | null;
  actorEmail: string | null;
  actorRole: string | null;
  actorOrganizationId: string | null;
  targetType: string | null;
  targetId: string | null;
  details: unknown;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

/**
 * Canonical JSON: object keys sorted, no whitespace, dates as ISO strings, undefined members dropped. The same value
 * always encodes to the same text, whatever order PostgreSQL's jsonb gives its keys back in.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  if (typeof value === "number" && !Number.isFinite(value)) throw new TypeError("Audit details cannot hold NaN or Infinity");
  return JSON.stringify(value);
}

export function eventHash(event: ChainedEventFields): string {
  // Picked field by field, so extra properties on a loaded row (its id, its stored hash) never enter the hash.
  const fields: ChainedEventFields = {
    chainKey: event.chainKey,
    chainSeq: event.chainSeq,
    prevHash: event.prevHash,
    occurredAt: event.occurredAt,
    action: event.action,
    outcome: event.outcome,
    actorUserId: event.actorUserId,
    actorEmail: event.actorEmail,
    actorRole: event.actorRole,
    actorOrganizationId: event.actorOrganizationId,
    targetType: event.targetType,
    targetId: event.targetId,
    details: event.details ?? null,
    ip: event.ip,
    userAgent: event.userAgent,
    requestId: event.requestId,
  };
  return bytesToHex(sha256(utf8ToBytes(canonicalJson(fields))));
}

export interface StoredChainEvent extends ChainedEventFields {
  id: string;
  hash: string | null;
}

export type ChainVerification =
  | { verified: true; eventCount: number; headHash: string }
  | {
      verified: false;
      eventCount: number;
      /** The first event whose link does not hold. */
      brokenAt: { eventId: string; chainSeq: number; reason: string };
    };

/** Walks the chain in sequence order and reports the first broken link. */
export function verifyChain(events: readonly StoredChainEvent[]): ChainVerification {
  const ordered = [...events].sort((a, b) => a.chainSeq - b.chainSeq);
  let previous = GENESIS_HASH;
  for (const [index, event] of ordered.entries()) {
    const broken = (reason: string): ChainVerification => ({
      verified: false,
      eventCount: ordered.length,
      brokenAt: { eventId: event.id, chainSeq: event.chainSeq, reason },
    });
    if (event.chainSeq !== index + 1) return broken(`Event ${index + 1} of the chain is missing`);
    if (event.prevHash !== previous) return broken("It does not follow the event before it (previous hash differs)");
    if (event.hash !== eventHash(event)) return broken("Its contents were changed after it was recorded (hash differs)");
    previous = event.hash;
  }
  return { verified: true, eventCount: ordered.length, headHash: previous };
}
