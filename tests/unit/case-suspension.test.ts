// Suspension pauses the clocks (issue 13, fms-domain.md §9 "Clock pauses"): on resume every clock that was running —
// the state's target, open reviews, the offer expiration date and the congressional review periods — has its due date
// moved on by the time suspended, in its own kind of days, and a suspended case never falls due or overdue.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { agingOf, businessTimeBetween, clockAging, dueDate, isBusinessDay, pausedDueDate, runningStart } from "@/domain/sla";
import { statusClock, type CaseSnapshot } from "@/domain/workflow/case-workflow";
import { applyDueClocks, dueClockEvents } from "@/domain/workflow/engine";
import { inboxEntriesOf } from "@/domain/workflow/inbox";
import { describePause } from "@/domain/workflow/suspension";
import {
  DAY,
  NOW,
  RULES,
  at,
  caseIn,
  context,
  decidedTask,
  dsca,
  fire,
  plusDays,
  plusMs,
  task,
} from "./case-fixtures";

const HOUR = 3_600_000;
const TEN_BUSINESS = { days: 10, dayKind: "BUSINESS", amberPercent: 75 } as const;
const THIRTY_CALENDAR = { days: 30, dayKind: "CALENDAR", amberPercent: 75 } as const;

// 2026-03-02 (NOW) is a Monday; 2026-03-06 a Friday; 2026-03-09 a Monday.
describe("pausedDueDate: a due date after a pause", () => {
  it("calendar clocks move on by exactly the time paused, weekends and all", () => {
    const due = at("2026-03-20T09:00:00Z");
    expect(pausedDueDate(due, at("2026-03-06T17:00:00Z"), at("2026-03-09T08:30:00Z"), "CALENDAR")).toEqual(
      new Date(due.getTime() + (2 * DAY + 15.5 * HOUR)),
    );
  });

  it("a pause of 0 changes nothing, for either kind of day", () => {
    const due = at("2026-03-20T09:00:00Z");
    expect(pausedDueDate(due, NOW, NOW, "CALENDAR")).toEqual(due);
    expect(pausedDueDate(due, NOW, NOW, "BUSINESS")).toEqual(due);
  });

  it("business-day clocks keep the business days they had left: a weekend-long pause costs nothing", () => {
    // Due Wednesday 11 March 14:00; paused Friday 14:00 with Mon, Tue, Wed left; resumed Monday 14:00 → Thursday.
    const due = at("2026-03-11T14:00:00Z");
    const resumed = pausedDueDate(due, at("2026-03-06T14:00:00Z"), at("2026-03-09T14:00:00Z"), "BUSINESS");
    expect(resumed).toEqual(at("2026-03-12T14:00:00Z"));
    // Shifting by the wall time (3 days) would have put it on a Saturday and taken a business day away.
    expect(isBusinessDay(resumed)).toBe(true);
  });

  it("business-day clocks: a paused week moves the due date a week", () => {
    const due = at("2026-03-11T14:00:00Z");
    expect(pausedDueDate(due, NOW, plusDays(NOW, 7), "BUSINESS")).toEqual(plusDays(due, 7));
  });

  it("business-day clocks round a part-day pause up to the due date's own time on the next business day", () => {
    // Paused Monday 10:00–14:00 with the clock due Wednesday 10:00: Thursday 10:00, never less than what was left.
    const due = at("2026-03-04T10:00:00Z");
    const pausedAt = at("2026-03-02T10:00:00Z");
    const resumedAt = at("2026-03-02T14:00:00Z");
    const resumed = pausedDueDate(due, pausedAt, resumedAt, "BUSINESS");
    expect(resumed).toEqual(at("2026-03-05T10:00:00Z"));
    expect(businessTimeBetween(resumedAt, resumed)).toBeGreaterThanOrEqual(businessTimeBetween(pausedAt, due));
  });

  it("a clock already overdue when paused stays overdue by the same wall time", () => {
    const due = at("2026-02-27T14:00:00Z");
    const resumedAt = plusDays(NOW, 5);
    const resumed = pausedDueDate(due, NOW, resumedAt, "BUSINESS");
    expect(resumed).toEqual(plusDays(due, 5));
    expect(resumedAt.getTime() - resumed.getTime()).toBe(NOW.getTime() - due.getTime());
  });

  it("property: business-day clocks get back at least what they had left, on the first business day that gives it", () => {
    const base = at("2026-01-05T09:00:00Z").getTime();
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 * 24 }), // pause start, hours after base
        fc.integer({ min: 1, max: 30 * 24 * 60 }), // pause length, minutes
        fc.integer({ min: 1, max: 20 }), // business days the clock had from the pause's day
        (startHours, pauseMinutes, days) => {
          const pausedAt = new Date(base + startHours * HOUR);
          const resumedAt = new Date(pausedAt.getTime() + pauseMinutes * 60_000);
          const due = dueDate(new Date(pausedAt.getTime() - 7 * HOUR), { days, dayKind: "BUSINESS" });
          const resumed = pausedDueDate(due, pausedAt, resumedAt, "BUSINESS");
          const left = businessTimeBetween(pausedAt, due);
          expect(isBusinessDay(resumed)).toBe(true);
          expect(businessTimeBetween(resumedAt, resumed)).toBeGreaterThanOrEqual(left);
          expect((resumed.getTime() - due.getTime()) % DAY).toBe(0);
          // Rounded up to the first such day: the business day before it (at the same time) would not have been enough.
          let previous = resumed.getTime() - DAY;
          while (previous >= due.getTime() && !isBusinessDay(new Date(previous))) previous -= DAY;
          if (previous >= due.getTime()) expect(businessTimeBetween(resumedAt, new Date(previous))).toBeLessThan(left);
        },
      ),
    );
  });
});

