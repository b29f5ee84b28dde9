import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { config, proxy } from "@/proxy";

// src/proxy.ts on its own (ADR 0022): the headers it puts on pages, and the server actions it refuses. API requests
// skip it (ADR 0037); tests/unit/transport-headers.test.ts covers what our server stamps on them instead.
// The e2e spec tests/e2e/security-headers.spec.ts checks the same in Chromium against a production build.

const HSTS = "max-age=63072000; includeSubDomains";

function run(url: string, init: { method?: string; headers?: Record<string, string> } = {}) {
  const request = new NextRequest(url, { method: init.method ?? "GET", headers: { host: new URL(url).host, ...init.headers } });
  return proxy(request);
}

const nonceOf = (csp: string | null) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];

describe("the proxy on a page", () => {
  it("sends a Content-Security-Policy with a fresh nonce, on the response and on the request Next renders with", () => {
    const first = run("http://caseway.test/cases");
    const csp = first.headers.get("content-security-policy");
    const nonce = nonceOf(csp);
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    // Next.js reads the nonce from the request's CSP header (passed on as an override) and nonces its own scripts.
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    expect(first.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    const directives = csp!.split("; ");
    expect(directives).toEqual(
      expect.arrayContaining([
        "default-src 'self'",
        "style-src-attr 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "frame-ancestors 'none'",
        "form-action 'self'",
      ]),
    );
    expect(directives.find((d) => d.startsWith("script-src "))).toMatch(new RegExp(`^script-src 'self' 'nonce-${nonce!.replace(/[+/]/g, "\\$&")}' 'strict-dynamic'`));
    expect(nonceOf(run("http://caseway.test/cases").headers.get("content-security-policy"))).not.toBe(nonce);
  });

  it("keeps the request id", () => {
    const response = run("http://caseway.test/", { headers: { "x-request-id": "client-chosen-id-1" } });
    expect(response.headers.get("x-request-id")).toBe("client-chosen-id-1");
    expect(run("http://caseway.test/").headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("allows eval, and unnonced <style> for the error overlay, only outside production (vitest: NODE_ENV=test)", async () => {
    expect(process.env.NODE_ENV).not.toBe("production");
    const dev = run("http://caseway.test/").headers.get("content-security-policy")!;
    expect(dev).toContain("'strict-dynamic' 'unsafe-eval'");
    expect(dev).toContain("style-src 'self' 'unsafe-inline'");
    vi.stubEnv("NODE_ENV", "production");
    try {
      const production = run("http://caseway.test/").headers.get("content-security-policy")!;
      expect(production).not.toContain("unsafe-eval");
      expect(production).toContain(`style-src 'self' 'nonce-${nonceOf(production)}';`);
      expect(production).not.toMatch(/style-src [^;]*unsafe-inline/);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe("HSTS and TLS", () => {
  it.each([
    ["https://caseway.test/signin", {}],
    ["http://caseway.test/signin", { "x-forwarded-proto": "https" }],
    ["http://caseway.test/cases", { "x-forwarded-proto": "https,http" }],
  ] as const)("over TLS (%s %o): HSTS, and pages upgrade insecure requests", (url, headers) => {
    const response = run(url, { headers });
    expect(response.headers.get("strict-transport-security")).toBe(HSTS);
    expect(response.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
  });

  it("over plain http: neither", () => {
    const response = run("http://caseway.test/signin", { headers: { "x-forwarded-proto": "http" } });
    expect(response.headers.get("strict-transport-security")).toBeNull();
    expect(response.headers.get("content-security-policy")).not.toContain("upgrade-insecure-requests");
  });
});

describe("which requests run the proxy", () => {
  // Next.js matches the pathname against the matcher as a regular expression anchored at both ends.
  const runsFor = (path: string) => config.matcher.some((pattern) => new RegExp(`^${pattern}$`).test(path));

  it.each(["/", "/cases", "/cases/019b76ea-dbe0-76dc-b763-84a6fd2ea201", "/signin", "/apiary", "/api"])("a page (%s): yes", (path) => {
    expect(runsFor(path)).toBe(true);
  });

  it.each(["/api/v1/cases", "/api/v1/health", "/api/auth/session", "/_next/static/chunks/app.js", "/favicon.ico"])(
    "the API and static files (%s): no",
    (path) => {
      expect(runsFor(path)).toBe(false);
    },
  );
});

describe("server actions from another origin", () => {
  const action = { "next-action": "7f3a9c", "content-type": "text/plain;charset=UTF-8" };

  it.each([
    ["a foreign Origin, with the victim's cookie", { origin: "https://evil.example", cookie: "s=1" }],
    ["a foreign Origin, without a cookie (a forged sign-in)", { origin: "https://evil.example" }],
    ["Origin: null", { origin: "null" }],
    ["Sec-Fetch-Site: cross-site", { "sec-fetch-site": "cross-site" }],
    ["a cookie and neither Origin nor Sec-Fetch-Site", { cookie: "s=1" }],
  ])("%s: 403 with the error envelope and the request id", async (_what, headers) => {
    const response = run("http://caseway.test/signin", { method: "POST", headers: { ...action, ...headers, "x-request-id": "request-id-403" } });
    expect(response.status).toBe(403);
    expect(response.headers.get("x-request-id")).toBe("request-id-403");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ error: { code: "FORBIDDEN", message: expect.stringContaining("Cross-origin") } });
  });

  it("a form posted without JavaScript (no Next-Action header) from another origin is refused too", () => {
    const response = run("http://caseway.test/lors/new", { method: "POST", headers: { origin: "https://evil.example", cookie: "s=1", "content-type": "multipart/form-data; boundary=x" } });
    expect(response.status).toBe(403);
  });

  it.each([
    ["same Origin", { origin: "http://caseway.test", cookie: "s=1" }],
    ["Sec-Fetch-Site: same-origin", { "sec-fetch-site": "same-origin", cookie: "s=1" }],
    ["no cookie and no Origin (not a browser; Next.js checks the rest)", {}],
  ])("%s: passes to Next.js", (_what, headers) => {
    const response = run("http://caseway.test/signin", { method: "POST", headers: { ...action, ...headers } });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-middleware-next")).toBe("1");
  });
});
