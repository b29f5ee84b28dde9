import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { classifyChanges, rateLockViolations } from "@/domain/loa/changes";
import type { LoaLine } from "@/domain/loa/content";
import { priceLoa, type PricedLine } from "@/domain/pricing/price";
import { MissingRateError, RATE_KEYS } from "@/domain/pricing/rates";
import { EXAMPLE_A_DAY, blanketLine, content, day, exampleALines, flatRates, historyRates, line, rateRow, type RateOptions } from "./loa-fixtures";

// The engine against fms-domain.md §7: worked examples A (§7.4) and B (§7.5) to the cent, the admin surcharge as
// effective-dated history with the line-level rate lock, and each charge rule on its own.

const price = (lines: LoaLine[], rates: RateOptions = {}, on = EXAMPLE_A_DAY) => priceLoa(lines, { rates: flatRates(rates), pricedOn: on });
const priced = (lines: LoaLine[], number: string, rates: RateOptions = {}) => {
  const found = price(lines, rates).lines.find((l) => l.lineNumber === number);
  if (!found) throw new Error(`line ${number} was not priced`);
  return found;
};
const charges = (l: PricedLine) => ({ base: l.base, cas: l.cas, nc: l.nc, lineTotal: l.lineTotal, pch: l.pch, transport: l.transport, admin: l.admin });

describe("worked example A (fms-domain.md §7.4): BN, defined order, rates 3.8% / CAS 1% / PC&H 3% / DTC 2.75%", () => {
  it("prices each line as the example's build-up shows", () => {
    const [l001, l002, l003] = price(exampleALines()).lines;
    // 10 × (1,000,000 + CAS 10,000 + NC 50,000); no PC&H on new procurement; transport and admin on the line total.
    expect(charges(l001!)).toEqual({
      base: "10000000.00",
      cas: "100000.00",
      nc: "500000.00",
      lineTotal: "10600000.00",
      pch: "0.00",
      transport: "291500.00",
      admin: "402800.00",
    });
    // Source X: CAS on the 50% procured share, PC&H on the 50% stock share.
    expect(charges(l002!)).toEqual({
      base: "2000000.00",
      cas: "10000.00",
      nc: "0.00",
      lineTotal: "2010000.00",
      pch: "30000.00",
      transport: "55275.00",
      admin: "76380.00",
    });
    // Services from DoD personnel: nothing ships, so neither PC&H nor transportation.
    expect(charges(l003!)).toEqual({
      base: "500000.00",
      cas: "0.00",
      nc: "0.00",
      lineTotal: "500000.00",
      pch: "0.00",
      transport: "0.00",
      admin: "19000.00",
    });
  });

  it("adds up to the example's estimated cost summary exactly", () => {
    expect(price(exampleALines()).summary).toEqual({
      netEstimatedCost: "13110000.00",
      packingCratingHandling: "30000.00",
      administrativeSurcharge: "498180.00",
      transportation: "346775.00",
      totalEstimatedCost: "13984955.00",
    });
  });

  it("reports the rates it applied, for the notes and the what-if calculator", () => {
    expect(price(exampleALines()).ratesApplied).toEqual({ adminSurcharge: "0.038", cas: "0.01", pch: "0.03", defaultProcurementShare: "0.5" });
  });

  it("prices the spares line the same as a dollar value as it does as 1 lot × $2,000,000", () => {
    const [, spares] = exampleALines();
    const asValue = blanketLine("002", "2000000.00", { sourceOfSupply: "X", typeOfAssistance: "4", deliveryTermCode: "2" });
    expect(charges(priced([asValue], "002"))).toEqual(charges(priced([spares!], "002")));
    expect(priced([asValue], "002")).toMatchObject({ cas: "10000.00", lineTotal: "2010000.00", pch: "30000.00" });
  });

  it("at the historical 3.2% the admin surcharge is $419,520 and the total $13,906,295: $78,660 less", () => {
    const at38 = price(exampleALines()).summary;
    const at32 = price(exampleALines(), { admin: "0.032" }).summary;
    expect(at32.administrativeSurcharge).toBe("419520.00");
    expect(at32.totalEstimatedCost).toBe("13906295.00");
    expect(new Decimal(at38.totalEstimatedCost).minus(at32.totalEstimatedCost).toFixed(2)).toBe("78660.00");
  });

  it("with 14 vehicles line 001 is $14,840,000", () => {
    expect(priced(exampleALines(14), "001").lineTotal).toBe("14840000.00");
  });
});

