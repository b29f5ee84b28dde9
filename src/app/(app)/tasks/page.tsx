import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LiveRefresh } from "@/components/live/live-refresh";
import { AgingTag, CaseStatusTag } from "@/components/case/status";
import { PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/pagination";
import { Alert } from "@/components/ui/alert";
import { Stat } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { FilterCheckbox, FilterForm } from "@/components/ui/filter-form";
import { ChangeTaskSection } from "@/components/tasks/change-task-section";
import { LorTaskSection } from "@/components/tasks/lor-task-section";
import { can } from "@/domain/policy";
import { CASE_EVENTS, type CaseEvent, type CaseEventDefinition } from "@/domain/workflow/case-workflow";
import { getFormats } from "@/i18n/server";
import { requireActor } from "@/server/auth/actor";
import { listMyTasks } from "@/server/cases/list-my-tasks";
import { forFilteredPage } from "@/server/page-guard";
import { SdrTaskSection } from "@/components/sdr/sdr-task-section";
import { listSdrTasks } from "@/server/sdr/list-sdr-tasks";
import { listChangeTasks } from "@/server/loa/list-change-tasks";
import { listLorTasks } from "@/server/lors/list-lor-tasks";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("TasksPage");
  return { title: t("title") };
}

/** A section's page from its own parameter; anything else is its first page (a bad pager link never breaks the page). */
const sectionPage = (value: string | undefined) => (/^[1-9]\d{0,4}$/.test(value ?? "") ? value : "1");

export default async function TasksPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = await requireActor();
  const params = await searchParams;
  const [t, f] = await Promise.all([getTranslations("TasksPage"), getFormats()]);
  const { result, problem } = await forFilteredPage(() => listMyTasks(actor, params));
  // Agency case managers decide discrepancy reports: theirs are listed apart, with their own pager.
  // Each kind of work beside the case steps is a section of its own, with its own page and count: letters to validate
  // (DSCA, and agencies for the letters routed to them) and changes to approve (DSCA).
  const [sdrTasks, lorTasks, changeTasks] = await Promise.all([
    actor.role === "IA_CASE_MANAGER" ? listSdrTasks(actor, { page: sectionPage(params.sdrPage) }) : null,
    can(actor, "validateLor", {}) ? listLorTasks(actor, { page: sectionPage(params.lorPage) }) : null,
    can(actor, "decideLoaChange", {}) ? listChangeTasks(actor, { page: sectionPage(params.changePage) }) : null,
  ]);
  return (
    <div>
      <LiveRefresh />
      <PageHeader
        title={t("title")}
        lead={t("lead", { organization: actor.organizationName })}
      />
      {result && (
        <div className="mb-6 grid grid-cols-2 gap-4 md:grid-cols-4" data-testid="task-summary">
          <Stat label={t("statWaiting")} value={f.number(result.summary.total)} />
          <Stat label={t("statOverdue")} value={f.number(result.summary.overdue)} href="/tasks?overdue=true" />
          <Stat label={t("statDueSoon")} value={f.number(result.summary.dueSoon)} />
          <Stat label={t("statOnTrack")} value={f.number(result.summary.onTrack)} />
        </div>
      )}
      {(lorTasks || changeTasks || sdrTasks) && (
        // Per section rather than added into the case tiles above: each list has its own clock (the letters' validation
        // target, the reports' decision target, none for changes), so one sum would mix targets, and the tiles' overdue
        // filter applies to the case list only.
        <div className="mb-6 grid grid-cols-2 gap-4 md:grid-cols-4" data-testid="task-section-summary">
          {lorTasks && (
            <Stat
              label={lorTasks.overdue > 0 ? t("statLettersOverdue", { count: lorTasks.overdue }) : t("statLetters")}
              value={f.number(lorTasks.total)}
              href="#lor-tasks"
            />
          )}
          {changeTasks && <Stat label={t("statChanges")} value={f.number(changeTasks.total)} href="#change-tasks" />}
          {sdrTasks && (
            <Stat label={sdrTasks.overdue > 0 ? t("statSdrsOverdue", { count: sdrTasks.overdue }) : t("statSdrs")} value={f.number(sdrTasks.total)} href="#sdr-tasks" />
          )}
        </div>
      )}
      <FilterForm label={t("filterLabel")} submitLabel={t("apply")}>
        <FilterCheckbox name="overdue" label={t("overdueOnly")} checked={params.overdue === "true"} />
      </FilterForm>
      {problem && (
        <Alert type="error" title={t("filterProblem")} testId="search-error">
          {Object.values(problem).join(". ")}
        </Alert>
      )}
      {result && (
        <DataTable
          caption={t("caption")}
          // Due (with its aging colour) right after the case, so it shows without scrolling the table on a phone.
          columns={[t("columnCase"), t("columnDue"), t("columnWaitingFor"), t("columnStatus"), t("columnSince"), t("columnYouCan")]}
          count={result.total}
          noun={[t("nounOne"), t("nounMany")]}
          emptyMessage={t("empty")}
          testId="task-table"
        >
          {result.items.map((item) => (
            <tr
              key={`${item.caseId}-${item.kind}`}
              className="border-t border-base-lighter align-top"
              data-testid="task-row"
              data-aging={item.aging?.state ?? "NONE"}
              data-case={item.identifier}
            >
              <td className="px-3 py-2">
                <Link href={`/cases/${item.caseId}`} className="whitespace-nowrap font-mono font-bold">
                  {item.identifier}
                </Link>
                <span className="block text-base-dark">
                  {item.country.name} · {item.implementingAgency.code}
                </span>
                {item.subject && <span className="block">{item.subject}</span>}
              </td>
              <td className="px-3 py-2">
                <AgingTag aging={item.aging} />
              </td>
              <td className="px-3 py-2">
                {item.waitingFor}
                {item.reworkReason && (
                  <span className="mt-1 block border-s-4 border-warning ps-2" data-testid="rework-reason">
                    {t.rich("returnedForRework", {
                      office: item.reworkReason.office,
                      date: f.date(item.reworkReason.returnedAt),
                      strong: (chunks) => <span className="font-bold">{chunks}</span>,
                    })}
                    {item.reworkReason.comment && <span className="block">{t("quoted", { comment: item.reworkReason.comment })}</span>}
                  </span>
                )}
              </td>
              <td className="px-3 py-2">
                <CaseStatusTag status={item.status} />
              </td>
              <td className="px-3 py-2">{f.date(item.since)}</td>
              <td className="px-3 py-2">
                {item.actions.map((a) => (CASE_EVENTS[a as CaseEvent] as CaseEventDefinition | undefined)?.label ?? a).join("; ")}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {result && <Pagination page={result.page} pageSize={result.pageSize} total={result.total} params={params} basePath="/tasks" />}
      {lorTasks && <LorTaskSection result={lorTasks} params={params} agency={actor.role === "IA_CASE_MANAGER"} />}
      {changeTasks && <ChangeTaskSection result={changeTasks} params={params} />}
      {sdrTasks && <SdrTaskSection result={sdrTasks} params={params} />}
    </div>
  );
}
