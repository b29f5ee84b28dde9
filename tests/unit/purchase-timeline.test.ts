import { describe, expect, it } from "vitest";
import {
  compareTimelineEntries,
  groupByDay,
  groupByPhase,
  orderTimeline,
  phaseOf,
  readableDays,
  selectedCategories,
  TIMELINE_CATEGORIES,
  timelineCategoryOf,
  type PhaseStep,
  type TimelineCategory,
} from "@/domain/cases/purchase-timeline";

describe("what kind of step an event is", () => {
  it.each<[string, "lor" | "case", string, string | null, Record<string, unknown> | null, TimelineCategory]>([
    ["a letter's step", "lor", "lor.submit", null, null, "letter"],
    ["the case's opening", "case", "case.open", null, null, "case"],
    ["the offer", "case", "case.offer", "offer", null, "case"],
    ["the acceptance", "case", "case.accept", "accept", null, "case"],
    ["a review decision", "case", "case.concur", "concur", { reviewOffice: "STATE" }, "review"],
    ["a review waived", "case", "case.review-not-required", "review-not-required", { reviewOffice: "DTSA" }, "review"],
    ["a disapproval in review", "case", "case.disapprove", "disapprove", { reviewOffice: "DTSA" }, "review"],
    ["a notification step", "case", "case.notify-congress", "notify-congress", null, "notification"],
    ["a notification requirement", "case", "case.set-notification-requirement", "set-notification-requirement", null, "notification"],
    ["a document step", "case", "loa.approve", null, { document: 2 }, "document"],
    ["a deposit", "case", "case.record-deposit", "record-deposit", null, "money"],
    ["a statement", "case", "statement.issue", null, null, "money"],
    ["a payment", "case", "payment.record", null, null, "money"],
    ["a shipment", "case", "shipment.record", null, null, "delivery"],
    ["a contract", "case", "obligation.record", null, null, "delivery"],
    ["a discrepancy report", "case", "sdr.file", null, null, "sdr"],
    ["supply complete", "case", "case.declare-supply-complete", "declare-supply-complete", null, "closure"],
    ["the closure certificate", "case", "closure.certificate", null, null, "closure"],
    ["the case closed", "case", "case.close", "close", null, "closure"],
    ["a suspension", "case", "case.suspend", "suspend", null, "case"],
  ])("%s", (_name, targetType, action, event, details, category) => {
    expect(timelineCategoryOf(targetType, action, event, details)).toBe(category);
  });
});

const step = (action: string, toStatus: string | null = null, extra: Partial<PhaseStep> = {}): PhaseStep => ({
  targetType: action.startsWith("lor.") ? "lor" : "case",
  action,
  category: timelineCategoryOf(action.startsWith("lor.") ? "lor" : "case", action, action.startsWith("case.") ? action.slice(5) : null, null),
  toStatus,
  ...extra,
});

describe("the chapters of the story", () => {
  it("walks request → review and offer → acceptance → execution → closure", () => {
    const walk = [
      step("lor.create"),
      step("lor.submit"),
      step("lor.mark_complete"),
      step("case.open", "OPENED"),
      step("case.offer", "OFFERED"),
      step("case.accept", "ACCEPTED"),
      step("case.record-deposit", "IMPLEMENTED"),
      step("case.start-execution", "EXECUTING"),
      step("shipment.record"),
      step("case.submit-closure", "CLOSURE_PENDING"),
      step("case.close", "CLOSED"),
    ];
    let current = "request" as ReturnType<typeof phaseOf>["next"];
    const phases = walk.map((s) => {
      const { phase, next } = phaseOf(current, s);
      current = next;
      return phase;
    });
    expect(phases).toEqual(["request", "request", "request", "review-offer", "review-offer", "acceptance", "acceptance", "execution", "execution", "closure", "closure"]);
  });

  it("puts the first delivery in execution even before the case says it executes, and never goes back a chapter", () => {
    expect(phaseOf("acceptance", step("shipment.record"))).toEqual({ phase: "execution", next: "execution" });
    // A letter asking for an Amendment during execution sits in execution.
    expect(phaseOf("execution", step("lor.submit"))).toEqual({ phase: "execution", next: "execution" });
    // A suspension (to SUSPENDED) keeps the chapter.
    expect(phaseOf("execution", step("case.suspend", "SUSPENDED"))).toEqual({ phase: "execution", next: "execution" });
    // An annual review is not the start of closure.
    expect(phaseOf("execution", step("review.annual"))).toEqual({ phase: "execution", next: "execution" });
  });

  it("goes back to execution only when a closed case is reopened", () => {
    expect(phaseOf("closure", step("case.reopen", "EXECUTING"))).toEqual({ phase: "closure", next: "execution" });
  });

  it("emergency implementation before acceptance still ends the acceptance chapter", () => {
    expect(phaseOf("review-offer", step("case.emergency-implement", "IMPLEMENTED"))).toEqual({ phase: "acceptance", next: "execution" });
  });
});

