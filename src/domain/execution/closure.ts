// Closure readiness (fms-domain.md §12, SAMM C16, RCG ch. 3–4): whether a case can close, computed from its data,
// as a checklist of criteria with their numbers and every reason that stands in the way, in plain words.
//
// Decisions, so the rules are stated once:
// - Lines: every executable line of the LOA in force is supply/services complete (SSC) or cancelled.
// - SDRs: SUBMITTED and RECONSIDERATION_REQUESTED are open. A DECIDED report is still open while the partner may ask
//   for reconsideration (its window, from the SDR policy, has not ended and no reconsideration was asked yet):
//   closing then would cut off a right the partner still holds. CLOSED, or DECIDED with the window over or spent, is
//   settled.
// - Unliquidated obligations (ULO), per line: what was obligated on the line (contract awards, and requisitions placed
//   against a blanket line) not yet matched by value delivered (shipments and services performed), floored at zero:
//   delivering more than was obligated (stock issues, organic services) never makes a negative ULO that would hide
//   another line's. ACC closes with ULOs, moving them to the Case Closure Suspense Account (the amount is recorded);
//   non-ACC needs ULO = 0.
// - The final bill is billing.ts's final statement — what deliveries and services actually cost with their surcharge
//   (the line's share of its loaded value) — plus, under ACC, the ULO with its surcharge: that money is held in the
//   suspense account until the obligations liquidate, so it is not refunded only to be billed again. Per line that is
//   billing.ts's `lineForecast` (loaded value × max(obligated, expended) / line total), rounded to the cent per line.
//   With no ULO both are the same number. Collections are deposits and payments received; credits are SDR credits
//   granted. Amount due = final bill − collections − credits; a negative amount is the refund of excess funds owed
//   to the partner. The case closes only once nothing is due.
// - The 24-month ACC target (months since supply/services complete) and this year's annual case review are shown,
//   never blockers.
// - The closure certificate can be submitted once lines and SDRs are done (and, for non-ACC, ULO = 0); the final
//   payment may still be outstanding then, since the final bill is what the partner pays before DSCA closes.
import Decimal from "decimal.js";
import { finalStatement, lineExpendedWithSurcharge, lineForecast, type LineProgress, type StatementFigures } from "./billing";
import { formatUsd, toAmount } from "../money";
import type { PaymentSchedule } from "../pricing/payment-schedule";
import { isoDay } from "../sla";
import type { CaseStatus } from "../workflow/states";
import type { LineKind } from "./line-kind";
import type { SdrStatus } from "./sdr";

export const CLOSURE_TYPES = ["ACC", "NON_ACC"] as const;
export type ClosureType = (typeof CLOSURE_TYPES)[number];

export const CLOSURE_TYPE_LABELS: Record<ClosureType, string> = {
  ACC: "Accelerated Case Closure (ACC)",
  NON_ACC: "Non-accelerated closure (all obligations settled)",
};

/** Plain explanations for the person choosing, and for the partner reading what was chosen. */
export const CLOSURE_TYPE_EXPLANATIONS: Record<ClosureType, string> = {
  ACC:
    "Close now even if some contract obligations are not yet settled. Their value moves to the Case Closure Suspense Account " +
    "and any money left over once they settle is returned to the partner.",
  NON_ACC: "Close only once every contract obligation is settled, so nothing is left in suspense.",
};

/** ACC target: close within 24 months after the case became supply/services complete (eSAMM C6.08). */
export const ACC_TARGET_MONTHS = 24;

export type SdrStatusForClosure = SdrStatus;

/** A line of the LOA in force with its progress (billing.ts: line total, loaded value, obligated, expended). */
export interface ClosureLineInput extends LineProgress {
  description: string;
  kind: LineKind;
  /** The line's SSC declaration (or cancellation); null while it is open. */
  completion: { cancelled: boolean; declaredAt: Date } | null;
}

export interface ClosureSdrInput {
  number: number;
  status: SdrStatusForClosure;
  /**
   * A DECIDED report the partner has not yet asked to reconsider: the last day they may ask (ISO, inclusive, from
   * sdr.ts `reconsiderationDeadline`); null when they cannot ask (any more).
   */
  reconsiderationLastDay: string | null;
}

