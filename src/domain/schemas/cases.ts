import { z } from "zod";
import { CLOSURE_TYPES } from "../execution/closure";
import { LOA_TYPES } from "../lor/codes";
import { dollarAmount } from "../money";
import { BINDING_EVENTS } from "../workflow/binding-confirmation";
import { ACTOR_EVENTS, type CaseEvent } from "../workflow/case-workflow";
import {
  CASE_STATUSES,
  CN_STATUSES,
  COMMENT_VISIBILITIES,
  REVIEW_DECISIONS,
  REVIEW_OFFICES,
  REVIEW_TASK_STATUSES,
  WAIVABLE_REVIEW_OFFICES,
} from "../workflow/states";
import { ExpectedVersion, PageQuery, Uuid, blankAsUndefined, plainText, searchText } from "./common";
import { isCalendarDate, optionalEnum, optionalParagraphs } from "./text";

/** The case list's sortable columns; each has an index that serves its order (migration 20261206000000_case_value). */
export const CASE_SORTS = ["opened", "identifier", "country", "agency", "type", "status", "due", "value"] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

function optionalDays(label: string) {
  return blankAsUndefined(
    z.coerce
      .number({ error: `${label} must be a whole number of days` })
      .int({ error: `${label} must be a whole number of days` })
      .min(0, { error: `${label} must be at least 0` })
      .max(36500, { error: `${label} must be at most 36500` }),
  );
}

export const CaseListQuery = PageQuery.extend({
  status: blankAsUndefined(z.enum(CASE_STATUSES, { error: `status must be one of: ${CASE_STATUSES.join(", ")}` })),
  agency: blankAsUndefined(z.string().trim().regex(/^[A-Z0-9]{1,8}$/, { error: "agency must be an agency code, like B" })),
  country: blankAsUndefined(z.string().trim().regex(/^[A-Z0-9]{2}$/, { error: "country must be a two-character customer code" })),
  overdue: blankAsUndefined(
    z.preprocess((v) => (v === "true" || v === "on" ? true : v === "false" ? false : v), z.boolean({ error: "overdue must be true or false" })),
  ),
  q: searchText("Search", 100),
  // The dashboards' drill-downs (src/domain/insight/dashboard.ts): each number links to the list holding its cases.
  openedFrom: blankAsUndefined(z.iso.date({ error: "openedFrom must be a date like 2027-01-31" })),
  openedTo: blankAsUndefined(z.iso.date({ error: "openedTo must be a date like 2027-01-31" })),
  waitingOn: blankAsUndefined(
    z.string().trim().regex(/^(DSCA_ANALYST|STATE_REVIEWER|DTSA_REVIEWER|FINANCE_OFFICER|IA_CASE_MANAGER:[0-9a-f-]{36})$/, {
      error: "waitingOn must be an office: DSCA_ANALYST, STATE_REVIEWER, DTSA_REVIEWER, FINANCE_OFFICER or IA_CASE_MANAGER:<agency id>",
    }),
  ),
  minDaysInStatus: optionalDays("minDaysInStatus"),
  maxDaysInStatus: optionalDays("maxDaysInStatus"),
  minLorToOfferDays: optionalDays("minLorToOfferDays"),
  maxLorToOfferDays: optionalDays("maxLorToOfferDays"),
  sort: blankAsUndefined(z.enum(CASE_SORTS, { error: `sort must be one of: ${CASE_SORTS.join(", ")}` })),
  dir: blankAsUndefined(z.enum(["asc", "desc"], { error: "dir must be asc or desc" })),
});
export type CaseListFilters = Omit<z.infer<typeof CaseListQuery>, "page" | "pageSize" | "sort" | "dir">;

export const Ref = z.object({ id: z.uuid(), code: z.string(), name: z.string() });
const Instant = z.iso.datetime();
/** A clock against its target: due date, state (amber at the rule's share, red when overdue) and the share used. */
export const Aging = z.object({
  dueAt: Instant,
  state: z.enum(["ON_TRACK", "DUE_SOON", "OVERDUE", "MET", "MISSED"]),
  percentElapsed: z.number().int(),
  targetDays: z.number().int(),
  dayKind: z.enum(["CALENDAR", "BUSINESS"]),
});

