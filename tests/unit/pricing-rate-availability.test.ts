// Quotes for past dates price with the rates of that date, and need a rate row only for the charges their lines incur
// (issue 13): before PC&H's and transportation's first rows (15 Aug 2018) an LOA that ships nothing from stock still
// prices, one that ships from stock is refused naming the charge; the administrative surcharge follows its published
// history (fms-domain.md §7.2). The rates are the seed's own rows (prisma/seed.ts), as PostgreSQL holds them.
import { describe, expect, it } from "vitest";
import type { LoaLine } from "@/domain/loa/content";
import { notificationDetermination } from "@/domain/pricing/notification";
import { pchLabel, priceLoa } from "@/domain/pricing/price";
import { MissingRateError, RATE_KEYS, type RateRow } from "@/domain/pricing/rates";
import { PRICING_RATES } from "../../prisma/seed";
import { day, line } from "./loa-fixtures";

const RATES: readonly RateRow[] = PRICING_RATES;

const stock = (number: string, unitCost: string, overrides: Partial<LoaLine> = {}) =>
  line(number, { unitCost, sourceOfSupply: "S", typeOfAssistance: "3", deliveryTermCode: null, ...overrides });
const procured = (number: string, unitCost: string, overrides: Partial<LoaLine> = {}) =>
  line(number, { unitCost, sourceOfSupply: "P", typeOfAssistance: "5", deliveryTermCode: null, ...overrides });
const mixed = (number: string, unitCost: string, overrides: Partial<LoaLine> = {}) =>
  line(number, { unitCost, sourceOfSupply: "X", typeOfAssistance: "4", deliveryTermCode: null, ...overrides });

const price = (lines: LoaLine[], iso: string) => priceLoa(lines, { rates: RATES, pricedOn: day(iso) });

/** The MissingRateError pricing stops with (the test fails if it prices). */
function refusal(lines: LoaLine[], iso: string): MissingRateError {
  try {
    price(lines, iso);
  } catch (error) {
    expect(error).toBeInstanceOf(MissingRateError);
    return error as MissingRateError;
  }
  throw new Error(`Expected pricing on ${iso} to be refused for a missing rate, but it priced`);
}

