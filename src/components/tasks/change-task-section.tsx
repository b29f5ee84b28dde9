import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { Section } from "@/components/ui/section";
import { DOCUMENT_TYPE_LABELS } from "@/domain/loa/codes";
import type { ChangeTaskPageView } from "@/domain/schemas/tasks";
import { formatDate } from "@/lib/format";
import { SectionPager } from "./section-pager";

// My tasks' Amendments and Modifications submitted to DSCA, longest waiting first, with their own pager (`changePage`).

export function ChangeTaskSection({ result, params }: { result: ChangeTaskPageView; params: Record<string, string> }) {
  return (
    <div className="mt-8">
      <Section id="change-tasks" title="Amendments and Modifications to approve" testId="change-tasks">
        <p className="mb-3 text-base-dark">
          Changes to accepted LOAs that agencies have submitted to DSCA, longest waiting first. Approve or return each one on
          its document page: an approved Amendment goes to the partner, an approved Modification takes effect at once.
        </p>
        <DataTable
          caption="Amendments and Modifications waiting for DSCA"
          columns={["Document", "Change", "Why", "Submitted"]}
          count={result.total}
          noun={["change waiting", "changes waiting"]}
          emptyMessage="No Amendment or Modification is waiting for DSCA."
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
              <td className="px-3 py-2">{DOCUMENT_TYPE_LABELS[item.documentType]}</td>
              <td className="px-3 py-2">{item.changeReason ?? <span className="text-base-dark">No reason given</span>}</td>
              <td className="px-3 py-2">{formatDate(item.submittedAt)}</td>
            </tr>
          ))}
        </DataTable>
        <SectionPager page={result.page} pageSize={result.pageSize} total={result.total} params={params} param="changePage" anchor="change-tasks" label="Pages of changes waiting for DSCA" />
      </Section>
    </div>
  );
}
