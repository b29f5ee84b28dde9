import { describe, expect, it } from "vitest";
import { decide } from "@/domain/policy";
import {
  CASE_EVENTS,
  CASE_EVENT_NAMES,
  ACTOR_EVENTS,
  TIMED_EVENTS,
  type CaseEvent,
  type CaseEventDefinition,
  statusClock,
  type CaseSnapshot,
} from "@/domain/workflow/case-workflow";
import { availableActions, caseSubject, transition } from "@/domain/workflow/engine";
import { CASE_STATUSES, CN_STATUSES, type CaseStatus, type CnStatus, type ReviewOffice } from "@/domain/workflow/states";
import {
  AGENCY_ID,
  COUNTRY_ID,
  DAY,
  NOW,
  OFFICES,
  OTHER_AGENCY_ID,
  RULES,
  USERS,
  admin,
  auditor,
  caseIn,
  context,
  decidedTask,
  describeResult,
  dsca,
  dtsaReviewer,
  fire,
  firerOf,
  iaManager,
  isoDay,
  openedCase,
  partner,
  plusDays,
  plusMs,
  refuse,
  reviewerFor,
  slaRule,
  stateReviewer,
  validInput,
} from "./case-fixtures";

// ---- the state table, written out independently of CASE_EVENTS (fms-domain.md §4.2–4.4, §6) --------------------

const PRE_OFFER: readonly CaseStatus[] = ["OPENED", "IN_DEVELOPMENT", "IN_REVIEW", "READY_TO_SIGN"];
const SUSPENDABLE: readonly CaseStatus[] = [
  "OPENED",
  "IN_DEVELOPMENT",
  "IN_REVIEW",
  "READY_TO_SIGN",
  "AGENCY_SIGNED",
  "COUNTERSIGNED",
  "OFFERED",
  "ACCEPTED",
  "IMPLEMENTED",
  "EXECUTING",
  "SUPPLY_SERVICES_COMPLETE",
  "CLOSURE_PENDING",
];
const TERMINAL: readonly CaseStatus[] = ["CLOSED", "CANCELLED", "DISAPPROVED"];
const NON_TERMINAL: readonly CaseStatus[] = [...SUSPENDABLE, "EXPIRED", "SUSPENDED"];

/** A status the event keeps (notification-track events mostly). */
const keeps = (statuses: readonly CaseStatus[]) => Object.fromEntries(statuses.map((s) => [s, [s]]));
const all = (statuses: readonly CaseStatus[], to: CaseStatus) => Object.fromEntries(statuses.map((s) => [s, [to]]));

/** For each event: the states it applies to, and for each the states it can lead to. */
const EXPECTED_MOVES: Record<CaseEvent, Partial<Record<CaseStatus, readonly CaseStatus[]>>> = {
  "assign-agency": { OPENED: ["IN_DEVELOPMENT"], IN_DEVELOPMENT: ["IN_DEVELOPMENT"] },
  "approve-loa": { IN_DEVELOPMENT: ["IN_REVIEW"] },
  concur: { IN_REVIEW: ["IN_REVIEW", "READY_TO_SIGN"] },
  "concur-with-comment": { IN_REVIEW: ["IN_REVIEW", "READY_TO_SIGN"] },
  "return-for-rework": { IN_REVIEW: ["IN_DEVELOPMENT"] },
  disapprove: { IN_REVIEW: ["DISAPPROVED"] },
  // A waived review may be the last one the AND-join waited for.
  "review-not-required": { IN_REVIEW: ["IN_REVIEW", "READY_TO_SIGN"] },
  // Requiring notification sends a ready case back to review; dropping it lets a fully reviewed case be ready.
  "set-notification-requirement": {
    OPENED: ["OPENED"],
    IN_DEVELOPMENT: ["IN_DEVELOPMENT"],
    IN_REVIEW: ["IN_REVIEW", "READY_TO_SIGN"],
    READY_TO_SIGN: ["READY_TO_SIGN", "IN_REVIEW"],
  },
  "send-notification-to-state": keeps(PRE_OFFER),
  "clear-notification": keeps(PRE_OFFER),
  "notify-congress": keeps(PRE_OFFER),
  // The end of the formal period is the last part of the AND-join for a fully reviewed case.
  "notification-period-ended": {
    OPENED: ["OPENED"],
    IN_DEVELOPMENT: ["IN_DEVELOPMENT"],
    IN_REVIEW: ["IN_REVIEW", "READY_TO_SIGN"],
    READY_TO_SIGN: ["READY_TO_SIGN"],
  },
  "record-notification-blocked": keeps(PRE_OFFER),
  "hold-notification": keeps(PRE_OFFER),
  "release-notification-hold": keeps(PRE_OFFER),
  sign: { READY_TO_SIGN: ["AGENCY_SIGNED"] },
  countersign: { AGENCY_SIGNED: ["COUNTERSIGNED"] },
  offer: { COUNTERSIGNED: ["OFFERED"] },
  accept: { OFFERED: ["ACCEPTED"] },
  "request-changes": { OFFERED: ["IN_DEVELOPMENT"] },
  "expire-offer": { OFFERED: ["EXPIRED"] },
  restate: { EXPIRED: ["IN_DEVELOPMENT"], COUNTERSIGNED: ["IN_DEVELOPMENT"] },
  // A deposit that does not cover the amount due is recorded and the case stays accepted.
  "record-deposit": { ACCEPTED: ["IMPLEMENTED", "ACCEPTED"] },
  "emergency-implement": { ACCEPTED: ["IMPLEMENTED"] },
  "start-execution": { IMPLEMENTED: ["EXECUTING"] },
  "declare-supply-complete": { EXECUTING: ["SUPPLY_SERVICES_COMPLETE"] },
  "submit-closure": { SUPPLY_SERVICES_COMPLETE: ["CLOSURE_PENDING"] },
  close: { CLOSURE_PENDING: ["CLOSED"] },
  // SAMM C16 reinstatement: the one way out of a terminal state.
  reopen: { CLOSED: ["EXECUTING"] },
  suspend: all(SUSPENDABLE, "SUSPENDED"),
  resume: { SUSPENDED: SUSPENDABLE },
  cancel: all(NON_TERMINAL, "CANCELLED"),
};

