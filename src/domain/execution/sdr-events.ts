import { formatUsd } from "../money";
import type { EventDetails, ExecutionEventText } from "./timeline";
import { SDR_DECISION_LABELS, SDR_TYPE_LABELS, type SdrDecision, type SdrType } from "./sdr";

// How Supply Discrepancy Report events read on the case timeline. The report's own steps are the partner's business
// and always shown to them; a comment follows its visibility (partnerVisible false: the timeline shows it to the
// partner only when its details say PARTNER_VISIBLE, as review comments). Details never use the workflow's keys
// (event, fromStatus, toStatus), which the timeline reads as case status changes.

const text = (value: unknown) => (typeof value === "string" && value ? value : null);

const referenceOf = (details: EventDetails) => text(details.reference) ?? "The report";

function filed(details: EventDetails): string {
  const type = SDR_TYPE_LABELS[details.type as SdrType] ?? "Discrepancy";
  const quantity = typeof details.quantityAffected === "number" ? `, ${details.quantityAffected} affected` : "";
  const value = formatUsd(text(details.valueAffected));
  const shipment = text(details.shipmentDocumentNumber);
  const files = Array.isArray(details.attachments) && details.attachments.length > 0 ? ` ${details.attachments.length} file(s) attached.` : "";
  return `${referenceOf(details)}: ${type.toLowerCase()}${quantity}, ${value}${details.informationOnly === true ? " (information only)" : ""}${
    shipment ? ` on shipment ${shipment}` : ""
  }.${files}`;
}

function decided(details: EventDetails): string {
  const decision = SDR_DECISION_LABELS[details.decision as SdrDecision] ?? "Decided";
  const credit = details.decision === "CREDIT" ? ` of ${formatUsd(text(details.creditAmount))}` : "";
  const reason = text(details.reason);
  return `${referenceOf(details)}: ${decision.toLowerCase()}${credit}${details.final === true ? " (final decision after reconsideration)" : ""}.${
    reason ? ` ${reason}` : ""
  }`;
}

export const SDR_EVENTS: Readonly<Record<string, ExecutionEventText>> = {
  "sdr.file": { label: "Supply discrepancy report filed", partnerVisible: true, note: filed },
  "sdr.decide": {
    label: "Supply discrepancy report decided",
    partnerVisible: true,
    note: decided,
  },
  "sdr.reconsider": {
    label: "Reconsideration of a supply discrepancy report requested",
    partnerVisible: true,
    note: (details) => `${referenceOf(details)}: ${text(details.reason) ?? "reconsideration requested"}`,
  },
  "sdr.accept": {
    label: "Supply discrepancy report decision accepted",
    partnerVisible: true,
    note: (details) => `${referenceOf(details)}: the partner accepted the decision as final; the report is closed`,
  },
  "sdr.attach": {
    label: "Evidence added to a supply discrepancy report",
    partnerVisible: true,
    note: (details) => {
      const names = Array.isArray(details.attachments)
        ? (details.attachments as { fileName?: unknown }[]).map((a) => text(a.fileName)).filter((n): n is string => n !== null)
        : [];
      return `${referenceOf(details)}: ${names.join(", ") || "file attached"}`;
    },
  },
  "sdr.comment": {
    label: "Comment on a supply discrepancy report",
    partnerVisible: false,
    note: (details) => `${referenceOf(details)}${details.commentVisibility === "PARTNER_VISIBLE" ? " (visible to the partner)" : " (U.S. Government only)"}`,
  },
};
