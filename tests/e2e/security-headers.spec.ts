import { randomUUID } from "node:crypto";
import { expect, test, type APIResponse, type Page, type Response } from "./fixtures";
import type { CaseView } from "./case-helpers";
import { bareApi, closeAll, json, signIn, signedInContext, unique, type ApiError } from "./helpers";
import { PARTNER_BN, type Page as ListPage } from "./lor-helpers";

// ADR 0022, in Chromium against the production build: every page carries a nonce-based Content-Security-Policy and
// still works under it (scripts hydrate, styles apply, forms submit, no violation reported); cookie-authenticated
// writes and server actions from another origin are refused with 403 and the error envelope; API answers are never
// cached; HSTS is sent when the request came over TLS.

const EVIL = "https://evil.example";
const CROSS_ORIGIN_MESSAGE =
  "Cross-origin requests that rely on a sign-in cookie are refused. Use an API token (Authorization: Bearer) from other origins.";

/** Collects what the browser reports about the CSP: console errors naming it, and uncaught page errors. */
function watchViolations(page: Page): string[] {
  const reported: string[] = [];
  page.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) reported.push(`${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => reported.push(`${page.url()}: ${error.message}`));
  return reported;
}

function nonceOf(csp: string): string {
  const nonce = /script-src [^;]*'nonce-([A-Za-z0-9+/=_-]+)'/.exec(csp)?.[1];
  expect(nonce, `a script nonce in ${csp}`).toBeTruthy();
  return nonce!;
}

/** The page's response carries the strict policy, and every script in the document carries its nonce. */
async function expectStrictCsp(page: Page, response: Response | null): Promise<string> {
  expect(response, `a response for ${page.url()}`).not.toBeNull();
  const csp = (await response!.allHeaders())["content-security-policy"];
  expect(csp, `Content-Security-Policy on ${page.url()}`).toBeTruthy();
  const nonce = nonceOf(csp!);
  const directives = csp!.split(";").map((d) => d.trim());
  expect(directives).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`); // production: no 'unsafe-eval'
  expect(directives).toContain(`style-src 'self' 'nonce-${nonce}'`);
  for (const directive of ["object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'", "form-action 'self'", "img-src 'self' data: blob:", "font-src 'self'", "connect-src 'self'"]) {
    expect(directives).toContain(directive);
  }
  expect(csp).not.toContain("'unsafe-inline' 'nonce"); // 'unsafe-inline' only for style attributes (style-src-attr)
  // Over plain http the policy does not ask to upgrade requests (it would break every asset of the e2e server).
  expect(directives).not.toContain("upgrade-insecure-requests");
  // Next.js put the nonce on every script the server sent (chunks the runtime adds later are trusted by 'strict-dynamic').
  const scripts = [...(await response!.text()).matchAll(/<script\b[^>]*>/g)].map(([tag]) => /\snonce="([^"]*)"/.exec(tag)?.[1] ?? tag);
  expect(scripts.length).toBeGreaterThan(0);
  expect(new Set(scripts)).toEqual(new Set([nonce]));
  // ... and they ran: the App Router's client bootstrapped.
  await expect.poll(() => page.evaluate(() => Boolean((window as unknown as { next?: { version?: string } }).next?.version))).toBe(true);
  return nonce;
}

async function expectEnvelope(response: APIResponse, status: number, code: string, message?: string) {
  expect(response.status(), await response.text()).toBe(status);
  const body = await json<ApiError>(response);
  expect(body.error.code).toBe(code);
  if (message) expect(body.error.message).toBe(message);
  expect(response.headers()["x-request-id"]).toBeTruthy();
  expect(response.headers()["cache-control"]).toContain("no-store");
}

