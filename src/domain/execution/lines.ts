import Decimal from "decimal.js";
import { formatUsd, percentOf, toAmount, toCents } from "../money";
import type { LineKind } from "./line-kind";

// Execution per LOA line (fms-domain.md §11, ADR 0017): what a line's contracts, requisitions, shipments and services
// add up to against the LOA in force, and the rules every write is checked by before it is stored. Pure: the server
// feeds it the line's target and the totals of what is already recorded (read inside the case's row lock), so the
// same rules answer the API, the forms and the demo seed. Money is exact decimal strings; quantities are whole numbers;
// service units (months or events) are decimals with at most two places.

export const SHIPMENT_STATUSES = ["SHIPPED", "IN_TRANSIT", "RECEIVED"] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];
export const SHIPMENT_STATUS_LABELS: Record<ShipmentStatus, string> = {
  SHIPPED: "Shipped",
  IN_TRANSIT: "In transit",
  RECEIVED: "Received",
};

export const SHIPMENT_MODES = ["AIR", "SEA", "SURFACE", "PARCEL", "HAND_CARRY"] as const;
export type ShipmentMode = (typeof SHIPMENT_MODES)[number];
export const SHIPMENT_MODE_LABELS: Record<ShipmentMode, string> = {
  AIR: "Air",
  SEA: "Sea",
  SURFACE: "Surface (road or rail)",
  PARCEL: "Parcel or small-package carrier",
  HAND_CARRY: "Hand carry",
};

export const REQUISITION_STATUSES = ["OPEN", "SHIPPED", "CANCELLED"] as const;
export type RequisitionStatus = (typeof REQUISITION_STATUSES)[number];
export const REQUISITION_STATUS_LABELS: Record<RequisitionStatus, string> = {
  OPEN: "Open",
  SHIPPED: "Shipped in full",
  CANCELLED: "Cancelled",
};

export const LINE_OUTCOMES = ["SUPPLY_COMPLETE", "CANCELLED"] as const;
export type LineOutcome = (typeof LINE_OUTCOMES)[number];
export type LineStatus = "OPEN" | LineOutcome;
export const LINE_STATUS_LABELS: Record<LineStatus, string> = {
  OPEN: "Open",
  SUPPLY_COMPLETE: "Supply/services complete",
  CANCELLED: "Cancelled",
};

/** What the LOA in force asks of one executable line. */
export interface LineTarget {
  lineNumber: string;
  kind: LineKind;
  description: string;
  /** ARTICLES: the quantity to deliver. */
  quantity: number | null;
  unitOfIssue: string | null;
  /** SERVICES: the months (or events) to perform, as a decimal string; null when the LOA gives neither. */
  serviceUnits: string | null;
  serviceUnitLabel: "months" | "events";
  /**
   * The line's estimated value before charges (quantity × unit cost, or the blanket dollar value): what contracts,
   * requisitions and services are measured against. CAS, NC and the below-the-line charges are billing's business.
   */
  value: string;
  /** Bought on contract (source P or X): the line shows its contracted share. */
  procured: boolean;
}

/** The LOA line fields a target is built from (src/domain/loa/content.ts), and its priced base. */
export interface LineSource {
  lineNumber: string;
  description: string;
  quantity: number | null;
  unitOfIssue: string | null;
  monthsOfService: number | null;
  sourceOfSupply: string;
}

export function lineTargetOf(line: LineSource, kind: LineKind, base: string): LineTarget {
  // A service line counts months when the LOA gives a period of performance, otherwise the events it orders.
  const months = kind === "SERVICES" && line.monthsOfService !== null;
  return {
    lineNumber: line.lineNumber,
    kind,
    description: line.description,
    quantity: kind === "ARTICLES" ? line.quantity : null,
    unitOfIssue: line.unitOfIssue,
    serviceUnits:
      kind !== "SERVICES" ? null : months ? String(line.monthsOfService) : line.quantity !== null ? String(line.quantity) : null,
    serviceUnitLabel: months || kind !== "SERVICES" ? "months" : "events",
    value: toAmount(base),
    procured: line.sourceOfSupply === "P" || line.sourceOfSupply === "X",
  };
}

