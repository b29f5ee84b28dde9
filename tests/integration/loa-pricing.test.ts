// POST /pricing/quote through quotePricing, at the seeded effective-dated rates in PostgreSQL: worked example A
// (fms-domain.md §7.4) to the cent at 3.8% and at the historical 3.2%, the notification determination for both
// purchaser groups, field-named refusals for lines that cannot be priced, and a day with no rate in force.
import { beforeAll, describe, expect, it } from "vitest";
import { quotePricing } from "@/server/loa/quote-pricing";
import { seedLoaReference } from "../factories/loa";
import { caseCast, type Cast } from "./case-helpers";
import { expectAppError, testPrisma } from "./helpers";
import { seedSlaRules } from "./lor-helpers";

const prisma = testPrisma();
let cast: Cast;

beforeAll(async () => {
  await seedSlaRules(prisma);
  await seedLoaReference(prisma);
  cast = await caseCast(prisma);
});

/** Worked example A: 10 (or `vehicles`) tactical vehicles (MDE, NC $50,000 each), spares from mixed sources, training. */
const exampleA = (vehicles = 10) => [
  { lineNumber: "001", description: "Tactical vehicle", quantity: vehicles, unitOfIssue: "EA", unitCost: "1000000.00", sourceOfSupply: "P", typeOfAssistance: "5", deliveryTermCode: "2", mde: true, ncPerUnit: "50000.00" },
  { lineNumber: "002", description: "Initial spares", quantity: 1, unitOfIssue: "LO", unitCost: "2000000.00", sourceOfSupply: "X", typeOfAssistance: "4", deliveryTermCode: "2" },
  { lineNumber: "003", description: "Operator training", quantity: 1, unitOfIssue: "LO", unitCost: "500000.00", sourceOfSupply: "S", typeOfAssistance: "3" },
];

