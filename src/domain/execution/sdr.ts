import Decimal from "decimal.js";
import { formatUsd } from "../money";
import { dueDate, isoDay, ruleInForce, type SlaRule } from "../sla";

// Supply Discrepancy Reports (SF 364, fms-domain.md §11): the partner reports a shipment that arrived short, over,
// damaged, wrong, deficient or wrongly billed; the implementing agency decides; the partner may ask once for
// reconsideration. Every limit is an effective-dated policy row (sla_rules, pricing_rates), never a constant here: the
// row in force when a clock starts is the one that applies to it (delivery for the filing window, filing or the
// reconsideration request for the decision target, the decision for the reconsideration window).

export const SDR_TYPES = ["SHORTAGE", "OVERAGE", "DAMAGE", "WRONG_ITEM", "QUALITY_DEFICIENCY", "BILLING_ERROR"] as const;
export type SdrType = (typeof SDR_TYPES)[number];

export const SDR_TYPE_LABELS: Record<SdrType, string> = {
  SHORTAGE: "Shortage",
  OVERAGE: "Overage",
  DAMAGE: "Damage",
  WRONG_ITEM: "Wrong item",
  QUALITY_DEFICIENCY: "Quality deficiency",
  BILLING_ERROR: "Billing error",
};

export const SDR_TYPE_HINTS: Record<SdrType, string> = {
  SHORTAGE: "Fewer items arrived than were shipped",
  OVERAGE: "More items arrived than were shipped",
  DAMAGE: "Items arrived damaged",
  WRONG_ITEM: "A different item arrived from the one ordered",
  QUALITY_DEFICIENCY: "Items arrived but do not work or do not meet the specification",
  BILLING_ERROR: "The shipment was billed wrongly (no quantity needed)",
};

export const SDR_STATUSES = ["SUBMITTED", "DECIDED", "RECONSIDERATION_REQUESTED", "CLOSED"] as const;
export type SdrStatus = (typeof SDR_STATUSES)[number];

export const SDR_STATUS_LABELS: Record<SdrStatus, string> = {
  SUBMITTED: "Waiting for the agency's decision",
  DECIDED: "Decided",
  RECONSIDERATION_REQUESTED: "Reconsideration requested",
  CLOSED: "Closed (final decision)",
};

/** The reports waiting on the implementing agency: its My tasks list and the case's closure blockers. */
export const SDR_OPEN_STATUSES: readonly SdrStatus[] = ["SUBMITTED", "RECONSIDERATION_REQUESTED"];
export const isSdrOpen = (status: SdrStatus) => SDR_OPEN_STATUSES.includes(status);

export const SDR_DECISIONS = ["CREDIT", "REPLACEMENT", "REPAIR_AND_RETURN", "REJECTED"] as const;
export type SdrDecision = (typeof SDR_DECISIONS)[number];

export const SDR_DECISION_LABELS: Record<SdrDecision, string> = {
  CREDIT: "Credit to the case",
  REPLACEMENT: "Replacement",
  REPAIR_AND_RETURN: "Repair and return",
  REJECTED: "Rejected",
};

/** The policy rows SDRs read: sla_rules for the periods, pricing_rates for the minimum value. */
export const SDR_RULE_KEYS = {
  filingWindow: "SDR_FILING_WINDOW",
  decision: "SDR_DECISION",
  reconsideration: "SDR_RECONSIDERATION",
  minimumValue: "SDR_MINIMUM_VALUE",
} as const;

export const MAX_ATTACHMENTS_PER_SDR = 20;

/** "SDR-BN-B-AAA-1": the report's number within its case, as the partner quotes it. */
export const sdrReference = (caseIdentifier: string, number: number) => `SDR-${caseIdentifier}-${number}`;

/** An sla_rules row as SDRs read it: with its id (stored with the due date) and its source (named in refusals). */
export interface SdrPolicyRule extends SlaRule {
  id: string;
  source: string;
}

