// The effective-dated policy rows as people govern them (issue 13, src/domain/policy-rows.ts): which row is in force at
// any instant, the periods each row governed and the gaps between them, what a proposed row must satisfy, how values
// read, and the catalogue of series an administrator may change. Properties with fast-check (ADR 0012) where a brute
// force is easy to state.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SDR_RULE_KEYS } from "@/domain/execution/sdr";
import {
  earliestEffectiveDay,
  formatPolicyValue,
  POLICY_SERIES,
  POLICY_TABLES,
  policySeries,
  policyTimeline,
  proposalProblems,
  rowInForce,
  type DatedRow,
  type PolicySeries,
  type ProposedValue,
} from "@/domain/policy-rows";
import { RATE_KEYS } from "@/domain/pricing/rates";
import { ruleInForce, SLA_KEYS } from "@/domain/sla";
import { STATUS_SLA_KEYS, WORKFLOW_RULE_KEYS } from "@/domain/workflow/states";
import { PRICING_RATES, SLA_RULES } from "../../prisma/seed";

const RUNS = { numRuns: 300 };
const DAY_MS = 86_400_000;
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const ms = (date: Date, offset: number) => new Date(date.getTime() + offset);

interface Row extends DatedRow {
  id: string;
}
const row = (id: string, from: string, to: string | null = null): Row => ({ id, effectiveFrom: day(from), effectiveTo: to === null ? null : day(to) });
const idAt = (rows: readonly Row[], at: Date) => rowInForce(rows, at)?.id ?? null;

/** The brute force: every row that covers `at`, the one with the latest start. Independent of rowInForce. */
function bruteForce(rows: readonly Row[], at: Date): Row | null {
  const covering = rows.filter((r) => r.effectiveFrom.getTime() <= at.getTime() && (r.effectiveTo === null || at.getTime() < r.effectiveTo.getTime()));
  if (covering.length === 0) return null;
  const latest = Math.max(...covering.map((r) => r.effectiveFrom.getTime()));
  return covering.find((r) => r.effectiveFrom.getTime() === latest)!;
}

// Rows on a grid of days (2000-01-01 + n days), with distinct starts as the (key, effective_from) unique index makes them.
const BASE = day("2000-01-01").getTime();
const onGrid = (n: number) => new Date(BASE + n * DAY_MS);
const GRID = 400;

/** Any rows of one series: distinct start days, each with no end or an end after its start (possibly overlapping). */
const anyRowsArb = fc
  .uniqueArray(fc.integer({ min: 0, max: GRID }), { minLength: 0, maxLength: 8 })
  .chain((starts) =>
    fc.tuple(...starts.map((start) => fc.option(fc.integer({ min: start + 1, max: GRID + 50 }), { nil: null }))).map((ends) =>
      starts.map((start, i): Row => ({ id: `r${i}`, effectiveFrom: onGrid(start), effectiveTo: ends[i] === null || ends[i] === undefined ? null : onGrid(ends[i]!) })),
    ),
  );

/**
 * Rows as the application writes them: sorted by start, a row either has no end, or ends no earlier than any earlier
 * row ends (seed rows end where the next begins, or leave a gap; approved rows never end). So a later row never ends
 * inside an earlier, longer one.
 */
const wellFormedRowsArb = fc
  .uniqueArray(fc.integer({ min: 0, max: GRID }), { minLength: 1, maxLength: 8 })
  .map((starts) => [...starts].sort((a, b) => a - b))
  .chain((starts) =>
    fc
      .tuple(...starts.map(() => fc.tuple(fc.boolean(), fc.integer({ min: 1, max: 120 }))))
      .map((choices) => {
        const rows: Row[] = [];
        let latestEnd = -Infinity;
        let open = false;
        starts.forEach((start, i) => {
          const [ends, length] = choices[i]!;
          // Once a row is open-ended, later rows are too (a later row may not end inside it).
          if (!ends || open) {
            open = true;
            rows.push({ id: `r${i}`, effectiveFrom: onGrid(start), effectiveTo: null });
            return;
          }
          const end = Math.max(start + length, latestEnd);
          latestEnd = end;
          rows.push({ id: `r${i}`, effectiveFrom: onGrid(start), effectiveTo: onGrid(end) });
        });
        return rows;
      }),
  )
  // The input order does not matter: shuffle it.
  .chain((rows) => fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }));

