import { z } from "zod";
import { SDR_DECISIONS, SDR_STATUSES, SDR_TYPES } from "../execution/sdr";
import { dollarAmount } from "../money";
import { COMMENT_VISIBILITIES } from "../workflow/states";
import { ExpectedVersion, PageQuery, UNSAFE_CHARACTERS, Uuid } from "./common";
import { optionalCount, optionalEnum, optionalParagraphs } from "./text";

// Supply Discrepancy Reports: what the partner files, the agency decides and either side comments, as the forms and
// the API send it, and what the API answers. The rules that need the shipment and the policy rows (window, minimum,
// quantities, credit within the value) live in src/domain/execution/sdr.ts.

/** Multi-line text that must be filled in, normalized as optionalParagraphs does (line breaks kept, ends trimmed). */
const paragraphs = (label: string, max: number, missing: string) =>
  z
    .string({ error: missing })
    .transform((value) =>
      value
        .normalize("NFC")
        .replace(/\r\n?/g, "\n")
        .split("\n")
        .map((line) => line.replace(/[ \t]+$/g, ""))
        .join("\n")
        .replace(/\n{3,}/g, "\n\n")
        .trim(),
    )
    .pipe(
      z
        .string()
        .min(1, { error: missing })
        .max(max, { error: `${label} must be at most ${max} characters` })
        .refine((value) => value.isWellFormed() && !UNSAFE_CHARACTERS.test(value), { error: `${label} contains characters that are not allowed` }),
    );

const blankAsNull = (value: unknown) => (value === undefined || value === "" ? null : value);

export const FileSdrInput = z
  .object({
    shipmentId: Uuid("Shipment"),
    type: z.enum(SDR_TYPES, { error: "Choose what kind of discrepancy it is" }),
    quantityAffected: optionalCount("Quantity affected", { min: 1, max: 1_000_000_000 }).transform((value) => value ?? null),
    valueAffected: dollarAmount("Value affected", { min: "0.00" }),
    informationOnly: z.boolean({ error: "informationOnly must be true or false" }).default(false),
    description: paragraphs("Description", 4000, "Describe the discrepancy: what arrived, what is wrong, how it was found"),
  })
  .strict()
  .meta({ id: "FileSdrInput" });
export type FileSdrInput = z.output<typeof FileSdrInput>;

export const DecideSdrInput = z
  .object({
    expectedVersion: ExpectedVersion,
    decision: z.enum(SDR_DECISIONS, { error: "Choose a decision" }),
    creditAmount: z.preprocess(blankAsNull, dollarAmount("Credit amount").nullable().optional()).transform((value) => value ?? null),
    reason: optionalParagraphs("Reason", 4000).transform((value) => value ?? null),
  })
  .strict()
  .meta({ id: "DecideSdrInput", description: "A credit needs creditAmount (at most the value affected); a rejection needs a reason." });
export type DecideSdrInput = z.output<typeof DecideSdrInput>;

export const ReconsiderSdrInput = z
  .object({
    expectedVersion: ExpectedVersion,
    reason: paragraphs("Reason", 4000, "Say why the decision should be reconsidered"),
  })
  .strict()
  .meta({ id: "ReconsiderSdrInput" });

export const AcceptSdrDecisionInput = z
  .object({ expectedVersion: ExpectedVersion })
  .strict()
  .meta({ id: "AcceptSdrDecisionInput" });

export const SdrCommentInput = z
  .object({
    text: paragraphs("Comment", 4000, "Write the comment"),
    visibility: optionalEnum("Visibility", COMMENT_VISIBILITIES).meta({
      description: "U.S. Government staff: USG_INTERNAL (the default) or PARTNER_VISIBLE. A partner's comments are always visible to them.",
    }),
  })
  .strict()
  .meta({ id: "SdrCommentInput" });

export const SdrListQuery = PageQuery;
export const SdrTaskQuery = PageQuery;

const Instant = z.iso.datetime();
const Day = z.iso.date();
const Amount = z.string().meta({ description: "Exact US dollars, two decimals" });
const Aging = z.object({
  dueAt: Instant,
  state: z.enum(["ON_TRACK", "DUE_SOON", "OVERDUE", "MET", "MISSED"]),
  percentElapsed: z.number().int(),
  targetDays: z.number().int(),
  dayKind: z.enum(["CALENDAR", "BUSINESS"]),
});

export const SdrAttachmentView = z
  .object({
    id: z.uuid(),
    fileName: z.string(),
    contentType: z.enum(["application/pdf", "image/png", "image/jpeg"]),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    uploadedBy: z.string(),
    uploadedAt: Instant,
    downloadUrl: z.string(),
  })
  .meta({ id: "SdrAttachment" });
export type SdrAttachmentView = z.infer<typeof SdrAttachmentView>;

export const SdrCommentView = z
  .object({
    id: z.uuid(),
    author: z.string().meta({ description: "Partners see U.S. Government authors by office only" }),
    visibility: z.enum(COMMENT_VISIBILITIES),
    text: z.string(),
    createdAt: Instant,
  })
  .meta({ id: "SdrComment" });