/** A pricing_rates row: `value` in dollars for SDR_MINIMUM_VALUE. */
export interface SdrPolicyRate {
  key: string;
  value: string;
  effectiveFrom: Date;
  /** Exclusive, as in pricing/rates.ts. */
  effectiveTo: Date | null;
  source: string;
}

export interface SdrPolicy {
  rules: readonly SdrPolicyRule[];
  rates: readonly SdrPolicyRate[];
}

/** The rate row in force on `on` (the latest that started on or before it and has not ended). */
export function rateRowOn(rates: readonly SdrPolicyRate[], key: string, on: Date): SdrPolicyRate | null {
  let best: SdrPolicyRate | null = null;
  for (const row of rates) {
    if (row.key !== key || row.effectiveFrom > on || (row.effectiveTo !== null && row.effectiveTo <= on)) continue;
    if (!best || row.effectiveFrom > best.effectiveFrom) best = row;
  }
  return best;
}

const dayWord = (rule: Pick<SlaRule, "days" | "dayKind">) =>
  `${rule.days} ${rule.dayKind === "BUSINESS" ? "business" : "calendar"} day${rule.days === 1 ? "" : "s"}`;

/** How a refusal names the rule behind it: its key and where it comes from. */
const citing = (key: string, source: string) => `Rule ${key}: ${source}.`;

/** Why a report cannot be filed (or a step taken): the rule, the field it concerns and its source, in plain words. */
export interface SdrRefusal {
  rule: string;
  field: string;
  message: string;
  /** The policy row's source; null for rules of the report itself (e.g. the quantity cannot exceed the shipment). */
  source: string | null;
}

// ---- Filing -----------------------------------------------------------------------------------------------------

export interface FilingShipment {
  status: "SHIPPED" | "IN_TRANSIT" | "RECEIVED";
  receivedOn: Date | null;
  quantity: number;
  /** The shipment's value, exact dollars. */
  value: string;
}

export interface FilingInput {
  type: SdrType;
  quantityAffected: number | null;
  valueAffected: string;
  informationOnly: boolean;
}

/** The last day a report on a shipment received on `receivedOn` may be filed, with the rule that sets it. */
export function filingDeadline(receivedOn: Date, policy: SdrPolicy): { lastDay: string; rule: SdrPolicyRule } | null {
  const rule = ruleInForce(policy.rules, SDR_RULE_KEYS.filingWindow, receivedOn);
  return rule ? { lastDay: isoDay(dueDate(receivedOn, rule)), rule } : null;
}

export type FilingOutcome =
  | { ok: true; lastDay: string; windowRule: SdrPolicyRule; minimum: SdrPolicyRate }
  | { ok: false; refusals: SdrRefusal[] };

/**
 * Whether a report may be filed `now`: the shipment has been received; today is within the filing window counted from
 * the receipt date; the value is at least the minimum unless the report is for information only; the quantity (needed
 * except for billing errors) and the value are no more than the shipment's. Every refusal is listed, each naming its
 * rule, so the partner fixes everything at once.
 */
