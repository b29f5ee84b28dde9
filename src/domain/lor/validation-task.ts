import { agingOf, type Aging, type SlaRule } from "../sla";

/**
 * The aging tag of a letter waiting for validation in My tasks. The due moment is the one stored at submission (a later
 * rule change does not move it), and the tag is red exactly when that moment has passed, so it agrees with the
 * section's overdue count, which SQL takes from the same column; the share used comes from the rule.
 */
export function validationTaskAging(
  submittedAt: Date,
  storedDueAt: Date | null,
  rule: Pick<SlaRule, "days" | "dayKind" | "amberPercent"> | null,
  now: Date,
): Aging | null {
  if (!rule) return null;
  const aging = agingOf(submittedAt, rule, now);
  const dueAt = storedDueAt ?? aging.dueAt;
  const state = now.getTime() > dueAt.getTime() ? "OVERDUE" : aging.state === "OVERDUE" ? "DUE_SOON" : aging.state;
  return { ...aging, dueAt, state };
}
