import type { Metadata } from "next";
import Link from "next/link";
import { AgingTag, CaseStatusTag } from "@/components/case/status";
import { PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/pagination";
import { Alert } from "@/components/ui/alert";
import { Stat } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { FilterCheckbox, FilterForm } from "@/components/ui/filter-form";
import { CASE_EVENTS, type CaseEvent, type CaseEventDefinition } from "@/domain/workflow/case-workflow";
import { formatDate } from "@/lib/format";
import { requireActor } from "@/server/auth/actor";
import { listMyTasks } from "@/server/cases/list-my-tasks";
import { forFilteredPage } from "@/server/page-guard";
import { SdrTaskSection } from "@/components/sdr/sdr-task-section";
import { listSdrTasks } from "@/server/sdr/list-sdr-tasks";

export const metadata: Metadata = { title: "My tasks" };

export default async function TasksPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = await requireActor();
  const params = await searchParams;
  const { result, problem } = await forFilteredPage(() => listMyTasks(actor, params));
  // Agency case managers decide discrepancy reports: theirs are listed apart, with their own pager.
  const sdrTasks =
    actor.role === "IA_CASE_MANAGER" ? await listSdrTasks(actor, { page: /^[1-9]\d{0,4}$/.test(params.sdrPage ?? "") ? params.sdrPage : "1" }) : null;
  return (
    <div>
      <PageHeader
        title="My tasks"
        lead={`Reviews and case steps waiting on ${actor.organizationName}, earliest due first. Amber means 75% of the target time is used; red means overdue.`}
      />
      {result && (
        <div className="mb-6 grid grid-cols-2 gap-4 md:grid-cols-4" data-testid="task-summary">
          <Stat label="Waiting on your office" value={result.summary.total} />
          <Stat label="Overdue" value={result.summary.overdue} href="/tasks?overdue=true" />
          <Stat label="Due soon" value={result.summary.dueSoon} />
          <Stat label="On track" value={result.summary.onTrack} />
        </div>
      )}
      <FilterForm label="Filter tasks" submitLabel="Apply">
        <FilterCheckbox name="overdue" label="Overdue only" checked={params.overdue === "true"} />
      </FilterForm>
      {problem && (
        <Alert type="error" title="Check the filter" testId="search-error">
          {Object.values(problem).join(". ")}
        </Alert>
      )}
      {result && (
        <DataTable
          caption="My tasks"
          // Due (with its aging colour) right after the case, so it shows without scrolling the table on a phone.
          columns={["Case", "Due", "Waiting for", "Status", "Since", "You can"]}
          count={result.total}
          noun={["task", "tasks"]}
          emptyMessage="Nothing is waiting on your office. Well done."
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
              <td className="px-3 py-2">{item.waitingFor}</td>
              <td className="px-3 py-2">
                <CaseStatusTag status={item.status} />
              </td>
              <td className="px-3 py-2">{formatDate(item.since)}</td>
              <td className="px-3 py-2">
                {item.actions.map((a) => (CASE_EVENTS[a as CaseEvent] as CaseEventDefinition | undefined)?.label ?? a).join("; ")}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {result && <Pagination page={result.page} pageSize={result.pageSize} total={result.total} params={params} basePath="/tasks" />}
      {sdrTasks && <SdrTaskSection result={sdrTasks} params={params} />}
    </div>
  );
}