describe("aging a clock whose due date a pause moved on", () => {
  it("an unpaused clock reads exactly as before", () => {
    const start = at("2026-03-02T09:00:00Z");
    const due = dueDate(start, TEN_BUSINESS);
    expect(runningStart(start, due, TEN_BUSINESS)).toEqual(start);
    for (const now of [plusDays(start, 3), plusDays(start, 9), plusDays(start, 20)]) {
      expect(clockAging(start, due, TEN_BUSINESS, now)).toEqual(agingOf(start, TEN_BUSINESS, now));
    }
  });

  it("paused time does not count: a 30-day clock paused 10 days reads 50% after 25 days, on track, due 10 days later", () => {
    const start = at("2026-03-02T09:00:00Z");
    const due = pausedDueDate(dueDate(start, THIRTY_CALENDAR), plusDays(start, 5), plusDays(start, 15), "CALENDAR");
    expect(due).toEqual(plusDays(start, 40));
    expect(runningStart(start, due, THIRTY_CALENDAR)).toEqual(plusDays(start, 10));
    expect(clockAging(start, due, THIRTY_CALENDAR, plusDays(start, 25))).toMatchObject({ state: "ON_TRACK", percentElapsed: 50, dueAt: due });
    // Without the pause it would be overdue by now.
    expect(agingOf(start, THIRTY_CALENDAR, plusDays(start, 31)).state).toBe("OVERDUE");
    expect(clockAging(start, due, THIRTY_CALENDAR, plusDays(start, 31))).toMatchObject({ state: "ON_TRACK", percentElapsed: 70 });
    expect(clockAging(start, due, THIRTY_CALENDAR, plusDays(start, 33))).toMatchObject({ state: "DUE_SOON", percentElapsed: 76 });
    expect(clockAging(start, due, THIRTY_CALENDAR, due).state).toBe("DUE_SOON");
    expect(clockAging(start, due, THIRTY_CALENDAR, plusMs(due, 1)).state).toBe("OVERDUE");
  });

  it("the state follows the stored due date (as the lists' SQL does), met or missed by it once stopped", () => {
    const start = at("2026-03-02T09:00:00Z");
    const due = pausedDueDate(dueDate(start, TEN_BUSINESS), plusDays(start, 1), plusDays(start, 8), "BUSINESS");
    expect(clockAging(start, due, TEN_BUSINESS, plusMs(due, -1)).state).not.toBe("OVERDUE");
    expect(clockAging(start, due, TEN_BUSINESS, plusMs(due, 1)).state).toBe("OVERDUE");
    expect(clockAging(start, due, TEN_BUSINESS, plusDays(due, 5), { stoppedAt: due }).state).toBe("MET");
    expect(clockAging(start, due, TEN_BUSINESS, plusDays(due, 5), { stoppedAt: plusMs(due, 1) }).state).toBe("MISSED");
  });
});

