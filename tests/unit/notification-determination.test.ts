import { describe, expect, it } from "vitest";
import type { LoaLine } from "@/domain/loa/content";
import { notificationDetermination, type NotificationBasis } from "@/domain/pricing/notification";
import { priceLoa } from "@/domain/pricing/price";
import { MissingRateError, RATE_KEYS, type RateRow } from "@/domain/pricing/rates";
import { EXAMPLE_A_DAY, blanketLine, day, exampleALines, flatRates, rateRow } from "./loa-fixtures";

// AECA 36(b) notification (fms-domain.md §6.1–6.2): each basis against its effective-dated threshold for the
// purchaser's group; "at or above" the threshold requires notification.

/** With no admin surcharge and nothing shipped, a stock line's loaded value is exactly its dollar value. */
const BARE = flatRates({ admin: "0" });

function determine(lines: LoaLine[], { natoPlus = false, rates = BARE, on = EXAMPLE_A_DAY }: { natoPlus?: boolean; rates?: RateRow[]; on?: Date } = {}) {
  const priced = priceLoa(lines, { rates, pricedOn: on });
  return notificationDetermination(lines, priced, { natoPlus, rates, on });
}
const testOf = (result: ReturnType<typeof determine>, basis: NotificationBasis) => result.tests.find((t) => t.basis === basis)!;

/** One line worth `value` that counts toward `basis`. */
const lineFor = (basis: NotificationBasis, value: string) =>
  blanketLine("001", value, { mde: basis === "MDE", designConstruction: basis === "DESIGN_CONSTRUCTION" });

const LABELS: Record<NotificationBasis, string> = {
  MDE: "Major defense equipment",
  TOTAL: "Total case value",
  DESIGN_CONSTRUCTION: "Design and construction services",
};

const cents = (amount: string, delta: number) => (BigInt(amount.replace(".", "")) + BigInt(delta)).toString().replace(/(\d{2})$/, ".$1");

describe.each([
  ["OTHER", false, { MDE: "14000000.00", TOTAL: "50000000.00", DESIGN_CONSTRUCTION: "200000000.00" }],
  ["NATO_PLUS", true, { MDE: "25000000.00", TOTAL: "100000000.00", DESIGN_CONSTRUCTION: "300000000.00" }],
] as const)("%s purchaser", (group, natoPlus, thresholds) => {
  describe.each(["MDE", "TOTAL", "DESIGN_CONSTRUCTION"] as const)("%s test", (basis) => {
    const threshold = thresholds[basis];
    it.each([
      ["one cent below", -1, false, "0.01"],
      ["exactly at", 0, true, "0.00"],
      ["one cent above", 1, true, "-0.01"],
    ])("%s the threshold → met: %s, headroom %s", (_label, delta, met, headroom) => {
      const value = cents(threshold, delta);
      const result = determine([lineFor(basis, value)], { natoPlus });
      expect(result.group).toBe(group);
      expect(testOf(result, basis)).toMatchObject({ value, threshold, headroom, met });
      const reason = `${LABELS[basis]} $${Number(value).toLocaleString("en-US", { minimumFractionDigits: 2 })} is at or above the $${Number(threshold).toLocaleString("en-US", { minimumFractionDigits: 2 })} threshold`;
      if (met) expect(result.reasons).toContain(reason);
      else expect(result.reasons.join("\n")).not.toContain(LABELS[basis]);
      // Only the total test can also be met by the same line: design and construction at its threshold is above the total one.
      expect(result.required).toBe(result.tests.some((t) => t.met));
      if (basis !== "DESIGN_CONSTRUCTION") expect(result.required).toBe(met);
    });
  });

  it("one cent below a threshold reads 99.9%, never 100.0%", () => {
    expect(testOf(determine([lineFor("MDE", cents(thresholds.MDE, -1))], { natoPlus }), "MDE").percentOfThreshold).toBe("99.9");
    expect(testOf(determine([lineFor("MDE", thresholds.MDE)], { natoPlus }), "MDE").percentOfThreshold).toBe("100.0");
  });
});