describe("ordering and grouping", () => {
  const entry = (id: string, occurredAt: string, action: string, toStatus: string | null = null) => ({ ...step(action, toStatus), id, occurredAt });

  it("orders oldest first, breaking ties by the audit log's order (ids compared as numbers)", () => {
    const same = "2026-03-01T10:00:00.000Z";
    const sorted = [entry("10", same, "case.offer"), entry("9", same, "case.countersign"), entry("100", "2026-02-01T00:00:00.000Z", "lor.submit")].sort(
      compareTimelineEntries,
    );
    expect(sorted.map((e) => e.id)).toEqual(["100", "9", "10"]);
  });

  it("puts the letter's step before the case's in the same instant: completing the letter opens the case", () => {
    const same = "2026-03-01T10:00:00.000Z";
    const ordered = orderTimeline([entry("7", same, "case.open", "OPENED"), entry("8", same, "lor.mark_complete")]);
    expect(ordered.map((e) => [e.action, e.phase])).toEqual([
      ["lor.mark_complete", "request"],
      ["case.open", "review-offer"],
    ]);
  });

  it("tells the completion of the letter that opened the case just before the opening, recorded a moment later", () => {
    const ordered = orderTimeline([
      entry("7", "2026-03-01T10:00:00.000Z", "case.open", "OPENED"),
      { ...entry("9", "2026-03-01T10:00:00.004Z", "lor.mark_complete"), opensCase: true },
      entry("8", "2026-03-01T10:00:00.001Z", "case.assign-agency", "IN_DEVELOPMENT"),
    ]);
    expect(ordered.map((e) => [e.action, e.phase])).toEqual([
      ["lor.mark_complete", "request"],
      ["case.open", "review-offer"],
      ["case.assign-agency", "review-offer"],
    ]);
  });

  it("merges a letter's and a case's events into one story with chapters", () => {
    const ordered = orderTimeline([
      entry("5", "2026-03-05T00:00:00.000Z", "case.accept", "ACCEPTED"),
      entry("1", "2026-01-01T00:00:00.000Z", "lor.submit"),
      entry("3", "2026-02-01T00:00:00.000Z", "case.open", "OPENED"),
      entry("2", "2026-01-20T00:00:00.000Z", "lor.mark_complete"),
    ]);
    expect(ordered.map((e) => [e.id, e.phase])).toEqual([
      ["1", "request"],
      ["2", "request"],
      ["3", "review-offer"],
      ["5", "acceptance"],
    ]);
    const groups = groupByPhase(ordered);
    expect(groups.map((g) => [g.title, g.entries.map((e) => e.id)])).toEqual([
      ["Request", ["1", "2"]],
      ["Review and offer", ["3"]],
      ["Acceptance", ["5"]],
    ]);
  });

  it("groups by day in order, one group per day", () => {
    const entries = [
      entry("1", "2026-01-01T08:00:00.000Z", "lor.submit"),
      entry("2", "2026-01-01T17:00:00.000Z", "lor.acknowledge"),
      entry("3", "2026-01-03T09:00:00.000Z", "lor.mark_complete"),
    ];
    const groups = groupByDay(entries, (iso) => ({ key: iso.slice(0, 10), title: iso.slice(0, 10) }));
    expect(groups.map((g) => [g.key, g.entries.map((e) => e.id)])).toEqual([
      ["2026-01-01", ["1", "2"]],
      ["2026-01-03", ["3"]],
    ]);
    expect(groupByDay([], () => ({ key: "", title: "" }))).toEqual([]);
  });
});

describe("the category filter", () => {
  it("keeps the known categories asked for, and means all when none is", () => {
    expect(selectedCategories(["money", "letter", "bogus"])).toEqual(["letter", "money"]);
    expect(selectedCategories([])).toEqual([...TIMELINE_CATEGORIES]);
    expect(selectedCategories(["bogus"])).toEqual([...TIMELINE_CATEGORIES]);
  });
});

describe("dates in notes", () => {
  it("writes ISO calendar days out and leaves everything else alone", () => {
    expect(readableDays("Line 001: 300 shipped on 2026-04-01 by air, document BBNA226100S001")).toBe("Line 001: 300 shipped on Apr 1, 2026 by air, document BBNA226100S001");
    expect(readableDays("Statement issued 2026-03-15; amount due by 2026-12-31")).toBe("Statement issued Mar 15, 2026; amount due by Dec 31, 2026");
    expect(readableDays("contract W15P7T-26-C-0142, wire FED-WIRE-TEST-0001")).toBe("contract W15P7T-26-C-0142, wire FED-WIRE-TEST-0001");
    expect(readableDays("not a day 2026-13-40")).toBe("not a day 2026-13-40");
  });
});
