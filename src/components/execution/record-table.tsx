import type { ReactNode } from "react";

/**
 * A small table of a line's records under its own heading. On a narrow screen it scrolls sideways inside a labelled,
 * focusable region rather than squeezing its columns.
 */
export function RecordTable({
  title,
  columns,
  testId,
  children,
}: {
  title: string;
  columns: readonly string[];
  testId: string;
  children: ReactNode;
}) {
  return (
    <div className="mt-4">
      <h3 className="mb-1 font-bold">{title}</h3>
      <div className="relative overflow-x-auto rounded border border-base-lighter" tabIndex={0} role="region" aria-label={title}>
        <table className="w-full text-start text-sm" data-testid={testId}>
          <caption className="sr-only">{title}</caption>
          <thead className="bg-base-lightest">
            <tr>
              {columns.map((column) => (
                <th key={column} scope="col" className="whitespace-nowrap px-3 py-2">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-base-lighter">{children}</tbody>
        </table>
      </div>
    </div>
  );
}