export function checkFiling(shipment: FilingShipment, input: FilingInput, policy: SdrPolicy, now: Date): FilingOutcome {
  const refusals: SdrRefusal[] = [];
  let window: { lastDay: string; rule: SdrPolicyRule } | null = null;

  if (shipment.status !== "RECEIVED" || shipment.receivedOn === null) {
    refusals.push({
      rule: "SHIPMENT_RECEIVED",
      field: "shipmentId",
      message: `Only a received shipment can be reported: this one is ${shipment.status === "IN_TRANSIT" ? "in transit" : "shipped but not yet received"}. Record its receipt first.`,
      source: null,
    });
  } else {
    window = filingDeadline(shipment.receivedOn, policy);
    if (!window) {
      refusals.push({
        rule: SDR_RULE_KEYS.filingWindow,
        field: "shipmentId",
        message: `No filing window (${SDR_RULE_KEYS.filingWindow}) was in force on ${isoDay(shipment.receivedOn)}; an administrator must add one.`,
        source: null,
      });
    } else if (isoDay(now) > window.lastDay) {
      refusals.push({
        rule: SDR_RULE_KEYS.filingWindow,
        field: "shipmentId",
        message: `A discrepancy must be reported within ${dayWord(window.rule)} of delivery: this shipment was received on ${isoDay(shipment.receivedOn)}, so the last day to report it was ${window.lastDay}. ${citing(window.rule.key, window.rule.source)}`,
        source: window.rule.source,
      });
    }
  }

  const minimum = rateRowOn(policy.rates, SDR_RULE_KEYS.minimumValue, now);
  const value = new Decimal(input.valueAffected);
  if (!minimum) {
    refusals.push({
      rule: SDR_RULE_KEYS.minimumValue,
      field: "valueAffected",
      message: `No minimum value (${SDR_RULE_KEYS.minimumValue}) is in force on ${isoDay(now)}; an administrator must add one.`,
      source: null,
    });
  } else if (!input.informationOnly && value.lt(minimum.value)) {
    refusals.push({
      rule: SDR_RULE_KEYS.minimumValue,
      field: "valueAffected",
      message: `Reports under ${formatUsd(new Decimal(minimum.value).toFixed(2))} are accepted for information only: this one is for ${formatUsd(value.toFixed(2))}. Mark it information only, or report at least ${formatUsd(new Decimal(minimum.value).toFixed(2))}. ${citing(minimum.key, minimum.source)}`,
      source: minimum.source,
    });
  }

  if (input.quantityAffected === null) {
    if (input.type !== "BILLING_ERROR") {
      refusals.push({
        rule: "QUANTITY_REQUIRED",
        field: "quantityAffected",
        message: "Enter how many items are affected (only a billing error may leave it empty).",
        source: null,
      });
    }
  } else if (input.quantityAffected > shipment.quantity) {
    refusals.push({
      rule: "QUANTITY_WITHIN_SHIPMENT",
      field: "quantityAffected",
      message: `The quantity affected (${input.quantityAffected}) is more than the ${shipment.quantity} shipped.`,
      source: null,
    });
  }

  if (value.gt(shipment.value)) {
    refusals.push({
      rule: "VALUE_WITHIN_SHIPMENT",
      field: "valueAffected",
      message: `The value affected (${formatUsd(value.toFixed(2))}) is more than the shipment's value (${formatUsd(new Decimal(shipment.value).toFixed(2))}).`,
      source: null,
    });
  }

  if (refusals.length > 0) return { ok: false, refusals };
  return { ok: true, lastDay: window!.lastDay, windowRule: window!.rule, minimum: minimum! };
}

// ---- Decision target --------------------------------------------------------------------------------------------

/** When the agency's decision falls due for a clock started at `from` (filing, or a reconsideration request). */
export function decisionDue(policy: SdrPolicy, from: Date): { dueAt: Date; rule: SdrPolicyRule } | null {
  const rule = ruleInForce(policy.rules, SDR_RULE_KEYS.decision, from);
  return rule ? { dueAt: dueDate(from, rule), rule } : null;
}

// ---- The status machine -----------------------------------------------------------------------------------------

export interface SdrSnapshot {
  status: SdrStatus;
  informationOnly: boolean;
  valueAffected: string;
  decision: SdrDecision | null;
  decidedAt: Date | null;
  reconsiderationRequestedAt: Date | null;
}

export type SdrStepResult<T> =
  | ({ ok: true } & T)
  | { ok: false; kind: "conflict"; message: string; rule: string; source: string | null }
  | { ok: false; kind: "invalid"; field: string; message: string; rule: string };

export interface DecisionInput {
  decision: SdrDecision;
  creditAmount: string | null;
  reason: string | null;
}

