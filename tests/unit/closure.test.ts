// Closure readiness (src/domain/execution/closure.ts) and the closure events of the workflow, table-driven: each rule
// at its edge and one step either side (a day, a cent), every reason listed rather than the first, and ACC against
// non-ACC.
import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { lineExpendedWithSurcharge, lineForecast } from "@/domain/execution/billing";
import {
  ACC_TARGET_MONTHS,
  addMonths,
  closureReadiness,
  nonAccRefusal,
  unliquidatedOf,
  wholeMonthsBetween,
  type ClosureInput,
  type ClosureLineInput,
  type ClosureSdrInput,
  type ClosureType,
} from "@/domain/execution/closure";
import { CLOSURE_EVENTS } from "@/domain/execution/closure-events";
import { AnnualReviewInput } from "@/domain/schemas/closure";
import { CASE_ACTION_INPUTS } from "@/domain/schemas/cases";
import type { AfterAcceptanceFacts } from "@/domain/workflow/case-workflow";
import { availableActions, transition } from "@/domain/workflow/engine";
import { SUSPENDABLE_STATUSES, TERMINAL_STATUSES } from "@/domain/workflow/states";
import { caseIn, context, dsca, fire, iaManager, NOW, partner, refuse } from "./case-fixtures";

const SSC_AT = new Date("2025-06-10T12:00:00.000Z");

function line(overrides: Partial<ClosureLineInput> = {}): ClosureLineInput {
  return {
    lineNumber: "001",
    description: "Radio test set",
    kind: "ARTICLES",
    lineValue: "100000.00",
    // 3.5% surcharge: every dollar delivered bills $1.035.
    loadedValue: "103500.00",
    obligated: "0.00",
    expended: "100000.00",
    completion: { cancelled: false, declaredAt: SSC_AT },
    ...overrides,
  };
}

/** A case ready to close: one line delivered in full, billed $103,500.00 and paid exactly. */
function ready(overrides: Partial<ClosureInput> = {}): ClosureInput {
  return {
    now: NOW,
    status: "CLOSURE_PENDING",
    closureType: "ACC",
    lines: [line()],
    schedule: { initialDeposit: "51750.00", rows: [{ dueOn: "2025-03-15", amount: "51750.00", cumulative: "103500.00" }] },
    sdrs: [],
    deposits: "51750.00",
    payments: "51750.00",
    credits: "0.00",
    supplyCompleteAt: SSC_AT,
    closedAt: null,
    annualReviews: [{ year: NOW.getUTCFullYear(), completedAt: new Date("2026-01-20T10:00:00.000Z") }],
    ...overrides,
  };
}

const criterion = (input: ClosureInput, key: string) => closureReadiness(input).criteria.find((c) => c.key === key)!;

describe("a case with everything done", () => {
  it("is ready, every blocking criterion met, nothing due", () => {
    const readiness = closureReadiness(ready());
    expect(readiness.ready).toBe(true);
    expect(readiness.blockers).toEqual([]);
    expect(readiness.submitBlockers).toEqual([]);
    expect(readiness.criteria.map((c) => [c.key, c.met, c.blocking])).toEqual([
      ["lines", true, true],
      ["sdrs", true, true],
      ["obligations", true, false],
      ["finalBill", true, true],
      ["target", true, false],
      ["annualReview", true, false],
    ]);
    expect(readiness.statement).toMatchObject({ finalBill: "103500.00", collections: "103500.00", amountDue: "0.00", refund: "0.00" });
    expect(readiness.statement.figures).toMatchObject({ billedCumulative: "103500.00", collected: "103500.00", amountDue: "0.00", scheduleCumulative: "103500.00" });
  });
});