test.describe("the Content-Security-Policy", () => {
  test("signing in works under the policy, and the sign-in page carries it", async ({ page }) => {
    const violations = watchViolations(page);
    const response = await page.goto("/signin");
    const first = await expectStrictCsp(page, response);
    // A fresh nonce for every response.
    const again = await page.reload();
    expect(nonceOf((await again!.allHeaders())["content-security-policy"]!)).not.toBe(first);
    await signIn(page, PARTNER_BN);
    expect(violations).toEqual([]);
  });

  test("every page a partner opens carries it, hydrates, and reports no violation", async ({ page }) => {
    const violations = watchViolations(page);
    await signIn(page, PARTNER_BN);
    const cases = await json<ListPage<CaseView>>(await page.request.get("/api/v1/cases?status=EXECUTING&pageSize=100"));
    const executing = cases.items.find((c) => c.identifier === "BN-B-AAA");
    expect(executing, "the demo radios case, executing").toBeTruthy();

    for (const path of [
      "/",
      "/lors",
      "/cases",
      `/cases/${executing!.id}`,
      `/cases/${executing!.id}/loa`,
      `/cases/${executing!.id}/finance`,
      `/cases/${executing!.id}/execution`,
      "/pricing",
      "/profile",
      `/cases/${randomUUID()}`, // the not-found page too
    ]) {
      await expectStrictCsp(page, await page.goto(path));
    }

    // The server-rendered style attributes apply (style-src-attr): the execution page's progress bars have a width.
    await page.goto(`/cases/${executing!.id}/execution`);
    const bar = page.locator('[role="progressbar"]:not([aria-valuenow="0"]) > div').first();
    await expect(bar).toBeVisible();
    expect(await bar.evaluate((e) => (e as HTMLElement).getBoundingClientRect().width)).toBeGreaterThan(0);

    // Client script works: the new letter's completeness meter follows what is typed, and its bar grows.
    await expectStrictCsp(page, await page.goto("/lors/new"));
    await expect(page.getByTestId("completeness")).toHaveText("0%");
    await page.getByLabel("Subject", { exact: true }).fill(unique("E2E CSP"));
    await page.getByLabel("Your reference number").fill("BN-CSP-1");
    await expect(page.getByTestId("completeness")).not.toHaveText("0%");
    const meter = page.getByRole("meter", { name: "Completeness" }).locator("div");
    await expect.poll(() => meter.evaluate((e) => e.getBoundingClientRect().width)).toBeGreaterThan(0);

    // A form posts through its server action and the app moves on: the letter is saved as a draft.
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page).toHaveURL(/\/lors\/[0-9a-f-]{36}\/edit\?notice=saved$/);
    expect(violations).toEqual([]);
  });
});

test.describe("writes from another origin", () => {
  test("a cookie-authenticated API write from another origin is refused with 403 and the envelope; same-origin and token writes pass", async ({ browser }) => {
    const session = await signedInContext(browser, PARTNER_BN);
    // A context whose requests carry the cookie and no Origin at all, like curl with a copied cookie.
    const bare = await browser.newContext();
    try {
      const subject = unique("E2E cross-origin");
      await expectEnvelope(await session.api.post("/api/v1/lors", { data: { subject }, headers: { origin: EVIL } }), 403, "FORBIDDEN", CROSS_ORIGIN_MESSAGE);
      await expectEnvelope(
        await session.api.post("/api/v1/lors", { data: { subject }, headers: { "sec-fetch-site": "cross-site" } }),
        403,
        "FORBIDDEN",
        CROSS_ORIGIN_MESSAGE,
      );
      await expectEnvelope(await session.api.delete(`/api/v1/me/tokens/${randomUUID()}`, { headers: { origin: EVIL } }), 403, "FORBIDDEN");
      await bare.addCookies(await session.context.cookies());
      await expectEnvelope(await bare.request.post("/api/v1/lors", { data: { subject } }), 403, "FORBIDDEN", CROSS_ORIGIN_MESSAGE);
      // Nothing was written.
      const mine = await json<ListPage<{ subject: string }>>(await session.api.get(`/api/v1/lors?q=${encodeURIComponent(subject)}`));
      expect(mine.items.filter((l) => l.subject === subject)).toEqual([]);

      // Reads from anywhere still answer; a same-origin write goes through.
      expect((await session.api.get("/api/v1/me", { headers: { origin: EVIL } })).status()).toBe(200);
      const created = await session.api.post("/api/v1/lors", { data: { subject }, headers: { "sec-fetch-site": "same-origin" } });
      expect(created.status(), await created.text()).toBe(201);

      // A token is unaffected by the origin.
      const token = await session.api.post("/api/v1/me/tokens", { data: { name: unique("csp"), expiresInDays: 1 } });
      expect(token.status(), await token.text()).toBe(201);
      const api = await bareApi((await json<{ secret: string }>(token)).secret);
      try {
        const viaToken = await api.post("/api/v1/lors", { data: { subject: unique("E2E token") }, headers: { origin: EVIL } });
        expect(viaToken.status(), await viaToken.text()).toBe(201);
      } finally {
        await api.dispose();
      }
    } finally {
      await closeAll(bare, session.context);
    }
  });

  test("a server action posted from another origin answers 403 with the envelope, not 500", async ({ page }) => {
    // The real sign-in action's id, as the browser sends it.
    let actionId: string | undefined;
    page.on("request", (request) => {
      if (request.method() === "POST" && request.headers()["next-action"]) actionId ??= request.headers()["next-action"];
    });
    await signIn(page, PARTNER_BN);
    expect(actionId, "the sign-in form posts a server action").toBeTruthy();

    const forged = { "next-action": actionId!, accept: "text/x-component", "content-type": "text/plain;charset=UTF-8" };
    // With the victim's cookie...
    await expectEnvelope(await page.request.post("/signin", { headers: { ...forged, origin: EVIL }, data: "[]" }), 403, "FORBIDDEN");
    await expectEnvelope(await page.request.post("/", { headers: { ...forged, origin: "null" }, data: "[]" }), 403, "FORBIDDEN");
    // ... and without one (a forged sign-in is an attack too).
    const anonymous = await bareApi();
    try {
      await expectEnvelope(await anonymous.post("/signin", { headers: { ...forged, origin: EVIL }, data: "[]" }), 403, "FORBIDDEN");
    } finally {
      await anonymous.dispose();
    }
  });
});

