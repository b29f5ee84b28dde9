import "server-only";
import { headers } from "next/headers";
import { randomUUID } from "node:crypto";

export interface RequestContext {
  requestId: string;
  ip: string | null;
  userAgent: string | null;
}

export const REQUEST_ID_HEADER = "x-request-id";

/** Who is calling and from where, for the audit log. The proxy stamps every request with an id. */
export async function requestContext(): Promise<RequestContext> {
  const h = await headers();
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  return {
    requestId: h.get(REQUEST_ID_HEADER) ?? randomUUID(),
    ip: (forwarded || h.get("x-real-ip") || null)?.slice(0, 64) ?? null,
    userAgent: h.get("user-agent")?.slice(0, 400) ?? null,
  };
}
