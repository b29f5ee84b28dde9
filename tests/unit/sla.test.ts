import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  AGING_LABELS,
  agingOf,
  amberMoment,
  businessDaysBefore,
  businessTimeBetween,
  dueDate,
  isBusinessDay,
  ruleInForce,
  startOfNextUtcDay,
  startOfUtcDay,
  wholeDaysBetween,
  type SlaRule,
} from "@/domain/sla";

const DAY = 86_400_000;
const at = (iso: string) => new Date(iso);

// 2026-01-01 is a Thursday; 2026-01-02 a Friday; 2026-01-19 (Monday) is Martin Luther King Jr. Day.
describe("isBusinessDay", () => {
  it.each([
    ["2026-01-02T12:00:00Z", true], // Friday
    ["2026-01-03T12:00:00Z", false], // Saturday
    ["2026-01-04T12:00:00Z", false], // Sunday
    ["2026-01-05T00:00:00Z", true], // Monday, first instant
    ["2026-01-04T23:59:59.999Z", false], // Sunday, last instant (UTC)
  ])("%s → %s", (iso, expected) => {
    expect(isBusinessDay(at(iso))).toBe(expected);
  });

  it("a listed holiday is not a business day", () => {
    expect(isBusinessDay(at("2026-01-19T10:00:00Z"), new Set(["2026-01-19"]))).toBe(false);
    expect(isBusinessDay(at("2026-01-19T10:00:00Z"))).toBe(true);
  });
});

describe("dueDate", () => {
  it("calendar days count every day, weekends included, keeping the time of day", () => {
    expect(dueDate(at("2026-01-02T15:30:00Z"), { days: 1, dayKind: "CALENDAR" })).toEqual(at("2026-01-03T15:30:00Z"));
    expect(dueDate(at("2026-01-02T15:30:00Z"), { days: 5, dayKind: "CALENDAR" })).toEqual(at("2026-01-07T15:30:00Z"));
    expect(dueDate(at("2026-01-02T15:30:00Z"), { days: 30, dayKind: "CALENDAR" })).toEqual(at("2026-02-01T15:30:00Z"));
  });

  it("calendar days ignore holidays", () => {
    expect(dueDate(at("2026-01-18T09:00:00Z"), { days: 1, dayKind: "CALENDAR" }, new Set(["2026-01-19"]))).toEqual(
      at("2026-01-19T09:00:00Z"),
    );
  });

  it.each([
    ["Friday + 1 business day → Monday", "2026-01-02T15:30:00Z", 1, "2026-01-05T15:30:00Z"],
    ["Thursday + 1 → Friday", "2026-01-01T08:00:00Z", 1, "2026-01-02T08:00:00Z"],
    ["Friday + 5 → next Friday", "2026-01-02T08:00:00Z", 5, "2026-01-09T08:00:00Z"],
    ["Saturday + 1 → Monday", "2026-01-03T08:00:00Z", 1, "2026-01-05T08:00:00Z"],
    ["Sunday + 1 → Monday", "2026-01-04T08:00:00Z", 1, "2026-01-05T08:00:00Z"],
    ["Monday + 10 → Monday two weeks on", "2026-01-05T08:00:00Z", 10, "2026-01-19T08:00:00Z"],
  ])("%s", (_name, start, days, expected) => {
    expect(dueDate(at(start), { days, dayKind: "BUSINESS" })).toEqual(at(expected));
  });

  it("business days skip holidays: Friday + 1 over a Monday holiday → Tuesday", () => {
    const holidays = new Set(["2026-01-19"]);
    expect(dueDate(at("2026-01-16T15:30:00Z"), { days: 1, dayKind: "BUSINESS" }, holidays)).toEqual(at("2026-01-20T15:30:00Z"));
  });

  it("business days skip consecutive holidays (Christmas to New Year)", () => {
    const holidays = new Set(["2025-12-25", "2025-12-26", "2026-01-01"]);
    // Wednesday 24 Dec + 3 business days: skip Thu 25, Fri 26 (holidays), Sat, Sun; Mon 29, Tue 30, Wed 31.
    expect(dueDate(at("2025-12-24T12:00:00Z"), { days: 3, dayKind: "BUSINESS" }, holidays)).toEqual(at("2025-12-31T12:00:00Z"));
    // + 4: skip Thu 1 Jan → Fri 2 Jan.
    expect(dueDate(at("2025-12-24T12:00:00Z"), { days: 4, dayKind: "BUSINESS" }, holidays)).toEqual(at("2026-01-02T12:00:00Z"));
  });

  it("a holiday that falls on a weekend changes nothing", () => {
    expect(dueDate(at("2026-01-02T08:00:00Z"), { days: 1, dayKind: "BUSINESS" }, new Set(["2026-01-03"]))).toEqual(
      at("2026-01-05T08:00:00Z"),
    );
  });

  it("zero days is due at the start", () => {
    expect(dueDate(at("2026-01-03T08:00:00Z"), { days: 0, dayKind: "BUSINESS" })).toEqual(at("2026-01-03T08:00:00Z"));
    expect(dueDate(at("2026-01-03T08:00:00Z"), { days: 0, dayKind: "CALENDAR" })).toEqual(at("2026-01-03T08:00:00Z"));
  });

  it("does not modify the start date", () => {
    const start = at("2026-01-02T08:00:00Z");
    dueDate(start, { days: 3, dayKind: "BUSINESS" });
    expect(start.toISOString()).toBe("2026-01-02T08:00:00.000Z");
  });
});

