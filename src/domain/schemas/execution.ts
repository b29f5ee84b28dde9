import { z } from "zod";
import { LINE_KINDS } from "../execution/line-kind";
import {
  DOCUMENT_NUMBER_PATTERN,
  LINE_OUTCOMES,
  normalizeDocumentNumber,
  REQUISITION_STATUSES,
  SHIPMENT_MODES,
  SHIPMENT_STATUSES,
} from "../execution/lines";
import { dollarAmount } from "../money";
import { CASE_STATUSES } from "../workflow/states";
import { ExpectedVersion, plainText } from "./common";
import { isCalendarDate, optionalParagraphs } from "./text";

// Execution per LOA line: the inputs the API, the forms and the demo seed share (field names are the same on every
// side), and the views GET /cases/{id}/execution answers. Money is a two-decimal string (`dollarAmount`), dates are
// ISO days (YYYY-MM-DD), quantities whole numbers. What needs the LOA or the rows already recorded (remaining value,
// what is left to ship, dates against today) is checked by src/domain/execution/lines.ts inside the case's lock.

function isoDay(label: string) {
  return z
    .string({ error: `${label} is required (YYYY-MM-DD)` })
    .trim()
    .refine(isCalendarDate, { error: `${label} must be a real date written YYYY-MM-DD, between 1990 and 2100` });
}

/** A whole number from JSON or form text ("1,500"); never 1.5, -3, 1e3 or true. */
function count(label: string, { min, max }: { min: number; max: number }) {
  return z.preprocess(
    (value) => {
      if (typeof value !== "string") return value;
      const typed = value.trim();
      if (typed === "") return undefined;
      if (typed.includes(",") && !/^\d{1,3}(,\d{3})+$/.test(typed)) return value;
      const plain = typed.replace(/,/g, "");
      return /^-?\d+(\.\d+)?$/.test(plain) ? Number(plain) : value;
    },
    z
      .number({ error: `${label} must be a whole number` })
      .int({ error: `${label} must be a whole number` })
      .min(min, { error: `${label} must be at least ${min.toLocaleString("en-US")}` })
      .max(max, { error: `${label} must be at most ${max.toLocaleString("en-US")}` }),
  );
}

const MAX_UNITS = "9999999.99";

/** Months or events of service: a positive decimal with at most two places ("1", "0.5"). */
function serviceUnits(label: string) {
  const message = `${label} must be a number of months or events with at most two decimals, like 1 or 0.5`;
  return z.union([z.string(), z.number()], { error: message }).transform((value, ctx) => {
    const text = (typeof value === "number" ? String(value) : value).trim();
    if (!/^\d{1,7}(\.\d{1,2})?$/.test(text)) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    if (/^0+(\.0+)?$/.test(text)) {
      ctx.addIssue({ code: "custom", message: `${label} must be more than zero` });
      return z.NEVER;
    }
    if (Number(text.split(".")[0]) > Number(MAX_UNITS.split(".")[0])) {
      ctx.addIssue({ code: "custom", message: `${label} is too large` });
      return z.NEVER;
    }
    return text.replace(/^0+(?=\d)/, "");
  });
}

/** Upper-case letters, digits and dashes, as contract and transportation numbers are written. */
function reference(label: string, max: number, example: string) {
  return z
    .string({ error: `${label} is required` })
    .transform((value) => value.trim().toUpperCase())
    .pipe(
      z
        .string()
        .min(1, { error: `${label} is required` })
        .max(max, { error: `${label} must be at most ${max} characters` })
        .regex(/^[A-Z0-9][A-Z0-9-]*$/, { error: `${label} may hold only letters, digits and dashes, like ${example}` }),
    );
}

const Priority = z.preprocess(
  (value) => (typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : value),
  z
    .string({ error: "Priority is required (01 to 15)" })
    .regex(/^(0?[1-9]|1[0-5])$/, { error: "Priority must be a UMMIPS priority designator from 01 (most urgent) to 15" })
    .transform((value) => value.padStart(2, "0")),
);

const Nsn = z.preprocess(
  (value) => (typeof value === "string" && value.trim() === "" ? null : value),
  z
    .string({ error: "NSN must be text" })
    .transform((value) => value.replace(/[\s-]/g, ""))
    .pipe(z.string().regex(/^\d{13}$/, { error: "NSN must be 13 digits, like 5820-01-666-0001" }))
    .nullable()
    .optional(),
);

const OptionalUuid = z.preprocess(
  (value) => (value === "" ? null : value),
  z.uuid({ error: "requisitionId must be the id of one of the line's requisitions" }).nullable().optional(),
);

export const RecordObligationInput = z
  .object({
    contractNumber: reference("Contract number", 40, "W15P7T-26-C-0142"),
    awardedOn: isoDay("Award date"),
    amount: dollarAmount("Obligated amount"),
  })
  .strict()
  .meta({ id: "RecordObligationInput" });