/** Notification-track events: the track states they need and the ones they lead to (§4.3). */
const EXPECTED_CN: Partial<Record<CaseEvent, { from: readonly CnStatus[]; to: readonly CnStatus[] }>> = {
  "set-notification-requirement": { from: ["NOT_REQUIRED", "PREPARATION"], to: ["NOT_REQUIRED", "PREPARATION"] },
  "send-notification-to-state": { from: ["PREPARATION"], to: ["STATE_CLEARANCE"] },
  "clear-notification": { from: ["STATE_CLEARANCE"], to: ["INFORMAL_REVIEW", "FORMALLY_NOTIFIED"] },
  "notify-congress": { from: ["INFORMAL_REVIEW"], to: ["FORMALLY_NOTIFIED"] },
  "notification-period-ended": { from: ["FORMALLY_NOTIFIED"], to: ["CLEARED"] },
  "record-notification-blocked": { from: ["FORMALLY_NOTIFIED"], to: ["BLOCKED"] },
  "hold-notification": { from: ["PREPARATION", "STATE_CLEARANCE", "INFORMAL_REVIEW"], to: ["HELD"] },
  "release-notification-hold": { from: ["HELD"], to: ["PREPARATION", "STATE_CLEARANCE", "INFORMAL_REVIEW"] },
};

/** The clock fires these; people fire the rest. */
const EXPECTED_TIMED: readonly CaseEvent[] = ["expire-offer", "notification-period-ended"];

const def = (event: CaseEvent): CaseEventDefinition => CASE_EVENTS[event];
const sorted = <T extends string>(values: readonly T[]) => [...values].sort();

describe("the definition matches the expected table", () => {
  it("knows exactly these events", () => {
    expect(sorted(CASE_EVENT_NAMES)).toEqual(sorted(Object.keys(EXPECTED_MOVES)));
    expect(sorted(TIMED_EVENTS)).toEqual(sorted(EXPECTED_TIMED));
    expect(sorted(ACTOR_EVENTS)).toEqual(sorted(CASE_EVENT_NAMES.filter((e) => !EXPECTED_TIMED.includes(e))));
  });

  it.each(CASE_EVENT_NAMES)("%s: from and notification states", (event) => {
    expect(sorted(def(event).from)).toEqual(sorted(Object.keys(EXPECTED_MOVES[event]) as CaseStatus[]));
    expect(def(event).cnFrom ? sorted(def(event).cnFrom!) : undefined).toEqual(
      EXPECTED_CN[event] ? sorted(EXPECTED_CN[event].from) : undefined,
    );
    expect(def(event).cnTo ? sorted(def(event).cnTo!) : undefined).toEqual(EXPECTED_CN[event] ? sorted(EXPECTED_CN[event].to) : undefined);
  });

  it.each(CASE_EVENT_NAMES)("%s: every expected destination is declared in `to`", (event) => {
    const { to } = def(event);
    for (const [from, destinations] of Object.entries(EXPECTED_MOVES[event])) {
      for (const destination of destinations!) {
        if (to === "same") expect(destination, `${event} from ${from}`).toBe(from);
        else expect(to, `${event} from ${from}`).toContain(destination);
      }
    }
  });

  it("no event leaves a terminal state but DSCA's reopening of a closed case", () => {
    for (const event of CASE_EVENT_NAMES) {
      for (const status of TERMINAL) {
        if (event === "reopen" && status === "CLOSED") continue;
        expect(def(event).from, event).not.toContain(status);
      }
    }
    expect(def("reopen")).toMatchObject({ from: ["CLOSED"], to: ["EXECUTING"], permission: "reopenCase", commentRequired: true, inbox: false });
  });
});

/** The cases the table fires on: one per state, and in review also one whose reviews all concurred (waiting on the track). */
function variants(status: CaseStatus, cn: CnStatus): CaseSnapshot[] {
  const plain = caseIn(status, cn);
  if (status !== "IN_REVIEW") return [plain];
  return [plain, { ...plain, tasks: OFFICES.map((o) => decidedTask(o)) }];
}

