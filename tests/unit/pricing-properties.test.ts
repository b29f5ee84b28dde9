import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DELIVERY_TERM_CODES, SOURCES_OF_SUPPLY, TERMS_OF_SALE, isSubline, type DeliveryTermCode } from "@/domain/loa/codes";
import type { LoaLine, TermOfSaleShare } from "@/domain/loa/content";
import { termsOfSaleBreakout } from "@/domain/loa/validation";
import { toAmount } from "@/domain/money";
import { paymentSchedule, quarterlyDueDates, MAX_PAYMENT_QUARTERS } from "@/domain/pricing/payment-schedule";
import { priceLoa, type PricedLine } from "@/domain/pricing/price";
import { EXAMPLE_A_DAY, blanketLine, flatRates, line, type RateOptions } from "./loa-fixtures";

// Invariants of the pricing engine and the payment schedule over randomly generated LOAs (ADR 0012). Amounts are
// generated as integer cents and handed to the engine as strings, as the forms and the API do.

const RUNS = { numRuns: 300 };
const HALF_CENT = new Decimal("0.005");
const MONEY = /^\d+\.\d{2}$/;

const dollars = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
const centsArb = (max: number) => fc.integer({ min: 0, max }).map(dollars);
/** A fraction with up to four decimals, 0 to 1 inclusive, as a string ("0.0275"). */
const rateArb = fc.integer({ min: 0, max: 10_000 }).map((n) => new Decimal(n).div(10_000).toString());
/** A realistic surcharge rate: up to 10%. */
const smallRateArb = fc.integer({ min: 0, max: 1_000 }).map((n) => new Decimal(n).div(10_000).toString());

const ratesArb: fc.Arbitrary<Required<RateOptions>> = fc.record({
  admin: smallRateArb,
  cas: smallRateArb,
  pch: smallRateArb,
  share: rateArb,
  dtc2: smallRateArb,
  dtc3: smallRateArb,
  dtc4: smallRateArb,
});

/** A priced line's own inputs: a quantity × unit cost or a dollar value, any source, DTC and flags. */
const leafArb = fc.record({
  amount: fc.oneof(
    fc.record({ quantity: fc.integer({ min: 0, max: 10_000 }), unitCost: centsArb(100_000_000_00), value: fc.constant(null) }),
    fc.record({ quantity: fc.constant(null), unitCost: fc.constant(null), value: centsArb(1_000_000_000_00) }),
  ),
  sourceOfSupply: fc.constantFrom(...SOURCES_OF_SUPPLY),
  deliveryTermCode: fc.constantFrom<DeliveryTermCode | null>(null, ...DELIVERY_TERM_CODES),
  mde: fc.boolean(),
  designConstruction: fc.boolean(),
  procurementShare: fc.option(rateArb, { nil: null }),
  ncPerUnit: fc.option(centsArb(10_000_000_00), { nil: null }),
  ncWaived: fc.boolean(),
  adminRate: fc.option(smallRateArb, { nil: null }),
});
type Leaf = ReturnType<typeof leafArb.generate>["value"];

const toLine = (lineNumber: string, leaf: Leaf): LoaLine => {
  const { amount, ...rest } = leaf;
  return line(lineNumber, { ...amount, ...rest });
};

/** 1–12 lines; each is a plain line or a header with 1–3 sublines (001a, 001b…). */
const linesArb = fc.array(fc.oneof(leafArb.map((leaf) => [leaf]), fc.array(leafArb, { minLength: 2, maxLength: 4 })), { minLength: 1, maxLength: 12 }).map((groups) =>
  groups.flatMap((group, index) => {
    const number = String(index + 1).padStart(3, "0");
    if (group.length === 1) return [toLine(number, group[0]!)];
    const [header, ...subs] = group;
    return [
      { ...toLine(number, header!), quantity: null, unitCost: null, value: null },
      ...subs.map((sub, i) => toLine(`${number}${"abc"[i]}`, sub)),
    ];
  }),
);

const loaArb = fc.record({ lines: linesArb, rates: ratesArb });
const price = ({ lines, rates }: { lines: LoaLine[]; rates: Required<RateOptions> }) => priceLoa(lines, { rates: flatRates(rates), pricedOn: EXAMPLE_A_DAY });
const sum = (values: readonly string[]) => values.reduce((total, value) => total.plus(value), new Decimal(0));
const leaves = (lines: readonly PricedLine[]) => lines.filter((l) => !l.isHeader);
const MONEY_FIELDS = ["base", "procurementPortion", "cas", "nc", "lineTotal", "pch", "transport", "admin", "loadedValue"] as const;

