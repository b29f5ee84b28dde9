import { describe, expect, it } from "vitest";
import {
  addBusinessTime,
  addDuration,
  formatDays,
  historyOf,
  medianOf,
  MINIMUM_SAMPLE,
  OFFER_PATH,
  partnerViewOfPrediction,
  predictCase,
  type HistoryStepKey,
  type PredictionInput,
  type StepHistory,
} from "@/domain/insight/prediction";
import { businessTimeBetween, dueDate } from "@/domain/sla";
import { CASE_EVENTS } from "@/domain/workflow/case-workflow";
import { CASE_STATUSES, TERMINAL_STATUSES } from "@/domain/workflow/states";

const DAY = 86_400_000;
const at = (iso: string) => new Date(iso);
const days = (n: number) => n * DAY;
const hist = (sampleSize: number, medianDays: number, unit: StepHistory["unit"] = "CALENDAR"): StepHistory => ({ sampleSize, medianMs: days(medianDays), unit });

// Every history step with plenty of history, short medians: the base case is comfortably on track.
const FULL_HISTORY: Partial<Record<HistoryStepKey, StepHistory>> = {
  CASE_ASSIGNMENT: hist(40, 3, "BUSINESS"),
  LOA_DEVELOPMENT: hist(40, 10),
  REVIEW_DSCA: hist(37, 5, "BUSINESS"),
  REVIEW_STATE_PM: hist(30, 4, "BUSINESS"),
  REVIEW_DTSA: hist(25, 6),
  CN_PREPARATION: hist(12, 2, "BUSINESS"),
  CN_STATE_CLEARANCE: hist(12, 3, "BUSINESS"),
  AGENCY_SIGNATURE: hist(20, 2, "BUSINESS"),
  DSCA_COUNTERSIGNATURE: hist(20, 2, "BUSINESS"),
  OFFER_TRANSMITTAL: hist(20, 1, "BUSINESS"),
  SHIPMENT_TRANSIT: hist(9, 14),
};

// Wednesday 2 December 2026, 09:00 UTC.
const NOW = at("2026-12-02T09:00:00Z");

function input(overrides: Partial<PredictionInput> = {}): PredictionInput {
  return {
    now: NOW,
    status: "IN_DEVELOPMENT",
    statusChangedAt: at("2026-11-30T09:00:00Z"),
    statusDueAt: at("2027-01-14T09:00:00Z"),
    target: { dueAt: at("2027-01-10T09:00:00Z"), days: 45, dayKind: "CALENDAR" },
    reviews: [],
    cn: { status: "NOT_REQUIRED", enteredAt: null, informalEndsAt: null, periodEndsAt: null, natoPlus: true },
    cnPeriods: { informal: { days: 20, dayKind: "CALENDAR" }, formal: { days: 15, dayKind: "CALENDAR" } },
    history: FULL_HISTORY,
    stepTargets: {
      CASE_ASSIGNMENT: { days: 5, dayKind: "BUSINESS" },
      LOA_DEVELOPMENT: { days: 45, dayKind: "CALENDAR" },
      REVIEW_DSCA: { days: 10, dayKind: "BUSINESS" },
      REVIEW_STATE_PM: { days: 10, dayKind: "BUSINESS" },
      REVIEW_DTSA: { days: 30, dayKind: "CALENDAR" },
      AGENCY_SIGNATURE: { days: 5, dayKind: "BUSINESS" },
      DSCA_COUNTERSIGNATURE: { days: 5, dayKind: "BUSINESS" },
      OFFER_TRANSMITTAL: { days: 5, dayKind: "BUSINESS" },
    },
    agencyName: "Navy",
    offeredAt: null,
    shipments: [],
    ...overrides,
  };
}

const stepOf = (prediction: ReturnType<typeof predictCase>, key: string) => prediction.steps.find((s) => s.key === key)!;