describe("lines", () => {
  it("a case without an LOA in force is not ready: nothing has been delivered", () => {
    const readiness = closureReadiness(ready({ lines: [], deposits: "0.00", payments: "0.00" }));
    expect(readiness.blockers).toEqual(["No LOA is in force yet"]);
    expect(readiness.ready).toBe(false);
  });

  it.each([
    ["every line SSC", [null, null], []],
    ["a cancelled line counts as done", ["cancelled", null], []],
    ["one open line is named", [null, "open"], ["Line 002 is not supply/services complete"]],
    ["every open line is named, in order", ["open", "open"], ["Line 001 is not supply/services complete", "Line 002 is not supply/services complete"]],
  ] as const)("%s", (_name, states, reasons) => {
    const lines = states.map((state, i) =>
      line({
        lineNumber: `00${i + 1}`,
        completion: state === "open" ? null : { cancelled: state === "cancelled", declaredAt: SSC_AT },
      }),
    );
    const readiness = closureReadiness(ready({ lines, deposits: "207000.00", payments: "0.00" }));
    expect(readiness.criteria[0]!.reasons).toEqual(reasons);
    expect(readiness.criteria[0]!.met).toBe(reasons.length === 0);
    expect(readiness.submitBlockers).toEqual(reasons);
    expect(readiness.lines.map((l) => l.state)).toEqual(states.map((s) => (s === "open" ? "OPEN" : s === "cancelled" ? "CANCELLED" : "SSC")));
  });
});

describe("supply discrepancy reports", () => {
  const sdr = (status: ClosureSdrInput["status"], reconsiderationLastDay: string | null = null): ClosureSdrInput => ({ number: 3, status, reconsiderationLastDay });
  const today = NOW.toISOString().slice(0, 10);
  it.each([
    ["submitted", sdr("SUBMITTED"), "SDR 3 is open: the implementing agency has not decided it yet"],
    ["reconsideration requested", sdr("RECONSIDERATION_REQUESTED"), "SDR 3 is open: the partner asked for reconsideration"],
    ["decided, window ends tomorrow", sdr("DECIDED", "2026-03-03"), "SDR 3 is open: the partner may ask for reconsideration until Mar 3, 2026 or accept the decision"],
    ["decided, window ends today (inclusive)", sdr("DECIDED", today), "SDR 3 is open: the partner may ask for reconsideration until Mar 2, 2026 or accept the decision"],
    ["decided, window ended yesterday", sdr("DECIDED", "2026-03-01"), null],
    ["decided, reconsideration already spent (no window)", sdr("DECIDED", null), null],
    ["closed", sdr("CLOSED"), null],
  ] as const)("%s", (_name, report, reason) => {
    const readiness = closureReadiness(ready({ sdrs: [report] }));
    expect(readiness.blockers).toEqual(reason ? [reason] : []);
    expect(criterion(ready({ sdrs: [report] }), "sdrs").met).toBe(reason === null);
  });

  it("lists every open report by number", () => {
    const readiness = closureReadiness(ready({ sdrs: [{ ...sdr("SUBMITTED"), number: 7 }, { ...sdr("CLOSED"), number: 1 }, { ...sdr("RECONSIDERATION_REQUESTED"), number: 2 }] }));
    expect(readiness.blockers.map((b) => b.slice(0, 6))).toEqual(["SDR 2 ", "SDR 7 "]);
    expect(criterion(ready({ sdrs: [sdr("SUBMITTED")] }), "sdrs").summary).toBe("1 open report of 1 filed");
  });
});

describe("unliquidated obligations", () => {
  it.each([
    ["nothing obligated", "0.00", "100.00", "0.00"],
    ["obligations fully delivered", "100.00", "100.00", "0.00"],
    ["a cent undelivered", "100.00", "99.99", "0.01"],
    ["delivered beyond the obligation never goes negative", "100.00", "150.00", "0.00"],
  ])("%s", (_name, obligated, expended, ulo) => {
    expect(unliquidatedOf(obligated, expended).toFixed(2)).toBe(ulo);
  });

  it("is summed per line: one line's surplus delivery does not hide another's ULO", () => {
    const lines = [line({ obligated: "100000.00", expended: "40000.00" }), line({ lineNumber: "002", obligated: "0.00", expended: "100000.00" })];
    const readiness = closureReadiness(ready({ lines, closureType: null }));
    expect(readiness.unliquidatedObligations).toBe("60000.00");
    expect(readiness.lines.map((l) => l.unliquidated)).toEqual(["60000.00", "0.00"]);
  });

  const withUlo = [line({ obligated: "100000.00", expended: "90000.00" })];
  it.each<[string, ClosureType | null, boolean, boolean, string, string[]]>([
    ["ACC: met, the ULO moves to suspense", "ACC", true, false, "10000.00", []],
    ["non-ACC: a blocker naming the amount and the line", "NON_ACC", false, true, "0.00", ["Unliquidated obligations of $10,000.00 remain on line 001; a non-ACC closure needs them settled"]],
    ["not chosen yet: not met, but not a blocker (ACC is open)", null, false, false, "0.00", []],
  ])("%s", (_name, closureType, met, blocking, suspense, reasons) => {
    const input = ready({ lines: withUlo, closureType, deposits: "200000.00" });
    const readiness = closureReadiness(input);
    expect(criterion(input, "obligations")).toMatchObject({ met, blocking, reasons });
    expect(readiness.suspenseAmount).toBe(suspense);
    expect(readiness.unliquidatedObligations).toBe("10000.00");
    expect(readiness.blockers).toEqual(reasons);
  });

  it("nonAccRefusal explains, and is silent at zero", () => {
    expect(nonAccRefusal("0.00")).toBeNull();
    expect(nonAccRefusal("0.01")).toContain("$0.01");
    expect(nonAccRefusal("0.01")).toContain("choose ACC");
  });
});