/** What is already recorded on a line, summed (in SQL by the server; from rows by `totalsOf`). */
export interface LineTotals {
  obligated: string;
  /** Requisitions not cancelled: what the line's value is drawn down by. */
  requisitioned: string;
  openRequisitionCount: number;
  /** Document numbers of open requisitions (the server may send only the first few). */
  openRequisitions: readonly string[];
  shippedQuantity: number;
  shippedValue: string;
  receivedQuantity: number;
  receivedValue: string;
  performedUnits: string;
  performedValue: string;
}

export const EMPTY_TOTALS: LineTotals = {
  obligated: "0.00",
  requisitioned: "0.00",
  openRequisitionCount: 0,
  openRequisitions: [],
  shippedQuantity: 0,
  shippedValue: "0.00",
  receivedQuantity: 0,
  receivedValue: "0.00",
  performedUnits: "0",
  performedValue: "0.00",
};

/** The rows of one line, for summing in memory (tests, and anything that already holds the rows). */
export interface LineRecords {
  obligations: readonly { amount: string }[];
  requisitions: readonly { documentNumber: string; amount: string; status: RequisitionStatus }[];
  shipments: readonly { quantity: number; value: string; status: ShipmentStatus }[];
  services: readonly { units: string; value: string }[];
}

const sum = (values: readonly string[]) => values.reduce((total, value) => total.plus(value), new Decimal(0));

export function totalsOf(records: LineRecords): LineTotals {
  const live = records.requisitions.filter((r) => r.status !== "CANCELLED");
  const open = records.requisitions.filter((r) => r.status === "OPEN");
  const received = records.shipments.filter((s) => s.status === "RECEIVED");
  return {
    obligated: toAmount(sum(records.obligations.map((o) => o.amount))),
    requisitioned: toAmount(sum(live.map((r) => r.amount))),
    openRequisitionCount: open.length,
    openRequisitions: open.map((r) => r.documentNumber),
    shippedQuantity: records.shipments.reduce((n, s) => n + s.quantity, 0),
    shippedValue: toAmount(sum(records.shipments.map((s) => s.value))),
    receivedQuantity: received.reduce((n, s) => n + s.quantity, 0),
    receivedValue: toAmount(sum(received.map((s) => s.value))),
    performedUnits: sum(records.services.map((s) => s.units)).toString(),
    performedValue: toAmount(sum(records.services.map((s) => s.value))),
  };
}

// ---- progress ----------------------------------------------------------------------------------------------------

export type MeasureKey = "ordered" | "shipped" | "delivered" | "performed" | "performedValue";
export type MeasureUnit = "USD" | "QUANTITY" | "SERVICE_UNITS";

/** One progress bar: what is done against what the LOA asks, as exact decimals and a percentage. */
export interface ProgressMeasure {
  key: MeasureKey;
  label: string;
  done: string;
  target: string;
  unit: MeasureUnit;
  /** done ÷ target × 100, cut to one decimal ("37.5"); "100.0" for a zero target. Can exceed 100 only if the LOA shrank. */
  percent: string;
  /** Contract (obligated) amounts stay inside the U.S. Government. */
  usgOnly: boolean;
}

export interface LineProgress {
  measures: ProgressMeasure[];
  /** Value shipped plus services performed: what the line has spent so far. */
  expenditures: string;
  /** BLANKET: the line value less requisitions not cancelled. */
  remainingValue: string | null;
  /** ARTICLES: the LOA quantity not yet shipped. */
  unshippedQuantity: number | null;
  /** SERVICES: the months or events not yet performed. */
  unperformedUnits: string | null;
}