describe("a quote dated 2017-01-01, before PC&H's and transportation's first rows (15 Aug 2018)", () => {
  const ON = "2017-01-01";

  it("the seed indeed has no PC&H or transportation row that day, but a surcharge, CAS and a default share", () => {
    const inForce = (key: string) => RATES.some((r) => r.key === key && r.effectiveFrom <= day(ON) && (r.effectiveTo === null || day(ON) < r.effectiveTo));
    expect(inForce(RATE_KEYS.packingCratingHandling)).toBe(false);
    for (const key of Object.values(RATE_KEYS.transport)) expect(inForce(key)).toBe(false);
    expect(inForce(RATE_KEYS.adminSurcharge)).toBe(true);
    expect(inForce(RATE_KEYS.contractAdministration)).toBe(true);
    expect(inForce(RATE_KEYS.defaultProcurementShare)).toBe(true);
  });

  it("prices stock issues without a delivery term at 3.5%, with no PC&H rate (ratesApplied.pch is null)", () => {
    const priced = price([stock("001", "100000.00", { quantity: 2 }), stock("002", "50000.00")], ON);
    expect(priced.summary).toEqual({
      netEstimatedCost: "250000.00",
      packingCratingHandling: "0.00",
      administrativeSurcharge: "8750.00",
      transportation: "0.00",
      totalEstimatedCost: "258750.00",
    });
    expect(priced.ratesApplied).toEqual({ adminSurcharge: "0.035", cas: "0.012", pch: null, defaultProcurementShare: "0.5" });
    expect(pchLabel(priced.ratesApplied.pch)).toBe("Packing, crating and handling (no rate in force on the pricing day)");
  });

  it("prices procurement without a delivery term: CAS at 1.2% (DSCA 14-27), the surcharge on the line total", () => {
    const priced = price([procured("001", "200000.00")], ON);
    expect(priced.lines.map((l) => [l.procurementPortion, l.cas, l.lineTotal, l.pch, l.transport, l.admin, l.adminRate])).toEqual([
      ["200000.00", "2400.00", "202400.00", "0.00", "0.00", "7084.00", "0.035"],
    ]);
    expect(priced.summary.totalEstimatedCost).toBe("209484.00");
    expect(priced.ratesApplied.pch).toBeNull();
  });

  it("prices source X without a delivery term with the default 50/50 share", () => {
    const priced = price([mixed("001", "100000.00")], ON);
    expect(priced.lines[0]).toMatchObject({ procurementPortion: "50000.00", cas: "600.00", lineTotal: "100600.00", pch: "0.00", admin: "3521.00" });
    expect(priced.summary.totalEstimatedCost).toBe("104121.00");
  });

  it("prices a header whose sublines are stock issues and procurement, none shipped, and determines notification", () => {
    const lines = [
      line("001", { quantity: null, unitCost: null, unitOfIssue: null }),
      stock("001a", "300000.00"),
      procured("001b", "100000.00", { mde: true }),
      stock("002", "10000.00"),
    ];
    const priced = price(lines, ON);
    expect(priced.lines.map((l) => [l.lineNumber, l.isHeader, l.lineTotal])).toEqual([
      ["001", true, "401200.00"],
      ["001a", false, "300000.00"],
      ["001b", false, "101200.00"],
      ["002", false, "10000.00"],
    ]);
    expect(priced.summary.totalEstimatedCost).toBe("425592.00");
    const notification = notificationDetermination(lines, priced, { natoPlus: false, rates: RATES, on: day(ON) });
    expect(notification.required).toBe(false);
    expect(notification.tests.map((t) => t.threshold)).toEqual(["14000000.00", "50000000.00", "200000000.00"]);
  });

  it("refuses a stock line that ships (PC&H needed), naming the charge and the day", () => {
    const error = refusal([stock("001", "100000.00", { deliveryTermCode: "2" })], ON);
    expect(error.key).toBe(RATE_KEYS.packingCratingHandling);
    expect(error.day).toBe(ON);
    expect(error.message).toBe("No packing, crating and handling rate is in force on 2017-01-01; an administrator must add one");
  });

  it("refuses a stock line shipped under DTC 4 too: PC&H applies whoever pays the carrier", () => {
    expect(refusal([stock("001", "100000.00", { deliveryTermCode: "4" })], ON).key).toBe(RATE_KEYS.packingCratingHandling);
  });

  it("refuses one shipped stock line among lines that would otherwise price", () => {
    const lines = [procured("001", "200000.00"), stock("002", "1000.00"), stock("003", "5000.00", { deliveryTermCode: "3" })];
    expect(refusal(lines, ON).key).toBe(RATE_KEYS.packingCratingHandling);
  });

  it("refuses source X shipped (its stock share needs PC&H)", () => {
    expect(refusal([mixed("001", "100000.00", { deliveryTermCode: "2" })], ON).key).toBe(RATE_KEYS.packingCratingHandling);
  });

  it("refuses procurement that ships for want of a transportation rate (no PC&H is needed: it arrives packed)", () => {
    const error = refusal([procured("001", "200000.00", { deliveryTermCode: "2" })], ON);
    expect(error.key).toBe(RATE_KEYS.transport["2"]);
    expect(error.message).toMatch(/^No transportation, delivery term 2 rate is in force on 2017-01-01/);
  });

  it("the same lines price once PC&H and transportation have rows (2018-08-15), and ratesApplied names them", () => {
    const priced = price([stock("001", "100000.00", { deliveryTermCode: "2" })], "2018-08-15");
    expect(priced.lines[0]).toMatchObject({ pch: "3000.00", transport: "2750.00", admin: "3200.00" });
    expect(priced.ratesApplied).toEqual({ adminSurcharge: "0.032", cas: "0.012", pch: "0.03", defaultProcurementShare: "0.5" });
    // The day before, PC&H is still missing.
    expect(refusal([stock("001", "100000.00", { deliveryTermCode: "2" })], "2018-08-14").key).toBe(RATE_KEYS.packingCratingHandling);
  });
});

