import Decimal from "decimal.js";
import { toAmount } from "../money";
import type { PaymentSchedule } from "../pricing/payment-schedule";

// The money of a case after the offer (fms-domain.md §7.6, ADR 0017), pure and exact: the initial deposit's standing,
// which quarterly statement a day calls for, what a statement bills, and how the money received settles the bills.
// Amounts are decimal strings with two places ("1250000.00"); days are ISO dates ("2027-03-15", UTC).

const ZERO = new Decimal(0);
const dec = (value: Decimal.Value) => new Decimal(value);

// ---- the initial deposit -----------------------------------------------------------------------------------------

export interface DepositStanding {
  /** What the LOA asks with acceptance. */
  due: string;
  /** Deposits recorded as arrived. */
  received: string;
  /** What is still missing; "0.00" once covered (a deposit above the amount due leaves no negative shortfall). */
  shortfall: string;
  /** The deposits received cover the amount due: the case may be implemented. */
  covered: boolean;
}

/** The deposit due against the deposits received: covered, or short by an exact amount. */
export function depositStanding(due: Decimal.Value, received: Decimal.Value): DepositStanding {
  const shortfall = Decimal.max(ZERO, dec(due).minus(received));
  return { due: toAmount(due), received: toAmount(received), shortfall: toAmount(shortfall), covered: shortfall.isZero() };
}

// ---- the quarterly calendar --------------------------------------------------------------------------------------
// Statements go out from the 15th of January, April, July and October for payment due the 15th of March, June,
// September and December (DD 645, eSAMM C9.10).

const DUE_MONTHS = [3, 6, 9, 12] as const;
const BILLING_DAY = 15;

const pad = (n: number) => String(n).padStart(2, "0");
const dayOf = (year: number, month: number) => `${year}-${pad(month)}-${pad(BILLING_DAY)}`;

function parts(day: string): { year: number; month: number; date: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new Error(`Not an ISO day: ${day}`);
  return { year: Number(match[1]), month: Number(match[2]), date: Number(match[3]) };
}

/** The day a statement due on `dueOn` is issued: two months earlier, the 15th ("2027-03-15" → "2027-01-15"). */
export function issueDayOf(dueOn: string): string {
  const { year, month } = parts(dueOn);
  return dayOf(year, month - 2);
}

/**
 * The due date of the latest statement that should exist by `day`: the one whose issue day (15 Jan/Apr/Jul/Oct) is
 * the last on or before `day`. A job that runs late — on 20 February instead of 15 January — still issues the
 * statement due 15 March, and one that runs on 14 January still issues the one due the previous 15 December.
 */
export function statementDueOnFor(day: string): string {
  const { year, month, date } = parts(day);
  // Issue months are 1, 4, 7, 10: the latest one not after this month, stepped back once when it is this month
  // and the 15th has not come yet.
  let issueMonth = month - ((month - 1) % 3);
  let issueYear = year;
  if (issueMonth === month && date < BILLING_DAY) issueMonth -= 3;
  if (issueMonth < 1) {
    issueMonth += 12;
    issueYear -= 1;
  }
  const dueMonth = issueMonth + 2;
  return dayOf(issueYear, dueMonth);
}

/** The first payment due date (15 Mar/Jun/Sep/Dec) on or after `day`: a payment due today is still "next". */
export function nextDueDate(day: string): string {
  const { year, month, date } = parts(day);
  for (const dueMonth of DUE_MONTHS) {
    if (dueMonth > month || (dueMonth === month && date <= BILLING_DAY)) return dayOf(year, dueMonth);
  }
  return dayOf(year + 1, DUE_MONTHS[0]);
}

/** The payment schedule's cumulative amount through `dueOn`: the initial deposit and every row due by then. */
export function scheduleCumulativeThrough(schedule: Pick<PaymentSchedule, "initialDeposit" | "rows">, dueOn: string): string {
  const total = schedule.rows.filter((row) => row.dueOn <= dueOn).reduce((sum, row) => sum.plus(row.amount), dec(schedule.initialDeposit));
  return toAmount(total);
}

// ---- what a statement bills --------------------------------------------------------------------------------------

/** One executable line of the LOA in force, with what has been obligated and expended against it. */
export interface LineProgress {
  lineNumber: string;
  /**
   * The line's value before charges (quantity × unit cost, or the blanket value): the basis execution records use —
   * contracts, requisitions, shipments and services are valued against it — so a fully delivered line bills its whole
   * loaded value.
   */
  lineValue: string;
  /** The line total with its share of the below-the-line charges (PC&H, transport, administrative surcharge). */
  loadedValue: string;
  /** Contracts awarded (and, for blanket lines, requisitions placed) against the line. */
  obligated: string;
  /** Value shipped plus the value of services performed on the line. */
  expended: string;
}

