import { describe, expect, it } from "vitest";
import {
  PARTNER_VALUE_STATUSES,
  STEP_AGE_BOUNDS,
  agingSummary,
  bottleneckSummary,
  bucketIndex,
  caseListHref,
  countedBuckets,
  describeDrillDown,
  drillFilters,
  lorToOfferBounds,
  lorToOfferSummary,
  medianOfCounts,
  officeName,
  partnerSeesValue,
  pipelineSummary,
  valueSummary,
} from "@/domain/insight/dashboard";
import type { OfficeLoad } from "@/domain/schemas/dashboard";
import { CASE_STATUSES } from "@/domain/workflow/states";

describe("day buckets", () => {
  it("cover every whole number of days exactly once, in fifteen-day steps to 180 and one open bucket after", () => {
    const bounds = lorToOfferBounds();
    expect(bounds).toHaveLength(13);
    expect(bounds[0]).toEqual({ label: "0–14 days", minDays: 0, maxDays: 14 });
    expect(bounds.at(-1)).toEqual({ label: "180 days or more", minDays: 180, maxDays: null });
    for (let days = 0; days < 400; days++) {
      const holding = bounds.filter((b) => days >= b.minDays && (b.maxDays === null || days <= b.maxDays));
      expect(holding).toHaveLength(1);
      expect(bounds[bucketIndex(days, bounds)]).toBe(holding[0]);
    }
  });

  it("puts each age in its step-age bucket, boundaries included", () => {
    expect([0, 29, 30, 89, 90, 179, 180, 5000].map((d) => STEP_AGE_BOUNDS[bucketIndex(d, STEP_AGE_BOUNDS)]!.label)).toEqual([
      "Under 30 days",
      "Under 30 days",
      "30–89 days",
      "30–89 days",
      "90–179 days",
      "90–179 days",
      "180 days or more",
      "180 days or more",
    ]);
  });

  it("flags the buckets that reach past the target, and none without a target", () => {
    const bounds = lorToOfferBounds();
    const flagged = countedBuckets(bounds, [], 45, () => "/cases").map((b) => b.overTarget);
    expect(flagged.slice(0, 4)).toEqual([false, false, false, true]);
    expect(flagged.slice(3).every(Boolean)).toBe(true);
    expect(countedBuckets(bounds, [1, 2], null, () => "").every((b) => !b.overTarget)).toBe(true);
    expect(countedBuckets(bounds, [1, 2], null, () => "").map((b) => b.cases).slice(0, 3)).toEqual([1, 2, 0]);
  });
});

describe("the median of a histogram", () => {
  it("is the middle value, or the two middle values averaged and rounded down, whatever order the counts come in", () => {
    expect(medianOfCounts([])).toBe(0);
    expect(medianOfCounts([{ days: 7, cases: 1 }])).toBe(7);
    expect(medianOfCounts([{ days: 10, cases: 1 }, { days: 1, cases: 2 }])).toBe(1);
    expect(medianOfCounts([{ days: 1, cases: 1 }, { days: 4, cases: 1 }])).toBe(2);
    expect(medianOfCounts([{ days: 30, cases: 3 }, { days: 2, cases: 3 }])).toBe(16);
    // Against sorting every value: 1..99 with random multiplicities.
    const values = Array.from({ length: 200 }, (_, i) => (i * 37) % 99);
    const sorted = [...values].sort((a, b) => a - b);
    const expected = Math.floor((sorted[99]! + sorted[100]!) / 2);
    const histogram = [...new Set(values)].map((days) => ({ days, cases: values.filter((v) => v === days).length }));
    expect(medianOfCounts(histogram)).toBe(expected);
  });
});

describe("drill-downs", () => {
  it("keep the dashboard's filters as case-list parameters and add the figure's own", () => {
    const base = drillFilters({ from: "2027-01-01", to: "2027-03-31", agency: "P", country: undefined });
    expect(base).toEqual({ openedFrom: "2027-01-01", openedTo: "2027-03-31", agency: "P" });
    const href = caseListHref(base, { status: "IN_REVIEW", maxLorToOfferDays: undefined, minDaysInStatus: 0 });
    expect(href).toBe("/cases?openedFrom=2027-01-01&openedTo=2027-03-31&agency=P&status=IN_REVIEW&minDaysInStatus=0");
    expect(caseListHref({}, {})).toBe("/cases");
  });

  it("say in words what the list they open holds", () => {
    expect(describeDrillDown({ waitingOn: "DTSA_REVIEWER", overdue: "true", openedFrom: "2027-01-01" })).toBe(
      "held by DTSA, past its target; opened from 2027-01-01",
    );
    expect(describeDrillDown({ minDaysInStatus: "30", maxDaysInStatus: "89" })).toBe("30–89 days in their current status");
    expect(describeDrillDown({ minLorToOfferDays: "180" })).toBe("offered 180 or more days after the complete letter");
    expect(describeDrillDown({ status: "OFFERED" })).toBeNull();
  });
});

