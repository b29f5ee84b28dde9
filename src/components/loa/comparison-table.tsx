import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { useFormats } from "@/i18n/use-formats";
import { useLabels } from "@/i18n/use-labels";
import { percentNumber } from "@/components/case/reader";
import { Tag } from "@/components/ui/card";
import { LINE_FIELDS, type ChangeKind } from "@/domain/loa/changes";
import type { LineStatus } from "@/domain/loa/compare";
import { isSubline } from "@/domain/loa/codes";
import type { Formats } from "@/lib/format";
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

type Words = (key: string, values?: Record<string, string | number>) => string;

/** "+$1,234.57", "-$186,840.00" or "No change": the sign is spelled out, never left to colour. */
function signedUsd(amount: string, f: Formats, t: Words): string {
  if (/^-?0\.00$/.test(amount)) return t("noChange");
  return amount.startsWith("-") ? f.usd(amount) : `+${f.usd(amount)}`;
}

// A blanket-order (value) line has no quantity: say so rather than print "Value" under "Quantity".
const quantityOf = (t: Words) => (line: Line) => (line.quantity === null ? t("upToValue") : `${line.quantity} ${line.unitOfIssue ?? ""}`.trim());
const priceOf = (f: Formats) => (line: Line) => (line.value !== null ? f.usd(line.value) : line.unitCost !== null ? f.usd(line.unitCost) : "—");
const itemOf = (line: Line) => `${line.genericCode} ${line.maslNumber}`;

/** A line field's value as the comparison shows it (the domain's formatFieldValue, in the reader's words and formats). */
function fieldValue(field: string, value: string | null, f: Formats, t: Words): string {
  if (value === null) return t("none");
  if (field === "unitCost" || field === "value" || field === "ncPerUnit") return f.usd(value);
  if (field === "procurementShare") return t("rate", { rate: percentNumber(value, f) });
  if (value === "true") return t("yes");
  if (value === "false") return t("no");
  return value;
}

const KNOWN_FIELDS = new Set<string>(LINE_FIELDS.map((entry) => entry.field));

/**
 * One cell of a line that both versions have: the later value, and when it differs the earlier one in words ("was 10
 * EA") on a highlighted background, so the change never depends on colour alone.
 */
function Compared({ row, show, testId, className = "" }: { row: LineRow; show: (line: Line) => string; testId: string; className?: string }) {
  const t = useTranslations("LoaComparison");
  const line = row.after ?? row.before!;
  const now = show(line);
  const was = row.before && row.after ? show(row.before) : null;
  const changed = was !== null && was !== now;
  return (
    <td className={`px-2 py-2 ${changed ? "bg-warning-lighter" : ""} ${className}`} data-testid={testId} data-changed={changed || undefined}>
      <span className={changed ? "font-bold" : ""}>{now}</span>
      {changed && <span className="block text-xs font-normal">{t("was", { value: was })}</span>}
    </td>
  );
}

