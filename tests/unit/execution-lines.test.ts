// Execution per LOA line (src/domain/execution/lines.ts): progress per kind, the blanket line's remaining value, the
// shipment status machine and its dates, the supply/services-complete rule, MILSTRIP document numbers, the inputs'
// field errors and the timeline texts — table by table, with the edges at and one unit either side.
import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LINE_EVENTS } from "@/domain/execution/line-events";
import {
  EMPTY_TOTALS,
  SHIPMENT_FLOW,
  SHIPMENT_STATUSES,
  UMMIPS_PRIORITIES,
  articleShipmentValue,
  blanketRemaining,
  checkCompletion,
  checkObligation,
  checkRequisition,
  checkServiceRecord,
  checkShipment,
  checkShipmentStatus,
  documentNumberProblem,
  lineProgress,
  lineTargetOf,
  milstripDocumentNumber,
  normalizeDocumentNumber,
  ordinalDate,
  ordinalDateOf,
  priorityLabel,
  requisitionAmount,
  sscProblems,
  totalsOf,
  type LineStatus,
  type LineTarget,
  type LineTotals,
  type RequisitionForShipment,
  type ShipmentStatus,
} from "@/domain/execution/lines";
import { EXECUTION_EVENTS, executionEventOf } from "@/domain/execution/timeline";
import {
  CompleteLineInput,
  RecordObligationInput,
  RecordServiceInput,
  RecordShipmentInput,
  SubmitRequisitionInput,
  UpdateShipmentStatusInput,
} from "@/domain/schemas/execution";
import { transition } from "@/domain/workflow/engine";
import { caseIn, context, iaManager } from "./case-fixtures";

const TODAY = "2026-06-18";
const YESTERDAY = "2026-06-17";
const TOMORROW = "2026-06-19";

const radios = lineTargetOf(
  { lineNumber: "001", description: "Handheld tactical radio sets", quantity: 800, unitOfIssue: "EA", monthsOfService: null, sourceOfSupply: "P" },
  "ARTICLES",
  "4960000",
);
const kits = lineTargetOf(
  { lineNumber: "002a", description: "Installation kit", quantity: 150, unitOfIssue: "KT", monthsOfService: null, sourceOfSupply: "S" },
  "ARTICLES",
  "360000.00",
);
const spares = lineTargetOf(
  { lineNumber: "001", description: "Ship spare parts (blanket)", quantity: null, unitOfIssue: null, monthsOfService: null, sourceOfSupply: "S" },
  "BLANKET",
  "1800000.00",
);
const fieldService = lineTargetOf(
  { lineNumber: "003", description: "Field service representatives", quantity: 24, unitOfIssue: "MO", monthsOfService: 24, sourceOfSupply: "P" },
  "SERVICES",
  "672000.00",
);
const courses = lineTargetOf(
  { lineNumber: "004", description: "Calibration courses", quantity: 3, unitOfIssue: "EA", monthsOfService: null, sourceOfSupply: "S" },
  "SERVICES",
  "90000.00",
);
const undated = lineTargetOf(
  { lineNumber: "005", description: "Technical assistance", quantity: null, unitOfIssue: null, monthsOfService: null, sourceOfSupply: "S" },
  "SERVICES",
  "50000.00",
);

const totals = (overrides: Partial<LineTotals> = {}): LineTotals => ({ ...EMPTY_TOTALS, ...overrides });

describe("lineTargetOf", () => {
  it.each([
    ["articles", radios, { kind: "ARTICLES", quantity: 800, serviceUnits: null, value: "4960000.00", procured: true }],
    ["articles from stock", kits, { quantity: 150, unitOfIssue: "KT", value: "360000.00", procured: false }],
    ["blanket", spares, { kind: "BLANKET", quantity: null, serviceUnits: null, value: "1800000.00" }],
    ["services in months", fieldService, { kind: "SERVICES", quantity: null, serviceUnits: "24", serviceUnitLabel: "months" }],
    ["services as events", courses, { serviceUnits: "3", serviceUnitLabel: "events" }],
    ["services with neither", undated, { serviceUnits: null, serviceUnitLabel: "events" }],
  ] as const)("%s", (_name, target, expected) => {
    expect(target).toMatchObject(expected);
  });
});

describe("totalsOf", () => {
  it("sums every kind, leaves cancelled requisitions out of the draw and counts only received shipments as delivered", () => {
    const result = totalsOf({
      obligations: [{ amount: "100.10" }, { amount: "0.20" }],
      requisitions: [
        { documentNumber: "R1", amount: "50.00", status: "OPEN" },
        { documentNumber: "R2", amount: "25.55", status: "SHIPPED" },
        { documentNumber: "R3", amount: "999.99", status: "CANCELLED" },
      ],
      shipments: [
        { quantity: 3, value: "10.01", status: "SHIPPED" },
        { quantity: 4, value: "20.02", status: "IN_TRANSIT" },
        { quantity: 5, value: "30.03", status: "RECEIVED" },
      ],
      services: [
        { units: "0.5", value: "14000.00" },
        { units: "1.25", value: "35000.00" },
      ],
    });
    expect(result).toEqual({
      obligated: "100.30",
      requisitioned: "75.55",
      openRequisitionCount: 1,
      openRequisitions: ["R1"],
      shippedQuantity: 12,
      shippedValue: "60.06",
      receivedQuantity: 5,
      receivedValue: "30.03",
      performedUnits: "1.75",
      performedValue: "49000.00",
    });
  });

  it("is all zeros for a line with nothing recorded", () => {
    expect(totalsOf({ obligations: [], requisitions: [], shipments: [], services: [] })).toEqual(EMPTY_TOTALS);
  });
});