describe("ruleInForce", () => {
  const rule = (key: string, days: number, from: string, to: string | null): SlaRule => ({
    key,
    days,
    dayKind: "CALENDAR",
    amberPercent: 75,
    effectiveFrom: at(from),
    effectiveTo: to === null ? null : at(to),
  });
  const rules = [
    rule("LOR_VALIDATION", 10, "2001-01-01T00:00:00Z", "2016-06-01T00:00:00Z"),
    rule("LOR_VALIDATION", 5, "2016-06-01T00:00:00Z", null),
    rule("CASE_DEVELOPMENT", 150, "2010-01-01T00:00:00Z", null),
  ];

  it.each([
    ["before any rule", "2000-12-31T23:59:59.999Z", null],
    ["at the first rule's start (inclusive)", "2001-01-01T00:00:00Z", 10],
    ["inside the first rule", "2010-05-05T00:00:00Z", 10],
    ["1 ms before the first rule ends", "2016-05-31T23:59:59.999Z", 10],
    ["at the first rule's end (exclusive): the new rule applies", "2016-06-01T00:00:00Z", 5],
    ["long after, under the open-ended rule", "2030-01-01T00:00:00Z", 5],
  ])("%s → %s days", (_name, when, expected) => {
    expect(ruleInForce(rules, "LOR_VALIDATION", at(when))?.days ?? null).toBe(expected);
  });

  it("only considers rules with the asked key", () => {
    expect(ruleInForce(rules, "CASE_DEVELOPMENT", at("2026-01-01T00:00:00Z"))?.days).toBe(150);
    expect(ruleInForce(rules, "NO_SUCH_CLOCK", at("2026-01-01T00:00:00Z"))).toBeNull();
    expect(ruleInForce([], "LOR_VALIDATION", at("2026-01-01T00:00:00Z"))).toBeNull();
  });

  it("a rule whose window has closed with no successor leaves no rule", () => {
    const closed = [rule("MASL", 10, "2020-01-01T00:00:00Z", "2021-01-01T00:00:00Z")];
    expect(ruleInForce(closed, "MASL", at("2021-01-01T00:00:00Z"))).toBeNull();
  });

  it("when rows overlap the latest start wins, whatever the order given", () => {
    const overlapping = [
      rule("K", 30, "2020-01-01T00:00:00Z", null),
      rule("K", 20, "2024-01-01T00:00:00Z", null),
      rule("K", 25, "2022-01-01T00:00:00Z", null),
    ];
    expect(ruleInForce(overlapping, "K", at("2025-01-01T00:00:00Z"))?.days).toBe(20);
    expect(ruleInForce([...overlapping].reverse(), "K", at("2023-01-01T00:00:00Z"))?.days).toBe(25);
  });

  it("returns the rule object itself (with any extra fields)", () => {
    const withId = [{ ...rule("K", 5, "2020-01-01T00:00:00Z", null), id: "rule-1" }];
    expect(ruleInForce(withId, "K", at("2021-01-01T00:00:00Z"))?.id).toBe("rule-1");
  });
});