/** An instant on or around the grid: exact day starts (the boundaries) and odd milliseconds in between. */
const instantArb = fc.oneof(
  fc.integer({ min: -5, max: GRID + 60 }).map(onGrid),
  fc.integer({ min: -5 * DAY_MS, max: (GRID + 60) * DAY_MS }).map((offset) => new Date(BASE + offset)),
  fc.tuple(fc.integer({ min: 0, max: GRID + 60 }), fc.constantFrom(-1, 1)).map(([n, delta]) => ms(onGrid(n), delta)),
);

describe("rowInForce", () => {
  const rows = [row("old", "2012-11-01", "2018-06-01"), row("mid", "2018-06-01", "2025-10-01"), row("now", "2025-10-01")];

  it("is the row whose start has come: in force exactly at effectiveFrom, not one millisecond before", () => {
    expect(idAt(rows, day("2018-06-01"))).toBe("mid");
    expect(idAt(rows, ms(day("2018-06-01"), -1))).toBe("old");
    expect(idAt(rows, day("2025-10-01"))).toBe("now");
    expect(idAt(rows, ms(day("2025-10-01"), -1))).toBe("mid");
    expect(idAt(rows, day("2012-11-01"))).toBe("old");
    expect(idAt(rows, ms(day("2012-11-01"), -1))).toBeNull();
  });

  it("treats effectiveTo as exclusive: the row governs up to the millisecond before it, not at it", () => {
    const ended = [row("only", "2014-10-01", "2020-02-01")];
    expect(idAt(ended, ms(day("2020-02-01"), -1))).toBe("only");
    expect(idAt(ended, day("2020-02-01"))).toBeNull();
    expect(idAt(ended, ms(day("2020-02-01"), 1))).toBeNull();
  });

  it("an open-ended row governs for ever after its start", () => {
    expect(idAt(rows, day("2099-12-31"))).toBe("now");
    expect(idAt(rows, new Date(8.64e15))).toBe("now");
  });

  it("a future row is not in force until its day, and then supersedes the open-ended row before it", () => {
    const withFuture = [...rows, row("future", "2031-03-11")];
    expect(idAt(withFuture, day("2031-03-10"))).toBe("now");
    expect(idAt(withFuture, ms(day("2031-03-11"), -1))).toBe("now");
    expect(idAt(withFuture, day("2031-03-11"))).toBe("future");
    expect(idAt(withFuture, day("2040-01-01"))).toBe("future");
  });

  it("of several rows that cover an instant, the latest start wins, whatever the order they come in", () => {
    const overlapping = [row("a", "2000-01-01"), row("c", "2010-01-01"), row("b", "2005-01-01")];
    expect(idAt(overlapping, day("2004-12-31"))).toBe("a");
    expect(idAt(overlapping, day("2007-01-01"))).toBe("b");
    expect(idAt(overlapping, day("2011-01-01"))).toBe("c");
    expect(idAt([...overlapping].reverse(), day("2011-01-01"))).toBe("c");
  });

  it("an earlier open-ended row shows through again once a later row has ended (the pricing engine's rule)", () => {
    const gapped = [row("base", "2000-01-01"), row("temporary", "2010-01-01", "2011-01-01")];
    expect(idAt(gapped, day("2010-06-01"))).toBe("temporary");
    expect(idAt(gapped, day("2011-01-01"))).toBe("base");
  });

  it("nothing is in force with no rows, or in a gap between an ended row and the next", () => {
    expect(rowInForce([], day("2020-01-01"))).toBeNull();
    const gap = [row("first", "2010-01-01", "2012-01-01"), row("second", "2013-01-01")];
    expect(idAt(gap, day("2012-06-01"))).toBeNull();
    expect(idAt(gap, day("2013-01-01"))).toBe("second");
  });

  it("returns the row object itself (the caller compares by identity)", () => {
    expect(rowInForce(rows, day("2020-01-01"))).toBe(rows[1]);
  });

  it("equals a brute-force scan of every row, for any rows and any instant", () => {
    fc.assert(
      fc.property(anyRowsArb, instantArb, (generated, at) => {
        expect(rowInForce(generated, at)).toBe(bruteForce(generated, at));
      }),
      RUNS,
    );
  });

  it("agrees with the SLA clocks' ruleInForce on the same rows", () => {
    fc.assert(
      fc.property(anyRowsArb, instantArb, (generated, at) => {
        const rules = generated.map((r) => ({ ...r, key: "K", days: 1, dayKind: "CALENDAR" as const, amberPercent: 75 }));
        expect(rowInForce(rules, at)?.id ?? null).toBe(ruleInForce(rules, "K", at)?.id ?? null);
      }),
      RUNS,
    );
  });
});

