import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/pagination";
import { Alert } from "@/components/ui/alert";
import { DataTable, LoadingResults } from "@/components/ui/data-table";
import { AgingTag, CaseStatusTag } from "@/components/case/status";
import { WaitingOn } from "@/components/case/waiting-on";
import { FilterCheckbox, FilterForm, FilterInput, FilterSelect } from "@/components/ui/filter-form";
import { CASE_STATUSES } from "@/domain/workflow/states";
import type { Actor } from "@/domain/policy";
import { getLabels } from "@/i18n/labels";
import { getFormats } from "@/i18n/server";
import type { CaseSort } from "@/domain/schemas/cases";
import { describeDrillDown } from "@/domain/insight/dashboard";
import type { DataColumn } from "@/components/ui/data-table";
import { requireActor } from "@/server/auth/actor";
import { listCases } from "@/server/cases/list-cases";
import { forFilteredPage } from "@/server/page-guard";
import { ExportLink } from "@/components/export-link";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("CaseList");
  return { title: t("title") };
}

export default async function CasesPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = await requireActor();
  const params = await searchParams;
  const partner = actor.role === "PARTNER_OFFICER";
  const [t, label] = await Promise.all([getTranslations("CaseList"), getLabels()]);
  return (
    <div>
      <PageHeader title={partner ? t("titlePartner") : t("title")} lead={t("lead")} />
      <FilterForm label={t("filters")}>
        <FilterInput name="q" label={t("filterQuery")} defaultValue={params.q} />
        <FilterSelect name="status" label={t("filterStatus")} defaultValue={params.status}>
          <option value="">{t("anyStatus")}</option>
          {CASE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {label("caseStatus", s)}
            </option>
          ))}
        </FilterSelect>
        {!partner && <FilterInput name="country" label={t("filterCountry")} defaultValue={params.country} />}
        <FilterInput name="agency" label={t("filterAgency")} defaultValue={params.agency} />
        <FilterCheckbox name="overdue" label={t("filterOverdue")} checked={params.overdue === "true"} />
      </FilterForm>
      {/* The heading and the filters go out at once; the results follow as soon as the database answers. */}
      <Suspense fallback={<LoadingResults noun={t("nounPlural")} />}>
        <CaseResults actor={actor} params={params} />
      </Suspense>
    </div>
  );
}

async function CaseResults({ actor, params }: { actor: Actor; params: Record<string, string> }) {
  const [{ result, problem }, t, label, f] = await Promise.all([
    forFilteredPage(() => listCases(actor, params)),
    getTranslations("CaseList"),
    getLabels(),
    getFormats(),
  ]);
  const column = (label: string, key: CaseSort) => sortableColumn(label, key, params, result);
  const drillDown = describeDrillDown(params);
  return (
    <>
      {problem && (
        <Alert type="error" title={t("searchError")} testId="search-error">
          {Object.values(problem).join(". ")}
        </Alert>
      )}
      {result && (
        <>
          {drillDown && (
            <p className="mb-2 text-sm" data-testid="drill-down">
              {t("drillDown", { filter: drillDown })} <Link href="/cases">{t("showAll")}</Link>
            </p>
          )}
          <DataTable
            caption={t("caption")}
            columns={[
              column(t("colCase"), "identifier"),
              column(t("colCountry"), "country"),
              column(t("colAgency"), "agency"),
              column(t("colType"), "type"),
              actor.role === "PARTNER_OFFICER" ? t("colValue") : column(t("colValue"), "value"),
              column(t("colStatus"), "status"),
              column(t("colWaitingOn"), "due"),
              t("colLetter"),
            ]}
            count={result.total}
            noun={[t("nounSingular"), t("nounPlural")]}
            emptyMessage={t("empty")}
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
                <td className="px-3 py-2">{label("loaType", c.caseType).split(" (")[0]}</td>
                <td className="whitespace-nowrap px-3 py-2 text-end tabular-nums">{c.value === null ? <span className="text-base-dark">—</span> : f.usd(c.value)}</td>
                <td className="px-3 py-2">
                  <CaseStatusTag status={c.status} />
                  <span className="block text-base-dark">{t("opened", { date: f.date(c.openedAt) })}</span>
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
          <ExportLink path="/api/v1/cases/export" params={params} total={result.total} noun={[t("nounSingular"), t("nounPlural")]} />
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

