import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AgingTag } from "@/components/case/status";
import { LorStatusTag } from "@/components/lor/status";
import { DataTable } from "@/components/ui/data-table";
import { Section } from "@/components/ui/section";
import type { LorTaskPageView } from "@/domain/schemas/tasks";
import { getLabels } from "@/i18n/labels";
import { getFormats } from "@/i18n/server";
import { SectionPager } from "./section-pager";

// My tasks' letters of request waiting for the office's validation, earliest validation target first, with their own
// pager (`lorPage`).

export async function LorTaskSection({ result, params, agency }: { result: LorTaskPageView; params: Record<string, string>; agency: boolean }) {
  const [t, f, label] = await Promise.all([getTranslations("TasksLorSection"), getFormats(), getLabels()]);
  return (
    <div className="mt-8">
      <Section id="lor-tasks" title={t("title")} testId="lor-tasks">
        <p className="mb-3 text-base-dark">
          {agency ? t("introAgency") : t("introDsca")}
          {result.overdue > 0 && (
            <strong className="text-error-dark" data-testid="lor-tasks-overdue">
              {" "}
              {t("overdue", { count: result.overdue })}
            </strong>
          )}
        </p>
        <DataTable
          caption={t("caption")}
          columns={[t("columnLetter"), t("columnDue"), t("columnRequest"), t("columnRoutedTo"), t("columnStatus"), t("columnReceived")]}
          count={result.total}
          noun={[t("nounOne"), t("nounMany")]}
          emptyMessage={t("empty")}
          testId="lor-task-table"
        >
          {result.items.map((item) => (
            <tr key={item.lorId} className="border-t border-base-lighter align-top" data-testid="lor-task-row" data-aging={item.aging?.state ?? "NONE"}>
              <td className="px-3 py-2">
                <Link href={`/lors/${item.lorId}`} className="font-bold">
                  {item.subject ?? t("untitled")}
                </Link>
                <span className="block text-base-dark">{item.country.name}</span>
              </td>
              <td className="px-3 py-2">
                <AgingTag aging={item.aging} />
              </td>
              <td className="px-3 py-2">{item.requestType ? label("lorRequestType", item.requestType) : t("notStated")}</td>
              <td className="px-3 py-2">{item.routedAgency ? item.routedAgency.code : <span className="text-base-dark">{t("notRouted")}</span>}</td>
              <td className="px-3 py-2">
                <LorStatusTag status={item.status} />
              </td>
              <td className="px-3 py-2">{f.date(item.submittedAt)}</td>
            </tr>
          ))}
        </DataTable>
        <SectionPager page={result.page} pageSize={result.pageSize} total={result.total} params={params} param="lorPage" anchor="lor-tasks" label={t("pager")} />
      </Section>
    </div>
  );
}
