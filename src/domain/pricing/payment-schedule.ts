import Decimal from "decimal.js";
import type { TermOfSaleShare } from "../loa/content";
import { toAmount, toCents } from "../money";

// The estimated payment schedule (fms-domain.md §7.6): an initial deposit with acceptance, then quarterly amounts due
// on the 15th of March, June, September and December. The rows always sum exactly to the total.

export interface PaymentRow {
  /** "2027-03-15" */
  dueOn: string;
  amount: string;
  cumulative: string;
}

export interface PaymentSchedule {
  initialDeposit: string;
  rows: PaymentRow[];
  /** Cash with Acceptance: the whole value is due with the signature, so there are no quarterly rows. */
  cashWithAcceptance: boolean;
}

export const MAX_PAYMENT_QUARTERS = 40;
const DUE_MONTHS = [2, 5, 8, 11]; // March, June, September, December (0-based)

export function paymentSchedule(input: {
  total: string;
  termsOfSale: readonly Pick<TermOfSaleShare, "term">[];
  initialDepositPercent: string;
  quarters: number;
  /** Quarterly payments fall due after this day (the offer's expiration, or the acceptance). */
  startsAfter: Date;
}): PaymentSchedule {
  const total = new Decimal(input.total);
  const cashWithAcceptance = input.termsOfSale.some((share) => share.term === "CASH_WITH_ACCEPTANCE");
  if (cashWithAcceptance || input.quarters <= 0) {
    return { initialDeposit: toAmount(total), rows: [], cashWithAcceptance };
  }
  const deposit = Decimal.min(total, toCents(total.times(input.initialDepositPercent).div(100)));
  const remainder = total.minus(deposit);
  if (remainder.isZero()) return { initialDeposit: toAmount(deposit), rows: [], cashWithAcceptance: false };

  // Equal quarterly calls rounded down to the cent; the last one takes the leftover cents so nothing is lost.
  const quarterly = remainder.div(input.quarters).toDecimalPlaces(2, Decimal.ROUND_DOWN);
  const dates = quarterlyDueDates(input.startsAfter, input.quarters);
  let cumulative = deposit;
  const rows = dates.map((dueOn, index) => {
    const amount = index === dates.length - 1 ? total.minus(cumulative) : quarterly;
    cumulative = cumulative.plus(amount);
    return { dueOn, amount: toAmount(amount), cumulative: toAmount(cumulative) };
  });
  return { initialDeposit: toAmount(deposit), rows, cashWithAcceptance: false };
}

/** The next `count` 15 March/June/September/December dates strictly after `after` (UTC days). */
export function quarterlyDueDates(after: Date, count: number): string[] {
  const dates: string[] = [];
  let year = after.getUTCFullYear();
  let month = after.getUTCMonth();
  const afterDay = after.toISOString().slice(0, 10);
  while (dates.length < count) {
    if (DUE_MONTHS.includes(month)) {
      const due = `${year}-${String(month + 1).padStart(2, "0")}-15`;
      if (due > afterDay) dates.push(due);
    }
    month += 1;
    if (month === 12) {
      month = 0;
      year += 1;
    }
  }
  return dates;
}
