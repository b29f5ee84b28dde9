import { useTranslations } from "next-intl";
import { exportHref } from "@/lib/navigation";

/**
 * "Download these N cases as CSV": the list's filters and order, every page, as a file the API streams (ADR 0025); the
 * browser shows its progress. Nothing when the list is empty.
 */
export function ExportLink({ path, params, total, noun }: { path: string; params: Record<string, string>; total: number; noun: [string, string] }) {
  const t = useTranslations("UiExport");
  if (total === 0) return null;
  return (
    <p className="mt-4 text-sm">
      <a href={exportHref(path, params)} download data-testid="export-link">
        {t("download", { count: total, one: noun[0], many: noun[1] })}
      </a>
    </p>
  );
}