describe("exhaustive state × event table", () => {
  // Every case status × every notification state, fired by someone who holds the event's rule (the clock for timed events).
  const successes = new Map<CaseEvent, number>();

  it.each(CASE_EVENT_NAMES)("%s is refused as invalid-state exactly outside its states", (event) => {
    let ok = 0;
    for (const status of CASE_STATUSES) {
      for (const [cn, snapshot] of CN_STATUSES.flatMap((cn) => variants(status, cn).map((v) => [cn, v] as const))) {
        const actor = firerOf(event, snapshot);
        if (actor) expect(decide(actor, def(event).permission!, caseSubject(snapshot)), `${event} actor`).toBe("allow");
        const applies = status in EXPECTED_MOVES[event] && (!EXPECTED_CN[event] || EXPECTED_CN[event].from.includes(cn));
        const result = transition(snapshot, event, actor, validInput(event, snapshot), context());
        const where = `${event} on ${status}/${cn}: ${describeResult(result)}`;
        if (!applies) {
          expect(result.ok, where).toBe(false);
          expect(!result.ok && result.kind, where).toBe("invalid-state");
          continue;
        }
        if (!result.ok) {
          expect(["invalid-state", "forbidden", "not-found"], where).not.toContain(result.kind);
          continue;
        }
        ok += 1;
        const { to } = def(event);
        expect(EXPECTED_MOVES[event][status], where).toContain(result.next.status);
        if (to === "same") expect(result.next.status, where).toBe(status);
        else expect(to, where).toContain(result.next.status);
        if (EXPECTED_CN[event]) expect(EXPECTED_CN[event].to, where).toContain(result.next.cn.status);
        else expect(result.next.cn.status, where).toBe(cn);
      }
    }
    successes.set(event, ok);
    // The table is not vacuous: every event succeeds from at least one of its states.
    expect(ok, `${event} never succeeded`).toBeGreaterThan(0);
  });

  it("invalid-state names the event", () => {
    const result = refuse(caseIn("CLOSED"), "approve-loa", iaManager());
    expect(result).toMatchObject({ kind: "invalid-state" });
    expect(result.message).toContain("approve-loa");
  });

  it.each(TERMINAL)("nothing leaves %s, whoever fires it (but DSCA's reopen of a closed case)", (status) => {
    const everyone = [partner(), dsca(), stateReviewer(), dtsaReviewer(), iaManager(), admin(), auditor(), null];
    for (const cn of CN_STATUSES) {
      const snapshot = caseIn(status, cn);
      expect(availableActions(snapshot, dsca(), context())).toEqual(status === "CLOSED" ? ["reopen"] : []);
      for (const event of CASE_EVENT_NAMES) {
        if (event === "reopen" && status === "CLOSED") continue;
        for (const actor of everyone) {
          const result = transition(snapshot, event, actor, validInput(event, snapshot), context());
          expect(result.ok, `${event} by ${actor?.role ?? "clock"} on ${status}`).toBe(false);
        }
        expect(transition(snapshot, event, firerOf(event, snapshot), validInput(event, snapshot), context())).toMatchObject({
          ok: false,
          kind: "invalid-state",
        });
      }
    }
  });
});

// ---- the main path ----------------------------------------------------------------------------------------------

const TUESDAY = plusDays(NOW, 1); // 2026-03-03T14:00Z

/** A case in development with the agency assigned by DSCA. */
function inDevelopment(): CaseSnapshot {
  return fire(openedCase(), "assign-agency", dsca(), { agencyId: AGENCY_ID }, context(NOW));
}

function approved(snapshot = inDevelopment(), at = TUESDAY, overrides: Parameters<typeof context>[1] = {}) {
  return fire(snapshot, "approve-loa", iaManager(), {}, context(at, overrides));
}

function concurAll(snapshot: CaseSnapshot, at = plusDays(TUESDAY, 2)) {
  let next = snapshot;
  for (const office of OFFICES) next = fire(next, "concur", reviewerFor(office), {}, context(at));
  return next;
}