describe("what each test counts", () => {
  it("MDE counts only lines flagged MDE, with their share of the below-the-line charges", () => {
    const result = determine(exampleALines(), { rates: flatRates() });
    // Example A line 001: 10,600,000 + transport 291,500 + admin 402,800.
    expect(testOf(result, "MDE")).toMatchObject({ value: "11294300.00", headroom: "2705700.00", percentOfThreshold: "80.6", met: false });
    expect(testOf(result, "TOTAL")).toMatchObject({ value: "13984955.00", threshold: "50000000.00", percentOfThreshold: "27.9", met: false });
    expect(testOf(result, "DESIGN_CONSTRUCTION")).toMatchObject({ value: "0.00", percentOfThreshold: "0.0", met: false });
    expect(result).toMatchObject({ required: false, reasons: [] });
  });

  it("a loaded MDE value that lands exactly on $14,000,000 at 3.8% admin requires notification; a cent less does not", () => {
    // $13,487,475.92 + 3.8% ($512,524.08) = $14,000,000.00
    const rates = flatRates({ admin: "0.038" });
    expect(testOf(determine([lineFor("MDE", "13487475.92")], { rates }), "MDE")).toMatchObject({ value: "14000000.00", met: true });
    expect(testOf(determine([lineFor("MDE", "13487475.91")], { rates }), "MDE")).toMatchObject({ value: "13999999.99", met: false });
  });

  it("sums every MDE line and ignores the header of MDE sublines (no double count)", () => {
    const lines = [
      { ...blanketLine("001", "0.00", { mde: true }), value: null },
      blanketLine("001a", "6000000.00", { mde: true }),
      blanketLine("001b", "4000000.00", { mde: true }),
      blanketLine("002", "4000000.00", { mde: true }),
      blanketLine("003", "9000000.00"),
    ];
    expect(testOf(determine(lines), "MDE")).toMatchObject({ value: "14000000.00", met: true });
    expect(testOf(determine(lines), "TOTAL").value).toBe("23000000.00");
  });

  it("an MDE flag on a header line counts its sublines, once", () => {
    const header = { ...blanketLine("001", "0.00", { mde: true }), value: null };
    const subs = [blanketLine("001a", "9000000.00"), blanketLine("001b", "5000000.00")];
    expect(testOf(determine([header, ...subs]), "MDE")).toMatchObject({ value: "14000000.00", met: true });
    const bothFlagged = [header, ...subs.map((l) => ({ ...l, mde: true }))];
    expect(testOf(determine(bothFlagged), "MDE").value).toBe("14000000.00");
    expect(testOf(determine([{ ...header, mde: false }, ...subs]), "MDE").value).toBe("0.00");
  });

  it("the total test uses the total estimated cost, below-the-line charges included", () => {
    const result = determine([blanketLine("001", "48000000.00", { deliveryTermCode: "2" })], { rates: flatRates() });
    // 48M + PC&H 1.44M + transport 1.32M + admin 1.824M
    expect(testOf(result, "TOTAL")).toMatchObject({ value: "52584000.00", met: true });
  });
});

describe("worked example A (fms-domain.md §7.4)", () => {
  it("10 vehicles for BN: no notification", () => {
    expect(determine(exampleALines(10), { rates: flatRates() }).required).toBe(false);
  });

  it("14 vehicles for BN: the MDE line passes $14M, so notification is required, and the reason says why", () => {
    const result = determine(exampleALines(14), { rates: flatRates() });
    expect(result.required).toBe(true);
    expect(testOf(result, "MDE").met).toBe(true);
    expect(testOf(result, "TOTAL").met).toBe(false);
    expect(result.reasons).toEqual(["Major defense equipment $15,812,020.00 is at or above the $14,000,000.00 threshold"]);
  });

  it("the same 14 vehicles for a NATO+ purchaser stay under $25M: no notification", () => {
    const result = determine(exampleALines(14), { rates: flatRates(), natoPlus: true });
    expect(result).toMatchObject({ required: false, group: "NATO_PLUS", reasons: [] });
    expect(testOf(result, "MDE")).toMatchObject({ threshold: "25000000.00", headroom: "9187980.00", percentOfThreshold: "63.2" });
  });
});

describe("reasons name every basis that is met", () => {
  it("total and design and construction together", () => {
    const result = determine([lineFor("DESIGN_CONSTRUCTION", "250000000.00")]);
    expect(result.reasons).toEqual([
      "Total case value $250,000,000.00 is at or above the $50,000,000.00 threshold",
      "Design and construction services $250,000,000.00 is at or above the $200,000,000.00 threshold",
    ]);
  });

  it("design and construction alone decides when the total threshold is set higher", () => {
    const rates = [
      ...BARE.filter((row) => row.key !== RATE_KEYS.cnThreshold.OTHER.TOTAL),
      rateRow(RATE_KEYS.cnThreshold.OTHER.TOTAL, "900000000", "2000-01-01"),
    ];
    const result = determine([lineFor("DESIGN_CONSTRUCTION", "200000000.00")], { rates });
    expect(result.required).toBe(true);
    expect(result.reasons).toEqual([expect.stringMatching(/^Design and construction services \$200,000,000\.00/)]);
  });
});

describe("thresholds are effective-dated rows", () => {
  // From 2027 the MDE threshold for others rises to $20M.
  const raised = [
    ...BARE.filter((row) => row.key !== RATE_KEYS.cnThreshold.OTHER.MDE),
    rateRow(RATE_KEYS.cnThreshold.OTHER.MDE, "14000000", "2000-01-01", "2027-01-01"),
    rateRow(RATE_KEYS.cnThreshold.OTHER.MDE, "20000000", "2027-01-01"),
  ];
  const fifteenMillion = [lineFor("MDE", "15000000.00")];

  it("the same sale needs notification on the last day of the old threshold and not on the first day of the new one", () => {
    expect(determine(fifteenMillion, { rates: raised, on: day("2026-12-31") })).toMatchObject({ required: true });
    const after = determine(fifteenMillion, { rates: raised, on: day("2027-01-01") });
    expect(after.required).toBe(false);
    expect(testOf(after, "MDE")).toMatchObject({ threshold: "20000000.00", headroom: "5000000.00", percentOfThreshold: "75.0" });
  });

  it("a day with no threshold row stops the determination rather than guessing", () => {
    const noMde = BARE.filter((row) => row.key !== RATE_KEYS.cnThreshold.NATO_PLUS.MDE);
    expect(() => determine(fifteenMillion, { rates: noMde, natoPlus: true })).toThrow(MissingRateError);
    expect(() => determine(fifteenMillion, { rates: noMde, natoPlus: true })).toThrow(/major defense equipment \(nato\+\).*2026-03-02/);
  });

});