function measure(key: MeasureKey, label: string, done: Decimal.Value, target: Decimal.Value, unit: MeasureUnit, usgOnly = false): ProgressMeasure {
  const show = (value: Decimal.Value) => (unit === "USD" ? toAmount(value) : new Decimal(value).toString());
  return { key, label, done: show(done), target: show(target), unit, percent: percentOf(done, target, 1), usgOnly };
}

export function lineProgress(target: LineTarget, totals: LineTotals): LineProgress {
  const measures: ProgressMeasure[] = [];
  const contracted = target.procured || new Decimal(totals.obligated).gt(0);
  if (target.kind === "ARTICLES") {
    const quantity = target.quantity ?? 0;
    if (contracted) measures.push(measure("ordered", "Contracted (obligated)", totals.obligated, target.value, "USD", true));
    measures.push(measure("shipped", "Shipped", totals.shippedQuantity, quantity, "QUANTITY"));
    measures.push(measure("delivered", "Delivered (received)", totals.receivedQuantity, quantity, "QUANTITY"));
  } else if (target.kind === "BLANKET") {
    measures.push(measure("ordered", "Requisitioned", totals.requisitioned, target.value, "USD"));
    measures.push(measure("shipped", "Shipped", totals.shippedValue, target.value, "USD"));
    measures.push(measure("delivered", "Delivered (received)", totals.receivedValue, target.value, "USD"));
  } else {
    if (contracted) measures.push(measure("ordered", "Contracted (obligated)", totals.obligated, target.value, "USD", true));
    if (target.serviceUnits !== null) {
      measures.push(measure("performed", `Performed (${target.serviceUnitLabel})`, totals.performedUnits, target.serviceUnits, "SERVICE_UNITS"));
    }
    measures.push(measure("performedValue", "Value of services performed", totals.performedValue, target.value, "USD"));
  }
  return {
    measures,
    expenditures: toAmount(new Decimal(totals.shippedValue).plus(totals.performedValue)),
    remainingValue: target.kind === "BLANKET" ? blanketRemaining(target, totals) : null,
    unshippedQuantity: target.kind === "ARTICLES" ? Math.max(0, (target.quantity ?? 0) - totals.shippedQuantity) : null,
    unperformedUnits:
      target.kind === "SERVICES" && target.serviceUnits !== null
        ? Decimal.max(0, new Decimal(target.serviceUnits).minus(totals.performedUnits)).toString()
        : null,
  };
}

/** The blanket line's value not yet drawn by requisitions (cancelled ones give their amount back). Never negative. */
export const blanketRemaining = (target: LineTarget, totals: LineTotals) =>
  toAmount(Decimal.max(0, new Decimal(target.value).minus(totals.requisitioned)));

// ---- checks ------------------------------------------------------------------------------------------------------

/** Why a write is refused: a bad field (422, named), or a conflict with the line's state (409). */
export type Refusal =
  | { ok: false; kind: "field"; field: string; message: string }
  | { ok: false; kind: "conflict"; message: string; remaining?: string };

const field = (name: string, message: string): Refusal => ({ ok: false, kind: "field", field: name, message });
const conflict = (message: string, remaining?: string): Refusal => ({ ok: false, kind: "conflict", message, ...(remaining ? { remaining } : {}) });

const usd = (amount: Decimal.Value) => formatUsd(toAmount(amount));
const count = (n: Decimal.Value) => new Decimal(n).toString();

/** A line that is complete or cancelled takes no more contracts, requisitions, shipments or services. */
function closedLine(lineNumber: string, status: LineStatus): Refusal | null {
  if (status === "SUPPLY_COMPLETE") return conflict(`Line ${lineNumber} is supply/services complete: nothing more can be recorded on it`);
  if (status === "CANCELLED") return conflict(`Line ${lineNumber} is cancelled: nothing more can be recorded on it`);
  return null;
}