describe("lineProgress", () => {
  const pick = (target: LineTarget, t: LineTotals) =>
    lineProgress(target, t).measures.map((m) => [m.key, m.done, m.target, m.percent, m.unit, m.usgOnly]);

  it.each([
    [
      "articles mid-delivery",
      radios,
      totals({ obligated: "4960000.00", shippedQuantity: 550, receivedQuantity: 300, shippedValue: "3410000.00" }),
      [
        ["ordered", "4960000.00", "4960000.00", "100.0", "USD", true],
        ["shipped", "550", "800", "68.7", "QUANTITY", false],
        ["delivered", "300", "800", "37.5", "QUANTITY", false],
      ],
    ],
    [
      "articles from stock show no contract bar",
      kits,
      totals({ shippedQuantity: 90, receivedQuantity: 90 }),
      [
        ["shipped", "90", "150", "60.0", "QUANTITY", false],
        ["delivered", "90", "150", "60.0", "QUANTITY", false],
      ],
    ],
    [
      "a stock line that did get a contract shows it",
      kits,
      totals({ obligated: "1.00" }),
      [
        ["ordered", "1.00", "360000.00", "0.0", "USD", true],
        ["shipped", "0", "150", "0.0", "QUANTITY", false],
        ["delivered", "0", "150", "0.0", "QUANTITY", false],
      ],
    ],
    [
      "blanket in dollars",
      spares,
      totals({ requisitioned: "600000.00", shippedValue: "450000.00", receivedValue: "1.00" }),
      [
        ["ordered", "600000.00", "1800000.00", "33.3", "USD", false],
        ["shipped", "450000.00", "1800000.00", "25.0", "USD", false],
        ["delivered", "1.00", "1800000.00", "0.0", "USD", false],
      ],
    ],
    [
      "services in months",
      fieldService,
      totals({ obligated: "672000.00", performedUnits: "3", performedValue: "84000.00" }),
      [
        ["ordered", "672000.00", "672000.00", "100.0", "USD", true],
        ["performed", "3", "24", "12.5", "SERVICE_UNITS", false],
        ["performedValue", "84000.00", "672000.00", "12.5", "USD", false],
      ],
    ],
    ["services without months or quantity: value only", undated, totals(), [["performedValue", "0.00", "50000.00", "0.0", "USD", false]]],
  ] as const)("%s", (_name, target, t, expected) => {
    expect(pick(target, t)).toEqual(expected);
  });

  it("cuts percentages rather than rounding them up (2 of 3 is 66.6%, never 66.7%)", () => {
    const thirds = { ...kits, quantity: 3 };
    expect(lineProgress(thirds, totals({ shippedQuantity: 2 })).measures.find((m) => m.key === "shipped")!.percent).toBe("66.6");
    expect(lineProgress(thirds, totals({ shippedQuantity: 3 })).measures.find((m) => m.key === "shipped")!.percent).toBe("100.0");
  });

  it.each([
    ["articles: value shipped", radios, totals({ shippedValue: "1240000.00" }), "1240000.00"],
    ["blanket: value shipped", spares, totals({ shippedValue: "346800.00", requisitioned: "500000.00" }), "346800.00"],
    ["services: value performed", fieldService, totals({ performedValue: "84000.00" }), "84000.00"],
    ["nothing yet", kits, totals(), "0.00"],
  ] as const)("expenditures, %s", (_name, target, t, expected) => {
    expect(lineProgress(target, t).expenditures).toBe(expected);
  });

  it.each([
    [radios, totals({ shippedQuantity: 550 }), { remainingValue: null, unshippedQuantity: 250, unperformedUnits: null }],
    [spares, totals({ requisitioned: "1799999.99" }), { remainingValue: "0.01", unshippedQuantity: null, unperformedUnits: null }],
    [fieldService, totals({ performedUnits: "3.5" }), { remainingValue: null, unshippedQuantity: null, unperformedUnits: "20.5" }],
    [undated, totals(), { remainingValue: null, unshippedQuantity: null, unperformedUnits: null }],
  ] as const)("what remains on line %#", (target, t, expected) => {
    expect(lineProgress(target, t)).toMatchObject(expected);
  });
});