describe("the final bill against collections and credits", () => {
  it("bills expenditures with surcharge, plus the ULO held in suspense (billing.ts per line, to the cent)", () => {
    const l = line({ obligated: "100000.00", expended: "33333.33" });
    // 103,500 × 33,333.33 / 100,000 = 34,499.9966 → 34,500.00 (half-up, per line).
    expect(lineExpendedWithSurcharge(l)).toBe("34500.00");
    expect(lineForecast(l)).toBe("103500.00");
    const readiness = closureReadiness(ready({ lines: [l], deposits: "0.00", payments: "0.00" }));
    expect(readiness.lines[0]).toMatchObject({ expendedWithSurcharge: "34500.00", billed: "103500.00", unliquidated: "66666.67" });
    expect(readiness.statement.finalBill).toBe("103500.00");
    expect(readiness.statement.figures.forecastCumulative).toBe("103500.00");
  });

  it("with no ULO the final bill is billing.ts's final statement exactly", () => {
    const lines = [line({ expended: "12345.67" }), line({ lineNumber: "002", lineValue: "3.00", loadedValue: "3.10", expended: "1.00" })];
    const readiness = closureReadiness(ready({ lines, deposits: "0.00", payments: "0.00" }));
    const expected = new Decimal(lineExpendedWithSurcharge(lines[0]!)).plus(lineExpendedWithSurcharge(lines[1]!)).toFixed(2);
    expect(readiness.statement.finalBill).toBe(expected);
    // 1.00 of 3.00 on a 3.10 loaded line: 1.0333… rounds to 1.03 on its own line, not after summing.
    expect(lineExpendedWithSurcharge(lines[1]!)).toBe("1.03");
  });

  it.each([
    ["paid to the cent", "51750.00", "51750.00", "0.00", true, "0.00", "0.00"],
    ["one cent short", "51750.00", "51749.99", "0.00", false, "0.01", "0.00"],
    ["a credit covers the last cent", "51750.00", "51749.99", "0.01", true, "0.00", "0.00"],
    ["collected one cent too much: refund", "51750.00", "51750.01", "0.00", true, "-0.01", "0.01"],
    ["excess funds returned", "60000.00", "51750.00", "500.00", true, "-8750.00", "8750.00"],
  ])("%s", (_name, deposits, payments, credits, met, amountDue, refund) => {
    const input = ready({ deposits, payments, credits });
    const readiness = closureReadiness(input);
    expect(criterion(input, "finalBill").met).toBe(met);
    expect(readiness.statement).toMatchObject({ amountDue, refund, credits });
    expect(readiness.blockers).toEqual(met ? [] : [`Final bill of $103,500.00 is unpaid: $${amountDue} is still due after collections and credits`]);
  });
});