describe("agingOf", () => {
  const start = at("2026-03-02T00:00:00Z"); // Monday
  const tenCalendarDays = { days: 10, dayKind: "CALENDAR" as const, amberPercent: 75 };
  const due = new Date(start.getTime() + 10 * DAY);
  const after = (ms: number) => new Date(start.getTime() + ms);

  it.each([
    ["at the start", 0, "ON_TRACK", 0],
    ["half way", 5 * DAY, "ON_TRACK", 50],
    ["1 ms before the amber share", 7.5 * DAY - 1, "ON_TRACK", 74],
    ["exactly at the amber share (75%)", 7.5 * DAY, "DUE_SOON", 75],
    ["exactly at the due moment", 10 * DAY, "DUE_SOON", 100],
    ["1 ms after due", 10 * DAY + 1, "OVERDUE", 100],
    ["two days late", 12 * DAY, "OVERDUE", 120],
  ] as const)("running clock %s → %s (%s%)", (_name, elapsed, state, percent) => {
    const aging = agingOf(start, tenCalendarDays, after(elapsed));
    expect(aging.state).toBe(state);
    expect(aging.percentElapsed).toBe(percent);
    expect(aging.dueAt).toEqual(due);
    expect(aging.targetDays).toBe(10);
    expect(aging.dayKind).toBe("CALENDAR");
  });

  it("a clock read before it started is on track at 0%", () => {
    expect(agingOf(start, tenCalendarDays, after(-DAY))).toMatchObject({ state: "ON_TRACK", percentElapsed: 0 });
  });

  it.each([
    ["well before due", 2 * DAY, "MET", 20],
    ["exactly at due", 10 * DAY, "MET", 100],
    ["1 ms after due", 10 * DAY + 1, "MISSED", 100],
    ["three days late", 13 * DAY, "MISSED", 130],
  ] as const)("stopped clock %s → %s", (_name, stoppedAfter, state, percent) => {
    // "now" is long after; a stopped clock reports how it ended, not how late it is now.
    const aging = agingOf(start, tenCalendarDays, after(40 * DAY), { stoppedAt: after(stoppedAfter) });
    expect(aging.state).toBe(state);
    expect(aging.percentElapsed).toBe(percent);
  });

  it("a different amber share moves the DUE_SOON boundary", () => {
    const rule = { ...tenCalendarDays, amberPercent: 50 };
    expect(agingOf(start, rule, after(5 * DAY - 1)).state).toBe("ON_TRACK");
    expect(agingOf(start, rule, after(5 * DAY)).state).toBe("DUE_SOON");
  });

  it("business-day clocks: 5 business days from Monday fall due the next Monday; Friday evening is still on track or due soon, never overdue", () => {
    const rule = { days: 5, dayKind: "BUSINESS" as const, amberPercent: 75 };
    const monday = at("2026-03-02T09:00:00Z");
    const aging = agingOf(monday, rule, at("2026-03-06T18:00:00Z"));
    expect(aging.dueAt).toEqual(at("2026-03-09T09:00:00Z"));
    expect(aging.state).not.toBe("OVERDUE");
    expect(agingOf(monday, rule, at("2026-03-09T09:00:00.001Z")).state).toBe("OVERDUE");
  });

  it("holidays push the due date, so a clock is not overdue on a holiday-extended target", () => {
    const rule = { days: 1, dayKind: "BUSINESS" as const, amberPercent: 75 };
    const friday = at("2026-01-16T12:00:00Z");
    const mondayEvening = at("2026-01-19T18:00:00Z");
    expect(agingOf(friday, rule, mondayEvening).state).toBe("OVERDUE");
    expect(agingOf(friday, rule, mondayEvening, { holidays: new Set(["2026-01-19"]) }).state).not.toBe("OVERDUE");
  });

  it("every state has a label", () => {
    expect(AGING_LABELS).toEqual({
      ON_TRACK: "On track",
      DUE_SOON: "Due soon",
      OVERDUE: "Overdue",
      MET: "Target met",
      MISSED: "Target missed",
    });
  });
});