describe("blanket remaining value and requisitions", () => {
  it.each([
    ["nothing requisitioned", "0.00", "1800000.00"],
    ["part requisitioned", "600000.10", "1199999.90"],
    ["fully requisitioned", "1800000.00", "0.00"],
  ])("%s", (_name, requisitioned, remaining) => {
    expect(blanketRemaining(spares, totals({ requisitioned }))).toBe(remaining);
  });

  it.each([
    [3, "0.10", "0.30"],
    [1200, "42.10", "50520.00"],
    [7, "1234567.89", "8641975.23"],
    [1, "0.01", "0.01"],
  ])("%i × %s = %s exactly", (quantity, unitPrice, amount) => {
    expect(requisitionAmount(quantity, unitPrice)).toBe(amount);
  });

  const drawn = totals({ requisitioned: "1700000.00" });
  it.each([
    ["well under", 1, "99999.99", true],
    ["exactly the remaining value", 2, "50000.00", true],
    ["one cent over", 1, "100000.01", false],
    ["far over", 1000, "1000.00", false],
  ] as const)("%s", (_name, quantity, unitPrice, ok) => {
    const result = checkRequisition(spares, drawn, "OPEN", { quantity, unitPrice });
    if (ok) {
      expect(result).toMatchObject({ ok: true, amount: requisitionAmount(quantity, unitPrice) });
      return;
    }
    expect(result).toMatchObject({ ok: false, kind: "conflict", remaining: "100000.00" });
    expect(!result.ok && result.message).toContain("$100,000.00 of $1,800,000.00 remains");
  });

  it("says what remains after the requisition", () => {
    expect(checkRequisition(spares, drawn, "OPEN", { quantity: 4, unitPrice: "12500.00" })).toMatchObject({ remainingAfter: "50000.00" });
  });

  it("a cancelled requisition gives its value back", () => {
    const t = totalsOf({
      obligations: [],
      requisitions: [
        { documentNumber: "R1", amount: "1000000.00", status: "SHIPPED" },
        { documentNumber: "R2", amount: "800000.00", status: "CANCELLED" },
      ],
      shipments: [],
      services: [],
    });
    expect(checkRequisition(spares, t, "OPEN", { quantity: 1, unitPrice: "800000.00" }).ok).toBe(true);
  });

  it.each([
    ["articles line", radios, "OPEN", /not a blanket order line/],
    ["services line", fieldService, "OPEN", /not a blanket order line/],
    ["complete blanket line", spares, "SUPPLY_COMPLETE", /supply\/services complete/],
    ["cancelled blanket line", spares, "CANCELLED", /is cancelled/],
  ] as const)("refused on a %s", (_name, target, status, message) => {
    const result = checkRequisition(target, totals(), status, { quantity: 1, unitPrice: "1.00" });
    expect(result).toMatchObject({ ok: false, kind: "conflict" });
    expect(!result.ok && result.message).toMatch(message);
  });

  it("property: requisitions accepted one after another never draw more than the line's value", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 99_999_999 })), { maxLength: 40 }), (asks) => {
        let t = totals();
        for (const [quantity, cents] of asks) {
          const result = checkRequisition(spares, t, "OPEN", { quantity, unitPrice: new Decimal(cents).div(100).toFixed(2) });
          if (result.ok) t = { ...t, requisitioned: new Decimal(t.requisitioned).plus(result.amount).toFixed(2) };
        }
        return new Decimal(t.requisitioned).lte(spares.value) && blanketRemaining(spares, t) === new Decimal(spares.value).minus(t.requisitioned).toFixed(2);
      }),
    );
  });
});

describe("contracts (obligations)", () => {
  it.each([
    ["within the value", "1000000.00", YESTERDAY, "OPEN", null],
    ["up to the value exactly", "4960000.00", TODAY, "OPEN", null],
    ["one cent over the value", "4960000.01", TODAY, "OPEN", "amount"],
    ["awarded tomorrow", "1.00", TOMORROW, "OPEN", "awardedOn"],
    ["on a complete line", "1.00", TODAY, "SUPPLY_COMPLETE", "conflict"],
  ] as const)("%s", (_name, amount, awardedOn, status, problem) => {
    const result = checkObligation(radios, totals(), status, { amount, awardedOn }, TODAY);
    if (problem === null) expect(result).toEqual({ ok: true });
    else if (problem === "conflict") expect(result).toMatchObject({ ok: false, kind: "conflict" });
    else expect(result).toMatchObject({ ok: false, kind: "field", field: problem });
  });

  it("counts what is already obligated and names what remains", () => {
    const result = checkObligation(radios, totals({ obligated: "4000000.00" }), "OPEN", { amount: "960000.01", awardedOn: TODAY }, TODAY);
    expect(result).toMatchObject({ ok: false, field: "amount" });
    expect(!result.ok && result.message).toContain("$960,000.00 remains");
  });
});

