// The LOA's code tables (fms-domain.md §2.4, §5.2–5.4), with plain-language labels for the UI and the PDF.
// The seed copies of these tables live in prisma/reference with their sources; these are the rules that use them.

export const SOURCES_OF_SUPPLY = ["S", "P", "R", "X", "E", "F"] as const;
export type SourceOfSupply = (typeof SOURCES_OF_SUPPLY)[number];
export const SOURCE_OF_SUPPLY_LABELS: Record<SourceOfSupply, string> = {
  S: "S — DoD stock or DoD personnel",
  P: "P — New procurement",
  R: "R — Rebuild, repair or modification",
  X: "X — Mixed (stock and procurement) or undetermined",
  E: "E — Excess, as-is where-is",
  F: "F — Special Defense Acquisition Fund",
};

export const TYPES_OF_ASSISTANCE = ["3", "4", "5", "6", "7", "8", "U", "V", "Z", "N", "A", "M"] as const;
export type TypeOfAssistance = (typeof TYPES_OF_ASSISTANCE)[number];
export const TYPE_OF_ASSISTANCE_LABELS: Record<TypeOfAssistance, string> = {
  "3": "3 — Sale from stock (AECA 21(b))",
  "4": "4 — Mixed or undetermined source",
  "5": "5 — Procurement for cash (AECA 22(a))",
  "6": "6 — Stock, payment on delivery (AECA 21(d))",
  "7": "7 — Procurement, dependable undertaking (AECA 22(b))",
  "8": "8 — Stock, payment 120 days after delivery",
  U: "U — CLSSA FMSO I",
  V: "V — CLSSA FMSO II",
  Z: "Z — FMS credit",
  N: "N — FMS credit, non-repayable",
  A: "A — Excess Defense Articles grant",
  M: "M — MAP merger",
};

/**
 * Which sources of supply each type of assistance allows (MILSTRIP AP2.19; fms-domain.md §5.3). An empty list means
 * MILSTRIP sets no source restriction for that code.
 */
export const TA_ALLOWED_SOURCES: Record<TypeOfAssistance, readonly SourceOfSupply[]> = {
  "3": ["S", "R", "E"],
  "4": ["X"],
  "5": ["P"],
  "6": ["S", "R", "E"],
  "7": ["P"],
  "8": ["S", "R", "E"],
  U: ["P"],
  V: ["S"],
  Z: [],
  N: [],
  A: [],
  M: [],
};

export function sourceAllowedFor(ta: TypeOfAssistance, source: SourceOfSupply): boolean {
  const allowed = TA_ALLOWED_SOURCES[ta];
  return allowed.length === 0 || allowed.includes(source);
}

/** "Type of assistance 5 needs source P; this line has S." — or null when they agree. */
export function sourceMismatch(ta: TypeOfAssistance, source: SourceOfSupply): string | null {
  if (sourceAllowedFor(ta, source)) return null;
  const allowed = TA_ALLOWED_SOURCES[ta];
  return `Type of assistance ${ta} needs source of supply ${allowed.join(", ")}; this line has ${source}`;
}

export const TERMS_OF_SALE = [
  "CASH_WITH_ACCEPTANCE",
  "CASH_PRIOR_TO_DELIVERY",
  "DEPENDABLE_UNDERTAKING",
  "PAYMENT_ON_DELIVERY",
  "FMS_CREDIT",
  "FMS_CREDIT_NON_REPAYABLE",
  "MAP_MERGER",
  "EDA_GRANT",
] as const;
export type TermOfSale = (typeof TERMS_OF_SALE)[number];
export const TERM_OF_SALE_LABELS: Record<TermOfSale, string> = {
  CASH_WITH_ACCEPTANCE: "Cash with Acceptance",
  CASH_PRIOR_TO_DELIVERY: "Cash Prior to Delivery",
  DEPENDABLE_UNDERTAKING: "Dependable Undertaking",
  PAYMENT_ON_DELIVERY: "Payment on Delivery",
  FMS_CREDIT: "FMS Credit",
  FMS_CREDIT_NON_REPAYABLE: "FMS Credit (Non-Repayable)",
  MAP_MERGER: "MAP Merger",
  EDA_GRANT: "EDA Grant",
};
export const TERM_OF_SALE_HELP: Record<TermOfSale, string> = {
  CASH_WITH_ACCEPTANCE: "The full estimated value is due with the signature.",
  CASH_PRIOR_TO_DELIVERY: "Pay by the payment schedule, ahead of costs being incurred.",
  DEPENDABLE_UNDERTAKING: "A binding commitment to pay on schedule that lets the U.S. Government contract ahead of cash.",
  PAYMENT_ON_DELIVERY: "For sales from stock: payment is due on delivery, or within the period the LOA allows.",
  FMS_CREDIT: "Paid with repayable Foreign Military Financing.",
  FMS_CREDIT_NON_REPAYABLE: "Paid with Foreign Military Financing grant funds.",
  MAP_MERGER: "Paid with Military Assistance Program funds merged into the FMS account.",
  EDA_GRANT: "Excess Defense Articles granted; no payment for the articles themselves.",
};

