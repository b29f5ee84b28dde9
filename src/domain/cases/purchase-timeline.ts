// The story of one purchase, from the letter of request to closure: which kind of step each recorded event is, which
// chapter of the story (phase) it belongs to, and how a page groups and filters the entries. Pure: the use case
// (src/server/cases/get-purchase-timeline.ts) loads and labels the events; this decides their order and shape.
import { CLOSURE_EVENTS } from "../execution/closure-events";
import { LINE_EVENTS } from "../execution/line-events";
import { MONEY_EVENTS } from "../execution/money-events";
import { SDR_EVENTS } from "../execution/sdr-events";
import { CASE_EVENTS, CASE_OPENED_ACTION, isCaseEvent, type CaseEventDefinition } from "../workflow/case-workflow";
import type { CaseStatus } from "../workflow/states";

export const TIMELINE_CATEGORIES = ["letter", "case", "document", "review", "notification", "money", "delivery", "sdr", "closure"] as const;
export type TimelineCategory = (typeof TIMELINE_CATEGORIES)[number];

export const TIMELINE_CATEGORY_LABELS: Record<TimelineCategory, string> = {
  letter: "Letter of request",
  case: "Case steps",
  document: "LOA documents",
  review: "Reviews",
  notification: "Congressional notification",
  money: "Money",
  delivery: "Deliveries and services",
  sdr: "Discrepancy reports",
  closure: "Closure",
};

export const TIMELINE_PHASES = ["request", "review-offer", "acceptance", "execution", "closure"] as const;
export type TimelinePhase = (typeof TIMELINE_PHASES)[number];

export const TIMELINE_PHASE_LABELS: Record<TimelinePhase, string> = {
  request: "Request",
  "review-offer": "Review and offer",
  acceptance: "Acceptance",
  execution: "Execution",
  closure: "Closure",
};

/** Letter and LOA working saves: many per draft and no milestone of the story, so the timeline leaves them out. */
export const TIMELINE_SKIPPED_ACTIONS: readonly string[] = ["lor.update", "loa.save"];

const REVIEW_EVENTS: readonly string[] = ["concur", "concur-with-comment", "return-for-rework", "review-not-required", "review-overdue"];
const CLOSURE_CASE_EVENTS: readonly string[] = ["declare-supply-complete", "submit-closure", "close", "reopen"];

/** What kind of step an audit event is, from its action and (for workflow events) its event name and details. */
export function timelineCategoryOf(targetType: "lor" | "case", action: string, event: string | null, details: { reviewOffice?: unknown } | null): TimelineCategory {
  if (targetType === "lor") return "letter";
  if (action.startsWith("loa.")) return "document";
  if (Object.hasOwn(MONEY_EVENTS, action)) return "money";
  if (Object.hasOwn(LINE_EVENTS, action)) return "delivery";
  if (Object.hasOwn(SDR_EVENTS, action)) return "sdr";
  if (Object.hasOwn(CLOSURE_EVENTS, action)) return "closure";
  if (action === CASE_OPENED_ACTION || !event) return "case";
  if (event === "record-deposit") return "money";
  if (CLOSURE_CASE_EVENTS.includes(event)) return "closure";
  if (REVIEW_EVENTS.includes(event) || (details?.reviewOffice && event === "disapprove")) return "review";
  if (isCaseEvent(event) && (CASE_EVENTS[event] as CaseEventDefinition).cnTo) return "notification";
  return "case";
}

const PHASE_OF_STATUS: Partial<Record<CaseStatus, TimelinePhase>> = {
  ACCEPTED: "acceptance",
  EXECUTING: "execution",
  SUPPLY_SERVICES_COMPLETE: "execution",
  CLOSURE_PENDING: "closure",
  CLOSED: "closure",
  CANCELLED: "closure",
  DISAPPROVED: "closure",
};
const rank = (phase: TimelinePhase) => TIMELINE_PHASES.indexOf(phase);
const later = (a: TimelinePhase, b: TimelinePhase) => (rank(b) > rank(a) ? b : a);

export interface PhaseStep {
  targetType: "lor" | "case";
  action: string;
  category: TimelineCategory;
  /** The case status the event moved to, if it moved the case. */
  toStatus: string | null;
}

