import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { acceptedRequestId, arrivedOverTls, stampApiRequest } from "@/server/transport-headers";

// What our server (scripts/next-server.ts) stamps on an API request, which skips the proxy (ADR 0037). The e2e spec
// tests/e2e/security-headers.spec.ts and tests/reliability/client-address.test.ts check the same through the server.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function apiRequest(headers: Record<string, string | string[]>, { encrypted = false } = {}) {
  const req = { headers: { ...headers }, socket: { encrypted } } as unknown as IncomingMessage;
  const answer = new Map<string, string>();
  stampApiRequest(req, { setHeader: (name: string, value: string) => answer.set(name, value) } as never);
  return { req, answer };
}

describe("the request id", () => {
  it.each(["client-chosen-id-1", "0b2c6e1e-5a8f-4f0a-9d1e-2a4c6e8f0a1b", "trace.2026_12_06-abc"])("keeps a plausible one the caller chose (%s)", (id) => {
    expect(acceptedRequestId(id)).toBe(id);
  });

  it.each([null, undefined, "", "short", "has spaces in it", "x".repeat(81), "semi;colon-injection", "new\nline-header"])("replaces %j with a fresh UUID", (id) => {
    expect(acceptedRequestId(id)).toMatch(UUID);
  });

  it("is fresh for every request that brings none", () => {
    expect(acceptedRequestId(null)).not.toBe(acceptedRequestId(null));
  });

  it("goes on the request, where the audit log and error answers read it, and on the answer", () => {
    const { req, answer } = apiRequest({ "x-request-id": "client-chosen-id-1" });
    expect(req.headers["x-request-id"]).toBe("client-chosen-id-1");
    expect(answer.get("x-request-id")).toBe("client-chosen-id-1");

    const fresh = apiRequest({ "x-request-id": "bad id" });
    expect(fresh.req.headers["x-request-id"]).toMatch(UUID);
    expect(fresh.answer.get("x-request-id")).toBe(fresh.req.headers["x-request-id"]);
  });
});

describe("HSTS on API answers", () => {
  it.each([
    ["a TLS connection to us", {}, true],
    ["our proxy's X-Forwarded-Proto: https", { "x-forwarded-proto": "https" }, false],
    ["the first of several forwarded protocols", { "x-forwarded-proto": "HTTPS, http" }, false],
  ] as const)("over TLS (%s): sent", (_what, headers, encrypted) => {
    expect(apiRequest(headers, { encrypted }).answer.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
  });

  it.each([
    ["plain http", {}],
    ["X-Forwarded-Proto: http", { "x-forwarded-proto": "http" }],
    ["https only as a later hop", { "x-forwarded-proto": "http, https" }],
  ] as const)("over plain http (%s): not sent", (_what, headers) => {
    expect(apiRequest(headers).answer.has("strict-transport-security")).toBe(false);
  });

  it("reads the connection's protocol and the forwarded one alike", () => {
    expect(arrivedOverTls("https:", null)).toBe(true);
    expect(arrivedOverTls("http:", " https ")).toBe(true);
    expect(arrivedOverTls("http:", undefined)).toBe(false);
  });
});