describe("business-day arithmetic", () => {
  it("adds whole business days across a weekend, keeping the time of day", () => {
    expect(addBusinessTime(at("2026-12-04T10:00:00Z"), days(1))).toEqual(at("2026-12-07T10:00:00Z")); // Fri → Mon
    expect(addBusinessTime(at("2026-12-04T10:00:00Z"), days(5))).toEqual(at("2026-12-11T10:00:00Z")); // Fri → Fri
    expect(addBusinessTime(at("2026-12-05T10:00:00Z"), days(1))).toEqual(at("2026-12-07T10:00:00Z")); // Sat → Mon
  });

  it("counts a part of a day the way the inbox clocks count it, so a round trip gives the same business time", () => {
    const starts = ["2026-12-04T10:00:00Z", "2026-12-05T23:30:00Z", "2026-12-06T01:00:00Z", "2026-12-07T00:00:00Z", "2026-12-09T17:45:00Z"];
    const spans = [0, 1, 3_600_000, days(0.5), days(1), days(2.25), 423_360_000 /* 4.9 days */, days(11), days(37.5)];
    for (const start of starts) {
      for (const span of spans) expect(businessTimeBetween(at(start), addBusinessTime(at(start), span))).toBe(span);
    }
  });

  it("agrees with the SLA due date for whole days, and adds calendar time as wall time", () => {
    const start = at("2026-12-03T15:00:00Z");
    for (const n of [1, 4, 5, 10, 23]) expect(addBusinessTime(start, days(n))).toEqual(dueDate(start, { days: n, dayKind: "BUSINESS" }));
    expect(addDuration(start, days(2.5), "CALENDAR")).toEqual(at("2026-12-06T03:00:00Z"));
  });

  it("words a duration to one decimal place", () => {
    expect(formatDays(days(11), "BUSINESS")).toBe("11 business days");
    expect(formatDays(days(1), "CALENDAR")).toBe("1 calendar day");
    expect(formatDays(days(2.25), "CALENDAR")).toBe("2.3 calendar days");
  });
});

describe("medians", () => {
  it("takes the middle of an odd sample and the mean of the two middle values of an even one (as percentile_cont)", () => {
    expect(medianOf([9, 1, 5])).toBe(5);
    expect(medianOf([4, 1, 3, 2])).toBe(2.5);
    expect(medianOf([7])).toBe(7);
    expect(medianOf([])).toBeNull();
    expect(historyOf([days(1), days(2), days(4), days(10)], "BUSINESS")).toEqual({ sampleSize: 4, medianMs: days(3), unit: "BUSINESS" });
    expect(historyOf([1, 2], "CALENDAR").medianMs).toBe(2); // 1.5 ms rounds to the millisecond
  });
});

describe("the path to the offer", () => {
  it("follows the workflow's own forward events", () => {
    for (let i = 0; i < OFFER_PATH.length; i += 1) {
      const { status, event } = OFFER_PATH[i]!;
      const definition = CASE_EVENTS[event];
      expect(definition.from).toContain(status);
      const next = OFFER_PATH[i + 1]?.status ?? "OFFERED";
      // The reviews' AND-join leads to READY_TO_SIGN through the last concurrence.
      expect(definition.to as readonly string[]).toContain(next);
    }
  });
});