export interface ClosureInput {
  now: Date;
  status: CaseStatus;
  /** Chosen with the closure certificate; null before. */
  closureType: ClosureType | null;
  lines: readonly ClosureLineInput[];
  /** The LOA in force's payment schedule: the final statement prints it for comparison. */
  schedule: Pick<PaymentSchedule, "initialDeposit" | "rows">;
  sdrs: readonly ClosureSdrInput[];
  deposits: string;
  payments: string;
  credits: string;
  /** When the case became supply/services complete (the ACC clock starts); null before. */
  supplyCompleteAt: Date | null;
  /** When the case closed: the 24-month clock stops there. */
  closedAt: Date | null;
  /** Years for which the annual case review is done, and when the latest was. */
  annualReviews: readonly { year: number; completedAt: Date }[];
}

export type ClosureCriterionKey = "lines" | "sdrs" | "obligations" | "finalBill" | "target" | "annualReview";

export interface ClosureCriterion {
  key: ClosureCriterionKey;
  label: string;
  met: boolean;
  /** Counts toward closing: an unmet blocking criterion stops the case closing. Informational ones never do. */
  blocking: boolean;
  /** The numbers, in a sentence. */
  summary: string;
  /** Every reason this criterion is not met, in plain words (empty when met or informational). */
  reasons: string[];
}

export interface ClosureLine {
  lineNumber: string;
  description: string;
  kind: LineKind;
  state: "OPEN" | "SSC" | "CANCELLED";
  completedAt: Date | null;
  obligated: string;
  /** Shipped and performed. */
  expended: string;
  unliquidated: string;
  /** What the line's deliveries and services cost with their surcharge. */
  expendedWithSurcharge: string;
  /** What the final bill charges for the line: the above, plus its ULO with surcharge (held in suspense under ACC). */
  billed: string;
}

export interface ClosureTarget {
  supplyCompleteAt: Date;
  targetDate: Date;
  /** Whole months from SSC to now (or to the closure). */
  monthsElapsed: number;
  months: typeof ACC_TARGET_MONTHS;
  overdue: boolean;
}

export interface FinalStatementFigures {
  /** As billing_statements stores a final statement (billedCumulative is the final bill). */
  figures: StatementFigures;
  finalBill: string;
  deposits: string;
  payments: string;
  /** Deposits + payments. */
  collections: string;
  credits: string;
  /** Final bill − collections − credits; negative is a refund of excess funds. */
  amountDue: string;
  /** The refund of excess funds owed to the partner ("0.00" when none). */
  refund: string;
}

export interface ClosureReadiness {
  status: CaseStatus;
  closureType: ClosureType | null;
  criteria: ClosureCriterion[];
  /** Every reason the case cannot close, in checklist order; empty when it can. */
  blockers: string[];
  /** What stops the closure certificate (lines and SDRs); the final payment may follow it. */
  submitBlockers: string[];
  ready: boolean;
  lines: ClosureLine[];
  unliquidatedObligations: string;
  /** What moves to the Case Closure Suspense Account: the ULO under ACC, otherwise "0.00". */
  suspenseAmount: string;
  statement: FinalStatementFigures;
  target: ClosureTarget | null;
  annualReview: { year: number; done: boolean; completedAt: Date | null };
}

const ZERO = new Decimal(0);
const sum = (values: readonly Decimal.Value[]) => values.reduce<Decimal>((total, v) => total.plus(v), ZERO);

const DAY_FORMAT = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
const day = (date: Date) => DAY_FORMAT.format(date);

/** `date` plus whole calendar months, UTC; the 31st becomes the month's last day rather than spilling over. */
export function addMonths(date: Date, months: number): Date {
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  target.setUTCHours(date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds(), date.getUTCMilliseconds());
  return target;
}

/** Whole calendar months from `from` to `to` (0 when `to` is not after `from`). */
export function wholeMonthsBetween(from: Date, to: Date): number {
  if (to.getTime() <= from.getTime()) return 0;
  let months = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth());
  if (addMonths(from, months).getTime() > to.getTime()) months -= 1;
  return Math.max(0, months);
}

/** ULO of one line: obligations not yet matched by value expended (delivered), never below zero. */
export function unliquidatedOf(obligated: Decimal.Value, expended: Decimal.Value): Decimal {
  return Decimal.max(ZERO, new Decimal(obligated).minus(expended));
}

/**
 * The final statement: billing.ts's `finalStatement` (expended with surcharge − collected − credits), with the ULOs'
 * share added to the bill when they move to suspense (`held`, the per-line difference between `lineForecast` and
 * `lineExpendedWithSurcharge`).
 */