// The amber flag must mean the same thing whatever the weekday (issue 17): a business-day target is measured in
// business days, so the same business-day age reads the same share on every day of the week and across a holiday.
describe("business-day aging does not depend on the weekday", () => {
  const tenBusinessDays = { days: 10, dayKind: "BUSINESS" as const, amberPercent: 75 };
  const fourBusinessDays = { days: 4, dayKind: "BUSINESS" as const, amberPercent: 75 };
  // Monday 2026-03-02 to Sunday 2026-03-08, read at 15:00 UTC and at 00:30 UTC.
  const week = ["02", "03", "04", "05", "06", "07", "08"];
  const weekday = (day: string, time: string) => at(`2026-03-${day}T${time}Z`);
  // A clock whose whole target has elapsed fell due at its last business-day landing: read on a weekend, that moment
  // (Friday) has passed, so it is overdue at 100%; read on a business day it is due this very moment.
  const dueMomentPassedOnWeekend = (now: Date, age: number, target: number) => age === target && !isBusinessDay(now);

  describe.each(week.flatMap((day) => ["15:00:00", "00:30:00"].map((time) => weekday(day, time))))("read at %s", (now) => {
    it.each([
      [7, "ON_TRACK", 70],
      [8, "DUE_SOON", 80],
      [9, "DUE_SOON", 90],
      [10, "DUE_SOON", 100],
      [11, "OVERDUE", 110],
    ] as const)("%s business days into a 10-business-day target → %s (%s%)", (age, state, percent) => {
      const aging = agingOf(businessDaysBefore(now, age), tenBusinessDays, now);
      expect(aging.state).toBe(dueMomentPassedOnWeekend(now, age, 10) ? "OVERDUE" : state);
      expect(aging.percentElapsed).toBe(percent);
    });

    it.each([
      [2, "ON_TRACK", 50],
      [3, "DUE_SOON", 75],
      [4, "DUE_SOON", 100],
      [5, "OVERDUE", 125],
    ] as const)("at and one business day either side of 75%% and 100%% of a 4-day target: %s days → %s", (age, state, percent) => {
      const aging = agingOf(businessDaysBefore(now, age), fourBusinessDays, now);
      expect(aging.state).toBe(dueMomentPassedOnWeekend(now, age, 4) ? "OVERDUE" : state);
      expect(aging.percentElapsed).toBe(percent);
    });
  });

  it("exactly at the due moment a clock is due soon at 100%; 1 ms later it is overdue", () => {
    const start = at("2026-03-05T15:00:00Z"); // Thursday
    const due = dueDate(start, fourBusinessDays);
    expect(due).toEqual(at("2026-03-11T15:00:00Z"));
    expect(agingOf(start, fourBusinessDays, due)).toMatchObject({ state: "DUE_SOON", percentElapsed: 100 });
    expect(agingOf(start, fourBusinessDays, new Date(due.getTime() + 1)).state).toBe("OVERDUE");
  });

  it("a weekend adds nothing: a clock read on Friday evening, Saturday and Sunday shows the same share", () => {
    const start = at("2026-03-02T15:00:00Z"); // Monday
    const friday = agingOf(start, tenBusinessDays, at("2026-03-06T15:00:00Z"));
    const saturday = agingOf(start, tenBusinessDays, at("2026-03-07T12:00:00Z"));
    const sunday = agingOf(start, tenBusinessDays, at("2026-03-08T15:00:00Z"));
    expect(friday.percentElapsed).toBe(40);
    expect(saturday.percentElapsed).toBe(40);
    expect(sunday.percentElapsed).toBe(40);
  });

  it("a calendar-day rule still counts the weekend", () => {
    const start = at("2026-03-02T15:00:00Z");
    const rule = { days: 10, dayKind: "CALENDAR" as const, amberPercent: 75 };
    expect(agingOf(start, rule, at("2026-03-08T15:00:00Z")).percentElapsed).toBe(60);
  });

  describe("across a holiday (Monday 2026-01-19, Martin Luther King Jr. Day)", () => {
    const holidays = new Set(["2026-01-19"]);
    it.each(["2026-01-19T15:00:00Z", "2026-01-20T15:00:00Z", "2026-01-23T15:00:00Z", "2026-01-26T15:00:00Z"])(
      "read at %s: eight business days are 80%%, amber, and seven are 70%%",
      (iso) => {
        const now = at(iso);
        expect(agingOf(businessDaysBefore(now, 8, holidays), tenBusinessDays, now, { holidays })).toMatchObject({
          state: "DUE_SOON",
          percentElapsed: 80,
        });
        expect(agingOf(businessDaysBefore(now, 7, holidays), tenBusinessDays, now, { holidays })).toMatchObject({
          state: "ON_TRACK",
          percentElapsed: 70,
        });
      },
    );

    it("the holiday adds no business time", () => {
      const friday = at("2026-01-16T15:00:00Z");
      expect(businessTimeBetween(friday, at("2026-01-20T15:00:00Z"), holidays)).toBe(DAY);
      expect(businessTimeBetween(friday, at("2026-01-20T15:00:00Z"))).toBe(2 * DAY);
    });
  });

  it("business time is never negative and counts the part of a business day in progress", () => {
    const monday = at("2026-03-02T15:00:00Z");
    expect(businessTimeBetween(monday, at("2026-03-01T00:00:00Z"))).toBe(0);
    expect(businessTimeBetween(monday, at("2026-03-02T21:00:00Z"))).toBe(DAY / 4);
    expect(businessTimeBetween(at("2026-03-06T15:00:00Z"), at("2026-03-07T03:00:00Z"))).toBe(0); // Friday → Saturday
  });

  it("businessDaysBefore keeps the time of day and skips weekends", () => {
    expect(businessDaysBefore(at("2026-03-07T15:00:00Z"), 8)).toEqual(at("2026-02-24T15:00:00Z")); // Saturday → Tuesday
    expect(businessDaysBefore(at("2026-03-04T15:00:00Z"), 0)).toEqual(at("2026-03-04T15:00:00Z"));
  });
});

