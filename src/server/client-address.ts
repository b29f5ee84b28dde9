// Free of `server-only` and `@/` imports: the server entry (scripts/next-server.ts) uses it before Next loads.

/** TRUSTED_PROXY_HOPS: how many reverse proxies we run in front of the app. Unset, blank or invalid means none. */
export function trustedProxyHops(raw: string | undefined): number {
  const hops = Number(raw ?? "");
  return raw?.trim() && Number.isInteger(hops) && hops >= 0 && hops <= 10 ? hops : 0;
}

const unmapped = (address: string) => address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1");

/**
 * Who is calling, as far as we can know. X-Forwarded-For is a list each proxy appends to, and its left end is whatever
 * the client wrote. Add the socket's peer to its right end: with `hops` proxies of ours in front, the entry `hops`
 * places left of the peer is the address our outermost proxy saw; with none, the peer itself, whatever the header says.
 */
export function clientAddressFrom(forwardedFor: string | undefined, socketAddress: string | undefined, hops: number): string | null {
  const chain = (forwardedFor ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  if (socketAddress) chain.push(socketAddress);
  if (!chain.length) return null;
  return unmapped(chain[Math.max(0, chain.length - 1 - hops)]!).slice(0, 64);
}

/**
 * The caller's address for the audit log and rate limits. Our server (scripts/next-server.ts) replaces
 * X-Forwarded-For with the one address it trusts; should the app ever run without it, the nearest entry is the one
 * least under the client's control.
 */
export function clientAddress(headers: Headers): string | null {
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  const address = chain.at(-1);
  return address ? address.slice(0, 64) : null;
}