describe("shipments", () => {
  const shipped = totals({ shippedQuantity: 550, shippedValue: "3410000.00" });
  const articles = (quantity: number, extra: Partial<{ shippedOn: string; requisitionId: string | null }> = {}, status: LineStatus = "OPEN") =>
    checkShipment(radios, shipped, status, null, { quantity, shippedOn: TODAY, ...extra }, TODAY);

  it.each([
    ["less than what remains", 100, {}, { ok: true }],
    ["exactly what remains", 250, {}, { ok: true }],
    ["one more than remains", 251, {}, { ok: false, kind: "field", field: "quantity" }],
    ["shipped tomorrow", 1, { shippedOn: TOMORROW }, { ok: false, kind: "field", field: "shippedOn" }],
    ["shipped yesterday", 1, { shippedOn: YESTERDAY }, { ok: true }],
    ["naming a requisition on an articles line", 1, { requisitionId: "00000000-0000-4000-8000-000000000000" }, { ok: false, field: "requisitionId" }],
  ] as const)("articles: %s", (_name, quantity, extra, expected) => {
    expect(articles(quantity, extra)).toMatchObject(expected);
  });

  it("articles: the message names what remains", () => {
    const result = articles(251);
    expect(!result.ok && result.message).toBe("Only 250 of 800 remain unshipped on line 001");
  });

  it.each(["SUPPLY_COMPLETE", "CANCELLED"] as const)("articles: refused on a %s line", (status) => {
    expect(articles(1, {}, status)).toMatchObject({ ok: false, kind: "conflict" });
  });

  it("services lines ship nothing", () => {
    expect(checkShipment(fieldService, totals(), "OPEN", null, { quantity: 1, shippedOn: TODAY }, TODAY)).toMatchObject({ ok: false, kind: "conflict" });
  });

  it("articles: each shipment is the rounded value of everything shipped so far less what has shipped, so nothing drifts", () => {
    const thirds = { ...kits, quantity: 3, value: "100.00" };
    const first = articleShipmentValue(thirds, totals(), 1);
    expect(first).toBe("33.33");
    const second = articleShipmentValue(thirds, totals({ shippedQuantity: 1, shippedValue: first }), 1);
    expect(second).toBe("33.34");
    expect(articleShipmentValue(thirds, totals({ shippedQuantity: 2, shippedValue: "66.67" }), 1)).toBe("33.33");
    // Shipments valued before an Amendment lowered the line never make a later one negative.
    expect(articleShipmentValue(thirds, totals({ shippedQuantity: 2, shippedValue: "150.00" }), 1)).toBe("0.00");
  });

  it("property: any split of an articles line into shipments sums to the line's value exactly", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 1_000_000_000 }),
        fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 30 }),
        (quantity, cents, parts) => {
          const line = { ...kits, quantity, value: new Decimal(cents).div(100).toFixed(2) };
          let t = totals();
          const ship = (take: number) => {
            const value = articleShipmentValue(line, t, take);
            t = { ...t, shippedQuantity: t.shippedQuantity + take, shippedValue: new Decimal(t.shippedValue).plus(value).toFixed(2) };
          };
          for (const part of parts) {
            const take = Math.min(part, quantity - t.shippedQuantity);
            if (take > 0) ship(take);
          }
          if (t.shippedQuantity < quantity) ship(quantity - t.shippedQuantity);
          return t.shippedValue === line.value;
        },
      ),
    );
  });

  const requisition = (overrides: Partial<RequisitionForShipment> = {}): RequisitionForShipment => ({
    lineNumber: "001",
    documentNumber: "PBNA2361690001",
    quantity: 40,
    unitPrice: "3150.00",
    status: "OPEN",
    shippedQuantity: 30,
    ...overrides,
  });
  const blanket = (req: RequisitionForShipment | null, quantity: number) =>
    checkShipment(spares, totals(), "OPEN", req, { quantity, shippedOn: TODAY, requisitionId: req ? "r" : null }, TODAY);

  it.each([
    ["part of what remains on the requisition", requisition(), 5, { ok: true, value: "15750.00", fillsRequisition: false }],
    ["exactly what remains: fills the requisition", requisition(), 10, { ok: true, value: "31500.00", fillsRequisition: true }],
    ["one more than remains", requisition(), 11, { ok: false, kind: "field", field: "quantity" }],
    ["without a requisition", null, 1, { ok: false, kind: "field", field: "requisitionId" }],
    ["a requisition of another line", requisition({ lineNumber: "002" }), 1, { ok: false, kind: "field", field: "requisitionId" }],
    ["a cancelled requisition", requisition({ status: "CANCELLED" }), 1, { ok: false, kind: "conflict" }],
    ["a requisition shipped in full", requisition({ status: "SHIPPED", shippedQuantity: 40 }), 1, { ok: false, kind: "conflict" }],
  ] as const)("blanket: %s", (_name, req, quantity, expected) => {
    expect(blanket(req, quantity)).toMatchObject(expected);
  });
});

describe("shipment status machine", () => {
  const TARGETS: ShipmentStatus[] = [...SHIPMENT_STATUSES];
  const allowed = new Set(["SHIPPED>IN_TRANSIT", "SHIPPED>RECEIVED", "IN_TRANSIT>RECEIVED"]);
  const pairs = SHIPMENT_STATUSES.flatMap((from) => TARGETS.map((to) => [from, to] as const));

  it.each(pairs)("%s → %s", (from, to) => {
    const result = checkShipmentStatus({ documentNumber: "S1", status: from, shippedOn: "2026-06-01" }, { status: to, receivedOn: TODAY }, TODAY);
    if (allowed.has(`${from}>${to}`)) expect(result).toEqual({ ok: true });
    else expect(result).toMatchObject({ ok: false, kind: "conflict" });
  });

  it("the flow table and the check agree, and only go forward", () => {
    const order = (s: ShipmentStatus) => SHIPMENT_STATUSES.indexOf(s);
    for (const [from, tos] of Object.entries(SHIPMENT_FLOW)) {
      for (const to of tos) expect(order(to)).toBeGreaterThan(order(from as ShipmentStatus));
    }
  });

  it.each([
    ["today", TODAY, null],
    ["on the ship date", "2026-06-01", null],
    ["tomorrow", TOMORROW, "The date received cannot be in the future"],
    ["the day before it shipped", "2026-05-31", "The date received cannot be before the ship date (2026-06-01)"],
    ["not given", null, "Give the date the shipment was received"],
  ] as const)("received %s", (_name, receivedOn, message) => {
    const result = checkShipmentStatus({ documentNumber: "S1", status: "IN_TRANSIT", shippedOn: "2026-06-01" }, { status: "RECEIVED", receivedOn }, TODAY);
    if (message === null) expect(result).toEqual({ ok: true });
    else expect(result).toEqual({ ok: false, kind: "field", field: "receivedOn", message });
  });

  it("names the shipment and where it stands when it cannot move", () => {
    const result = checkShipmentStatus({ documentNumber: "S1", status: "RECEIVED", shippedOn: "2026-06-01" }, { status: "IN_TRANSIT" }, TODAY);
    expect(!result.ok && result.message).toBe("Shipment S1 is received; it cannot go back to in transit");
  });
});

