import { describe, expect, it } from "vitest";
import { DESIGNATOR_CAPACITY, caseIdentifier, designatorFor } from "@/domain/cases/identifier";
import { CASE_IDENTIFIER_PATTERN } from "@/domain/schemas/lor";

const LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"; // 26 letters less I and O, written out here independently
const ALL = Array.from({ length: 24 ** 3 }, (_, i) => designatorFor(i));

describe("designatorFor", () => {
  it.each([
    [0, "AAA"],
    [1, "AAB"],
    [7, "AAH"],
    [8, "AAJ"], // skips I
    [12, "AAN"],
    [13, "AAP"], // skips O
    [23, "AAZ"],
    [24, "ABA"],
    [25, "ABB"],
    [24 * 24 - 1, "AZZ"],
    [24 * 24, "BAA"],
    [24 ** 3 - 1, "ZZZ"],
  ])("%i → %s", (sequence, expected) => {
    expect(designatorFor(sequence)).toBe(expected);
  });

  it("has room for 13,824 designators", () => {
    expect(DESIGNATOR_CAPACITY).toBe(13_824);
    expect(ALL).toHaveLength(13_824);
  });

  it("never uses I or O, and only upper-case letters, in any designator", () => {
    for (const designator of ALL) expect(designator).toMatch(/^[A-HJ-NP-Z]{3}$/);
    expect(ALL.filter((d) => /[IO]/.test(d))).toEqual([]);
  });

  it("gives every sequence number a different designator", () => {
    expect(new Set(ALL).size).toBe(ALL.length);
  });

  it("draws designators in alphabetical order", () => {
    expect([...ALL].sort()).toEqual(ALL);
  });

  it("uses every allowed letter in every position", () => {
    for (const position of [0, 1, 2]) expect(new Set(ALL.map((d) => d[position])).size).toBe(LETTERS.length);
  });

  it.each([-1, 13_824, 13_825, 1_000_000, 1.5, 0.1, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0.5])(
    "%s throws a RangeError",
    (sequence) => {
      expect(() => designatorFor(sequence)).toThrow(RangeError);
    },
  );

  it("the RangeError says designators ran out", () => {
    expect(() => designatorFor(13_824)).toThrow(/No designator left/);
  });
});

describe("caseIdentifier", () => {
  it("joins country code, agency letter and designator as CC-I-DDD", () => {
    expect(caseIdentifier("BN", "B", "ZAA")).toBe("BN-B-ZAA");
    expect(caseIdentifier("SR", "P", designatorFor(0))).toBe("SR-P-AAA");
  });

  it("every generated identifier is one the LOR schema accepts as an existing case", () => {
    for (const designator of [ALL[0]!, ALL[1234]!, ALL.at(-1)!]) {
      expect(caseIdentifier("W7", "D", designator)).toMatch(CASE_IDENTIFIER_PATTERN);
    }
  });
});
