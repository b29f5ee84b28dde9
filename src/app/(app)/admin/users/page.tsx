import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/pagination";
import { Alert } from "@/components/ui/alert";
import { buttonLinkClass } from "@/components/ui/button";
import { Tag } from "@/components/ui/card";
import { ROLES } from "@/domain/roles";
import { DataTable } from "@/components/ui/data-table";
import { FilterForm, FilterInput, FilterSelect } from "@/components/ui/filter-form";
import { requireActor } from "@/server/auth/actor";
import { forFilteredPage } from "@/server/page-guard";
import { listUsers } from "@/server/users/list-users";
import { getTranslations } from "next-intl/server";
import { getLabels } from "@/i18n/labels";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AdminUsers");
  return { title: t("title") };
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = await requireActor();
  const params = await searchParams;
  const { result, problem } = await forFilteredPage(() => listUsers(actor, params));
  const t = await getTranslations("AdminUsers");
  const label = await getLabels();
  return (
    <div>
      <PageHeader
        title={t("title")}
        lead={t("lead")}
        actions={
          <Link href="/admin/users/new" className={buttonLinkClass}>
            {t("add")}
          </Link>
        }
      />
      <FilterForm label={t("filterLabel")}>
        <FilterInput name="q" label={t("filterQuery")} defaultValue={params.q} />
        <FilterSelect name="role" label={t("filterRole")} defaultValue={params.role}>
          <option value="">{t("anyRole")}</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {label("role", r)}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect name="status" label={t("filterStatus")} defaultValue={params.status ?? "all"}>
          <option value="all">{t("statusAll")}</option>
          <option value="active">{t("statusActive")}</option>
          <option value="inactive">{t("statusInactive")}</option>
        </FilterSelect>
      </FilterForm>
      {problem && (
        <Alert type="error" title={t("searchProblem")} testId="search-error">
          {Object.values(problem).join(". ")}
        </Alert>
      )}
      {result && (
        <>
          <DataTable
            caption={t("caption")}
            columns={[t("colName"), t("colEmail"), t("colRole"), t("colOrganization"), t("colStatus")]}
            count={result.total}
            noun={[t("nounOne"), t("nounOther")]}
            emptyMessage={t("empty")}
            testId="user-table"
          >
                {result.items.map((u) => (
                  <tr key={u.id} className="border-t border-base-lighter" data-testid="user-row">
                    <td className="px-3 py-2 font-bold">
                      <Link href={`/admin/users/${u.id}`}>{u.name}</Link>
                    </td>
                    <td className="px-3 py-2">{u.email}</td>
                    <td className="px-3 py-2">{label("role", u.role)}</td>
                    <td className="px-3 py-2">
                      {u.organization.name} <span className="font-mono text-base-dark">({u.organization.code})</span>
                    </td>
                    <td className="px-3 py-2">{u.active ? <Tag tone="success">{t("active")}</Tag> : <Tag tone="error">{t("deactivated")}</Tag>}</td>
                  </tr>
                ))}
          </DataTable>
          <Pagination page={result.page} pageSize={result.pageSize} total={result.total} params={params} basePath="/admin/users" />
        </>
      )}
    </div>
  );
}
