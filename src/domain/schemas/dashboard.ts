import { z } from "zod";
import { CASE_STATUSES } from "../workflow/states";
import { blankAsUndefined } from "./common";
import { CaseListQuery } from "./cases";

const day = (label: string) =>
  blankAsUndefined(z.iso.date({ error: `${label} must be a date like 2027-01-31` }));

/** The dashboard's filters: cases opened in a date range, of one agency, of one country (partners: always their own). */
export const DashboardQuery = z
  .object({
    from: day("from"),
    to: day("to"),
    agency: CaseListQuery.shape.agency,
    country: CaseListQuery.shape.country,
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { error: "from must be on or before to", path: ["to"] });
export type DashboardQuery = z.infer<typeof DashboardQuery>;

const Amount = z.string().meta({ description: "US dollars, exact to the cent, as a decimal string" });
const Drill = z.string().meta({ description: "The case list (page path and query) holding exactly the cases this number counts" });
const OrgRef = z.object({ code: z.string(), name: z.string() });

export const PipelineEntry = z.object({
  status: z.enum(CASE_STATUSES),
  label: z.string(),
  cases: z.number().int(),
  value: Amount.meta({ description: "Sum of the cases' values (only values the caller may see)" }),
  href: Drill,
});

export const OfficeLoad = z
  .object({
    office: z.string().meta({ description: "The office's inbox key: the role, and for agency work the agency" }),
    officeName: z.string(),
    accountable: z.object({ name: z.string(), email: z.string() }).nullable().meta({ description: "The office's accountable official, when one is named" }),
    cases: z.number().int().meta({ description: "Cases the office holds now" }),
    overdue: z.number().int().meta({ description: "Of them, past the office's target" }),
    medianDaysHeld: z.number().int().meta({ description: "Median whole days the office has held them" }),
    longestDaysHeld: z.number().int(),
    href: Drill,
    overdueHref: Drill,
  })
  .meta({ id: "OfficeLoad" });

export const DaysBucket = z.object({
  label: z.string(),
  minDays: z.number().int(),
  maxDays: z.number().int().nullable().meta({ description: "Inclusive; null for the open-ended last bucket" }),
  cases: z.number().int(),
  overTarget: z.boolean(),
  href: Drill,
});

export const ValueShare = OrgRef.extend({ cases: z.number().int(), value: Amount, href: Drill });

export const StepAge = z.object({
  status: z.enum(CASE_STATUSES),
  label: z.string(),
  buckets: z.array(DaysBucket).meta({ description: "Cases in this step by days in it" }),
});

export const WaitingOffer = z.object({
  caseId: z.uuid(),
  identifier: z.string(),
  agency: z.string(),
  value: Amount.nullable(),
  offerExpiresAt: z.iso.datetime(),
  href: z.string(),
});

export const UpcomingPayment = z.object({
  caseId: z.uuid(),
  identifier: z.string(),
  dueOn: z.iso.date(),
  amountDue: Amount.meta({ description: "What the statement asked for when it was issued (billed less collected and credits)" }),
  href: z.string().meta({ description: "The case's money page, where payments since the statement are shown" }),
});

export const DashboardView = z
  .object({
    scope: z.enum(["ALL", "AGENCY", "COUNTRY"]).meta({ description: "Whose cases the figures cover" }),
    filters: z.object({ from: z.string().nullable(), to: z.string().nullable(), agency: z.string().nullable(), country: z.string().nullable() }),
    generatedAt: z.iso.datetime(),
    asOf: z.iso.datetime().meta({
      description: "When the figures were computed: the unfiltered all-cases view comes from a snapshot refreshed every minute (at most 2 minutes old); any other view is computed at generatedAt",
    }),
    totals: z.object({ cases: z.number().int(), openCases: z.number().int(), value: Amount, openValue: Amount, href: Drill }),
    pipeline: z.array(PipelineEntry),
    bottleneck: z.array(OfficeLoad).nullable().meta({ description: "U.S. Government staff only: who holds the open cases now" }),
    lorToOffer: z
      .object({
        targetDays: z.number().int().nullable(),
        offered: z.number().int(),
        withinTarget: z.number().int(),
        buckets: z.array(DaysBucket),
      })
      .meta({ description: "Cases offered (in the date range), by days from the complete letter to the offer" }),
    valueByCountry: z.array(ValueShare).nullable().meta({ description: "U.S. Government staff only; largest first" }),
    valueByAgency: z.array(ValueShare),
    agingByStep: z.array(StepAge).meta({ description: "Open cases by step and days in it" }),
    offersWaiting: z.array(WaitingOffer).meta({ description: "Offers waiting for acceptance, soonest expiry first (at most 10)" }),
    nextPayments: z
      .array(UpcomingPayment)
      .nullable()
      .meta({ description: "Partners only: the billing statements falling due from today, soonest first (at most 10)" }),
  })
  .meta({ id: "Dashboard" });
export type DashboardView = z.infer<typeof DashboardView>;
/** The figures alone, as the dashboard snapshot stores them (src/server/insight/dashboard-snapshot.ts). */
export const DashboardFigures = DashboardView.omit({ generatedAt: true, asOf: true });
export type DashboardFigures = z.infer<typeof DashboardFigures>;
export type DaysBucket = z.infer<typeof DaysBucket>;
export type OfficeLoad = z.infer<typeof OfficeLoad>;
