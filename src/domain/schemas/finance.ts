import { z } from "zod";
import { dollarAmount } from "../money";
import { CASE_STATUSES } from "../workflow/states";
import { blankAsUndefined, plainText, Uuid } from "./common";
import { isCalendarDate } from "./text";

// A case's money after the offer (ADR 0017): what the partner owes, by when, and what has arrived. Amounts are exact
// decimal strings ("1250000.00"); a negative balance is money of the partner's held by the U.S. Government.

const Amount = z.string().meta({ description: "US dollars as an exact decimal string, e.g. \"1250000.00\"" });
const Day = z.iso.date();

/** A payment received (the finance officer records it). */
export const PaymentInput = z
  .object({
    amount: dollarAmount("Amount"),
    valueDate: z
      .string({ error: "Value date is required (YYYY-MM-DD)" })
      .trim()
      .refine(isCalendarDate, { error: "Value date must be a real date written YYYY-MM-DD, between 1990 and 2100" }),
    reference: plainText("Reference", { max: 100 }),
    statementId: blankAsUndefined(Uuid("Statement")),
  })
  .strict()
  .meta({ id: "PaymentInput" });
export type PaymentInput = z.output<typeof PaymentInput>;

export const DepositView = z.object({
  id: z.uuid(),
  amount: Amount,
  valueDate: Day,
  wireReference: z.string(),
  recordedAt: z.iso.datetime(),
});

export const StatementView = z
  .object({
    id: z.uuid(),
    dueOn: Day,
    issuedOn: Day,
    final: z.boolean().meta({ description: "The final statement at closure; a negative amount due is a refund" }),
    scheduleCumulative: Amount.meta({ description: "The payment schedule's cumulative amount through the due date" }),
    forecastCumulative: Amount.meta({ description: "What obligations, deliveries and services call for, with surcharge" }),
    billedCumulative: Amount.meta({ description: "The greater of the two, capped at the LOA total" }),
    collected: Amount,
    credits: Amount,
    amountDue: Amount,
    charged: Amount.meta({ description: "What this statement added to the bill" }),
    applied: Amount.meta({ description: "Money received and credits applied to that charge, oldest statement first" }),
    unpaid: Amount.meta({ description: "The part of that charge still unpaid" }),
    outstanding: Amount.meta({ description: "How much of this statement's amount due is still outstanding" }),
    status: z.enum(["PAID", "PARTLY_PAID", "UNPAID"]),
    overdue: z.boolean(),
    pdfUrl: z.string(),
  })
  .meta({ id: "BillingStatement" });
export type StatementView = z.infer<typeof StatementView>;

export const PaymentView = z
  .object({
    id: z.uuid(),
    amount: Amount,
    valueDate: Day,
    reference: z.string(),
    statementId: z.uuid().nullable(),
    statementDueOn: Day.nullable(),
    recordedAt: z.iso.datetime(),
  })
  .meta({ id: "Payment" });
export type PaymentView = z.infer<typeof PaymentView>;

export const CaseFinancesView = z
  .object({
    caseId: z.uuid(),
    identifier: z.string(),
    status: z.enum(CASE_STATUSES),
    asOf: Day.meta({ description: "The day the balance and arrears are read (UTC)" }),
    loaTotal: Amount.nullable().meta({ description: "Total estimated cost of the LOA in force; null before there is one" }),
    deposit: z
      .object({
        due: Amount,
        received: Amount,
        shortfall: Amount.meta({ description: "What the money received has not covered of the deposit (all money pays the deposit first)" }),
        covered: z.boolean(),
        dueNow: z.boolean().meta({ description: "The offer has been accepted, so the deposit is owed" }),
        deposits: z.array(DepositView),
      })
      .nullable()
      .meta({ description: "The initial deposit the LOA calls for and what has arrived; null before an LOA is offered" }),
    account: z.object({
      billed: Amount.meta({ description: "Billed in all: the final statement's amount once issued, else the highest bill" }),
      collected: Amount.meta({ description: "Deposits and payments received" }),
      credits: Amount.meta({ description: "Credits granted (supply discrepancy reports)" }),
      balance: Amount.meta({ description: "Billed less collected and credits; negative is the partner's money held (a refund at closure)" }),
      arrears: z.object({
        total: Amount,
        statements: z.array(z.object({ id: z.uuid(), dueOn: Day, unpaid: Amount })),
      }),
      nextDue: z.object({
        dueOn: Day,
        amount: Amount.nullable().meta({ description: "Null when the next quarter has not been billed yet" }),
      }),
    }),
    statements: z.array(StatementView).meta({ description: "Newest first" }),
    payments: z.array(PaymentView).meta({ description: "Newest first" }),
  })
  .meta({ id: "CaseFinances" });
export type CaseFinancesView = z.infer<typeof CaseFinancesView>;

export const IssueStatementsResult = z
  .object({
    dueOn: Day.meta({ description: "The due date of the statements this run issues" }),
    issued: z.number().int().meta({ description: "Statements issued by this run (0 when every case already has its statement)" }),
  })
  .meta({ id: "IssueStatementsResult" });
export type IssueStatementsResult = z.infer<typeof IssueStatementsResult>;

export const PaymentResult = z
  .object({ payment: PaymentView, finances: CaseFinancesView })
  .meta({ id: "PaymentResult" });
export type PaymentResult = z.infer<typeof PaymentResult>;
