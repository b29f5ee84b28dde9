import type { Metadata } from "next";
import Link from "next/link";
import { AgingTag, LorStatusTag } from "@/components/lor/status";
import { PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/pagination";
import { Alert } from "@/components/ui/alert";
import { buttonLinkClass } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { FilterCheckbox, FilterForm, FilterInput, FilterSelect } from "@/components/ui/filter-form";
import { LOR_REQUEST_TYPE_LABELS, LOR_REQUEST_TYPES, LOR_STATUS_LABELS, LOR_STATUSES } from "@/domain/lor/codes";
import { can } from "@/domain/policy";
import { wholeDaysBetween } from "@/domain/sla";
import { formatDate } from "@/lib/format";
import { requireActor } from "@/server/auth/actor";
import { listLors } from "@/server/lors/list-lors";
import { forFilteredPage } from "@/server/page-guard";
import { ExportLink } from "@/components/export-link";

export const metadata: Metadata = { title: "Letters of request" };

function ageInWords(since: string, now: Date) {
  const days = wholeDaysBetween(new Date(since), now);
  return days === 0 ? "today" : days === 1 ? "1 day ago" : `${days} days ago`;
}

/**
 * Partners: "My letters of request" for their country. USG staff: the incoming queue, oldest due first, with each
 * letter's age against the five-day validation target.
 */
export default async function LorsPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = await requireActor();
  const params = await searchParams;
  const partner = actor.role === "PARTNER_OFFICER";
  const query = partner ? params : { status: "WITH_USG", sort: "due", ...params };
  const { result, problem } = await forFilteredPage(() => listLors(actor, query));
  const now = new Date();
  const shownParams = Object.fromEntries(Object.entries(query).filter(([k]) => k !== "page"));
  return (
    <div>
      <PageHeader
        title={partner ? "My letters of request" : "Incoming letters of request"}
        lead={
          partner
            ? `Every letter of request from ${actor.organizationName}, drafts included. Open one to see its checklist and timeline.`
            : "Letters waiting for acknowledgment and validation, oldest due first, each with its age against the validation target."
        }
        actions={
          can(actor, "createLor") ? (
            <Link href="/lors/new" className={buttonLinkClass}>
              Start a new letter
            </Link>
          ) : undefined
        }
      />
      <FilterForm label="Filter letters of request" submitLabel="Filter">
        <FilterInput name="q" label="Subject, reference or case" defaultValue={params.q} />
        <FilterSelect name="status" label="Status" defaultValue={query.status}>
          <option value="">Any status</option>
          <option value="OPEN">Open (not finished)</option>
          {!partner && <option value="WITH_USG">Waiting for the U.S. Government</option>}
          {LOR_STATUSES.filter((s) => partner || s !== "DRAFT").map((s) => (
            <option key={s} value={s}>
              {LOR_STATUS_LABELS[s]}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect name="requestType" label="Request type" defaultValue={params.requestType}>
          <option value="">Any type</option>
          {LOR_REQUEST_TYPES.map((t) => (
            <option key={t} value={t}>
              {LOR_REQUEST_TYPE_LABELS[t]}
            </option>
          ))}
        </FilterSelect>
        {actor.role === "IA_CASE_MANAGER" && (
          <FilterSelect name="agency" label="Routing" defaultValue={params.agency}>
            <option value="">Any agency</option>
            <option value="mine">Routed to my agency</option>
            <option value="unrouted">Not yet routed</option>
          </FilterSelect>
        )}
        {!partner && (
          <>
            <FilterCheckbox name="overdue" label="Overdue only" checked={params.overdue === "true"} />
            <input type="hidden" name="sort" value={query.sort ?? "due"} />
          </>
        )}
      </FilterForm>
      {problem && (
        <Alert type="error" title="Check your filters" testId="search-error">
          {Object.values(problem).join(". ")}
        </Alert>
      )}
      {result && (
        <>
          <DataTable
            caption={partner ? "My letters of request" : "Incoming letters of request"}
            columns={
              partner
                ? ["Subject", "Your reference", "Type", "Status", "Complete", "Last change", "Case"]
                : ["Received", "Country", "Subject", "Status", "Validation target", "Agency", "Case"]
            }
            count={result.total}
            noun={["letter", "letters"]}
            emptyMessage={partner ? "No letters match. Start a new letter to request articles or services." : "No letters match these filters."}
            testId="lor-table"
          >
            {result.items.map((lor) => {
              const subject = (
                <Link href={`/lors/${lor.id}`} className="font-bold">
                  {lor.subject ?? "Untitled draft"}
                </Link>
              );
              const caseCell = lor.case ? (
                <Link href={`/cases/${lor.case.id}`} className="whitespace-nowrap font-mono">
                  {lor.case.identifier}
                </Link>
              ) : (
                "—"
              );
              return partner ? (
                <tr key={lor.id} className="border-t border-base-lighter align-top" data-testid="lor-row">
                  <td className="px-3 py-2">{subject}</td>
                  <td className="px-3 py-2">{lor.originatorReference ?? "—"}</td>
                  <td className="px-3 py-2">{lor.requestType ? LOR_REQUEST_TYPE_LABELS[lor.requestType].split(" (")[0] : "—"}</td>
                  <td className="px-3 py-2">
                    <LorStatusTag status={lor.status} />
                  </td>
                  <td className="px-3 py-2">{lor.completeness}%</td>
                  <td className="px-3 py-2">{formatDate(lor.updatedAt)}</td>
                  <td className="px-3 py-2">{caseCell}</td>
                </tr>
              ) : (
                <tr key={lor.id} className="border-t border-base-lighter align-top" data-testid="lor-row">
                  <td className="px-3 py-2">
                    {formatDate(lor.submittedAt)}
                    {lor.submittedAt && (
                      <span className="block text-xs text-base-dark">{ageInWords(lor.submittedAt, now)}</span>
                    )}
                  </td>
                  <td className="px-3 py-2">
                    <span className="font-mono">{lor.country.code}</span> <span className="text-base-dark">{lor.country.name}</span>
                  </td>
                  <td className="px-3 py-2">
                    {subject}
                    <span className="block text-xs text-base-dark">{lor.originatorReference}</span>
                  </td>
                  <td className="px-3 py-2">
                    <LorStatusTag status={lor.status} />
                  </td>
                  <td className="px-3 py-2">
                    <AgingTag aging={lor.validation} />
                  </td>
                  <td className="px-3 py-2">{lor.routedAgency ? `${lor.routedAgency.code} — ${lor.routedAgency.name}` : "Not routed"}</td>
                  <td className="px-3 py-2">{caseCell}</td>
                </tr>
              );
            })}
          </DataTable>
          <Pagination page={result.page} pageSize={result.pageSize} total={result.total} params={shownParams} basePath="/lors" />
          <ExportLink path="/api/v1/lors/export" params={shownParams} total={result.total} noun={["letter", "letters"]} />
        </>
      )}
    </div>
  );
}
