import Decimal from "decimal.js";
import { formatRate } from "../pricing/price";
import type { LoaContent, LoaLine } from "./content";

// Changes after the offer (fms-domain.md §7.1, §8): each difference between the document in force and the proposed
// version is administrative, price-only or scope; scope needs the purchaser's acceptance (Amendment), adding major
// or significant military equipment usually needs a new LOA, and the rest is a USG Modification. A person confirms.

export const CHANGE_KINDS = ["ADMINISTRATIVE", "PRICE", "SCOPE", "NEW_LOA"] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];
export const CHANGE_KIND_LABELS: Record<ChangeKind, string> = {
  ADMINISTRATIVE: "Administrative",
  PRICE: "Price only",
  SCOPE: "Scope",
  NEW_LOA: "Needs a new LOA",
};

export const CHANGE_PROPOSALS = ["NONE", "MODIFICATION", "AMENDMENT", "NEW_LOA"] as const;
export type ChangeProposal = (typeof CHANGE_PROPOSALS)[number];
export const CHANGE_PROPOSAL_LABELS: Record<ChangeProposal, string> = {
  NONE: "No change yet",
  MODIFICATION: "Modification",
  AMENDMENT: "Amendment",
  NEW_LOA: "New LOA",
};

export interface LoaChange {
  kind: ChangeKind;
  /** The line it concerns, or null for the document. */
  lineNumber: string | null;
  field: string;
  before: string | null;
  after: string | null;
  description: string;
}

export interface ChangeClassification {
  changes: LoaChange[];
  proposal: ChangeProposal;
  reason: string;
}

const show = (value: unknown): string | null => (value === null || value === undefined || value === "" ? null : String(value));
const same = (a: unknown, b: unknown) => show(a) === show(b);

/** Fields whose change alters what is provided (scope), what it costs (price) or only how it is described. */
export const LINE_FIELDS: { field: keyof LoaLine; label: string; kind: ChangeKind | "QUANTITY" | "VALUE" }[] = [
  { field: "genericCode", label: "MASL generic code", kind: "SCOPE" },
  { field: "maslNumber", label: "MASL number", kind: "SCOPE" },
  { field: "quantity", label: "quantity", kind: "QUANTITY" },
  { field: "value", label: "value", kind: "VALUE" },
  { field: "unitCost", label: "unit cost", kind: "PRICE" },
  { field: "sourceOfSupply", label: "source of supply", kind: "PRICE" },
  { field: "typeOfAssistance", label: "type of assistance", kind: "PRICE" },
  { field: "deliveryTermCode", label: "delivery term code", kind: "PRICE" },
  { field: "procurementShare", label: "procurement share", kind: "PRICE" },
  { field: "ncPerUnit", label: "nonrecurring cost per unit", kind: "PRICE" },
  { field: "ncWaived", label: "nonrecurring-cost waiver", kind: "PRICE" },
  { field: "mde", label: "major defense equipment flag", kind: "SCOPE" },
  { field: "sme", label: "significant military equipment flag", kind: "SCOPE" },
  { field: "designConstruction", label: "design and construction flag", kind: "SCOPE" },
  { field: "description", label: "description", kind: "ADMINISTRATIVE" },
  { field: "unitOfIssue", label: "unit of issue", kind: "ADMINISTRATIVE" },
  { field: "monthsOfService", label: "months of service", kind: "ADMINISTRATIVE" },
  { field: "note", label: "line note", kind: "ADMINISTRATIVE" },
  { field: "internalNote", label: "internal pricing note", kind: "ADMINISTRATIVE" },
  { field: "ncWaiverReason", label: "waiver reason", kind: "ADMINISTRATIVE" },
];

