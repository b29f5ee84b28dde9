import Decimal from "decimal.js";
import { formatUsd, toAmount } from "../money";
import { NOTIFICATION_BASIS_LABELS, type NotificationBasis, type NotificationDetermination } from "../pricing/notification";
import { formatRate, type CostSummary, type PricedLine } from "../pricing/price";
import { classifyChanges, LINE_FIELDS, type ChangeKind, type ChangeProposal, type LoaChange } from "./changes";
import { isSubline, parentLineNumber, type DocumentType } from "./codes";
import type { LoaContent, LoaLine } from "./content";

// Two versions of an LOA side by side (issue 18 item 7): line by line what was added, removed and changed, each changed
// field with before and after, what each line adds to or takes from the case value, and whether the case crosses or
// leaves a congressional-notification threshold. The field-level kinds and the Amendment/Modification proposal are
// classifyChanges' own, so the comparison and the classifier can never disagree.

/** One version as it was priced on its own pricing day (src/server/loa/loa-store.ts priceContent). */
export interface PricedVersion {
  content: LoaContent;
  lines: readonly PricedLine[];
  summary: CostSummary;
  notification: NotificationDetermination;
}

export const LINE_STATUSES = ["ADDED", "REMOVED", "CHANGED", "UNCHANGED"] as const;
export type LineStatus = (typeof LINE_STATUSES)[number];
export const LINE_STATUS_LABELS: Record<LineStatus, string> = {
  ADDED: "Added",
  REMOVED: "Removed",
  CHANGED: "Changed",
  UNCHANGED: "Unchanged",
};

/** An exact amount before and after, and after minus before. A side without the line counts as zero. */
export interface AmountChange {
  before: string | null;
  after: string | null;
  difference: string;
}

export interface FieldChange {
  field: keyof LoaLine;
  label: string;
  kind: ChangeKind;
  before: string | null;
  after: string | null;
  description: string;
}

export interface LineComparison {
  lineNumber: string;
  status: LineStatus;
  /** The line as each version has it (null on the side without it). */
  before: LoaLine | null;
  after: LoaLine | null;
  /** A line with sublines: priced only through them, so its amounts are not added again to the case value. */
  isHeader: boolean;
  /** The classifier's change for an added or removed line (its kind says whether it needs an Amendment or a new LOA). */
  lineChange: LoaChange | null;
  fields: FieldChange[];
  /** Above the line: base + CAS + nonrecurring cost. */
  lineTotal: AmountChange;
  /** With its share of the below-the-line charges: what the line adds to the case value and the thresholds test. */
  loadedValue: AmountChange;
  adminRate: { before: string | null; after: string | null };
  /** The notification tests this line's value counts toward (its own flags or its header's), in either version. */
  countsToward: NotificationBasis[];
}

export const NOTIFICATION_EFFECTS = ["CROSSES", "LEAVES", "STILL_REQUIRED", "NOT_REQUIRED"] as const;
export type NotificationEffect = (typeof NOTIFICATION_EFFECTS)[number];

export interface ThresholdChange {
  basis: NotificationBasis;
  label: string;
  valueBefore: string;
  valueAfter: string;
  thresholdBefore: string;
  thresholdAfter: string;
  metBefore: boolean;
  metAfter: boolean;
  /** How much more the case may grow before this test requires notification (≤ 0 once met), in the later version. */
  headroomAfter: string;
}

export interface VersionComparison {
  identical: boolean;
  lines: LineComparison[];
  /** Changes to the document rather than a line: terms of sale, payment schedule, descriptions, notes. */
  documentChanges: LoaChange[];
  counts: Record<LineStatus, number>;
  costSummary: Record<keyof CostSummary, AmountChange>;
  notification: {
    effect: NotificationEffect;
    requiredBefore: boolean;
    requiredAfter: boolean;
    /** Why the later version needs notification, when it does. */
    reasons: string[];
    tests: ThresholdChange[];
  };
  classification: { proposal: ChangeProposal; reason: string };
}

const LABELS = new Map(LINE_FIELDS.map((entry) => [entry.field, entry.label]));

/** After minus before, exactly; a missing side is zero. */
export function amountChange(before: string | null, after: string | null): AmountChange {
  return { before, after, difference: toAmount(new Decimal(after ?? 0).minus(before ?? 0)) };
}

/**
 * What the partner may see of a version: no internal pricing notes on lines and no U.S. Government-internal LOA notes
 * (the same rule as the document view and the printed LOA), so a comparison never hints at a change they cannot see.
 */
