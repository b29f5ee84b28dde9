import Decimal from "decimal.js";
import { formatUsd } from "../money";

// A billing statement as it prints (DD 645-style), already worded and formatted from the stored statement only, so
// the same statement always renders to the same bytes (src/server/finance/render-statement-pdf.ts).

export interface StatementPdfModel {
  /** "BN-B-AAC statement due 2027-03-15" */
  documentName: string;
  title: string;
  caseIdentifier: string;
  purchaser: string;
  implementingAgency: string;
  statementDate: string;
  dueDate: string;
  kind: string;
  /** The bill, line by line: label and amount, the last one the bottom line. */
  rows: { label: string; amount: string; emphasis: boolean }[];
  /** What to do with the bottom line, in plain words. */
  instruction: string;
  footer: string;
}

export interface StatementForPdf {
  id: string;
  dueOn: string;
  issuedOn: string;
  final: boolean;
  scheduleCumulative: string;
  forecastCumulative: string;
  billedCumulative: string;
  collected: string;
  credits: string;
  amountDue: string;
}

const LONG_DATE = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
const longDate = (day: string) => LONG_DATE.format(new Date(`${day}T00:00:00Z`));

export function statementPdfModel(
  statement: StatementForPdf,
  caseFacts: { identifier: string; purchaser: string; implementingAgency: string },
): StatementPdfModel {
  const due = new Decimal(statement.amountDue);
  const refund = statement.final && due.isNegative();
  const bottom = refund ? "Refund of excess funds to the purchaser" : statement.final ? "Final amount due" : "Amount due";
  return {
    documentName: `${caseFacts.identifier} ${statement.final ? "final statement" : "statement"} due ${statement.dueOn}`,
    title: statement.final ? "Final Billing Statement (DD 645-style)" : "Billing Statement (DD 645-style)",
    caseIdentifier: caseFacts.identifier,
    purchaser: caseFacts.purchaser,
    implementingAgency: caseFacts.implementingAgency,
    statementDate: longDate(statement.issuedOn),
    dueDate: longDate(statement.dueOn),
    kind: statement.final ? "Final statement (case closure)" : "Quarterly statement",
    rows: [
      {
        label: statement.final ? "Payment schedule, in full" : "Payment schedule, cumulative through the due date",
        amount: formatUsd(statement.scheduleCumulative),
        emphasis: false,
      },
      {
        label: statement.final
          ? "Actual cost of deliveries and services, with surcharges"
          : "Forecast from obligations, deliveries and services, with surcharges",
        amount: formatUsd(statement.forecastCumulative),
        emphasis: false,
      },
      {
        label: statement.final ? "Billed to date (actual cost)" : "Billed to date (the greater of the two, within the LOA total)",
        amount: formatUsd(statement.billedCumulative),
        emphasis: true,
      },
      { label: "Less: deposits and payments received", amount: formatUsd(statement.collected), emphasis: false },
      { label: "Less: credits granted (supply discrepancy reports)", amount: formatUsd(statement.credits), emphasis: false },
      { label: bottom, amount: formatUsd(due.abs().toFixed(2)), emphasis: true },
    ],
    instruction: refund
      ? "The excess funds will be returned or reapplied as the purchaser directs."
      : due.isZero()
        ? "Nothing is due: the money received covers the amount billed."
        : `Pay ${formatUsd(due.toFixed(2))} by ${longDate(statement.dueOn)}, quoting the case identifier and the statement due date.`,
    footer: `Statement ${statement.id} · Dates in UTC`,
  };
}