describe("services performed", () => {
  const base = { performedFrom: "2026-05-01", performedTo: "2026-05-31", units: "1", value: "28000.00" };
  const three = totals({ performedUnits: "23", performedValue: "644000.00" });
  it.each([
    ["one month", fieldService, totals(), base, { ok: true }],
    ["the last month exactly", fieldService, three, base, { ok: true }],
    ["a quarter-month more than remains", fieldService, three, { ...base, units: "1.25" }, { ok: false, field: "units" }],
    ["one cent more than the value left", fieldService, three, { ...base, value: "28000.01" }, { ok: false, field: "value" }],
    ["a period ending before it starts", fieldService, totals(), { ...base, performedTo: "2026-04-30" }, { ok: false, field: "performedTo" }],
    ["a period ending tomorrow", fieldService, totals(), { ...base, performedTo: TOMORROW }, { ok: false, field: "performedTo" }],
    ["a period ending today", fieldService, totals(), { ...base, performedTo: TODAY }, { ok: true }],
    ["events", courses, totals({ performedUnits: "2" }), { ...base, units: "1", value: "30000.00" }, { ok: true }],
    ["a fourth event of three", courses, totals({ performedUnits: "3" }), { ...base, units: "1", value: "1.00" }, { ok: false, field: "units" }],
    ["on an articles line", radios, totals(), base, { ok: false, kind: "conflict" }],
    ["on a blanket line", spares, totals(), base, { ok: false, kind: "conflict" }],
  ] as const)("%s", (_name, target, t, input, expected) => {
    expect(checkServiceRecord(target, t, "OPEN", input, TODAY)).toMatchObject(expected);
  });

  it("names the months that remain", () => {
    const result = checkServiceRecord(fieldService, three, "OPEN", { ...base, units: "2" }, TODAY);
    expect(!result.ok && result.message).toBe("Only 1 of 24 months remain to perform on line 003");
  });
});

describe("supply/services complete (SSC)", () => {
  it.each([
    ["articles all delivered", radios, totals({ shippedQuantity: 800, receivedQuantity: 800 }), []],
    [
      "articles part shipped, part received",
      radios,
      totals({ shippedQuantity: 550, receivedQuantity: 300 }),
      ["300 of 800 EA delivered (received by the partner)", "250 EA not yet shipped", "250 EA shipped but not yet received"],
    ],
    ["articles all shipped, one short of received", radios, totals({ shippedQuantity: 800, receivedQuantity: 799 }), ["799 of 800 EA delivered (received by the partner)", "1 EA shipped but not yet received"]],
    ["blanket shipped what was requisitioned, nothing open", spares, totals({ requisitioned: "500000.00", shippedValue: "500000.00" }), []],
    ["blanket with nothing requisitioned", spares, totals(), []],
    [
      "blanket one cent short and open requisitions",
      spares,
      totals({ requisitioned: "500000.00", shippedValue: "499999.99", openRequisitionCount: 7, openRequisitions: ["R1", "R2", "R3", "R4", "R5", "R6"] }),
      ["$499,999.99 shipped of $500,000.00 requisitioned", "7 requisitions still open (R1, R2, R3, R4, R5 and 2 more)"],
    ],
    ["blanket one open requisition", spares, totals({ requisitioned: "1.00", shippedValue: "1.00", openRequisitionCount: 1, openRequisitions: ["R9"] }), ["1 requisition still open (R9)"]],
    ["services all months performed", fieldService, totals({ performedUnits: "24" }), []],
    ["services half a month short", fieldService, totals({ performedUnits: "23.5" }), ["23.5 of 24 months of service performed"]],
    ["events all performed", courses, totals({ performedUnits: "3" }), []],
    ["services without units: value performed", undated, totals({ performedValue: "50000.00" }), []],
    ["services without units: value short", undated, totals({ performedValue: "49999.99" }), ["$49,999.99 of $50,000.00 of services performed"]],
  ] as const)("%s", (_name, target, t, expected) => {
    expect(sscProblems(target, t)).toEqual(expected);
  });

  const accounted = totals({ shippedQuantity: 800, receivedQuantity: 800 });
  const short = totals({ shippedQuantity: 800, receivedQuantity: 790 });
  it.each([
    ["SSC, accounted for, no reason", "OPEN", accounted, "SUPPLY_COMPLETE", null, { ok: true, unmet: [] }],
    ["SSC, accounted for, with a reason", "OPEN", accounted, "SUPPLY_COMPLETE", "All delivered.", { ok: true, unmet: [] }],
    ["SSC, short, no reason", "OPEN", short, "SUPPLY_COMPLETE", null, { ok: false, kind: "conflict" }],
    ["SSC, short, blank reason", "OPEN", short, "SUPPLY_COMPLETE", "   ", { ok: false, kind: "conflict" }],
    ["SSC, short, with a reason", "OPEN", short, "SUPPLY_COMPLETE", "10 radios written off as lost in transit.", { ok: true }],
    ["cancel without a reason", "OPEN", short, "CANCELLED", null, { ok: false, kind: "field", field: "reason" }],
    ["cancel with a reason", "OPEN", totals(), "CANCELLED", "Requirement withdrawn.", { ok: true }],
    ["a line already SSC", "SUPPLY_COMPLETE", accounted, "SUPPLY_COMPLETE", "again", { ok: false, kind: "conflict" }],
    ["a line already cancelled", "CANCELLED", accounted, "CANCELLED", "again", { ok: false, kind: "conflict" }],
  ] as const)("%s", (_name, status, t, outcome, reason, expected) => {
    expect(checkCompletion(radios, t, status, { outcome, reason })).toMatchObject(expected);
  });

  it("names every unmet condition when it refuses", () => {
    const result = checkCompletion(radios, totals({ shippedQuantity: 550, receivedQuantity: 300 }), "OPEN", { outcome: "SUPPLY_COMPLETE" });
    expect(!result.ok && result.message).toBe(
      "Line 001 is not yet accounted for: 300 of 800 EA delivered (received by the partner); 250 EA not yet shipped; 250 EA shipped but not yet received. Give a reason to declare it supply/services complete anyway.",
    );
  });

  it("keeps the unmet conditions when a reason carries it", () => {
    expect(checkCompletion(radios, short, "OPEN", { outcome: "SUPPLY_COMPLETE", reason: "Written off." })).toEqual({
      ok: true,
      unmet: ["790 of 800 EA delivered (received by the partner)", "10 EA shipped but not yet received"],
    });
  });
});

