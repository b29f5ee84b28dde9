import { formatUsd } from "../money";
import type { EventDetails, ExecutionEventText } from "./timeline";

// How reconciliation and closure events read on a case's timeline. The workflow's own events (closure certificate
// submitted, case closed, case reopened) and the final statement ("statement.issue", money-events.ts) are written
// elsewhere; these are the annual case review, the ULOs moved to suspense under ACC and the certificate's issue. The
// partner sees all three: the review's outcome (not the case manager's notes), the money held for them, and the
// certificate they can download.

const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : null);
const yesNo = (value: unknown, yes: string, no: string) => (value === true ? yes : no);

export const CLOSURE_EVENTS: Readonly<Record<string, ExecutionEventText>> = {
  "review.annual": {
    label: "Annual case review completed",
    partnerVisible: true,
    note: (details: EventDetails, viewer) => {
      const parts = [
        `Review for ${String(details.reviewYear)}`,
        yesNo(details.loaMatchesDeliveries, "LOA matches deliveries", "LOA and deliveries differ"),
        yesNo(details.loaMatchesContracts, "LOA matches contracts", "LOA and contracts differ"),
        yesNo(details.scheduleAdjusted, "payment schedule adjusted", "payment schedule not adjusted"),
      ];
      // The case manager's notes are working notes for the U.S. Government.
      const notes = viewer.partner ? null : text(details.notes);
      return `${parts.join("; ")}${notes ? `. Notes: ${notes}` : ""}`;
    },
  },
  "closure.suspense": {
    label: "Unliquidated obligations moved to the Case Closure Suspense Account",
    partnerVisible: true,
    note: (details: EventDetails, viewer) => {
      const lines = Array.isArray(details.lines) ? (details.lines as { lineNumber?: unknown; unliquidated?: unknown }[]) : [];
      // Per-line amounts are contract amounts, which stay inside the U.S. Government; the partner reads the total.
      const detail = viewer.partner
        ? lines.length
          ? `line${lines.length === 1 ? "" : "s"} ${lines.map((line) => String(line.lineNumber)).join(", ")}`
          : ""
        : lines.map((line) => `line ${String(line.lineNumber)} ${formatUsd(text(line.unliquidated))}`).join(", ");
      return `${formatUsd(text(details.amount))} held under Accelerated Case Closure until the obligations settle${detail ? ` (${detail})` : ""}`;
    },
  },
  "closure.certificate": {
    label: "Closure certificate issued",
    partnerVisible: true,
    note: (details: EventDetails) => {
      const refund = text(details.refund);
      const parts = [`Final bill ${formatUsd(text(details.finalBill))}`];
      if (refund && refund !== "0.00") parts.push(`refund of excess funds ${formatUsd(refund)}`);
      parts.push(`SHA-256 ${String(details.sha256).slice(0, 16)}…`);
      return parts.join("; ");
    },
  },
};
