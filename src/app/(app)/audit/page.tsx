import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/pagination";
import { Alert } from "@/components/ui/alert";
import { Tag } from "@/components/ui/card";
import { formatDateTime } from "@/lib/format";
import { DataTable } from "@/components/ui/data-table";
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
] as const;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = await requireActor();
  const params = await searchParams;
  const { result, problem } = await forFilteredPage(() => listAuditEvents(actor, params));
  const input = "mt-1 border-2 border-base-dark bg-white px-2 py-1.5";
  return (
    <div>
      <PageHeader
        title="Audit log"
        lead="Every sign-in, sign-out, account change and token, with who, when (UTC), from where and the outcome. Entries cannot be changed or deleted."
      />
      <form className="mb-6 flex flex-wrap items-end gap-4 rounded border border-base-lighter bg-white p-4" aria-label="Filter the audit log">
        <div>
          <label htmlFor="action" className="block text-sm font-bold">Event</label>
          <select id="action" name="action" defaultValue={params.action ?? ""} className={input}>
            <option value="">All events</option>
            {ACTIONS.map(([value, label]) => (
              <option key={value} value={value}>{label}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="outcome" className="block text-sm font-bold">Outcome</label>
          <select id="outcome" name="outcome" defaultValue={params.outcome ?? ""} className={input}>
            <option value="">Any outcome</option>
            <option value="SUCCESS">Success</option>
            <option value="FAILURE">Failure</option>
            <option value="DENIED">Refused</option>
          </select>
        </div>
        <div>
          <label htmlFor="actor" className="block text-sm font-bold">Person (email)</label>
          <input id="actor" name="actor" type="search" defaultValue={params.actor ?? ""} className={input} />
        </div>
        <div>
          <label htmlFor="from" className="block text-sm font-bold">From (UTC)</label>
          <input id="from" name="from" type="date" defaultValue={params.from ?? ""} className={input} />
        </div>
        <div>
          <label htmlFor="to" className="block text-sm font-bold">To (UTC)</label>
          <input id="to" name="to" type="date" defaultValue={params.to ?? ""} className={input} />
        </div>
        <button type="submit" className="rounded bg-primary px-4 py-2 font-bold text-white hover:bg-primary-dark">Filter</button>
      </form>
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
