// The two headers every answer carries, whoever stamps it: the request id, and HSTS over TLS. The proxy
// (src/proxy.ts) stamps pages; our server (scripts/next-server.ts) stamps API requests, which skip the proxy
// (ADR 0037). Free of "server-only" and Next imports: both of those, and the unit tests, load it.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { TLSSocket } from "node:tls";

export const REQUEST_ID_HEADER = "x-request-id";

export const HSTS = "max-age=63072000; includeSubDomains";

/** What a caller may choose as its request id, to find its own request in our logs and audit trail. */
const CALLER_REQUEST_ID = /^[\w.-]{8,80}$/;

/** The caller's request id when it is a plausible one, else a fresh one. */
export function acceptedRequestId(incoming: string | null | undefined): string {
  return incoming && CALLER_REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
}

/**
 * Whether the request reached us over TLS: directly (`protocol` is the connection's, "https:"), or through our reverse
 * proxy, which says so in X-Forwarded-Proto. Our server drops a client's X-Forwarded-Proto unless TRUSTED_PROXY_HOPS
 * says a proxy of ours stands in front (ADR 0024). Were a client's claim believed anyway, it would only earn an HSTS
 * header on an http answer, which browsers ignore (RFC 6797 §8.1): harmless.
 */
export function arrivedOverTls(protocol: string, forwardedProto: string | null | undefined): boolean {
  return protocol === "https:" || forwardedProto?.split(",")[0]?.trim().toLowerCase() === "https";
}

const firstOf = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * What the proxy does for a page, done by our server for an API request, which skips the proxy: the request id on the
 * request (the audit log and error answers read it there) and on the answer, and HSTS over TLS. Call it after the
 * server has dropped the forwarding headers no trusted proxy wrote.
 */
export function stampApiRequest(req: IncomingMessage, res: Pick<ServerResponse, "setHeader">): void {
  const requestId = acceptedRequestId(firstOf(req.headers[REQUEST_ID_HEADER]));
  req.headers[REQUEST_ID_HEADER] = requestId;
  res.setHeader(REQUEST_ID_HEADER, requestId);
  const protocol = (req.socket as Partial<TLSSocket> | undefined)?.encrypted ? "https:" : "http:";
  if (arrivedOverTls(protocol, firstOf(req.headers["x-forwarded-proto"]))) res.setHeader("strict-transport-security", HSTS);
}