describe("predicting the offer", () => {
  it("chains each remaining step's median from the current step's start, reviews in parallel", () => {
    const prediction = predictCase(input());
    expect(prediction.kind).toBe("PREDICTED");
    const development = stepOf(prediction, "LOA_DEVELOPMENT");
    expect(development.state).toBe("CURRENT");
    expect(development.predictedAt).toEqual(at("2026-12-10T09:00:00Z")); // 30 Nov + 10 calendar days
    expect(development.explanation).toBe("Median of 40 LOA developments of Navy cases in the last 12 months: 10 calendar days");
    // Reviews start on 10 Dec (Thursday): DSCA 5 business days → 17 Dec, State 4 → 16 Dec, DTSA 6 calendar → 16 Dec.
    expect(stepOf(prediction, "REVIEW_DSCA").predictedAt).toEqual(at("2026-12-17T09:00:00Z"));
    expect(stepOf(prediction, "REVIEW_STATE_PM").predictedAt).toEqual(at("2026-12-16T09:00:00Z"));
    expect(stepOf(prediction, "REVIEW_DTSA").predictedAt).toEqual(at("2026-12-16T09:00:00Z"));
    expect(prediction.steps.filter((s) => s.governs).map((s) => s.key)).toEqual(["REVIEW_DSCA"]);
    // Then signature 2 (21 Dec), countersignature 2 (23 Dec), transmittal 1 (24 Dec).
    expect(stepOf(prediction, "AGENCY_SIGNATURE").predictedAt).toEqual(at("2026-12-21T09:00:00Z"));
    expect(stepOf(prediction, "DSCA_COUNTERSIGNATURE").predictedAt).toEqual(at("2026-12-23T09:00:00Z"));
    expect(prediction.offer).toMatchObject({ predictedAt: at("2026-12-24T09:00:00Z"), atRisk: false, targetPassed: false, cause: null });
    expect(prediction.offer!.explanation).toBe("The predicted offer is within the target of 45 calendar days from the complete letter");
  });

  it("makes the slowest parallel review govern, and names it when it pushes the offer past the target", () => {
    const prediction = predictCase(input({ history: { ...FULL_HISTORY, REVIEW_DTSA: hist(37, 40) } }));
    const dtsa = stepOf(prediction, "REVIEW_DTSA");
    expect(dtsa.governs).toBe(true);
    expect(dtsa.predictedAt).toEqual(at("2027-01-19T09:00:00Z"));
    expect(stepOf(prediction, "REVIEW_DSCA").governs).toBe(false);
    expect(prediction.offer).toMatchObject({ atRisk: true, targetPassed: false, cause: "REVIEW_DTSA" });
    expect(prediction.offer!.explanation).toContain("the cause is DTSA review");
  });

  it("blames the step that runs over its own target, not the later step that happens to cross the target", () => {
    const target = { dueAt: at("2027-01-21T12:00:00Z"), days: 45, dayKind: "CALENDAR" as const };
    const prediction = predictCase(input({ target, history: { ...FULL_HISTORY, REVIEW_DTSA: hist(37, 40) } }));
    // DTSA ends 19 Jan, before the target; the countersignature (25 Jan) is the first step past it.
    expect(stepOf(prediction, "REVIEW_DTSA").predictedAt!.getTime()).toBeLessThan(target.dueAt.getTime());
    expect(stepOf(prediction, "DSCA_COUNTERSIGNATURE").predictedAt!.getTime()).toBeGreaterThan(target.dueAt.getTime());
    expect(stepOf(prediction, "REVIEW_DTSA").overrunRatio).toBeCloseTo(40 / 30);
    expect(prediction.offer).toMatchObject({ atRisk: true, cause: "REVIEW_DTSA" });
  });

  it("falls back to the first step past the target when every step keeps to its own target", () => {
    const target = { dueAt: at("2026-12-22T12:00:00Z"), days: 45, dayKind: "CALENDAR" as const };
    const prediction = predictCase(input({ target }));
    expect(prediction.offer).toMatchObject({ atRisk: true, cause: "DSCA_COUNTERSIGNATURE" });
  });

  it("runs an open review from when it opened, and leaves decided and waived reviews out", () => {
    const prediction = predictCase(
      input({
        status: "IN_REVIEW",
        statusChangedAt: at("2026-11-30T09:00:00Z"),
        statusDueAt: null,
        reviews: [
          { office: "DSCA", status: "DECIDED", openedAt: at("2026-11-30T09:00:00Z"), dueAt: at("2026-12-14T09:00:00Z") },
          { office: "STATE_PM", status: "NOT_REQUIRED", openedAt: at("2026-11-30T09:00:00Z"), dueAt: at("2026-12-14T09:00:00Z") },
          { office: "DTSA", status: "OPEN", openedAt: at("2026-11-30T09:00:00Z"), dueAt: at("2026-12-30T09:00:00Z") },
        ],
      }),
    );
    expect(prediction.steps.map((s) => s.key)).toEqual(["REVIEW_DTSA", "AGENCY_SIGNATURE", "DSCA_COUNTERSIGNATURE", "OFFER_TRANSMITTAL"]);
    expect(stepOf(prediction, "REVIEW_DTSA")).toMatchObject({ state: "CURRENT", governs: true, predictedAt: at("2026-12-06T09:00:00Z") });
    // Signature counts 2 business days from the Sunday the reviews end: Tuesday 8 Dec.
    expect(stepOf(prediction, "AGENCY_SIGNATURE").predictedAt).toEqual(at("2026-12-08T09:00:00Z"));
  });

  it("expects a step that has run past its median any day now, and blames it when it is over its own target", () => {
    const prediction = predictCase(
      input({
        status: "READY_TO_SIGN",
        statusChangedAt: at("2026-11-16T09:00:00Z"),
        statusDueAt: at("2026-11-23T09:00:00Z"),
        target: { dueAt: at("2026-12-03T09:00:00Z"), days: 45, dayKind: "CALENDAR" },
      }),
    );
    const signature = stepOf(prediction, "AGENCY_SIGNATURE");
    expect(signature.predictedAt).toEqual(NOW);
    expect(signature.overOwnTarget).toBe(true);
    expect(signature.explanation).toContain("it has already taken longer (12 business days)");
    expect(signature.explanation).toContain("it is past its own target");
    expect(prediction.offer).toMatchObject({ atRisk: true, targetPassed: false, cause: "AGENCY_SIGNATURE" });
  });

  it("flags a case whose target has already passed, naming the current step", () => {
    const prediction = predictCase(input({ target: { dueAt: at("2026-11-25T09:00:00Z"), days: 45, dayKind: "CALENDAR" } }));
    expect(prediction.offer).toMatchObject({ atRisk: true, targetPassed: true, cause: "LOA_DEVELOPMENT" });
    expect(prediction.offer!.explanation).toMatch(/^The offer is already later than the target/);
  });

  it("still flags a passed target when the offer itself cannot be predicted", () => {
    const prediction = predictCase(input({ history: {}, target: { dueAt: at("2026-11-25T09:00:00Z"), days: 45, dayKind: "CALENDAR" } }));
    expect(prediction.offer).toMatchObject({ predictedAt: null, atRisk: true, targetPassed: true, cause: "LOA_DEVELOPMENT" });
    expect(prediction.offer!.explanation).toBe(
      "The offer is already later than the target of 45 calendar days from the complete letter; the cause is the agency develops and approves the LOA",
    );
  });

  it("says there is not enough history rather than inventing a date, and dates nothing after it", () => {
    const prediction = predictCase(input({ history: { ...FULL_HISTORY, REVIEW_DTSA: hist(MINIMUM_SAMPLE - 1, 6) } }));
    const dtsa = stepOf(prediction, "REVIEW_DTSA");
    expect(dtsa.predictedAt).toBeNull();
    expect(dtsa.basis).toEqual({ kind: "NOT_ENOUGH_HISTORY", sampleSize: 4, needed: 5 });
    expect(dtsa.explanation).toBe("Not enough history to predict: 4 DTSA reviews of Navy cases in the last 12 months (at least 5 needed)");
    expect(stepOf(prediction, "AGENCY_SIGNATURE").predictedAt).toBeNull();
    expect(stepOf(prediction, "AGENCY_SIGNATURE").basis.kind).toBe("WAITING_ON_EARLIER");
    expect(prediction.offer).toMatchObject({ predictedAt: null, atRisk: false });
    expect(prediction.offer!.explanation).toBe("Not enough history to predict the offer date (see the steps below)");
  });

  it("treats a step with no history at all like one with too little", () => {
    const prediction = predictCase(input({ history: {} }));
    expect(stepOf(prediction, "LOA_DEVELOPMENT").basis).toEqual({ kind: "NOT_ENOUGH_HISTORY", sampleSize: 0, needed: 5 });
    expect(prediction.offer!.predictedAt).toBeNull();
  });

  it("has no risk without a target", () => {
    const prediction = predictCase(input({ target: null }));
    expect(prediction.offer).toMatchObject({ atRisk: false, targetAt: null });
  });
});