describe("businessTimeBetween counts whole weeks arithmetically, exactly as walking day by day would", () => {
  /** The definition, walked one day at a time (slow for clocks that have run for years). */
  function walked(start: Date, end: Date, holidays: ReadonlySet<string>) {
    const total = end.getTime() - start.getTime();
    if (total <= 0) return 0;
    const whole = Math.floor(total / DAY);
    let elapsed = 0;
    for (let day = 1; day <= whole; day += 1) if (isBusinessDay(new Date(start.getTime() + day * DAY), holidays)) elapsed += DAY;
    if (isBusinessDay(new Date(start.getTime() + (whole + 1) * DAY), holidays)) elapsed += total - whole * DAY;
    return elapsed;
  }
  const instant = fc.integer({ min: Date.parse("2024-01-01T00:00:00Z"), max: Date.parse("2027-12-31T00:00:00Z") }).map((t) => new Date(t));
  const holidaySet = fc.array(fc.integer({ min: 0, max: 1460 }), { maxLength: 12 }).map(
    (days) => new Set(days.map((d) => new Date(Date.parse("2024-01-01T00:00:00Z") + d * DAY).toISOString().slice(0, 10))),
  );
  it("for any start, end and holidays", () => {
    fc.assert(
      fc.property(instant, instant, holidaySet, (start, end, holidays) => {
        expect(businessTimeBetween(start, end, holidays)).toBe(walked(start, end, holidays));
      }),
      { numRuns: 400 },
    );
  });
});

