// Webhook subscriptions (issue 15 item 5), pure: which target URLs are allowed, how a delivery is signed and checked,
// and how failed deliveries are retried. The signature follows the widely used scheme of a timestamp plus an HMAC over
// "<timestamp>.<raw body>", so a receiver can refuse both a forged body and a replay of an old one.
import { hmac } from "@noble/hashes/hmac.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, hexToBytes, utf8ToBytes } from "@noble/hashes/utils.js";
import { NOTIFICATION_KINDS, type NotificationKind } from "./kinds";

export const SIGNATURE_HEADER = "Caseway-Signature";
export const EVENT_ID_HEADER = "Caseway-Event-Id";
/** A receiver refuses a signature whose timestamp is further than this from its own clock (replay protection). */
export const SIGNATURE_TOLERANCE_SECONDS = 300;
/** How long one POST may take before it counts as failed. */
export const DELIVERY_TIMEOUT_MS = 10_000;
/** Retries go on until this long after the delivery was queued; then it is FAILED. */
export const RETRY_WINDOW_MS = 24 * 3_600_000;
/** This many failed attempts in a row, across the subscription's deliveries, turn the subscription off. */
export const MAX_CONSECUTIVE_FAILURES = 15;
const FIRST_RETRY_MS = 30_000;
const LONGEST_RETRY_MS = 3 * 3_600_000;

export interface UrlRules {
  production: boolean;
  /** WEBHOOK_ALLOW_HTTP_LOCAL=1: plain http to this machine even in production mode (end-to-end tests). */
  allowHttpLocal: boolean;
}

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * Why a target URL is refused, or null when it is allowed: https anywhere; plain http only to this machine
 * (127.0.0.1, localhost) outside production, or when explicitly allowed. No credentials in the URL.
 */
export function webhookUrlProblem(value: string, rules: UrlRules): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "Enter a full web address starting with https://";
  }
  if (url.username || url.password) return "Leave user names and passwords out of the address; the signature proves the sender";
  if (url.hash) return "Leave out the part after #";
  if (url.protocol === "https:") return null;
  if (url.protocol !== "http:") return "The address must start with https://";
  const local = LOCAL_HOSTS.has(url.hostname);
  if (local && (!rules.production || rules.allowHttpLocal)) return null;
  return local ? "Plain http is allowed only for testing on this machine, not in production: use https://" : "The address must start with https:// (plain http only for 127.0.0.1 or localhost while testing)";
}

/** Unknown kinds named back to the caller; an empty list means every kind the organization may see. */
export function unknownKinds(kinds: readonly string[]): string[] {
  return kinds.filter((kind) => !(NOTIFICATION_KINDS as readonly string[]).includes(kind));
}

export const wantsKind = (subscribed: readonly string[], kind: NotificationKind): boolean => subscribed.length === 0 || subscribed.includes(kind);

// ---- signing -----------------------------------------------------------------------------------------------------

const hmacHex = (secret: string, timestamp: number, rawBody: string) => bytesToHex(hmac(sha256, utf8ToBytes(secret), utf8ToBytes(`${timestamp}.${rawBody}`)));

/** The Caseway-Signature header for a body sent at `timestamp` (unix seconds). */
export function signWebhook(secret: string, timestamp: number, rawBody: string): string {
  return `t=${timestamp},v1=${hmacHex(secret, timestamp, rawBody)}`;
}

export type SignatureCheck = { ok: true; timestamp: number } | { ok: false; reason: "malformed" | "too-old" | "too-new" | "mismatch" };

/** Compares in time independent of where the first difference is. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/**
 * What a receiver does with a delivery: parse `t=<unix seconds>,v1=<hex>` (several v1 values are allowed, for secret
 * rotation), refuse a timestamp more than 300 s from `now`, then recompute the HMAC over "<t>.<raw body>" — the bytes
 * as received, before any JSON parsing — and compare in constant time.
 */
export function verifyWebhookSignature(secret: string, header: string | null | undefined, rawBody: string, now: Date = new Date()): SignatureCheck {
  if (!header) return { ok: false, reason: "malformed" };
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(",")) {
    const at = part.indexOf("=");
    if (at < 0) continue;
    const key = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    if (key === "t" && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    if (key === "v1" && /^[0-9a-f]{64}$/i.test(value)) signatures.push(value.toLowerCase());
  }
  if (timestamp === null || signatures.length === 0) return { ok: false, reason: "malformed" };
  const age = Math.floor(now.getTime() / 1000) - timestamp;
  if (age > SIGNATURE_TOLERANCE_SECONDS) return { ok: false, reason: "too-old" };
  if (age < -SIGNATURE_TOLERANCE_SECONDS) return { ok: false, reason: "too-new" };
  const expected = hexToBytes(hmacHex(secret, timestamp, rawBody));
  return signatures.some((candidate) => sameBytes(hexToBytes(candidate), expected)) ? { ok: true, timestamp } : { ok: false, reason: "mismatch" };
}

// ---- retries -----------------------------------------------------------------------------------------------------

/**
 * The wait before the next attempt after `attempts` failed ones: 30 s, 1 min, 2 min … doubling up to 3 h, each
 * spread by ±20% (`random` in [0, 1)) so that many deliveries failing together do not all retry together.
 */
export function retryDelayMs(attempts: number, random: number): number {
  const base = Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), LONGEST_RETRY_MS);
  return Math.round(base * (0.8 + 0.4 * random));
}

/** After a failed attempt: give up once the retry window since the delivery was queued is over, else retry later. */
export function afterFailure(queuedAt: Date, attempts: number, now: Date, random: number): { status: "FAILED" } | { status: "PENDING"; nextAttemptAt: Date } {
  if (now.getTime() - queuedAt.getTime() >= RETRY_WINDOW_MS) return { status: "FAILED" };
  const next = new Date(now.getTime() + retryDelayMs(attempts, random));
  return { status: "PENDING", nextAttemptAt: next };
}

export const isSuccessStatus = (status: number) => status >= 200 && status < 300;
