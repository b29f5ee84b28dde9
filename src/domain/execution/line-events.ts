import { formatUsd } from "../money";
import { readableDay } from "../readable-days";
import { SHIPMENT_MODE_LABELS, SHIPMENT_STATUS_LABELS, type ShipmentMode, type ShipmentStatus } from "./lines";
import type { EventDetails, ExecutionEventText, ExecutionFact } from "./timeline";

// How execution per line reads on the case timeline. The partner sees what reaches or concerns them — contracts
// awarded (without their amounts), requisitions, shipments, receipts, services and lines closed out. Contract
// (obligated) amounts are U.S. Government-internal: contractor pricing is not the purchaser's to see line by line;
// they see what they owe on their statements. Days print as readers write them ("Nov 3, 2026"), never ISO.

const str = (value: unknown) => (typeof value === "string" || typeof value === "number" ? String(value) : "");
const line = (d: EventDetails) => `Line ${str(d.lineNumber)}`;
const mode = (value: unknown) => SHIPMENT_MODE_LABELS[value as ShipmentMode]?.toLowerCase() ?? str(value).toLowerCase();
const status = (value: unknown) => SHIPMENT_STATUS_LABELS[value as ShipmentStatus]?.toLowerCase() ?? str(value).toLowerCase();
/** A fact's fields: every value as text ("" when absent), so a message always has what it names. */
const fields = (message: string, d: EventDetails, names: readonly string[]): ExecutionFact => ({
  message,
  ...Object.fromEntries(names.map((name) => [name, str(d[name])])),
});

export const LINE_EVENTS: Readonly<Record<string, ExecutionEventText>> = {
  "obligation.record": {
    label: "Contract awarded",
    partnerVisible: true,
    note: (d, viewer) =>
      `${line(d)}: contract ${str(d.contractNumber)} awarded on ${readableDay(d.awardedOn)}${viewer.partner ? "" : `, ${formatUsd(str(d.amount))} obligated`}`,
    fact: (d, viewer) =>
      viewer.partner
        ? fields("contractAwarded", d, ["lineNumber", "contractNumber", "awardedOn"])
        : fields("contractAwardedAmount", d, ["lineNumber", "contractNumber", "awardedOn", "amount"]),
  },
  "requisition.submit": {
    label: "Requisition submitted",
    partnerVisible: true,
    note: (d) =>
      `${line(d)}: requisition ${str(d.documentNumber)} for ${str(d.quantity)} × ${str(d.itemDescription)} at ${formatUsd(str(d.unitPrice))} (${formatUsd(str(d.amount))}), priority ${str(d.priority)}; ${formatUsd(str(d.remaining))} of the line remains`,
    fact: (d) => fields("requisition", d, ["lineNumber", "documentNumber", "quantity", "itemDescription", "unitPrice", "amount", "priority", "remaining"]),
  },
  "shipment.record": {
    label: "Shipment sent",
    partnerVisible: true,
    note: (d) =>
      `${line(d)}: ${str(d.quantity)} shipped on ${readableDay(d.shippedOn)} by ${mode(d.mode)}, document ${str(d.documentNumber)}, tracking ${str(d.trackingReference)}${d.requisitionDocumentNumber ? ` (requisition ${str(d.requisitionDocumentNumber)})` : ""}`,
    fact: (d) =>
      fields(d.requisitionDocumentNumber ? "shippedForRequisition" : "shipped", d, [
        "lineNumber",
        "quantity",
        "shippedOn",
        "mode",
        "documentNumber",
        "trackingReference",
        "requisitionDocumentNumber",
      ]),
  },
  "shipment.status": {
    label: "Shipment status updated",
    partnerVisible: true,
    note: (d) =>
      d.shipmentStatus === "RECEIVED"
        ? `${line(d)}: shipment ${str(d.documentNumber)} received on ${readableDay(d.receivedOn)} by ${str(d.receivedBy)}`
        : `${line(d)}: shipment ${str(d.documentNumber)} is now ${status(d.shipmentStatus)}`,
    fact: (d) =>
      d.shipmentStatus === "RECEIVED"
        ? fields("shipmentReceived", d, ["lineNumber", "documentNumber", "receivedOn", "receivedBy"])
        : fields("shipmentStatus", d, ["lineNumber", "documentNumber", "shipmentStatus"]),
  },
  "service.record": {
    label: "Services performed",
    partnerVisible: true,
    note: (d) =>
      `${line(d)}: ${str(d.units)} ${str(d.units) === "1" ? str(d.unitLabel).replace(/s$/, "") : str(d.unitLabel)} performed ${readableDay(d.performedFrom)} to ${readableDay(d.performedTo)} (${formatUsd(str(d.value))}) — ${str(d.description)}`,
  },
  "line.complete": {
    label: "Line closed out",
    partnerVisible: true,
    note: (d) => {
      const outcome = d.outcome === "CANCELLED" ? "cancelled" : "declared supply/services complete";
      const reason = d.reason ? `. Reason: ${str(d.reason)}` : "";
      const cancelled = Array.isArray(d.cancelledRequisitions) && d.cancelledRequisitions.length > 0
        ? `. Open requisitions cancelled: ${d.cancelledRequisitions.map(str).join(", ")}`
        : "";
      return `${line(d)} ${outcome}${reason}${cancelled}`;
    },
    fact: (d) => ({
      ...fields(d.outcome === "CANCELLED" ? "lineCancelled" : "lineComplete", d, ["lineNumber", "reason"]),
      cancelledRequisitions: Array.isArray(d.cancelledRequisitions) ? d.cancelledRequisitions.map(str).join(", ") : "",
    }),
  },
};