/** The lines of two versions, one row per line number, with what changed and what it does to the price. */
export function ComparisonTable({ comparison, showKinds }: { comparison: DocumentComparisonView; showKinds: boolean }) {
  const t = useTranslations("LoaComparison");
  const { from, to } = comparison;
  const caption = t("caption", { from: from.name, to: to.name });
  return (
    <>
      {/* Outside the scrolling region, so it stays readable on a phone while the table scrolls sideways. */}
      <p id="comparison-caption" className="mb-2 text-sm text-base-dark">
        {caption} <span className="sm:hidden">{t("scroll")}</span>
      </p>
      <div className="relative overflow-x-auto rounded border border-base-lighter" tabIndex={0} role="region" aria-labelledby="comparison-caption">
        <table className="w-full text-start text-sm" data-testid="comparison-lines">
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-base-lightest">
            <tr>
              {[t("colLine"), t("colItem"), t("colQuantity"), t("colPrice")].map((heading) => (
                <th key={heading} scope="col" className="whitespace-nowrap px-2 py-2">
                  {heading}
                </th>
              ))}
              <th scope="col" className="px-2 py-2 text-end">
                {t("colBefore")}
              </th>
              <th scope="col" className="px-2 py-2 text-end">
                {t("colAfter")}
              </th>
              <th scope="col" className="px-2 py-2 text-end">
                {t("colEffect")}
              </th>
              <th scope="col" className="min-w-56 px-2 py-2">
                {t("colChanges")}
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
  const t = useTranslations("LoaComparison");
  const label = useLabels();
  const f = useFormats();
  const line = (row.after ?? row.before)!;
  const id = row.lineNumber;
  const flagged = row.countsToward.filter((basis) => basis !== "TOTAL");
  const rowTone = row.status === "ADDED" ? "bg-success-lighter" : row.status === "REMOVED" ? "bg-error-lighter" : "";
  return (
    <tr className={`border-b border-base-lighter align-top ${rowTone}`} data-testid={`compare-line-${id}`} data-status={row.status}>
      <th scope="row" className={`px-2 py-2 ${isSubline(id) ? "ps-6" : ""}`}>
        <span className="block font-mono">{id}</span>
        {/* The status in words, never by the row's colour alone. */}
        <span className="block font-normal" data-testid={`compare-status-${id}`}>
          <Tag tone={STATUS_TONES[row.status]}>{label("lineStatus", row.status)}</Tag>
        </span>
      </th>
      <td className="min-w-40 px-2 py-2">
        <span className={row.status === "REMOVED" ? "line-through" : "font-bold"}>{line.description || t("noDescription")}</span>
        <span className="block font-mono text-xs text-base-dark">{itemOf(line)}</span>
      </td>
      <Compared row={row} show={quantityOf(t)} testId={`compare-quantity-${id}`} className="whitespace-nowrap" />
      <Compared row={row} show={priceOf(f)} testId={`compare-price-${id}`} className="whitespace-nowrap text-end font-mono tabular-nums" />
      <td className="whitespace-nowrap px-2 py-2 text-end font-mono tabular-nums" data-testid={`compare-total-before-${id}`}>
        {row.lineTotal.before === null ? <span className="font-sans">{t("notInVersion")}</span> : f.usd(row.lineTotal.before)}
      </td>
      <td className="whitespace-nowrap px-2 py-2 text-end font-mono tabular-nums" data-testid={`compare-total-after-${id}`}>
        {row.lineTotal.after === null ? <span className="font-sans">{t("notInVersion")}</span> : f.usd(row.lineTotal.after)}
      </td>
      <td className="whitespace-nowrap px-2 py-2 text-end" data-testid={`compare-effect-${id}`}>
        <span className="font-mono font-bold tabular-nums">{signedUsd(row.loadedValue.difference, f, t)}</span>
        <span className="block text-xs text-base-dark">{row.isHeader ? t("sumOfSublines") : t("withCharges")}</span>
        {flagged.map((basis) => (
          <span key={basis} className="block text-xs text-base-dark">
            {t("countsToward", { basis: label("notificationBasis", basis).toLowerCase() })}
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
  const t = useTranslations("LoaComparison");
  const label = useLabels();
  const f = useFormats();
  const kind = (value: ChangeKind): ReactNode => (showKinds ? <Tag tone={KIND_TONES[value]}>{label("changeKind", value)}</Tag> : null);
  if (row.lineChange) {
    return (
      <p>
        {kind(row.lineChange.kind)} {row.lineChange.description}.
      </p>
    );
  }
  if (row.fields.length === 0) {
    const repriced = row.loadedValue.difference !== "0.00";
    return <p className="text-base-dark">{repriced ? t("repriced") : t("nothing")}</p>;
  }
  return (
    <ul className="grid gap-1">
      {row.fields.map((field) => (
        <li key={field.field}>
          {kind(field.kind)} <span className="font-bold">{KNOWN_FIELDS.has(field.field) ? t(`fields.${field.field}`) : capitalize(field.label)}</span>
          {t("fieldChange", { before: fieldValue(field.field, field.before, f, t), after: fieldValue(field.field, field.after, f, t) })}
          {field.field === "internalNote" && <span className="text-xs text-base-dark"> {t("internal")}</span>}
        </li>
      ))}
    </ul>
  );
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