export const ReviewTaskView = z
  .object({
    id: z.uuid(),
    round: z.number().int(),
    office: z.enum(REVIEW_OFFICES),
    status: z.enum(REVIEW_TASK_STATUSES),
    openedAt: Instant,
    dueAt: Instant,
    aging: Aging.nullable(),
    decision: z.enum(REVIEW_DECISIONS).nullable(),
    decidedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    decidedAt: Instant.nullable(),
    comment: z.string().nullable(),
    commentVisibility: z.enum(COMMENT_VISIBILITIES).nullable(),
  })
  .meta({ id: "ReviewTask" });
export type ReviewTaskView = z.infer<typeof ReviewTaskView>;

export const CaseView = z
  .object({
    id: z.uuid(),
    identifier: z.string().meta({ description: "CC-I-DDD: customer code, implementing agency, designator" }),
    country: Ref.extend({ natoPlus: z.boolean() }),
    implementingAgency: Ref,
    designator: z.string(),
    caseType: z.enum(LOA_TYPES),
    status: z.enum(CASE_STATUSES),
    suspendedFromStatus: z.enum(CASE_STATUSES).nullable(),
    version: z.number().int().meta({ description: "Send it back as expectedVersion when you act on the case" }),
    openedAt: Instant,
    value: z.string().nullable().meta({
      description:
        "Total estimated cost of the LOA in force (or of the basic LOA before acceptance) in US dollars, as last priced; null before an LOA is priced, and for partners until an LOA is offered to them",
    }),
    statusChangedAt: Instant,
    statusAging: Aging.nullable().meta({ description: "The target for whoever must act in the current state" }),
    waitingOn: z.string().meta({
      description:
        "What the case waits for now, in plain words: in review the offices whose reviews are open and the congressional-notification step (e.g. \"Congress: the formal notification period ends Mar 12, 2027\"); partners see no internal steps",
    }),
    waitingOnParts: z
      .array(
        z.object({
          code: z.string().meta({ description: "What this part is, for a client to word it: status.<STATUS>, partner-acceptance, usg-reviews, office-reviews (with offices), cn-blocked, cn-formal-period, cn-preparation, cn-state-clearance, cn-held, cn-informal-period, cn-formal-notice" }),
          offices: z.array(z.enum(REVIEW_OFFICES)).optional().meta({ description: "For office-reviews: the offices whose reviews are open" }),
          text: z.string().meta({ description: "Who must act, or what must pass (English)" }),
          until: Instant.nullable().meta({ description: "When a clock ends this wait (a congressional review period), its end; the text reads on to this date" }),
        }),
      )
      .meta({ description: "waitingOn, one entry per thing the case waits for (all must happen), with dates as instants" }),
    milestones: z.object({
      agencyApprovedAt: Instant.nullable(),
      offerExpiresAt: Instant.nullable().meta({ description: "Offer expiration date (OED)" }),
      agencySignedAt: Instant.nullable(),
      countersignedAt: Instant.nullable(),
      offeredAt: Instant.nullable(),
      acceptedAt: Instant.nullable(),
      depositReceivedAt: Instant.nullable(),
      implementedAt: Instant.nullable(),
      emergencyImplementation: z.boolean(),
      closedAt: Instant.nullable(),
    }),
    acceptance: z
      .object({ signerName: z.string(), signerTitle: z.string(), signedOn: z.iso.date(), initialDeposit: z.string() })
      .nullable(),
    notification: z
      .object({
        status: z.enum(CN_STATUSES),
        determined: z.boolean().meta({
          description:
            "Whether the requirement has been decided. The agency's approval of the LOA (MILAP) decides it from the LOA's values, and DSCA may require it earlier; until then status is NOT_REQUIRED only as its starting value",
        }),
        informalEndsAt: Instant.nullable(),
        notifiedAt: Instant.nullable(),
        periodEndsAt: Instant.nullable(),
      })
      .nullable()
      .meta({ description: "Congressional-notification track; null for partners" }),
    reviewRound: z.number().int(),
    reviews: z.array(ReviewTaskView).meta({ description: "The current round's review tasks; empty for partners" }),
    availableActions: z.array(z.enum(ACTOR_EVENTS as [CaseEvent, ...CaseEvent[]])).meta({
      description: "The actions the caller may take now (POST /cases/{id}/actions/{action})",
    }),
    letters: z.array(
      z.object({
        id: z.uuid(),
        subject: z.string().nullable(),
        originatorReference: z.string().nullable(),
        requestType: z.string().nullable(),
        status: z.string(),
        completedAt: Instant.nullable(),
      }),
    ),
  })
  .meta({ id: "Case" });
