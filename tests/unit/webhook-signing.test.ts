// Webhook subscriptions, pure (issue 15 item 5): the signature a receiver checks, its replay window, which target URLs
// are allowed, and how retries are spaced.
import { describe, expect, it } from "vitest";
import {
  afterFailure,
  MAX_CONSECUTIVE_FAILURES,
  retryDelayMs,
  signWebhook,
  unknownKinds,
  verifyWebhookSignature,
  wantsKind,
  webhookUrlProblem,
} from "@/domain/notifications/webhooks";

const SECRET = "whsec_test-secret";
const BODY = JSON.stringify({ id: "42", type: "offer-issued", data: { title: "LOA offered to the partner" } });
const NOW = new Date("2026-12-06T12:00:00Z");
const T = Math.floor(NOW.getTime() / 1000);

describe("the signature", () => {
  it("round-trips: what Caseway signs, the receiver verifies", () => {
    const header = signWebhook(SECRET, T, BODY);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(SECRET, header, BODY, NOW)).toEqual({ ok: true, timestamp: T });
  });

  it("matches an HMAC-SHA256 computed with node:crypto over '<t>.<body>'", async () => {
    const { createHmac } = await import("node:crypto");
    const expected = createHmac("sha256", SECRET).update(`${T}.${BODY}`).digest("hex");
    expect(signWebhook(SECRET, T, BODY)).toBe(`t=${T},v1=${expected}`);
  });

  it("refuses a tampered body, another secret, and a tampered timestamp", () => {
    const header = signWebhook(SECRET, T, BODY);
    expect(verifyWebhookSignature(SECRET, header, BODY.replace("42", "43"), NOW)).toEqual({ ok: false, reason: "mismatch" });
    expect(verifyWebhookSignature("whsec_other", header, BODY, NOW)).toEqual({ ok: false, reason: "mismatch" });
    expect(verifyWebhookSignature(SECRET, header.replace(`t=${T}`, `t=${T - 1}`), BODY, NOW)).toEqual({ ok: false, reason: "mismatch" });
  });

  it("accepts up to 300 seconds of age and refuses 301 (a replay)", () => {
    const at = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);
    const header = signWebhook(SECRET, T, BODY);
    expect(verifyWebhookSignature(SECRET, header, BODY, at(300)).ok).toBe(true);
    expect(verifyWebhookSignature(SECRET, header, BODY, at(301))).toEqual({ ok: false, reason: "too-old" });
    expect(verifyWebhookSignature(SECRET, header, BODY, at(-301))).toEqual({ ok: false, reason: "too-new" });
  });

  it.each([null, "", "v1=abc", `t=${T}`, `t=abc,v1=${"0".repeat(64)}`, `t=${T},v1=xyz`])("refuses a malformed header %j", (header) => {
    expect(verifyWebhookSignature(SECRET, header, BODY, NOW)).toEqual({ ok: false, reason: "malformed" });
  });

  it("accepts any of several v1 values (a receiver mid-rotation)", () => {
    const good = signWebhook(SECRET, T, BODY).split("v1=")[1];
    expect(verifyWebhookSignature(SECRET, `t=${T},v1=${"0".repeat(64)},v1=${good}`, BODY, NOW).ok).toBe(true);
  });
});

describe("target URLs", () => {
  const production = { production: true, allowHttpLocal: false };
  const development = { production: false, allowHttpLocal: false };
  const productionWithLocal = { production: true, allowHttpLocal: true };

  it.each([
    ["https://partner.example/hooks/caseway", production, null],
    ["https://partner.example/hooks", development, null],
    ["http://127.0.0.1:4000/hook", development, null],
    ["http://localhost:4000/hook", development, null],
    ["http://127.0.0.1:4000/hook", productionWithLocal, null],
  ] as const)("allows %s (%o)", (url, rules, problem) => {
    expect(webhookUrlProblem(url, rules)).toBe(problem);
  });

  it.each([
    ["http://127.0.0.1:4000/hook", production],
    ["http://partner.example/hook", development],
    ["http://partner.example/hook", productionWithLocal],
    ["ftp://partner.example/hook", development],
    ["not a url", development],
    ["https://user:pass@partner.example/hook", production],
    ["https://partner.example/hook#part", production],
  ] as const)("refuses %s (%o)", (url, rules) => {
    expect(webhookUrlProblem(url, rules)).toEqual(expect.any(String));
  });
});

describe("kinds", () => {
  it("names kinds that do not exist", () => {
    expect(unknownKinds(["offer-issued", "made-up"])).toEqual(["made-up"]);
  });
  it("an empty list wants every kind", () => {
    expect(wantsKind([], "offer-issued")).toBe(true);
    expect(wantsKind(["offer-issued"], "offer-issued")).toBe(true);
    expect(wantsKind(["case-closed"], "offer-issued")).toBe(false);
  });
});

describe("retries", () => {
  it("double from 30 seconds, spread by ±20%, capped at 3 hours", () => {
    expect(retryDelayMs(1, 0.5)).toBe(30_000);
    expect(retryDelayMs(2, 0.5)).toBe(60_000);
    expect(retryDelayMs(3, 0.5)).toBe(120_000);
    expect(retryDelayMs(1, 0)).toBe(24_000);
    expect(retryDelayMs(1, 0.999999)).toBeLessThanOrEqual(36_000);
    expect(retryDelayMs(30, 0.5)).toBe(3 * 3_600_000);
  });

  it("go on for 24 hours after the delivery was queued, then it fails", () => {
    const queued = new Date("2026-12-06T00:00:00Z");
    const soon = afterFailure(queued, 1, new Date(queued.getTime() + 1000), 0.5);
    expect(soon).toEqual({ status: "PENDING", nextAttemptAt: new Date(queued.getTime() + 31_000) });
    expect(afterFailure(queued, 12, new Date(queued.getTime() + 24 * 3_600_000), 0.5)).toEqual({ status: "FAILED" });
  });

  it("turn a subscription off after 15 failures in a row", () => {
    expect(MAX_CONSECUTIVE_FAILURES).toBe(15);
  });
});
