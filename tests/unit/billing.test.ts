import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  accountStanding,
  depositStanding,
  expendedWithSurcharge,
  finalStatement,
  forecastCumulative,
  issueDayOf,
  lineExpendedWithSurcharge,
  lineForecast,
  nextDueDate,
  quarterlyStatement,
  scheduleCumulativeThrough,
  statementDueOnFor,
  type IssuedStatement,
  type LineProgress,
} from "@/domain/execution/billing";
import { MONEY_EVENTS } from "@/domain/execution/money-events";
import { EXECUTION_EVENTS } from "@/domain/execution/timeline";
import { statementPdfModel } from "@/domain/execution/statement-pdf";

// The billing math of issue 12 (fms-domain.md §7.6): deposit standing, the quarterly calendar, what a statement bills
// (the greater of schedule and forecast), and how money received settles the bills — exact to the cent.

const RUNS = { numRuns: 300 };
const dollars = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
const sum = (values: readonly string[]) => values.reduce((total, v) => total.plus(v), new Decimal(0)).toFixed(2);

// ---- deposit ------------------------------------------------------------------------------------------------------

describe("deposit standing", () => {
  it.each([
    ["1199246.50", "0", "0.00", "1199246.50", false],
    ["1199246.50", "1000000.00", "1000000.00", "199246.50", false],
    ["1199246.50", "1199246.49", "1199246.49", "0.01", false],
    ["1199246.50", "1199246.50", "1199246.50", "0.00", true],
    ["1199246.50", "1199246.51", "1199246.51", "0.00", true],
    ["0.00", "0", "0.00", "0.00", true],
  ] as const)("due %s, received %s → received %s, shortfall %s, covered %s", (due, received, receivedOut, shortfall, covered) => {
    expect(depositStanding(due, received)).toEqual({ due: new Decimal(due).toFixed(2), received: receivedOut, shortfall, covered });
  });
});

// ---- the quarterly calendar ---------------------------------------------------------------------------------------