describe("words", () => {
  it("names offices as people say them", () => {
    const names = new Map([["a1", "Department of the Navy"]]);
    expect(officeName("DTSA_REVIEWER", names)).toBe("DTSA");
    expect(officeName("STATE_REVIEWER", names)).toBe("State Department (PM)");
    expect(officeName("IA_CASE_MANAGER:a1", names)).toBe("Department of the Navy");
    expect(officeName("IA_CASE_MANAGER:unknown", names)).toBe("Implementing agency");
  });

  const office = (overrides: Partial<OfficeLoad>): OfficeLoad => ({
    office: "DTSA_REVIEWER",
    officeName: "DTSA",
    accountable: null,
    cases: 10,
    overdue: 0,
    medianDaysHeld: 4,
    longestDaysHeld: 9,
    href: "",
    overdueHref: "",
    ...overrides,
  });

  it("calls the office with the most work past target the bottleneck, naming its accountable person", () => {
    const text = bottleneckSummary([
      office({ officeName: "DSCA", cases: 40, overdue: 2 }),
      office({ officeName: "DTSA", cases: 12, overdue: 7, medianDaysHeld: 21, accountable: { name: "Priya Natarajan", email: "p@x" } }),
    ]);
    expect(text).toBe("DTSA (accountable: Priya Natarajan) is the bottleneck: it holds 12 cases, 7 of them past its target, for a median of 21 days.");
    expect(bottleneckSummary([office({ cases: 1, medianDaysHeld: 1 })])).toBe("DTSA is the bottleneck: it holds 1 case, none past its target, for a median of 1 day.");
    expect(bottleneckSummary([])).toBe("No office holds an open case now.");
  });

  it("summarises the pipeline, the offers against the target, the values and the aging", () => {
    const pipeline = [
      { status: "IN_REVIEW" as const, label: "In review", cases: 3, value: "10.00", href: "" },
      { status: "CLOSED" as const, label: "Closed", cases: 1200, value: "5.00", href: "" },
    ];
    expect(pipelineSummary({ pipeline, totals: { cases: 1203, openCases: 3, value: "15.00", openValue: "10.00", href: "" } })).toBe(
      "1,203 cases, 3 open cases worth $10.00. The largest group is “Closed” with 1,200 cases.",
    );
    expect(pipelineSummary({ pipeline: [], totals: { cases: 0, openCases: 0, value: "0.00", openValue: "0.00", href: "" } })).toBe("No cases match these filters.");

    const buckets = countedBuckets(lorToOfferBounds(), [0, 1, 5, 2], 45, () => "");
    expect(lorToOfferSummary({ targetDays: 45, offered: 8, withinTarget: 6, buckets })).toBe(
      "8 cases offered; most took 30–44 days from the complete letter to the offer. 6 offers (75%) came within the 45-day target.",
    );
    expect(lorToOfferSummary({ targetDays: null, offered: 0, withinTarget: 0, buckets })).toBe("No case in these filters has been offered yet.");

    expect(valueSummary([{ name: "Saudi Arabia", value: "1500000.00", cases: 2 }], ["country", "countries"])).toBe(
      "Saudi Arabia has the largest value: $1,500,000.00 over 2 cases. 1 country shown, largest first.",
    );
    expect(valueSummary([{ name: "Navy", value: "1.00", cases: 1 }, { name: "Army", value: "0.00", cases: 1 }], ["agency", "agencies"])).toMatch(/2 agencies shown/);
    expect(valueSummary([], ["agency", "agencies"])).toBe("No agency has a case in these filters.");
    expect(valueSummary([{ name: "Navy", value: "0.00", cases: 2 }], ["agency", "agencies"])).toBe("1 agency with cases here, none of them with a value yet.");

    const step = (label: string, counts: number[]) => ({ status: "IN_DEVELOPMENT" as const, label, buckets: countedBuckets(STEP_AGE_BOUNDS, counts, null, () => "") });
    expect(agingSummary([step("LOA in development", [3, 1, 2, 1]), step("Accepted", [9, 0, 0, 0])])).toBe(
      "16 cases in these steps. LOA in development has the most that have waited 90 days or more: 3 cases.",
    );
    expect(agingSummary([])).toBe("No open case is waiting in these steps.");
  });
});

describe("what a partner may see of a case's value", () => {
  it("is the value of an LOA offered to them, never a working figure from before the offer", () => {
    const visible = CASE_STATUSES.filter((status) => partnerSeesValue(status, null));
    expect(visible).toEqual([...PARTNER_VALUE_STATUSES]);
    expect(partnerSeesValue("IN_DEVELOPMENT", null)).toBe(false);
    expect(partnerSeesValue("SUSPENDED", "EXECUTING")).toBe(true);
    expect(partnerSeesValue("SUSPENDED", "IN_REVIEW")).toBe(false);
  });
});