// ---- through the workflow ----------------------------------------------------------------------------------------

const rule = (id: string) => RULES.find((r) => r.id === id)!;
const SUSPENDED_AT = NOW; // Monday 2 March 14:00
const RESUMED_AT = plusDays(NOW, 10); // Thursday 12 March 14:00

/** A case in review since last Wednesday: DSCA concurred; State (10 business days) and DTSA (30 calendar) still open. */
function inReview(overrides: Partial<CaseSnapshot> = {}): CaseSnapshot {
  const openedAt = plusDays(NOW, -5);
  const review = (office: "STATE_PM" | "DTSA", ruleId: string) =>
    task(office, { openedAt, dueAt: dueDate(openedAt, rule(ruleId)), slaRuleId: ruleId });
  return caseIn("IN_REVIEW", "NOT_REQUIRED", {
    tasks: [decidedTask("DSCA", "CONCUR", { openedAt, dueAt: dueDate(openedAt, rule("rule-review-dsca")), slaRuleId: "rule-review-dsca" }), review("STATE_PM", "rule-review-state"), review("DTSA", "rule-review-dtsa")],
    offerExpiresAt: plusDays(openedAt, 85),
    ...overrides,
  });
}

const suspend = (c: CaseSnapshot, when = SUSPENDED_AT) => fire(c, "suspend", dsca(), { comment: "Sanctions review." }, context(when));
const resume = (c: CaseSnapshot, when = RESUMED_AT) => fire(c, "resume", dsca(), {}, context(when));

