import { z } from "zod";
import { POLICY_TABLES } from "../policy-rows";
import { blankAsUndefined, ExpectedVersion, PageQuery, plainText } from "./common";
import { isCalendarDate } from "./text";

// Policy administration (issue 13): the effective-dated rows Caseway prices and times cases with, and the reviewed
// proposals that add to them. Values are exact decimal strings; days are whole numbers.

const Day = z.iso.date();
const Instant = z.iso.datetime();
const PersonRef = z.object({ id: z.uuid(), name: z.string() });

export const PolicyRowView = z
  .object({
    id: z.uuid(),
    key: z.string(),
    table: z.enum(POLICY_TABLES),
    value: z.string().nullable().meta({ description: "Rates as a fraction (\"0.038\" is 3.8%), thresholds in dollars; null for clocks" }),
    days: z.number().int().nullable(),
    dayKind: z.enum(["CALENDAR", "BUSINESS"]).nullable(),
    amberPercent: z.number().int().nullable(),
    display: z.string().meta({ description: "The value as people read it, e.g. \"3.8%\", \"$14,000,000\", \"20 calendar days\"" }),
    effectiveFrom: Day,
    governsUntil: Day.nullable().meta({ description: "The day the next row (or the row's own end) takes over; null while it still governs" }),
    source: z.string(),
    policyChangeId: z.uuid().nullable().meta({ description: "The approved proposal that added the row; null for rows loaded from published references" }),
    inForce: z.boolean().meta({ description: "The row in force today" }),
    scheduled: z.boolean().meta({ description: "Approved, taking effect on a later day" }),
  })
  .meta({ id: "PolicyRow" });
export type PolicyRowView = z.infer<typeof PolicyRowView>;

export const PolicySeriesView = z
  .object({
    key: z.string(),
    table: z.enum(POLICY_TABLES),
    group: z.string(),
    label: z.string(),
    unit: z.enum(["PERCENT", "DOLLARS", "DAYS"]),
    current: PolicyRowView.nullable(),
    next: PolicyRowView.nullable().meta({ description: "The next approved row, if one takes effect later" }),
    pendingProposals: z.number().int(),
  })
  .meta({ id: "PolicySeries" });
export type PolicySeriesView = z.infer<typeof PolicySeriesView>;

export const PolicySeriesDetailView = PolicySeriesView.extend({
  history: z.array(PolicyRowView).meta({ description: "Every row, newest first" }),
}).meta({ id: "PolicySeriesDetail" });
export type PolicySeriesDetailView = z.infer<typeof PolicySeriesDetailView>;

export const POLICY_CHANGE_STATUSES = ["PROPOSED", "APPROVED", "REJECTED", "WITHDRAWN"] as const;
export const POLICY_CHANGE_ACTIONS = ["approve", "reject", "withdraw"] as const;

export const PolicyImpactSummary = z.object({
  computedAt: Instant,
  pricedOn: Day.meta({ description: "The day the documents are compared on: the effective date, or today if later" }),
  documents: z.number().int().meta({ description: "Open documents whose total or notification requirement changes" }),
  notificationChanges: z.number().int(),
  totalBefore: z.string(),
  totalAfter: z.string(),
});

export const PolicyChangeView = z
  .object({
    id: z.uuid(),
    table: z.enum(POLICY_TABLES),
    key: z.string(),
    label: z.string(),
    status: z.enum(POLICY_CHANGE_STATUSES),
    version: z.number().int(),
    value: z.string().nullable(),
    days: z.number().int().nullable(),
    dayKind: z.enum(["CALENDAR", "BUSINESS"]).nullable(),
    amberPercent: z.number().int().nullable(),
    display: z.string(),
    currentDisplay: z.string().nullable().meta({ description: "The value that would otherwise be in force on the effective date" }),
    effectiveFrom: Day,
    source: z.string(),
    proposedBy: PersonRef,
    proposedAt: Instant,
    decidedBy: PersonRef.nullable(),
    decidedAt: Instant.nullable(),
    decisionNote: z.string().nullable(),
    impact: PolicyImpactSummary.nullable().meta({ description: "Null for clocks (they change no price) and until computed" }),
    availableActions: z.array(z.enum(POLICY_CHANGE_ACTIONS)),
  })
  .meta({ id: "PolicyChange" });
export type PolicyChangeView = z.infer<typeof PolicyChangeView>;

export const PolicyImpactItemView = z
  .object({
    caseId: z.uuid(),
    caseIdentifier: z.string(),
    documentName: z.string(),
    documentStatus: z.string(),
    totalBefore: z.string(),
    totalAfter: z.string(),
    difference: z.string(),
    notificationBefore: z.boolean(),
    notificationAfter: z.boolean(),
  })
  .meta({ id: "PolicyImpactItem" });
export type PolicyImpactItemView = z.infer<typeof PolicyImpactItemView>;

const decimalText = (label: string) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .regex(/^\d{1,14}(\.\d{1,6})?$/, { error: `${label} must be a number such as 0.035 or 14000000` });

const wholeDays = (label: string, max: number) =>
  z.coerce
    .number({ error: `${label} must be a whole number` })
    .int({ error: `${label} must be a whole number` })
    .min(1, { error: `${label} must be at least 1` })
    .max(max, { error: `${label} must be at most ${max}` });

export const ProposePolicyChangeInput = z
  .object({
    key: plainText("Policy series", { max: 40 }),
    effectiveFrom: z
      .string({ error: "Effective date is required (YYYY-MM-DD)" })
      .trim()
      .refine(isCalendarDate, { error: "Effective date must be a real date written YYYY-MM-DD" }),
    value: blankAsUndefined(decimalText("Value")).optional(),
    days: blankAsUndefined(wholeDays("Days", 3650)).optional(),
    dayKind: blankAsUndefined(z.enum(["CALENDAR", "BUSINESS"], { error: "Choose calendar or business days" })).optional(),
    amberPercent: blankAsUndefined(wholeDays("Amber share", 99)).optional(),
    source: plainText("Reason and source", { min: 10, max: 1000 }),
  })
  .strict()
  .meta({ id: "ProposePolicyChangeInput" });
export type ProposePolicyChangeInput = z.output<typeof ProposePolicyChangeInput>;

export const DecidePolicyChangeInput = z
  .object({
    expectedVersion: ExpectedVersion,
    note: blankAsUndefined(plainText("Note", { max: 1000 })).optional(),
  })
  .strict()
  .meta({ id: "DecidePolicyChangeInput" });
export type DecidePolicyChangeInput = z.output<typeof DecidePolicyChangeInput>;

export const PolicyChangeListQuery = PageQuery.extend({
  status: blankAsUndefined(z.enum(POLICY_CHANGE_STATUSES, { error: "Choose a status" })).optional(),
  key: blankAsUndefined(plainText("Policy series", { max: 40 })).optional(),
});

export const PolicyImpactQuery = PageQuery;
