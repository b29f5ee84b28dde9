import { formatUsd } from "../money";
import { readableDay } from "../readable-days";
import type { EventDetails, ExecutionEventText } from "./timeline";

// How billing events read on a case's timeline. The initial deposit is the workflow's own "record-deposit" event
// (its note is written with the case events), so only statements and payments are listed here. Both are the
// partner's business: they see the bill and the money they sent.

const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : null);
const money = (value: unknown) => formatUsd(text(value));

export const MONEY_EVENTS: Readonly<Record<string, ExecutionEventText>> = {
  "statement.issue": {
    label: "Billing statement issued",
    partnerVisible: true,
    note: (details: EventDetails) => {
      const kind = details.final === true ? "Final statement" : "Quarterly statement";
      const amount = text(details.amountDue);
      const refund = details.final === true && amount !== null && amount.startsWith("-");
      return [
        `${kind} issued ${readableDay(details.issuedOn)}`,
        refund ? `refund of excess funds ${formatUsd(amount!.slice(1))}` : `amount due ${money(details.amountDue)} by ${readableDay(details.dueOn)}`,
        `billed to date ${money(details.billedCumulative)}`,
      ].join("; ");
    },
  },
  "payment.record": {
    label: "Payment received",
    partnerVisible: true,
    note: (details: EventDetails) =>
      `${money(details.amount)} received with value date ${readableDay(details.valueDate)} (reference ${String(details.reference)})`,
  },
};