export function classifyChanges(base: LoaContent, draft: LoaContent): ChangeClassification {
  const changes: LoaChange[] = [];
  const add = (change: LoaChange) => changes.push(change);
  const baseLines = new Map(base.lines.map((line) => [line.lineNumber, line]));
  const draftNumbers = new Set(draft.lines.map((line) => line.lineNumber));

  for (const line of draft.lines) {
    const before = baseLines.get(line.lineNumber);
    if (!before) {
      const equipment = line.mde || line.sme;
      add({
        kind: equipment ? "NEW_LOA" : "SCOPE",
        lineNumber: line.lineNumber,
        field: "line",
        before: null,
        after: line.description,
        description: equipment
          ? `Adds line ${line.lineNumber} with ${line.mde ? "major defense" : "significant military"} equipment, which normally needs a new LOA`
          : `Adds line ${line.lineNumber} (${line.description || "no description"})`,
      });
      continue;
    }
    for (const { field, label, kind } of LINE_FIELDS) {
      if (same(before[field], line[field])) continue;
      const change = { lineNumber: line.lineNumber, field, before: show(before[field]), after: show(line[field]) };
      if (kind === "QUANTITY" || kind === "VALUE") {
        const up = new Decimal(line[field] as number | string | null ?? 0).gt(new Decimal(before[field] as number | string | null ?? 0));
        const priceOnly = kind === "VALUE" && up && line.priceOnlyIncrease;
        add({
          ...change,
          kind: priceOnly ? "PRICE" : "SCOPE",
          description: priceOnly
            ? `Raises line ${line.lineNumber}'s value from ${change.before} to ${change.after} for a price increase on the same items`
            : `${up ? "Increases" : "Reduces"} line ${line.lineNumber}'s ${label} from ${change.before ?? "none"} to ${change.after ?? "none"}`,
        });
      } else if ((field === "mde" || field === "sme") && line[field] === true) {
        add({ ...change, kind: "NEW_LOA", description: `Makes line ${line.lineNumber} ${label.replace(" flag", "")}, which normally needs a new LOA` });
      } else {
        add({ ...change, kind: kind as ChangeKind, description: `Changes line ${line.lineNumber}'s ${label}` });
      }
    }
  }
  for (const line of base.lines) {
    if (!draftNumbers.has(line.lineNumber)) {
      add({ kind: "SCOPE", lineNumber: line.lineNumber, field: "line", before: line.description, after: null, description: `Removes line ${line.lineNumber}` });
    }
  }

  if (!same(JSON.stringify(base.termsOfSale), JSON.stringify(draft.termsOfSale))) {
    add({
      kind: "SCOPE",
      lineNumber: null,
      field: "termsOfSale",
      before: base.termsOfSale.map((t) => t.term).join(", "),
      after: draft.termsOfSale.map((t) => t.term).join(", "),
      description: "Changes the terms of sale, which the purchaser must accept",
    });
  }
  if (!same(base.initialDepositPercent, draft.initialDepositPercent) || base.paymentQuarters !== draft.paymentQuarters) {
    add({ kind: "PRICE", lineNumber: null, field: "paymentSchedule", before: null, after: null, description: "Changes the payment schedule" });
  }
  for (const [field, label] of [
    ["description", "case description"],
    ["customerReference", "customer reference"],
  ] as const) {
    if (!same(base[field], draft[field])) {
      add({ kind: "ADMINISTRATIVE", lineNumber: null, field, before: show(base[field]), after: show(draft[field]), description: `Changes the ${label}` });
    }
  }
  if (!same(JSON.stringify(base.notes), JSON.stringify(draft.notes))) {
    add({ kind: "ADMINISTRATIVE", lineNumber: null, field: "notes", before: null, after: null, description: "Changes the LOA notes" });
  }

  return { changes, ...propose(changes) };
}

function propose(changes: readonly LoaChange[]): { proposal: ChangeProposal; reason: string } {
  const first = (kind: ChangeKind) => changes.find((change) => change.kind === kind);
  const equipment = first("NEW_LOA");
  if (equipment) return { proposal: "NEW_LOA", reason: `${equipment.description} (SAMM C6.7).` };
  const scope = first("SCOPE");
  if (scope) return { proposal: "AMENDMENT", reason: `${scope.description}: a change of scope needs the purchaser's acceptance.` };
  if (changes.length > 0) {
    return {
      proposal: "MODIFICATION",
      reason: first("PRICE")
        ? "Only prices, payments or descriptions change and the scope stays the same, so the U.S. Government can issue a Modification without the purchaser's signature."
        : "Only administrative details change, so the U.S. Government can issue a Modification without the purchaser's signature.",
    };
  }
  return { proposal: "NONE", reason: "Nothing differs from the document in force." };
}