describe("the 24-month ACC target and the annual review inform, never block", () => {
  it.each([
    ["the day before 24 months", new Date("2027-06-09T12:00:00.000Z"), 23, false],
    ["exactly 24 months", new Date("2027-06-10T12:00:00.000Z"), 24, false],
    ["a day past 24 months", new Date("2027-06-11T12:00:00.000Z"), 24, true],
    ["three years", new Date("2028-06-10T12:00:00.000Z"), 36, true],
  ])("%s", (_name, now, months, overdue) => {
    const input = ready({ now, annualReviews: [] });
    const readiness = closureReadiness(input);
    expect(readiness.target).toMatchObject({ monthsElapsed: months, overdue, months: ACC_TARGET_MONTHS, targetDate: new Date("2027-06-10T12:00:00.000Z") });
    expect(criterion(input, "target")).toMatchObject({ met: !overdue, blocking: false });
    expect(criterion(input, "annualReview")).toMatchObject({ met: false, blocking: false, summary: `Not yet done for ${now.getUTCFullYear()}` });
    expect(readiness.ready).toBe(true);
  });

  it("counts to the closure once closed, and has no clock before SSC", () => {
    expect(closureReadiness(ready({ now: new Date("2030-01-01T00:00:00Z"), closedAt: new Date("2026-06-10T12:00:00Z") })).target).toMatchObject({ monthsElapsed: 12, overdue: false });
    const none = ready({ supplyCompleteAt: null });
    expect(closureReadiness(none).target).toBeNull();
    expect(criterion(none, "target").met).toBe(false);
  });

  it("last year's review does not count for this year", () => {
    const input = ready({ annualReviews: [{ year: 2025, completedAt: new Date("2025-05-01T00:00:00Z") }] });
    expect(closureReadiness(input).annualReview).toEqual({ year: 2026, done: false, completedAt: null });
  });

  it.each([
    [new Date("2024-01-31T00:00:00Z"), 1, "2024-02-29"],
    [new Date("2025-01-31T00:00:00Z"), 1, "2025-02-28"],
    [new Date("2025-03-31T00:00:00Z"), 24, "2027-03-31"],
  ])("addMonths(%s, %i) keeps to the month's last day", (from, months, day) => {
    expect(addMonths(from, months).toISOString().slice(0, 10)).toBe(day);
  });

  it.each([
    // A month after 31 January is the last day of February, as the 24-month target date counts it.
    ["2025-01-31", "2025-02-27", 0],
    ["2025-01-31", "2025-02-28", 1],
    ["2025-01-31", "2025-03-30", 1],
    ["2025-01-31", "2025-03-31", 2],
    ["2025-06-10", "2025-06-10", 0],
    ["2025-06-10", "2025-05-01", 0],
  ])("wholeMonthsBetween(%s, %s) = %i", (from, to, months) => {
    expect(wholeMonthsBetween(new Date(`${from}T00:00:00Z`), new Date(`${to}T00:00:00Z`))).toBe(months);
  });
});

describe("every reason is listed, not the first", () => {
  it("lines, SDRs, non-ACC ULOs and the unpaid bill together, in checklist order", () => {
    const input = ready({
      closureType: "NON_ACC",
      lines: [line({ obligated: "100000.00", expended: "50000.00" }), line({ lineNumber: "002", completion: null })],
      sdrs: [{ number: 3, status: "SUBMITTED", reconsiderationLastDay: null }],
      deposits: "10000.00",
      payments: "0.00",
    });
    const readiness = closureReadiness(input);
    expect(readiness.blockers).toEqual([
      "Line 002 is not supply/services complete",
      "SDR 3 is open: the implementing agency has not decided it yet",
      "Unliquidated obligations of $50,000.00 remain on line 001; a non-ACC closure needs them settled",
      "Final bill of $207,000.00 is unpaid: $197,000.00 is still due after collections and credits",
    ]);
    expect(readiness.submitBlockers).toEqual(readiness.blockers.slice(0, 2));
    expect(readiness.ready).toBe(false);
  });
});

// ---- the workflow's closure events ---------------------------------------------------------------------------------

function facts(overrides: Partial<AfterAcceptanceFacts> = {}): AfterAcceptanceFacts {
  return {
    initialDepositDue: "0.00",
    depositsReceived: "0.00",
    openLines: [],
    closureBlockers: [],
    closure: { submitBlockers: [], unliquidatedObligations: "0.00" },
    ...overrides,
  };
}

