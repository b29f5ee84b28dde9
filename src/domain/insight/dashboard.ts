// The dashboards' arithmetic and words (issue 18 item 3): which days fall in which bucket, what each office is called,
// where each number drills down to, and the sentence that says what a chart shows. Pure: the server runs the SQL.
import Decimal from "decimal.js";
import { formatUsd } from "../money";
import type { DashboardQuery, DashboardView, DaysBucket, OfficeLoad } from "../schemas/dashboard";
import { CASE_STATUSES, CASE_STATUS_LABELS, TERMINAL_STATUSES, type CaseStatus } from "../workflow/states";

/**
 * The states in which a partner holds an offered or accepted LOA, so its value is theirs to see. Before the offer the
 * price is the U.S. Government's working figure (a restated offer goes back to development, and hides it again).
 */
export const PARTNER_VALUE_STATUSES: readonly CaseStatus[] = [
  "OFFERED",
  "ACCEPTED",
  "EXPIRED",
  "IMPLEMENTED",
  "EXECUTING",
  "SUPPLY_SERVICES_COMPLETE",
  "CLOSURE_PENDING",
  "CLOSED",
];

/** Whether a partner may see the value of a case in this state (a suspended one: the state it was suspended from). */
export function partnerSeesValue(status: CaseStatus, suspendedFrom: CaseStatus | null): boolean {
  return PARTNER_VALUE_STATUSES.includes(status === "SUSPENDED" && suspendedFrom ? suspendedFrom : status);
}

/** Open: work still happens on the case (every state but the terminal ones and an expired offer). */
export const OPEN_PIPELINE_STATUSES: readonly CaseStatus[] = CASE_STATUSES.filter((s) => !TERMINAL_STATUSES.includes(s) && s !== "EXPIRED");

/** The states the agency's "cases by step and age" chart shows: the ones in which the agency has work to do. */
export const AGENCY_STEP_STATUSES: readonly CaseStatus[] = [
  "IN_DEVELOPMENT",
  "READY_TO_SIGN",
  "COUNTERSIGNED",
  "ACCEPTED",
  "IMPLEMENTED",
  "EXECUTING",
  "SUPPLY_SERVICES_COMPLETE",
];

const OFFICE_NAMES: Record<string, string> = {
  DSCA_ANALYST: "DSCA",
  STATE_REVIEWER: "State Department (PM)",
  DTSA_REVIEWER: "DTSA",
  FINANCE_OFFICER: "DFAS (finance)",
};

/** An inbox key as people say it: the office, or the implementing agency's name for agency work. */
export function officeName(inbox: string, agencyNames: ReadonlyMap<string, string>): string {
  const [role, agencyId] = inbox.split(":");
  if (role === "IA_CASE_MANAGER") return agencyNames.get(agencyId ?? "") ?? "Implementing agency";
  return OFFICE_NAMES[role ?? ""] ?? inbox;
}

export interface BucketBounds {
  label: string;
  minDays: number;
  maxDays: number | null;
}

/** Fifteen-day buckets up to 180 days from letter to offer, then one for everything slower. */
export function lorToOfferBounds(): BucketBounds[] {
  const bounds: BucketBounds[] = [];
  for (let start = 0; start < 180; start += 15) bounds.push({ label: `${start}–${start + 14} days`, minDays: start, maxDays: start + 14 });
  bounds.push({ label: "180 days or more", minDays: 180, maxDays: null });
  return bounds;
}

/** How long cases have sat in their current step. */
export const STEP_AGE_BOUNDS: readonly BucketBounds[] = [
  { label: "Under 30 days", minDays: 0, maxDays: 29 },
  { label: "30–89 days", minDays: 30, maxDays: 89 },
  { label: "90–179 days", minDays: 90, maxDays: 179 },
  { label: "180 days or more", minDays: 180, maxDays: null },
];

/** The bucket a whole number of days falls in (the last one is open-ended). */
export function bucketIndex(days: number, bounds: readonly BucketBounds[]): number {
  const index = bounds.findIndex((b) => days >= b.minDays && (b.maxDays === null || days <= b.maxDays));
  return index === -1 ? 0 : index;
}

/** The median of whole numbers given as a histogram (value, how many), rounded down to a whole number; 0 for none. */
export function medianOfCounts(histogram: readonly { days: number; cases: number }[]): number {
  const total = histogram.reduce((n, h) => n + h.cases, 0);
  if (total === 0) return 0;
  const sorted = [...histogram].sort((a, b) => a.days - b.days);
  // The values at (zero-based) positions ⌊(total-1)/2⌋ and ⌈(total-1)/2⌉ of the sorted list, averaged.
  const at = (position: number) => {
    let seen = 0;
    for (const h of sorted) {
      seen += h.cases;
      if (position < seen) return h.days;
    }
    return sorted[sorted.length - 1]!.days;
  };
  return Math.floor((at(Math.floor((total - 1) / 2)) + at(Math.ceil((total - 1) / 2))) / 2);
}

/** The dashboard's own filters as case-list parameters: a drill-down keeps the date range, agency and country. */
export function drillFilters(query: DashboardQuery): Record<string, string> {
  const params: Record<string, string> = {};
  if (query.from) params.openedFrom = query.from;
  if (query.to) params.openedTo = query.to;
  if (query.agency) params.agency = query.agency;
  if (query.country) params.country = query.country;
  return params;
}