describe("the congressional-notification track", () => {
  it("adds the informal and formal periods in force after State clears, for a non-NATO+ purchaser", () => {
    const prediction = predictCase(
      input({
        status: "IN_REVIEW",
        statusChangedAt: at("2026-12-01T09:00:00Z"),
        statusDueAt: null,
        reviews: (["DSCA", "STATE_PM", "DTSA"] as const).map((office) => ({ office, status: "OPEN" as const, openedAt: at("2026-12-01T09:00:00Z"), dueAt: at("2026-12-31T09:00:00Z") })),
        cn: { status: "STATE_CLEARANCE", enteredAt: at("2026-12-01T09:00:00Z"), informalEndsAt: null, periodEndsAt: null, natoPlus: false },
        cnPeriods: { informal: { days: 20, dayKind: "CALENDAR" }, formal: { days: 30, dayKind: "CALENDAR" } },
        target: { dueAt: at("2027-03-01T09:00:00Z"), days: 45, dayKind: "CALENDAR" },
      }),
    );
    // State clears in 3 business days (4 Dec), then 20 + 30 calendar days.
    expect(stepOf(prediction, "CN_STATE_CLEARANCE").predictedAt).toEqual(at("2026-12-04T09:00:00Z"));
    expect(stepOf(prediction, "CN_INFORMAL_REVIEW").predictedAt).toEqual(at("2026-12-24T09:00:00Z"));
    expect(stepOf(prediction, "CN_FORMAL_REVIEW").predictedAt).toEqual(at("2027-01-23T09:00:00Z"));
    expect(stepOf(prediction, "CN_FORMAL_REVIEW").governs).toBe(true);
    expect(prediction.notificationClearance!.predictedAt).toEqual(at("2027-01-23T09:00:00Z"));
    expect(stepOf(prediction, "AGENCY_SIGNATURE").startsAt).toEqual(at("2027-01-23T09:00:00Z"));
  });

  it("uses the stored end of a formal period that has started, and blames the notification when it passes the target", () => {
    const prediction = predictCase(
      input({
        status: "READY_TO_SIGN",
        statusChangedAt: NOW,
        statusDueAt: at("2026-12-09T09:00:00Z"),
      }),
    );
    expect(prediction.notificationClearance).toBeNull();
    const inReview = predictCase(
      input({
        status: "IN_REVIEW",
        statusChangedAt: at("2026-11-20T09:00:00Z"),
        statusDueAt: null,
        reviews: [{ office: "DSCA", status: "DECIDED", openedAt: at("2026-11-20T09:00:00Z"), dueAt: at("2026-12-04T09:00:00Z") }],
        cn: { status: "FORMALLY_NOTIFIED", enteredAt: at("2026-12-01T00:00:00Z"), informalEndsAt: null, periodEndsAt: at("2027-01-15T00:00:00Z"), natoPlus: true },
        target: { dueAt: at("2027-01-10T09:00:00Z"), days: 45, dayKind: "CALENDAR" },
      }),
    );
    expect(stepOf(inReview, "CN_FORMAL_REVIEW").predictedAt).toEqual(at("2027-01-15T00:00:00Z"));
    expect(inReview.notificationClearance!.explanation).toBe("The formal review period ends then");
    expect(inReview.offer).toMatchObject({ atRisk: true, cause: "CN_FORMAL_REVIEW" });
  });

  it("predicts no clearance and no offer while the notification is held", () => {
    const prediction = predictCase(
      input({
        status: "IN_REVIEW",
        statusDueAt: null,
        reviews: [],
        cn: { status: "HELD", enteredAt: null, informalEndsAt: null, periodEndsAt: null, natoPlus: false },
      }),
    );
    expect(prediction.notificationClearance).toEqual({ predictedAt: null, explanation: "The congressional notification is on hold: no clearance date can be predicted" });
    expect(prediction.offer!.predictedAt).toBeNull();
  });
});

