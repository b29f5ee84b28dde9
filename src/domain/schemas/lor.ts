import { z } from "zod";
import { CHECKLIST_PROBLEM_CODES, ITEM_GAPS } from "../lor/checklist";
import {
  ATTACHMENT_KINDS,
  FINANCING_TYPES,
  LOA_TYPES,
  LOR_REQUEST_TYPES,
  LOR_STATUSES,
  UNITS_OF_ISSUE,
} from "../lor/codes";
import { LOR_ACTIONS } from "../lor/workflow";
import { dollarAmount } from "../money";
import { EmailAddress, ExpectedVersion, PageQuery, UNSAFE_CHARACTERS, blankAsUndefined, searchText } from "./common";
import { optionalBoolean, optionalCount, optionalDate, optionalEnum, optionalLine, optionalParagraphs } from "./text";

// One schema for the Letter of Request: the browser form, the server action, the API and the OpenAPI document all
// use these. Content fields are all optional so a draft can be saved half-written; whatever is filled in must be
// valid. Whether the letter is complete enough to submit is the checklist's job (lor/checklist.ts).

export const CASE_IDENTIFIER_PATTERN = /^[A-Z0-9]{2}-[A-Z]-[A-Z0-9]{3}$/;

const optionalAmount = (label: string) =>
  z.preprocess(
    (value) => (value === undefined ? undefined : value === null || (typeof value === "string" && value.trim() === "") ? null : value),
    dollarAmount(label).nullable().optional(),
  );

export const LorItemInput = z
  .object({
    nomenclature: optionalLine("Nomenclature", 200).meta({ description: "What the item is called, e.g. AN/TPQ-53 counterfire radar" }),
    description: optionalParagraphs("Description and configuration", 4000),
    quantity: optionalCount("Quantity", { min: 1, max: 1_000_000 }),
    unitOfIssue: optionalEnum("Unit of issue", UNITS_OF_ISSUE),
    estimatedValue: optionalAmount("Estimated value").meta({
      description: "Optional: the purchaser's own estimate for the whole quantity, in US dollars",
    }),
  })
  .strict()
  .meta({ id: "LorItemInput" });

export const PointOfContactInput = z
  .object({
    name: optionalLine("Name", 120),
    title: optionalLine("Title or rank", 120),
    email: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), EmailAddress.nullable().optional()),
    phone: z.preprocess(
      (v) => (typeof v === "string" && v.trim() === "" ? null : v),
      z
        .string({ error: "Phone must be text" })
        .trim()
        .regex(/^\+?[0-9 ().-]{5,40}$/, { error: "Phone may contain digits, spaces, brackets, dots, dashes and a leading +" })
        .nullable()
        .optional(),
    ),
  })
  .strict()
  .meta({ id: "PointOfContactInput" });

const isBlankRow = (row: Record<string, unknown>) => Object.values(row).every((value) => value === null || value === undefined);

const listOf = <S extends z.ZodObject>(row: S, label: string, max: number) =>
  z
    .array(row, { error: `${label} must be a list` })
    .max(max, { error: `At most ${max} ${label.toLowerCase()}` })
    // Rows the form added but left empty are not part of the letter.
    .transform((rows) => rows.filter((r) => !isBlankRow(r as Record<string, unknown>)))
    .optional();