export function withoutInternals(content: LoaContent): LoaContent {
  return {
    ...content,
    lines: content.lines.map((line) => ({ ...line, internalNote: null })),
    notes: content.notes.filter((note) => !note.internal),
  };
}

/** The notification tests a line counts toward, as notificationDetermination counts it: a header's flag covers its sublines. */
function basesOf(line: LoaLine, lines: ReadonlyMap<string, LoaLine>): NotificationBasis[] {
  const header = isSubline(line.lineNumber) ? lines.get(parentLineNumber(line.lineNumber)) : undefined;
  const bases: NotificationBasis[] = ["TOTAL"];
  if (line.mde || header?.mde) bases.push("MDE");
  if (line.designConstruction || header?.designConstruction) bases.push("DESIGN_CONSTRUCTION");
  return bases;
}

/**
 * Compares `from` with `to`. `internals: false` is the partner's comparison: internal notes are left out before the
 * versions are compared, so neither a line, a field nor the proposal reveals them.
 */
export function compareVersions(from: PricedVersion, to: PricedVersion, { internals }: { internals: boolean }): VersionComparison {
  const before = internals ? from.content : withoutInternals(from.content);
  const after = internals ? to.content : withoutInternals(to.content);
  const classification = classifyChanges(before, after);

  const beforeLines = new Map(before.lines.map((line) => [line.lineNumber, line]));
  const afterLines = new Map(after.lines.map((line) => [line.lineNumber, line]));
  const beforePrices = new Map(from.lines.map((line) => [line.lineNumber, line]));
  const afterPrices = new Map(to.lines.map((line) => [line.lineNumber, line]));
  // Line numbers order the LOA ("001" < "001a" < "002"), so the union sorts into the order both documents print.
  const numbers = [...new Set([...beforeLines.keys(), ...afterLines.keys()])].sort();

  const lines = numbers.map((lineNumber): LineComparison => {
    const was = beforeLines.get(lineNumber) ?? null;
    const now = afterLines.get(lineNumber) ?? null;
    const ownChanges = classification.changes.filter((change) => change.lineNumber === lineNumber);
    const lineChange = ownChanges.find((change) => change.field === "line") ?? null;
    const fields = ownChanges
      .filter((change) => change.field !== "line")
      .map((change) => ({
        field: change.field as keyof LoaLine,
        label: LABELS.get(change.field as keyof LoaLine) ?? change.field,
        kind: change.kind,
        before: change.before,
        after: change.after,
        description: change.description,
      }));
    const priceBefore = was ? beforePrices.get(lineNumber) : undefined;
    const priceAfter = now ? afterPrices.get(lineNumber) : undefined;
    const status: LineStatus = !was ? "ADDED" : !now ? "REMOVED" : fields.length > 0 ? "CHANGED" : "UNCHANGED";
    const bases = new Set([...(was ? basesOf(was, beforeLines) : []), ...(now ? basesOf(now, afterLines) : [])]);
    return {
      lineNumber,
      status,
      before: was,
      after: now,
      isHeader: (priceBefore?.isHeader ?? false) || (priceAfter?.isHeader ?? false),
      lineChange,
      fields,
      lineTotal: amountChange(priceBefore?.lineTotal ?? null, priceAfter?.lineTotal ?? null),
      loadedValue: amountChange(priceBefore?.loadedValue ?? null, priceAfter?.loadedValue ?? null),
      adminRate: { before: priceBefore?.adminRate ?? null, after: priceAfter?.adminRate ?? null },
      countsToward: (["TOTAL", "MDE", "DESIGN_CONSTRUCTION"] as const).filter((basis) => bases.has(basis)),
    };
  });

  const counts = Object.fromEntries(LINE_STATUSES.map((status) => [status, lines.filter((line) => line.status === status).length])) as Record<LineStatus, number>;
  const costSummary = Object.fromEntries(
    (Object.keys(from.summary) as (keyof CostSummary)[]).map((key) => [key, amountChange(from.summary[key], to.summary[key])]),
  ) as Record<keyof CostSummary, AmountChange>;

  const requiredBefore = from.notification.required;
  const requiredAfter = to.notification.required;
  const beforeTests = new Map(from.notification.tests.map((test) => [test.basis, test]));
  const tests = to.notification.tests.map((test): ThresholdChange => {
    const old = beforeTests.get(test.basis);
    return {
      basis: test.basis,
      label: NOTIFICATION_BASIS_LABELS[test.basis],
      valueBefore: old?.value ?? "0.00",
      valueAfter: test.value,
      thresholdBefore: old?.threshold ?? test.threshold,
      thresholdAfter: test.threshold,
      metBefore: old?.met ?? false,
      metAfter: test.met,
      headroomAfter: test.headroom,
    };
  });

  return {
    identical: classification.changes.length === 0 && costSummary.totalEstimatedCost.difference === "0.00",
    lines,
    documentChanges: classification.changes.filter((change) => change.lineNumber === null),
    counts,
    costSummary,
    notification: {
      effect: requiredAfter ? (requiredBefore ? "STILL_REQUIRED" : "CROSSES") : requiredBefore ? "LEAVES" : "NOT_REQUIRED",
      requiredBefore,
      requiredAfter,
      reasons: to.notification.reasons,
      tests,
    },
    classification: { proposal: classification.proposal, reason: classification.reason },
  };
}