describe("the case reaches Supply/Services Complete only with no open line", () => {
  const facts = (openLines: string[]) => ({ initialDepositDue: "0.00", depositsReceived: "0.00", openLines, closureBlockers: [] });
  it.each([
    [["001", "003"], "Every line must be supply/services complete or cancelled first; still open: lines 001, 003"],
    [["002b"], "Every line must be supply/services complete or cancelled first; still open: line 002b"],
  ])("refused while lines %j are open", (openLines, message) => {
    const result = transition(caseIn("EXECUTING"), "declare-supply-complete", iaManager(), {}, context(undefined, { afterAcceptance: facts(openLines) }));
    expect(result).toMatchObject({ ok: false, kind: "guard", message });
  });

  it("allowed once every line is closed out", () => {
    const result = transition(caseIn("EXECUTING"), "declare-supply-complete", iaManager(), {}, context(undefined, { afterAcceptance: facts([]) }));
    expect(result.ok && result.next.status).toBe("SUPPLY_SERVICES_COMPLETE");
  });
});

describe("MILSTRIP document numbers", () => {
  const codes = { serviceCode: "P", countryCode: "BN" };
  it.each([
    ["2026-06-18", "6169"],
    ["2026-01-01", "6001"],
    ["2024-12-31", "4366"],
    ["2025-12-31", "5365"],
  ])("the ordinal date of %s is %s", (day, yddd) => {
    expect(ordinalDate(day)).toBe(yddd);
  });

  it.each([
    ["6169", "2026-06-18"],
    ["6001", "2026-01-01"],
    ["5365", "2025-12-31"],
    ["4366", "2024-12-31"],
    ["7001", "2017-01-01"],
    ["6170", null],
    ["6000", null],
    ["5366", null],
    ["6367", null],
    ["61A9", null],
  ])("%s read on %s names %s", (yddd, expected) => {
    expect(ordinalDateOf(yddd, TODAY)).toBe(expected);
  });

  it("property: every day from the start of the decade's window to today reads back as itself", () => {
    // The year digit names the latest year ending in it: 2017-01-01 to today round-trip on 2026-06-18.
    const start = Date.parse("2017-01-01T00:00:00Z");
    const end = Date.parse(`${TODAY}T00:00:00Z`);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: (end - start) / 86_400_000 }), (offset) => {
        const day = new Date(start + offset * 86_400_000).toISOString().slice(0, 10);
        return ordinalDateOf(ordinalDate(day), TODAY) === day;
      }),
    );
  });

  it.each([
    ["a valid number", "PBNA236169A001", null],
    ["lower case with dashes and spaces", "pbna23-6169 a001", null],
    ["13 characters", "PBNA236169A01", /14 letters and digits/],
    ["15 characters", "PBNA236169A0011", /14 letters and digits/],
    ["a date that is not digits", "PBNA23616XA001", /14 letters and digits/],
    ["another agency's service code", "BBNA236169A001", /service code P/],
    ["another country's code", "PSRA236169A001", /country code BN/],
    ["a future day", "PBNA236170A001", /ordinal date/],
    ["day 000", "PBNA236000A001", /ordinal date/],
  ] as const)("%s", (_name, value, problem) => {
    const result = documentNumberProblem(value, codes, TODAY);
    if (problem === null) expect(result).toBeNull();
    else expect(result).toMatch(problem);
  });

  it("checks the codes only when they are the one and two characters MILSTRIP carries", () => {
    expect(documentNumberProblem("PQ7A236169A001", { serviceCode: "P", countryCode: "QABCDE" }, TODAY)).toBeNull();
    expect(documentNumberProblem("XBNA236169A001", { serviceCode: "AGY12", countryCode: "BN" }, TODAY)).toBeNull();
  });

  it("builds numbers that pass its own check", () => {
    const number = milstripDocumentNumber({ serviceCode: "P", countryCode: "BN", day: "2026-06-02", serial: 17 });
    expect(number).toBe("PBNA236153" + "0017");
    expect(documentNumberProblem(number, codes, TODAY)).toBeNull();
    expect(normalizeDocumentNumber(" pbna-236153 0017 ")).toBe(number);
  });

  it("has the fifteen UMMIPS priorities, from emergency to routine", () => {
    expect(UMMIPS_PRIORITIES).toHaveLength(15);
    expect([UMMIPS_PRIORITIES[0], UMMIPS_PRIORITIES[14]]).toEqual(["01", "15"]);
    expect(["01", "03", "04", "08", "09", "15"].map(priorityLabel)).toEqual([
      "01 — emergency",
      "03 — emergency",
      "04 — priority",
      "08 — priority",
      "09 — routine",
      "15 — routine",
    ]);
  });
});