export function checkObligation(
  target: LineTarget,
  totals: LineTotals,
  status: LineStatus,
  input: { amount: string; awardedOn: string },
  today: string,
): { ok: true } | Refusal {
  const closed = closedLine(target.lineNumber, status);
  if (closed) return closed;
  if (input.awardedOn > today) return field("awardedOn", "The award date cannot be in the future");
  const after = new Decimal(totals.obligated).plus(input.amount);
  if (after.gt(target.value)) {
    const left = Decimal.max(0, new Decimal(target.value).minus(totals.obligated));
    return field(
      "amount",
      `Obligations on line ${target.lineNumber} would reach ${usd(after)}, more than its value of ${usd(target.value)} (${usd(left)} remains). An Amendment or Modification must raise the line first.`,
    );
  }
  return { ok: true };
}

/** A requisition's amount: quantity × unit price, exact (a unit price has at most two decimals). */
export const requisitionAmount = (quantity: number, unitPrice: string) => toAmount(new Decimal(unitPrice).times(quantity));

export function checkRequisition(
  target: LineTarget,
  totals: LineTotals,
  status: LineStatus,
  input: { quantity: number; unitPrice: string },
): { ok: true; amount: string; remainingAfter: string } | Refusal {
  if (target.kind !== "BLANKET") {
    return conflict(`Line ${target.lineNumber} is not a blanket order line: requisitions draw only against a blanket line's dollar value`);
  }
  const closed = closedLine(target.lineNumber, status);
  if (closed) return closed;
  const amount = requisitionAmount(input.quantity, input.unitPrice);
  const remaining = blanketRemaining(target, totals);
  if (new Decimal(amount).gt(remaining)) {
    return conflict(
      `This requisition (${usd(amount)}) exceeds the remaining value of line ${target.lineNumber}: ${usd(remaining)} of ${usd(target.value)} remains`,
      remaining,
    );
  }
  return { ok: true, amount, remainingAfter: toAmount(new Decimal(remaining).minus(amount)) };
}

/** The requisition a blanket shipment fills, with what has already shipped against it. */
export interface RequisitionForShipment {
  lineNumber: string;
  documentNumber: string;
  quantity: number;
  unitPrice: string;
  status: RequisitionStatus;
  shippedQuantity: number;
}

/**
 * The value of an articles shipment: the line's value for everything shipped so far, this shipment included, less the
 * value already shipped. Each cumulative amount is rounded once, so the shipments of a fully shipped line add up to its
 * value to the cent (rounding each shipment's share alone could drift by a cent per shipment).
 */
export function articleShipmentValue(target: LineTarget, totals: LineTotals, quantity: number): string {
  const lineQuantity = target.quantity ?? 0;
  if (lineQuantity === 0) return "0.00";
  const shippedAfter = Math.min(lineQuantity, totals.shippedQuantity + quantity);
  const valueAfter = new Decimal(target.value).times(shippedAfter).div(lineQuantity);
  return toAmount(Decimal.max(0, toCents(valueAfter).minus(totals.shippedValue)));
}

