import { z } from "zod";
import {
  CLSSA_PARTS,
  DELIVERY_TERM_CODES,
  DOCUMENT_STATUSES,
  DOCUMENT_TYPES,
  LINE_NUMBER,
  MASL_GENERIC_CODE,
  MASL_NUMBER,
  SOURCES_OF_SUPPLY,
  TERMS_OF_SALE,
  TYPES_OF_ASSISTANCE,
} from "../loa/codes";
import { CHANGE_KINDS, CHANGE_PROPOSALS } from "../loa/changes";
import { LOA_TYPES, UNITS_OF_ISSUE } from "../lor/codes";
import { dollarAmount } from "../money";
import { NOTIFICATION_BASES } from "../pricing/notification";
import { MAX_PAYMENT_QUARTERS } from "../pricing/payment-schedule";
import { ExpectedVersion, plainText } from "./common";
import { optionalCount, optionalEnum, optionalLine, optionalParagraphs } from "./text";

// What the LOA builder and `PUT /cases/{id}/loa` accept, and what the documents API returns.

const MAX_LINES = 1000;

const flag = (label: string) =>
  z.preprocess((value) => (value === undefined || value === null || value === "" ? false : value === "on" ? true : value), z.boolean({ error: `${label} must be true or false` }));

/** A fraction between 0 and 1 with up to four decimals ("0.5", "0.3333"). */
const fraction = (label: string) =>
  z.preprocess(
    (value) => (value === undefined || value === null || value === "" ? null : typeof value === "number" ? String(value) : value),
    z
      .string({ error: `${label} must be a fraction between 0 and 1, like 0.5` })
      .trim()
      .regex(/^(0(\.\d{1,4})?|1(\.0{1,4})?)$/, { error: `${label} must be a fraction between 0 and 1, like 0.5` })
      .nullable(),
  );

const optionalAmount = (label: string, min = "0.01") =>
  z.preprocess((value) => (value === undefined || value === "" ? null : value), dollarAmount(label, { min }).nullable());

export const LoaLineInput = z.strictObject({
  lineNumber: z.string({ error: "Line number is required" }).trim().regex(LINE_NUMBER, { error: "Line number must be three digits (001), or a subline like 001a" }),
  genericCode: z
    .string({ error: "MASL generic code is required" })
    .trim()
    .toUpperCase()
    .regex(MASL_GENERIC_CODE, { error: "MASL generic code must be 3 letters or digits, like F1K" }),
  maslNumber: z
    .string({ error: "MASL number is required" })
    .trim()
    .toUpperCase()
    .regex(MASL_NUMBER, { error: "MASL number must be 13 letters or digits, like 1005000566753" }),
  description: plainText("Description", { max: 500 }),
  quantity: optionalCount("Quantity", { min: 0, max: 100_000_000 }).transform((v) => v ?? null),
  unitOfIssue: optionalEnum("Unit of issue", UNITS_OF_ISSUE).transform((v) => v ?? null),
  unitCost: optionalAmount("Unit cost"),
  value: optionalAmount("Value", "0.00"),
  sourceOfSupply: z.enum(SOURCES_OF_SUPPLY, { error: `Source of supply must be one of: ${SOURCES_OF_SUPPLY.join(", ")}` }),
  typeOfAssistance: z.enum(TYPES_OF_ASSISTANCE, { error: `Type of assistance must be one of: ${TYPES_OF_ASSISTANCE.join(", ")}` }),
  monthsOfService: optionalCount("Months of service", { min: 1, max: 600 }).transform((v) => v ?? null),
  deliveryTermCode: optionalEnum("Delivery term code", DELIVERY_TERM_CODES).transform((v) => v ?? null),
  mde: flag("Major defense equipment"),
  sme: flag("Significant military equipment"),
  designConstruction: flag("Design and construction"),
  procurementShare: fraction("Procurement share"),
  ncPerUnit: optionalAmount("Nonrecurring cost per unit"),
  ncWaived: flag("Nonrecurring cost waived"),
  ncWaiverReason: optionalLine("Waiver reason", 500).transform((v) => v ?? null),
  note: optionalParagraphs("Line note", 2000).transform((v) => v ?? null),
  internalNote: optionalParagraphs("Internal pricing note", 2000).transform((v) => v ?? null),
  priceOnlyIncrease: flag("Price-only increase"),
});
export type LoaLineInput = z.infer<typeof LoaLineInput>;

export const LoaNoteInput = z.strictObject({
  key: optionalLine("Note key", 80).transform((v) => v ?? null),
  title: plainText("Note title", { max: 200 }),
  text: z.preprocess((v) => v ?? "", optionalParagraphs("Note text", 8000)).transform((v) => v ?? ""),
  internal: flag("Internal note"),
});