describe("inputs", () => {
  const requisition = { documentNumber: "PBNA236169A001", itemDescription: "Impeller", quantity: 40, unitPrice: "3150.00", priority: "05" };
  const fieldsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
    result.success ? [] : result.error!.issues.map((i) => i.path.join("."));

  it.each([
    ["a valid requisition", {}, []],
    ["priority as a number", { priority: 5 }, []],
    ["priority 16", { priority: "16" }, ["priority"]],
    ["priority 00", { priority: "00" }, ["priority"]],
    ["a negative unit price", { unitPrice: "-1.00" }, ["unitPrice"]],
    ["a unit price with three decimals", { unitPrice: "1.234" }, ["unitPrice"]],
    ["a zero unit price", { unitPrice: "0" }, ["unitPrice"]],
    ["a fractional quantity", { quantity: "1.5" }, ["quantity"]],
    ["a zero quantity", { quantity: 0 }, ["quantity"]],
    ["a quantity typed with thousands", { quantity: "1,200" }, []],
    ["a document number of 12 characters", { documentNumber: "PBNA236169A0" }, ["documentNumber"]],
    ["an NSN with dashes", { nsn: "4320-01-555-0101" }, []],
    ["an NSN of 12 digits", { nsn: "432001555010" }, ["nsn"]],
    ["a field it does not take", { amount: "1.00" }, [""]],
  ] as const)("requisition: %s", (_name, change, fields) => {
    expect(fieldsOf(SubmitRequisitionInput.safeParse({ ...requisition, ...change }))).toEqual(fields);
  });

  it("normalizes what it accepts", () => {
    expect(SubmitRequisitionInput.parse({ ...requisition, documentNumber: "pbna-236169-a001", priority: "5", nsn: "4320-01-555-0101", quantity: "1,200" })).toMatchObject({
      documentNumber: "PBNA236169A001",
      priority: "05",
      nsn: "4320015550101",
      quantity: 1200,
    });
  });

  it.each([
    ["valid", {}, []],
    ["a negative amount", { amount: "-5" }, ["amount"]],
    ["an amount with three decimals", { amount: "10.001" }, ["amount"]],
    ["not a date", { awardedOn: "2026-02-30" }, ["awardedOn"]],
    ["a contract number with spaces", { contractNumber: "W15P7T 26 C" }, ["contractNumber"]],
  ] as const)("contract: %s", (_name, change, fields) => {
    expect(fieldsOf(RecordObligationInput.safeParse({ contractNumber: "w15p7t-26-c-0142", awardedOn: "2026-03-01", amount: "4960000.00", ...change }))).toEqual(fields);
  });

  it.each([
    ["valid, articles", {}, []],
    ["against a requisition", { requisitionId: "00000000-0000-4000-8000-000000000000" }, []],
    ["an empty requisition from a form", { requisitionId: "" }, []],
    ["a requisition that is no id", { requisitionId: "R1" }, ["requisitionId"]],
    ["a mode that does not exist", { mode: "ROCKET" }, ["mode"]],
    ["no tracking reference", { trackingReference: " " }, ["trackingReference"]],
    ["a negative quantity", { quantity: -1 }, ["quantity"]],
  ] as const)("shipment: %s", (_name, change, fields) => {
    expect(
      fieldsOf(RecordShipmentInput.safeParse({ documentNumber: "BBNA226100S001", quantity: 300, shippedOn: "2026-04-01", mode: "AIR", trackingReference: "TCN BN2B0161000001", ...change })),
    ).toEqual(fields);
  });

  it.each([
    ["in transit", { status: "IN_TRANSIT" }, []],
    ["received, with date and person", { status: "RECEIVED", receivedOn: TODAY, receivedBy: "Maj. Anghel" }, []],
    ["received without a date", { status: "RECEIVED", receivedBy: "Maj. Anghel" }, ["receivedOn"]],
    ["received without a person", { status: "RECEIVED", receivedOn: TODAY }, ["receivedBy"]],
    ["in transit, naming a receiver", { status: "IN_TRANSIT", receivedBy: "Someone" }, ["receivedBy"]],
    ["back to shipped", { status: "SHIPPED" }, ["status"]],
    ["the version from a form", { status: "IN_TRANSIT", expectedVersion: "3" }, []],
  ] as const)("shipment status: %s", (_name, change, fields) => {
    expect(fieldsOf(UpdateShipmentStatusInput.safeParse({ expectedVersion: 1, ...change }))).toEqual(fields);
  });

  it.each([
    ["valid", {}, []],
    ["half a month", { units: "0.5" }, []],
    ["zero months", { units: "0" }, ["units"]],
    ["three decimals of a month", { units: "0.125" }, ["units"]],
    ["negative months", { units: "-1" }, ["units"]],
    ["a zero value (services at no charge)", { value: "0" }, []],
    ["a negative value", { value: "-0.01" }, ["value"]],
  ] as const)("services: %s", (_name, change, fields) => {
    expect(
      fieldsOf(RecordServiceInput.safeParse({ performedFrom: "2026-05-01", performedTo: "2026-05-31", units: "1", value: "28000.00", description: "Month 5 of field service", ...change })),
    ).toEqual(fields);
  });

  it.each([
    ["SSC", { outcome: "SUPPLY_COMPLETE" }, []],
    ["cancel with a reason", { outcome: "CANCELLED", reason: "Requirement withdrawn" }, []],
    ["an outcome that does not exist", { outcome: "DONE" }, ["outcome"]],
  ] as const)("completion: %s", (_name, input, fields) => {
    expect(fieldsOf(CompleteLineInput.safeParse(input))).toEqual(fields);
  });
});