describe("resume extends every running clock by the time suspended", () => {
  it("open reviews: business-day ones keep their business days, calendar ones move on 10 days; a decided one stays", () => {
    const c = inReview();
    const [dscaTask, stateTask, dtsaTask] = c.tasks;
    // State: opened Wed 25 Feb, 10 business days → Wed 11 March; 7 left at the suspension (Tue 3 … Wed 11).
    expect(stateTask!.dueAt).toEqual(at("2026-03-11T14:00:00Z"));
    const resumed = resume(suspend(c));
    expect(resumed.status).toBe("IN_REVIEW");
    expect(resumed.tasks[0]).toEqual(dscaTask);
    // From Thursday 12 March: Fri 13, Mon 16 … Fri 20, Mon 23 → 7 business days.
    expect(resumed.tasks[1]).toEqual({ ...stateTask, dueAt: at("2026-03-23T14:00:00Z") });
    expect(resumed.tasks[2]).toEqual({ ...dtsaTask, dueAt: plusDays(dtsaTask!.dueAt, 10) });
    // When the reviews were opened is history: unchanged.
    expect(resumed.tasks.map((t) => t.openedAt)).toEqual(c.tasks.map((t) => t.openedAt));
  });

  it("the offer expiration date moves on by the time suspended", () => {
    const c = inReview();
    expect(resume(suspend(c)).offerExpiresAt).toEqual(plusDays(c.offerExpiresAt!, 10));
  });

  it("an OED already passed when suspended is history, and an accepted offer's OED too", () => {
    const passed = inReview({ offerExpiresAt: plusDays(NOW, -1) });
    expect(resume(suspend(passed)).offerExpiresAt).toEqual(passed.offerExpiresAt);
    const accepted = caseIn("ACCEPTED", "CLEARED", { acceptedAt: plusDays(NOW, -2), offerExpiresAt: plusDays(NOW, 20) });
    expect(resume(suspend(accepted)).offerExpiresAt).toEqual(accepted.offerExpiresAt);
  });

  it("the informal review period moves on by the time suspended", () => {
    const c = inReview({ cn: { status: "INFORMAL_REVIEW", heldFrom: null, informalEndsAt: plusDays(NOW, 4), notifiedAt: null, periodEndsAt: null } });
    expect(resume(suspend(c)).cn).toEqual({ ...c.cn, informalEndsAt: plusDays(NOW, 14) });
  });

  it("the formal notification period moves on; the informal one, over before, stays", () => {
    const cn = { status: "FORMALLY_NOTIFIED" as const, heldFrom: null, informalEndsAt: plusDays(NOW, -6), notifiedAt: plusDays(NOW, -5), periodEndsAt: plusDays(NOW, 25) };
    const c = inReview({ cn });
    expect(resume(suspend(c)).cn).toEqual({ ...cn, periodEndsAt: plusDays(NOW, 35) });
  });

  it("a held notification's running informal period moves on too", () => {
    const cn = { status: "HELD" as const, heldFrom: "INFORMAL_REVIEW" as const, informalEndsAt: plusDays(NOW, 3), notifiedAt: null, periodEndsAt: null };
    expect(resume(suspend(inReview({ cn }))).cn.informalEndsAt).toEqual(plusDays(NOW, 13));
  });

  it("the state's target: kept from before the suspension (not restarted), its due date moved on", () => {
    // Ready to sign since Friday 27 Feb 14:00: 5 business days → Fri 6 March; 4 left at the suspension.
    const start = at("2026-02-27T14:00:00Z");
    const c = { ...caseIn("READY_TO_SIGN"), ...statusClock("READY_TO_SIGN", null, context(start)) };
    expect(c.statusDueAt).toEqual(at("2026-03-06T14:00:00Z"));
    const resumed = resume(suspend(c));
    // From Thursday 12 March: Fri 13, Mon 16, Tue 17, Wed 18.
    expect(resumed).toMatchObject({ status: "READY_TO_SIGN", statusChangedAt: start, statusDueAt: at("2026-03-18T14:00:00Z"), statusSlaRuleId: "rule-sign" });
  });

  it("a pause of 0 gives back the case exactly as it was", () => {
    const start = plusDays(NOW, -20);
    const c = { ...inReview({ cn: { status: "FORMALLY_NOTIFIED", heldFrom: null, informalEndsAt: null, notifiedAt: NOW, periodEndsAt: plusDays(NOW, 15) } }), statusChangedAt: start };
    expect(resume(suspend(c), SUSPENDED_AT)).toEqual(c);
  });

  it("two suspensions in a row add up, each measured on its own", () => {
    const c = inReview();
    const once = resume(suspend(c, NOW), plusDays(NOW, 3));
    const twice = resume(suspend(once, plusDays(NOW, 7)), plusDays(NOW, 9));
    // Calendar clocks: 3 + 2 days.
    expect(twice.offerExpiresAt).toEqual(plusDays(c.offerExpiresAt!, 5));
    expect(twice.tasks[2]!.dueAt).toEqual(plusDays(c.tasks[2]!.dueAt, 5));
    // State's business days: 7 left on Mon 2 March; resumed Thu 5 March → Mon 16 March (Fri 6, Mon 9 … Fri 13, Mon 16).
    expect(once.tasks[1]!.dueAt).toEqual(at("2026-03-16T14:00:00Z"));
    // Second pause Mon 9 → Wed 11 March, with Tue 10 … Mon 16 (5 business days) left: Thu 12 … Wed 18.
    expect(twice.tasks[1]!.dueAt).toEqual(at("2026-03-18T14:00:00Z"));
  });

  it("a case suspended before its clock was kept starts the state's clock afresh, but its other clocks are extended", () => {
    const c = { ...suspend(inReview()), pausedStatusClock: null, suspendedFromStatus: "READY_TO_SIGN" as const };
    const resumed = resume(c);
    expect(resumed).toMatchObject({ status: "READY_TO_SIGN", statusChangedAt: RESUMED_AT, statusSlaRuleId: "rule-sign" });
    expect(resumed.offerExpiresAt).toEqual(plusDays(c.offerExpiresAt!, 10));
  });

  it("the audit's account of the pause: how long, and every due date moved from and to", () => {
    const start = at("2026-02-27T14:00:00Z");
    const cn = { status: "FORMALLY_NOTIFIED" as const, heldFrom: null, informalEndsAt: plusDays(NOW, -6), notifiedAt: plusDays(NOW, -5), periodEndsAt: plusDays(NOW, 25) };
    const c = { ...inReview({ cn }), ...statusClock("IN_REVIEW", null, context(start)) };
    const suspended = suspend(c);
    const resumed = resume(suspended);
    const pause = describePause(suspended, resumed, RESUMED_AT);
    expect(pause).toMatchObject({ suspendedAt: SUSPENDED_AT, resumedAt: RESUMED_AT, pausedMs: 10 * DAY });
    expect(pause.extended).toEqual([
      { clock: "review", office: "STATE_PM", round: 1, from: c.tasks[1]!.dueAt, to: resumed.tasks[1]!.dueAt },
      { clock: "review", office: "DTSA", round: 1, from: c.tasks[2]!.dueAt, to: plusDays(c.tasks[2]!.dueAt, 10) },
      { clock: "offerExpiration", from: c.offerExpiresAt, to: plusDays(c.offerExpiresAt!, 10) },
      { clock: "formalNotification", from: cn.periodEndsAt, to: plusDays(cn.periodEndsAt, 10) },
    ]);
    // A state with a target lists it first.
    const ready = { ...caseIn("READY_TO_SIGN"), ...statusClock("READY_TO_SIGN", null, context(start)) };
    const readySuspended = suspend(ready);
    const readyResumed = resume(readySuspended);
    expect(describePause(readySuspended, readyResumed, RESUMED_AT).extended[0]).toEqual({ clock: "status", from: ready.statusDueAt, to: readyResumed.statusDueAt });
  });
});