describe("which statement a day calls for", () => {
  it.each([
    // The 14th still belongs to the previous statement; the 15th issues the next one.
    ["2027-01-14", "2026-12-15"],
    ["2027-01-15", "2027-03-15"],
    ["2027-02-20", "2027-03-15"], // a job running late still issues the statement due 15 March
    ["2027-03-15", "2027-03-15"],
    ["2027-03-31", "2027-03-15"],
    ["2027-04-14", "2027-03-15"],
    ["2027-04-15", "2027-06-15"],
    ["2027-06-30", "2027-06-15"],
    ["2027-07-14", "2027-06-15"],
    ["2027-07-15", "2027-09-15"],
    ["2027-10-14", "2027-09-15"],
    ["2027-10-15", "2027-12-15"],
    ["2027-12-31", "2027-12-15"], // year end
    ["2028-01-01", "2027-12-15"],
    ["2028-02-29", "2028-03-15"], // leap day
  ])("on %s: the statement due %s", (day, due) => {
    expect(statementDueOnFor(day)).toBe(due);
  });

  it.each([
    ["2027-03-15", "2027-01-15"],
    ["2027-06-15", "2027-04-15"],
    ["2027-09-15", "2027-07-15"],
    ["2027-12-15", "2027-10-15"],
  ])("the statement due %s is issued %s", (due, issued) => {
    expect(issueDayOf(due)).toBe(issued);
  });

  it.each([
    ["2027-03-14", "2027-03-15"],
    ["2027-03-15", "2027-03-15"], // due today is still next
    ["2027-03-16", "2027-06-15"],
    ["2027-12-15", "2027-12-15"],
    ["2027-12-16", "2028-03-15"], // across the year end
    ["2027-12-31", "2028-03-15"],
    ["2028-01-01", "2028-03-15"],
  ])("on %s the next payment falls due %s", (day, due) => {
    expect(nextDueDate(day)).toBe(due);
  });

  const dayArb = fc.date({ min: new Date("1995-01-01T00:00:00Z"), max: new Date("2095-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

  it("every day calls for a 15 Mar/Jun/Sep/Dec statement issued on or before it, and the next one is issued after it", () => {
    fc.assert(
      fc.property(dayArb, (day) => {
        const due = statementDueOnFor(day);
        expect(due).toMatch(/^\d{4}-(03|06|09|12)-15$/);
        expect(issueDayOf(due) <= day).toBe(true);
        const following = nextDueDate(`${due.slice(0, 8)}16`);
        expect(issueDayOf(following) > day).toBe(true);
      }),
      RUNS,
    );
  });

  it("later days never call for an earlier statement, and the next due date is never before the day", () => {
    fc.assert(
      fc.property(dayArb, dayArb, (a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(statementDueOnFor(early) <= statementDueOnFor(late)).toBe(true);
        expect(nextDueDate(early) >= early).toBe(true);
      }),
      RUNS,
    );
  });
});

// ---- what a statement bills ---------------------------------------------------------------------------------------

const line = (fields: Partial<LineProgress> = {}): LineProgress => ({
  lineNumber: "001",
  lineValue: "1000000.00",
  loadedValue: "1100000.00",
  obligated: "0.00",
  expended: "0.00",
  ...fields,
});

describe("line forecast", () => {
  it.each([
    ["nothing obligated or expended", line(), "0.00"],
    ["contracts for half the line", line({ obligated: "500000.00" }), "550000.00"],
    ["deliveries ahead of contracts (the greater counts)", line({ obligated: "200000.00", expended: "750000.00" }), "825000.00"],
    ["contracts ahead of deliveries", line({ obligated: "900000.00", expended: "100000.00" }), "990000.00"],
    ["the whole line", line({ obligated: "1000000.00" }), "1100000.00"],
    ["more than the line is capped at the line", line({ obligated: "1500000.00", expended: "1200000.00" }), "1100000.00"],
    ["a line with no value bills nothing", line({ lineValue: "0.00", loadedValue: "0.00", expended: "10.00" }), "0.00"],
    // 1/3 of 100.00 = 33.333… → 33.33; 2/3 → 66.666… → 66.67 (half-up to the cent, per line).
    ["a third, rounded to the cent", line({ lineValue: "3.00", loadedValue: "100.00", expended: "1.00" }), "33.33"],
    ["two thirds, rounded half-up", line({ lineValue: "3.00", loadedValue: "100.00", expended: "2.00" }), "66.67"],
    ["half a cent rounds up", line({ lineValue: "2.00", loadedValue: "0.01", expended: "1.00" }), "0.01"],
  ])("%s", (_name, progress, expected) => {
    expect(lineForecast(progress)).toBe(expected);
  });

  it("the final bill counts deliveries and services only, not obligations", () => {
    expect(lineExpendedWithSurcharge(line({ obligated: "1000000.00", expended: "250000.00" }))).toBe("275000.00");
    expect(expendedWithSurcharge([line({ expended: "250000.00" }), line({ lineNumber: "002", expended: "2000000.00" })])).toBe("1375000.00");
  });

  const lineArb = fc
    .record({
      total: fc.integer({ min: 1, max: 100_000_000_00 }),
      surcharge: fc.integer({ min: 0, max: 2_000 }),
      obligated: fc.integer({ min: 0, max: 150_000_000_00 }),
      expended: fc.integer({ min: 0, max: 150_000_000_00 }),
    })
    .map(({ total, surcharge, obligated, expended }): LineProgress => ({
      lineNumber: "001",
      lineValue: dollars(total),
      loadedValue: new Decimal(dollars(total)).times(1 + surcharge / 10_000).toDecimalPlaces(2).toFixed(2),
      obligated: dollars(obligated),
      expended: dollars(expended),
    }));

  it("rounding loses nothing: the forecast is the exact sum of the per-line amounts, each at most its line", () => {
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 12 }), (lines) => {
        const parts = lines.map(lineForecast);
        expect(forecastCumulative(lines)).toBe(sum(parts));
        lines.forEach((l, i) => {
          expect(parts[i]).toMatch(/^\d+\.\d{2}$/);
          expect(new Decimal(parts[i]!).lte(l.loadedValue)).toBe(true);
        });
      }),
      RUNS,
    );
  });

  it("fully obligated lines bill exactly their loaded values, to the cent", () => {
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 12 }), (lines) => {
        const done = lines.map((l) => ({ ...l, obligated: l.lineValue }));
        expect(forecastCumulative(done)).toBe(sum(done.map((l) => l.loadedValue)));
      }),
      RUNS,
    );
  });
});