export type SdrCommentView = z.infer<typeof SdrCommentView>;

export const SdrShipmentView = z.object({
  id: z.uuid(),
  lineNumber: z.string(),
  documentNumber: z.string(),
  trackingReference: z.string(),
  quantity: z.number().int(),
  value: Amount,
  receivedOn: Day.nullable(),
});

export const SdrSummaryView = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    number: z.number().int(),
    reference: z.string(),
    type: z.enum(SDR_TYPES),
    status: z.enum(SDR_STATUSES),
    shipment: z.object({ id: z.uuid(), lineNumber: z.string(), documentNumber: z.string() }),
    quantityAffected: z.number().int().nullable(),
    valueAffected: Amount,
    informationOnly: z.boolean(),
    filedAt: Instant,
    dueAt: Instant,
    aging: Aging.nullable().meta({ description: "The agency's decision clock while the report waits on it" }),
    decision: z.enum(SDR_DECISIONS).nullable(),
    creditAmount: Amount.nullable(),
    decidedAt: Instant.nullable(),
    version: z.number().int(),
  })
  .meta({ id: "SdrSummary" });
export type SdrSummaryView = z.infer<typeof SdrSummaryView>;

export const SdrHistoryEntry = z.object({
  at: Instant,
  action: z.string(),
  label: z.string(),
  who: z.string(),
  note: z.string().nullable(),
});

export const SDR_ACTIONS = ["decide", "reconsider", "accept", "comment", "attach"] as const;
export type SdrAction = (typeof SDR_ACTIONS)[number];

export const SdrView = SdrSummaryView.extend({
  caseIdentifier: z.string(),
  shipment: SdrShipmentView,
  description: z.string(),
  filedBy: z.string(),
  decisionReason: z.string().nullable(),
  decidedBy: z.string().nullable(),
  reconsideration: z.object({
    reason: z.string().nullable(),
    requestedAt: Instant.nullable(),
    lastDay: Day.nullable().meta({ description: "The last day the partner may ask (once the report is decided)" }),
    ruleSource: z.string().nullable(),
  }),
  waitingOn: z.enum(["AGENCY", "PARTNER"]).nullable(),
  attachments: z.array(SdrAttachmentView),
  comments: z.array(SdrCommentView).meta({ description: "Partners get the partner-visible comments only" }),
  history: z.array(SdrHistoryEntry),
  availableActions: z.array(z.enum(SDR_ACTIONS)),
}).meta({ id: "Sdr" });
export type SdrView = z.infer<typeof SdrView>;

export const CaseSdrListView = z
  .object({
    case: z.object({ id: z.uuid(), identifier: z.string(), status: z.string(), country: z.string(), agency: z.string() }),
    items: z.array(SdrSummaryView),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
    canFile: z.boolean(),
  })
  .meta({ id: "CaseSdrList" });
export type CaseSdrListView = z.infer<typeof CaseSdrListView>;

export const SdrTaskView = z
  .object({
    sdrId: z.uuid(),
    caseId: z.uuid(),
    caseIdentifier: z.string(),
    country: z.string(),
    number: z.number().int(),
    reference: z.string(),
    type: z.enum(SDR_TYPES),
    status: z.enum(SDR_STATUSES),
    valueAffected: Amount,
    filedAt: Instant,
    dueAt: Instant,
    aging: Aging.nullable(),
  })
  .meta({ id: "SdrTask" });
export type SdrTaskView = z.infer<typeof SdrTaskView>;

export const SdrTaskPageView = z
  .object({
    items: z.array(SdrTaskView),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
    overdue: z.number().int(),
  })
  .meta({ id: "SdrTaskPage" });
export type SdrTaskPageView = z.infer<typeof SdrTaskPageView>;

/** The case overview's compact panel (src/components/sdr/sdr-summary.tsx). */
export const CaseSdrSummaryView = z
  .object({
    caseId: z.uuid(),
    total: z.number().int(),
    /** Waiting on the agency: submitted or reconsideration requested. */
    open: z.number().int(),
    overdue: z.number().int(),
    decided: z.number().int(),
    closed: z.number().int(),
    /** Σ credit_amount of the CREDIT decisions: what the case's billing counts as credits. */
    credits: Amount,
    nextDueAt: Instant.nullable(),
  })
  .meta({ id: "CaseSdrSummary" });
export type CaseSdrSummaryView = z.infer<typeof CaseSdrSummaryView>;

export const SdrFilingShipment = z.object({
  id: z.uuid(),
  lineNumber: z.string(),
  documentNumber: z.string(),
  trackingReference: z.string(),
  quantity: z.number().int(),
  value: Amount,
  receivedOn: Day,
  /** The last day a discrepancy on it may be reported (SDR_FILING_WINDOW from the receipt date). */
  lastDay: Day.nullable(),
  open: z.boolean(),
});
export type SdrFilingShipment = z.infer<typeof SdrFilingShipment>;