describe("submit-closure", () => {
  const ssc = caseIn("SUPPLY_SERVICES_COMPLETE");
  it.each<[string, AfterAcceptanceFacts, ClosureType | undefined, string | null]>([
    ["ACC with ULOs", facts({ closure: { submitBlockers: [], unliquidatedObligations: "10.00" } }), "ACC", null],
    ["non-ACC with nothing unliquidated", facts(), "NON_ACC", null],
    ["non-ACC with a cent unliquidated", facts({ closure: { submitBlockers: [], unliquidatedObligations: "0.01" } }), "NON_ACC", "closureType"],
    ["no closure type", facts(), undefined, "closureType"],
  ])("%s", (_name, afterAcceptance, closureType, field) => {
    const result = transition(ssc, "submit-closure", iaManager(), { closureType }, context(NOW, { afterAcceptance }));
    if (field === null) expect(result).toMatchObject({ ok: true, next: { status: "CLOSURE_PENDING" } });
    else expect(result).toMatchObject({ ok: false, kind: "invalid-input", field });
  });

  it("waits for lines and SDRs, naming each; the final payment may follow", () => {
    const blocked = facts({
      closureBlockers: ["Final bill of $1.00 is unpaid: $1.00 is still due after collections and credits"],
      closure: { submitBlockers: ["Line 002 is not supply/services complete", "SDR 3 is open: the partner asked for reconsideration"], unliquidatedObligations: "0.00" },
    });
    const refusal = refuse(ssc, "submit-closure", iaManager(), { closureType: "ACC" }, context(NOW, { afterAcceptance: blocked }));
    expect(refusal.kind).toBe("guard");
    expect(refusal.message).toBe(
      "The closure certificate cannot be submitted yet: Line 002 is not supply/services complete; SDR 3 is open: the partner asked for reconsideration",
    );
    expect(availableActions(ssc, iaManager(), context(NOW, { afterAcceptance: blocked }))).not.toContain("submit-closure");
    const onlyMoney = facts({ closureBlockers: blocked.closureBlockers });
    expect(fire(ssc, "submit-closure", iaManager(), { closureType: "ACC" }, context(NOW, { afterAcceptance: onlyMoney })).status).toBe("CLOSURE_PENDING");
  });

  it("takes closureType ACC or NON_ACC, nothing else", () => {
    expect(CASE_ACTION_INPUTS["submit-closure"].safeParse({ expectedVersion: 3, closureType: "ACC" }).success).toBe(true);
    expect(CASE_ACTION_INPUTS["submit-closure"].safeParse({ expectedVersion: 3 }).success).toBe(false);
    expect(CASE_ACTION_INPUTS["submit-closure"].safeParse({ expectedVersion: 3, closureType: "INTERIM" }).success).toBe(false);
  });
});

describe("close", () => {
  const pending = caseIn("CLOSURE_PENDING");
  it("is refused while anything stands, with every reason in the message", () => {
    const blockers = ["Line 002 is not supply/services complete", "Final bill of $12,345.67 is unpaid: $12,345.67 is still due after collections and credits"];
    const refusal = refuse(pending, "close", dsca(), {}, context(NOW, { afterAcceptance: facts({ closureBlockers: blockers }) }));
    expect(refusal.kind).toBe("guard");
    expect(refusal.message).toBe(`The case cannot close yet: ${blockers.join("; ")}`);
  });

  it("closes once nothing stands, recording the date", () => {
    const closed = fire(pending, "close", dsca(), {}, context(NOW, { afterAcceptance: facts() }));
    expect(closed).toMatchObject({ status: "CLOSED", closedAt: NOW });
    expect(availableActions(closed, dsca(), context(NOW))).toEqual(["reopen"]);
    expect(availableActions(closed, iaManager(), context(NOW))).toEqual([]);
    expect(availableActions(closed, partner(), context(NOW))).toEqual([]);
  });
});