const SCHEDULE = {
  initialDeposit: "1199246.50",
  rows: [
    { dueOn: "2027-03-15", amount: "500000.00", cumulative: "1699246.50" },
    { dueOn: "2027-06-15", amount: "500000.00", cumulative: "2199246.50" },
    { dueOn: "2027-09-15", amount: "800000.00", cumulative: "2999246.50" },
  ],
};
const LOA_TOTAL = "2999246.50";

describe("schedule cumulative", () => {
  it.each([
    ["2026-12-15", "1199246.50"],
    ["2027-03-14", "1199246.50"],
    ["2027-03-15", "1699246.50"],
    ["2027-06-15", "2199246.50"],
    ["2030-12-15", "2999246.50"],
  ])("through %s: %s", (dueOn, expected) => {
    expect(scheduleCumulativeThrough(SCHEDULE, dueOn)).toBe(expected);
  });
});

describe("quarterly statement", () => {
  const statement = (fields: { dueOn?: string; lines?: LineProgress[]; collected?: string; credits?: string }) =>
    quarterlyStatement({
      dueOn: fields.dueOn ?? "2027-03-15",
      schedule: SCHEDULE,
      lines: fields.lines ?? [],
      loaTotal: LOA_TOTAL,
      collected: fields.collected ?? "1199246.50",
      credits: fields.credits ?? "0.00",
    });

  it("the schedule sets the bill when it is the greater", () => {
    expect(statement({ lines: [line({ obligated: "100000.00" })] })).toEqual({
      scheduleCumulative: "1699246.50",
      forecastCumulative: "110000.00",
      billedCumulative: "1699246.50",
      collected: "1199246.50",
      credits: "0.00",
      amountDue: "500000.00",
    });
  });

  it("the forecast sets the bill when it is the greater (the bill, not the schedule, sets the amount due)", () => {
    const s = statement({ lines: [line({ obligated: "1000000.00", lineValue: "1000000.00", loadedValue: "2000000.00" })] });
    expect(s).toMatchObject({ scheduleCumulative: "1699246.50", forecastCumulative: "2000000.00", billedCumulative: "2000000.00", amountDue: "800753.50" });
  });

  it("nothing is billed above the LOA total", () => {
    const s = statement({ lines: [line({ obligated: "1000000.00", loadedValue: "5000000.00" })] });
    expect(s).toMatchObject({ forecastCumulative: "5000000.00", billedCumulative: LOA_TOTAL, amountDue: "1800000.00" });
  });

  it("payments and credits reduce the amount due", () => {
    expect(statement({ collected: "1400000.00", credits: "99246.50" }).amountDue).toBe("200000.00");
  });

  it("is never negative: money received beyond the bill waits for the next statement", () => {
    expect(statement({ collected: "1800000.00" }).amountDue).toBe("0.00");
    expect(statement({ collected: "1699246.50" }).amountDue).toBe("0.00");
    expect(statement({ collected: "1699246.49" }).amountDue).toBe("0.01");
  });
});

describe("final statement", () => {
  const lines = [line({ expended: "1000000.00", loadedValue: "1100000.00" }), line({ lineNumber: "002", lineValue: "500000.00", loadedValue: "520000.00", expended: "400000.00", obligated: "500000.00" })];

  it("bills the actual cost with surcharge; what was collected beyond it is a refund (negative)", () => {
    expect(finalStatement({ schedule: SCHEDULE, lines, collected: "2999246.50", credits: "1000.00" })).toEqual({
      scheduleCumulative: "2999246.50",
      forecastCumulative: "1516000.00",
      billedCumulative: "1516000.00",
      collected: "2999246.50",
      credits: "1000.00",
      amountDue: "-1484246.50",
    });
  });

  it("is a final bill when less was collected than it cost", () => {
    expect(finalStatement({ schedule: SCHEDULE, lines, collected: "1500000.00", credits: "0.00" }).amountDue).toBe("16000.00");
  });
});