describe("cases with nothing to predict", () => {
  it("predicts nothing for a suspended case: its clocks are paused", () => {
    const prediction = predictCase(input({ status: "SUSPENDED" }));
    expect(prediction).toMatchObject({ kind: "NONE", steps: [], offer: null });
    expect(prediction.reason).toMatch(/suspended: its clocks are paused/);
  });

  it.each(TERMINAL_STATUSES)("predicts nothing for a %s case", (status) => {
    expect(predictCase(input({ status }))).toMatchObject({ kind: "NONE", reason: "The case has ended: there is nothing left to predict." });
  });

  it("predicts nothing for an expired offer", () => {
    expect(predictCase(input({ status: "EXPIRED" })).kind).toBe("NONE");
  });

  it("reports every open state without throwing", () => {
    for (const status of CASE_STATUSES) expect(() => predictCase(input({ status, offeredAt: NOW }))).not.toThrow();
  });
});

describe("the first delivery", () => {
  const executing = (shipments: PredictionInput["shipments"], history = FULL_HISTORY) =>
    predictCase(input({ status: "EXECUTING", offeredAt: at("2026-06-01T00:00:00Z"), shipments, history }));

  it("says none can be predicted before a shipment exists", () => {
    expect(executing([]).firstDelivery).toEqual({ predictedAt: null, delivered: false, explanation: "No shipment has been recorded yet, so no delivery date can be predicted" });
  });

  it("adds the median transit to the first shipment", () => {
    const prediction = executing([{ shippedOn: at("2026-11-30T00:00:00Z"), receivedOn: null }]);
    expect(prediction.firstDelivery!.predictedAt).toEqual(at("2026-12-14T00:00:00Z"));
    expect(prediction.firstDelivery!.explanation).toBe("From the first shipment: median of 9 shipments of Navy cases in the last 12 months: 14 calendar days from shipping to receipt");
    expect(prediction.offer).toMatchObject({ offeredAt: at("2026-06-01T00:00:00Z"), atRisk: false });
  });

  it("reports a received shipment as delivered, and too little transit history as such", () => {
    expect(executing([{ shippedOn: at("2026-11-01T00:00:00Z"), receivedOn: at("2026-11-12T00:00:00Z") }]).firstDelivery).toMatchObject({ delivered: true, predictedAt: at("2026-11-12T00:00:00Z") });
    const thin = executing([{ shippedOn: at("2026-11-30T00:00:00Z"), receivedOn: null }], { ...FULL_HISTORY, SHIPMENT_TRANSIT: hist(2, 14) });
    expect(thin.firstDelivery).toMatchObject({ predictedAt: null });
    expect(thin.firstDelivery!.explanation).toMatch(/^Not enough history to predict: 2 shipments received/);
  });
});

