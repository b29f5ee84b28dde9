import "server-only";
import { headers } from "next/headers";
import { clientAddress } from "./client-address";
import { acceptedRequestId, REQUEST_ID_HEADER } from "./transport-headers";

export interface RequestContext {
  requestId: string;
  ip: string | null;
  userAgent: string | null;
}

export { REQUEST_ID_HEADER };
/** The request's path, set by our server (scripts/next-server.mjs) over anything a client sent: pages cannot see it. */
export const REQUEST_PATH_HEADER = "x-caseway-path";

/** Who is calling and from where, for the audit log. The proxy (pages) or our server (API) stamps every request with an id. */
export async function requestContext(): Promise<RequestContext> {
  return contextFromHeaders(await headers());
}

export function contextFromHeaders(h: Headers): RequestContext {
  return {
    // Checked again here, not only where it is stamped: the audit log keeps at most 80 characters, and a request that
    // reached a handler by a path the stamping did not recognise must not carry a caller's text there unchecked.
    requestId: acceptedRequestId(h.get(REQUEST_ID_HEADER)),
    ip: clientAddress(h),
    userAgent: h.get("user-agent")?.slice(0, 400) ?? null,
  };
}
