// The vocabulary of a Letter of Request (fms-domain.md §2.2, §4.1), with plain-language labels for the UI.

export const LOR_REQUEST_TYPES = ["PRICE_AND_AVAILABILITY", "LOA", "AMENDMENT", "MODIFICATION"] as const;
export type LorRequestType = (typeof LOR_REQUEST_TYPES)[number];
export const LOR_REQUEST_TYPE_LABELS: Record<LorRequestType, string> = {
  PRICE_AND_AVAILABILITY: "Price and availability (P&A) data",
  LOA: "Letter of Offer and Acceptance (LOA)",
  AMENDMENT: "Amendment to an existing case",
  MODIFICATION: "Modification of an existing case",
};
/** Amendments and modifications change a case that already exists, so they must name it. */
export const requestRefersToCase = (type: LorRequestType | null | undefined) => type === "AMENDMENT" || type === "MODIFICATION";

export const LOA_TYPES = ["DEFINED_ORDER", "BLANKET_ORDER", "CLSSA"] as const;
export type LoaType = (typeof LOA_TYPES)[number];
export const LOA_TYPE_LABELS: Record<LoaType, string> = {
  DEFINED_ORDER: "Defined line (specific items)",
  BLANKET_ORDER: "Blanket order (a category up to a dollar value)",
  CLSSA: "Cooperative Logistics Supply Support Arrangement (CLSSA)",
};

export const FINANCING_TYPES = ["NATIONAL_FUNDS", "FMF", "MIXED"] as const;
export type FinancingType = (typeof FINANCING_TYPES)[number];
export const FINANCING_LABELS: Record<FinancingType, string> = {
  NATIONAL_FUNDS: "National funds",
  FMF: "Foreign Military Financing (FMF)",
  MIXED: "Mixed national funds and FMF",
};

/** Common units of issue; the implementing agency confirms the MILSTRIP unit when it writes the LOA lines. */
export const UNITS_OF_ISSUE = ["EA", "SE", "KT", "LO", "PR", "BX", "HR", "MO", "YR"] as const;
export type UnitOfIssue = (typeof UNITS_OF_ISSUE)[number];
export const UNIT_OF_ISSUE_LABELS: Record<UnitOfIssue, string> = {
  EA: "Each",
  SE: "Set",
  KT: "Kit",
  LO: "Lot",
  PR: "Pair",
  BX: "Box",
  HR: "Hour (services)",
  MO: "Month (services)",
  YR: "Year (services)",
};

export const ATTACHMENT_KINDS = ["SIGNED_LETTER", "SPECIFICATION", "OTHER"] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];
export const ATTACHMENT_KIND_LABELS: Record<AttachmentKind, string> = {
  SIGNED_LETTER: "Signed letter",
  SPECIFICATION: "Specification",
  OTHER: "Other supporting document",
};

export const LOR_STATUSES = [
  "DRAFT",
  "SUBMITTED",
  "UNDER_VALIDATION",
  "INSUFFICIENT",
  "ACTIONABLE",
  "COMPLETE",
  "PA_PROVIDED",
  "WITHDRAWN",
  "DISAPPROVED",
] as const;
export type LorStatus = (typeof LOR_STATUSES)[number];
export const LOR_STATUS_LABELS: Record<LorStatus, string> = {
  DRAFT: "Draft",
  SUBMITTED: "Submitted",
  UNDER_VALIDATION: "Under validation",
  INSUFFICIENT: "Insufficient — needs changes",
  ACTIONABLE: "Actionable",
  COMPLETE: "Complete",
  PA_PROVIDED: "P&A data provided",
  WITHDRAWN: "Withdrawn",
  DISAPPROVED: "Disapproved",
};
export type StatusTone = "base" | "info" | "warning" | "success" | "error";
export const LOR_STATUS_TONES: Record<LorStatus, StatusTone> = {
  DRAFT: "base",
  SUBMITTED: "info",
  UNDER_VALIDATION: "info",
  INSUFFICIENT: "warning",
  ACTIONABLE: "info",
  COMPLETE: "success",
  PA_PROVIDED: "success",
  WITHDRAWN: "base",
  DISAPPROVED: "error",
};
