import { NextResponse, type NextRequest } from "next/server";
import { isSameOriginWrite, requestSource } from "./server/api/same-origin";
import { acceptedRequestId, arrivedOverTls, HSTS, REQUEST_ID_HEADER } from "./server/transport-headers";

// Runs before every page request (ADR 0022). It stamps the request id that the audit log and error pages carry, sends
// the Content-Security-Policy (with a fresh nonce per request) and HSTS, and refuses cross-origin server actions. Not
// an authorization boundary: every page and use case checks the session itself. API requests skip it: our server
// stamps their request id and HSTS, and they need no page policy (ADR 0037).

const CROSS_ORIGIN_ACTION_MESSAGE =
  "Cross-origin form submissions are refused. Submit the form from a Caseway page, or use the API with an API token.";

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
  const requestId = acceptedRequestId(request.headers.get(REQUEST_ID_HEADER));
  const tls = arrivedOverTls(request.nextUrl.protocol, request.headers.get("x-forwarded-proto"));

  // Pages answer POST only for server actions (fetch ones carry Next-Action; forms posted before hydration carry the
  // action id in the body). Next.js refuses a foreign Origin itself, but with a bare 500; answer 403 with the error
  // envelope instead. Refused: any request a browser marks as from another origin (with or without a cookie: the
  // sign-in form is an action too, and a forged sign-in is an attack of its own), and a cookie-carrying one whose
  // origin is unknown, the rule the API applies (src/server/api/same-origin.ts) in apiRoute.
  if (request.method === "POST" && (requestSource(request) === "cross-origin" || !isSameOriginWrite(request))) {
    const refused = NextResponse.json(
      { error: { code: "FORBIDDEN", message: CROSS_ORIGIN_ACTION_MESSAGE } },
      { status: 403, headers: { [REQUEST_ID_HEADER]: requestId, "cache-control": "no-store" } },
    );
    if (tls) refused.headers.set("strict-transport-security", HSTS);
    return refused;
  }

  const headers = new Headers(request.headers);
  headers.set(REQUEST_ID_HEADER, requestId);
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV !== "production", tls });
  // Next.js takes the nonce from this request header; x-nonce is for our own components, should one ever render an
  // inline <script> or <style> (none does today).
  headers.set("content-security-policy", csp);
  headers.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set(REQUEST_ID_HEADER, requestId);
  response.headers.set("content-security-policy", csp);
  if (tls) response.headers.set("strict-transport-security", HSTS);
  return response;
}

export const config = {
  // Not static files, and not the API: an API answer is JSON or a file, which runs no script, and our server stamps its
  // request id and HSTS at a fraction of what running the proxy costs on every API request (ADR 0037).
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/).*)"],
};
