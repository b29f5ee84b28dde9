// The effective-dated policy tables as people govern them (issue 13): which series exist, how each is shown, which row is
// in force on a day and from when to when, and what a proposed new row must satisfy. Pure: the server loads the rows.
import Decimal from "decimal.js";
import { SDR_RULE_KEYS } from "./execution/sdr";
import { RATE_KEYS, RATE_LABELS } from "./pricing/rates";
import { isoDay, SLA_KEYS } from "./sla";
import { STATUS_SLA_KEYS, WORKFLOW_RULE_KEYS } from "./workflow/states";

export const POLICY_TABLES = ["PRICING_RATE", "SLA_RULE"] as const;
export type PolicyTable = (typeof POLICY_TABLES)[number];

/** How a series' values read: a percentage (stored as a fraction), dollars, or days of a clock. */
export type PolicyUnit = "PERCENT" | "DOLLARS" | "DAYS";

export interface PolicySeries {
  key: string;
  table: PolicyTable;
  group: string;
  label: string;
  unit: PolicyUnit;
}

const rate = (key: string, group: string, unit: PolicyUnit = "PERCENT", label = RATE_LABELS[key] ?? key): PolicySeries => ({
  key,
  table: "PRICING_RATE",
  group,
  label,
  unit,
});
const clock = (key: string, group: string, label: string): PolicySeries => ({ key, table: "SLA_RULE", group, label, unit: "DAYS" });

const PRICING = "Pricing rates";
const THRESHOLDS = "Congressional notification thresholds";
const PERIODS = "Notification and offer periods";
const TARGETS = "Service-level targets";
const SDRS = "Supply discrepancy reports";

/** Every series an administrator may change, in the order the policy page lists them. */
export const POLICY_SERIES: readonly PolicySeries[] = [
  rate(RATE_KEYS.adminSurcharge, PRICING),
  rate(RATE_KEYS.contractAdministration, PRICING),
  rate(RATE_KEYS.packingCratingHandling, PRICING),
  rate(RATE_KEYS.transport["2"], PRICING),
  rate(RATE_KEYS.transport["3"], PRICING),
  rate(RATE_KEYS.transport["4"], PRICING),
  rate(RATE_KEYS.defaultProcurementShare, PRICING),
  ...(["NATO_PLUS", "OTHER"] as const).flatMap((group) =>
    (["MDE", "TOTAL", "DESIGN_CONSTRUCTION"] as const).map((kind) => rate(RATE_KEYS.cnThreshold[group][kind], THRESHOLDS, "DOLLARS")),
  ),
  clock(WORKFLOW_RULE_KEYS.cnInformalReview, PERIODS, "Informal (tiered) review before formal notification"),
  clock(WORKFLOW_RULE_KEYS.cnFormalNatoPlus, PERIODS, "Formal notification period, NATO+"),
  clock(WORKFLOW_RULE_KEYS.cnFormalOther, PERIODS, "Formal notification period, others"),
  clock(WORKFLOW_RULE_KEYS.offerValidity, PERIODS, "Offer validity (standard offer expiration)"),
  clock(SLA_KEYS.lorValidation, TARGETS, "Letter of request validation"),
  clock(STATUS_SLA_KEYS.OPENED!, TARGETS, "DSCA assigns the implementing agency"),
  clock(STATUS_SLA_KEYS.IN_DEVELOPMENT!, TARGETS, "LOA development, letter complete to offer"),
  clock(WORKFLOW_RULE_KEYS.review.DSCA, TARGETS, "DSCA case review"),
  clock(WORKFLOW_RULE_KEYS.review.STATE_PM, TARGETS, "State review"),
  clock(WORKFLOW_RULE_KEYS.review.DTSA, TARGETS, "DTSA review"),
  clock(STATUS_SLA_KEYS.READY_TO_SIGN!, TARGETS, "Agency signature"),
  clock(STATUS_SLA_KEYS.AGENCY_SIGNED!, TARGETS, "DSCA countersignature"),
  clock(STATUS_SLA_KEYS.COUNTERSIGNED!, TARGETS, "Offer sent to the partner"),
  clock(STATUS_SLA_KEYS.ACCEPTED!, TARGETS, "Case implementation after acceptance"),
  clock(STATUS_SLA_KEYS.SUPPLY_SERVICES_COMPLETE!, TARGETS, "Closure certificate after supply complete"),
  clock(SDR_RULE_KEYS.filingWindow, SDRS, "Window to file a discrepancy report"),
  clock(SDR_RULE_KEYS.decision, SDRS, "Agency decision on a report"),
  clock(SDR_RULE_KEYS.reconsideration, SDRS, "Window to ask for reconsideration"),
  rate(SDR_RULE_KEYS.minimumValue, SDRS, "DOLLARS", "Minimum value of a discrepancy report"),
];

const SERIES_BY_KEY = new Map(POLICY_SERIES.map((series) => [series.key, series]));
export const policySeries = (key: string): PolicySeries | undefined => SERIES_BY_KEY.get(key);