describe("reopen", () => {
  const closed = caseIn("CLOSED", "NOT_REQUIRED", { closedAt: new Date("2026-01-05T00:00:00Z") });
  it("DSCA reopens a closed case with a reason: back to execution, no longer closed", () => {
    expect(refuse(closed, "reopen", dsca(), {}).kind).toBe("invalid-input");
    expect(fire(closed, "reopen", dsca(), { comment: "Late delivery of line 001 spares under warranty" })).toMatchObject({ status: "EXECUTING", closedAt: null, statusChangedAt: NOW });
  });

  it.each([iaManager(), partner(), null])("nobody else may (%s)", (actor) => {
    expect(transition(closed, "reopen", actor, { comment: "Reason" }, context()).ok).toBe(false);
  });

  it("leaves only CLOSED, and a closed case still cannot be suspended or cancelled", () => {
    for (const status of ["CANCELLED", "DISAPPROVED", "EXECUTING"] as const) {
      expect(refuse(caseIn(status), "reopen", dsca(), { comment: "Reason" }).kind).toBe("invalid-state");
    }
    expect(TERMINAL_STATUSES).toContain("CLOSED");
    expect(SUSPENDABLE_STATUSES).not.toContain("CLOSED");
    expect(refuse(closed, "suspend", dsca(), { comment: "Reason" }).kind).toBe("invalid-state");
    expect(refuse(closed, "cancel", dsca(), { comment: "Reason" }).kind).toBe("invalid-state");
  });
});

// ---- the annual review's checklist and the timeline texts ---------------------------------------------------------

describe("annual review input", () => {
  it.each([
    ["every item confirmed, no notes needed", { loaMatchesDeliveries: true, loaMatchesContracts: true, scheduleAdjusted: true }, null],
    ["form checkboxes", { loaMatchesDeliveries: "on", loaMatchesContracts: "on", scheduleAdjusted: "on", notes: "" }, null],
    ["an unticked item needs notes", { loaMatchesDeliveries: "on", loaMatchesContracts: "on" }, "notes"],
    ["an unticked item with notes", { loaMatchesDeliveries: "on", notes: "Contract 0003 still open; schedule unchanged pending the DFAS reconciliation." }, null],
    ["not a boolean", { loaMatchesDeliveries: "maybe", loaMatchesContracts: true, scheduleAdjusted: true }, "loaMatchesDeliveries"],
    ["an unknown field", { loaMatchesDeliveries: true, loaMatchesContracts: true, scheduleAdjusted: true, reviewYear: 2020 }, ""],
  ] as const)("%s", (_name, input, field) => {
    const result = AnnualReviewInput.safeParse(input);
    expect(result.success).toBe(field === null);
    if (field) expect(result.error!.issues[0]!.path.join(".")).toBe(field);
  });
});

describe("timeline texts", () => {
  const review = { reviewYear: 2026, loaMatchesDeliveries: true, loaMatchesContracts: false, scheduleAdjusted: true, notes: "Contract 0003 open" };
  it("the annual review: results for everyone, notes for the U.S. Government only", () => {
    const note = CLOSURE_EVENTS["review.annual"]!.note!;
    expect(note(review, { partner: true })).toBe("Review for 2026; LOA matches deliveries; LOA and contracts differ; payment schedule adjusted");
    expect(note(review, { partner: false })).toContain("Notes: Contract 0003 open");
  });

  it("suspense and certificate", () => {
    const suspense = { amount: "1250.00", lines: [{ lineNumber: "001", unliquidated: "1000.00" }, { lineNumber: "002", unliquidated: "250.00" }] };
    expect(CLOSURE_EVENTS["closure.suspense"]!.note!(suspense, { partner: false })).toBe(
      "$1,250.00 held under Accelerated Case Closure until the obligations settle (line 001 $1,000.00, line 002 $250.00)",
    );
    // Contract amounts stay inside the U.S. Government: the partner reads the total and the lines, not each line's amount.
    expect(CLOSURE_EVENTS["closure.suspense"]!.note!(suspense, { partner: true })).toBe("$1,250.00 held under Accelerated Case Closure until the obligations settle (lines 001, 002)");
    expect(CLOSURE_EVENTS["closure.certificate"]!.note!({ finalBill: "100.00", refund: "5.00", sha256: "a".repeat(64) }, { partner: true })).toBe(
      `Final bill $100.00; refund of excess funds $5.00; SHA-256 ${"a".repeat(16)}…`,
    );
    for (const event of Object.values(CLOSURE_EVENTS)) expect(event.partnerVisible).toBe(true);
  });
});
