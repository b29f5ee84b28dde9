import Decimal from "decimal.js";
import { isSubline, parentLineNumber } from "../loa/codes";
import type { LoaLine } from "../loa/content";
import { toAmount } from "../money";
import { RATE_KEYS, rateOn, requireRate, type RateRow } from "./rates";

// Cost-recovery pricing (fms-domain.md §7). Every charge is computed exactly with decimal.js, rounded half-up to the
// cent on its own line, and only then summed, so the LOA's total is always the exact sum of the amounts it prints.

const ZERO = new Decimal(0);

// ../money's toCents, and toAmount's common case, for values that are already Decimals: those helpers copy their
// argument first, and Decimals are immutable, so the copy is waste (about ten of them a line).
/** Rounds half-up to the cent. */
const toCents = (value: Decimal) => value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

/** A two-decimal amount string ("1250000.00"), exactly as toAmount writes it. */
function money(value: Decimal): string {
  // Most amounts are already in cents (rounded charges and their sums) and need no rounding: their plain toString padded
  // to two decimals costs a fraction of toFixed, which was most of the time a long LOA took. toString switches to an
  // exponent for huge values (hence the "e" check); decimalPlaces() is NaN, so the test false, for ±Infinity and NaN.
  if (value.decimalPlaces() <= 2) {
    const text = value.toString();
    if (!text.includes("e")) {
      const dot = text.indexOf(".");
      const places = dot === -1 ? 0 : text.length - dot - 1;
      return places === 2 ? text : places === 1 ? `${text}0` : `${text}.00`;
    }
  }
  // The rare value with more places (or an exponent): the shared money helper rounds and writes it.
  return toAmount(value);
}

export type PricedLineInput = Pick<
  LoaLine,
  | "lineNumber"
  | "quantity"
  | "unitCost"
  | "value"
  | "sourceOfSupply"
  | "deliveryTermCode"
  | "mde"
  | "designConstruction"
  | "procurementShare"
  | "ncPerUnit"
  | "ncWaived"
  | "adminRate"
>;

export interface PricingOptions {
  rates: readonly RateRow[];
  /** The day whose rates apply to lines that have not locked their own administrative rate. */
  pricedOn: Date;
}

export interface PricedLine {
  lineNumber: string;
  /** A line with sublines: its amounts are the sums of its sublines'. */
  isHeader: boolean;
  base: string;
  /** The part bought on contract: all of P, the procurement share of X, none of the rest. */
  procurementPortion: string;
  cas: string;
  nc: string;
  /** Base + CAS + NC: the amount on the LOA's line (above the line). */
  lineTotal: string;
  // Below-the-line charges this line carries.
  pch: string;
  transport: string;
  admin: string;
  /** The administrative rate applied, and whether it is the line's locked rate. */
  adminRate: string;
  adminRateLocked: boolean;
  /** Line total plus its share of the below-the-line charges: the value notification thresholds test. */
  loadedValue: string;
}

export interface CostSummary {
  netEstimatedCost: string;
  packingCratingHandling: string;
  administrativeSurcharge: string;
  transportation: string;
  totalEstimatedCost: string;
}

export interface PricedLoa {
  lines: PricedLine[];
  summary: CostSummary;
  /**
   * The rates in force on the pricing day, for notes and the what-if calculator; null where no row was in force that day
   * and no line needed one (e.g. PC&H before its first row, on an LOA that ships nothing from stock).
   */
  ratesApplied: { adminSurcharge: string; cas: string | null; pch: string | null; defaultProcurementShare: string | null };
}

interface LineCharges {
  base: Decimal;
  procurementPortion: Decimal;
  cas: Decimal;
  nc: Decimal;
  lineTotal: Decimal;
  pch: Decimal;
  transport: Decimal;
  admin: Decimal;
  adminRate: string;
  adminRateLocked: boolean;
}

/** The rates in force on the pricing day, and memos so that no rate is looked up or parsed more than once a call. */
interface PricingContext {
  adminSurcharge: string;
  /** The rate string as a Decimal, parsed on first use (so an unparsable rate fails where it is used, as before). */
  decimal: (text: string) => Decimal;
  /**
   * The rate of `key` in force on the pricing day, looked up when a line first needs it: a charge that applies without a
   * row in force stops pricing (never silently free), one that does not apply needs no row.
   */
  rate: (key: string) => Decimal;
}

