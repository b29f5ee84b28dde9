import type { ReactNode } from "react";
import { useTranslations } from "next-intl";

/**
 * A dashboard figure: its title, a sentence saying what it shows (the text alternative), the chart, and the same
 * numbers as a table whose every number links to the cases behind it. The table is the accessible version of the
 * chart, one click away so the page stays calm.
 */
export function Figure({
  id,
  title,
  summary,
  chart,
  table,
  tableOpen = false,
  testId,
}: {
  id: string;
  title: string;
  summary: string;
  chart: ReactNode;
  table: ReactNode;
  tableOpen?: boolean;
  testId?: string;
}) {
  const t = useTranslations("InsightFigure");
  return (
    <section aria-labelledby={id} className="min-w-0 rounded border border-base-lighter bg-white p-5" data-testid={testId}>
      <h2 id={id} className="mb-1 text-xl text-primary-darker">
        {title}
      </h2>
      <p className="mb-3 text-base-darkest" data-testid={testId ? `${testId}-summary` : undefined}>
        {summary}
      </p>
      {chart}
      <details className="mt-3" open={tableOpen}>
        <summary className="cursor-pointer font-bold text-primary">{t("showTable")}</summary>
        <div className="mt-2">{table}</div>
      </details>
    </section>
  );
}

/** The table inside a figure: focusable and scrollable on narrow screens, with a caption naming it. */
export function FigureTable({ caption, columns, children, testId }: { caption: string; columns: string[]; children: ReactNode; testId?: string }) {
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={caption}>
      <table className="w-full text-start text-sm" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-base-lightest">
          <tr>
            {columns.map((column, index) => (
              <th key={column} scope="col" className={`px-3 py-2 ${index > 0 ? "text-end" : ""}`}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
