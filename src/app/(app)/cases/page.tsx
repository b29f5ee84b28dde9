import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/pagination";
import { Alert } from "@/components/ui/alert";
import { DataTable, LoadingResults } from "@/components/ui/data-table";
import { AgingTag, CaseStatusTag } from "@/components/case/status";
import { WaitingOn } from "@/components/case/waiting-on";
import { FilterCheckbox, FilterForm, FilterInput, FilterSelect } from "@/components/ui/filter-form";
import { CASE_STATUSES, CASE_STATUS_LABELS } from "@/domain/workflow/states";
import { LOA_TYPE_LABELS } from "@/domain/lor/codes";
import type { Actor } from "@/domain/policy";
import { formatDate } from "@/lib/format";
import { formatUsd } from "@/domain/money";
import type { CaseSort } from "@/domain/schemas/cases";
import { describeDrillDown } from "@/domain/insight/dashboard";
import type { DataColumn } from "@/components/ui/data-table";
import { requireActor } from "@/server/auth/actor";
import { listCases } from "@/server/cases/list-cases";
import { forFilteredPage } from "@/server/page-guard";
import { ExportLink } from "@/components/export-link";

export const metadata: Metadata = { title: "Cases" };

export default async function CasesPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = await requireActor();
  const params = await searchParams;
  const partner = actor.role === "PARTNER_OFFICER";
  return (
    <div>
      <PageHeader
        title={partner ? "My cases" : "Cases"}
        lead="A case opens when a letter of request for an LOA is complete. Its identifier is the country code, the implementing agency and a designator."
      />
      <FilterForm label="Find cases">
        <FilterInput name="q" label="Case identifier or subject" defaultValue={params.q} />
        <FilterSelect name="status" label="Status" defaultValue={params.status}>
          <option value="">Any status</option>
          {CASE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {CASE_STATUS_LABELS[s]}
            </option>
          ))}
        </FilterSelect>
        {!partner && <FilterInput name="country" label="Country code" defaultValue={params.country} />}
        <FilterInput name="agency" label="Agency code" defaultValue={params.agency} />
        <FilterCheckbox name="overdue" label="Overdue only" checked={params.overdue === "true"} />
      </FilterForm>
      {/* The heading and the filters go out at once; the results follow as soon as the database answers. */}
      <Suspense fallback={<LoadingResults noun="cases" />}>
        <CaseResults actor={actor} params={params} />
      </Suspense>
    </div>
  );
}

async function CaseResults({ actor, params }: { actor: Actor; params: Record<string, string> }) {
  const { result, problem } = await forFilteredPage(() => listCases(actor, params));
  const column = (label: string, key: CaseSort) => sortableColumn(label, key, params, result);
  const drillDown = describeDrillDown(params);
  return (
    <>
      {problem && (
        <Alert type="error" title="Check your search" testId="search-error">
          {Object.values(problem).join(". ")}
        </Alert>
      )}
      {result && (
        <>
          {drillDown && (
            <p className="mb-2 text-sm" data-testid="drill-down">
              Showing the cases behind a dashboard figure: {drillDown}. <Link href="/cases">Show all cases</Link>
            </p>
          )}
          <DataTable
            caption="Cases"
            columns={[
              column("Case", "identifier"),
              column("Country", "country"),
              column("Implementing agency", "agency"),
              column("Type", "type"),
              actor.role === "PARTNER_OFFICER" ? "Value" : column("Value", "value"),
              column("Status", "status"),
              column("Waiting on", "due"),
              "Letter of request",
            ]}
            count={result.total}
            noun={["case", "cases"]}
            emptyMessage="No cases yet."
            testId="case-table"
          >
            {result.items.map((c) => (
              <tr key={c.id} className="border-t border-base-lighter align-top" data-testid="case-row">
                <td className="px-3 py-2">
                  <Link href={`/cases/${c.id}`} className="whitespace-nowrap font-mono font-bold">
                    {c.identifier}
                  </Link>
                </td>
                <td className="px-3 py-2">{c.country.name}</td>
                <td className="px-3 py-2">{c.implementingAgency.name}</td>
                <td className="px-3 py-2">{LOA_TYPE_LABELS[c.caseType].split(" (")[0]}</td>
                <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">{c.value === null ? <span className="text-base-dark">—</span> : formatUsd(c.value)}</td>
                <td className="px-3 py-2">
                  <CaseStatusTag status={c.status} />
                  <span className="block text-base-dark">opened {formatDate(c.openedAt)}</span>
                </td>
                <td className="px-3 py-2">
                  <WaitingOn parts={c.waitingOnParts} />
                  {c.statusAging && (
                    <span className="mt-1 block">
                      <AgingTag aging={c.statusAging} />
                    </span>
                  )}
                </td>
                <td className="px-3 py-2">
                  {c.letters[0] ? <Link href={`/lors/${c.letters[0].id}`}>{c.letters[0].subject ?? c.letters[0].originatorReference}</Link> : "—"}
                </td>
              </tr>
            ))}
          </DataTable>
          <Pagination page={result.page} pageSize={result.pageSize} total={result.total} params={params} basePath="/cases" />
          <ExportLink path="/api/v1/cases/export" params={params} total={result.total} noun={["case", "cases"]} />
        </>
      )}
    </>
  );
}

/** A heading that sorts by its column: the first choice takes the column's natural order, the next reverses it. */
function sortableColumn(label: string, key: CaseSort, params: Record<string, string>, result: { sort: CaseSort; dir: "asc" | "desc" } | null): DataColumn {
  const current = result?.sort === key ? result.dir : null;
  const next = new URLSearchParams(Object.entries(params).filter(([name]) => name !== "page" && name !== "sort" && name !== "dir"));
  next.set("sort", key);
  if (current) next.set("dir", current === "asc" ? "desc" : "asc");
  return { label, href: `/cases?${next}`, sorted: current === "asc" ? "ascending" : current === "desc" ? "descending" : undefined };
}

