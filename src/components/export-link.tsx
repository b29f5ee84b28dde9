import { exportHref } from "@/lib/navigation";

/**
 * "Download these N cases as CSV": the list's filters and order, every page, as a file the API streams (ADR 0025); the
 * browser shows its progress. Nothing when the list is empty.
 */
export function ExportLink({ path, params, total, noun }: { path: string; params: Record<string, string>; total: number; noun: [string, string] }) {
  if (total === 0) return null;
  return (
    <p className="mt-4 text-sm">
      <a href={exportHref(path, params)} download data-testid="export-link">
        Download {total === 1 ? `this ${noun[0]}` : `these ${total.toLocaleString("en-US")} ${noun[1]}`} as CSV
      </a>
    </p>
  );
}