describe("worked example B (fms-domain.md §7.5): the rate lock across a Modification and an Amendment", () => {
  // Accepted 10 Jan 2018 at 3.5%; line 002 is blanket spares from stock.
  const accepted = blanketLine("002", "2000000.00", { adminRate: "0.035", rateLockedOn: "2018-01-10", deliveryTermCode: "4" });
  const basic = content([line("001", { adminRate: "0.035", rateLockedOn: "2018-01-10" }), accepted]);
  const october = content([basic.lines[0]!, { ...accepted, value: "2100000.00", priceOnlyIncrease: true }]);
  const priceOn = (lines: LoaLine[], iso: string) => priceLoa(lines, { rates: historyRates(), pricedOn: day(iso) });

  it("Oct 2018 Modification: line 002 raised to $2,100,000 keeps 3.5% (admin $73,500), though 3.2% is in force", () => {
    const result = priceOn(october.lines, "2018-10-15");
    expect(result.ratesApplied.adminSurcharge).toBe("0.032");
    expect(result.lines[1]).toMatchObject({ lineTotal: "2100000.00", admin: "73500.00", adminRate: "0.035", adminRateLocked: true });
  });

  it("the Modification is a price change on the same items, so no Amendment is needed", () => {
    expect(classifyChanges(basic, october)).toMatchObject({ proposal: "MODIFICATION", changes: [{ kind: "PRICE", lineNumber: "002", field: "value" }] });
    expect(rateLockViolations(basic, october, "0.032")).toEqual([]);
  });

  it("Nov 2018 Amendment: $500,000 more spares go on new line 004 at 3.2% (admin $16,000)", () => {
    const november = content([...october.lines, blanketLine("004", "500000.00", { deliveryTermCode: "4" })]);
    const result = priceOn(november.lines, "2018-11-15");
    expect(result.lines[1]).toMatchObject({ admin: "73500.00", adminRate: "0.035", adminRateLocked: true });
    expect(result.lines[2]).toMatchObject({ lineTotal: "500000.00", admin: "16000.00", adminRate: "0.032", adminRateLocked: false });
    expect(classifyChanges(october, november).proposal).toBe("AMENDMENT");
    expect(rateLockViolations(october, november, "0.032")).toEqual([]);
  });

  it("putting the $500,000 on line 002 instead is refused by the rate lock and classed as scope (Amendment)", () => {
    const onLine002 = content([october.lines[0]!, { ...october.lines[1]!, value: "2600000.00", priceOnlyIncrease: false }]);
    const violations = rateLockViolations(october, onLine002, "0.032");
    expect(violations).toEqual([expect.objectContaining({ lineNumber: "002", field: "value" })]);
    expect(violations[0]!.message).toContain("3.5%");
    expect(classifyChanges(october, onLine002)).toMatchObject({ proposal: "AMENDMENT", changes: [{ kind: "SCOPE", lineNumber: "002" }] });
  });

  it("the same $2,600,000 marked as a price-only increase passes the lock and is a Modification", () => {
    const priceOnly = content([october.lines[0]!, { ...october.lines[1]!, value: "2600000.00", priceOnlyIncrease: true }]);
    expect(rateLockViolations(october, priceOnly, "0.032")).toEqual([]);
    expect(classifyChanges(october, priceOnly)).toMatchObject({ proposal: "MODIFICATION", changes: [{ kind: "PRICE", lineNumber: "002" }] });
  });
});

