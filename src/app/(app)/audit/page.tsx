import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/pagination";
import { Alert } from "@/components/ui/alert";
import { Tag } from "@/components/ui/card";
import { formatDateTime } from "@/lib/format";
import { DataTable } from "@/components/ui/data-table";
import { FilterForm, FilterInput, FilterSelect } from "@/components/ui/filter-form";
import { requireActor } from "@/server/auth/actor";
import { listAuditEvents } from "@/server/audit-log/list-audit-events";
import { forFilteredPage } from "@/server/page-guard";

export const metadata: Metadata = { title: "Audit log" };

const ACTIONS = [
  ["auth.sign_in", "Sign-in"],
  ["auth.sign_out", "Sign-out"],
  ["user.", "User administration"],
  ["api_token.", "API tokens"],
  ["reference.", "Reference data"],
  ["lor.", "Letters of request"],
  ["case.", "Cases"],
  ["access.refused", "Refused access (403 and 404 on others' records)"],
] as const;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = await requireActor();
  const params = await searchParams;
  const { result, problem } = await forFilteredPage(() => listAuditEvents(actor, params));
  return (
    <div>
      <PageHeader
        title="Audit log"
        lead="Every sign-in, sign-out, account change and token, with who, when (UTC), from where and the outcome. Entries cannot be changed or deleted."
      />
      <FilterForm label="Filter the audit log" submitLabel="Filter">
        <FilterSelect name="action" label="Event" defaultValue={params.action}>
          <option value="">All events</option>
          {ACTIONS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect name="outcome" label="Outcome" defaultValue={params.outcome}>
          <option value="">Any outcome</option>
          <option value="SUCCESS">Success</option>
          <option value="FAILURE">Failure</option>
          <option value="DENIED">Refused</option>
        </FilterSelect>
        <FilterInput name="actor" label="Person (email)" defaultValue={params.actor} />
        <FilterInput name="from" label="From (UTC)" type="date" defaultValue={params.from} />
        <FilterInput name="to" label="To (UTC)" type="date" defaultValue={params.to} />
      </FilterForm>
      {problem && (
        <Alert type="error" title="Check the filter" testId="audit-filter-error">
          {Object.values(problem).join(". ")}
        </Alert>
      )}
      {result && (
        <>
          <DataTable
            caption="Audit events, newest first"
            columns={["When", "Event", "Who", "Outcome", "Target", "From", "Details"]}
            count={result.total}
            noun={["event", "events"]}
            emptyMessage="No events match these filters."
            testId="audit-table"
          >
                {result.items.map((e) => (
                  <tr key={e.id} className="border-t border-base-lighter align-top" data-testid="audit-row">
                    <td className="whitespace-nowrap px-3 py-2">{formatDateTime(e.occurredAt)}</td>
                    <td className="px-3 py-2 font-mono">{e.action}</td>
                    <td className="px-3 py-2">
                      {e.actorEmail ?? "—"}
                      {e.actorRole && <span className="block text-xs text-base-dark">{e.actorRole}</span>}
                    </td>
                    <td className="px-3 py-2">
                      <Tag tone={e.outcome === "SUCCESS" ? "success" : e.outcome === "DENIED" ? "warning" : "error"}>{e.outcome}</Tag>
                    </td>
                    <td className="px-3 py-2 text-xs">{e.targetType ? `${e.targetType} ${e.targetId?.slice(0, 8)}` : "—"}</td>
                    <td className="px-3 py-2 text-xs">
                      {e.ip ?? "—"}
                      <span className="block text-base-dark" title="Request id">{e.requestId?.slice(0, 8)}</span>
                    </td>
                    <td className="max-w-xs px-3 py-2">
                      {e.details ? (
                        <details>
                          <summary className="cursor-pointer text-primary">Show</summary>
                          <pre className="mt-1 whitespace-pre-wrap break-all text-xs">{JSON.stringify(e.details, null, 2)}</pre>
                        </details>
                      ) : (
                        "—"
                      )}
                    </td>
                  </tr>
                ))}
          </DataTable>
          <Pagination page={result.page} pageSize={result.pageSize} total={result.total} params={params} basePath="/audit" />
        </>
      )}
    </div>
  );
}