/**
 * Types of assistance that only make sense under one term of sale (fms-domain.md §5.3: "TA 7 requires a
 * dependable-undertaking term"; terms-of-sale.csv links each financing term to its TA code).
 */
export const TA_REQUIRED_TERM: Partial<Record<TypeOfAssistance, TermOfSale>> = {
  "6": "PAYMENT_ON_DELIVERY",
  "7": "DEPENDABLE_UNDERTAKING",
  "8": "PAYMENT_ON_DELIVERY",
  Z: "FMS_CREDIT",
  N: "FMS_CREDIT_NON_REPAYABLE",
  M: "MAP_MERGER",
  A: "EDA_GRANT",
};

/** Delivery term codes held in the reference table (MILSTRIP AP2.5); the others are added once verified. */
export const DELIVERY_TERM_CODES = ["2", "3", "4"] as const;
export type DeliveryTermCode = (typeof DELIVERY_TERM_CODES)[number];
export const DELIVERY_TERM_LABELS: Record<DeliveryTermCode, string> = {
  "2": "2 — DoD delivers to an inland destination",
  "3": "3 — DoD delivers to the port of embarkation",
  "4": "4 — Available at origin; the purchaser arranges transport",
};

export const DOCUMENT_TYPES = ["BASIC", "AMENDMENT", "MODIFICATION"] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];
export const DOCUMENT_TYPE_LABELS: Record<DocumentType, string> = {
  BASIC: "Basic LOA",
  AMENDMENT: "Amendment",
  MODIFICATION: "Modification",
};

export const DOCUMENT_STATUSES = ["DRAFT", "SUBMITTED", "OFFERED", "ACCEPTED", "IMPLEMENTED", "SUPERSEDED", "WITHDRAWN"] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];
export const DOCUMENT_STATUS_LABELS: Record<DocumentStatus, string> = {
  DRAFT: "Draft",
  SUBMITTED: "In review",
  OFFERED: "Offered",
  ACCEPTED: "Accepted",
  IMPLEMENTED: "Implemented",
  SUPERSEDED: "Superseded",
  WITHDRAWN: "Withdrawn",
};
/** Documents the partner may see: once offered (or, for a Modification, implemented). */
export const PARTNER_VISIBLE_DOCUMENT_STATUSES: readonly DocumentStatus[] = ["OFFERED", "ACCEPTED", "IMPLEMENTED", "SUPERSEDED"];
/** Documents whose lines are in force: the next change is measured against the latest of them. */
export const IN_FORCE_DOCUMENT_STATUSES: readonly DocumentStatus[] = ["ACCEPTED", "IMPLEMENTED"];

/** "BN-B-ZAA A02" / "BN-B-ZAA M03" / "BN-B-ZAA" (fms-domain.md §5.1). */
export function documentDisplayName(caseIdentifier: string, type: DocumentType | null, number: number): string {
  if (type === "AMENDMENT") return `${caseIdentifier} A${String(number).padStart(2, "0")}`;
  if (type === "MODIFICATION") return `${caseIdentifier} M${String(number).padStart(2, "0")}`;
  if (type === "BASIC") return `${caseIdentifier} Basic LOA`;
  return `${caseIdentifier} (proposed change)`;
}

export const CLSSA_PARTS = ["FMSO_I", "FMSO_II"] as const;
export type ClssaPart = (typeof CLSSA_PARTS)[number];
export const CLSSA_PART_LABELS: Record<ClssaPart, string> = {
  FMSO_I: "FMSO I — equity investment in U.S. stock",
  FMSO_II: "FMSO II — requisitions against FMSO I stock",
};
/** The type of assistance and source each CLSSA case must use (fms-domain.md §5.3: U with P, V with S). */
export const CLSSA_LINE_CODES: Record<ClssaPart, { ta: TypeOfAssistance; source: SourceOfSupply }> = {
  FMSO_I: { ta: "U", source: "P" },
  FMSO_II: { ta: "V", source: "S" },
};

/** Line numbers: 001–999 for lines, 001a–001z for sublines (LOA Standardization Guide §1). */
export const LINE_NUMBER = /^\d{3}[a-z]?$/;
export const parentLineNumber = (lineNumber: string) => lineNumber.slice(0, 3);
export const isSubline = (lineNumber: string) => lineNumber.length === 4;

/** MASL: a 3-character generic code and a 13-character MASL number, e.g. F1K 1005000566753 (SAMM Fig. C5.F21). */
export const MASL_GENERIC_CODE = /^[A-Z0-9]{3}$/;
export const MASL_NUMBER = /^[A-Z0-9]{13}$/;