/** A row of either table, as far as dating goes. */
export interface DatedRow {
  effectiveFrom: Date;
  /** Exclusive; null while no end was set (a later row still supersedes it). */
  effectiveTo: Date | null;
}

/** The row in force at `at`: the latest that started on or before it and has not ended (the pricing engine's rule). */
export function rowInForce<R extends DatedRow>(rows: readonly R[], at: Date): R | null {
  let best: R | null = null;
  for (const row of rows) {
    if (row.effectiveFrom > at || (row.effectiveTo !== null && row.effectiveTo <= at)) continue;
    if (!best || row.effectiveFrom > best.effectiveFrom) best = row;
  }
  return best;
}

export interface PolicyPeriod<R> {
  row: R;
  /** When the row actually governs: from its start until the next row starts or it ends, whichever is first. */
  from: Date;
  until: Date | null;
}

/**
 * A series' history as the periods each row actually governed, oldest first, and the gaps where no row was in force
 * (a quote dated in a gap is refused). Rows never overlap in effect: a later start supersedes an earlier row.
 * It assumes a row that ends is followed by the next (as the seed's are; approved rows never end): were a later row to
 * end while an earlier open-ended one still stood, rowInForce would fall back to the earlier row where this shows a gap.
 */
export function policyTimeline<R extends DatedRow>(rows: readonly R[]): { periods: PolicyPeriod<R>[]; gaps: { from: Date; until: Date | null }[] } {
  const sorted = [...rows].sort((a, b) => a.effectiveFrom.getTime() - b.effectiveFrom.getTime());
  const periods: PolicyPeriod<R>[] = [];
  const gaps: { from: Date; until: Date | null }[] = [];
  sorted.forEach((row, index) => {
    const next = sorted[index + 1]?.effectiveFrom ?? null;
    const end = row.effectiveTo;
    const until = next === null ? end : end === null || next < end ? next : end;
    periods.push({ row, from: row.effectiveFrom, until });
    if (end !== null && (next === null || end < next)) gaps.push({ from: end, until: next });
  });
  return { periods, gaps };
}

/** The first day a new row may take effect: today (UTC). Rows never start in the past: nobody can change history. */
export const earliestEffectiveDay = (now: Date) => new Date(`${isoDay(now)}T00:00:00Z`);

export interface ProposedValue {
  /** PRICING_RATE: the fraction or the dollar amount, as decimal text. */
  value?: string | null;
  /** SLA_RULE */
  days?: number | null;
  dayKind?: "CALENDAR" | "BUSINESS" | null;
  amberPercent?: number | null;
}

/** What is wrong with a proposed row for `series`, by field; empty when it may be proposed. */
export function proposalProblems(series: PolicySeries, proposed: ProposedValue & { effectiveFrom: Date }, now: Date): Record<string, string> {
  const problems: Record<string, string> = {};
  if (proposed.effectiveFrom < earliestEffectiveDay(now)) {
    problems.effectiveFrom = `A change takes effect today (${isoDay(now)}) or later: rows already in force are never changed`;
  }
  if (series.table === "PRICING_RATE") {
    const text = proposed.value ?? "";
    let value: Decimal | null = null;
    try {
      value = text.trim() === "" ? null : new Decimal(text);
    } catch {
      value = null;
    }
    if (!value || !value.isFinite()) problems.value = "Enter the new value as a number";
    else if (series.unit === "PERCENT" && (value.isNegative() || value.greaterThanOrEqualTo(1))) {
      problems.value = "Enter the rate as a fraction from 0 to under 1 (0.035 is 3.5%)";
    } else if (series.unit === "PERCENT" && value.decimalPlaces() > 6) problems.value = "Use at most 6 decimal places (0.0001%)";
    else if (series.unit === "DOLLARS" && (value.isNegative() || value.decimalPlaces() > 2)) {
      problems.value = "Enter a dollar amount of zero or more, to the cent";
    }
  } else {
    if (!Number.isInteger(proposed.days) || proposed.days! < 1 || proposed.days! > 3650) problems.days = "Enter a whole number of days from 1 to 3650";
    if (proposed.dayKind !== "CALENDAR" && proposed.dayKind !== "BUSINESS") problems.dayKind = "Choose calendar or business days";
    if (!Number.isInteger(proposed.amberPercent) || proposed.amberPercent! < 1 || proposed.amberPercent! > 99) {
      problems.amberPercent = "Enter the share of the target at which it turns amber, from 1 to 99 percent";
    }
  }
  return problems;
}

/** "3.5%" from "0.035"; "$14,000,000" from "14000000"; "20 calendar days". */
export function formatPolicyValue(series: PolicySeries, row: ProposedValue): string {
  if (series.table === "SLA_RULE") {
    const kind = row.dayKind === "BUSINESS" ? "business" : "calendar";
    return `${row.days} ${kind} day${row.days === 1 ? "" : "s"}`;
  }
  const value = new Decimal(row.value ?? "0");
  if (series.unit === "PERCENT") return `${value.times(100).toDecimalPlaces(4).toString()}%`;
  const [whole, cents] = value.toFixed(2).split(".");
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return cents === "00" ? `$${grouped}` : `$${grouped}.${cents}`;
}
