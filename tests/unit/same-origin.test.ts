import { describe, expect, it } from "vitest";
import { AppError } from "@/server/errors";
import { assertSameOriginWrite, CROSS_ORIGIN_API_WRITE_MESSAGE, isSameOriginWrite, requestSource } from "@/server/api/same-origin";

const URL_ = "http://caseway.test/api/v1/lors";
const COOKIE = "authjs.session-token=abc";

function request(method: string, headers: Record<string, string>): Request {
  return new Request(URL_, { method, headers: { host: "caseway.test", ...headers } });
}

describe("cookie-authenticated writes must come from our own origin", () => {
  // [what, method, headers, allowed]
  const cases: [string, string, Record<string, string>, boolean][] = [
    ["a same-origin fetch (Sec-Fetch-Site)", "POST", { cookie: COOKIE, "sec-fetch-site": "same-origin" }, true],
    ["a user-initiated request (Sec-Fetch-Site: none)", "PATCH", { cookie: COOKIE, "sec-fetch-site": "none" }, true],
    ["a cross-site fetch", "POST", { cookie: COOKIE, "sec-fetch-site": "cross-site", origin: "https://evil.example" }, false],
    ["a sibling subdomain (same-site is not same-origin)", "DELETE", { cookie: COOKIE, "sec-fetch-site": "same-site" }, false],
    ["Sec-Fetch-Site decides over a matching Origin", "POST", { cookie: COOKIE, "sec-fetch-site": "cross-site", origin: "http://caseway.test" }, false],
    ["an older browser on our origin (Origin only)", "PUT", { cookie: COOKIE, origin: "http://caseway.test" }, true],
    ["an Origin host in another case", "POST", { cookie: COOKIE, origin: "http://CASEWAY.test" }, true],
    ["an older browser on another origin", "POST", { cookie: COOKIE, origin: "https://evil.example" }, false],
    ["another port is another origin", "POST", { cookie: COOKIE, origin: "http://caseway.test:8080" }, false],
    ["a look-alike host", "POST", { cookie: COOKIE, origin: "http://caseway.test.evil.example" }, false],
    ["Origin: null (sandboxed frame, data: URL)", "POST", { cookie: COOKIE, origin: "null" }, false],
    ["a malformed Origin", "POST", { cookie: COOKIE, origin: "not a url" }, false],
    ["behind our proxy: Origin matches X-Forwarded-Host", "POST", { cookie: COOKIE, host: "app:3000", "x-forwarded-host": "caseway.test, app:3000", origin: "https://caseway.test" }, true],
    ["neither Sec-Fetch-Site nor Origin (curl or an old browser with a cookie)", "POST", { cookie: COOKIE }, false],
    ["a token call from anywhere", "POST", { cookie: COOKIE, authorization: "Bearer cwt_x", origin: "https://evil.example" }, true],
    ["a token call with no Origin", "DELETE", { authorization: "Bearer cwt_x" }, true],
    ["no cookie and no token: not forgeable, the route answers 401", "POST", { origin: "https://evil.example" }, true],
    ["reads are never refused", "GET", { cookie: COOKIE, "sec-fetch-site": "cross-site", origin: "https://evil.example" }, true],
    ["HEAD is a read", "HEAD", { cookie: COOKIE, origin: "https://evil.example" }, true],
    ["OPTIONS is a read", "OPTIONS", { cookie: COOKIE, origin: "https://evil.example" }, true],
  ];

  it.each(cases)("%s", (_what, method, headers, allowed) => {
    expect(isSameOriginWrite(request(method, headers))).toBe(allowed);
  });

  it("assertSameOriginWrite throws FORBIDDEN (403) telling the caller to use a token", () => {
    const refused = request("POST", { cookie: COOKIE, origin: "https://evil.example" });
    expect(() => assertSameOriginWrite(refused)).toThrow(AppError);
    try {
      assertSameOriginWrite(refused);
    } catch (error) {
      expect(error).toMatchObject({ code: "FORBIDDEN", status: 403, message: CROSS_ORIGIN_API_WRITE_MESSAGE });
      expect((error as Error).message).toContain("Authorization: Bearer");
    }
  });

  it("assertSameOriginWrite lets a same-origin write through", () => {
    expect(() => assertSameOriginWrite(request("POST", { cookie: COOKIE, origin: "http://caseway.test" }))).not.toThrow();
  });
});

describe("requestSource (also used for server actions, with or without a cookie)", () => {
  it.each([
    [{ "sec-fetch-site": "same-origin" }, "same-origin"],
    [{ origin: "http://caseway.test" }, "same-origin"],
    [{ origin: "https://evil.example" }, "cross-origin"],
    [{ "sec-fetch-site": "cross-site" }, "cross-origin"],
    [{ origin: "null" }, "cross-origin"],
    [{}, "unknown"],
  ] as const)("%o is %s", (headers, source) => {
    expect(requestSource(request("POST", headers))).toBe(source);
  });
});
