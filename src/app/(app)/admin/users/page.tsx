import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/pagination";
import { Alert } from "@/components/ui/alert";
import { buttonLinkClass } from "@/components/ui/button";
import { Tag } from "@/components/ui/card";
import { ROLE_LABELS, ROLES } from "@/domain/roles";
import { DataTable } from "@/components/ui/data-table";
import { FilterForm, FilterInput, FilterSelect } from "@/components/ui/filter-form";
import { requireActor } from "@/server/auth/actor";
import { forFilteredPage } from "@/server/page-guard";
import { listUsers } from "@/server/users/list-users";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = await requireActor();
  const params = await searchParams;
  const { result, problem } = await forFilteredPage(() => listUsers(actor, params));
  return (
    <div>
      <PageHeader
        title="Users"
        lead="Everyone who can sign in to Caseway. Deactivating someone signs them out at once."
        actions={
          <Link href="/admin/users/new" className={buttonLinkClass}>
            Add a user
          </Link>
        }
      />
      <FilterForm label="Find users">
        <FilterInput name="q" label="Name, email or organization" defaultValue={params.q} />
        <FilterSelect name="role" label="Role" defaultValue={params.role}>
          <option value="">Any role</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect name="status" label="Status" defaultValue={params.status ?? "all"}>
          <option value="all">Active and deactivated</option>
          <option value="active">Active only</option>
          <option value="inactive">Deactivated only</option>
        </FilterSelect>
      </FilterForm>
      {problem && (
        <Alert type="error" title="Check your search" testId="search-error">
          {Object.values(problem).join(". ")}
        </Alert>
      )}
      {result && (
        <>
          <DataTable
            caption="Users"
            columns={["Name", "Email", "Role", "Organization", "Status"]}
            count={result.total}
            noun={["user", "users"]}
            emptyMessage="No users match this search."
            testId="user-table"
          >
                {result.items.map((u) => (
                  <tr key={u.id} className="border-t border-base-lighter" data-testid="user-row">
                    <td className="px-3 py-2 font-bold">
                      <Link href={`/admin/users/${u.id}`}>{u.name}</Link>
                    </td>
                    <td className="px-3 py-2">{u.email}</td>
                    <td className="px-3 py-2">{ROLE_LABELS[u.role]}</td>
                    <td className="px-3 py-2">
                      {u.organization.name} <span className="font-mono text-base-dark">({u.organization.code})</span>
                    </td>
                    <td className="px-3 py-2">{u.active ? <Tag tone="success">Active</Tag> : <Tag tone="error">Deactivated</Tag>}</td>
                  </tr>
                ))}
          </DataTable>
          <Pagination page={result.page} pageSize={result.pageSize} total={result.total} params={params} basePath="/admin/users" />
        </>
      )}
    </div>
  );
}