export function checkShipment(
  target: LineTarget,
  totals: LineTotals,
  status: LineStatus,
  requisition: RequisitionForShipment | null,
  input: { quantity: number; shippedOn: string; requisitionId?: string | null },
  today: string,
): { ok: true; value: string; fillsRequisition: boolean } | Refusal {
  if (target.kind === "SERVICES") {
    return conflict(`Line ${target.lineNumber} is a services line: record the services performed instead of a shipment`);
  }
  const closed = closedLine(target.lineNumber, status);
  if (closed) return closed;
  if (input.shippedOn > today) return field("shippedOn", "The ship date cannot be in the future");
  if (target.kind === "ARTICLES") {
    if (input.requisitionId) return field("requisitionId", "Requisitions apply to blanket order lines only; leave it empty");
    const left = Math.max(0, (target.quantity ?? 0) - totals.shippedQuantity);
    if (input.quantity > left) {
      return field(
        "quantity",
        left === 0
          ? `Line ${target.lineNumber} is fully shipped: all ${target.quantity} have been shipped`
          : `Only ${left} of ${target.quantity} remain unshipped on line ${target.lineNumber}`,
      );
    }
    return { ok: true, value: articleShipmentValue(target, totals, input.quantity), fillsRequisition: false };
  }
  if (!requisition) return field("requisitionId", "Choose the requisition this shipment fills");
  if (requisition.lineNumber !== target.lineNumber) {
    return field("requisitionId", `Requisition ${requisition.documentNumber} is on line ${requisition.lineNumber}, not ${target.lineNumber}`);
  }
  if (requisition.status === "CANCELLED") return conflict(`Requisition ${requisition.documentNumber} is cancelled`);
  if (requisition.status === "SHIPPED") return conflict(`Requisition ${requisition.documentNumber} is already shipped in full`);
  const left = requisition.quantity - requisition.shippedQuantity;
  if (input.quantity > left) {
    return field("quantity", `Only ${left} of ${requisition.quantity} remain unshipped on requisition ${requisition.documentNumber}`);
  }
  return {
    ok: true,
    value: requisitionAmount(input.quantity, requisition.unitPrice),
    fillsRequisition: input.quantity === left,
  };
}

/** Shipments only move forward: shipped → in transit → received, or shipped → received. */
export const SHIPMENT_FLOW: Record<ShipmentStatus, readonly ShipmentStatus[]> = {
  SHIPPED: ["IN_TRANSIT", "RECEIVED"],
  IN_TRANSIT: ["RECEIVED"],
  RECEIVED: [],
};

export function checkShipmentStatus(
  shipment: { documentNumber: string; status: ShipmentStatus; shippedOn: string },
  change: { status: ShipmentStatus; receivedOn?: string | null },
  today: string,
): { ok: true } | Refusal {
  if (!SHIPMENT_FLOW[shipment.status].includes(change.status)) {
    const now = SHIPMENT_STATUS_LABELS[shipment.status].toLowerCase();
    return conflict(
      shipment.status === change.status
        ? `Shipment ${shipment.documentNumber} is already ${now}`
        : `Shipment ${shipment.documentNumber} is ${now}; it cannot go back to ${SHIPMENT_STATUS_LABELS[change.status].toLowerCase()}`,
    );
  }
  if (change.status === "RECEIVED") {
    if (!change.receivedOn) return field("receivedOn", "Give the date the shipment was received");
    if (change.receivedOn > today) return field("receivedOn", "The date received cannot be in the future");
    if (change.receivedOn < shipment.shippedOn) return field("receivedOn", `The date received cannot be before the ship date (${shipment.shippedOn})`);
  }
  return { ok: true };
}

export function checkServiceRecord(
  target: LineTarget,
  totals: LineTotals,
  status: LineStatus,
  input: { performedFrom: string; performedTo: string; units: string; value: string },
  today: string,
): { ok: true } | Refusal {
  if (target.kind !== "SERVICES") {
    return conflict(`Line ${target.lineNumber} delivers articles, not services: record a shipment instead`);
  }
  const closed = closedLine(target.lineNumber, status);
  if (closed) return closed;
  if (input.performedTo < input.performedFrom) return field("performedTo", "The period must end on or after its first day");
  if (input.performedTo > today) return field("performedTo", "Services can be recorded once performed: the period cannot end in the future");
  if (target.serviceUnits !== null) {
    const left = Decimal.max(0, new Decimal(target.serviceUnits).minus(totals.performedUnits));
    if (new Decimal(input.units).gt(left)) {
      return field("units", `Only ${count(left)} of ${target.serviceUnits} ${target.serviceUnitLabel} remain to perform on line ${target.lineNumber}`);
    }
  }
  const valueLeft = Decimal.max(0, new Decimal(target.value).minus(totals.performedValue));
  if (new Decimal(input.value).gt(valueLeft)) {
    return field("value", `Only ${usd(valueLeft)} of the line's ${usd(target.value)} remains; an Amendment or Modification must raise the line first`);
  }
  return { ok: true };
}

