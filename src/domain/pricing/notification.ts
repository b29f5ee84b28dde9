import Decimal from "decimal.js";
import { isSubline, parentLineNumber } from "../loa/codes";
import type { LoaLine } from "../loa/content";
import { formatUsd, percentOf, toAmount } from "../money";
import type { PricedLoa } from "./price";
import { RATE_KEYS, requireRate, type RateRow } from "./rates";

// Does this sale need a congressional notification under AECA 36(b)? (fms-domain.md §6.1–6.2). Thresholds are
// effective-dated rows; the values tested are conservative: MDE and design-and-construction lines count with their
// share of the below-the-line charges.

export const NOTIFICATION_BASES = ["MDE", "TOTAL", "DESIGN_CONSTRUCTION"] as const;
export type NotificationBasis = (typeof NOTIFICATION_BASES)[number];
export const NOTIFICATION_BASIS_LABELS: Record<NotificationBasis, string> = {
  MDE: "Major defense equipment",
  TOTAL: "Total case value",
  DESIGN_CONSTRUCTION: "Design and construction services",
};

export type PurchaserGroup = "NATO_PLUS" | "OTHER";

export interface ThresholdTest {
  basis: NotificationBasis;
  value: string;
  threshold: string;
  /** Threshold minus value: how much the case can still grow before this test requires notification (≤ 0 when met). */
  headroom: string;
  /** Value as a percent of the threshold, one decimal ("79.4"). */
  percentOfThreshold: string;
  met: boolean;
}

export interface NotificationDetermination {
  required: boolean;
  group: PurchaserGroup;
  tests: ThresholdTest[];
  /** Plain-language reason, e.g. "Major defense equipment $14,840,000.00 is at or above the $14,000,000.00 threshold". */
  reasons: string[];
}

export function notificationDetermination(
  lines: readonly Pick<LoaLine, "lineNumber" | "mde" | "designConstruction">[],
  priced: PricedLoa,
  options: { natoPlus: boolean; rates: readonly RateRow[]; on: Date },
): NotificationDetermination {
  const group: PurchaserGroup = options.natoPlus ? "NATO_PLUS" : "OTHER";
  // Kept as strings: only the flagged lines' values are summed, so only those are parsed (by plus).
  const loaded = new Map(priced.lines.filter((line) => !line.isHeader).map((line) => [line.lineNumber, line.loadedValue]));
  // A flag on a header line covers its sublines (the header itself is priced only through them).
  const byNumber = new Map(lines.map((line) => [line.lineNumber, line]));
  const flagged = (pick: (line: Pick<LoaLine, "mde" | "designConstruction">) => boolean) =>
    lines
      .filter((line) => loaded.has(line.lineNumber))
      .filter((line) => {
        const header = isSubline(line.lineNumber) ? byNumber.get(parentLineNumber(line.lineNumber)) : undefined;
        return pick(line) || (header !== undefined && pick(header));
      })
      .reduce((total, line) => total.plus(loaded.get(line.lineNumber)!), new Decimal(0));
  const values: Record<NotificationBasis, Decimal> = {
    MDE: flagged((line) => line.mde),
    TOTAL: new Decimal(priced.summary.totalEstimatedCost),
    DESIGN_CONSTRUCTION: flagged((line) => line.designConstruction),
  };
  const tests = NOTIFICATION_BASES.map((basis): ThresholdTest => {
    const threshold = new Decimal(requireRate(options.rates, RATE_KEYS.cnThreshold[group][basis], options.on));
    const value = values[basis];
    return {
      basis,
      value: toAmount(value),
      threshold: toAmount(threshold),
      headroom: toAmount(threshold.minus(value)),
      percentOfThreshold: percentOf(value, threshold),
      met: value.gte(threshold),
    };
  });
  return {
    required: tests.some((test) => test.met),
    group,
    tests,
    reasons: tests
      .filter((test) => test.met)
      .map((test) => `${NOTIFICATION_BASIS_LABELS[test.basis]} ${formatUsd(test.value)} is at or above the ${formatUsd(test.threshold)} threshold`),
  };
}