describe("main path end to end", () => {
  it("OPENED → IN_DEVELOPMENT → … → CLOSED, recording each milestone", () => {
    let c = openedCase();
    const ia = iaManager(OTHER_AGENCY_ID);

    c = fire(c, "assign-agency", dsca(), { agencyId: OTHER_AGENCY_ID }, context(NOW));
    expect(c).toMatchObject({ status: "IN_DEVELOPMENT", agencyId: OTHER_AGENCY_ID, statusChangedAt: NOW, statusSlaRuleId: "rule-load" });
    expect(c.statusDueAt).toEqual(plusDays(NOW, 45)); // LOA development: 45 calendar days

    // The agency the case was taken from no longer develops it; the new one does.
    expect(refuse(c, "approve-loa", iaManager(AGENCY_ID)).kind).toBe("forbidden");
    c = fire(c, "approve-loa", ia, {}, context(TUESDAY));
    expect(c).toMatchObject({
      status: "IN_REVIEW",
      reviewRound: 1,
      agencyApprovedAt: TUESDAY,
      loaPreparerIds: [ia.userId],
      statusChangedAt: TUESDAY,
      statusDueAt: null,
    });
    expect(c.offerExpiresAt).toEqual(plusDays(TUESDAY, 85));
    expect(c.tasks.map((t) => [t.office, t.status, t.round])).toEqual([
      ["DSCA", "OPEN", 1],
      ["STATE_PM", "OPEN", 1],
      ["DTSA", "OPEN", 1],
    ]);

    const t1 = plusDays(TUESDAY, 2);
    c = fire(c, "concur", dsca(), {}, context(t1));
    expect(c.status).toBe("IN_REVIEW");
    c = fire(c, "concur-with-comment", stateReviewer(), { comment: "Note the RSAT condition.", commentVisibility: "PARTNER_VISIBLE" }, context(t1));
    expect(c.status).toBe("IN_REVIEW");
    c = fire(c, "concur", dtsaReviewer(), {}, context(t1));
    expect(c).toMatchObject({ status: "READY_TO_SIGN", statusChangedAt: t1, statusSlaRuleId: "rule-sign" });
    expect(c.tasks.map((t) => [t.office, t.decision, t.decidedById, t.comment, t.commentVisibility])).toEqual([
      ["DSCA", "CONCUR", USERS.dsca, null, null],
      ["STATE_PM", "CONCUR_WITH_COMMENT", USERS.state, "Note the RSAT condition.", "PARTNER_VISIBLE"],
      ["DTSA", "CONCUR", USERS.dtsa, null, null],
    ]);
    expect(c.tasks.every((t) => t.decidedAt?.getTime() === t1.getTime())).toBe(true);

    const t2 = plusDays(t1, 1);
    c = fire(c, "sign", ia, {}, context(t2));
    expect(c).toMatchObject({ status: "AGENCY_SIGNED", agencySignedAt: t2, loaPreparerIds: [ia.userId] });
    c = fire(c, "countersign", dsca(USERS.dsca2), {}, context(t2));
    expect(c).toMatchObject({ status: "COUNTERSIGNED", countersignedAt: t2 });

    const t3 = plusDays(t2, 1);
    c = fire(c, "offer", ia, {}, context(t3));
    expect(c).toMatchObject({ status: "OFFERED", offeredAt: t3 });
    expect(c.statusDueAt).toEqual(c.offerExpiresAt); // the partner's clock is the OED

    const t4 = plusDays(t3, 10);
    const acceptance = { signerName: "Col. R. Signer", signerTitle: "Director of Armaments", signedOn: isoDay(t4), initialDeposit: "1250000.50" };
    c = fire(c, "accept", partner(), acceptance, context(t4));
    expect(c).toMatchObject({ status: "ACCEPTED", acceptedAt: t4, acceptance });

    const t5 = plusDays(t4, 3);
    c = fire(c, "record-deposit", dsca(), { amount: "1250000.50", receivedOn: isoDay(t5) }, context(t5));
    expect(c).toMatchObject({ status: "IMPLEMENTED", depositReceivedAt: t5, implementedAt: t5, emergencyImplementation: false });

    for (const [event, status, input] of [
      ["start-execution", "EXECUTING", {}],
      ["declare-supply-complete", "SUPPLY_SERVICES_COMPLETE", {}],
      ["submit-closure", "CLOSURE_PENDING", { closureType: "ACC" }],
    ] as const) {
      c = fire(c, event, ia, input, context(t5));
      expect(c.status).toBe(status);
    }
    const t6 = plusDays(t5, 400);
    c = fire(c, "close", dsca(), {}, context(t6));
    expect(c).toMatchObject({ status: "CLOSED", closedAt: t6, statusDueAt: null, statusSlaRuleId: null });
    for (const actor of [ia, partner()]) expect(availableActions(c, actor, context(t6))).toEqual([]);
    // Only DSCA may reopen it, with a reason.
    expect(availableActions(c, dsca(), context(t6))).toEqual(["reopen"]);
  });

  it("approval opens three review tasks due by their business-day and calendar-day rules (holidays skipped)", () => {
    const c = approved(inDevelopment(), TUESDAY, { holidays: new Set(["2026-03-09"]) });
    const byOffice = Object.fromEntries(c.tasks.map((t) => [t.office, t]));
    // DSCA and State: 10 business days from Tuesday 3 March, with Monday 9 March a holiday → Wednesday 18 March.
    expect(byOffice.DSCA).toMatchObject({ openedAt: TUESDAY, dueAt: new Date("2026-03-18T14:00:00.000Z"), slaRuleId: "rule-review-dsca" });
    expect(byOffice.STATE_PM).toMatchObject({ dueAt: new Date("2026-03-18T14:00:00.000Z"), slaRuleId: "rule-review-state" });
    // DTSA: 30 calendar days.
    expect(byOffice.DTSA).toMatchObject({ dueAt: new Date("2026-04-02T14:00:00.000Z"), slaRuleId: "rule-review-dtsa" });
    for (const t of c.tasks) expect(t).toMatchObject({ status: "OPEN", round: 1, decision: null, decidedById: null });
  });

  it("a review office without a rule in force is due at once (shows as overdue rather than hiding)", () => {
    const rules = RULES.filter((r) => r.key !== "REVIEW_DTSA");
    const c = approved(inDevelopment(), TUESDAY, { rules });
    expect(c.tasks.find((t) => t.office === "DTSA")).toMatchObject({ dueAt: TUESDAY, slaRuleId: null });
  });

  it.each([
    ["the country's own offer validity", { countryOedDays: 120 }, 120],
    ["the OFFER_VALIDITY rule in force", { rules: [...RULES.filter((r) => r.key !== "OFFER_VALIDITY"), slaRule("oed-old", "OFFER_VALIDITY", 60, "CALENDAR", new Date("2020-01-01"), new Date("2026-01-01")), slaRule("oed-new", "OFFER_VALIDITY", 90, "CALENDAR", new Date("2026-01-01"))] }, 90],
    ["85 days when no rule is in force", { rules: RULES.filter((r) => r.key !== "OFFER_VALIDITY") }, 85],
  ] as const)("the offer expiration date is approval + %s", (_label, overrides, days) => {
    const c = approved(inDevelopment(), TUESDAY, overrides);
    expect(c.offerExpiresAt).toEqual(plusDays(TUESDAY, days));
  });

  const PERMUTATIONS: ReviewOffice[][] = [
    ["DSCA", "STATE_PM", "DTSA"],
    ["DSCA", "DTSA", "STATE_PM"],
    ["STATE_PM", "DSCA", "DTSA"],
    ["STATE_PM", "DTSA", "DSCA"],
    ["DTSA", "DSCA", "STATE_PM"],
    ["DTSA", "STATE_PM", "DSCA"],
  ];

  it.each(PERMUTATIONS)("reviews in the order %s, %s, %s: ready to sign only after the third concurrence", (...order) => {
    let c = approved();
    order.forEach((office, index) => {
      // The middle reviewer concurs with a comment: it counts as a concurrence too.
      const event = index === 1 ? "concur-with-comment" : "concur";
      const at = plusDays(TUESDAY, index + 1);
      c = fire(c, event, reviewerFor(office), { comment: index === 1 ? "Minor wording." : undefined }, context(at));
      const mine = c.tasks.find((t) => t.office === office)!;
      expect(mine).toMatchObject({ status: "DECIDED", decision: index === 1 ? "CONCUR_WITH_COMMENT" : "CONCUR", decidedAt: at });
      expect(c.status).toBe(index < 2 ? "IN_REVIEW" : "READY_TO_SIGN");
      if (index < 2) expect(availableActions(c, iaManager(), context(at))).not.toContain("sign");
    });
    expect(availableActions(c, iaManager(), context())).toContain("sign");
  });

  it("emergency implementation: DSCA implements an accepted case without the deposit, with a reason", () => {
    const c = caseIn("ACCEPTED");
    expect(refuse(c, "emergency-implement", dsca(), {}).kind).toBe("invalid-input");
    const next = fire(c, "emergency-implement", dsca(), { comment: "Urgent operational need." });
    expect(next).toMatchObject({ status: "IMPLEMENTED", emergencyImplementation: true, implementedAt: NOW, depositReceivedAt: null });
    expect(fire(next, "start-execution", iaManager()).status).toBe("EXECUTING");
  });
});