export function finalStatementFigures(
  lines: readonly LineProgress[],
  schedule: Pick<PaymentSchedule, "initialDeposit" | "rows">,
  money: { deposits: string; payments: string; credits: string },
): FinalStatementFigures {
  const collections = new Decimal(money.deposits).plus(money.payments);
  const base = finalStatement({ schedule, lines, collected: toAmount(collections), credits: toAmount(money.credits) });
  const held = sum(lines.map((line) => new Decimal(lineForecast(line)).minus(lineExpendedWithSurcharge(line))));
  const finalBill = new Decimal(base.billedCumulative).plus(held);
  const amountDue = new Decimal(base.amountDue).plus(held);
  const figures: StatementFigures = { ...base, forecastCumulative: toAmount(finalBill), billedCumulative: toAmount(finalBill), amountDue: toAmount(amountDue) };
  return {
    figures,
    finalBill: toAmount(finalBill),
    deposits: toAmount(money.deposits),
    payments: toAmount(money.payments),
    collections: toAmount(collections),
    credits: toAmount(money.credits),
    amountDue: toAmount(amountDue),
    refund: toAmount(amountDue.isNegative() ? amountDue.negated() : ZERO),
  };
}

function sdrReason(sdr: ClosureSdrInput, now: Date): string | null {
  if (sdr.status === "SUBMITTED") return `SDR ${sdr.number} is open: the implementing agency has not decided it yet`;
  if (sdr.status === "RECONSIDERATION_REQUESTED") return `SDR ${sdr.number} is open: the partner asked for reconsideration`;
  if (sdr.status === "DECIDED" && sdr.reconsiderationLastDay && isoDay(now) <= sdr.reconsiderationLastDay) {
    return `SDR ${sdr.number} is open: the partner may ask for reconsideration until ${day(new Date(`${sdr.reconsiderationLastDay}T00:00:00Z`))} or accept the decision`;
  }
  return null;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** The checklist, its numbers and every blocker, from the case's data at `input.now`. */
export function closureReadiness(input: ClosureInput): ClosureReadiness {
  const lines: ClosureLine[] = input.lines.map((line) => ({
    lineNumber: line.lineNumber,
    description: line.description,
    kind: line.kind,
    state: line.completion ? (line.completion.cancelled ? "CANCELLED" : "SSC") : "OPEN",
    completedAt: line.completion?.declaredAt ?? null,
    obligated: toAmount(line.obligated),
    expended: toAmount(line.expended),
    unliquidated: toAmount(unliquidatedOf(line.obligated, line.expended)),
    expendedWithSurcharge: lineExpendedWithSurcharge(line),
    billed: lineForecast(line),
  }));

  // Lines.
  const openLines = lines.filter((line) => line.state === "OPEN");
  // No line in force (no accepted LOA yet): nothing has been delivered, so nothing can close.
  const lineReasons = lines.length === 0 ? ["No LOA is in force yet"] : openLines.map((line) => `Line ${line.lineNumber} is not supply/services complete`);
  const lineCriterion: ClosureCriterion = {
    key: "lines",
    label: "Every line supply/services complete or cancelled",
    met: lineReasons.length === 0,
    blocking: true,
    summary: `${lines.length - openLines.length} of ${plural(lines.length, "line", "lines")} complete or cancelled`,
    reasons: lineReasons,
  };

  // SDRs.
  const sdrReasons = [...input.sdrs]
    .sort((a, b) => a.number - b.number)
    .map((sdr) => sdrReason(sdr, input.now))
    .filter((reason): reason is string => reason !== null);
  const sdrCriterion: ClosureCriterion = {
    key: "sdrs",
    label: "No open supply discrepancy report",
    met: sdrReasons.length === 0,
    blocking: true,
    summary: `${plural(sdrReasons.length, "open report", "open reports")} of ${input.sdrs.length} filed`,
    reasons: sdrReasons,
  };

  // Unliquidated obligations.
  const ulo = sum(lines.map((line) => line.unliquidated));
  const uloLines = lines.filter((line) => new Decimal(line.unliquidated).gt(0));
  // Line numbers, not per-line amounts: contract amounts stay inside the U.S. Government, and partners read these texts.
  const uloDetail = `on line${uloLines.length === 1 ? "" : "s"} ${uloLines.map((line) => line.lineNumber).join(", ")}`;
  const nonAccBlocked = input.closureType === "NON_ACC" && ulo.gt(0);
  const obligationsCriterion: ClosureCriterion = {
    key: "obligations",
    label: "Unliquidated obligations settled (or moved to suspense under ACC)",
    met: ulo.isZero() || input.closureType === "ACC",
    // Before the closure type is chosen, ULOs only decide which closure is possible; they block non-ACC only.
    blocking: input.closureType === "NON_ACC",
    summary: ulo.isZero()
      ? "No unliquidated obligations"
      : input.closureType === "ACC"
        ? `${formatUsd(toAmount(ulo))} of unliquidated obligations ${uloDetail} move to the Case Closure Suspense Account`
        : input.closureType === "NON_ACC"
          ? `${formatUsd(toAmount(ulo))} of unliquidated obligations remain ${uloDetail}`
          : `${formatUsd(toAmount(ulo))} of unliquidated obligations remain ${uloDetail}: the case can close under ACC, moving them to the Case Closure Suspense Account, or once they are settled`,
    reasons: nonAccBlocked ? [`Unliquidated obligations of ${formatUsd(toAmount(ulo))} remain ${uloDetail}; a non-ACC closure needs them settled`] : [],
  };

  // The final bill against collections and credits.
  const statement = finalStatementFigures(input.lines, input.schedule, input);
  const due = new Decimal(statement.amountDue);
  const billCriterion: ClosureCriterion = {
    key: "finalBill",
    label: "Final bill paid",
    met: due.lte(0),
    blocking: true,
    summary: `Final bill ${formatUsd(statement.finalBill)}; collected ${formatUsd(statement.collections)} (deposits ${formatUsd(statement.deposits)}, payments ${formatUsd(statement.payments)}); credits ${formatUsd(statement.credits)}; ${
      due.gt(0) ? `${formatUsd(statement.amountDue)} still due` : due.lt(0) ? `refund of excess funds ${formatUsd(statement.refund)}` : "nothing due"
    }`,
    reasons: due.gt(0)
      ? [`Final bill of ${formatUsd(statement.finalBill)} is unpaid: ${formatUsd(statement.amountDue)} is still due after collections and credits`]
      : [],
  };

  // The 24-month ACC target (informational).
  const target: ClosureTarget | null = input.supplyCompleteAt
    ? (() => {
        const targetDate = addMonths(input.supplyCompleteAt, ACC_TARGET_MONTHS);
        const end = input.closedAt ?? input.now;
        return {
          supplyCompleteAt: input.supplyCompleteAt,
          targetDate,
          monthsElapsed: wholeMonthsBetween(input.supplyCompleteAt, end),
          months: ACC_TARGET_MONTHS,
          overdue: end.getTime() > targetDate.getTime(),
        };
      })()
    : null;
  const targetCriterion: ClosureCriterion = {
    key: "target",
    label: `Closed within ${ACC_TARGET_MONTHS} months of supply/services complete`,
    met: target !== null && !target.overdue,
    blocking: false,
    summary: !target
      ? `The ${ACC_TARGET_MONTHS}-month closure clock starts when every line is supply/services complete`
      : `${plural(target.monthsElapsed, "month", "months")} since supply/services complete on ${day(target.supplyCompleteAt)}; target ${day(target.targetDate)}${
          target.overdue ? " (passed)" : ""
        }`,
    reasons: [],
  };

  // This year's annual case review (informational).
  const year = input.now.getUTCFullYear();
  const review = input.annualReviews.find((r) => r.year === year) ?? null;
  const reviewCriterion: ClosureCriterion = {
    key: "annualReview",
    label: `Annual case review done for ${year}`,
    met: review !== null,
    blocking: false,
    summary: review ? `Completed on ${day(review.completedAt)}` : `Not yet done for ${year}`,
    reasons: [],
  };

  const criteria = [lineCriterion, sdrCriterion, obligationsCriterion, billCriterion, targetCriterion, reviewCriterion];
  const blockers = criteria.filter((c) => c.blocking).flatMap((c) => c.reasons);
  return {
    status: input.status,
    closureType: input.closureType,
    criteria,
    blockers,
    submitBlockers: [...lineReasons, ...sdrReasons],
    ready: blockers.length === 0,
    lines,
    unliquidatedObligations: toAmount(ulo),
    suspenseAmount: toAmount(input.closureType === "ACC" ? ulo : ZERO),
    statement,
    target,
    annualReview: { year, done: review !== null, completedAt: review?.completedAt ?? null },
  };
}

/** Why a non-ACC closure cannot be chosen now (ULOs remain), or null. */
export function nonAccRefusal(unliquidatedObligations: string): string | null {
  return new Decimal(unliquidatedObligations).gt(0)
    ? `Unliquidated obligations of ${formatUsd(unliquidatedObligations)} remain: a non-ACC closure needs them settled first, or choose ACC to move them to the Case Closure Suspense Account`
    : null;
}