export const SubmitRequisitionInput = z
  .object({
    documentNumber: z
      .string({ error: "Document number is required" })
      .transform(normalizeDocumentNumber)
      .pipe(
        z.string().regex(DOCUMENT_NUMBER_PATTERN, {
          error: "A document number has 14 letters and digits: service code, country code, 3 codes, the ordinal date (YDDD) and a 4-character serial",
        }),
      )
      .meta({ description: "MILSTRIP document number (14 characters), e.g. PBNA2361690001" }),
    itemDescription: plainText("Item", { max: 300 }),
    nsn: Nsn,
    quantity: count("Quantity", { min: 1, max: 9_999_999 }),
    unitPrice: dollarAmount("Unit price"),
    priority: Priority,
  })
  .strict()
  .meta({ id: "SubmitRequisitionInput" });

export const RecordShipmentInput = z
  .object({
    requisitionId: OptionalUuid.meta({ description: "Blanket order lines: the requisition this shipment fills" }),
    documentNumber: reference("Document number", 20, "BBNA265090001"),
    quantity: count("Quantity", { min: 1, max: 9_999_999 }),
    shippedOn: isoDay("Ship date"),
    mode: z.enum(SHIPMENT_MODES, { error: `Mode must be one of: ${SHIPMENT_MODES.join(", ")}` }),
    trackingReference: plainText("Tracking reference", { max: 60 }),
  })
  .strict()
  .meta({ id: "RecordShipmentInput" });

export const UpdateShipmentStatusInput = z
  .object({
    expectedVersion: z.preprocess((v) => (typeof v === "string" && /^\d+$/.test(v) ? Number(v) : v), ExpectedVersion),
    status: z.enum(["IN_TRANSIT", "RECEIVED"], { error: "Status must be IN_TRANSIT or RECEIVED" }),
    receivedOn: z.preprocess((v) => (v === "" ? undefined : v), isoDay("Date received").optional()),
    receivedBy: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), plainText("Received by", { max: 200 }).optional()),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.status !== "RECEIVED") {
      for (const key of ["receivedOn", "receivedBy"] as const) {
        if (value[key] !== undefined) ctx.addIssue({ code: "custom", path: [key], message: "Only a receipt records when and by whom" });
      }
      return;
    }
    if (!value.receivedOn) ctx.addIssue({ code: "custom", path: ["receivedOn"], message: "Give the date the shipment was received" });
    if (!value.receivedBy) {
      ctx.addIssue({ code: "custom", path: ["receivedBy"], message: "Name who received it: the receiving officer or the freight forwarder" });
    }
  })
  .meta({ id: "UpdateShipmentStatusInput" });

export const RecordServiceInput = z
  .object({
    performedFrom: isoDay("First day"),
    performedTo: isoDay("Last day"),
    units: serviceUnits("Months or events"),
    value: dollarAmount("Value", { min: "0.00" }),
    description: plainText("Description", { max: 500 }),
  })
  .strict()
  .meta({ id: "RecordServiceInput" });

export const CompleteLineInput = z
  .object({
    outcome: z.enum(LINE_OUTCOMES, { error: `Outcome must be one of: ${LINE_OUTCOMES.join(", ")}` }),
    reason: optionalParagraphs("Reason", 1000),
  })
  .strict()
  .meta({ id: "CompleteLineInput" });

export type RecordObligationFields = z.input<typeof RecordObligationInput>;
export type SubmitRequisitionFields = z.input<typeof SubmitRequisitionInput>;
export type RecordShipmentFields = z.input<typeof RecordShipmentInput>;
export type UpdateShipmentStatusFields = z.input<typeof UpdateShipmentStatusInput>;
export type RecordServiceFields = z.input<typeof RecordServiceInput>;
export type CompleteLineFields = z.input<typeof CompleteLineInput>;

// ---- views -------------------------------------------------------------------------------------------------------

const Instant = z.iso.datetime();
const Day = z.iso.date();
const Amount = z.string().meta({ description: "US dollars, exact, two decimals" });

export const ObligationView = z
  .object({
    id: z.uuid(),
    lineNumber: z.string(),
    contractNumber: z.string(),
    awardedOn: Day,
    amount: Amount.nullable().meta({ description: "Obligated amount; null for partner officers (U.S. Government only)" }),
    recordedAt: Instant,
  })
  .meta({ id: "Obligation" });
export type ObligationView = z.infer<typeof ObligationView>;