/** Share of the line that `activity` accounts for, at most the whole line. A line with no value bills nothing. */
function shareOf(lineValue: Decimal, activity: Decimal): Decimal {
  if (lineValue.lte(0)) return ZERO;
  return Decimal.min(1, Decimal.max(ZERO, activity).div(lineValue));
}

/**
 * What a line's activity calls for with its surcharge: loadedValue × min(1, max(obligated, expended) / lineValue),
 * rounded half-up to the cent per line (DSAMS rolls line amounts up, fms-domain.md §13.6).
 */
export function lineForecast(line: LineProgress): string {
  const activity = Decimal.max(dec(line.obligated), dec(line.expended));
  return toAmount(dec(line.loadedValue).times(shareOf(dec(line.lineValue), activity)));
}

/** What a line's deliveries and services actually cost with their surcharge (no obligations): the final bill. */
export function lineExpendedWithSurcharge(line: LineProgress): string {
  return toAmount(dec(line.loadedValue).times(shareOf(dec(line.lineValue), dec(line.expended))));
}

/** The forecast from obligations, deliveries and services: the sum of the per-line amounts, each already in cents. */
export function forecastCumulative(lines: readonly LineProgress[]): string {
  return toAmount(lines.reduce((sum, line) => sum.plus(lineForecast(line)), ZERO));
}

/** The actual expenditure with surcharge: the sum of the per-line amounts, each already in cents. */
export function expendedWithSurcharge(lines: readonly LineProgress[]): string {
  return toAmount(lines.reduce((sum, line) => sum.plus(lineExpendedWithSurcharge(line)), ZERO));
}

/** The figures a statement prints (and billing_statements stores). */
export interface StatementFigures {
  scheduleCumulative: string;
  forecastCumulative: string;
  /** What the case has been billed in all, through this statement. */
  billedCumulative: string;
  /** Deposits and payments received by the issue day. */
  collected: string;
  /** Credits granted (SDR credits) by the issue day. */
  credits: string;
  /** Billed less collected and credits. Never negative on a quarterly statement; negative on a final one is a refund. */
  amountDue: string;
}

export interface QuarterlyStatementInput {
  /** The statement's due date (15 Mar/Jun/Sep/Dec). */
  dueOn: string;
  schedule: Pick<PaymentSchedule, "initialDeposit" | "rows">;
  lines: readonly LineProgress[];
  /** The LOA in force's total estimated cost: nothing is billed above it. */
  loaTotal: string;
  collected: string;
  credits: string;
}

/**
 * A quarterly statement: billed = the greater of the schedule's cumulative amount through the due date and the
 * forecast (the bill, not the schedule, sets the amount due — fms-domain.md §7.6), capped at the LOA's total; the
 * amount due is what is billed less the money received and credits granted, never below zero (an excess waits for
 * the next statement or the final one).
 */
export function quarterlyStatement(input: QuarterlyStatementInput): StatementFigures {
  const scheduleCumulative = scheduleCumulativeThrough(input.schedule, input.dueOn);
  const forecast = forecastCumulative(input.lines);
  const billed = Decimal.min(dec(input.loaTotal), Decimal.max(dec(scheduleCumulative), dec(forecast)));
  const due = Decimal.max(ZERO, billed.minus(input.collected).minus(input.credits));
  return {
    scheduleCumulative,
    forecastCumulative: forecast,
    billedCumulative: toAmount(billed),
    collected: toAmount(input.collected),
    credits: toAmount(input.credits),
    amountDue: toAmount(due),
  };
}

export interface FinalStatementInput {
  schedule: Pick<PaymentSchedule, "initialDeposit" | "rows">;
  lines: readonly LineProgress[];
  collected: string;
  credits: string;
}

/**
 * The final statement at closure (fms-domain.md §12): the case is billed what its deliveries and services actually
 * cost with their surcharge, whatever the schedule said. amountDue = expended with surcharge − collected − credits;
 * a negative amount is the refund of excess funds owed to the partner, a positive one the final bill.
 * scheduleCumulative is the whole schedule, for comparison on the printed statement.
 */
export function finalStatement(input: FinalStatementInput): StatementFigures {
  const expended = expendedWithSurcharge(input.lines);
  return {
    scheduleCumulative: scheduleCumulativeThrough(input.schedule, "9999-12-31"),
    forecastCumulative: expended,
    billedCumulative: expended,
    collected: toAmount(input.collected),
    credits: toAmount(input.credits),
    amountDue: toAmount(dec(expended).minus(input.collected).minus(input.credits)),
  };
}

// ---- how the money received settles the bills --------------------------------------------------------------------

/** A statement as issued. */
export interface IssuedStatement {
  id: string;
  dueOn: string;
  issuedOn: string;
  final: boolean;
  billedCumulative: string;
  amountDue: string;
}

export type StatementPaymentStatus = "PAID" | "PARTLY_PAID" | "UNPAID";