describe("timeline texts", () => {
  const ACTIONS = ["obligation.record", "requisition.submit", "shipment.record", "shipment.status", "service.record", "line.complete"];

  it("every execution action is on the timeline, visible to the partner", () => {
    for (const action of ACTIONS) {
      expect(executionEventOf(action), action).toBe(EXECUTION_EVENTS[action]);
      expect(LINE_EVENTS[action]!.partnerVisible, action).toBe(true);
    }
  });

  it.each([
    [
      "obligation.record",
      { lineNumber: "001", contractNumber: "W15P7T-26-C-0142", awardedOn: "2026-03-01", amount: "4960000.00" },
      "Line 001: contract W15P7T-26-C-0142 awarded on Mar 1, 2026, $4,960,000.00 obligated",
      "Line 001: contract W15P7T-26-C-0142 awarded on Mar 1, 2026",
    ],
    [
      "requisition.submit",
      { lineNumber: "002", documentNumber: "PBNA236169A001", quantity: 500, itemDescription: "Hydraulic filter element", unitPrice: "86.50", amount: "43250.00", priority: "12", remaining: "356750.00" },
      "Line 002: requisition PBNA236169A001 for 500 × Hydraulic filter element at $86.50 ($43,250.00), priority 12; $356,750.00 of the line remains",
      null,
    ],
    [
      "shipment.record",
      { lineNumber: "001", quantity: 300, shippedOn: "2026-04-01", mode: "AIR", documentNumber: "BBNA226100S001", trackingReference: "TCN BN2B0161000001", requisitionDocumentNumber: null },
      "Line 001: 300 shipped on Apr 1, 2026 by air, document BBNA226100S001, tracking TCN BN2B0161000001",
      null,
    ],
    [
      "shipment.status",
      { lineNumber: "001", documentNumber: "BBNA226100S001", shipmentStatus: "RECEIVED", receivedOn: "2026-04-11", receivedBy: "Maj. Teodor Anghel" },
      "Line 001: shipment BBNA226100S001 received on Apr 11, 2026 by Maj. Teodor Anghel",
      null,
    ],
    [
      "shipment.status",
      { lineNumber: "001", documentNumber: "BBNA226100S002", shipmentStatus: "IN_TRANSIT" },
      "Line 001: shipment BBNA226100S002 is now in transit",
      null,
    ],
    [
      "service.record",
      { lineNumber: "003", units: "1", unitLabel: "months", performedFrom: "2026-03-01", performedTo: "2026-03-31", value: "28000.00", description: "Field service, month 1" },
      "Line 003: 1 month performed Mar 1, 2026 to Mar 31, 2026 ($28,000.00) — Field service, month 1",
      null,
    ],
    [
      "line.complete",
      { lineNumber: "002", outcome: "CANCELLED", reason: "Requirement withdrawn", cancelledRequisitions: ["PBNA236169A001"] },
      "Line 002 cancelled. Reason: Requirement withdrawn. Open requisitions cancelled: PBNA236169A001",
      null,
    ],
    ["line.complete", { lineNumber: "001", outcome: "SUPPLY_COMPLETE", reason: null, cancelledRequisitions: [] }, "Line 001 declared supply/services complete", null],
  ] as const)("%s reads", (action, details, usgNote, partnerNote) => {
    const text = LINE_EVENTS[action]!;
    expect(text.note!(details, { partner: false })).toBe(usgNote);
    expect(text.note!(details, { partner: true })).toBe(partnerNote ?? usgNote);
  });
});