describe("policyTimeline", () => {
  it("lists each row's governing period oldest first, a row governing until the next starts", () => {
    const rows = [row("now", "2025-10-01"), row("old", "2012-11-01", "2018-06-01"), row("mid", "2018-06-01", "2025-10-01")];
    const { periods, gaps } = policyTimeline(rows);
    expect(periods.map((p) => [p.row.id, p.from, p.until])).toEqual([
      ["old", day("2012-11-01"), day("2018-06-01")],
      ["mid", day("2018-06-01"), day("2025-10-01")],
      ["now", day("2025-10-01"), null],
    ]);
    expect(gaps).toEqual([]);
    // The input is not reordered in place.
    expect(rows.map((r) => r.id)).toEqual(["now", "old", "mid"]);
  });

  it("an open-ended row is cut off where a later row starts (a later start supersedes it)", () => {
    const { periods, gaps } = policyTimeline([row("pch", "2018-08-15"), row("new", "2031-03-11")]);
    expect(periods.map((p) => [p.row.id, p.until])).toEqual([
      ["pch", day("2031-03-11")],
      ["new", null],
    ]);
    expect(gaps).toEqual([]);
  });

  it("a row that ends after the next starts governs only until the next starts", () => {
    const { periods, gaps } = policyTimeline([row("a", "2000-01-01", "2012-01-01"), row("b", "2010-01-01")]);
    expect(periods.map((p) => [p.row.id, p.from, p.until])).toEqual([
      ["a", day("2000-01-01"), day("2010-01-01")],
      ["b", day("2010-01-01"), null],
    ]);
    expect(gaps).toEqual([]);
  });

  it("shows the gap where a row ended before the next began, and after a last row that ended", () => {
    const { periods, gaps } = policyTimeline([row("first", "2010-01-01", "2012-01-01"), row("second", "2013-01-01", "2014-01-01")]);
    expect(periods.map((p) => [p.row.id, p.until])).toEqual([
      ["first", day("2012-01-01")],
      ["second", day("2014-01-01")],
    ]);
    expect(gaps).toEqual([
      { from: day("2012-01-01"), until: day("2013-01-01") },
      { from: day("2014-01-01"), until: null },
    ]);
  });

  it("a row ending exactly where the next begins leaves no gap", () => {
    expect(policyTimeline([row("a", "2010-01-01", "2012-01-01"), row("b", "2012-01-01")]).gaps).toEqual([]);
  });

  it("no rows, no periods and no gaps", () => {
    expect(policyTimeline([])).toEqual({ periods: [], gaps: [] });
  });

  it("the seed's administrative-surcharge history is one unbroken line of periods from 1970, ending with 3.8% open-ended", () => {
    const rows = PRICING_RATES.filter((r) => r.key === RATE_KEYS.adminSurcharge);
    const { periods, gaps } = policyTimeline(rows);
    expect(gaps).toEqual([]);
    expect(periods.map((p) => p.row.value)).toEqual(["0.02", "0.03", "0.025", "0.038", "0.035", "0.032", "0.038"]);
    expect(periods[0]!.from).toEqual(day("1970-01-01"));
    expect(periods.at(-1)!.until).toBeNull();
  });

  it("for rows as the application writes them: periods never overlap, touch end to start or leave a listed gap, and agree with rowInForce at every instant", () => {
    fc.assert(
      fc.property(wellFormedRowsArb, instantArb, (rows, at) => {
        const { periods, gaps } = policyTimeline(rows);
        expect(periods).toHaveLength(rows.length);
        // Oldest first, each period non-empty and ending no later than the next begins.
        for (let i = 0; i < periods.length; i++) {
          const p = periods[i]!;
          expect(p.from).toBe(p.row.effectiveFrom);
          if (p.until !== null) expect(p.until.getTime()).toBeGreaterThan(p.from.getTime());
          const next = periods[i + 1];
          if (next) {
            expect(p.until).not.toBeNull();
            expect(p.until!.getTime()).toBeLessThanOrEqual(next.from.getTime());
            // Either the periods touch, or the gap between them is listed.
            if (p.until!.getTime() < next.from.getTime()) expect(gaps).toContainEqual({ from: p.until, until: next.from });
          }
        }
        // Every gap lies between periods and inside no period.
        for (const gap of gaps) {
          for (const p of periods) {
            const overlaps = p.from.getTime() < (gap.until?.getTime() ?? Infinity) && gap.from.getTime() < (p.until?.getTime() ?? Infinity);
            expect(overlaps).toBe(false);
          }
        }
        // The period covering `at` (if any) belongs to the row in force at `at`, and vice versa.
        const covering = periods.filter((p) => p.from.getTime() <= at.getTime() && (p.until === null || at.getTime() < p.until.getTime()));
        expect(covering.length).toBeLessThanOrEqual(1);
        expect(covering[0]?.row ?? null).toBe(rowInForce(rows, at));
        // An instant in a listed gap has no row in force.
        const inGap = gaps.some((g) => g.from.getTime() <= at.getTime() && (g.until === null || at.getTime() < g.until.getTime()));
        if (inGap) expect(rowInForce(rows, at)).toBeNull();
      }),
      RUNS,
    );
  });
});