export const LOR_CONTENT_SHAPE = {
  subject: optionalLine("Subject", 200).meta({ description: "A short title, e.g. 'Counterfire radars and training'" }),
  originatorReference: optionalLine("Your reference number", 64).meta({
    description: "The originator's own traceable reference, e.g. a letter serial number: MOD/PROC/2026/117",
  }),
  originatorName: optionalLine("Originating office", 200),
  originatorAddress: optionalParagraphs("Office address", 1000),
  requestType: optionalEnum("Request type", LOR_REQUEST_TYPES),
  relatedCaseIdentifier: z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? null : v.trim().toUpperCase()) : v),
    z
      .string({ error: "Existing case must be text" })
      .regex(CASE_IDENTIFIER_PATTERN, { error: "Existing case must be a case identifier like BN-B-ZAA" })
      .nullable()
      .optional(),
  ),
  loaType: optionalEnum("Desired LOA type", LOA_TYPES),
  preferredAgencyCode: z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? null : v.trim().toUpperCase()) : v),
    z
      .string({ error: "Preferred implementing agency must be an agency code" })
      .regex(/^[A-Z0-9]{1,8}$/, { error: "Preferred implementing agency must be an agency code such as P" })
      .nullable()
      .optional(),
  ),
  items: listOf(LorItemInput, "Items", 200),
  blanketValue: optionalAmount("Requested dollar value"),
  blanketCategory: optionalLine("Category of items or services", 200),
  financing: optionalEnum("Proposed financing", FINANCING_TYPES),
  financingNotes: optionalParagraphs("Financing details", 2000),
  requestedDeliveryBy: optionalDate("Requested delivery date"),
  deliveryNotes: optionalParagraphs("Delivery details", 2000),
  thirdPartyInvolvement: optionalBoolean("Third-party involvement"),
  thirdPartyDetails: optionalParagraphs("Third-party details", 4000),
  soleSourceRequested: optionalBoolean("Sole-source request"),
  soleSourceContractor: optionalLine("Requested contractor", 200),
  soleSourceJustification: optionalParagraphs("Sole-source justification", 8000),
  trainingNeeds: optionalParagraphs("Training needs", 4000),
  logisticsNeeds: optionalParagraphs("Logistics support needs", 4000),
  transportationNeeds: optionalParagraphs("Transportation preference", 4000),
  pointsOfContact: listOf(PointOfContactInput, "Points of contact", 10),
  signatoryName: optionalLine("Signatory name", 120),
  signatoryTitle: optionalLine("Signatory title", 120),
  signatoryAuthority: optionalParagraphs("Signatory authority", 1000),
  signedOn: optionalDate("Date signed"),
};

/** Every field a purchaser writes. Status, country, ids, timestamps and version are not among them: sent, they are refused. */
export const LorContentInput = z.object(LOR_CONTENT_SHAPE).strict().meta({
  id: "LorContentInput",
  description: "A draft Letter of Request. Every field is optional while drafting; submission checks completeness.",
});
export type LorContentInput = z.output<typeof LorContentInput>;

export const CreateLorInput = LorContentInput;
export const UpdateLorInput = z
  .object({ ...LOR_CONTENT_SHAPE, expectedVersion: ExpectedVersion })
  .strict()
  .meta({
    id: "UpdateLorInput",
    description: "Fields sent replace the stored ones (lists are replaced whole); null clears a field; omitted fields stay.",
  });

const reason = (label: string, max = 4000) =>
  z
    .string({ error: `${label} is required` })
    .transform((v) => v.normalize("NFC").replace(/\r\n?/g, "\n").trim())
    .pipe(
      z
        .string()
        .min(1, { error: `${label} is required` })
        .max(max, { error: `${label} must be at most ${max} characters` })
        .refine((v) => v.isWellFormed() && !UNSAFE_CHARACTERS.test(v), {
          error: `${label} contains characters that are not allowed`,
        }),
    );

export const VersionOnlyInput = z.object({ expectedVersion: ExpectedVersion }).strict().meta({ id: "VersionOnlyInput" });

export const WithdrawLorInput = z
  .object({ expectedVersion: ExpectedVersion, reason: optionalParagraphs("Reason", 4000) })
  .strict()
  .meta({ id: "WithdrawLorInput" });

export const AcknowledgeLorInput = z
  .object({
    expectedVersion: ExpectedVersion,
    implementingAgencyCode: LOR_CONTENT_SHAPE.preferredAgencyCode.meta({
      description: "Route the request to this implementing agency (DSCA analysts)",
    }),
  })
  .strict()
  .meta({ id: "AcknowledgeLorInput" });

