import Link from "next/link";
import { useTranslations } from "next-intl";
import { AgingTag } from "@/components/case/status";
import { SdrStatusTag } from "@/components/sdr/sdr-status";
import { DataTable } from "@/components/ui/data-table";
import { Section } from "@/components/ui/section";
import type { SdrTaskPageView } from "@/domain/schemas/sdr";
import { useFormats } from "@/i18n/use-formats";
import { useLabels } from "@/i18n/use-labels";

// My tasks' separate list of Supply Discrepancy Reports waiting on the agency's decision, earliest due first, with its
// own pager (`sdrPage`) so paging it leaves the main task list where it is.

export function SdrTaskSection({ result, params }: { result: SdrTaskPageView; params: Record<string, string> }) {
  const t = useTranslations("SdrTasks");
  const f = useFormats();
  const label = useLabels();
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const href = (page: number) => `/tasks?${new URLSearchParams({ ...params, sdrPage: String(page) })}#sdr-tasks`;
  return (
    <div className="mt-8">
      <Section id="sdr-tasks" title={t("title")} testId="sdr-tasks">
        <p className="mb-3 text-base-dark">
          {t("lead")}
          {result.overdue > 0 && (
            <strong className="text-error-dark" data-testid="sdr-tasks-overdue">
              {" "}
              {t("overdue", { count: result.overdue })}
            </strong>
          )}
        </p>
        <DataTable
          caption={t("caption")}
          columns={[t("colReport"), t("colDue"), t("colWhat"), t("colValue"), t("colStatus")]}
          count={result.total}
          noun={[t("nounOne"), t("nounMany")]}
          emptyMessage={t("empty")}
          testId="sdr-task-table"
        >
          {result.items.map((item) => (
            <tr key={item.sdrId} className="border-t border-base-lighter align-top" data-testid="sdr-task-row" data-aging={item.aging?.state ?? "NONE"}>
              <td className="px-3 py-2">
                <Link href={`/cases/${item.caseId}/sdrs/${item.number}`} className="whitespace-nowrap font-mono font-bold">
                  {item.reference}
                </Link>
                <span className="block text-base-dark">{item.country}</span>
              </td>
              <td className="px-3 py-2">
                {item.aging ? (
                  <AgingTag aging={item.aging} />
                ) : (
                  <span>
                    {t.rich("due", { time: (chunks) => <time dateTime={item.dueAt}>{chunks}</time>, date: f.date(item.dueAt) })}
                  </span>
                )}
              </td>
              <td className="px-3 py-2">
                {label("sdrType", item.type)}
                <span className="block text-base-dark">{t("filed", { date: f.date(item.filedAt) })}</span>
              </td>
              <td className="whitespace-nowrap px-3 py-2 text-end font-mono tabular-nums">{f.usd(item.valueAffected)}</td>
              <td className="px-3 py-2">
                <SdrStatusTag status={item.status} />
              </td>
            </tr>
          ))}
        </DataTable>
        {pages > 1 && (
          <nav aria-label={t("pagesLabel")} className="mt-4 flex items-center gap-4 text-sm">
            {result.page > 1 ? <Link href={href(result.page - 1)}>{t("previous")}</Link> : <span>{t("previous")}</span>}
            <span>{t("pageOf", { page: result.page, pages })}</span>
            {result.page < pages ? <Link href={href(result.page + 1)}>{t("next")}</Link> : <span>{t("next")}</span>}
          </nav>
        )}
      </Section>
    </div>
  );
}