/** The case list holding exactly the cases a number counts. */
export function caseListHref(base: Record<string, string>, extra: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams(base);
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) params.set(key, String(value));
  const query = params.toString();
  return query ? `/cases?${query}` : "/cases";
}

/** The dashboard filters that brought someone to the case list, in words, so a drill-down says what it holds. */
export function describeDrillDown(params: Readonly<Record<string, string | undefined>>): string | null {
  const range = (min: string | undefined, max: string | undefined) => `${min ?? 0}${max ? `–${max}` : " or more"}`;
  const parts: string[] = [];
  if (params.waitingOn) parts.push(`held by ${officeName(params.waitingOn, new Map())}${params.overdue === "true" ? ", past its target" : ""}`);
  if (params.openedFrom || params.openedTo) parts.push(`opened${params.openedFrom ? ` from ${params.openedFrom}` : ""}${params.openedTo ? ` to ${params.openedTo}` : ""}`);
  if (params.minDaysInStatus || params.maxDaysInStatus) parts.push(`${range(params.minDaysInStatus, params.maxDaysInStatus)} days in their current status`);
  if (params.minLorToOfferDays || params.maxLorToOfferDays) parts.push(`offered ${range(params.minLorToOfferDays, params.maxLorToOfferDays)} days after the complete letter`);
  return parts.length ? parts.join("; ") : null;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

export function pipelineSummary(view: Pick<DashboardView, "pipeline" | "totals">): string {
  if (view.totals.cases === 0) return "No cases match these filters.";
  const largest = [...view.pipeline].sort((a, b) => b.cases - a.cases)[0]!;
  return `${plural(view.totals.cases, "case")}, ${plural(view.totals.openCases, "open case")} worth ${formatUsd(view.totals.openValue)}. The largest group is “${CASE_STATUS_LABELS[largest.status]}” with ${plural(largest.cases, "case")}.`;
}

/** Which office holds the most overdue work (then the most work): the bottleneck, said plainly. */
export function bottleneckSummary(offices: readonly OfficeLoad[]): string {
  if (offices.length === 0) return "No office holds an open case now.";
  const worst = [...offices].sort((a, b) => b.overdue - a.overdue || b.cases - a.cases || b.medianDaysHeld - a.medianDaysHeld)[0]!;
  const who = worst.accountable ? ` (accountable: ${worst.accountable.name})` : "";
  const late = worst.overdue > 0 ? `, ${plural(worst.overdue, "of them", "of them")} past its target` : ", none past its target";
  return `${worst.officeName}${who} is the bottleneck: it holds ${plural(worst.cases, "case")}${late}, for a median of ${plural(worst.medianDaysHeld, "day")}.`;
}

export function lorToOfferSummary(lor: DashboardView["lorToOffer"]): string {
  if (lor.offered === 0) return "No case in these filters has been offered yet.";
  const busiest = [...lor.buckets].sort((a, b) => b.cases - a.cases)[0]!;
  const target =
    lor.targetDays === null
      ? ""
      : ` ${plural(lor.withinTarget, "offer")} (${Math.round((lor.withinTarget / lor.offered) * 100)}%) came within the ${lor.targetDays}-day target.`;
  return `${plural(lor.offered, "case")} offered; most took ${busiest.label} from the complete letter to the offer.${target}`;
}

export function valueSummary(shares: readonly { name: string; value: string; cases: number }[], noun: readonly [one: string, many: string]): string {
  if (shares.length === 0) return `No ${noun[0]} has a case in these filters.`;
  const top = shares[0]!;
  if (new Decimal(top.value).isZero()) return `${plural(shares.length, ...noun)} with cases here, none of them with a value yet.`;
  return `${top.name} has the largest value: ${formatUsd(top.value)} over ${plural(top.cases, "case")}. ${plural(shares.length, ...noun)} shown, largest first.`;
}

export function agingSummary(steps: DashboardView["agingByStep"]): string {
  const counts = steps.map((step) => ({ step, cases: step.buckets.reduce((n, b) => n + b.cases, 0), old: step.buckets.filter((b) => b.minDays >= 90).reduce((n, b) => n + b.cases, 0) }));
  const total = counts.reduce((n, c) => n + c.cases, 0);
  if (total === 0) return "No open case is waiting in these steps.";
  const oldest = [...counts].sort((a, b) => b.old - a.old || b.cases - a.cases)[0]!;
  return `${plural(total, "case")} in these steps. ${oldest.step.label} has the most that have waited 90 days or more: ${plural(oldest.old, "case")}.`;
}

/** Buckets as the view carries them: counted, flagged against the target, each with its drill-down. */
export function countedBuckets(
  bounds: readonly BucketBounds[],
  counts: readonly number[],
  targetDays: number | null,
  href: (bounds: BucketBounds) => string,
): DaysBucket[] {
  return bounds.map((b, i) => ({
    label: b.label,
    minDays: b.minDays,
    maxDays: b.maxDays,
    cases: counts[i] ?? 0,
    overTarget: targetDays !== null && (b.maxDays === null ? b.minDays > targetDays : b.maxDays > targetDays),
    href: href(b),
  }));
}
