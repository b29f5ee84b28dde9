// Builders for LOA and pricing tests: effective-dated rate rows, lines that pass validation by default, whole LOA
// contents, and the worked examples of fms-domain.md §7.4 (example A) and §7.5 (example B).
import { emptyLine, type LoaContent, type LoaLine } from "@/domain/loa/content";
import { RATE_KEYS, type RateRow } from "@/domain/pricing/rates";

/** Midnight UTC on an ISO day: how the database hands effective dates to the engine. */
export const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

export const rateRow = (key: string, value: string, from: string, to: string | null = null): RateRow => ({
  key,
  value,
  effectiveFrom: day(from),
  effectiveTo: to === null ? null : day(to),
});

/** AECA 36(b) thresholds (fms-domain.md §6.1), in force from 2000. */
export const CN_THRESHOLD_ROWS: RateRow[] = [
  rateRow(RATE_KEYS.cnThreshold.OTHER.MDE, "14000000", "2000-01-01"),
  rateRow(RATE_KEYS.cnThreshold.OTHER.TOTAL, "50000000", "2000-01-01"),
  rateRow(RATE_KEYS.cnThreshold.OTHER.DESIGN_CONSTRUCTION, "200000000", "2000-01-01"),
  rateRow(RATE_KEYS.cnThreshold.NATO_PLUS.MDE, "25000000", "2000-01-01"),
  rateRow(RATE_KEYS.cnThreshold.NATO_PLUS.TOTAL, "100000000", "2000-01-01"),
  rateRow(RATE_KEYS.cnThreshold.NATO_PLUS.DESIGN_CONSTRUCTION, "300000000", "2000-01-01"),
];

export interface RateOptions {
  admin?: string;
  cas?: string;
  pch?: string;
  share?: string;
  dtc2?: string;
  dtc3?: string;
  dtc4?: string;
}

/**
 * One open-ended row per key from 2000-01-01: the rates of worked example A unless overridden (admin 3.8%, CAS 1%,
 * PC&H 3%, X split 50/50, DTC 2 and 3 at 2.75%, DTC 4 free), plus the notification thresholds.
 */
export function flatRates(options: RateOptions = {}): RateRow[] {
  const { admin = "0.038", cas = "0.01", pch = "0.03", share = "0.5", dtc2 = "0.0275", dtc3 = "0.0275", dtc4 = "0" } = options;
  return [
    rateRow(RATE_KEYS.adminSurcharge, admin, "2000-01-01"),
    ...everythingButAdmin({ cas, pch, share, dtc2, dtc3, dtc4 }),
  ];
}

function everythingButAdmin({ cas, pch, share, dtc2, dtc3, dtc4 }: Required<Omit<RateOptions, "admin">>): RateRow[] {
  return [
    rateRow(RATE_KEYS.contractAdministration, cas, "2000-01-01"),
    rateRow(RATE_KEYS.packingCratingHandling, pch, "2000-01-01"),
    rateRow(RATE_KEYS.defaultProcurementShare, share, "2000-01-01"),
    rateRow(RATE_KEYS.transport["2"], dtc2, "2000-01-01"),
    rateRow(RATE_KEYS.transport["3"], dtc3, "2000-01-01"),
    rateRow(RATE_KEYS.transport["4"], dtc4, "2000-01-01"),
    ...CN_THRESHOLD_ROWS,
  ];
}

/**
 * The administrative surcharge as history (fms-domain.md §7.2): no row before 1 Nov 2012, 3.5% to 31 May 2018, 3.2%
 * to 30 Sep 2025, then Caseway's configured 3.8%. Every other rate is example A's, in force throughout.
 */
export const ADMIN_HISTORY: RateRow[] = [
  rateRow(RATE_KEYS.adminSurcharge, "0.035", "2012-11-01", "2018-06-01"),
  rateRow(RATE_KEYS.adminSurcharge, "0.032", "2018-06-01", "2025-10-01"),
  rateRow(RATE_KEYS.adminSurcharge, "0.038", "2025-10-01"),
];
export const historyRates = (): RateRow[] => [
  ...ADMIN_HISTORY,
  ...everythingButAdmin({ cas: "0.01", pch: "0.03", share: "0.5", dtc2: "0.0275", dtc3: "0.0275", dtc4: "0" }),
];

/** A day on which example A is priced (after 1 Jun 2018, with the configured 3.8% in force). */
export const EXAMPLE_A_DAY = day("2026-03-02");

/** A line that passes validation on a defined-order LOA: stock item, TA 3, one each at $1,000. */
export function line(lineNumber: string, overrides: Partial<LoaLine> = {}): LoaLine {
  return {
    ...emptyLine(lineNumber),
    genericCode: "F1K",
    maslNumber: "1005000566753",
    description: `Item on line ${lineNumber}`,
    quantity: 1,
    unitOfIssue: "EA",
    unitCost: "1000.00",
    sourceOfSupply: "S",
    typeOfAssistance: "3",
    ...overrides,
  };
}

/** A blanket-order line: a dollar value, no quantities. */
export const blanketLine = (lineNumber: string, value: string, overrides: Partial<LoaLine> = {}): LoaLine =>
  line(lineNumber, { quantity: null, unitCost: null, unitOfIssue: null, value, ...overrides });

export function content(lines: LoaLine[], overrides: Partial<LoaContent> = {}): LoaContent {
  return {
    description: "Tactical vehicles with initial spares and operator training",
    customerReference: "Based on LOR MOD/PROC/2026/117",
    termsOfSale: [{ term: "CASH_PRIOR_TO_DELIVERY", amount: null }],
    initialDepositPercent: "20",
    paymentQuarters: 8,
    lines,
    notes: [],
    ...overrides,
  };
}

/** Worked example A (fms-domain.md §7.4): 10 MDE vehicles (P), initial spares (X), operator training (S). */
export function exampleALines(vehicles = 10): LoaLine[] {
  return [
    line("001", {
      description: "Tactical vehicle",
      quantity: vehicles,
      unitCost: "1000000.00",
      sourceOfSupply: "P",
      typeOfAssistance: "5",
      mde: true,
      ncPerUnit: "50000.00",
      deliveryTermCode: "2",
    }),
    line("002", {
      genericCode: "R7A",
      maslNumber: "0000000SPARES",
      description: "Initial spares",
      quantity: 1,
      unitOfIssue: "LO",
      unitCost: "2000000.00",
      sourceOfSupply: "X",
      typeOfAssistance: "4",
      deliveryTermCode: "2",
    }),
    line("003", {
      genericCode: "T3A",
      maslNumber: "00000000TRAIN",
      description: "Operator training (DoD personnel)",
      quantity: 1,
      unitOfIssue: "LO",
      unitCost: "500000.00",
      sourceOfSupply: "S",
      typeOfAssistance: "3",
    }),
  ];
}