export const TermOfSaleInput = z.strictObject({
  term: z.enum(TERMS_OF_SALE, { error: `Term of sale must be one of: ${TERMS_OF_SALE.join(", ")}` }),
  amount: optionalAmount("Term of sale amount"),
});

const depositPercent = z.preprocess(
  (value) => (value === undefined || value === "" ? "0" : typeof value === "number" ? String(value) : value),
  z
    .string({ error: "Initial deposit must be a percent between 0 and 100" })
    .trim()
    .regex(/^(100(\.0{1,2})?|\d{1,2}(\.\d{1,2})?)$/, { error: "Initial deposit must be a percent between 0 and 100, like 20" }),
);

export const LoaContentInput = z.strictObject({
  description: z.preprocess((v) => v ?? "", optionalParagraphs("Case description", 4000)).transform((v) => v ?? ""),
  customerReference: z.preprocess((v) => v ?? "", optionalLine("Customer reference", 500)).transform((v) => v ?? ""),
  termsOfSale: z.array(TermOfSaleInput, { error: "Terms of sale must be a list" }).max(8, { error: "At most 8 terms of sale" }),
  initialDepositPercent: depositPercent,
  paymentQuarters: z.preprocess(
    (value) => (value === undefined || value === "" ? 8 : typeof value === "string" ? Number(value) : value),
    z
      .number({ error: "Quarterly payments must be a whole number" })
      .int({ error: "Quarterly payments must be a whole number" })
      .min(0, { error: "Quarterly payments must be at least 0" })
      .max(MAX_PAYMENT_QUARTERS, { error: `Quarterly payments must be at most ${MAX_PAYMENT_QUARTERS}` }),
  ),
  lines: z.array(LoaLineInput, { error: "Lines must be a list" }).max(MAX_LINES, { error: `An LOA may have at most ${MAX_LINES} lines` }),
  notes: z.array(LoaNoteInput, { error: "Notes must be a list" }).max(60, { error: "At most 60 notes" }),
});

/** `PUT /cases/{id}/loa`: the whole working draft, version-checked. */
export const LoaDraftInput = LoaContentInput.extend({
  expectedVersion: ExpectedVersion,
  clssaPart: optionalEnum("CLSSA part", CLSSA_PARTS).transform((v) => v ?? null),
  /** FMSO II only: the FMSO I case it draws against. */
  linkedCaseIdentifier: optionalLine("Linked FMSO I case", 24).transform((v) => v ?? null),
});
export type LoaDraftInput = z.infer<typeof LoaDraftInput>;

/** `POST /pricing/quote`: lines in, every charge and the notification determination out. */
export const PricingQuoteInput = z.strictObject({
  caseType: z.enum(LOA_TYPES, { error: `caseType must be one of: ${LOA_TYPES.join(", ")}` }).default("DEFINED_ORDER"),
  natoPlus: flag("NATO+ purchaser"),
  /** The day whose rates apply; today when not given. */
  pricedOn: z.preprocess((v) => (v === "" ? undefined : v), z.iso.date({ error: "pricedOn must be a date written YYYY-MM-DD" }).optional()),
  lines: z
    .array(LoaLineInput.partial({ genericCode: true, maslNumber: true, description: true }), { error: "Lines must be a list" })
    .min(1, { error: "Add at least one line" })
    .max(MAX_LINES, { error: `At most ${MAX_LINES} lines` }),
});
export type PricingQuoteInput = z.infer<typeof PricingQuoteInput>;

export const DOCUMENT_ACTIONS = ["submit", "approve", "return", "accept", "withdraw"] as const;
export type DocumentAction = (typeof DOCUMENT_ACTIONS)[number];
export const DOCUMENT_ACTION_LABELS: Record<DocumentAction, string> = {
  submit: "Submit the change for DSCA review",
  approve: "Approve the change",
  return: "Return the change for rework",
  accept: "Accept the amendment",
  withdraw: "Withdraw the change",
};

export const DOCUMENT_ACTION_INPUTS = {
  submit: z.strictObject({
    expectedVersion: ExpectedVersion,
    documentType: z.enum(["MODIFICATION", "AMENDMENT"], { error: "Choose Modification or Amendment" }),
    reason: plainText("Reason for the change", { min: 10, max: 1000 }),
  }),
  approve: z.strictObject({ expectedVersion: ExpectedVersion }),
  return: z.strictObject({ expectedVersion: ExpectedVersion, comment: plainText("Comment", { max: 2000 }) }),
  accept: z.strictObject({
    expectedVersion: ExpectedVersion,
    signerName: plainText("Signer's name", { max: 200 }),
    signerTitle: plainText("Signer's title", { max: 200 }),
  }),
  withdraw: z.strictObject({ expectedVersion: ExpectedVersion }),
} as const;