export type CaseView = z.infer<typeof CaseView>;

// ---- action inputs ---------------------------------------------------------------------------------------------

function requiredDate(label: string) {
  return z
    .string({ error: `${label} is required (YYYY-MM-DD)` })
    .trim()
    .refine(isCalendarDate, { error: `${label} must be a real date written YYYY-MM-DD, between 1990 and 2100` });
}

const ActionBase = z.object({
  expectedVersion: ExpectedVersion,
  comment: optionalParagraphs("Comment", 4000),
  commentVisibility: optionalEnum("Comment visibility", COMMENT_VISIBILITIES),
});

/** What each action takes besides the expected version and an optional comment. Unknown fields are refused. */
export const CASE_ACTION_INPUTS: Record<CaseEvent, z.ZodObject> = Object.fromEntries(
  ACTOR_EVENTS.map((event) => [event, ActionBase.strict()]),
) as unknown as Record<CaseEvent, z.ZodObject>;
CASE_ACTION_INPUTS["assign-agency"] = ActionBase.extend({ agencyId: Uuid("Implementing agency") }).strict();
CASE_ACTION_INPUTS["set-notification-requirement"] = ActionBase.extend({
  required: z.preprocess((v) => (v === "true" ? true : v === "false" ? false : v), z.boolean({ error: "Say whether notification is required (true or false)" })),
}).strict();
CASE_ACTION_INPUTS.accept = ActionBase.extend({
  signerName: plainText("Signer's name", { max: 200 }),
  signerTitle: plainText("Signer's title", { max: 200 }),
  signedOn: requiredDate("Date signed"),
  initialDeposit: dollarAmount("Initial deposit", { min: "0.00" }),
}).strict();
CASE_ACTION_INPUTS["record-deposit"] = ActionBase.extend({
  amount: dollarAmount("Amount received"),
  receivedOn: requiredDate("Date received"),
  wireReference: plainText("Wire reference", { max: 100 }),
}).strict();
CASE_ACTION_INPUTS["submit-closure"] = ActionBase.extend({
  closureType: z.enum(CLOSURE_TYPES, { error: "Choose ACC (Accelerated Case Closure) or NON_ACC" }),
}).strict();
// The reason is required by the workflow and always stays inside the U.S. Government, so no visibility is taken.
CASE_ACTION_INPUTS["review-not-required"] = ActionBase.omit({ commentVisibility: true })
  .extend({
    office: z.enum(WAIVABLE_REVIEW_OFFICES, { error: "Choose the review that is not required: STATE_PM or DTSA (DSCA's own review is always required)" }),
  })
  .strict();

/**
 * The document a person confirmed before a binding step. Optional so that API clients written before it keep working;
 * when sent, the step is refused with 409 unless the stored document is still exactly this one. The case page always
 * sends it.
 */
export const AcknowledgedDocument = z
  .object({
    number: z.number({ error: "acknowledgedDocument.number must be the document's number" }).int().min(1),
    version: z.number({ error: "acknowledgedDocument.version must be the document's version" }).int().min(1),
    sha256: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[0-9a-f]{64}$/, { error: "acknowledgedDocument.sha256 must be 64 hexadecimal characters" })
      .nullable()
      .optional()
      .meta({ description: "The SHA-256 of the document's PDF, once it has been offered; null or absent before" }),
  })
  .strict()
  .meta({
    id: "AcknowledgedDocument",
    description:
      "The LOA document you reviewed before this binding step (number, version and, once offered, the PDF's SHA-256, as GET /cases/{id}/documents lists them). If the document has changed since, the step is refused with 409 and nothing happens",
  });
