import Link from "next/link";
import { AgingTag } from "@/components/case/status";
import { SdrStatusTag } from "@/components/sdr/sdr-status";
import { DataTable } from "@/components/ui/data-table";
import { Section } from "@/components/ui/section";
import { SDR_TYPE_LABELS } from "@/domain/execution/sdr";
import { formatUsd } from "@/domain/money";
import type { SdrTaskPageView } from "@/domain/schemas/sdr";
import { formatDate } from "@/lib/format";

// My tasks' separate list of Supply Discrepancy Reports waiting on the agency's decision, earliest due first, with its
// own pager (`sdrPage`) so paging it leaves the main task list where it is.

export function SdrTaskSection({ result, params }: { result: SdrTaskPageView; params: Record<string, string> }) {
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const href = (page: number) => `/tasks?${new URLSearchParams({ ...params, sdrPage: String(page) })}#sdr-tasks`;
  return (
    <div className="mt-8">
      <Section id="sdr-tasks" title="Supply discrepancy reports" testId="sdr-tasks">
        <p className="mb-3 text-base-dark">
          Reports from partners on your agency&apos;s shipments, and requests to reconsider your decisions, earliest due first.
          {result.overdue > 0 && (
            <strong className="text-error-dark" data-testid="sdr-tasks-overdue">
              {" "}
              {result.overdue} overdue.
            </strong>
          )}
        </p>
        <DataTable
          caption="Supply discrepancy reports waiting on your agency"
          columns={["Report", "Due", "What", "Value affected", "Status"]}
          count={result.total}
          noun={["report waiting", "reports waiting"]}
          emptyMessage="No discrepancy report is waiting on your agency."
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
                    due <time dateTime={item.dueAt}>{formatDate(item.dueAt)}</time>
                  </span>
                )}
              </td>
              <td className="px-3 py-2">
                {SDR_TYPE_LABELS[item.type]}
                <span className="block text-base-dark">Filed {formatDate(item.filedAt)}</span>
              </td>
              <td className="whitespace-nowrap px-3 py-2 text-right font-mono tabular-nums">{formatUsd(item.valueAffected)}</td>
              <td className="px-3 py-2">
                <SdrStatusTag status={item.status} />
              </td>
            </tr>
          ))}
        </DataTable>
        {pages > 1 && (
          <nav aria-label="Pages of discrepancy reports" className="mt-4 flex items-center gap-4 text-sm">
            {result.page > 1 ? <Link href={href(result.page - 1)}>Previous page</Link> : <span>Previous page</span>}
            <span>
              Page {result.page} of {pages}
            </span>
            {result.page < pages ? <Link href={href(result.page + 1)}>Next page</Link> : <span>Next page</span>}
          </nav>
        )}
      </Section>
    </div>
  );
}