describe("return, disapproval and counter-offer", () => {
  it.each(OFFICES)("a return by %s sends the case back to development, cancels the open tasks and opens round 2 on the next approval", (office) => {
    let c = approved();
    const first = OFFICES.find((o) => o !== office)!;
    c = fire(c, "concur", reviewerFor(first), {}, context(plusDays(TUESDAY, 1)));
    c = fire(c, "return-for-rework", reviewerFor(office), { comment: "Pricing is incomplete." }, context(plusDays(TUESDAY, 2)));
    expect(c).toMatchObject({ status: "IN_DEVELOPMENT", reviewRound: 1, agencyApprovedAt: null, offerExpiresAt: null });
    expect(c.statusChangedAt).toEqual(plusDays(TUESDAY, 2));
    const statuses = Object.fromEntries(c.tasks.map((t) => [t.office, [t.status, t.decision]]));
    const third = OFFICES.find((o) => o !== office && o !== first)!;
    expect(statuses).toEqual({ [first]: ["DECIDED", "CONCUR"], [office]: ["DECIDED", "RETURN"], [third]: ["CANCELLED", null] });
    expect(c.tasks.find((t) => t.office === office)?.comment).toBe("Pricing is incomplete.");

    const roundOne = c.tasks;
    const again = plusDays(TUESDAY, 10);
    c = approved(c, again);
    expect(c).toMatchObject({ status: "IN_REVIEW", reviewRound: 2, agencyApprovedAt: again });
    expect(c.offerExpiresAt).toEqual(plusDays(again, 85));
    expect(c.tasks).toHaveLength(6);
    expect(c.tasks.filter((t) => t.round === 2).map((t) => [t.office, t.status])).toEqual([
      ["DSCA", "OPEN"],
      ["STATE_PM", "OPEN"],
      ["DTSA", "OPEN"],
    ]);
    // Round 1's concurrence does not carry over: round 2 needs all three again.
    c = fire(c, "concur", reviewerFor(first), {}, context(plusDays(again, 1)));
    c = fire(c, "concur", reviewerFor(office), {}, context(plusDays(again, 1)));
    expect(c.status).toBe("IN_REVIEW");
    c = fire(c, "concur", reviewerFor(third), {}, context(plusDays(again, 1)));
    expect(c.status).toBe("READY_TO_SIGN");
    // Round 1's decisions stay on record as they were.
    expect(c.tasks.filter((t) => t.round === 1)).toEqual(roundOne);
  });

  it.each(OFFICES)("a disapproval by %s ends the case and cancels the other open reviews", (office) => {
    const c = fire(approved(), "disapprove", reviewerFor(office), { comment: "Not releasable." });
    expect(c.status).toBe("DISAPPROVED");
    expect(c.tasks.find((t) => t.office === office)).toMatchObject({ status: "DECIDED", decision: "DISAPPROVE" });
    expect(c.tasks.filter((t) => t.office !== office).map((t) => t.status)).toEqual(["CANCELLED", "CANCELLED"]);
    for (const event of CASE_EVENT_NAMES) expect(refuse(c, event, firerOf(event, c), validInput(event, c)).kind).toBe("invalid-state");
  });

  it("a counter-offer (request-changes) sends the offer back to development; the next approval is a new round", () => {
    const offered = caseIn("OFFERED", "NOT_REQUIRED", { agencySignedAt: plusDays(NOW, -7), countersignedAt: plusDays(NOW, -6) });
    expect(refuse(offered, "request-changes", partner(), {}).kind).toBe("invalid-input");
    const c = fire(offered, "request-changes", partner(), { comment: "Please add spare parts to line 3." });
    expect(c).toMatchObject({
      status: "IN_DEVELOPMENT",
      statusChangedAt: NOW,
      agencyApprovedAt: null,
      offerExpiresAt: null,
      agencySignedAt: null,
      countersignedAt: null,
      offeredAt: null,
      acceptance: null,
    });
    const again = approved(c, plusDays(NOW, 5));
    expect(again).toMatchObject({ status: "IN_REVIEW", reviewRound: 2 });
  });

  it("restate: an expired offer, or a countersigned one past its OED, goes back to development", () => {
    expect(fire(caseIn("EXPIRED"), "restate", iaManager())).toMatchObject({ status: "IN_DEVELOPMENT", offerExpiresAt: null, offeredAt: null });
    const countersigned = caseIn("COUNTERSIGNED", "NOT_REQUIRED", { offerExpiresAt: NOW });
    expect(fire(countersigned, "restate", iaManager()).status).toBe("IN_DEVELOPMENT");
    expect(refuse(countersigned, "offer", iaManager()).kind).toBe("guard");
    const stillValid = caseIn("COUNTERSIGNED", "NOT_REQUIRED", { offerExpiresAt: plusMs(NOW, 1) });
    expect(refuse(stillValid, "restate", iaManager()).kind).toBe("guard");
    expect(fire(stillValid, "offer", iaManager()).status).toBe("OFFERED");
  });
});