describe("earliestEffectiveDay", () => {
  it("is midnight UTC of today, from the first to the last millisecond of the day", () => {
    expect(earliestEffectiveDay(day("2030-05-10"))).toEqual(day("2030-05-10"));
    expect(earliestEffectiveDay(new Date("2030-05-10T23:59:59.999Z"))).toEqual(day("2030-05-10"));
    expect(earliestEffectiveDay(new Date("2030-05-11T00:00:00.000Z"))).toEqual(day("2030-05-11"));
  });
});

describe("proposalProblems", () => {
  const NOW = new Date("2030-05-10T14:30:00Z");
  const TODAY = day("2030-05-10");
  const series = (key: string) => policySeries(key)!;
  const surcharge = series(RATE_KEYS.adminSurcharge);
  const threshold = series(RATE_KEYS.cnThreshold.OTHER.MDE);
  const review = series(WORKFLOW_RULE_KEYS.review.DSCA);
  const rate = (value: string | null | undefined, effectiveFrom = TODAY) => proposalProblems(surcharge, { value, effectiveFrom }, NOW);
  const dollars = (value: string | null | undefined, effectiveFrom = TODAY) => proposalProblems(threshold, { value, effectiveFrom }, NOW);
  const clock = (fields: ProposedValue, effectiveFrom = TODAY) =>
    proposalProblems(review, { days: 12, dayKind: "BUSINESS", amberPercent: 75, ...fields, effectiveFrom }, NOW);

  describe("the effective date", () => {
    it("today (even later the same day than midnight) and any later day are accepted", () => {
      expect(rate("0.035", TODAY)).toEqual({});
      expect(rate("0.035", day("2030-05-11"))).toEqual({});
      expect(rate("0.035", day("2099-01-01"))).toEqual({});
      expect(proposalProblems(surcharge, { value: "0.035", effectiveFrom: TODAY }, new Date("2030-05-10T23:59:59.999Z"))).toEqual({});
    });

    it("yesterday, or a millisecond before today began, is refused on effectiveFrom, naming today", () => {
      expect(rate("0.035", day("2030-05-09"))).toEqual({ effectiveFrom: expect.stringContaining("today (2030-05-10) or later") });
      expect(Object.keys(rate("0.035", ms(TODAY, -1)))).toEqual(["effectiveFrom"]);
      expect(Object.keys(clock({}, day("2001-01-01")))).toEqual(["effectiveFrom"]);
    });

    it("a past date and a bad value are both reported", () => {
      expect(Object.keys(rate("1.5", day("2030-05-09"))).sort()).toEqual(["effectiveFrom", "value"]);
    });
  });

  describe("percentages (stored as fractions)", () => {
    it.each(["0", "0.035", "0.038", "0.5", "0.999999", "0.123456", ".035", "0.0350000"])("accepts %s", (value) => {
      expect(rate(value)).toEqual({});
    });

    it.each(["1", "1.0", "3.5", "-0.01", "-0"])("refuses %s as outside 0 to under 1", (value) => {
      expect(rate(value)).toEqual({ value: "Enter the rate as a fraction from 0 to under 1 (0.035 is 3.5%)" });
    });

    it("refuses more than six decimal places", () => {
      expect(rate("0.0350001")).toEqual({ value: "Use at most 6 decimal places (0.0001%)" });
    });

    it.each([null, undefined, "", "   ", "abc", "3.5%", "Infinity", "NaN"])("refuses %j as no number", (value) => {
      expect(rate(value)).toEqual({ value: "Enter the new value as a number" });
    });

    it("every percentage series is checked the same way", () => {
      for (const s of POLICY_SERIES.filter((x) => x.unit === "PERCENT")) {
        expect(proposalProblems(s, { value: "1", effectiveFrom: TODAY }, NOW), s.key).toHaveProperty("value");
        expect(proposalProblems(s, { value: "0.0275", effectiveFrom: TODAY }, NOW), s.key).toEqual({});
      }
    });
  });

  describe("dollar amounts", () => {
    it.each(["0", "14000000", "14000000.5", "14000000.50", "200", "0.01", "25000000.00"])("accepts %s", (value) => {
      expect(dollars(value)).toEqual({});
    });

    it("allows amounts of a dollar and more (a threshold is no fraction)", () => {
      expect(dollars("1")).toEqual({});
      expect(dollars("300000000")).toEqual({});
    });

    it.each(["14000000.001", "0.005", "-1", "-0.01"])("refuses %s (negative, or finer than a cent)", (value) => {
      expect(dollars(value)).toEqual({ value: "Enter a dollar amount of zero or more, to the cent" });
    });

    it.each([null, "", "fourteen million"])("refuses %j as no number", (value) => {
      expect(dollars(value)).toEqual({ value: "Enter the new value as a number" });
    });

    it("the SDR minimum value is dollars too", () => {
      const minimum = series(SDR_RULE_KEYS.minimumValue);
      expect(proposalProblems(minimum, { value: "250.00", effectiveFrom: TODAY }, NOW)).toEqual({});
      expect(proposalProblems(minimum, { value: "250.001", effectiveFrom: TODAY }, NOW)).toHaveProperty("value");
    });
  });

  describe("clocks (days)", () => {
    it("accepts whole days from 1 to 3650, calendar or business, amber 1 to 99", () => {
      expect(clock({})).toEqual({});
      expect(clock({ days: 1, dayKind: "CALENDAR", amberPercent: 1 })).toEqual({});
      expect(clock({ days: 3650, dayKind: "BUSINESS", amberPercent: 99 })).toEqual({});
    });

    it.each([0, -1, 3651, 1.5, Number.NaN, null, undefined])("refuses %s days", (days) => {
      expect(clock({ days })).toEqual({ days: "Enter a whole number of days from 1 to 3650" });
    });

    it.each([null, undefined, "WORKING" as "CALENDAR"])("refuses the kind of days %j", (dayKind) => {
      expect(clock({ dayKind })).toEqual({ dayKind: "Choose calendar or business days" });
    });

    it.each([0, 100, -5, 50.5, null, undefined])("refuses amber at %s percent", (amberPercent) => {
      expect(clock({ amberPercent })).toEqual({ amberPercent: "Enter the share of the target at which it turns amber, from 1 to 99 percent" });
    });

    it("does not look at a value for a clock, nor at days for a rate", () => {
      expect(clock({ value: "not a number" })).toEqual({});
      expect(rate("0.035")).toEqual({});
      expect(proposalProblems(surcharge, { value: "0.035", days: -4, dayKind: null, amberPercent: 500, effectiveFrom: TODAY }, NOW)).toEqual({});
    });

    it("reports every bad field of a clock at once", () => {
      expect(Object.keys(proposalProblems(review, { days: 0, dayKind: null, amberPercent: 0, effectiveFrom: day("2030-05-09") }, NOW)).sort()).toEqual([
        "amberPercent",
        "dayKind",
        "days",
        "effectiveFrom",
      ]);
    });
  });

  it("fractions from 0 to under 1 with up to six decimals are exactly the accepted percentages (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -2_000_000, max: 2_000_000 }), fc.integer({ min: 0, max: 8 }), (units, places) => {
        // units × 10^-places, written out exactly.
        const negative = units < 0;
        const digits = String(Math.abs(units)).padStart(places + 1, "0");
        const text = `${negative ? "-" : ""}${places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`}`;
        const trimmedPlaces = places === 0 ? 0 : digits.slice(-places).replace(/0+$/, "").length;
        const ok = units >= 0 && units < 10 ** places && trimmedPlaces <= 6;
        expect(Object.keys(rate(text)).length === 0, text).toBe(ok);
      }),
      RUNS,
    );
  });
});

describe("formatPolicyValue", () => {
  const of = (key: string) => policySeries(key)!;

  it.each([
    ["0.035", "3.5%"],
    ["0.038", "3.8%"],
    ["0.0275", "2.75%"],
    ["0.01", "1%"],
    ["0", "0%"],
    ["0.5", "50%"],
    ["0.123456", "12.3456%"],
    ["0.1234567", "12.3457%"],
  ])("a rate %s reads %s", (value, expected) => {
    expect(formatPolicyValue(of(RATE_KEYS.adminSurcharge), { value })).toBe(expected);
  });

  it.each([
    ["14000000", "$14,000,000"],
    ["14000000.00", "$14,000,000"],
    ["25000000.5", "$25,000,000.50"],
    ["1234567.89", "$1,234,567.89"],
    ["200", "$200"],
    ["1000", "$1,000"],
    ["0", "$0"],
    ["0.07", "$0.07"],
    ["999999.999", "$1,000,000"],
  ])("dollars %s read %s", (value, expected) => {
    expect(formatPolicyValue(of(RATE_KEYS.cnThreshold.NATO_PLUS.TOTAL), { value })).toBe(expected);
  });

  it("clocks read as days of their kind, singular for one", () => {
    const review = of(WORKFLOW_RULE_KEYS.review.DSCA);
    expect(formatPolicyValue(review, { days: 12, dayKind: "BUSINESS" })).toBe("12 business days");
    expect(formatPolicyValue(review, { days: 20, dayKind: "CALENDAR" })).toBe("20 calendar days");
    expect(formatPolicyValue(review, { days: 1, dayKind: "BUSINESS" })).toBe("1 business day");
    expect(formatPolicyValue(review, { days: 1, dayKind: "CALENDAR" })).toBe("1 calendar day");
  });
});

describe("POLICY_SERIES", () => {
  const keys = POLICY_SERIES.map((s) => s.key);
  const byKey = (key: string) => POLICY_SERIES.find((s) => s.key === key);
  const rateKeys = [
    RATE_KEYS.adminSurcharge,
    RATE_KEYS.contractAdministration,
    RATE_KEYS.packingCratingHandling,
    RATE_KEYS.defaultProcurementShare,
    ...Object.values(RATE_KEYS.transport),
  ];
  const thresholdKeys = Object.values(RATE_KEYS.cnThreshold).flatMap((group) => Object.values(group));

  it("has each key once", () => {
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("holds every pricing rate as a percentage and every notification threshold in dollars, in the pricing table", () => {
    for (const key of rateKeys) expect(byKey(key), key).toMatchObject({ table: "PRICING_RATE", unit: "PERCENT" });
    for (const key of thresholdKeys) expect(byKey(key), key).toMatchObject({ table: "PRICING_RATE", unit: "DOLLARS" });
    expect(thresholdKeys).toHaveLength(6);
  });

  it("holds every clock the workflow, the letters and SDRs read, in days, in the SLA table", () => {
    const clockKeys = [
      SLA_KEYS.lorValidation,
      ...Object.values(WORKFLOW_RULE_KEYS.review),
      WORKFLOW_RULE_KEYS.cnInformalReview,
      WORKFLOW_RULE_KEYS.cnFormalNatoPlus,
      WORKFLOW_RULE_KEYS.cnFormalOther,
      WORKFLOW_RULE_KEYS.offerValidity,
      ...Object.values(STATUS_SLA_KEYS),
      SDR_RULE_KEYS.filingWindow,
      SDR_RULE_KEYS.decision,
      SDR_RULE_KEYS.reconsideration,
    ];
    for (const key of clockKeys) expect(byKey(key), key).toMatchObject({ table: "SLA_RULE", unit: "DAYS" });
    expect(byKey(SDR_RULE_KEYS.minimumValue)).toMatchObject({ table: "PRICING_RATE", unit: "DOLLARS" });
  });

  it("covers every series the seed loads, in the table the seed loads it into, and nothing else", () => {
    const seeded = new Map<string, string>([
      ...PRICING_RATES.map((r) => [r.key, "PRICING_RATE"] as [string, string]),
      ...SLA_RULES.map((r) => [r.key, "SLA_RULE"] as [string, string]),
    ]);
    expect(new Set(keys)).toEqual(new Set(seeded.keys()));
    for (const [key, table] of seeded) expect(policySeries(key)?.table, key).toBe(table);
  });

  it("every series has a table, a group and a readable label, and keys fit the 40-character column", () => {
    for (const s of POLICY_SERIES) {
      expect(POLICY_TABLES).toContain(s.table);
      expect(s.group.length).toBeGreaterThan(0);
      expect(s.label.length).toBeGreaterThan(3);
      expect(s.label).not.toBe(s.key);
      expect(s.key.length).toBeLessThanOrEqual(40);
      expect(s.unit === "DAYS").toBe(s.table === "SLA_RULE");
    }
  });

  it("policySeries finds a series by key and nothing for an unknown key", () => {
    const surcharge: PolicySeries | undefined = policySeries(RATE_KEYS.adminSurcharge);
    expect(surcharge).toMatchObject({ key: "ADMIN_SURCHARGE", label: "Administrative surcharge", unit: "PERCENT" });
    expect(policySeries("NO_SUCH_SERIES")).toBeUndefined();
    expect(policySeries("")).toBeUndefined();
  });
});