test.describe("API answers and transport", () => {
  test("API answers are never cached: JSON, errors, refusals and files", async ({ browser }) => {
    const session = await signedInContext(browser, PARTNER_BN);
    const anonymous = await bareApi();
    try {
      const me = await session.api.get("/api/v1/me");
      expect(me.status()).toBe(200);
      expect(me.headers()["cache-control"]).toBe("no-store");
      await expectEnvelope(await anonymous.get("/api/v1/me"), 401, "UNAUTHENTICATED");
      await expectEnvelope(await session.api.get(`/api/v1/lors/${randomUUID()}`), 404, "NOT_FOUND");
      await expectEnvelope(await session.api.get("/api/v1/no-such-endpoint"), 404, "NOT_FOUND");
      await expectEnvelope(await session.api.post("/api/v1/lors", { data: { subject: 7 } }), 422, "VALIDATION_FAILED");

      // A file: the closure certificate of the demo case closed under ACC.
      const closed = await json<ListPage<CaseView>>(await session.api.get("/api/v1/cases?status=CLOSED&pageSize=100"));
      const acc = closed.items.find((c) => c.identifier === "BN-B-AAB");
      expect(acc, "the demo case closed under ACC").toBeTruthy();
      const pdf = await session.api.get(`/api/v1/cases/${acc!.id}/closure-certificate`);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()["content-type"]).toContain("application/pdf");
      expect(pdf.headers()["cache-control"]).toContain("no-store");
    } finally {
      await closeAll(anonymous, session.context);
    }
  });

  test("HSTS only when the request came over TLS: a client cannot claim it over plain http", async () => {
    // The e2e server listens on plain http with no trusted proxy in front (TRUSTED_PROXY_HOPS unset): our server drops
    // a client's X-Forwarded-Proto (ADR 0024), so claiming https earns nothing. Behind our TLS proxy the header is kept
    // and src/proxy.ts sends HSTS (tests/unit/proxy.test.ts). Even if a client's claim were believed it would be
    // harmless: browsers ignore HSTS received over plain http (RFC 6797 §8.1).
    const trusted = Number(process.env.TRUSTED_PROXY_HOPS || 0) > 0;
    const api = await bareApi();
    try {
      for (const path of ["/api/v1/health", "/signin"]) {
        const plain = await api.get(path);
        expect(plain.headers()["strict-transport-security"], path).toBeUndefined();
        const claimed = await api.get(path, { headers: { "x-forwarded-proto": "https" } });
        expect(claimed.headers()["strict-transport-security"], path).toBe(trusted ? "max-age=63072000; includeSubDomains" : undefined);
      }
      // The headers next.config.ts sends on everything are still there, beside the page policy.
      const page = await api.get("/signin");
      expect(page.headers()["content-security-policy"]).toContain("'strict-dynamic'");
      expect(page.headers()["x-frame-options"]).toBe("DENY");
      expect(page.headers()["x-content-type-options"]).toBe("nosniff");
      expect(page.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    } finally {
      await api.dispose();
    }
  });
});

