import { describe, expect, it } from "vitest";
import { clientAddress, clientAddressFrom, trustedProxyHops } from "@/server/client-address";
import { literalLike } from "@/server/search";

describe("clientAddressFrom: who called, from the socket and only the proxies we run", () => {
  it.each([
    ["no proxy: the socket's peer, whatever the client wrote", "6.6.6.6", "203.0.113.7", 0, "203.0.113.7"],
    ["no proxy and no header: the peer", undefined, "203.0.113.7", 0, "203.0.113.7"],
    ["an IPv4 peer on a dual-stack socket reads as IPv4", undefined, "::ffff:198.51.100.4", 0, "198.51.100.4"],
    ["one proxy: the address it appended, not what the client wrote before it", "6.6.6.6, 203.0.113.7", "10.0.0.2", 1, "203.0.113.7"],
    ["one proxy, spaces and empty entries", " 6.6.6.6 , , 192.0.2.9 ", "10.0.0.2", 1, "192.0.2.9"],
    ["two proxies: the address the outer one saw", "6.6.6.6, 203.0.113.7, 10.0.0.1", "10.0.0.2", 2, "203.0.113.7"],
    ["one proxy configured but the request came straight in: the peer", undefined, "203.0.113.7", 1, "203.0.113.7"],
  ])("%s", (_label, forwarded, peer, hops, expected) => {
    expect(clientAddressFrom(forwarded, peer, hops)).toBe(expected);
  });

  it("knows nothing without a header or a socket address", () => {
    expect(clientAddressFrom(undefined, undefined, 0)).toBeNull();
  });
});

describe("trustedProxyHops: none unless set explicitly", () => {
  it.each([
    [undefined, 0],
    ["", 0],
    ["0", 0],
    ["1", 1],
    ["2", 2],
    ["-1", 0],
    ["one", 0],
    ["1.5", 0],
  ])("%s → %s", (raw, expected) => {
    expect(trustedProxyHops(raw)).toBe(expected);
  });
});

describe("clientAddress: the one address our server left in X-Forwarded-For", () => {
  it("reads it, or the nearest entry should the app run without our server", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.7" }))).toBe("203.0.113.7");
    expect(clientAddress(new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.7" }))).toBe("203.0.113.7");
    expect(clientAddress(new Headers())).toBeNull();
  });
});

describe("literalLike", () => {
  it.each([
    ["50%", "50\\%"],
    ["a_b", "a\\_b"],
    ["back\\slash", "back\\\\slash"],
    ["plain text", "plain text"],
  ])("escapes %s", (input, expected) => {
    expect(literalLike(input)).toBe(expected);
  });
});