export const RequisitionView = z
  .object({
    id: z.uuid(),
    lineNumber: z.string(),
    documentNumber: z.string(),
    itemDescription: z.string(),
    nsn: z.string().nullable(),
    quantity: z.number().int(),
    unitPrice: Amount,
    amount: Amount,
    priority: z.string(),
    status: z.enum(REQUISITION_STATUSES),
    shippedQuantity: z.number().int(),
    requestedAt: Instant,
    version: z.number().int(),
  })
  .meta({ id: "Requisition" });
export type RequisitionView = z.infer<typeof RequisitionView>;

export const ShipmentView = z
  .object({
    id: z.uuid(),
    lineNumber: z.string(),
    requisitionId: z.uuid().nullable(),
    requisitionDocumentNumber: z.string().nullable(),
    documentNumber: z.string(),
    quantity: z.number().int(),
    value: Amount,
    shippedOn: Day,
    mode: z.enum(SHIPMENT_MODES),
    trackingReference: z.string(),
    status: z.enum(SHIPMENT_STATUSES),
    receivedOn: Day.nullable(),
    receivedBy: z.string().nullable(),
    recordedAt: Instant,
    version: z.number().int().meta({ description: "Send it back as expectedVersion to change the status" }),
  })
  .meta({ id: "Shipment" });
export type ShipmentView = z.infer<typeof ShipmentView>;

export const ServiceRecordView = z
  .object({
    id: z.uuid(),
    lineNumber: z.string(),
    performedFrom: Day,
    performedTo: Day,
    units: z.string(),
    value: Amount,
    description: z.string(),
    recordedAt: Instant,
  })
  .meta({ id: "ServiceRecord" });
export type ServiceRecordView = z.infer<typeof ServiceRecordView>;

export const ProgressMeasureView = z
  .object({
    key: z.enum(["ordered", "shipped", "delivered", "performed", "performedValue"]),
    label: z.string(),
    done: z.string(),
    target: z.string(),
    unit: z.enum(["USD", "QUANTITY", "SERVICE_UNITS"]),
    percent: z.string().meta({ description: "done ÷ target × 100, cut to one decimal" }),
    usgOnly: z.boolean(),
  })
  .meta({ id: "ProgressMeasure" });

export const LineCompletionView = z
  .object({
    outcome: z.enum(LINE_OUTCOMES),
    reason: z.string().nullable(),
    declaredAt: Instant,
  })
  .meta({ id: "LineCompletion" });
export type LineCompletionView = z.infer<typeof LineCompletionView>;

export const LineExecutionView = z
  .object({
    lineNumber: z.string(),
    description: z.string(),
    kind: z.enum(LINE_KINDS),
    quantity: z.number().int().nullable(),
    unitOfIssue: z.string().nullable(),
    serviceUnits: z.string().nullable(),
    serviceUnitLabel: z.enum(["months", "events"]),
    value: Amount.meta({ description: "The line's estimated value before charges" }),
    status: z.enum(["OPEN", ...LINE_OUTCOMES]),
    completion: LineCompletionView.nullable(),
    measures: z.array(ProgressMeasureView),
    expenditures: Amount.meta({ description: "Value shipped plus services performed" }),
    remainingValue: Amount.nullable().meta({ description: "Blanket lines: value not yet requisitioned" }),
    unshippedQuantity: z.number().int().nullable(),
    unperformedUnits: z.string().nullable(),
    sscProblems: z.array(z.string()).meta({ description: "What stands between the line and supply/services complete" }),
    obligations: z.array(ObligationView),
    requisitions: z.array(RequisitionView),
    shipments: z.array(ShipmentView),
    services: z.array(ServiceRecordView),
  })
  .meta({ id: "LineExecution" });
export type LineExecutionView = z.infer<typeof LineExecutionView>;

export const ExecutionView = z
  .object({
    caseId: z.uuid(),
    identifier: z.string(),
    status: z.enum(CASE_STATUSES),
    country: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
    implementingAgency: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
    loaInForce: z.string().nullable().meta({ description: "The document whose lines are executed, e.g. BN-B-ZAA A01" }),
    supplyCompleteAt: Instant.nullable(),
    acceptsRecords: z.boolean().meta({ description: "Contracts, requisitions, shipments and services can be recorded now" }),
    acceptsReceipts: z.boolean().meta({ description: "Shipments can be marked in transit or received now" }),
    expenditures: Amount,
    lines: z.array(LineExecutionView),
    listsTruncated: z.boolean().meta({ description: "Only the most recent records of each kind are listed; totals count them all" }),
  })
  .meta({ id: "Execution" });
export type ExecutionView = z.infer<typeof ExecutionView>;

export const CompleteLineResult = z
  .object({
    lineNumber: z.string(),
    completion: LineCompletionView,
    caseStatus: z.enum(CASE_STATUSES),
    cancelledRequisitions: z.array(z.string()),
  })
  .meta({ id: "CompleteLineResult" });
export type CompleteLineResult = z.infer<typeof CompleteLineResult>;