// ---- views ----------------------------------------------------------------------------------------------------

const Money = z.string().regex(/^-?\d+\.\d{2}$/);

export const PricedLineView = z.object({
  lineNumber: z.string(),
  isHeader: z.boolean(),
  base: Money,
  procurementPortion: Money,
  cas: Money,
  nc: Money,
  lineTotal: Money,
  pch: Money,
  transport: Money,
  admin: Money,
  adminRate: z.string(),
  adminRateLocked: z.boolean(),
  loadedValue: Money,
});

export const CostSummaryView = z.object({
  netEstimatedCost: Money,
  packingCratingHandling: Money,
  administrativeSurcharge: Money,
  transportation: Money,
  totalEstimatedCost: Money,
});

export const NotificationView = z.object({
  required: z.boolean(),
  group: z.enum(["NATO_PLUS", "OTHER"]),
  tests: z.array(
    z.object({
      basis: z.enum(NOTIFICATION_BASES),
      value: Money,
      threshold: Money,
      headroom: Money,
      percentOfThreshold: z.string(),
      met: z.boolean(),
    }),
  ),
  reasons: z.array(z.string()),
});

export const PaymentScheduleView = z.object({
  initialDeposit: Money,
  rows: z.array(z.object({ dueOn: z.iso.date(), amount: Money, cumulative: Money })),
  cashWithAcceptance: z.boolean(),
});

export const PricingQuoteView = z.object({
  pricedOn: z.iso.date(),
  lines: z.array(PricedLineView),
  summary: CostSummaryView,
  ratesApplied: z.object({ adminSurcharge: z.string(), cas: z.string().nullable(), pch: z.string().nullable(), defaultProcurementShare: z.string().nullable() }),
  notification: NotificationView,
});

const LineView = LoaLineInput.extend({
  unitOfIssue: z.string().nullable(),
  adminRate: z.string().nullable(),
  rateLockedOn: z.iso.date().nullable(),
  // The partner's view leaves the internal note out.
  internalNote: z.string().nullable().optional(),
});

export const DocumentSummaryView = z.object({
  number: z.number().int().describe("The document's sequence on the case: 1 is the basic LOA"),
  documentType: z.enum(DOCUMENT_TYPES).nullable(),
  documentNumber: z.number().int().nullable(),
  name: z.string(),
  status: z.enum(DOCUMENT_STATUSES),
  version: z.number().int(),
  pricedOn: z.iso.date().nullable(),
  totalEstimatedCost: Money,
  changeReason: z.string().nullable(),
  pdfSha256: z.string().nullable(),
  offeredAt: z.iso.datetime().nullable(),
  acceptedAt: z.iso.datetime().nullable(),
  implementedAt: z.iso.datetime().nullable(),
  updatedAt: z.iso.datetime(),
});

export const DocumentView = DocumentSummaryView.extend({
  caseId: z.uuid(),
  caseIdentifier: z.string(),
  caseType: z.enum(LOA_TYPES),
  clssaPart: z.enum(CLSSA_PARTS).nullable(),
  linkedCaseIdentifier: z.string().nullable(),
  description: z.string(),
  customerReference: z.string(),
  offerExpiresAt: z.iso.datetime().nullable(),
  termsOfSale: z.array(z.object({ term: z.enum(TERMS_OF_SALE), amount: Money, balance: z.boolean() })),
  termsOfSaleInput: z.array(z.object({ term: z.enum(TERMS_OF_SALE), amount: Money.nullable() })),
  initialDepositPercent: z.string(),
  paymentQuarters: z.number().int(),
  lines: z.array(LineView),
  notes: z.array(z.object({ key: z.string().nullable(), title: z.string(), text: z.string(), internal: z.boolean() })),
  pricing: PricingQuoteView,
  paymentSchedule: PaymentScheduleView,
  /** Only on a draft, for agency staff: what stops it going to review. */
  problems: z.array(z.string()),
  /** Amendments and Modifications: how the draft differs from the document in force. */
  changes: z
    .object({
      baseNumber: z.number().int(),
      proposal: z.enum(CHANGE_PROPOSALS),
      reason: z.string(),
      items: z.array(
        z.object({
          kind: z.enum(CHANGE_KINDS),
          lineNumber: z.string().nullable(),
          field: z.string(),
          before: z.string().nullable(),
          after: z.string().nullable(),
          description: z.string(),
        }),
      ),
    })
    .nullable(),
  availableActions: z.array(z.enum(DOCUMENT_ACTIONS)),
});
export type DocumentView = z.infer<typeof DocumentView>;
export type DocumentSummaryView = z.infer<typeof DocumentSummaryView>;
export type PricingQuoteView = z.infer<typeof PricingQuoteView>;