/**
 * The agency's decision: on a submitted report it is the first decision (→ DECIDED); on a reconsideration request it
 * is final (→ CLOSED). A credit carries an amount above zero and at most the value affected, and is not granted on an
 * information-only report (which asks for none); only a credit has an amount; a rejection needs its reason.
 */
export function decideStep(
  sdr: SdrSnapshot,
  input: DecisionInput,
): SdrStepResult<{ status: SdrStatus; final: boolean; creditAmount: string | null }> {
  if (sdr.status !== "SUBMITTED" && sdr.status !== "RECONSIDERATION_REQUESTED") {
    return {
      ok: false,
      kind: "conflict",
      rule: "SDR_DECIDE_ONCE",
      source: null,
      message:
        sdr.status === "CLOSED"
          ? "This report is closed: its final decision has been made."
          : "This report has been decided. It can be decided again only if the partner asks for reconsideration.",
    };
  }
  if (input.decision === "CREDIT") {
    if (sdr.informationOnly) {
      return { ok: false, kind: "invalid", field: "decision", rule: "SDR_INFORMATION_ONLY", message: "An information-only report asks for no credit; choose another decision." };
    }
    if (input.creditAmount === null || new Decimal(input.creditAmount).lte(0)) {
      return { ok: false, kind: "invalid", field: "creditAmount", rule: "SDR_CREDIT_AMOUNT", message: "Enter the amount to credit to the case." };
    }
    if (new Decimal(input.creditAmount).gt(sdr.valueAffected)) {
      return {
        ok: false,
        kind: "invalid",
        field: "creditAmount",
        rule: "SDR_CREDIT_WITHIN_VALUE",
        message: `The credit (${formatUsd(new Decimal(input.creditAmount).toFixed(2))}) cannot be more than the value affected (${formatUsd(new Decimal(sdr.valueAffected).toFixed(2))}).`,
      };
    }
  } else if (input.creditAmount !== null) {
    return { ok: false, kind: "invalid", field: "creditAmount", rule: "SDR_CREDIT_AMOUNT", message: "Only a credit has an amount; leave it empty for this decision." };
  }
  if (input.decision === "REJECTED" && !input.reason?.trim()) {
    return { ok: false, kind: "invalid", field: "reason", rule: "SDR_REJECTION_REASON", message: "Give the reason for rejecting the report; the partner reads it." };
  }
  const final = sdr.status === "RECONSIDERATION_REQUESTED";
  return {
    ok: true,
    status: final ? "CLOSED" : "DECIDED",
    final,
    creditAmount: input.decision === "CREDIT" ? new Decimal(input.creditAmount!).toFixed(2) : null,
  };
}

/** The last day the partner may ask for reconsideration of the decision, with the rule in force when it was made. */
export function reconsiderationDeadline(
  sdr: Pick<SdrSnapshot, "decidedAt">,
  policy: SdrPolicy,
): { lastDay: string; rule: SdrPolicyRule } | null {
  if (!sdr.decidedAt) return null;
  const rule = ruleInForce(policy.rules, SDR_RULE_KEYS.reconsideration, sdr.decidedAt);
  return rule ? { lastDay: isoDay(dueDate(sdr.decidedAt, rule)), rule } : null;
}