describe("suspend, resume and cancel", () => {
  // The state's clock started on Sunday 1 March 14:00 (OFFERED: due at its OED, 1 April); suspended Monday 2 March
  // 14:00 and resumed Thursday 5 March 14:00. Calendar targets move on 3 days; business-day ones keep the business days
  // they had left (5 business days from Sunday: due Fri 6 March, 4 left on Monday → from Thursday: Wed 11 March).
  const RESUMED_DUE: Partial<Record<CaseStatus, string>> = {
    OPENED: "2026-03-11T14:00:00.000Z",
    IN_DEVELOPMENT: "2026-04-18T14:00:00.000Z", // 45 calendar days: 15 April + 3
    READY_TO_SIGN: "2026-03-11T14:00:00.000Z",
    AGENCY_SIGNED: "2026-03-11T14:00:00.000Z",
    COUNTERSIGNED: "2026-03-09T14:00:00.000Z", // 3 business days: Wed 4 March, 2 left → Fri 6, Mon 9
    OFFERED: "2026-04-04T14:00:00.000Z", // the OED, 1 April + 3
    ACCEPTED: "2026-03-18T14:00:00.000Z", // 10 business days: Fri 13 March, 9 left → Wed 18 March
    SUPPLY_SERVICES_COMPLETE: "2026-04-03T14:00:00.000Z", // 30 calendar days: 31 March + 3
  };
  const AFTER_ACCEPTANCE: readonly CaseStatus[] = ["ACCEPTED", "IMPLEMENTED", "EXECUTING", "SUPPLY_SERVICES_COMPLETE", "CLOSURE_PENDING"];

  it.each(SUSPENDABLE)("%s: suspend and resume returns to it, its clock resumed where it stopped, not restarted", (status) => {
    const start = plusDays(NOW, -1);
    const base = caseIn(status, "NOT_REQUIRED", AFTER_ACCEPTANCE.includes(status) ? { acceptedAt: plusDays(NOW, -10) } : {});
    const c: CaseSnapshot = { ...base, ...statusClock(status, base.offerExpiresAt, context(start)) };
    const suspended = fire(c, "suspend", dsca(), { comment: "Sanctions review." }, context(NOW));
    expect(suspended).toMatchObject({
      status: "SUSPENDED",
      suspendedFromStatus: status,
      statusChangedAt: NOW,
      statusDueAt: null,
      pausedStatusClock: { statusChangedAt: start, statusDueAt: c.statusDueAt, statusSlaRuleId: c.statusSlaRuleId },
    });
    expect(availableActions(suspended, dsca(), context())).toEqual(expect.arrayContaining(["resume", "cancel"]));
    const later = plusDays(NOW, 3);
    const resumed = fire(suspended, "resume", dsca(), {}, context(later));
    expect(resumed).toMatchObject({ status, suspendedFromStatus: null, pausedStatusClock: null, statusChangedAt: start, statusSlaRuleId: c.statusSlaRuleId });
    expect(resumed.statusDueAt?.toISOString() ?? null).toBe(RESUMED_DUE[status] ?? null);
    // The offer's validity was running until acceptance; open reviews (IN_REVIEW, no rule: calendar) move on 3 days.
    const offerRunning = !AFTER_ACCEPTANCE.includes(status) && c.offerExpiresAt !== null;
    expect(resumed.offerExpiresAt).toEqual(offerRunning ? plusDays(c.offerExpiresAt!, 3) : c.offerExpiresAt);
    if (status === "OFFERED") expect(resumed.statusDueAt).toEqual(resumed.offerExpiresAt);
    expect(resumed.tasks.map((t) => t.dueAt)).toEqual(c.tasks.map((t) => (t.status === "OPEN" ? plusDays(t.dueAt, 3) : t.dueAt)));
    // Nothing else changed while it was suspended.
    expect({ ...resumed, statusDueAt: c.statusDueAt, offerExpiresAt: c.offerExpiresAt, tasks: c.tasks }).toEqual(c);
  });

  it("a suspended case cannot be suspended again, and only resume or cancel apply", () => {
    const suspended = fire(caseIn("IN_REVIEW"), "suspend", dsca(), { comment: "Hold." });
    expect(refuse(suspended, "suspend", dsca(), { comment: "Again" }).kind).toBe("invalid-state");
    expect(availableActions(suspended, dsca(), context()).sort()).toEqual(["cancel", "resume"]);
    expect(refuse(suspended, "concur", dsca()).kind).toBe("invalid-state");
  });

  it.each(NON_TERMINAL)("%s can be cancelled with a reason", (status) => {
    const c = fire(caseIn(status), "cancel", dsca(), { comment: "Partner withdrew the requirement." });
    expect(c).toMatchObject({ status: "CANCELLED", statusChangedAt: NOW });
    expect(c.tasks.some((t) => t.status === "OPEN")).toBe(false);
    if (status === "IN_REVIEW") expect(c.tasks.map((t) => t.status)).toEqual(["CANCELLED", "CANCELLED", "CANCELLED"]);
  });
});

