import { describe, expect, it } from "vitest";
import type { CaseSnapshot } from "@/domain/workflow/case-workflow";
import { applyDueClocks, availableActions, dueClockEvents, transition } from "@/domain/workflow/engine";
import { CASE_STATUSES, CN_STATUSES } from "@/domain/workflow/states";
import {
  NOW,
  OFFICES,
  RULES,
  at,
  caseIn,
  context,
  decidedTask,
  iaManager,
  isoDay,
  partner,
  plusDays,
  plusMs,
  slaRule,
  stateReviewer,
  task,
} from "./case-fixtures";

const OED = at("2026-04-01T14:00:00.000Z");

function offered(overrides: Partial<CaseSnapshot> = {}): CaseSnapshot {
  return caseIn("OFFERED", "NOT_REQUIRED", { offeredAt: plusDays(NOW, -5), offerExpiresAt: OED, statusChangedAt: plusDays(NOW, -5), ...overrides });
}

describe("offer expiry", () => {
  it("is due exactly at the offer expiration date, not a millisecond before", () => {
    const c = offered();
    expect(dueClockEvents(c, plusMs(OED, -1))).toEqual([]);
    expect(dueClockEvents(c, OED)).toEqual([{ event: "expire-offer", dueAt: OED }]);
    expect(dueClockEvents(c, plusDays(OED, 9))).toEqual([{ event: "expire-offer", dueAt: OED }]);
  });

  it("a millisecond before the OED the case is still offered and can be accepted", () => {
    const before = plusMs(OED, -1);
    const { snapshot, applied } = applyDueClocks(offered(), context(before));
    expect(applied).toEqual([]);
    expect(snapshot.status).toBe("OFFERED");
    expect(availableActions(snapshot, partner(), context(before))).toContain("accept");
  });

  it("applied days late, the case expired as of the OED", () => {
    const c = offered();
    const late = plusDays(OED, 3);
    const { snapshot, applied } = applyDueClocks(c, context(late));
    expect(snapshot).toMatchObject({ status: "EXPIRED", statusChangedAt: OED, statusDueAt: null, statusSlaRuleId: null });
    expect(applied).toHaveLength(1);
    expect(applied[0]).toMatchObject({ event: "expire-offer", dueAt: OED });
    expect(applied[0]!.before).toBe(c);
    expect(applied[0]!.after).toEqual(snapshot);
    // The input snapshot is not changed.
    expect(c.status).toBe("OFFERED");
    // The partner can no longer accept; the agency can restate.
    expect(availableActions(snapshot, partner(), context(late))).toEqual([]);
    expect(availableActions(snapshot, iaManager(), context(late))).toContain("restate");
  });

  it("applying twice is a no-op", () => {
    const late = context(plusDays(OED, 3));
    const once = applyDueClocks(offered(), late);
    const twice = applyDueClocks(once.snapshot, late);
    expect(twice.applied).toEqual([]);
    expect(twice.snapshot).toBe(once.snapshot);
    expect(dueClockEvents(once.snapshot, plusDays(OED, 100))).toEqual([]);
  });

  it("only an offered case expires: a countersigned one past its OED waits for the agency to restate", () => {
    for (const status of CASE_STATUSES.filter((s) => s !== "OFFERED")) {
      const c = caseIn(status, "NOT_REQUIRED", { offerExpiresAt: plusDays(NOW, -1) });
      expect(dueClockEvents(c, NOW), status).toEqual([]);
      expect(applyDueClocks(c, context()).snapshot, status).toBe(c);
    }
    expect(dueClockEvents(offered({ offerExpiresAt: null }), plusDays(NOW, 1000))).toEqual([]);
  });
});