describe("amberMoment: the first instant a running clock reads due soon", () => {
  const rules = [
    { days: 10, dayKind: "BUSINESS" as const, amberPercent: 75 },
    { days: 4, dayKind: "BUSINESS" as const, amberPercent: 75 },
    { days: 30, dayKind: "CALENDAR" as const, amberPercent: 75 },
    { days: 5, dayKind: "BUSINESS" as const, amberPercent: 50 },
    { days: 7, dayKind: "CALENDAR" as const, amberPercent: 80 },
  ];
  const starts = ["2026-03-02T15:00:00Z", "2026-03-06T23:30:00Z", "2026-03-07T10:00:00Z", "2026-01-16T12:00:00Z"];
  it.each(rules.flatMap((rule) => starts.map((start) => [rule, start] as const)))("%o from %s", (rule, start) => {
    const holidays = new Set(["2026-01-19"]);
    const amber = amberMoment(at(start), rule, holidays);
    expect(agingOf(at(start), rule, new Date(amber.getTime() - 1), { holidays }).state).toBe("ON_TRACK");
    expect(agingOf(at(start), rule, amber, { holidays }).state).toBe("DUE_SOON");
    expect(amber.getTime()).toBeLessThan(dueDate(at(start), rule, holidays).getTime());
  });
});

describe("wholeDaysBetween", () => {
  it.each([
    ["2026-01-01T00:00:00Z", "2026-01-01T23:59:59Z", 0],
    ["2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z", 1],
    ["2026-01-01T12:00:00Z", "2026-01-04T11:59:59Z", 2],
    ["2026-01-05T00:00:00Z", "2026-01-01T00:00:00Z", 0],
  ])("%s → %s: %s days", (from, to, days) => {
    expect(wholeDaysBetween(at(from), at(to))).toBe(days);
  });
});

describe("whole-day filter bounds", () => {
  it.each([
    ["2026-03-07", "2026-03-07T00:00:00.000Z", "2026-03-08T00:00:00.000Z"],
    ["2026-02-28", "2026-02-28T00:00:00.000Z", "2026-03-01T00:00:00.000Z"],
    ["2028-02-28", "2028-02-28T00:00:00.000Z", "2028-02-29T00:00:00.000Z"], // leap year
    ["2026-12-31", "2026-12-31T00:00:00.000Z", "2027-01-01T00:00:00.000Z"],
  ])("%s runs from %s up to (not including) %s, in UTC", (day, start, next) => {
    expect(startOfUtcDay(day).toISOString()).toBe(start);
    expect(startOfNextUtcDay(day).toISOString()).toBe(next);
  });

  it("a day's last millisecond is inside it and the next day's first is not", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T23:59:59Z"), noInvalidDate: true }), (instant) => {
        const day = instant.toISOString().slice(0, 10);
        expect(startOfUtcDay(day).getTime()).toBeLessThanOrEqual(instant.getTime());
        expect(startOfNextUtcDay(day).getTime()).toBeGreaterThan(instant.getTime());
        expect(startOfNextUtcDay(day).getTime() - startOfUtcDay(day).getTime()).toBe(DAY);
      }),
    );
  });
});