// ---- how money received settles the bills -------------------------------------------------------------------------

const issued = (id: string, dueOn: string, billedCumulative: string, amountDue: string, final = false): IssuedStatement => ({
  id,
  dueOn,
  issuedOn: issueDayOf(dueOn),
  final,
  billedCumulative,
  amountDue,
});

describe("account standing", () => {
  const march = issued("s1", "2027-03-15", "1699246.50", "500000.00");
  const june = issued("s2", "2027-06-15", "2199246.50", "1000000.00");

  it("before any statement the deposit is the whole bill", () => {
    const a = accountStanding({ depositDue: "1199246.50", statements: [], collected: "1000000.00", credits: "0.00", today: "2027-02-01" });
    expect(a).toMatchObject({ billed: "1199246.50", balance: "199246.50", depositUnpaid: "199246.50", statements: [] });
    expect(a.arrears).toEqual({ total: "0.00", statements: [] });
    expect(a.nextDue).toEqual({ dueOn: "2027-03-15", amount: null });
  });

  it("a partial payment covers part of a statement; the rest is outstanding and, after the due date, overdue", () => {
    const before = accountStanding({ depositDue: "1199246.50", statements: [march], collected: "1499246.50", credits: "0.00", today: "2027-03-01" });
    expect(before.statements[0]).toMatchObject({ charged: "500000.00", applied: "300000.00", unpaid: "200000.00", outstanding: "200000.00", status: "PARTLY_PAID", overdue: false });
    expect(before.nextDue).toEqual({ dueOn: "2027-03-15", amount: "200000.00" });
    expect(before.arrears.total).toBe("0.00");
    const after = accountStanding({ depositDue: "1199246.50", statements: [march], collected: "1499246.50", credits: "0.00", today: "2027-03-16" });
    expect(after.statements[0]).toMatchObject({ overdue: true, status: "PARTLY_PAID" });
    expect(after.arrears).toEqual({ total: "200000.00", statements: [{ id: "s1", dueOn: "2027-03-15", unpaid: "200000.00" }] });
    expect(after.nextDue).toEqual({ dueOn: "2027-06-15", amount: null });
  });

  it("payments are applied to the oldest statement first; arrears list the oldest first", () => {
    const a = accountStanding({ depositDue: "1199246.50", statements: [june, march], collected: "1599246.50", credits: "0.00", today: "2027-07-01" });
    expect(a.statements.map((s) => [s.id, s.applied, s.unpaid, s.status])).toEqual([
      ["s1", "400000.00", "100000.00", "PARTLY_PAID"],
      ["s2", "0.00", "500000.00", "PARTLY_PAID"],
    ]);
    // June asked for 1,000,000 (its 500,000 and March's unpaid 500,000); 600,000 of that is still outstanding.
    expect(a.statements[1]!.outstanding).toBe("600000.00");
    expect(a.arrears).toEqual({
      total: "600000.00",
      statements: [
        { id: "s1", dueOn: "2027-03-15", unpaid: "100000.00" },
        { id: "s2", dueOn: "2027-06-15", unpaid: "500000.00" },
      ],
    });
    expect(a.balance).toBe("600000.00");
  });

  it("credits count like money received", () => {
    const a = accountStanding({ depositDue: "1199246.50", statements: [march], collected: "1199246.50", credits: "500000.00", today: "2027-04-01" });
    expect(a.statements[0]).toMatchObject({ status: "PAID", unpaid: "0.00", overdue: false });
    expect(a.balance).toBe("0.00");
  });

  it("a statement with nothing to pay is paid; money beyond the bill is held for the partner", () => {
    const nothing = issued("s0", "2026-12-15", "1199246.50", "0.00");
    const a = accountStanding({ depositDue: "1199246.50", statements: [nothing], collected: "1300000.00", credits: "0.00", today: "2027-01-01" });
    expect(a.statements[0]).toMatchObject({ charged: "0.00", status: "PAID" });
    expect(a.balance).toBe("-100753.50");
  });

  it("a final statement replaces the bill: below what was billed, the excess is the refund", () => {
    const final = issued("f", "2028-03-15", "1800000.00", "-399246.50", true);
    const a = accountStanding({ depositDue: "1199246.50", statements: [march, june, final], collected: "2199246.50", credits: "0.00", today: "2028-04-01" });
    expect(a.billed).toBe("1800000.00");
    expect(a.balance).toBe("-399246.50");
    expect(a.arrears.total).toBe("0.00");
    expect(a.statements.every((s) => s.status === "PAID")).toBe(true);
  });

  it("a final bill above what was billed is owed by its due date", () => {
    const final = issued("f", "2028-03-15", "2300000.00", "100753.50", true);
    const a = accountStanding({ depositDue: "1199246.50", statements: [march, june, final], collected: "2199246.50", credits: "0.00", today: "2028-03-01" });
    expect(a.statements[2]).toMatchObject({ charged: "100753.50", unpaid: "100753.50", status: "UNPAID" });
    expect(a.nextDue).toEqual({ dueOn: "2028-03-15", amount: "100753.50" });
  });

  it("a case reopened after its final statement is billed again: the later statement, not the final one, sets the bill", () => {
    const final = issued("f", "2028-03-15", "1800000.00", "-399246.50", true);
    const reopened = issued("s3", "2028-09-15", "2999246.50", "799246.50");
    const a = accountStanding({ depositDue: "1199246.50", statements: [march, june, final, reopened], collected: "2199246.50", credits: "0.00", today: "2028-08-01" });
    expect(a.billed).toBe("2999246.50");
    expect(a.statements.find((s) => s.id === "f")).toMatchObject({ charged: "0.00", status: "PAID" });
    expect(a.statements.find((s) => s.id === "s3")).toMatchObject({ charged: "800000.00", unpaid: "800000.00" });
    expect(a.nextDue).toEqual({ dueOn: "2028-09-15", amount: "800000.00" });
  });

  const accountArb = fc
    .record({
      deposit: fc.integer({ min: 0, max: 5_000_000_00 }),
      steps: fc.array(fc.integer({ min: -1_000_000_00, max: 5_000_000_00 }), { minLength: 0, maxLength: 10 }),
      collected: fc.integer({ min: 0, max: 50_000_000_00 }),
      credits: fc.integer({ min: 0, max: 1_000_000_00 }),
      final: fc.option(fc.integer({ min: 0, max: 50_000_000_00 })),
      today: fc.integer({ min: 0, max: 40 }),
    })
    .map(({ deposit, steps, collected, credits, final, today }) => {
      let billed = deposit;
      const statements: IssuedStatement[] = steps.map((step, i) => {
        billed = Math.max(0, billed + step);
        const due = `${2027 + Math.floor(i / 4)}-${["03", "06", "09", "12"][i % 4]}-15`;
        return issued(`s${i}`, due, dollars(billed), dollars(Math.max(0, billed - collected - credits)));
      });
      if (final !== null) statements.push(issued("final", "2040-03-15", dollars(final), dollars(0), true));
      const todayDue = `${2027 + Math.floor(today / 4)}-${["03", "06", "09", "12"][today % 4]}-20`;
      return { depositDue: dollars(deposit), statements, collected: dollars(collected), credits: dollars(credits), today: todayDue };
    });

  it("nothing is lost: applied + unpaid = billed, applied + excess = money covered, arrears = Σ overdue unpaid", () => {
    fc.assert(
      fc.property(accountArb, (input) => {
        const a = accountStanding(input);
        const covered = new Decimal(input.collected).plus(input.credits);
        const depositLayer = new Decimal(a.billed).minus(sum(a.statements.map((s) => s.charged)));
        const depositApplied = Decimal.min(depositLayer, covered);
        const applied = new Decimal(sum(a.statements.map((s) => s.applied))).plus(depositApplied);
        const unpaid = new Decimal(sum(a.statements.map((s) => s.unpaid))).plus(a.depositUnpaid);
        expect(applied.plus(unpaid).toFixed(2)).toBe(a.billed);
        const excess = Decimal.max(0, covered.minus(a.billed));
        expect(applied.plus(excess).toFixed(2)).toBe(covered.toFixed(2));
        expect(a.balance).toBe(new Decimal(a.billed).minus(covered).toFixed(2));
        expect(a.arrears.total).toBe(sum(a.statements.filter((s) => s.overdue).map((s) => s.unpaid)));
        for (const s of a.statements) {
          expect(new Decimal(s.applied).plus(s.unpaid).toFixed(2)).toBe(s.charged);
          expect(new Decimal(s.unpaid).gte(0) && new Decimal(s.applied).gte(0)).toBe(true);
        }
        // Oldest first: a statement is only partly covered when every older one is fully covered.
        const firstUnpaid = a.statements.findIndex((s) => new Decimal(s.unpaid).gt(0));
        if (firstUnpaid >= 0) for (const later of a.statements.slice(firstUnpaid + 1)) expect(later.applied).toBe("0.00");
      }),
      RUNS,
    );
  });
});

