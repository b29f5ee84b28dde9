import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

/**
 * A results table with its count line: the count is announced to screen readers, and an empty result shows a plain
 * sentence instead of an empty grid.
 */
/** A column heading; with `href` it sorts the list (the link reverses the order when it is already sorted by it). */
export interface DataColumn {
  label: string;
  href?: string;
  sorted?: "ascending" | "descending";
}

export function DataTable({
  caption,
  columns,
  count,
  more = false,
  noun,
  emptyMessage,
  testId,
  children,
}: {
  caption: string;
  columns: (string | DataColumn)[];
  count: number;
  /** More rows match than `count` (a capped count): the line says "more than". */
  more?: boolean;
  noun: [singular: string, plural: string];
  emptyMessage: string;
  testId: string;
  children: ReactNode;
}) {
  const t = useTranslations("UiDataTable");
  return (
    <>
      <p className="mb-2 text-sm text-base-dark" aria-live="polite">
        {count === 0 ? emptyMessage : t(more ? "foundMore" : "found", { count, noun: count === 1 ? noun[0] : noun[1] })}
      </p>
      {/* Focusable so keyboard users can scroll a wide table on a narrow screen. */}
      <div hidden={count === 0} className="relative overflow-x-auto rounded border border-base-lighter bg-white" tabIndex={0} role="region" aria-label={caption}>
        <table className="w-full text-start text-sm" data-testid={testId}>
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-base-lightest">
            <tr>
              {columns.map((entry) => {
                const column = typeof entry === "string" ? { label: entry } : entry;
                return (
                  <th key={column.label} scope="col" className="whitespace-nowrap px-3 py-2" aria-sort={column.sorted}>
                    {column.href ? (
                      <a href={column.href} className="text-base-darkest">
                        {column.label}
                        <span aria-hidden="true"> {column.sorted === "ascending" ? "▲" : column.sorted === "descending" ? "▼" : "↕"}</span>
                        <span className="sr-only">{column.sorted === "ascending" ? t("sortedAscending") : column.sorted === "descending" ? t("sortedDescending") : t("unsorted")}</span>
                      </a>
                    ) : (
                      column.label
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
      </div>
    </>
  );
}

/** What a results table shows while its rows are on their way (the page around it is already there). */
export function LoadingResults({ noun }: { noun: string }) {
  const t = useTranslations("UiDataTable");
  return (
    <p className="mb-2 text-sm text-base-dark" role="status" data-testid="loading-results">
      {t("loading", { noun })}
    </p>
  );
}