/**
 * The chapter a step belongs to (`phase`) and where the story stands after it (`next`), given where it stood. A
 * chapter starts with the event that opens it (the case's opening, the partner's acceptance, the start of closure)
 * and the story never goes back a chapter: a later letter (a request for an Amendment) sits where it happened.
 * Implementation is the last step of acceptance (the deposit that covers the case); execution follows it. Reopening
 * a closed case is the one way back.
 */
export function phaseOf(current: TimelinePhase, step: PhaseStep): { phase: TimelinePhase; next: TimelinePhase } {
  if (step.action === "case.reopen") return { phase: "closure", next: "execution" };
  let phase = current;
  if (step.targetType === "case") phase = later(phase, "review-offer");
  const byStatus = step.toStatus ? PHASE_OF_STATUS[step.toStatus as CaseStatus] : undefined;
  if (byStatus) phase = later(phase, byStatus);
  else if (step.category === "delivery" || step.category === "sdr") phase = later(phase, "execution");
  else if (step.category === "closure" && step.action !== "review.annual") phase = later(phase, "closure");
  if (step.toStatus === "IMPLEMENTED") return { phase: later(phase, "acceptance"), next: later(phase, "execution") };
  return { phase, next: phase };
}

/** Sorting key: when it happened, then the letter before the case, then the audit order (the log's id). */
export interface Ordered {
  occurredAt: string;
  id: string;
  targetType?: "lor" | "case";
}

/**
 * Oldest first. In the same instant the letter's step comes first: completing a letter opens its case in one
 * transaction (one timestamp), and the story reads "letter complete, case opened". Other ties keep the audit log's order.
 */
export function compareTimelineEntries(a: Ordered, b: Ordered): number {
  if (a.occurredAt !== b.occurredAt) return a.occurredAt < b.occurredAt ? -1 : 1;
  if (a.targetType !== b.targetType && a.targetType && b.targetType) return a.targetType === "lor" ? -1 : 1;
  const [x, y] = [BigInt(a.id), BigInt(b.id)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Entries in story order, each given its phase. The letter's completion that opened the case (`opensCase`) is told
 * just before the case's opening: they are one step, recorded a few milliseconds apart, the case first.
 */
export function orderTimeline<E extends Ordered & PhaseStep & { opensCase?: boolean }>(entries: readonly E[]): (E & { phase: TimelinePhase })[] {
  const sorted = [...entries].sort(compareTimelineEntries);
  const completion = sorted.findIndex((entry) => entry.opensCase);
  const opening = sorted.findIndex((entry) => entry.action === CASE_OPENED_ACTION);
  if (completion > opening && opening >= 0) sorted.splice(opening, 0, ...sorted.splice(completion, 1));
  let current: TimelinePhase = "request";
  return sorted.map((entry) => {
    const { phase, next } = phaseOf(current, entry);
    current = next;
    return { ...entry, phase };
  });
}

export interface TimelineGroup<E> {
  key: string;
  title: string;
  entries: E[];
}

/** Entries by chapter, in chapter order; chapters without entries are left out. */
export function groupByPhase<E extends { phase: TimelinePhase }>(entries: readonly E[]): TimelineGroup<E>[] {
  return TIMELINE_PHASES.map((phase) => ({ key: phase, title: TIMELINE_PHASE_LABELS[phase], entries: entries.filter((e) => e.phase === phase) })).filter(
    (group) => group.entries.length > 0,
  );
}

/** Entries by the calendar day of `dayOf` (the reader's day when the page knows their zone, UTC otherwise), in order. */
export function groupByDay<E extends Ordered>(entries: readonly E[], dayOf: (occurredAt: string) => { key: string; title: string }): TimelineGroup<E>[] {
  const groups: TimelineGroup<E>[] = [];
  for (const entry of entries) {
    const { key, title } = dayOf(entry.occurredAt);
    const last = groups.at(-1);
    if (last?.key === key) last.entries.push(entry);
    else groups.push({ key, title, entries: [entry] });
  }
  return groups;
}

/** The categories a filter asks for: every known one named (unknown names ignored); none named means all. */
export function selectedCategories(asked: readonly string[]): TimelineCategory[] {
  const known = TIMELINE_CATEGORIES.filter((category) => asked.includes(category));
  return known.length > 0 ? known : [...TIMELINE_CATEGORIES];
}

// Kept here for the callers that read it with the rest of the timeline; it lives with the execution notes' helper.
export { readableDays } from "../readable-days";