/** The document types a person may confirm for a proposal: never weaker than the classification. */
export function confirmableTypes(proposal: ChangeProposal): ("MODIFICATION" | "AMENDMENT")[] {
  if (proposal === "MODIFICATION") return ["MODIFICATION", "AMENDMENT"];
  if (proposal === "AMENDMENT" || proposal === "NEW_LOA") return ["AMENDMENT"];
  return [];
}

export interface RateLockViolation {
  lineNumber: string;
  field: "quantity" | "value" | "lineNumber";
  message: string;
}

/**
 * Rate lock (DSCA 13-60, 18-48, 24-08): a line accepted at a rate keeps it, so more of it must go on a new line at
 * the current rate; and cutting a line to re-add the same item on a new line at a lower rate is refused.
 */
export function rateLockViolations(base: LoaContent, draft: LoaContent, currentAdminRate: string): RateLockViolation[] {
  const violations: RateLockViolation[] = [];
  const baseLines = new Map(base.lines.map((line) => [line.lineNumber, line]));
  const rule = (line: LoaLine) =>
    `Line ${line.lineNumber} was accepted at ${formatRate(line.adminRate!)} and keeps that rate; more scope must go on a new line at the current rate (${formatRate(currentAdminRate)})`;
  /** Locked lines the draft reduces or removes, by MASL. */
  const reduced = new Map<string, LoaLine>();
  const maslOf = (line: LoaLine) => `${line.genericCode} ${line.maslNumber}`;
  for (const line of draft.lines) {
    const before = baseLines.get(line.lineNumber);
    if (!before || before.adminRate === null) continue;
    if (before.quantity !== null && line.quantity !== null && line.quantity > before.quantity) {
      violations.push({ lineNumber: line.lineNumber, field: "quantity", message: `${rule(before)}. Keep the quantity at ${before.quantity} and add a line for the extra ${line.quantity - before.quantity}.` });
    }
    if (before.value !== null && line.value !== null && new Decimal(line.value).gt(before.value) && !line.priceOnlyIncrease) {
      violations.push({
        lineNumber: line.lineNumber,
        field: "value",
        message: `${rule(before)}. If the same items simply cost more, mark the increase as a price change; if it buys more, add a new line.`,
      });
    }
    const smaller =
      (before.quantity !== null && line.quantity !== null && line.quantity < before.quantity) ||
      (before.value !== null && line.value !== null && new Decimal(line.value).lt(before.value));
    if (smaller && !reduced.has(maslOf(before))) reduced.set(maslOf(before), before);
  }
  // Removing a line is the furthest a line can be reduced.
  const draftNumbers = new Set(draft.lines.map((line) => line.lineNumber));
  const removed = new Set(base.lines.filter((line) => !draftNumbers.has(line.lineNumber)).map((line) => line.lineNumber));
  for (const line of base.lines) {
    if (removed.has(line.lineNumber) && line.adminRate !== null && !reduced.has(maslOf(line))) reduced.set(maslOf(line), line);
  }
  for (const line of draft.lines) {
    const masl = maslOf(line);
    const reducedLine = reduced.get(masl);
    if (!baseLines.has(line.lineNumber) && reducedLine && new Decimal(reducedLine.adminRate!).gt(currentAdminRate)) {
      violations.push({
        lineNumber: line.lineNumber,
        field: "lineNumber",
        message: `Line ${line.lineNumber} re-adds ${masl}, which line ${reducedLine.lineNumber} ${removed.has(reducedLine.lineNumber) ? "removes" : "reduces"}: moving the same item to a new line to get a lower rate is not allowed`,
      });
    }
  }
  return violations;
}

/**
 * The lines a save keeps: a line that was in force keeps its locked rate (the form never sets a rate), and the
 * "price-only increase" statement only means something on a change to lines in force.
 */
export function withLockedRates(
  lines: readonly Omit<LoaLine, "adminRate" | "rateLockedOn">[],
  inForce: readonly LoaLine[] | null,
): LoaLine[] {
  const locked = new Map((inForce ?? []).map((line) => [line.lineNumber, line]));
  return lines.map((line) => {
    const before = locked.get(line.lineNumber);
    return {
      ...line,
      adminRate: before?.adminRate ?? null,
      rateLockedOn: before?.rateLockedOn ?? null,
      priceOnlyIncrease: inForce ? line.priceOnlyIncrease : false,
    };
  });
}