export function priceLoa(lines: readonly PricedLineInput[], options: PricingOptions): PricedLoa {
  const { rates, pricedOn } = options;
  const adminSurcharge = requireRate(rates, RATE_KEYS.adminSurcharge, pricedOn);
  // Decimal values are immutable, so one parsed instance can serve every line.
  const decimal = memo((text: string) => new Decimal(text));
  const rate = memo((key: string) => decimal(requireRate(rates, key, pricedOn)));
  const context: PricingContext = { adminSurcharge, decimal, rate };

  const headers = new Set(lines.filter((line) => isSubline(line.lineNumber)).map((line) => parentLineNumber(line.lineNumber)));
  const leaves = new Map<string, LineCharges>();
  for (const line of lines) {
    if (!headers.has(line.lineNumber)) leaves.set(line.lineNumber, chargeLine(line, context));
  }
  // Each header's sublines in one pass over the leaves (in their order), rather than a scan of every leaf per header.
  const sublines = new Map<string, LineCharges[]>();
  for (const [number, charges] of leaves) {
    if (!isSubline(number)) continue;
    const parent = parentLineNumber(number);
    const children = sublines.get(parent);
    if (children) children.push(charges);
    else sublines.set(parent, [charges]);
  }

  const priced = lines.map((line): PricedLine => {
    if (!headers.has(line.lineNumber)) return present(line.lineNumber, false, leaves.get(line.lineNumber)!);
    return present(line.lineNumber, true, sumCharges(sublines.get(line.lineNumber) ?? [], adminSurcharge));
  });

  let net = ZERO;
  let pchTotal = ZERO;
  let admin = ZERO;
  let transport = ZERO;
  for (const charges of leaves.values()) {
    net = net.plus(charges.lineTotal);
    pchTotal = pchTotal.plus(charges.pch);
    admin = admin.plus(charges.admin);
    transport = transport.plus(charges.transport);
  }
  return {
    lines: priced,
    summary: {
      netEstimatedCost: money(net),
      packingCratingHandling: money(pchTotal),
      administrativeSurcharge: money(admin),
      transportation: money(transport),
      totalEstimatedCost: money(net.plus(pchTotal).plus(admin).plus(transport)),
    },
    ratesApplied: {
      adminSurcharge,
      cas: rateOn(rates, RATE_KEYS.contractAdministration, pricedOn),
      pch: rateOn(rates, RATE_KEYS.packingCratingHandling, pricedOn),
      defaultProcurementShare: rateOn(rates, RATE_KEYS.defaultProcurementShare, pricedOn),
    },
  };
}

function chargeLine(line: PricedLineInput, context: PricingContext): LineCharges {
  const base =
    line.value !== null
      ? new Decimal(line.value)
      : line.quantity !== null && line.unitCost !== null
        ? new Decimal(line.unitCost).times(line.quantity)
        : ZERO;
  // CAS and PC&H are taken from the exact split, not from the rounded portion: rounding twice could lose more than
  // half a cent.
  const exactPortion =
    line.sourceOfSupply === "P"
      ? base
      : line.sourceOfSupply === "X"
        ? base.times(line.procurementShare !== null ? context.decimal(line.procurementShare) : context.rate(RATE_KEYS.defaultProcurementShare))
        : ZERO;
  const procurementPortion = toCents(exactPortion);
  const cas = exactPortion.isZero() ? ZERO : toCents(exactPortion.times(context.rate(RATE_KEYS.contractAdministration)));
  const nc =
    line.mde && !line.ncWaived && line.ncPerUnit !== null ? toCents(new Decimal(line.ncPerUnit).times(line.quantity ?? 1)) : ZERO;
  const lineTotal = base.plus(cas).plus(nc);

  const shipped = line.deliveryTermCode !== null;
  // Stock issues are packed by the depot; new procurement arrives packed at the contract price.
  const stockPortion = base.minus(exactPortion);
  const pch = shipped && !stockPortion.isZero() ? toCents(stockPortion.times(context.rate(RATE_KEYS.packingCratingHandling))) : ZERO;
  const transportRate = shipped ? context.rate(RATE_KEYS.transport[line.deliveryTermCode!]) : ZERO;
  const transport = toCents(lineTotal.times(transportRate));
  const adminRate = line.adminRate ?? context.adminSurcharge;
  const admin = toCents(lineTotal.times(context.decimal(adminRate)));
  return { base, procurementPortion, cas, nc, lineTotal, pch, transport, admin, adminRate, adminRateLocked: line.adminRate !== null };
}

function sumCharges(children: readonly LineCharges[], adminSurcharge: string): LineCharges {
  const total = (pick: (c: LineCharges) => Decimal) => sum(children.map(pick));
  const rates = new Set(children.map((c) => c.adminRate));
  return {
    base: total((c) => c.base),
    procurementPortion: total((c) => c.procurementPortion),
    cas: total((c) => c.cas),
    nc: total((c) => c.nc),
    lineTotal: total((c) => c.lineTotal),
    pch: total((c) => c.pch),
    transport: total((c) => c.transport),
    admin: total((c) => c.admin),
    adminRate: rates.size === 1 ? [...rates][0]! : adminSurcharge,
    adminRateLocked: children.length > 0 && children.every((c) => c.adminRateLocked),
  };
}

function present(lineNumber: string, isHeader: boolean, c: LineCharges): PricedLine {
  return {
    lineNumber,
    isHeader,
    base: money(c.base),
    procurementPortion: money(c.procurementPortion),
    cas: money(c.cas),
    nc: money(c.nc),
    lineTotal: money(c.lineTotal),
    pch: money(c.pch),
    transport: money(c.transport),
    admin: money(c.admin),
    adminRate: c.adminRate,
    adminRateLocked: c.adminRateLocked,
    loadedValue: money(c.lineTotal.plus(c.pch).plus(c.transport).plus(c.admin)),
  };
}

const sum = (values: readonly Decimal[]) => values.reduce((total, value) => total.plus(value), ZERO);

/** `compute` remembered per distinct argument, for the duration of one pricing call. */
function memo<K, V>(compute: (key: K) => V): (key: K) => V {
  const values = new Map<K, V>();
  return (key) => {
    if (values.has(key)) return values.get(key)!;
    const value = compute(key);
    values.set(key, value);
    return value;
  };
}

/** "3.8%" from "0.038", without floats. */
export const formatRate = (fraction: string) => `${new Decimal(fraction).times(100).toDecimalPlaces(4).toString()}%`;

/** The PC&H line's label: its rate, or that none was in force (only possible when nothing ships from stock). */
export const pchLabel = (rate: string | null) =>
  rate === null ? "Packing, crating and handling (no rate in force on the pricing day)" : `Packing, crating and handling (${formatRate(rate)} of stock issues)`;
