import { env } from "@/env";

/**
 * The caller's address for the audit log and rate limits. X-Forwarded-For is a list each proxy appends to, and its
 * left end is whatever the client wrote, so trust only the hops we run: with TRUSTED_PROXY_HOPS=n the nth address
 * from the right is the one our outermost proxy saw. Next.js itself fills the header with the socket address when no
 * proxy set it.
 */
export function clientAddress(headers: Headers): string | null {
  const hops = env().TRUSTED_PROXY_HOPS;
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  const address = chain.length ? chain[Math.max(0, chain.length - hops)] : headers.get("x-real-ip");
  return address ? address.slice(0, 64) : null;
}