export interface StatementStanding extends IssuedStatement {
  /** What this statement added to the bill (its billed amount above everything billed before it). */
  charged: string;
  /** Money received and credits applied to that charge, oldest statement first. */
  applied: string;
  /** The part of the charge still unpaid. Summed over statements it never counts an arrear twice. */
  unpaid: string;
  /** How much of the amount this statement asked for is still outstanding (it includes earlier arrears). */
  outstanding: string;
  status: StatementPaymentStatus;
  /** Its due date has passed with part of its charge unpaid. */
  overdue: boolean;
}

export interface AccountInput {
  /** The initial deposit the LOA called for with acceptance: the first thing the money received pays. */
  depositDue: string;
  statements: readonly IssuedStatement[];
  /** Deposits and payments received. */
  collected: string;
  credits: string;
  /** The day the standing is read (ISO). */
  today: string;
}

export interface AccountStanding {
  /** What the case has been billed in all: the final statement's amount once there is one, else the highest bill. */
  billed: string;
  /** Money received plus credits granted. */
  covered: string;
  /** billed − covered: positive is owed by the partner; negative is money of theirs held (a refund at closure). */
  balance: string;
  /** The initial deposit's part of the bill that the money received has not covered. */
  depositUnpaid: string;
  /** Oldest first, with the money applied oldest statement first. */
  statements: StatementStanding[];
  /** Statements past their due date with part of their charge unpaid, oldest first, and the total. */
  arrears: { total: string; statements: { id: string; dueOn: string; unpaid: string }[] };
  /** The next amount to pay and by when: the earliest statement not yet due with an unpaid charge (that amount), else the next quarterly due date (amount not yet billed). */
  nextDue: { dueOn: string; amount: string | null };
}

const byDueDate = (a: IssuedStatement, b: IssuedStatement) =>
  a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : Number(a.final) - Number(b.final) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The case's account: everything billed, laid out in layers (the initial deposit, then what each statement added),
 * with the money received and credits applied to the oldest layer first. Nothing is lost to rounding: the amounts
 * applied plus what is unpaid equal the bill, and the amounts applied plus any excess equal the money covered.
 * A final statement, while it is the latest statement, replaces the bill: earlier layers above it are no longer owed.
 */
export function accountStanding(input: AccountInput): AccountStanding {
  const sorted = [...input.statements].sort(byDueDate);
  // The final statement settles the account while it is the latest; a case reopened after it is billed again.
  const last = sorted.at(-1);
  const cap = last?.final ? dec(last.billedCumulative) : null;
  const capped = (value: Decimal) => (cap ? Decimal.min(cap, value) : value);
  const covered = dec(input.collected).plus(input.credits);

  const depositTop = capped(Decimal.max(ZERO, dec(input.depositDue)));
  const depositUnpaid = Decimal.max(ZERO, depositTop.minus(covered));
  let running = depositTop;
  const statements = sorted.map((statement): StatementStanding => {
    const low = running;
    const high = capped(Decimal.max(running, dec(statement.billedCumulative)));
    const charged = high.minus(low);
    const applied = Decimal.min(charged, Decimal.max(ZERO, covered.minus(low)));
    const unpaid = charged.minus(applied);
    running = high;
    const outstanding = Decimal.min(Decimal.max(ZERO, dec(statement.amountDue)), Decimal.max(ZERO, high.minus(covered)));
    const status: StatementPaymentStatus = outstanding.isZero()
      ? "PAID"
      : outstanding.lt(Decimal.max(ZERO, dec(statement.amountDue)))
        ? "PARTLY_PAID"
        : "UNPAID";
    return {
      ...statement,
      charged: toAmount(charged),
      applied: toAmount(applied),
      unpaid: toAmount(unpaid),
      outstanding: toAmount(outstanding),
      status,
      overdue: statement.dueOn < input.today && unpaid.gt(0),
    };
  });
  const billed = running;
  const late = statements.filter((s) => s.overdue);
  const upcoming = statements.find((s) => s.dueOn >= input.today && dec(s.unpaid).gt(0));
  const upcomingAmount = upcoming
    ? statements.filter((s) => s.dueOn >= input.today && s.dueOn <= upcoming.dueOn).reduce((sum, s) => sum.plus(s.unpaid), ZERO)
    : null;
  return {
    billed: toAmount(billed),
    covered: toAmount(covered),
    balance: toAmount(billed.minus(covered)),
    depositUnpaid: toAmount(depositUnpaid),
    statements,
    arrears: {
      total: toAmount(late.reduce((sum, s) => sum.plus(s.unpaid), ZERO)),
      statements: late.map((s) => ({ id: s.id, dueOn: s.dueOn, unpaid: s.unpaid })),
    },
    nextDue: upcoming
      ? { dueOn: upcoming.dueOn, amount: toAmount(upcomingAmount!) }
      : { dueOn: nextDueDate(input.today), amount: null },
  };
}