export const MarkInsufficientInput = z
  .object({
    expectedVersion: ExpectedVersion,
    criteria: z
      .array(z.string().regex(/^[a-zA-Z]{1,40}$/, { error: "criteria must be checklist keys" }), { error: "criteria must be a list" })
      .max(30)
      .optional()
      .meta({ description: "Checklist criteria the letter fails (keys from the checklist)" }),
    reasons: reason("Reasons", 4000).meta({ description: "What the partner must change; the partner sees this" }),
  })
  .strict()
  .meta({ id: "MarkInsufficientInput" });

export const MarkCompleteInput = z
  .object({
    expectedVersion: ExpectedVersion,
    implementingAgencyCode: LOR_CONTENT_SHAPE.preferredAgencyCode.meta({
      description: "The implementing agency that will write the LOA; defaults to the routed or preferred agency",
    }),
    comment: optionalParagraphs("Comment", 4000),
  })
  .strict()
  .meta({ id: "MarkCompleteInput" });

export const DisapproveLorInput = z
  .object({ expectedVersion: ExpectedVersion, reason: reason("Reason") })
  .strict()
  .meta({ id: "DisapproveLorInput" });

export const RespondPriceAndAvailabilityInput = z
  .object({
    expectedVersion: ExpectedVersion,
    estimatedValue: dollarAmount("Estimated value"),
    availability: reason("Availability", 2000).meta({ description: "Expected lead time or delivery availability" }),
    notes: optionalParagraphs("Notes", 4000),
  })
  .strict()
  .meta({ id: "RespondPriceAndAvailabilityInput", description: "A rough, non-binding P&A answer. It is not an offer." });

export const LorListQuery = PageQuery.extend({
  status: blankAsUndefined(
    z.enum([...LOR_STATUSES, "OPEN", "WITH_USG"], { error: `status must be one of: OPEN, WITH_USG, ${LOR_STATUSES.join(", ")}` }),
  ),
  requestType: blankAsUndefined(z.enum(LOR_REQUEST_TYPES, { error: `requestType must be one of: ${LOR_REQUEST_TYPES.join(", ")}` })),
  q: searchText("Search", 100),
  agency: blankAsUndefined(z.enum(["mine", "unrouted"], { error: "agency must be mine or unrouted" })),
  overdue: blankAsUndefined(z.enum(["true", "false"], { error: "overdue must be true or false" })),
  sort: blankAsUndefined(z.enum(["updated", "received", "due"], { error: "sort must be updated, received or due" })),
});

export const AttachmentKindSchema = z.enum(ATTACHMENT_KINDS, { error: `kind must be one of: ${ATTACHMENT_KINDS.join(", ")}` });

// ---- What the API returns ----

const nullableText = z.string().nullable();
export const LorItemView = z.object({
  nomenclature: nullableText,
  description: nullableText,
  quantity: z.number().int().nullable(),
  unitOfIssue: z.enum(UNITS_OF_ISSUE).nullable(),
  estimatedValue: nullableText,
});
export const PointOfContactView = z.object({ name: nullableText, title: nullableText, email: nullableText, phone: nullableText });

export const ChecklistView = z
  .object({
    score: z.number().int().meta({ description: "Percent of applicable criteria met" }),
    ready: z.boolean().meta({ description: "Every mandatory criterion is met" }),
    criteria: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        mandatory: z.boolean(),
        applicable: z.boolean(),
        met: z.boolean(),
        problem: z.string().nullable(),
        problems: z
          .array(
            z.object({
              code: z.enum(CHECKLIST_PROBLEM_CODES),
              item: z.number().int().optional(),
              gaps: z.array(z.enum(ITEM_GAPS)).optional(),
              reasons: z.string().optional(),
            }),
          )
          .meta({ description: "What is missing as data, for a client to word itself (problem says it in English)" }),
      }),
    ),
  })
  .meta({ id: "LorChecklist" });

export const AttachmentView = z
  .object({
    id: z.uuid(),
    kind: AttachmentKindSchema,
    fileName: z.string(),
    contentType: z.enum(["application/pdf", "image/png", "image/jpeg"]),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    uploadedAt: z.iso.datetime(),
    downloadUrl: z.string(),
  })
  .meta({ id: "LorAttachment" });

