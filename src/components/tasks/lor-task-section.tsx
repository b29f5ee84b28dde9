import Link from "next/link";
import { AgingTag } from "@/components/case/status";
import { LorStatusTag } from "@/components/lor/status";
import { DataTable } from "@/components/ui/data-table";
import { Section } from "@/components/ui/section";
import { LOR_REQUEST_TYPE_LABELS } from "@/domain/lor/codes";
import type { LorTaskPageView } from "@/domain/schemas/tasks";
import { formatDate } from "@/lib/format";
import { SectionPager } from "./section-pager";

// My tasks' letters of request waiting for the office's validation, earliest validation target first, with their own
// pager (`lorPage`).

export function LorTaskSection({ result, params, agency }: { result: LorTaskPageView; params: Record<string, string>; agency: boolean }) {
  return (
    <div className="mt-8">
      <Section id="lor-tasks" title="Letters of request to validate" testId="lor-tasks">
        <p className="mb-3 text-base-dark">
          {agency
            ? "Letters routed to your agency that wait for acknowledgment or validation, earliest target first."
            : "Letters that wait for acknowledgment or validation, earliest target first. Letters routed to an agency can be validated by that agency too."}
          {result.overdue > 0 && (
            <strong className="text-error-dark" data-testid="lor-tasks-overdue">
              {" "}
              {result.overdue} past the validation target.
            </strong>
          )}
        </p>
        <DataTable
          caption="Letters of request waiting for validation"
          columns={["Letter", "Due", "Request", "Routed to", "Status", "Received"]}
          count={result.total}
          noun={["letter waiting", "letters waiting"]}
          emptyMessage="No letter of request is waiting for your validation."
          testId="lor-task-table"
        >
          {result.items.map((item) => (
            <tr key={item.lorId} className="border-t border-base-lighter align-top" data-testid="lor-task-row" data-aging={item.aging?.state ?? "NONE"}>
              <td className="px-3 py-2">
                <Link href={`/lors/${item.lorId}`} className="font-bold">
                  {item.subject ?? "Untitled letter"}
                </Link>
                <span className="block text-base-dark">{item.country.name}</span>
              </td>
              <td className="px-3 py-2">
                <AgingTag aging={item.aging} />
              </td>
              <td className="px-3 py-2">{item.requestType ? LOR_REQUEST_TYPE_LABELS[item.requestType] : "Not stated"}</td>
              <td className="px-3 py-2">{item.routedAgency ? item.routedAgency.code : <span className="text-base-dark">Not routed yet</span>}</td>
              <td className="px-3 py-2">
                <LorStatusTag status={item.status} />
              </td>
              <td className="px-3 py-2">{formatDate(item.submittedAt)}</td>
            </tr>
          ))}
        </DataTable>
        <SectionPager page={result.page} pageSize={result.pageSize} total={result.total} params={params} param="lorPage" anchor="lor-tasks" label="Pages of letters waiting for validation" />
      </Section>
    </div>
  );
}