// ---- timeline texts and the printed statement ----------------------------------------------------------------------

describe("money on the timeline", () => {
  it("statements and payments are on the execution timeline and the partner sees them", () => {
    for (const action of ["statement.issue", "payment.record"]) {
      expect(EXECUTION_EVENTS[action]).toBe(MONEY_EVENTS[action]);
      expect(MONEY_EVENTS[action]!.partnerVisible).toBe(true);
    }
  });

  it("notes give the amount, the value date and the reference", () => {
    expect(MONEY_EVENTS["payment.record"]!.note!({ amount: "250000.00", valueDate: "2027-03-10", reference: "BN-MOF-7781" }, { partner: true })).toBe(
      "$250,000.00 received with value date Mar 10, 2027 (reference BN-MOF-7781)",
    );
    expect(
      MONEY_EVENTS["statement.issue"]!.note!({ final: false, issuedOn: "2027-01-15", dueOn: "2027-03-15", amountDue: "500000.00", billedCumulative: "1699246.50" }, { partner: true }),
    ).toBe("Quarterly statement issued Jan 15, 2027; amount due $500,000.00 by Mar 15, 2027; billed to date $1,699,246.50");
    expect(
      MONEY_EVENTS["statement.issue"]!.note!({ final: true, issuedOn: "2028-01-20", dueOn: "2028-03-15", amountDue: "-1000.00", billedCumulative: "1.00" }, { partner: false }),
    ).toMatch(/^Final statement issued Jan 20, 2028; refund of excess funds \$1,000\.00/);
  });
});