for (const event of BINDING_EVENTS) {
  CASE_ACTION_INPUTS[event] = CASE_ACTION_INPUTS[event].extend({ acknowledgedDocument: AcknowledgedDocument.optional() }).strict();
}

export const CaseEventView = z
  .object({
    id: z.string(),
    occurredAt: Instant,
    action: z.string(),
    label: z.string(),
    event: z.string().nullable().meta({ description: "The workflow event (e.g. approve-loa), for a client to word the label itself; null for other entries" }),
    reviewOffice: z.enum(REVIEW_OFFICES).nullable().meta({ description: "The review office the event was for, when it was one office's review" }),
    actor: z.string().meta({ description: "Who acted; partners see U.S. Government staff by office only" }),
    note: z.string().nullable().meta({ description: "Facts of the event, e.g. the new identifier or the signer" }),
    facts: z
      .array(z.object({ fact: z.string() }).catchall(z.union([z.string(), z.number(), z.null()])))
      .meta({ description: "The same facts as data, for a client to word itself: fact (newIdentifier, signedBy, initialDeposit, depositReceived, depositCovered, depositShort, closureType, offerExpires, changeReason, changeSignedBy, confirmedDocument, notification) and its values (amounts as decimal strings, days as ISO dates)" }),
    fromStatus: z.enum(CASE_STATUSES).nullable(),
    toStatus: z.enum(CASE_STATUSES).nullable(),
    comment: z.string().nullable(),
    commentVisibility: z.enum(COMMENT_VISIBILITIES).nullable(),
  })
  .meta({ id: "CaseEvent" });
export type CaseEventView = z.infer<typeof CaseEventView>;

export const CaseAuditView = z
  .object({
    verification: z.discriminatedUnion("verified", [
      z.object({ verified: z.literal(true), eventCount: z.number().int(), headHash: z.string() }),
      z.object({
        verified: z.literal(false),
        eventCount: z.number().int(),
        brokenAt: z.object({ eventId: z.string(), chainSeq: z.number().int(), reason: z.string() }),
      }),
    ]),
    events: z.array(
      z.object({
        id: z.string(),
        chainSeq: z.number().int(),
        occurredAt: Instant,
        action: z.string(),
        outcome: z.string(),
        actorEmail: z.string().nullable(),
        actorRole: z.string().nullable(),
        details: z.unknown(),
        prevHash: z.string(),
        hash: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: "CaseAudit" });
export type CaseAuditView = z.infer<typeof CaseAuditView>;

export const TaskListQuery = PageQuery.extend({
  overdue: CaseListQuery.shape.overdue,
});

export const TaskSummaryView = z
  .object({
    total: z.number().int(),
    overdue: z.number().int(),
    dueSoon: z.number().int(),
    onTrack: z.number().int(),
  })
  .meta({ id: "TaskSummary" });
export type TaskSummaryView = z.infer<typeof TaskSummaryView>;

export const InboxItemView = z
  .object({
    caseId: z.uuid(),
    identifier: z.string(),
    country: Ref,
    implementingAgency: Ref,
    status: z.enum(CASE_STATUSES),
    kind: z.enum(["REVIEW", "CASE"]),
    office: z.enum(REVIEW_OFFICES).nullable(),
    waitingFor: z.string(),
    since: Instant,
    aging: Aging.nullable(),
    actions: z.array(z.string()),
    subject: z.string().nullable(),
    /** Why the case is back in development: the review that returned it for rework, with the reviewer's comment. */
    reworkReason: z.object({ office: z.enum(REVIEW_OFFICES), comment: z.string().nullable(), returnedAt: Instant }).nullable(),
  })
  .meta({ id: "InboxItem" });
export type InboxItemView = z.infer<typeof InboxItemView>;
