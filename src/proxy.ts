import { NextResponse, type NextRequest } from "next/server";
import { isSameOriginWrite, requestSource } from "./server/api/same-origin";

// Runs before every request except static files (ADR 0022). It stamps the request id that the audit log and error
// responses carry, sends the Content-Security-Policy (with a fresh nonce per request) and HSTS, and refuses
// cross-origin server actions. Not an authorization boundary: every page and use case checks the session itself.

const CROSS_ORIGIN_ACTION_MESSAGE =
  "Cross-origin form submissions are refused. Submit the form from a Caseway page, or use the API with an API token.";

const HSTS = "max-age=63072000; includeSubDomains";

/**
 * Whether the request reached us over TLS: directly, or through our reverse proxy, which says so in
 * X-Forwarded-Proto. Our server (scripts/next-server.ts, ADR 0024) drops a client's X-Forwarded-Proto unless
 * TRUSTED_PROXY_HOPS says a proxy of ours stands in front. Were a client's claim believed anyway, it would only earn
 * an HSTS header on an http answer, which browsers ignore (RFC 6797 §8.1): harmless.
 */
function arrivedOverTls(request: NextRequest): boolean {
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return request.nextUrl.protocol === "https:" || forwarded === "https";
}

/**
 * The policy for pages. Next.js reads the nonce back from the request's CSP header and puts it on its own scripts
 * (framework, page chunks, the inline flight data); 'strict-dynamic' then trusts what those scripts load. Every page
 * is dynamically rendered (the root layout is force-dynamic), so each response carries its own nonce.
 */
function contentSecurityPolicy(nonce: string, { dev, tls }: { dev: boolean; tls: boolean }): string {
  return [
    "default-src 'self'",
    // React uses eval() in development only, to rebuild server error stacks in the browser.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Stylesheets are files (Tailwind's build, @fontsource); Next.js puts the nonce on any <style> it renders. The
    // development overlay injects unnonced <style> elements, hence 'unsafe-inline' there only.
    `style-src 'self' ${dev ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    // style="…" attributes: the LOR completeness meter and the execution progress bars size themselves with React
    // style={{ width }} props, which the server renders as attributes. An attribute cannot load anything or run script;
    // allowing it (and only it: <style> elements still need the nonce) is the narrow exception CSP Level 3 offers.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    // 'self' also covers the development server's websocket (CSP Level 3 matches ws: for an http: origin).
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    // Only meaningful over TLS; over plain http (local runs, the e2e server on 127.0.0.1) it would break every asset.
    ...(tls ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** 128 random bits, base64: unguessable and fresh for every request. */
function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function proxy(request: NextRequest) {
  const incoming = request.headers.get("x-request-id");
  const requestId = incoming && /^[\w.-]{8,80}$/.test(incoming) ? incoming : crypto.randomUUID();
  const tls = arrivedOverTls(request);
  const isApi = request.nextUrl.pathname.startsWith("/api/");

  // Pages answer POST only for server actions (fetch ones carry Next-Action; forms posted before hydration carry the
  // action id in the body). Next.js refuses a foreign Origin itself, but with a bare 500; answer 403 with the error
  // envelope instead. Refused: any request a browser marks as from another origin (with or without a cookie: the
  // sign-in form is an action too, and a forged sign-in is an attack of its own), and a cookie-carrying one whose
  // origin is unknown, the rule the API applies (src/server/api/same-origin.ts). API routes check in apiRoute.
  if (!isApi && request.method === "POST" && (requestSource(request) === "cross-origin" || !isSameOriginWrite(request))) {
    const refused = NextResponse.json(
      { error: { code: "FORBIDDEN", message: CROSS_ORIGIN_ACTION_MESSAGE } },
      { status: 403, headers: { "x-request-id": requestId, "cache-control": "no-store" } },
    );
    if (tls) refused.headers.set("strict-transport-security", HSTS);
    return refused;
  }

  const headers = new Headers(request.headers);
  headers.set("x-request-id", requestId);
  // API answers are JSON or files, not documents that run script: they get no page policy (Next's guide leaves them
  // out too), so a stored PDF opened in the browser's own viewer is not held to a page's object-src.
  const nonce = isApi ? undefined : newNonce();
  const csp = nonce && contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV !== "production", tls });
  if (nonce && csp) {
    // Next.js takes the nonce from this request header; x-nonce is for our own components, should one ever render an
    // inline <script> or <style> (none does today).
    headers.set("content-security-policy", csp);
    headers.set("x-nonce", nonce);
  }
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("x-request-id", requestId);
  if (csp) response.headers.set("content-security-policy", csp);
  if (tls) response.headers.set("strict-transport-security", HSTS);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