// ---- the notification track -------------------------------------------------------------------------------------

describe("congressional notification track", () => {
  const cnOf = (c: CaseSnapshot) => c.cn.status;

  it("set-notification-requirement: required → PREPARATION and back, the case status unchanged in development", () => {
    let c = inDevelopment();
    c = fire(c, "set-notification-requirement", dsca(), { required: true });
    expect(c).toMatchObject({ status: "IN_DEVELOPMENT", cn: { status: "PREPARATION" } });
    expect(refuse(c, "set-notification-requirement", dsca(), { required: true })).toMatchObject({ kind: "invalid-input", field: "required" });
    c = fire(c, "set-notification-requirement", dsca(), { required: false });
    expect(cnOf(c)).toBe("NOT_REQUIRED");
    expect(refuse(c, "set-notification-requirement", dsca(), { required: false })).toMatchObject({ kind: "invalid-input", field: "required" });
  });

  it("a ready-to-sign case goes back to review when notification becomes required, and is ready again when it is not", () => {
    const ready = concurAll(approved());
    expect(ready.status).toBe("READY_TO_SIGN");
    const later = plusDays(TUESDAY, 4);
    const back = fire(ready, "set-notification-requirement", dsca(), { required: true }, context(later));
    expect(back).toMatchObject({ status: "IN_REVIEW", statusChangedAt: later, cn: { status: "PREPARATION" } });
    expect(refuse(back, "sign", iaManager()).kind).toBe("invalid-state");
    const readyAgain = fire(back, "set-notification-requirement", dsca(), { required: false }, context(later));
    expect(readyAgain).toMatchObject({ status: "READY_TO_SIGN", cn: { status: "NOT_REQUIRED" } });
  });

  it("all reviews concurred is not enough while notification is pending (AND-join with the track)", () => {
    let c = fire(approved(), "set-notification-requirement", dsca(), { required: true });
    c = concurAll(c);
    expect(c.status).toBe("IN_REVIEW");
    expect(c.tasks.every((t) => t.decision === "CONCUR")).toBe(true);
  });

  it("non-NATO+: State clears → 20-day informal review → formal notification of 30 days", () => {
    let c = fire(inDevelopment(), "set-notification-requirement", dsca(), { required: true });
    c = fire(c, "send-notification-to-state", dsca());
    expect(cnOf(c)).toBe("STATE_CLEARANCE");
    expect(refuse(c, "clear-notification", dsca()).kind).toBe("forbidden");
    const cleared = plusDays(NOW, 2);
    c = fire(c, "clear-notification", stateReviewer(), {}, context(cleared));
    expect(c.cn).toMatchObject({ status: "INFORMAL_REVIEW", informalEndsAt: plusDays(cleared, 20), notifiedAt: null });
    expect(c.status).toBe("IN_DEVELOPMENT");

    const early = plusMs(plusDays(cleared, 20), -1);
    expect(refuse(c, "notify-congress", dsca(), {}, context(early)).kind).toBe("guard");
    expect(availableActions(c, dsca(), context(early))).not.toContain("notify-congress");
    const due = plusDays(cleared, 20);
    expect(availableActions(c, dsca(), context(due))).toContain("notify-congress");
    c = fire(c, "notify-congress", dsca(), {}, context(due));
    expect(c.cn).toMatchObject({ status: "FORMALLY_NOTIFIED", notifiedAt: due, periodEndsAt: plusDays(due, 30) });
  });

  it("NATO+: State's clearance goes straight to formal notification of 15 days", () => {
    let c = fire(inDevelopment(), "set-notification-requirement", dsca(), { required: true });
    c = { ...c, natoPlus: true };
    c = fire(c, "send-notification-to-state", dsca());
    c = fire(c, "clear-notification", stateReviewer(), {}, context(plusDays(NOW, 1)));
    expect(c.cn).toMatchObject({ status: "FORMALLY_NOTIFIED", informalEndsAt: null, notifiedAt: plusDays(NOW, 1), periodEndsAt: plusDays(NOW, 16) });
  });

  it("the notification periods come from the rules in force", () => {
    const rules = [
      ...RULES.filter((r) => r.key !== "CN_FORMAL_OTHER"),
      slaRule("cn-other-old", "CN_FORMAL_OTHER", 30, "CALENDAR", new Date("2020-01-01"), new Date("2026-01-01")),
      slaRule("cn-other-new", "CN_FORMAL_OTHER", 45, "CALENDAR", new Date("2026-01-01")),
    ];
    const c = fire(caseIn("IN_REVIEW", "INFORMAL_REVIEW"), "notify-congress", dsca(), {}, context(NOW, { rules }));
    expect(c.cn.periodEndsAt).toEqual(plusDays(NOW, 45));
  });

  it.each(["PREPARATION", "STATE_CLEARANCE", "INFORMAL_REVIEW"] as const)("hold from %s and release returns there", (from) => {
    const c = caseIn("IN_REVIEW", from);
    expect(refuse(c, "hold-notification", dsca(), {})).toMatchObject({ kind: "invalid-input", field: "comment" });
    const held = fire(c, "hold-notification", stateReviewer(), { comment: "Political hold requested by SFRC." });
    expect(held.cn).toMatchObject({ status: "HELD", heldFrom: from });
    expect(held.status).toBe("IN_REVIEW");
    expect(refuse(held, "hold-notification", dsca(), { comment: "again" }).kind).toBe("invalid-state");
    const released = fire(held, "release-notification-hold", dsca());
    expect(released.cn).toMatchObject({ status: from, heldFrom: null });
    expect({ ...released.cn }).toEqual({ ...c.cn, heldFrom: null });
  });

  it("a formal notification cannot be held, only ended by the period or blocked by joint resolution", () => {
    const notified = caseIn("IN_REVIEW", "FORMALLY_NOTIFIED");
    expect(refuse(notified, "hold-notification", dsca(), { comment: "hold" }).kind).toBe("invalid-state");
    expect(refuse(notified, "record-notification-blocked", dsca(), {})).toMatchObject({ kind: "invalid-input", field: "comment" });
    const blocked = fire(notified, "record-notification-blocked", dsca(), { comment: "S.J.Res. 12 enacted." });
    expect(blocked).toMatchObject({ status: "IN_REVIEW", cn: { status: "BLOCKED" } });
    for (const event of ["set-notification-requirement", "send-notification-to-state", "notify-congress", "hold-notification", "release-notification-hold"] as const) {
      expect(refuse(blocked, event, firerOf(event, blocked), validInput(event, blocked)).kind, event).toBe("invalid-state");
    }
  });

  const UNCLEARED: readonly CnStatus[] = ["PREPARATION", "STATE_CLEARANCE", "INFORMAL_REVIEW", "FORMALLY_NOTIFIED", "BLOCKED", "HELD"];
  const SIGNING = [
    ["READY_TO_SIGN", "sign"],
    ["AGENCY_SIGNED", "countersign"],
    ["COUNTERSIGNED", "offer"],
  ] as const;

  it.each(SIGNING)("in %s, %s is refused (guard) while the track is not cleared or not required", (status, event) => {
    for (const cn of UNCLEARED) {
      const c = caseIn(status, cn);
      const result = refuse(c, event, firerOf(event, c));
      expect(result.kind, cn).toBe("guard");
      expect(result.message).toMatch(/notification/i);
      expect(availableActions(c, firerOf(event, c)!, context()), cn).not.toContain(event);
    }
    for (const cn of ["NOT_REQUIRED", "CLEARED"] as const) {
      const c = caseIn(status, cn);
      expect(transition(c, event, firerOf(event, c), {}, context()).ok, cn).toBe(true);
      expect(availableActions(c, firerOf(event, c)!, context())).toContain(event);
    }
  });

  it("the whole track on the main path: the formal period's end makes a reviewed case ready to sign", () => {
    let c = fire(approved(), "set-notification-requirement", dsca(), { required: true });
    c = concurAll(c);
    c = fire(c, "send-notification-to-state", dsca());
    c = fire(c, "clear-notification", stateReviewer(), {}, context(plusDays(NOW, 5)));
    const notifyAt = plusDays(NOW, 25);
    c = fire(c, "notify-congress", dsca(), {}, context(notifyAt));
    expect(c.status).toBe("IN_REVIEW");
    const ended = plusDays(notifyAt, 30);
    c = fire(c, "notification-period-ended", null, {}, context(ended));
    expect(c).toMatchObject({ status: "READY_TO_SIGN", statusChangedAt: ended, cn: { status: "CLEARED" } });
    expect(fire(c, "sign", iaManager(), {}, context(plusMs(ended, DAY))).status).toBe("AGENCY_SIGNED");
  });
});

describe("who fires what", () => {
  it("the clock's events refuse people, and people's events refuse the clock", () => {
    const offered = caseIn("OFFERED", "NOT_REQUIRED", { offerExpiresAt: plusDays(NOW, -1) });
    for (const actor of [dsca(), admin(), partner(), iaManager()]) expect(refuse(offered, "expire-offer", actor).kind).toBe("forbidden");
    expect(refuse(caseIn("OPENED"), "assign-agency", null, { agencyId: AGENCY_ID }).kind).toBe("forbidden");
    expect(refuse(caseIn("IN_REVIEW"), "concur", null).kind).toBe("forbidden");
  });

  it("the policy is checked before the state: a forbidden role learns nothing about the state", () => {
    expect(refuse(caseIn("CLOSED"), "approve-loa", partner()).kind).toBe("forbidden");
    expect(refuse(caseIn("CLOSED"), "accept", partner(COUNTRY_ID.replace(/1$/, "9"))).kind).toBe("not-found");
  });
});
