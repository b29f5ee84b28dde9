import { describe, expect, it } from "vitest";
import { agingSentence } from "@/lib/aging-text";
import { caseProgress, MAIN_PATH } from "@/domain/workflow/next-step";

const now = new Date("2026-12-06T12:00:00Z");
const days = (n: number) => new Date(now.getTime() + n * 86_400_000).toISOString();

describe("agingSentence: a clock in words, not a percentage of a target", () => {
  it("says how late an overdue step is against its target", () => {
    expect(agingSentence({ state: "OVERDUE", dueAt: days(-32), percentElapsed: 557, targetDays: 7, dayKind: "CALENDAR" }, now)).toMatch(
      /^32 days past the 7-day target \(due /,
    );
    expect(agingSentence({ state: "OVERDUE", dueAt: days(-1), percentElapsed: 110, targetDays: 10, dayKind: "BUSINESS" }, now)).toMatch(
      /^1 day past the 10-business-day target/,
    );
  });

  it("says how long is left and how much of the time is used", () => {
    expect(agingSentence({ state: "DUE_SOON", dueAt: days(3), percentElapsed: 75, targetDays: 12, dayKind: "CALENDAR" }, now)).toMatch(
      /^Due in 3 days, .* \(75% of the time used\)$/,
    );
    expect(agingSentence({ state: "ON_TRACK", dueAt: days(0.2), percentElapsed: 99, targetDays: 5, dayKind: "CALENDAR" }, now)).toMatch(/^Due in 1 day/);
    expect(agingSentence({ state: "MET", dueAt: days(-3), percentElapsed: 40 }, now)).toMatch(/^Target met/);
    for (const state of ["OVERDUE", "DUE_SOON", "ON_TRACK", "MET", "MISSED"] as const) {
      expect(agingSentence({ state, dueAt: days(2), percentElapsed: 457 }, now)).not.toContain("of target used");
    }
  });
});

describe("caseProgress: the current step on the main path and what comes next", () => {
  it("names the step, its place and the next state with the step that leads there", () => {
    expect(caseProgress("OFFERED")).toEqual({ step: 7, of: MAIN_PATH.length, next: { status: "ACCEPTED", event: "accept", label: "Accept the offer" } });
    expect(caseProgress("CLOSED")).toEqual({ step: MAIN_PATH.length, of: MAIN_PATH.length, next: null });
  });

  it("has no step for a case off the main path", () => {
    for (const status of ["SUSPENDED", "EXPIRED", "CANCELLED", "DISAPPROVED"] as const) expect(caseProgress(status).step).toBeNull();
  });
});