/** The partner's request for reconsideration: once, of a decided report, within the window from the decision. */
export function reconsiderStep(sdr: SdrSnapshot, policy: SdrPolicy, now: Date): SdrStepResult<{ status: "RECONSIDERATION_REQUESTED"; lastDay: string }> {
  if (sdr.reconsiderationRequestedAt !== null) {
    return {
      ok: false,
      kind: "conflict",
      rule: "SDR_RECONSIDERATION_ONCE",
      source: null,
      message: `Reconsideration can be asked for once, and was asked for on ${isoDay(sdr.reconsiderationRequestedAt)}.`,
    };
  }
  if (sdr.status !== "DECIDED") {
    return {
      ok: false,
      kind: "conflict",
      rule: "SDR_RECONSIDERATION_AFTER_DECISION",
      source: null,
      message: sdr.status === "SUBMITTED" ? "The agency has not decided this report yet; reconsideration follows a decision." : "This report is closed.",
    };
  }
  const deadline = reconsiderationDeadline(sdr, policy);
  if (!deadline) {
    return {
      ok: false,
      kind: "conflict",
      rule: SDR_RULE_KEYS.reconsideration,
      source: null,
      message: `No reconsideration window (${SDR_RULE_KEYS.reconsideration}) was in force when the report was decided; an administrator must add one.`,
    };
  }
  if (isoDay(now) > deadline.lastDay) {
    return {
      ok: false,
      kind: "conflict",
      rule: SDR_RULE_KEYS.reconsideration,
      source: deadline.rule.source,
      message: `Reconsideration must be asked for within ${dayWord(deadline.rule)} of the decision: it was decided on ${isoDay(sdr.decidedAt!)}, so the last day was ${deadline.lastDay}. ${citing(deadline.rule.key, deadline.rule.source)}`,
    };
  }
  return { ok: true, status: "RECONSIDERATION_REQUESTED", lastDay: deadline.lastDay };
}

/**
 * The partner accepts the agency's decision as final, giving up the reconsideration they could still ask for: the
 * report closes now rather than when the window ends (and no longer holds up the case's closure).
 */
export function acceptDecisionStep(sdr: SdrSnapshot): SdrStepResult<{ status: "CLOSED" }> {
  if (sdr.status !== "DECIDED") {
    return {
      ok: false,
      kind: "conflict",
      rule: "SDR_ACCEPT_AFTER_DECISION",
      source: null,
      message: sdr.status === "CLOSED" ? "This report is closed." : "A decision can be accepted once the agency has made it.",
    };
  }
  return { ok: true, status: "CLOSED" };
}

/** Whose move it is: the agency's while submitted or reconsidered, the partner's while a decision may be contested. */
export function sdrWaitingOn(sdr: SdrSnapshot, policy: SdrPolicy, now: Date): "AGENCY" | "PARTNER" | null {
  if (isSdrOpen(sdr.status)) return "AGENCY";
  return reconsiderStep(sdr, policy, now).ok ? "PARTNER" : null;
}

/** The policy in force on `on`, in plain words, for the filing form ("the rules shown up front"). */
export function sdrRulesInWords(policy: SdrPolicy, on: Date): { key: string; text: string; source: string }[] {
  const out: { key: string; text: string; source: string }[] = [];
  const window = ruleInForce(policy.rules, SDR_RULE_KEYS.filingWindow, on);
  if (window) out.push({ key: window.key, source: window.source, text: `Report a discrepancy within ${dayWord(window)} of the day the shipment was received.` });
  const minimum = rateRowOn(policy.rates, SDR_RULE_KEYS.minimumValue, on);
  if (minimum) {
    out.push({
      key: minimum.key,
      source: minimum.source,
      text: `A report must be for at least ${formatUsd(new Decimal(minimum.value).toFixed(2))}, unless you send it for information only (no credit or replacement is then asked for).`,
    });
  }
  const decision = ruleInForce(policy.rules, SDR_RULE_KEYS.decision, on);
  if (decision) out.push({ key: decision.key, source: decision.source, text: `The implementing agency aims to decide within ${dayWord(decision)} of filing.` });
  const reconsideration = ruleInForce(policy.rules, SDR_RULE_KEYS.reconsideration, on);
  if (reconsideration) {
    out.push({
      key: reconsideration.key,
      source: reconsideration.source,
      text: `If you disagree with the decision, you may ask once for reconsideration, within ${dayWord(reconsideration)} of the decision.`,
    });
  }
  return out;
}