export const AgingView = z.object({
  dueAt: z.iso.datetime(),
  state: z.enum(["ON_TRACK", "DUE_SOON", "OVERDUE", "MET", "MISSED"]),
  percentElapsed: z.number().int(),
  targetDays: z.number().int(),
  dayKind: z.enum(["CALENDAR", "BUSINESS"]),
});

export const LorView = z
  .object({
    id: z.uuid(),
    country: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
    status: z.enum(LOR_STATUSES),
    version: z.number().int(),
    subject: nullableText,
    originatorReference: nullableText,
    originatorName: nullableText,
    originatorAddress: nullableText,
    requestType: z.enum(LOR_REQUEST_TYPES).nullable(),
    relatedCaseIdentifier: nullableText,
    loaType: z.enum(LOA_TYPES).nullable(),
    preferredAgency: z.object({ id: z.uuid(), code: z.string(), name: z.string() }).nullable(),
    routedAgency: z.object({ id: z.uuid(), code: z.string(), name: z.string() }).nullable(),
    items: z.array(LorItemView),
    itemsTotal: z.string().meta({ description: "Sum of the items' estimated values, in US dollars" }),
    blanketValue: nullableText,
    blanketCategory: nullableText,
    financing: z.enum(FINANCING_TYPES).nullable(),
    financingNotes: nullableText,
    requestedDeliveryBy: nullableText,
    deliveryNotes: nullableText,
    thirdPartyInvolvement: z.boolean().nullable(),
    thirdPartyDetails: nullableText,
    soleSourceRequested: z.boolean().nullable(),
    soleSourceContractor: nullableText,
    soleSourceJustification: nullableText,
    trainingNeeds: nullableText,
    logisticsNeeds: nullableText,
    transportationNeeds: nullableText,
    pointsOfContact: z.array(PointOfContactView),
    signatoryName: nullableText,
    signatoryTitle: nullableText,
    signatoryAuthority: nullableText,
    signedOn: nullableText,
    statusReason: nullableText.meta({ description: "Why it is insufficient, disapproved or withdrawn" }),
    insufficientCriteria: z.array(z.string()),
    priceAndAvailability: z
      .object({ estimatedValue: z.string(), availability: z.string(), notes: nullableText, respondedAt: z.iso.datetime() })
      .nullable(),
    case: z.object({ id: z.uuid(), identifier: z.string() }).nullable(),
    availableActions: z.array(z.enum(LOR_ACTIONS)).meta({ description: "What the caller may do with the letter now" }),
    checklist: ChecklistView,
    validation: AgingView.nullable().meta({ description: "Age against the validation target while the USG holds the letter" }),
    attachments: z.array(AttachmentView),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    submittedAt: z.iso.datetime().nullable(),
    acknowledgedAt: z.iso.datetime().nullable(),
    completedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "LetterOfRequest" });
export type LorView = z.infer<typeof LorView>;

export const LorSummaryView = LorView.pick({
  id: true,
  country: true,
  status: true,
  version: true,
  subject: true,
  originatorReference: true,
  requestType: true,
  routedAgency: true,
  case: true,
  validation: true,
  createdAt: true,
  updatedAt: true,
  submittedAt: true,
})
  .extend({ completeness: z.number().int() })
  .meta({ id: "LetterOfRequestSummary" });
export type LorSummaryView = z.infer<typeof LorSummaryView>;

export const LorEventView = z
  .object({
    id: z.string(),
    occurredAt: z.iso.datetime(),
    action: z.string(),
    label: z.string(),
    actor: z.string().meta({ description: "Who acted: a person's name within their own organization, else the office" }),
    fromStatus: z.enum(LOR_STATUSES).nullable(),
    toStatus: z.enum(LOR_STATUSES).nullable(),
    note: nullableText,
    changedFields: z.array(z.string()),
  })
  .meta({ id: "LorEvent" });
