import { describe, expect, it } from "vitest";
import { clientAddress } from "@/server/client-address";
import { literalLike } from "@/server/search";

describe("clientAddress (TRUSTED_PROXY_HOPS defaults to 1)", () => {
  it.each([
    ["the address our proxy appended, not what the client wrote before it", "6.6.6.6, 203.0.113.7", "203.0.113.7"],
    ["the only address when there is one", "198.51.100.4", "198.51.100.4"],
    ["trims spaces and ignores empty entries", " 10.0.0.1 , , 192.0.2.9 ", "192.0.2.9"],
  ])("uses %s", (_label, forwarded, expected) => {
    expect(clientAddress(new Headers({ "x-forwarded-for": forwarded }))).toBe(expected);
  });

  it("falls back to X-Real-IP, then to nothing", () => {
    expect(clientAddress(new Headers({ "x-real-ip": "192.0.2.1" }))).toBe("192.0.2.1");
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
