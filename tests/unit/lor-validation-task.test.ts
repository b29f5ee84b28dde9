// The aging tag of a letter waiting for validation in My tasks: red exactly when the target stored at submission has
// passed (as the section's overdue count reads it), amber from the rule's share, none without a rule.
import { describe, expect, it } from "vitest";
import { validationTaskAging } from "@/domain/lor/validation-task";

const DAY = 86_400_000;
const rule = { days: 5, dayKind: "CALENDAR" as const, amberPercent: 75 };
const submittedAt = new Date("2026-03-02T09:00:00Z");
const at = (days: number) => new Date(submittedAt.getTime() + days * DAY);

describe("validationTaskAging", () => {
  it("runs on track, turns amber at the rule's share and red once the stored target has passed", () => {
    const due = at(5);
    expect(validationTaskAging(submittedAt, due, rule, at(1))).toMatchObject({ state: "ON_TRACK", percentElapsed: 20, dueAt: due, targetDays: 5 });
    expect(validationTaskAging(submittedAt, due, rule, at(3.75))).toMatchObject({ state: "DUE_SOON", percentElapsed: 75 });
    expect(validationTaskAging(submittedAt, due, rule, due)).toMatchObject({ state: "DUE_SOON" });
    expect(validationTaskAging(submittedAt, due, rule, new Date(due.getTime() + 1))).toMatchObject({ state: "OVERDUE" });
  });

  it("keeps the target stored at submission when the rule's arithmetic would now give another", () => {
    // Stored two days later than the rule gives: not red until then, however much of the rule's span is used.
    const stored = at(7);
    expect(validationTaskAging(submittedAt, stored, rule, at(6))).toMatchObject({ state: "DUE_SOON", dueAt: stored });
    expect(validationTaskAging(submittedAt, stored, rule, at(7.1))).toMatchObject({ state: "OVERDUE" });
    // Stored earlier: red from the stored moment on.
    expect(validationTaskAging(submittedAt, at(2), rule, at(3))).toMatchObject({ state: "OVERDUE", dueAt: at(2) });
  });

  it("takes the rule's due date when none was stored, and has no tag without a rule", () => {
    expect(validationTaskAging(submittedAt, null, rule, at(6))).toMatchObject({ state: "OVERDUE", dueAt: at(5) });
    expect(validationTaskAging(submittedAt, at(5), null, at(6))).toBeNull();
  });
});