describe("the other rows with a first day", () => {
  it("before CAS's first row (2014-10-01) stock issues price (cas null) and procurement is refused naming CAS", () => {
    const priced = price([stock("001", "100000.00")], "2013-06-01");
    expect(priced.ratesApplied).toEqual({ adminSurcharge: "0.035", cas: null, pch: null, defaultProcurementShare: "0.5" });
    expect(priced.summary.totalEstimatedCost).toBe("103500.00");
    const error = refusal([procured("001", "100000.00")], "2013-06-01");
    expect(error.key).toBe(RATE_KEYS.contractAdministration);
    expect(error.message).toMatch(/contract administration services/i);
    // Source X with a contractor share of 0 procures nothing, so needs no CAS either.
    expect(price([mixed("001", "100000.00", { procurementShare: "0" })], "2013-06-01").summary.totalEstimatedCost).toBe("103500.00");
  });

  it("before the default procurement share's first row (2002-01-01) source X needs its own share", () => {
    const error = refusal([mixed("001", "100000.00")], "2001-06-01");
    expect(error.key).toBe(RATE_KEYS.defaultProcurementShare);
    const priced = price([stock("001", "100000.00")], "2001-06-01");
    expect(priced.ratesApplied).toEqual({ adminSurcharge: "0.025", cas: null, pch: null, defaultProcurementShare: null });
  });

  it("without an administrative surcharge row (before 1970) nothing prices, whatever the lines", () => {
    const error = refusal([stock("001", "100000.00")], "1969-12-31");
    expect(error.key).toBe(RATE_KEYS.adminSurcharge);
    expect(error.day).toBe("1969-12-31");
  });

  it("a line with a locked administrative rate keeps it on any day", () => {
    const priced = price([stock("001", "100000.00", { adminRate: "0.038" })], "2017-01-01");
    expect(priced.lines[0]).toMatchObject({ admin: "3800.00", adminRate: "0.038", adminRateLocked: true });
    expect(priced.ratesApplied.adminSurcharge).toBe("0.035");
  });
});

describe("the administrative surcharge history in the seed (fms-domain.md §7.2)", () => {
  const surchargeOn = (iso: string) => {
    const priced = price([stock("001", "1000000.00")], iso);
    return [priced.ratesApplied.adminSurcharge, priced.summary.administrativeSurcharge];
  };

  it.each([
    ["2012-01-01", "0.038", "38000.00"],
    ["2015-01-01", "0.035", "35000.00"],
    ["2017-01-01", "0.035", "35000.00"],
    ["2019-01-01", "0.032", "32000.00"],
    ["2026-01-15", "0.038", "38000.00"],
  ])("a quote on %s uses %s", (iso, rate, amount) => {
    expect(surchargeOn(iso)).toEqual([rate, amount]);
  });

  it.each([
    ["1970-01-01", "0.02"],
    ["1977-09-30", "0.02"],
    ["1977-10-01", "0.03"],
    ["1999-05-31", "0.03"],
    ["1999-06-01", "0.025"],
    ["2006-07-31", "0.025"],
    ["2006-08-01", "0.038"],
    ["2012-10-31", "0.038"],
    ["2012-11-01", "0.035"],
    ["2018-05-31", "0.035"],
    ["2018-06-01", "0.032"],
    ["2025-09-30", "0.032"],
    ["2025-10-01", "0.038"],
    ["2040-01-01", "0.038"],
  ])("on the boundary day %s the rate is %s", (iso, rate) => {
    expect(surchargeOn(iso)[0]).toBe(rate);
  });
});