describe("statement PDF model", () => {
  const stored = {
    id: "0b4c6a4e-7d7c-4a55-9f63-2d0a9a3c1e11",
    dueOn: "2027-03-15",
    issuedOn: "2027-01-15",
    final: false,
    scheduleCumulative: "1699246.50",
    forecastCumulative: "110000.00",
    billedCumulative: "1699246.50",
    collected: "1199246.50",
    credits: "0.00",
    amountDue: "500000.00",
  };
  const facts = { identifier: "BN-B-AAC", purchaser: "Bandaria", implementingAgency: "Department of the Army" };

  it("prints the schedule, the forecast, collections, credits and the amount due, in words and dollars", () => {
    const model = statementPdfModel(stored, facts);
    expect(model).toMatchObject({ caseIdentifier: "BN-B-AAC", statementDate: "January 15, 2027", dueDate: "March 15, 2027", kind: "Quarterly statement" });
    expect(model.rows.map((r) => r.amount)).toEqual(["$1,699,246.50", "$110,000.00", "$1,699,246.50", "$1,199,246.50", "$0.00", "$500,000.00"]);
    expect(model.instruction).toBe("Pay $500,000.00 by March 15, 2027, quoting the case identifier and the statement due date.");
  });

  it("a final statement with excess funds says refund", () => {
    const model = statementPdfModel({ ...stored, final: true, amountDue: "-2500.00" }, facts);
    expect(model.rows.at(-1)).toEqual({ label: "Refund of excess funds to the purchaser", amount: "$2,500.00", emphasis: true });
  });
});