describe("pricing invariants (fast-check)", () => {
  it("total estimated cost = net + PC&H + admin + transportation, exactly", () => {
    fc.assert(
      fc.property(loaArb, (loa) => {
        const { summary } = price(loa);
        const parts = sum([summary.netEstimatedCost, summary.packingCratingHandling, summary.administrativeSurcharge, summary.transportation]);
        expect(new Decimal(summary.totalEstimatedCost).eq(parts)).toBe(true);
      }),
      RUNS,
    );
  });

  it("each summary amount is the sum of the line amounts printed above it (sublines once, headers not again)", () => {
    fc.assert(
      fc.property(loaArb, (loa) => {
        const { lines, summary } = price(loa);
        const topLevel = lines.filter((l) => !isSubline(l.lineNumber));
        for (const set of [leaves(lines), topLevel]) {
          expect(sum(set.map((l) => l.lineTotal)).toFixed(2)).toBe(summary.netEstimatedCost);
          expect(sum(set.map((l) => l.pch)).toFixed(2)).toBe(summary.packingCratingHandling);
          expect(sum(set.map((l) => l.admin)).toFixed(2)).toBe(summary.administrativeSurcharge);
          expect(sum(set.map((l) => l.transport)).toFixed(2)).toBe(summary.transportation);
        }
      }),
      RUNS,
    );
  });

  it("nothing is lost to rounding: every charge is within half a cent of its exact value", () => {
    fc.assert(
      fc.property(loaArb, (loa) => {
        const { lines } = price(loa);
        const headers = new Set(lines.filter((l) => l.isHeader).map((l) => l.lineNumber));
        for (const input of loa.lines.filter((l) => !headers.has(l.lineNumber))) {
          const out = lines.find((l) => l.lineNumber === input.lineNumber)!;
          const exact = exactCharges(input, loa.rates);
          const near = (label: string, printed: string, value: Decimal) =>
            expect(new Decimal(printed).minus(value).abs().lte(HALF_CENT), `${input.lineNumber} ${label}: ${printed} vs exact ${value}`).toBe(true);
          near("procured portion", out.procurementPortion, exact.portion);
          near("CAS", out.cas, exact.cas);
          near("NC", out.nc, exact.nc);
          near("PC&H", out.pch, exact.pch);
          // The below-the-line percentages apply to the line total the LOA prints.
          const lineTotal = new Decimal(out.base).plus(out.cas).plus(out.nc);
          expect(out.lineTotal).toBe(lineTotal.toFixed(2));
          near("transportation", out.transport, lineTotal.times(exact.transportRate));
          near("admin", out.admin, lineTotal.times(input.adminRate ?? loa.rates.admin));
        }
      }),
      RUNS,
    );
  });

  // priceLoa parses each rate once a call and groups sublines under their header in one pass: neither may let one line's
  // inputs or position change another line's amounts.
  it("a line prices the same alone as among the others, and the LOA the same in any line order", () => {
    const shuffledArb = loaArb.chain((loa) =>
      fc.shuffledSubarray(loa.lines, { minLength: loa.lines.length, maxLength: loa.lines.length }).map((shuffled) => ({ loa, shuffled })),
    );
    fc.assert(
      fc.property(shuffledArb, ({ loa, shuffled }) => {
        const whole = price(loa);
        for (const priced of leaves(whole.lines)) {
          const input = loa.lines.find((l) => l.lineNumber === priced.lineNumber)!;
          expect(price({ lines: [input], rates: loa.rates }).lines).toEqual([priced]);
        }
        const reordered = price({ lines: shuffled, rates: loa.rates });
        expect(reordered.summary).toEqual(whole.summary);
        const byNumber = new Map(whole.lines.map((l) => [l.lineNumber, l]));
        expect(reordered.lines).toEqual(shuffled.map((l) => byNumber.get(l.lineNumber)));
      }),
      RUNS,
    );
  });

  // priceLoa prints amounts already in cents through toString rather than toFixed: it must still match toAmount where
  // toString would use an exponent, and for values that round to the cent (including negative ones rounding to zero).
  it("amounts print as toAmount prints them, whatever their size or decimals", () => {
    const values = ["1e25", "0.005", "0.004", "-0.001", "-0.005", "1234567.8", "7", "0.1"];
    const { lines } = priceLoa(
      values.map((value, i) => blanketLine(String(i + 1).padStart(3, "0"), value)),
      { rates: flatRates(), pricedOn: EXAMPLE_A_DAY },
    );
    expect(lines.map((l) => l.base)).toEqual(values.map((value) => toAmount(value)));
    expect(lines.map((l) => l.lineTotal)).toEqual(values.map((value) => toAmount(value)));
    expect(lines[0]!.admin).toBe(toAmount(new Decimal("1e25").times("0.038")));
  });

  it("every amount has exactly two decimals and none is negative", () => {
    fc.assert(
      fc.property(loaArb, (loa) => {
        const { lines, summary } = price(loa);
        for (const l of lines) for (const field of MONEY_FIELDS) expect(l[field], `${l.lineNumber} ${field}`).toMatch(MONEY);
        for (const amount of Object.values(summary)) expect(amount).toMatch(MONEY);
      }),
      RUNS,
    );
  });
});

