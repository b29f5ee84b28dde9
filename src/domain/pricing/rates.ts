import { isoDay } from "../sla";

// Rates and thresholds are effective-dated rows (fms-domain.md §7.2, §6.1: "never constants"). The server loads the
// table from PostgreSQL; the pricing engine only ever asks "which value was in force on this day?".

export const RATE_KEYS = {
  adminSurcharge: "ADMIN_SURCHARGE",
  contractAdministration: "CAS",
  packingCratingHandling: "PCH",
  /** The procurement share assumed for source X when neither contractor data nor history gives one (50/50). */
  defaultProcurementShare: "X_PROCUREMENT_SHARE",
  transport: { "2": "TRANSPORT_DTC_2", "3": "TRANSPORT_DTC_3", "4": "TRANSPORT_DTC_4" },
  cnThreshold: {
    NATO_PLUS: { MDE: "CN_MDE_NATO_PLUS", TOTAL: "CN_TOTAL_NATO_PLUS", DESIGN_CONSTRUCTION: "CN_DC_NATO_PLUS" },
    OTHER: { MDE: "CN_MDE_OTHER", TOTAL: "CN_TOTAL_OTHER", DESIGN_CONSTRUCTION: "CN_DC_OTHER" },
  },
} as const;

export const RATE_LABELS: Record<string, string> = {
  ADMIN_SURCHARGE: "Administrative surcharge",
  CAS: "Contract administration services (CAS)",
  PCH: "Packing, crating and handling",
  X_PROCUREMENT_SHARE: "Procurement share assumed for source X",
  TRANSPORT_DTC_2: "Transportation, delivery term 2",
  TRANSPORT_DTC_3: "Transportation, delivery term 3",
  TRANSPORT_DTC_4: "Transportation, delivery term 4",
  CN_MDE_NATO_PLUS: "Notification threshold, major defense equipment (NATO+)",
  CN_TOTAL_NATO_PLUS: "Notification threshold, total value (NATO+)",
  CN_DC_NATO_PLUS: "Notification threshold, design and construction (NATO+)",
  CN_MDE_OTHER: "Notification threshold, major defense equipment (others)",
  CN_TOTAL_OTHER: "Notification threshold, total value (others)",
  CN_DC_OTHER: "Notification threshold, design and construction (others)",
};

export interface RateRow {
  key: string;
  /** A fraction for rates ("0.038" is 3.8%), dollars for thresholds ("14000000.00"). */
  value: string;
  effectiveFrom: Date;
  /** Exclusive: the row applies on days before this one. */
  effectiveTo: Date | null;
}

export class MissingRateError extends Error {
  constructor(
    readonly key: string,
    readonly day: string,
  ) {
    super(`No ${RATE_LABELS[key]?.toLowerCase() ?? key} rate is in force on ${day}; an administrator must add one`);
  }
}

/** The value in force on `on` (the latest row that started on or before it and has not ended), or null. */
export function rateOn(rows: readonly RateRow[], key: string, on: Date): string | null {
  let best: RateRow | null = null;
  for (const row of rows) {
    if (row.key !== key || row.effectiveFrom > on || (row.effectiveTo !== null && row.effectiveTo <= on)) continue;
    if (!best || row.effectiveFrom > best.effectiveFrom) best = row;
  }
  return best?.value ?? null;
}

export function requireRate(rows: readonly RateRow[], key: string, on: Date): string {
  const value = rateOn(rows, key, on);
  if (value === null) throw new MissingRateError(key, isoDay(on));
  return value;
}