describe("the partner's view", () => {
  it("folds the reviews into one U.S. Government review and names no office", () => {
    const usg = predictCase(input({ history: { ...FULL_HISTORY, REVIEW_DTSA: hist(37, 40) } }));
    const partner = partnerViewOfPrediction(usg);
    expect(partner.steps.map((s) => s.key)).toEqual(["LOA_DEVELOPMENT", "USG_REVIEW", "AGENCY_SIGNATURE", "DSCA_COUNTERSIGNATURE", "OFFER_TRANSMITTAL"]);
    expect(partner.steps[1]!.predictedAt).toEqual(stepOf(usg, "REVIEW_DTSA").predictedAt);
    expect(partner.offer).toMatchObject({ atRisk: true, cause: "USG_REVIEW" });
    const text = JSON.stringify(partner);
    expect(text).not.toMatch(/DTSA|State review|Navy|congress/i);
    expect(partner.steps[0]!.explanation).toBe("Based on 40 similar cases in the last 12 months: typically 10 calendar days");
  });

  it("leaves the notification track out", () => {
    const usg = predictCase(
      input({
        status: "IN_REVIEW",
        statusDueAt: null,
        reviews: [],
        cn: { status: "PREPARATION", enteredAt: NOW, informalEndsAt: null, periodEndsAt: null, natoPlus: true },
      }),
    );
    expect(usg.notificationClearance).not.toBeNull();
    const partner = partnerViewOfPrediction(usg);
    expect(partner.notificationClearance).toBeNull();
    expect(partner.steps.some((s) => s.key.startsWith("CN_"))).toBe(false);
  });
});
