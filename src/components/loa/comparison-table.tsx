import type { ReactNode } from "react";
import { Tag } from "@/components/ui/card";
import { CHANGE_KIND_LABELS, type ChangeKind } from "@/domain/loa/changes";
import { formatFieldValue, LINE_STATUS_LABELS, type LineStatus } from "@/domain/loa/compare";
import { isSubline } from "@/domain/loa/codes";
import type { LoaLine } from "@/domain/loa/content";
import { formatUsd } from "@/domain/money";
import { NOTIFICATION_BASIS_LABELS } from "@/domain/pricing/notification";
import type { DocumentComparisonView } from "@/domain/schemas/loa";

type LineRow = DocumentComparisonView["lines"][number];
type Line = NonNullable<LineRow["before"]>;

const STATUS_TONES: Record<LineStatus, "success" | "error" | "warning" | "base"> = {
  ADDED: "success",
  REMOVED: "error",
  CHANGED: "warning",
  UNCHANGED: "base",
};
export const KIND_TONES: Record<ChangeKind, "base" | "info" | "warning" | "error"> = {
  ADMINISTRATIVE: "base",
  PRICE: "info",
  SCOPE: "warning",
  NEW_LOA: "error",
};

/** "+$1,234.57", "-$186,840.00" or "No change": the sign is spelled out, never left to colour. */
export function signedUsd(amount: string): string {
  if (/^-?0\.00$/.test(amount)) return "No change";
  return amount.startsWith("-") ? formatUsd(amount) : `+${formatUsd(amount)}`;
}

// A blanket-order (value) line has no quantity: say so rather than print "Value" under "Quantity".
const quantityOf = (line: Line) => (line.quantity === null ? "Up to its value" : `${line.quantity} ${line.unitOfIssue ?? ""}`.trim());
const priceOf = (line: Line) => (line.value !== null ? formatUsd(line.value) : line.unitCost !== null ? formatUsd(line.unitCost) : "—");
const itemOf = (line: Line) => `${line.genericCode} ${line.maslNumber}`;

/**
 * One cell of a line that both versions have: the later value, and when it differs the earlier one in words ("was 10
 * EA") on a highlighted background, so the change never depends on colour alone.
 */
function Compared({ row, show, testId, className = "" }: { row: LineRow; show: (line: Line) => string; testId: string; className?: string }) {
  const line = row.after ?? row.before!;
  const now = show(line);
  const was = row.before && row.after ? show(row.before) : null;
  const changed = was !== null && was !== now;
  return (
    <td className={`px-2 py-2 ${changed ? "bg-warning-lighter" : ""} ${className}`} data-testid={testId} data-changed={changed || undefined}>
      <span className={changed ? "font-bold" : ""}>{now}</span>
      {changed && <span className="block text-xs font-normal">was {was}</span>}
    </td>
  );
}