describe("end of the formal congressional review period", () => {
  const PERIOD_END = at("2026-04-01T14:00:00.000Z"); // a Wednesday
  const concurred = OFFICES.map((o) => decidedTask(o));
  const notified = (overrides: Partial<CaseSnapshot> = {}) => {
    const c = caseIn("IN_REVIEW", "FORMALLY_NOTIFIED", { tasks: concurred, ...overrides });
    return { ...c, cn: { ...c.cn, notifiedAt: plusDays(PERIOD_END, -30), periodEndsAt: PERIOD_END } };
  };

  it("is due exactly at the period's end", () => {
    expect(dueClockEvents(notified(), plusMs(PERIOD_END, -1))).toEqual([]);
    expect(dueClockEvents(notified(), PERIOD_END)).toEqual([{ event: "notification-period-ended", dueAt: PERIOD_END }]);
  });

  it("clears the notification and moves a fully concurred case to READY_TO_SIGN as of the period's end, with the rule then in force", () => {
    // The agency-signature target changed a day after the period ended; the late job must use the old one.
    const rules = [
      ...RULES.filter((r) => r.key !== "AGENCY_SIGNATURE"),
      slaRule("sign-old", "AGENCY_SIGNATURE", 5, "BUSINESS", at("2020-01-01T00:00:00Z"), plusDays(PERIOD_END, 1)),
      slaRule("sign-new", "AGENCY_SIGNATURE", 10, "BUSINESS", plusDays(PERIOD_END, 1)),
    ];
    const late = plusDays(PERIOD_END, 4);
    const { snapshot, applied } = applyDueClocks(notified(), context(late, { rules }));
    expect(applied.map((a) => [a.event, a.dueAt])).toEqual([["notification-period-ended", PERIOD_END]]);
    expect(snapshot).toMatchObject({
      status: "READY_TO_SIGN",
      statusChangedAt: PERIOD_END,
      statusSlaRuleId: "sign-old",
      statusDueAt: at("2026-04-08T14:00:00.000Z"), // 5 business days after Wednesday 1 April
      cn: { status: "CLEARED", periodEndsAt: PERIOD_END },
    });
    expect(availableActions(snapshot, iaManager(), context(late, { rules }))).toContain("sign");
    expect(applyDueClocks(snapshot, context(late, { rules })).applied).toEqual([]);
  });

  it("clears the notification but keeps a case with open reviews in review", () => {
    const c = notified({ tasks: [decidedTask("DSCA"), task("STATE_PM"), decidedTask("DTSA")] });
    const { snapshot } = applyDueClocks(c, context(plusDays(PERIOD_END, 1)));
    expect(snapshot).toMatchObject({ status: "IN_REVIEW", statusChangedAt: c.statusChangedAt, cn: { status: "CLEARED" } });
    // The last concurrence then completes the AND-join.
    const ready = transition(snapshot, "concur", stateReviewer(), {}, context(plusDays(PERIOD_END, 2)));
    expect(ready.ok && ready.next.status).toBe("READY_TO_SIGN");
  });

  it("a returned case (in development) has its notification cleared without moving", () => {
    const c = notified({ status: "IN_DEVELOPMENT", tasks: [] });
    const { snapshot } = applyDueClocks(c, context(plusDays(PERIOD_END, 1)));
    expect(snapshot).toMatchObject({ status: "IN_DEVELOPMENT", cn: { status: "CLEARED" } });
  });

  it("is not due on a case that is not before the offer (e.g. suspended)", () => {
    const c = notified({ status: "SUSPENDED", suspendedFromStatus: "IN_REVIEW" });
    expect(dueClockEvents(c, plusDays(PERIOD_END, 5))).toEqual([]);
  });

  it("only a formally notified track ends its period", () => {
    for (const cn of CN_STATUSES.filter((s) => s !== "FORMALLY_NOTIFIED")) {
      const c = notified();
      const other = { ...c, cn: { ...c.cn, status: cn } };
      expect(dueClockEvents(other, plusDays(PERIOD_END, 5)), cn).toEqual([]);
    }
  });

  it("applying twice is a no-op", () => {
    const ctx = context(plusDays(PERIOD_END, 2));
    const once = applyDueClocks(notified(), ctx);
    expect(once.applied).toHaveLength(1);
    const twice = applyDueClocks(once.snapshot, ctx);
    expect(twice).toEqual({ snapshot: once.snapshot, applied: [] });
  });
});

describe("clock and people", () => {
  it("an offer accepted on the OED day before the OED's hour is accepted; the clock then has nothing to do", () => {
    const justBefore = plusMs(OED, -1);
    const result = transition(
      offered(),
      "accept",
      partner(),
      { signerName: "A", signerTitle: "B", signedOn: isoDay(justBefore), initialDeposit: "1.00" },
      context(justBefore),
    );
    expect(result.ok).toBe(true);
    if (result.ok) expect(dueClockEvents(result.next, plusDays(OED, 10))).toEqual([]);
  });
});