/** The charges of one line computed straight from fms-domain.md §7.3, without rounding. */
function exactCharges(input: LoaLine, rates: Required<RateOptions>) {
  const base = input.value !== null ? new Decimal(input.value) : input.quantity !== null && input.unitCost !== null ? new Decimal(input.unitCost).times(input.quantity) : new Decimal(0);
  const share = input.sourceOfSupply === "P" ? 1 : input.sourceOfSupply === "X" ? (input.procurementShare ?? rates.share) : 0;
  const portion = base.times(share);
  const shipped = input.deliveryTermCode !== null;
  const nc = input.mde && !input.ncWaived && input.ncPerUnit !== null ? new Decimal(input.ncPerUnit).times(input.quantity ?? 1) : new Decimal(0);
  const transportRate = input.deliveryTermCode === null ? "0" : rates[`dtc${input.deliveryTermCode}`];
  return {
    portion,
    cas: portion.times(rates.cas),
    nc,
    pch: shipped ? base.minus(portion).times(rates.pch) : new Decimal(0),
    transportRate,
  };
}

interface ScheduleCase {
  total: string;
  percent: string;
  quarters: number;
  startsAfter: Date;
  termsOfSale: { term: TermOfSaleShare["term"] }[];
}

describe("payment schedule invariants (fast-check)", () => {
  const terms = fc.subarray([...TERMS_OF_SALE], { minLength: 1 }).map((list) => list.map((term) => ({ term })));
  const scheduleArb: fc.Arbitrary<ScheduleCase> = fc.record({
    total: centsArb(999_999_999_999_99),
    percent: fc.integer({ min: 0, max: 10_000 }).map((n) => new Decimal(n).div(100).toString()),
    quarters: fc.integer({ min: 0, max: MAX_PAYMENT_QUARTERS }),
    startsAfter: fc.date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2100-12-31T23:59:59Z"), noInvalidDate: true }),
    termsOfSale: terms,
  });
  const schedule = (s: ScheduleCase) =>
    paymentSchedule({ total: s.total, termsOfSale: s.termsOfSale, initialDepositPercent: s.percent, quarters: s.quarters, startsAfter: s.startsAfter });

  it("the deposit and the quarterly rows add up to the total exactly; the last cumulative is the total", () => {
    fc.assert(
      fc.property(scheduleArb, (s) => {
        const result = schedule(s);
        expect(sum([result.initialDeposit, ...result.rows.map((r) => r.amount)]).toFixed(2)).toBe(new Decimal(s.total).toFixed(2));
        if (result.rows.length > 0) expect(result.rows.at(-1)!.cumulative).toBe(new Decimal(s.total).toFixed(2));
        let running = new Decimal(result.initialDeposit);
        for (const row of result.rows) {
          running = running.plus(row.amount);
          expect(row.cumulative).toBe(running.toFixed(2));
          expect(row.amount).toMatch(MONEY);
        }
        expect(result.initialDeposit).toMatch(MONEY);
      }),
      RUNS,
    );
  });

  it("Cash with Acceptance puts the whole value on the deposit; otherwise the deposit is the percent, to the cent", () => {
    fc.assert(
      fc.property(scheduleArb, (s) => {
        const result = schedule(s);
        const cwa = s.termsOfSale.some((t) => t.term === "CASH_WITH_ACCEPTANCE");
        expect(result.cashWithAcceptance).toBe(cwa);
        if (cwa || s.quarters === 0) {
          expect(result).toMatchObject({ initialDeposit: new Decimal(s.total).toFixed(2), rows: [] });
        } else {
          const exact = new Decimal(s.total).times(s.percent).div(100);
          expect(new Decimal(result.initialDeposit).minus(exact).abs().lte(HALF_CENT)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it("quarterly calls are equal, the last one taking the leftover cents (fewer cents than there are quarters)", () => {
    fc.assert(
      fc.property(scheduleArb, (s) => {
        const rows = schedule(s).rows;
        if (rows.length === 0) return;
        const first = rows[0]!.amount;
        for (const row of rows.slice(0, -1)) expect(row.amount).toBe(first);
        const extra = new Decimal(rows.at(-1)!.amount).minus(first);
        expect(extra.gte(0) && extra.lt(new Decimal(rows.length).div(100))).toBe(true);
      }),
      RUNS,
    );
  });

  it("due dates are the 15th of Mar/Jun/Sep/Dec, strictly after the start, one per quarter with none skipped", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2100-12-31T23:59:59Z"), noInvalidDate: true }), fc.integer({ min: 1, max: MAX_PAYMENT_QUARTERS }), (after, count) => {
        const dates = quarterlyDueDates(after, count);
        expect(dates).toHaveLength(count);
        const startDay = after.toISOString().slice(0, 10);
        expect(dates[0]! > startDay).toBe(true);
        // The first is the first quarterly date after the start: the one before it is on or before the start.
        expect(previousDueDate(dates[0]!) <= startDay).toBe(true);
        dates.forEach((date, i) => {
          expect(date).toMatch(/^\d{4}-(03|06|09|12)-15$/);
          if (i > 0) expect(date).toBe(nextDueDate(dates[i - 1]!));
        });
      }),
      RUNS,
    );
  });

  it("the schedule's rows fall on those dates", () => {
    fc.assert(
      fc.property(scheduleArb, (s) => {
        const rows = schedule(s).rows;
        expect(rows.map((r) => r.dueOn)).toEqual(rows.length === 0 ? [] : quarterlyDueDates(s.startsAfter, s.quarters));
      }),
      RUNS,
    );
  });
});

const shiftQuarter = (date: string, by: 1 | -1) => {
  const [year, month] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  const next = month + 3 * by;
  const [y, m] = next > 12 ? [year + 1, next - 12] : next < 1 ? [year - 1, next + 12] : [year, next];
  return `${y}-${String(m).padStart(2, "0")}-15`;
};
const nextDueDate = (date: string) => shiftQuarter(date, 1);
const previousDueDate = (date: string) => shiftQuarter(date, -1);

describe("terms-of-sale breakout (fast-check)", () => {
  /** A total split into 2–4 stated shares over distinct terms; the last is stated or left as "Balance". */
  const breakoutArb = fc
    .record({
      totalCents: fc.integer({ min: 0, max: 999_999_999_999_99 }),
      cuts: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 3 }),
      terms: fc.shuffledSubarray([...TERMS_OF_SALE], { minLength: 4, maxLength: 4 }),
      lastIsBalance: fc.boolean(),
    })
    .map(({ totalCents, cuts, terms, lastIsBalance }) => {
      const points = [0, ...cuts.map((c) => Math.floor(c * totalCents)).sort((a, b) => a - b), totalCents];
      const shares: TermOfSaleShare[] = points.slice(1).map((point, i) => ({ term: terms[i]!, amount: dollars(point - points[i]!) }));
      if (lastIsBalance) shares[shares.length - 1] = { ...shares.at(-1)!, amount: null };
      return { total: dollars(totalCents), shares, amounts: points.slice(1).map((point, i) => dollars(point - points[i]!)) };
    });

  it("valid breakouts have no problem, keep each stated amount and sum to the total exactly", () => {
    fc.assert(
      fc.property(breakoutArb, ({ total, shares, amounts }) => {
        const result = termsOfSaleBreakout(shares, total);
        expect(result.problem).toBeNull();
        expect(result.rows.map((r) => r.amount)).toEqual(amounts);
        expect(result.rows.map((r) => r.balance)).toEqual(shares.map((s) => s.amount === null));
        expect(sum(result.rows.map((r) => r.amount)).toFixed(2)).toBe(total);
      }),
      RUNS,
    );
  });

  it("a fully stated breakout one cent off the total is refused", () => {
    fc.assert(
      fc.property(breakoutArb, fc.constantFrom(-1, 1), ({ total, shares }, delta) => {
        const stated = shares.map((s, i) => (i === shares.length - 1 ? { ...s, amount: null } : s));
        const balance = new Decimal(termsOfSaleBreakout(stated, total).rows.at(-1)!.amount).plus(new Decimal(delta).div(100));
        fc.pre(balance.gte(0));
        const off = stated.map((s, i) => (i === stated.length - 1 ? { ...s, amount: balance.toFixed(2) } : s));
        expect(termsOfSaleBreakout(off, total).problem).not.toBeNull();
      }),
      RUNS,
    );
  });
});