describe("while suspended nothing falls due", () => {
  it("neither the end of the formal period nor the OED passing during the suspension acts on the case", () => {
    const cn = { status: "FORMALLY_NOTIFIED" as const, heldFrom: null, informalEndsAt: null, notifiedAt: plusDays(NOW, -10), periodEndsAt: plusDays(NOW, 5) };
    const suspended = suspend(inReview({ cn, tasks: [decidedTask("DSCA"), decidedTask("STATE_PM"), decidedTask("DTSA")] }));
    expect(dueClockEvents(suspended, plusDays(NOW, 8))).toEqual([]);
    // Resumed on day 8: the period had 5 days left, and still has.
    const resumed = resume(suspended, plusDays(NOW, 8));
    expect(resumed.cn.periodEndsAt).toEqual(plusDays(NOW, 13));
    expect(applyDueClocks(resumed, context(plusDays(NOW, 12))).snapshot.status).toBe("IN_REVIEW");
    expect(applyDueClocks(resumed, context(plusDays(NOW, 13))).snapshot).toMatchObject({ status: "READY_TO_SIGN", cn: { status: "CLEARED" } });
  });

  it("the inbox holds no review or overdue clock for a suspended case, only DSCA's resume without a target", () => {
    const suspended = suspend(inReview({ tasks: [task("STATE_PM", { dueAt: plusDays(NOW, -3), slaRuleId: "rule-review-state" })] }));
    const stored = { status: suspended.status, statusChangedAt: suspended.statusChangedAt, statusDueAt: suspended.statusDueAt, statusSlaRuleId: suspended.statusSlaRuleId, updatedAt: NOW };
    const rows = inboxEntriesOf(suspended, stored, context(plusDays(NOW, 1)));
    expect(rows.length).toBeGreaterThan(0);
    // (One row per window between the case's clock instants: the OED splits them, with the same work on each side.)
    for (const row of rows) expect([row.role, row.kind, row.actions, row.dueAt, row.amberAt]).toEqual(["DSCA_ANALYST", "CASE", ["resume"], null, null]);
  });

  it("after resume the review's inbox row is due at the extended date, amber from its running start", () => {
    const c = inReview();
    const resumed = resume(suspend(c));
    const stored = { status: resumed.status, statusChangedAt: resumed.statusChangedAt, statusDueAt: resumed.statusDueAt, statusSlaRuleId: resumed.statusSlaRuleId, updatedAt: RESUMED_AT };
    const dtsaRow = inboxEntriesOf(resumed, stored, context(RESUMED_AT)).find((r) => r.role === "DTSA_REVIEWER")!;
    const dtsaTask = resumed.tasks[2]!;
    expect(dtsaRow).toMatchObject({ kind: "REVIEW", dueAt: dtsaTask.dueAt, since: dtsaTask.openedAt, clockStart: plusDays(dtsaTask.openedAt, 10) });
    // 75% of 30 days from the running start: 22.5 days after it, ten days later than without the pause.
    expect(dtsaRow.amberAt).toEqual(plusMs(plusDays(dtsaTask.openedAt, 10), 22.5 * DAY));
  });
});