// ---- plain language -------------------------------------------------------------------------------------------

/** "the basic LOA", "Amendment 1", "Modification 2", or "the proposed change" for a change not yet typed. */
export function versionLabel(type: DocumentType | null, documentNumber: number | null): string {
  if (type === "BASIC") return "the basic LOA";
  if (type === "AMENDMENT") return `Amendment ${documentNumber ?? ""}`.trim();
  if (type === "MODIFICATION") return `Modification ${documentNumber ?? ""}`.trim();
  return "the proposed change";
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const decapitalize = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** "a", "a and b", "a, b and c". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

const lineWords = (numbers: readonly string[]) => `${numbers.length === 1 ? "line" : "lines"} ${listInWords(numbers)}`;

/** A field's value as a person reads it: dollars for amounts, Yes/No for flags, a percent for the procurement share. */
export function formatFieldValue(field: keyof LoaLine, value: string | null): string {
  if (value === null) return "none";
  if (field === "unitCost" || field === "value" || field === "ncPerUnit") return formatUsd(value);
  if (field === "procurementShare") return formatRate(value);
  if (value === "true") return "Yes";
  if (value === "false") return "No";
  return value;
}

/**
 * The comparison in a few sentences, the most important first: what the later version does to the lines and the
 * document, what it does to the case value, and to congressional notification. E.g. "Compared with the basic LOA,
 * Amendment 1 adds line 004 and changes the quantity of line 002. The case value rises by $50,500.00 to $850,500.00. It
 * now needs congressional notification: …".
 */
export function describeComparison(comparison: VersionComparison, names: { from: string; to: string }): string[] {
  const subject = capitalize(names.to);
  const edits: string[] = [];
  const numbersWith = (status: LineStatus) => comparison.lines.filter((line) => line.status === status).map((line) => line.lineNumber);
  const added = numbersWith("ADDED");
  const removed = numbersWith("REMOVED");
  if (added.length) edits.push(`adds ${lineWords(added)}`);
  if (removed.length) edits.push(`removes ${lineWords(removed)}`);
  const changed = comparison.lines
    .filter((line) => line.status === "CHANGED")
    .map((line) => `the ${listInWords(line.fields.map((field) => field.label))} of line ${line.lineNumber}`);
  if (changed.length) edits.push(`changes ${listInWords(changed)}`);
  for (const change of comparison.documentChanges) edits.push(decapitalize(change.description));

  const sentences: string[] = [];
  const hasEdits = edits.length > 0;
  sentences.push(
    hasEdits
      ? `Compared with ${names.from}, ${names.to} ${listInWords(edits)}.`
      : `${subject} has the same lines, fields and notes as ${names.from}.`,
  );

  const total = comparison.costSummary.totalEstimatedCost;
  const difference = new Decimal(total.difference);
  const afterTotal = formatUsd(total.after);
  if (difference.isZero()) sentences.push(`The case value stays at ${afterTotal}.`);
  else {
    const movement = `${difference.isPositive() ? "rises" : "falls"} by ${formatUsd(difference.abs().toFixed(2))} to ${afterTotal}`;
    // Same content at another price: the versions are priced on different days, whose rates differ.
    sentences.push(hasEdits ? `The case value ${movement}.` : `The case value ${movement} because the two are priced on different days.`);
  }

  const { notification } = comparison;
  const why = notification.reasons.length ? `: ${listInWords(notification.reasons.map(decapitalize))}` : "";
  sentences.push(
    notification.effect === "CROSSES"
      ? `It now needs congressional notification${why}.`
      : notification.effect === "LEAVES"
        ? "It no longer needs congressional notification: no threshold is reached."
        : notification.effect === "STILL_REQUIRED"
          ? `It still needs congressional notification${why}.`
          : "Neither version needs congressional notification.",
  );
  return sentences;
}