describe("quotePricing", () => {
  it("prices worked example A to $13,984,955.00 on a day the administrative surcharge is 3.8%", async () => {
    const quote = await quotePricing(cast.ia, { pricedOn: "2026-01-15", lines: exampleA() });
    expect(quote.pricedOn).toBe("2026-01-15");
    expect(quote.ratesApplied).toEqual({ adminSurcharge: "0.038", cas: "0.01", pch: "0.03", defaultProcurementShare: "0.5" });
    expect(quote.lines.map((l) => [l.lineNumber, l.cas, l.nc, l.lineTotal, l.pch, l.transport, l.admin])).toEqual([
      ["001", "100000.00", "500000.00", "10600000.00", "0.00", "291500.00", "402800.00"],
      ["002", "10000.00", "0.00", "2010000.00", "30000.00", "55275.00", "76380.00"],
      ["003", "0.00", "0.00", "500000.00", "0.00", "0.00", "19000.00"],
    ]);
    expect(quote.summary).toEqual({
      netEstimatedCost: "13110000.00",
      packingCratingHandling: "30000.00",
      administrativeSurcharge: "498180.00",
      transportation: "346775.00",
      totalEstimatedCost: "13984955.00",
    });
    // MDE ≈ $11.29M < $14M and the total < $50M: no notification.
    expect(quote.notification).toMatchObject({ required: false, group: "OTHER", reasons: [] });
    expect(quote.notification.tests.map((t) => [t.basis, t.value, t.threshold, t.met])).toEqual([
      ["MDE", "11294300.00", "14000000.00", false],
      ["TOTAL", "13984955.00", "50000000.00", false],
      ["DESIGN_CONSTRUCTION", "0.00", "200000000.00", false],
    ]);
    expect(quote.notification.tests[0]).toMatchObject({ headroom: "2705700.00", percentOfThreshold: "80.6" });
  });

  it("the same lines on a day of the 3.2% rate cost $78,660 less", async () => {
    const quote = await quotePricing(cast.partner, { pricedOn: "2020-06-01", lines: exampleA() });
    expect(quote.ratesApplied.adminSurcharge).toBe("0.032");
    expect(quote.summary).toMatchObject({ administrativeSurcharge: "419520.00", totalEstimatedCost: "13906295.00" });
  });

  it("14 vehicles need notification outside NATO+ (MDE ≥ $14M) but not for a NATO+ purchaser", async () => {
    const other = await quotePricing(cast.ia, { pricedOn: "2026-01-15", lines: exampleA(14) });
    expect(other.lines[0]!.lineTotal).toBe("14840000.00");
    expect(other.notification).toMatchObject({ required: true, group: "OTHER" });
    expect(other.notification.reasons).toEqual([expect.stringMatching(/^Major defense equipment \$15,\d{3},\d{3}\.\d{2} is at or above the \$14,000,000\.00 threshold$/)]);

    const natoPlus = await quotePricing(cast.ia, { pricedOn: "2026-01-15", natoPlus: true, lines: exampleA(14) });
    expect(natoPlus.summary).toEqual(other.summary);
    expect(natoPlus.notification).toMatchObject({ required: false, group: "NATO_PLUS", reasons: [] });
    expect(natoPlus.notification.tests.map((t) => t.threshold)).toEqual(["25000000.00", "100000000.00", "300000000.00"]);
  });

  it("refuses lines that cannot be priced, naming each field", async () => {
    const ta = await expectAppError(
      quotePricing(cast.ia, { pricedOn: "2026-01-15", lines: [exampleA()[0], { ...exampleA()[2], sourceOfSupply: "P", typeOfAssistance: "3" }] }),
      "VALIDATION_FAILED",
    );
    expect(ta.extra.fields).toEqual({ "lines.1.typeOfAssistance": expect.stringMatching(/Type of assistance 3 needs source of supply S, R, E; this line has P/) });

    const shape = await expectAppError(
      quotePricing(cast.ia, { pricedOn: "2026-01-15", lines: [{ ...exampleA()[0], quantity: null }, { ...exampleA()[1], ncPerUnit: "10.00" }] }),
      "VALIDATION_FAILED",
    );
    expect(Object.keys(shape.extra.fields as object).sort()).toEqual(["lines.0.ncPerUnit", "lines.0.quantity", "lines.1.ncPerUnit"].sort());

    const blanket = await expectAppError(quotePricing(cast.ia, { caseType: "BLANKET_ORDER", pricedOn: "2026-01-15", lines: exampleA() }), "VALIDATION_FAILED");
    expect(blanket.extra.fields).toHaveProperty(["lines.0.value"]);
    const value = await quotePricing(cast.ia, {
      caseType: "BLANKET_ORDER",
      pricedOn: "2026-01-15",
      lines: [{ lineNumber: "001", value: "2000000.00", sourceOfSupply: "X", typeOfAssistance: "4", deliveryTermCode: "2" }],
    });
    expect(value.summary.totalEstimatedCost).toBe("2171655.00");

    const schema = await expectAppError(
      quotePricing(cast.ia, { pricedOn: "15/01/2026", lines: [{ ...exampleA()[0], lineNumber: "1", unitCost: "-5", sourceOfSupply: "Q" }] }),
      "VALIDATION_FAILED",
    );
    expect(Object.keys(schema.extra.fields as object).sort()).toEqual(["lines.0.lineNumber", "lines.0.sourceOfSupply", "lines.0.unitCost", "pricedOn"].sort());
    await expectAppError(quotePricing(cast.ia, { lines: [] }), "VALIDATION_FAILED");
  });

  it("a day with no rate in force is refused on pricedOn", async () => {
    const error = await expectAppError(quotePricing(cast.ia, { pricedOn: "1960-01-01", lines: exampleA() }), "VALIDATION_FAILED");
    expect(Object.keys(error.extra.fields as object)).toEqual(["pricedOn"]);
    expect((error.extra.fields as Record<string, string>).pricedOn).toMatch(/No administrative surcharge rate is in force on 1960-01-01/);
    // CAS starts in 2014 in the rate table: a 2010 quote has no CAS rate.
    const cas = await expectAppError(quotePricing(cast.ia, { pricedOn: "2010-01-01", lines: exampleA() }), "VALIDATION_FAILED");
    expect((cas.extra.fields as Record<string, string>).pricedOn).toMatch(/contract administration services/i);
  });

  it("defaults to today's rates", async () => {
    const quote = await quotePricing(cast.dsca, { lines: exampleA() });
    expect(quote.pricedOn).toBe(new Date().toISOString().slice(0, 10));
    expect(quote.ratesApplied.adminSurcharge).toBe("0.038");
  });
});