/**
 * What stands between a line and supply/services complete (SSC), one plain sentence per unmet condition; empty when its
 * deliveries, value or services are accounted for.
 */
export function sscProblems(target: LineTarget, totals: LineTotals): string[] {
  const problems: string[] = [];
  if (target.kind === "ARTICLES") {
    const quantity = target.quantity ?? 0;
    const unit = target.unitOfIssue ? ` ${target.unitOfIssue}` : "";
    if (totals.receivedQuantity < quantity) {
      problems.push(`${totals.receivedQuantity} of ${quantity}${unit} delivered (received by the partner)`);
      const notShipped = quantity - totals.shippedQuantity;
      if (notShipped > 0) problems.push(`${notShipped}${unit} not yet shipped`);
      const onTheWay = totals.shippedQuantity - totals.receivedQuantity;
      if (onTheWay > 0) problems.push(`${onTheWay}${unit} shipped but not yet received`);
    }
  } else if (target.kind === "BLANKET") {
    if (new Decimal(totals.shippedValue).lt(totals.requisitioned)) {
      problems.push(`${usd(totals.shippedValue)} shipped of ${usd(totals.requisitioned)} requisitioned`);
    }
    if (totals.openRequisitionCount > 0) {
      const named = totals.openRequisitions.slice(0, 5).join(", ");
      const more = totals.openRequisitionCount - Math.min(5, totals.openRequisitions.length);
      problems.push(
        `${totals.openRequisitionCount} requisition${totals.openRequisitionCount === 1 ? "" : "s"} still open${named ? ` (${named}${more > 0 ? ` and ${more} more` : ""})` : ""}`,
      );
    }
  } else if (target.serviceUnits !== null) {
    if (new Decimal(totals.performedUnits).lt(target.serviceUnits)) {
      problems.push(`${count(totals.performedUnits)} of ${target.serviceUnits} ${target.serviceUnitLabel} of service performed`);
    }
  } else if (new Decimal(totals.performedValue).lt(target.value)) {
    problems.push(`${usd(totals.performedValue)} of ${usd(target.value)} of services performed`);
  }
  return problems;
}

export function checkCompletion(
  target: LineTarget,
  totals: LineTotals,
  status: LineStatus,
  input: { outcome: LineOutcome; reason?: string | null },
): { ok: true; unmet: string[] } | Refusal {
  if (status === "SUPPLY_COMPLETE") return conflict(`Line ${target.lineNumber} is already supply/services complete`);
  if (status === "CANCELLED") return conflict(`Line ${target.lineNumber} is already cancelled`);
  const reason = input.reason?.trim() ?? "";
  if (input.outcome === "CANCELLED") {
    if (!reason) return field("reason", `Give the reason for cancelling line ${target.lineNumber}`);
    return { ok: true, unmet: sscProblems(target, totals) };
  }
  const unmet = sscProblems(target, totals);
  if (unmet.length > 0 && !reason) {
    return conflict(
      `Line ${target.lineNumber} is not yet accounted for: ${unmet.join("; ")}. Give a reason to declare it supply/services complete anyway.`,
    );
  }
  return { ok: true, unmet };
}

// ---- MILSTRIP document numbers and priorities -----------------------------------------------------------------

/**
 * A MILSTRIP requisition document number for an FMS requisition (DLM 4000.25-1, Chapter 6 and Appendix 3.3: record
 * positions 30–43 of the requisition), 14 characters:
 *   1     service (implementing agency) code, e.g. B Army, D Air Force, P Navy
 *   2–3   the purchaser's country code
 *   4–6   mark-for code, delivery term code and type of assistance (letters or digits)
 *   7–10  the ordinal date it was cut: last digit of the year and day of the year (6169 = 18 June 2026)
 *   11–14 serial number
 * Caseway checks the shape, the service and country codes of the case, and that the date is a real day not in the
 * future; it does not check the codes in positions 4–6 against MILSTRIP tables.
 */
