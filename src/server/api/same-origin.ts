import { AppError } from "../errors";

// Cross-site request forgery guard for writes that ride on the sign-in cookie (ADR 0022). Deliberately free of
// "server-only" and Next imports: src/proxy.ts applies the same rule to server actions, and the unit tests call it
// with plain Requests.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export const CROSS_ORIGIN_API_WRITE_MESSAGE =
  "Cross-origin requests that rely on a sign-in cookie are refused. Use an API token (Authorization: Bearer) from other origins.";

/** The first value of a possibly comma-joined header (proxies append to x-forwarded-host). */
const firstValue = (value: string | null) => value?.split(",")[0]?.trim().toLowerCase() || undefined;

/**
 * The host of an `Origin` header value, lower-cased, or undefined when it names no host (`null`, garbage). `null` is
 * what browsers send from sandboxed frames, data: URLs and some cross-origin redirects: never our own page.
 */
function originHost(origin: string): string | undefined {
  if (origin === "null") return undefined;
  try {
    return new URL(origin).host.toLowerCase() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Where the browser says a request comes from. `Sec-Fetch-Site` decides when present (modern browsers set it and
 * pages cannot): `same-origin`, or `none` (typed or bookmarked by the user), is ours; `same-site` is not — a sibling
 * subdomain is another origin. Without it (older browsers) the `Origin` host must equal the host the request was sent
 * to: `Host`, or the first `X-Forwarded-Host` exactly as Next.js itself reads it for server actions. A page in
 * another origin can set none of these headers (forbidden or non-safelisted), so trusting them here is sound. With
 * neither header the source is unknown: not a browser of the last five years, or one whose headers were stripped.
 */
export function requestSource(request: Request): "same-origin" | "cross-origin" | "unknown" {
  const headers = request.headers;
  const fetchSite = headers.get("sec-fetch-site")?.trim().toLowerCase();
  if (fetchSite) return fetchSite === "same-origin" || fetchSite === "none" ? "same-origin" : "cross-origin";
  const origin = headers.get("origin");
  if (origin === null) return "unknown";
  const from = originHost(origin.trim());
  const targets = [firstValue(headers.get("host")), firstValue(headers.get("x-forwarded-host"))];
  return from && targets.includes(from) ? "same-origin" : "cross-origin";
}

/**
 * Whether a request may change something on the strength of a sign-in cookie, as far as its origin goes.
 *
 * - GET, HEAD and OPTIONS change nothing: always allowed.
 * - A request with an `Authorization` header is token-authenticated (the session cookie is then ignored). A browser
 *   cannot attach that header cross-origin without a CORS preflight, which we never grant, so it is no forgery.
 * - A request with no `Cookie` header carries no ambient credential, so it cannot be forged either; the route's own
 *   authentication answers it (401).
 * - Otherwise it must come from our own origin (`requestSource`). When the source is unknown — neither
 *   `Sec-Fetch-Site` nor `Origin` — we refuse. Every browser released since 2020 sends `Origin` on non-GET requests,
 *   so this costs legitimate browser use nothing, while allowing it would leave the door open to old browsers and to
 *   extensions or proxies that strip the header. OWASP's CSRF cheat sheet recommends blocking in that case; scripts
 *   and tools use an API token (or send an `Origin`, as the e2e helpers do).
 */
export function isSameOriginWrite(request: Request): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return true;
  if (request.headers.has("authorization")) return true;
  if (!request.headers.get("cookie")) return true;
  return requestSource(request) === "same-origin";
}

/** For /api/v1 route handlers: a cookie-authenticated write from another origin is a 403 in the error envelope. */
export function assertSameOriginWrite(request: Request): void {
  if (!isSameOriginWrite(request)) throw new AppError("FORBIDDEN", CROSS_ORIGIN_API_WRITE_MESSAGE);
}