/** The lines of two versions, one row per line number, with what changed and what it does to the price. */
export function ComparisonTable({ comparison, showKinds }: { comparison: DocumentComparisonView; showKinds: boolean }) {
  const { from, to } = comparison;
  const caption = `Lines of ${from.name} and ${to.name}, side by side. Changed values are highlighted and say what they were.`;
  return (
    <>
      {/* Outside the scrolling region, so it stays readable on a phone while the table scrolls sideways. */}
      <p id="comparison-caption" className="mb-2 text-sm text-base-dark">
        {caption} <span className="sm:hidden">Scroll the table sideways to see every column.</span>
      </p>
      <div className="relative overflow-x-auto rounded border border-base-lighter" tabIndex={0} role="region" aria-labelledby="comparison-caption">
        <table className="w-full text-left text-sm" data-testid="comparison-lines">
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-base-lightest">
            <tr>
              {["Line", "Item (MASL)", "Quantity", "Unit cost or value"].map((heading) => (
                <th key={heading} scope="col" className="whitespace-nowrap px-2 py-2">
                  {heading}
                </th>
              ))}
              <th scope="col" className="px-2 py-2 text-right">
                Line total before
              </th>
              <th scope="col" className="px-2 py-2 text-right">
                Line total after
              </th>
              <th scope="col" className="px-2 py-2 text-right">
                Effect on the case value
              </th>
              <th scope="col" className="min-w-56 px-2 py-2">
                What changed
              </th>
            </tr>
          </thead>
          <tbody>
            {comparison.lines.map((row) => (
              <LineComparisonRow key={row.lineNumber} row={row} showKinds={showKinds} />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function LineComparisonRow({ row, showKinds }: { row: LineRow; showKinds: boolean }) {
  const line = (row.after ?? row.before)!;
  const id = row.lineNumber;
  const flagged = row.countsToward.filter((basis) => basis !== "TOTAL");
  const rowTone = row.status === "ADDED" ? "bg-success-lighter" : row.status === "REMOVED" ? "bg-error-lighter" : "";
  return (
    <tr className={`border-b border-base-lighter align-top ${rowTone}`} data-testid={`compare-line-${id}`} data-status={row.status}>
      <th scope="row" className={`px-2 py-2 ${isSubline(id) ? "pl-6" : ""}`}>
        <span className="block font-mono">{id}</span>
        {/* The status in words, never by the row's colour alone. */}
        <span className="block font-normal" data-testid={`compare-status-${id}`}>
          <Tag tone={STATUS_TONES[row.status]}>{LINE_STATUS_LABELS[row.status]}</Tag>
        </span>
      </th>
      <td className="min-w-40 px-2 py-2">
        <span className={row.status === "REMOVED" ? "line-through" : "font-bold"}>{line.description || "(no description)"}</span>
        <span className="block font-mono text-xs text-base-dark">{itemOf(line)}</span>
      </td>
      <Compared row={row} show={quantityOf} testId={`compare-quantity-${id}`} className="whitespace-nowrap" />
      <Compared row={row} show={priceOf} testId={`compare-price-${id}`} className="whitespace-nowrap text-right font-mono tabular-nums" />
      <td className="whitespace-nowrap px-2 py-2 text-right font-mono tabular-nums" data-testid={`compare-total-before-${id}`}>
        {row.lineTotal.before === null ? <span className="font-sans">Not in this version</span> : formatUsd(row.lineTotal.before)}
      </td>
      <td className="whitespace-nowrap px-2 py-2 text-right font-mono tabular-nums" data-testid={`compare-total-after-${id}`}>
        {row.lineTotal.after === null ? <span className="font-sans">Not in this version</span> : formatUsd(row.lineTotal.after)}
      </td>
      <td className="whitespace-nowrap px-2 py-2 text-right" data-testid={`compare-effect-${id}`}>
        <span className="font-mono font-bold tabular-nums">{signedUsd(row.loadedValue.difference)}</span>
        <span className="block text-xs text-base-dark">{row.isHeader ? "sum of its sublines" : "with its charges"}</span>
        {flagged.map((basis) => (
          <span key={basis} className="block text-xs text-base-dark">
            counts toward the {NOTIFICATION_BASIS_LABELS[basis].toLowerCase()} threshold
          </span>
        ))}
      </td>
      <td className="px-2 py-2" data-testid={`compare-changes-${id}`}>
        <WhatChanged row={row} showKinds={showKinds} />
      </td>
    </tr>
  );
}

function WhatChanged({ row, showKinds }: { row: LineRow; showKinds: boolean }) {
  const kind = (value: ChangeKind): ReactNode => (showKinds ? <Tag tone={KIND_TONES[value]}>{CHANGE_KIND_LABELS[value]}</Tag> : null);
  if (row.lineChange) {
    return (
      <p>
        {kind(row.lineChange.kind)} {row.lineChange.description}.
      </p>
    );
  }
  if (row.fields.length === 0) {
    const repriced = row.loadedValue.difference !== "0.00";
    return <p className="text-base-dark">{repriced ? "Nothing on the line; its price follows the other version's pricing day." : "Nothing."}</p>;
  }
  return (
    <ul className="grid gap-1">
      {row.fields.map((field) => (
        <li key={field.field}>
          {kind(field.kind)} <span className="font-bold">{capitalize(field.label)}</span>: was {formatFieldValue(field.field as keyof LoaLine, field.before)}, now{" "}
          {formatFieldValue(field.field as keyof LoaLine, field.after)}
          {field.field === "internalNote" && <span className="text-xs text-base-dark"> (U.S. Government internal)</span>}
        </li>
      ))}
    </ul>
  );
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