describe("the administrative surcharge is an effective-dated row", () => {
  const oneMillion = [blanketLine("001", "1000000.00")];

  it.each([
    ["2012-11-01T00:00:00Z", "0.035", "35000.00"],
    ["2018-05-31T00:00:00Z", "0.035", "35000.00"],
    ["2018-05-31T23:59:59Z", "0.035", "35000.00"],
    ["2018-06-01T00:00:00Z", "0.032", "32000.00"],
    ["2025-09-30T00:00:00Z", "0.032", "32000.00"],
    ["2025-10-01T00:00:00Z", "0.038", "38000.00"],
    ["2040-01-01T00:00:00Z", "0.038", "38000.00"],
  ])("priced at %s: rate %s, admin on $1,000,000 is %s", (at, rate, admin) => {
    const result = priceLoa(oneMillion, { rates: historyRates(), pricedOn: new Date(at) });
    expect(result.ratesApplied.adminSurcharge).toBe(rate);
    expect(result.lines[0]!.admin).toBe(admin);
    expect(result.summary.administrativeSurcharge).toBe(admin);
  });

  it("the day before the first row there is no rate: pricing stops with a message an administrator can act on", () => {
    const attempt = () => priceLoa(oneMillion, { rates: historyRates(), pricedOn: day("2012-10-31") });
    expect(attempt).toThrow(MissingRateError);
    expect(attempt).toThrow("No administrative surcharge rate is in force on 2012-10-31; an administrator must add one");
    try {
      attempt();
    } catch (error) {
      expect(error).toMatchObject({ key: RATE_KEYS.adminSurcharge, day: "2012-10-31" });
    }
  });

  it("a gap between two rows is a missing rate too, not the neighbouring row's value", () => {
    const gap = [
      rateRow(RATE_KEYS.adminSurcharge, "0.035", "2012-11-01", "2018-06-01"),
      rateRow(RATE_KEYS.adminSurcharge, "0.032", "2018-07-01"),
      ...flatRates().filter((row) => row.key !== RATE_KEYS.adminSurcharge),
    ];
    expect(priceLoa(oneMillion, { rates: gap, pricedOn: day("2018-05-31") }).ratesApplied.adminSurcharge).toBe("0.035");
    // A row's end date is exclusive: on it, the row no longer applies.
    expect(() => priceLoa(oneMillion, { rates: gap, pricedOn: day("2018-06-01") })).toThrow("on 2018-06-01");
    expect(() => priceLoa(oneMillion, { rates: gap, pricedOn: day("2018-06-15") })).toThrow("on 2018-06-15");
    expect(priceLoa(oneMillion, { rates: gap, pricedOn: day("2018-07-01") }).ratesApplied.adminSurcharge).toBe("0.032");
  });

  it("when an open-ended row is followed by a newer one, the newer one wins from its first day", () => {
    const overlapping = [
      rateRow(RATE_KEYS.adminSurcharge, "0.032", "2018-06-01"),
      rateRow(RATE_KEYS.adminSurcharge, "0.038", "2025-10-01"),
      ...flatRates().filter((row) => row.key !== RATE_KEYS.adminSurcharge),
    ];
    expect(priceLoa(oneMillion, { rates: overlapping, pricedOn: day("2025-09-30") }).ratesApplied.adminSurcharge).toBe("0.032");
    expect(priceLoa(oneMillion, { rates: overlapping, pricedOn: day("2025-10-01") }).ratesApplied.adminSurcharge).toBe("0.038");
  });

  it("any other missing rate that applies names itself; one that does not apply is not needed", () => {
    const noCas = flatRates().filter((row) => row.key !== RATE_KEYS.contractAdministration);
    const procured = [blanketLine("001", "1000000.00", { sourceOfSupply: "P" })];
    expect(() => priceLoa(procured, { rates: noCas, pricedOn: EXAMPLE_A_DAY })).toThrow(/contract administration services \(cas\) rate is in force on 2026-03-02/);
    // A stock issue carries no CAS: it prices without the row, and says none was in force.
    const priced = priceLoa(oneMillion, { rates: noCas, pricedOn: EXAMPLE_A_DAY });
    expect(priced.lines[0]!.cas).toBe("0.00");
    expect(priced.ratesApplied.cas).toBeNull();
  });
});

describe("the rate lock: a line keeps the admin rate it was accepted at", () => {
  it("a locked 3.5% line is charged 3.5% while the table's current rate is 3.8%; an unlocked line pays 3.8%", () => {
    const result = price([blanketLine("001", "1000000.00", { adminRate: "0.035", rateLockedOn: "2017-03-01" }), blanketLine("002", "1000000.00")]);
    expect(result.lines[0]).toMatchObject({ admin: "35000.00", adminRate: "0.035", adminRateLocked: true });
    expect(result.lines[1]).toMatchObject({ admin: "38000.00", adminRate: "0.038", adminRateLocked: false });
    expect(result.summary.administrativeSurcharge).toBe("73000.00");
  });

  it("the locked rate holds whatever the table says on the pricing day", () => {
    const locked = [blanketLine("001", "1000000.00", { adminRate: "0.035" })];
    for (const admin of ["0.02", "0.032", "0.05"]) {
      expect(price(locked, { admin }).lines[0]!.admin).toBe("35000.00");
    }
  });
});

