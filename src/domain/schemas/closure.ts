import { z } from "zod";
import { CLOSURE_TYPES } from "../execution/closure";
import { LINE_KINDS } from "../execution/line-kind";
import { CASE_STATUSES } from "../workflow/states";
import { optionalParagraphs } from "./text";

// Reconciliation and closure (ADR 0017, fms-domain.md §11–12): the annual case review's checklist, and the closure
// readiness of a case as the API and the page show it. Amounts are exact decimal strings ("1250000.00").

/** A checkbox from a form ("on", "true") or a JSON boolean; an unticked box sends nothing, which is "no". */
const checklistItem = (label: string) =>
  z.preprocess(
    (value) => (value === undefined || value === "" || value === "false" ? false : value === "on" || value === "true" ? true : value),
    z.boolean({ error: `${label} must be true or false` }),
  );

/**
 * The case manager's annual case review (RCG ch. 2): the LOA compared with deliveries and with contracts, the payment
 * schedule adjusted to the forecast. An item not confirmed needs notes saying why (what differs, what was done).
 */
export const AnnualReviewInput = z
  .object({
    loaMatchesDeliveries: checklistItem("LOA matches deliveries"),
    loaMatchesContracts: checklistItem("LOA matches contracts"),
    scheduleAdjusted: checklistItem("Payment schedule adjusted"),
    notes: optionalParagraphs("Notes", 4000),
  })
  .strict()
  .superRefine((input, ctx) => {
    const open = !input.loaMatchesDeliveries || !input.loaMatchesContracts || !input.scheduleAdjusted;
    if (open && !input.notes) {
      ctx.addIssue({ code: "custom", path: ["notes"], message: "Explain in the notes each item you could not confirm, and what will be done about it" });
    }
  })
  .meta({ id: "AnnualReviewInput" });
export type AnnualReviewInput = z.output<typeof AnnualReviewInput>;

const Amount = z.string().meta({ description: "US dollars as an exact decimal string, e.g. \"1250000.00\"" });
const Instant = z.iso.datetime();

export const AnnualReviewView = z
  .object({
    id: z.uuid(),
    reviewYear: z.number().int(),
    loaMatchesDeliveries: z.boolean(),
    loaMatchesContracts: z.boolean(),
    scheduleAdjusted: z.boolean(),
    notes: z.string().nullable().meta({ description: "The case manager's notes; null for partners" }),
    completedBy: z.string().nullable(),
    completedAt: Instant,
  })
  .meta({ id: "AnnualReview" });
export type AnnualReviewView = z.infer<typeof AnnualReviewView>;

export const ClosureCriterionView = z.object({
  key: z.enum(["lines", "sdrs", "obligations", "finalBill", "target", "annualReview"]),
  label: z.string(),
  met: z.boolean(),
  blocking: z.boolean().meta({ description: "An unmet blocking criterion stops the case closing; the others inform" }),
  summary: z.string(),
  reasons: z.array(z.string()),
});

export const ClosureView = z
  .object({
    caseId: z.uuid(),
    identifier: z.string(),
    status: z.enum(CASE_STATUSES),
    version: z.number().int().meta({ description: "Send it as expectedVersion with submit-closure, close or reopen" }),
    closureType: z.enum(CLOSURE_TYPES).nullable().meta({ description: "Chosen with the closure certificate" }),
    ready: z.boolean().meta({ description: "Nothing stands in the way of closing" }),
    blockers: z.array(z.string()).meta({ description: "Every reason the case cannot close, in plain words" }),
    submitBlockers: z.array(z.string()).meta({ description: "What stops the closure certificate (lines, SDRs)" }),
    criteria: z.array(ClosureCriterionView),
    lines: z.array(
      z.object({
        lineNumber: z.string(),
        description: z.string(),
        kind: z.enum(LINE_KINDS),
        state: z.enum(["OPEN", "SSC", "CANCELLED"]),
        completedAt: Instant.nullable(),
        obligated: Amount.nullable().meta({ description: "Contracts (and blanket requisitions) on the line; null for partners: contract amounts stay inside the U.S. Government" }),
        expended: Amount,
        unliquidated: Amount.nullable().meta({ description: "Obligations not yet matched by value delivered, never below zero; null for partners (the case total is in unliquidatedObligations)" }),
        billed: Amount.meta({ description: "What the final bill charges for the line, with surcharge" }),
      }),
    ),
    unliquidatedObligations: Amount,
    suspenseAmount: Amount.meta({ description: "Moved (or, before closing, to move) to the Case Closure Suspense Account under ACC" }),
    statement: z
      .object({
        finalBill: Amount,
        deposits: Amount,
        payments: Amount,
        collections: Amount,
        credits: Amount,
        amountDue: Amount.meta({ description: "Final bill − collections − credits; negative is a refund of excess funds" }),
        refund: Amount,
      })
      .meta({ description: "The final statement's figures as they stand now; once closed, `finalStatement` is what was recorded" }),
    finalStatement: z
      .object({ id: z.uuid(), issuedOn: z.iso.date(), billedCumulative: Amount, collected: Amount, credits: Amount, amountDue: Amount, pdfUrl: z.string() })
      .nullable()
      .meta({ description: "The final statement written when the case closed" }),
    target: z
      .object({ supplyCompleteAt: Instant, targetDate: Instant, monthsElapsed: z.number().int(), months: z.number().int(), overdue: z.boolean() })
      .nullable()
      .meta({ description: "The 24-month ACC closure target, counted from supply/services complete (informational)" }),
    annualReview: z.object({ year: z.number().int(), done: z.boolean(), completedAt: Instant.nullable() }),
    annualReviews: z.array(AnnualReviewView),
    closedAt: Instant.nullable(),
    reopenedAt: Instant.nullable(),
    certificate: z
      .object({ url: z.string(), sha256: z.string().nullable().meta({ description: "Recorded on the case's audit trail when it closed" }) })
      .nullable()
      .meta({ description: "Once the case is closed" }),
  })
  .meta({ id: "ClosureReadiness" });
export type ClosureView = z.infer<typeof ClosureView>;
