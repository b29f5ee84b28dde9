import type { Metadata } from "next";
import Link from "next/link";
import { AgingTag, LorStatusTag } from "@/components/lor/status";
import { PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/pagination";
import { Alert } from "@/components/ui/alert";
import { buttonLinkClass } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { FilterCheckbox, FilterForm, FilterInput, FilterSelect } from "@/components/ui/filter-form";
import { LOR_REQUEST_TYPES, LOR_STATUSES } from "@/domain/lor/codes";
import { can } from "@/domain/policy";
import { wholeDaysBetween } from "@/domain/sla";
import { getLabels } from "@/i18n/labels";
import { getFormats } from "@/i18n/server";
import { requireActor } from "@/server/auth/actor";
import { listLors } from "@/server/lors/list-lors";
import { forFilteredPage } from "@/server/page-guard";
import { ExportLink } from "@/components/export-link";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("LorList");
  return { title: t("title") };
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
  const [t, f, label] = await Promise.all([getTranslations("LorList"), getFormats(), getLabels()]);
  const ageInWords = (since: string) => t("age", { days: wholeDaysBetween(new Date(since), now) });
  const shownParams = Object.fromEntries(Object.entries(query).filter(([k]) => k !== "page"));
  return (
    <div>
      <PageHeader
        title={partner ? t("partnerTitle") : t("usgTitle")}
        lead={
          partner
            ? t("partnerLead", { organization: actor.organizationName })
            : t("usgLead")
        }
        actions={
          can(actor, "createLor") ? (
            <Link href="/lors/new" className={buttonLinkClass}>
              {t("startNew")}
            </Link>
          ) : undefined
        }
      />
      <FilterForm label={t("filterLabel")} submitLabel={t("filterSubmit")}>
        <FilterInput name="q" label={t("filterQuery")} defaultValue={params.q} />
        <FilterSelect name="status" label={t("filterStatus")} defaultValue={query.status}>
          <option value="">{t("anyStatus")}</option>
          <option value="OPEN">{t("statusOpen")}</option>
          {!partner && <option value="WITH_USG">{t("statusWithUsg")}</option>}
          {LOR_STATUSES.filter((s) => partner || s !== "DRAFT").map((s) => (
            <option key={s} value={s}>
              {label("lorStatus", s)}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect name="requestType" label={t("filterRequestType")} defaultValue={params.requestType}>
          <option value="">{t("anyType")}</option>
          {LOR_REQUEST_TYPES.map((type) => (
            <option key={type} value={type}>
              {label("lorRequestType", type)}
            </option>
          ))}
        </FilterSelect>
        {actor.role === "IA_CASE_MANAGER" && (
          <FilterSelect name="agency" label={t("filterRouting")} defaultValue={params.agency}>
            <option value="">{t("anyAgency")}</option>
            <option value="mine">{t("routedMine")}</option>
            <option value="unrouted">{t("routedNone")}</option>
          </FilterSelect>
        )}
        {!partner && (
          <>
            <FilterCheckbox name="overdue" label={t("overdueOnly")} checked={params.overdue === "true"} />
            <input type="hidden" name="sort" value={query.sort ?? "due"} />
          </>
        )}
      </FilterForm>
      {problem && (
        <Alert type="error" title={t("checkFilters")} testId="search-error">
          {Object.values(problem).join(". ")}
        </Alert>
      )}
      {result && (
        <>
          <DataTable
            caption={partner ? t("partnerTitle") : t("usgTitle")}
            columns={
              partner
                ? [t("colSubject"), t("colReference"), t("colType"), t("colStatus"), t("colComplete"), t("colLastChange"), t("colCase")]
                : [t("colReceived"), t("colCountry"), t("colSubject"), t("colStatus"), t("colValidationTarget"), t("colAgency"), t("colCase")]
            }
            count={result.total}
            noun={[t("nounOne"), t("nounOther")]}
            emptyMessage={partner ? t("emptyPartner") : t("emptyUsg")}
            testId="lor-table"
          >
            {result.items.map((lor) => {
              const subject = (
                <Link href={`/lors/${lor.id}`} className="font-bold">
                  {lor.subject ?? t("untitled")}
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
                  <td className="px-3 py-2">{lor.requestType ? label("lorRequestType", lor.requestType).split(" (")[0] : "—"}</td>
                  <td className="px-3 py-2">
                    <LorStatusTag status={lor.status} />
                  </td>
                  <td className="px-3 py-2">{t("percent", { percent: lor.completeness })}</td>
                  <td className="px-3 py-2">{f.date(lor.updatedAt)}</td>
                  <td className="px-3 py-2">{caseCell}</td>
                </tr>
              ) : (
                <tr key={lor.id} className="border-t border-base-lighter align-top" data-testid="lor-row">
                  <td className="px-3 py-2">
                    {f.date(lor.submittedAt)}
                    {lor.submittedAt && (
                      <span className="block text-xs text-base-dark">{ageInWords(lor.submittedAt)}</span>
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
                  <td className="px-3 py-2">{lor.routedAgency ? `${lor.routedAgency.code} — ${lor.routedAgency.name}` : t("notRouted")}</td>
                  <td className="px-3 py-2">{caseCell}</td>
                </tr>
              );
            })}
          </DataTable>
          <Pagination page={result.page} pageSize={result.pageSize} total={result.total} params={shownParams} basePath="/lors" />
          <ExportLink path="/api/v1/lors/export" params={shownParams} total={result.total} noun={[t("nounOne"), t("nounOther")]} />
        </>
      )}
    </div>
  );
}