describe("each charge rule on its own", () => {
  const million = (overrides: Partial<LoaLine>) => [line("001", { quantity: 1, unitCost: "1000000.00", ...overrides })];

  it.each([
    ["P", "1000000.00", "10000.00"],
    ["X", "500000.00", "5000.00"],
    ["S", "0.00", "0.00"],
    ["R", "0.00", "0.00"],
    ["E", "0.00", "0.00"],
    ["F", "0.00", "0.00"],
  ] as const)("CAS 1%% applies to the procured part only: source %s → procured %s, CAS %s", (source, portion, cas) => {
    expect(priced(million({ sourceOfSupply: source }), "001")).toMatchObject({ procurementPortion: portion, cas });
  });

  it("source X with a stated procurement share uses it instead of the 50/50 default", () => {
    const x = priced(million({ sourceOfSupply: "X", procurementShare: "0.6", deliveryTermCode: "2" }), "001");
    expect(x).toMatchObject({ procurementPortion: "600000.00", cas: "6000.00", pch: "12000.00" });
    expect(priced(million({ sourceOfSupply: "X", procurementShare: "1", deliveryTermCode: "2" }), "001")).toMatchObject({ cas: "10000.00", pch: "0.00" });
    expect(priced(million({ sourceOfSupply: "X", procurementShare: "0", deliveryTermCode: "2" }), "001")).toMatchObject({ cas: "0.00", pch: "30000.00" });
  });

  it("CAS on source X is 1% of the exact procured share, not of the share already rounded to the cent", () => {
    // 50% of $1,000,000.99 is $500,000.495; 1% of it is $5,000.00495 → $5,000.00 (rounding the share first gives $5,000.01).
    expect(priced([blanketLine("001", "1000000.99", { sourceOfSupply: "X", deliveryTermCode: "2" })], "001")).toMatchObject({
      procurementPortion: "500000.50",
      cas: "5000.00",
      pch: "15000.01",
    });
  });

  it("the default procurement share for X comes from the rate table", () => {
    expect(priced(million({ sourceOfSupply: "X" }), "001", { share: "0.25" })).toMatchObject({ procurementPortion: "250000.00", cas: "2500.00" });
  });

  it("nonrecurring cost is charged per unit on major defense equipment only", () => {
    const vehicles = { quantity: 10, unitCost: "1000000.00", sourceOfSupply: "S" as const, ncPerUnit: "50000.00" };
    expect(priced([line("001", { ...vehicles, mde: true })], "001")).toMatchObject({ nc: "500000.00", lineTotal: "10500000.00" });
    expect(priced([line("001", { ...vehicles, mde: false })], "001")).toMatchObject({ nc: "0.00", lineTotal: "10000000.00" });
  });

  it("a waived nonrecurring cost is not charged, and the surcharges fall with it", () => {
    const waived = priced([line("001", { quantity: 10, unitCost: "1000000.00", mde: true, ncPerUnit: "50000.00", ncWaived: true, ncWaiverReason: "Standardization" })], "001");
    expect(waived).toMatchObject({ nc: "0.00", lineTotal: "10000000.00", admin: "380000.00" });
  });

  it("PC&H is charged on the stock share of shipped lines only", () => {
    expect(priced(million({ sourceOfSupply: "S", deliveryTermCode: "2" }), "001").pch).toBe("30000.00");
    expect(priced(million({ sourceOfSupply: "S", deliveryTermCode: null }), "001").pch).toBe("0.00");
    expect(priced(million({ sourceOfSupply: "P", typeOfAssistance: "5", deliveryTermCode: "2" }), "001").pch).toBe("0.00");
    expect(priced(million({ sourceOfSupply: "X", deliveryTermCode: "3" }), "001").pch).toBe("15000.00");
  });

  it("transportation is the DTC's rate on the line total (CAS and NC included); lines that do not ship pay none", () => {
    const p = { sourceOfSupply: "P" as const, mde: true, quantity: 1, ncPerUnit: "50000.00" }; // line total 1,060,000
    expect(priced(million({ ...p, deliveryTermCode: "2" }), "001", { dtc2: "0.0275" }).transport).toBe("29150.00");
    expect(priced(million({ ...p, deliveryTermCode: "3" }), "001", { dtc3: "0.02" }).transport).toBe("21200.00");
    expect(priced(million({ ...p, deliveryTermCode: null }), "001").transport).toBe("0.00");
  });

  it("a delivery term with no rate row on the pricing day stops pricing: transportation is never silently free", () => {
    const noDtc3 = flatRates().filter((row) => row.key !== RATE_KEYS.transport["3"]);
    const shipped = million({ deliveryTermCode: "3" });
    expect(() => priceLoa(shipped, { rates: noDtc3, pricedOn: EXAMPLE_A_DAY })).toThrow(MissingRateError);
    expect(() => priceLoa(shipped, { rates: noDtc3, pricedOn: EXAMPLE_A_DAY })).toThrow("No transportation, delivery term 3 rate is in force on 2026-03-02");
    // Lines that do not use that delivery term still price.
    expect(priceLoa(million({ deliveryTermCode: "2" }), { rates: noDtc3, pricedOn: EXAMPLE_A_DAY }).lines[0]!.transport).toBe("27500.00");
  });

  it("DTC 4 (the purchaser arranges transport) at rate 0: no transportation, but stock is still packed (PC&H)", () => {
    expect(priced(million({ sourceOfSupply: "S", deliveryTermCode: "4" }), "001", { dtc4: "0" })).toMatchObject({ transport: "0.00", pch: "30000.00" });
  });

  it("the admin surcharge applies to the whole line total, CAS and NC included", () => {
    expect(priced(exampleALines(), "001").admin).toBe("402800.00"); // 3.8% × 10,600,000, not × 10,000,000
  });

  it("rounds each charge half-up to the cent (0.485 → 0.49, not to even)", () => {
    expect(priced([blanketLine("001", "48.50")], "001", { admin: "0.01" }).admin).toBe("0.49");
    expect(priced([blanketLine("001", "48.49")], "001", { admin: "0.01" }).admin).toBe("0.48");
  });

  it("rounds per line, then adds: the summary is the sum of the amounts printed on the lines", () => {
    const result = price([blanketLine("001", "48.50"), blanketLine("002", "48.50")], { admin: "0.01" });
    expect(result.lines.map((l) => l.admin)).toEqual(["0.49", "0.49"]);
    expect(result.summary.administrativeSurcharge).toBe("0.98"); // rounding the sum (0.97) would not match the lines
  });
});