export const DOCUMENT_NUMBER_PATTERN = /^[A-Z][A-Z0-9]{2}[A-Z0-9]{3}\d{4}[A-Z0-9]{4}$/;

export const normalizeDocumentNumber = (value: string) => value.replace(/[\s-]/g, "").toUpperCase();

/**
 * The calendar day a YDDD ordinal date names: day DDD of the latest year ending in Y that is not after `today`'s
 * year. Null when there is no such day, or it is after `today` (a document is not cut in the future).
 */
export function ordinalDateOf(yddd: string, today: string): string | null {
  if (!/^\d{4}$/.test(yddd)) return null;
  const currentYear = Number(today.slice(0, 4));
  const year = currentYear - (((currentYear - Number(yddd[0])) % 10) + 10) % 10;
  const dayOfYear = Number(yddd.slice(1));
  const daysInYear = new Date(Date.UTC(year, 1, 29)).getUTCMonth() === 1 ? 366 : 365;
  if (dayOfYear < 1 || dayOfYear > daysInYear) return null;
  const day = new Date(Date.UTC(year, 0, dayOfYear)).toISOString().slice(0, 10);
  return day > today ? null : day;
}

/** The ordinal date of a day: "6169" for 2026-06-18. */
export function ordinalDate(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const start = Date.UTC(date.getUTCFullYear(), 0, 1);
  const dayOfYear = Math.round((date.getTime() - start) / 86_400_000) + 1;
  return `${day[3]}${String(dayOfYear).padStart(3, "0")}`;
}

/** Builds a document number from its parts (for the demo and the form's example). */
export function milstripDocumentNumber(parts: {
  serviceCode: string;
  countryCode: string;
  markFor?: string;
  deliveryTerm?: string;
  typeOfAssistance?: string;
  day: string;
  serial: number | string;
}): string {
  const serial = typeof parts.serial === "number" ? String(parts.serial).padStart(4, "0") : parts.serial;
  return `${parts.serviceCode}${parts.countryCode}${parts.markFor ?? "A"}${parts.deliveryTerm ?? "2"}${parts.typeOfAssistance ?? "3"}${ordinalDate(parts.day)}${serial}`.toUpperCase();
}

/**
 * Why `value` is not a document number for this case, or null when it is. The service and country codes are checked
 * when the agency's and the purchaser's codes are the one and two characters MILSTRIP carries.
 */
export function documentNumberProblem(value: string, codes: { serviceCode: string; countryCode: string }, today: string): string | null {
  const number = normalizeDocumentNumber(value);
  if (!DOCUMENT_NUMBER_PATTERN.test(number)) {
    return "A document number has 14 letters and digits: service code, country code, 3 codes, the ordinal date (YDDD) and a 4-character serial";
  }
  if (codes.serviceCode.length === 1 && number[0] !== codes.serviceCode.toUpperCase()) {
    return `A document number on this case starts with the implementing agency's service code ${codes.serviceCode.toUpperCase()}`;
  }
  if (codes.countryCode.length === 2 && number.slice(1, 3) !== codes.countryCode.toUpperCase()) {
    return `Positions 2–3 of the document number are the country code ${codes.countryCode.toUpperCase()}`;
  }
  if (!ordinalDateOf(number.slice(6, 10), today)) {
    return "Positions 7–10 of the document number are the ordinal date it was cut (year digit and day 001–366), not in the future";
  }
  return null;
}

/** UMMIPS priority designators: 01 is the most urgent, 15 the least (set from the FAD and the urgency of need). */
export const UMMIPS_PRIORITIES = Array.from({ length: 15 }, (_, i) => String(i + 1).padStart(2, "0")) as readonly string[];

export function priorityLabel(priority: string): string {
  const n = Number(priority);
  return `${priority} — ${n <= 3 ? "emergency" : n <= 8 ? "priority" : "routine"}`;
}
