import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import { Section } from "@/components/ui/section";
import type { ChangeTaskPageView } from "@/domain/schemas/tasks";
import { getLabels } from "@/i18n/labels";
import { getFormats } from "@/i18n/server";
import { SectionPager } from "./section-pager";

// My tasks' Amendments and Modifications submitted to DSCA, longest waiting first, with their own pager (`changePage`).

export async function ChangeTaskSection({ result, params }: { result: ChangeTaskPageView; params: Record<string, string> }) {
  const [t, f, label] = await Promise.all([getTranslations("TasksChangeSection"), getFormats(), getLabels()]);
  return (
    <div className="mt-8">
      <Section id="change-tasks" title={t("title")} testId="change-tasks">
        <p className="mb-3 text-base-dark">{t("intro")}</p>
        <DataTable
          caption={t("caption")}
          columns={[t("columnDocument"), t("columnChange"), t("columnWhy"), t("columnSubmitted")]}
          count={result.total}
          noun={[t("nounOne"), t("nounMany")]}
          emptyMessage={t("empty")}
          testId="change-task-table"
        >
          {result.items.map((item) => (
            <tr key={`${item.caseId}-${item.number}`} className="border-t border-base-lighter align-top" data-testid="change-task-row" data-case={item.caseIdentifier}>
              <td className="px-3 py-2">
                <Link href={`/cases/${item.caseId}/documents/${item.number}`} className="whitespace-nowrap font-mono font-bold">
                  {item.name}
                </Link>
                <span className="block text-base-dark">
                  {item.country.name} · {item.implementingAgency.code}
                </span>
              </td>
              <td className="px-3 py-2">{label("documentType", item.documentType)}</td>
              <td className="px-3 py-2">{item.changeReason ?? <span className="text-base-dark">{t("noReason")}</span>}</td>
              <td className="px-3 py-2">{f.date(item.submittedAt)}</td>
            </tr>
          ))}
        </DataTable>
        <SectionPager page={result.page} pageSize={result.pageSize} total={result.total} params={params} param="changePage" anchor="change-tasks" label={t("pager")} />
      </Section>
    </div>
  );
}