describe("sublines make their parent a header line", () => {
  const lines = [
    line("001", { quantity: null, unitCost: null, unitOfIssue: null, description: "Radio suite" }),
    line("001a", { quantity: 2, unitCost: "1000.00", sourceOfSupply: "P", typeOfAssistance: "5", deliveryTermCode: "2" }),
    line("001b", { quantity: 3, unitCost: "500.00", sourceOfSupply: "S", deliveryTermCode: "4" }),
    line("002", { quantity: 1, unitCost: "100.00" }),
  ];

  it("the header's amounts are the sums of its sublines'", () => {
    const [header, a, b] = price(lines).lines;
    expect(header!.isHeader).toBe(true);
    expect(a!.isHeader).toBe(false);
    for (const field of ["base", "procurementPortion", "cas", "nc", "lineTotal", "pch", "transport", "admin", "loadedValue"] as const) {
      expect(header![field], field).toBe(new Decimal(a![field]).plus(b![field]).toFixed(2));
    }
    expect(header).toMatchObject({ base: "3500.00", cas: "20.00", lineTotal: "3520.00", pch: "45.00", transport: "55.55" });
  });

  it("the summary counts each subline once and the header not at all", () => {
    const result = price(lines);
    // 001a 2,020.00 + 001b 1,500.00 + 002 100.00
    expect(result.summary.netEstimatedCost).toBe("3620.00");
  });

  it("a header's own quantity and cost are ignored: it is priced from its sublines", () => {
    const withOwnAmounts = [{ ...lines[0]!, quantity: 99, unitCost: "99999.00" }, ...lines.slice(1)];
    expect(price(withOwnAmounts).summary).toEqual(price(lines).summary);
    expect(price(withOwnAmounts).lines[0]!.lineTotal).toBe("3520.00");
  });

  it("a header shows its sublines' admin rate when they share one, and is locked only if all of them are", () => {
    const locked = lines.map((l) => (l.lineNumber.startsWith("001") ? { ...l, adminRate: "0.035" } : l));
    expect(price(locked).lines[0]).toMatchObject({ adminRate: "0.035", adminRateLocked: true });
    const mixed = lines.map((l) => (l.lineNumber === "001a" ? { ...l, adminRate: "0.035" } : l));
    expect(price(mixed).lines[0]).toMatchObject({ adminRate: "0.038", adminRateLocked: false });
  });
});