export const WorkingLoaView = DocumentView.extend({
  editable: z.boolean(),
  startsChange: z.boolean().describe("Saving starts an Amendment or Modification from this document in force"),
  lockedReason: z.string().nullable(),
});

// ---- version comparison (GET /cases/{id}/documents/compare) ---------------------------------------------------

const documentNumberParam = (name: "from" | "to") =>
  z.preprocess(
    (value) => (value === undefined || value === null || (typeof value === "string" && value.trim() === "") ? undefined : typeof value === "string" ? value.trim() : value),
    z.coerce
      .number({ error: `${name} must be the number of one of this case's documents, like 1 for the basic LOA` })
      .int({ error: `${name} must be the number of one of this case's documents, like 1 for the basic LOA` })
      .min(1, { error: `${name} must be the number of one of this case's documents, like 1 for the basic LOA` })
      .max(9999, { error: `${name} must be the number of one of this case's documents, like 1 for the basic LOA` })
      .optional(),
  );

/** Which two versions to compare; left out, `from` is the document in force and `to` the latest version. */
export const CompareDocumentsQuery = z.object({
  from: documentNumberParam("from"),
  to: documentNumberParam("to"),
});
export type CompareDocumentsQuery = z.infer<typeof CompareDocumentsQuery>;

const AmountChangeView = z.object({ before: Money.nullable(), after: Money.nullable(), difference: Money });
const ChangeItemView = z.object({
  kind: z.enum(CHANGE_KINDS),
  lineNumber: z.string().nullable(),
  field: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
  description: z.string(),
});

export const DocumentComparisonView = z.object({
  caseId: z.uuid(),
  caseIdentifier: z.string(),
  from: DocumentSummaryView.extend({ label: z.string().describe('"the basic LOA", "Amendment 1"…'), pricedOnUsed: z.iso.date().describe("The day whose rates priced it") }),
  to: DocumentSummaryView.extend({ label: z.string(), pricedOnUsed: z.iso.date() }),
  identical: z.boolean().describe("No line, field or note differs and the totals agree"),
  summary: z.array(z.string()).describe("The comparison in plain sentences: what changes, the case value, congressional notification"),
  counts: z.object({ ADDED: z.number().int(), REMOVED: z.number().int(), CHANGED: z.number().int(), UNCHANGED: z.number().int() }),
  lines: z.array(
    z.object({
      lineNumber: z.string(),
      status: z.enum(["ADDED", "REMOVED", "CHANGED", "UNCHANGED"]),
      before: LineView.nullable(),
      after: LineView.nullable(),
      isHeader: z.boolean().describe("A line with sublines: its amounts are its sublines' and are not counted again"),
      lineChange: ChangeItemView.nullable().describe("How an added or removed line is classified"),
      fields: z.array(
        z.object({ field: z.string(), label: z.string(), kind: z.enum(CHANGE_KINDS), before: z.string().nullable(), after: z.string().nullable(), description: z.string() }),
      ),
      lineTotal: AmountChangeView.describe("Above the line: base, CAS and nonrecurring cost"),
      loadedValue: AmountChangeView.describe("With the line's share of the below-the-line charges: its effect on the case value"),
      adminRate: z.object({ before: z.string().nullable(), after: z.string().nullable() }),
      countsToward: z.array(z.enum(NOTIFICATION_BASES)).describe("The congressional-notification tests the line's value counts toward"),
    }),
  ),
  documentChanges: z.array(ChangeItemView).describe("Changes to the document rather than a line: terms of sale, payment schedule, descriptions, notes"),
  costSummary: z.object({
    netEstimatedCost: AmountChangeView,
    packingCratingHandling: AmountChangeView,
    administrativeSurcharge: AmountChangeView,
    transportation: AmountChangeView,
    totalEstimatedCost: AmountChangeView,
  }),
  notification: z.object({
    effect: z.enum(["CROSSES", "LEAVES", "STILL_REQUIRED", "NOT_REQUIRED"]),
    requiredBefore: z.boolean(),
    requiredAfter: z.boolean(),
    reasons: z.array(z.string()),
    tests: z.array(
      z.object({
        basis: z.enum(NOTIFICATION_BASES),
        label: z.string(),
        valueBefore: Money,
        valueAfter: Money,
        thresholdBefore: Money,
        thresholdAfter: Money,
        metBefore: z.boolean(),
        metAfter: z.boolean(),
        headroomAfter: Money,
      }),
    ),
  }),
  /** U.S. Government staff only (null for partners), as on the document view. */
  classification: z.object({ proposal: z.enum(CHANGE_PROPOSALS), reason: z.string() }).nullable(),
});
export type DocumentComparisonView = z.infer<typeof DocumentComparisonView>;
