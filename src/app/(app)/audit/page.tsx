import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/pagination";
import { Alert } from "@/components/ui/alert";
import { Tag } from "@/components/ui/card";
import { formatDateTime } from "@/lib/format";
import { assertCan, requireActor } from "@/server/auth/actor";
import { listAuditEvents } from "@/server/audit-log/list-audit-events";
import { AppError } from "@/server/errors";
import { forPage } from "@/server/page-guard";

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
  await forPage(() => assertCan(actor, "viewAuditLog"));
  const params = await searchParams;
  let result: Awaited<ReturnType<typeof listAuditEvents>> | null = null;
  let problem: AppError | null = null;
  try {
    result = await listAuditEvents(actor, params);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "VALIDATION_FAILED") throw error;
    problem = error;
  }
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
          {Object.values(problem.extra.fields ?? {}).join(". ")}
        </Alert>
      )}
      {result && (
        <>
          <p className="mb-2 text-sm text-base-dark" aria-live="polite">
            {result.total === 0 ? "No events match these filters." : `${result.total} ${result.total === 1 ? "event" : "events"}`}
          </p>
          <div hidden={result.total === 0} className="overflow-x-auto rounded border border-base-lighter bg-white">
            <table className="w-full text-left text-sm" data-testid="audit-table">
              <caption className="sr-only">Audit events, newest first</caption>
              <thead className="bg-base-lightest">
                <tr>
                  <th scope="col" className="px-3 py-2">When</th>
                  <th scope="col" className="px-3 py-2">Event</th>
                  <th scope="col" className="px-3 py-2">Who</th>
                  <th scope="col" className="px-3 py-2">Outcome</th>
                  <th scope="col" className="px-3 py-2">Target</th>
                  <th scope="col" className="px-3 py-2">From</th>
                  <th scope="col" className="px-3 py-2">Details</th>
                </tr>
              </thead>
              <tbody>
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
              </tbody>
            </table>
          </div>
          <Pagination page={result.page} pageSize={result.pageSize} total={result.total} params={params} basePath="/audit" />
        </>
      )}
    </div>
  );
}
