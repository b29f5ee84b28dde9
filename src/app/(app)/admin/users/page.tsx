import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/pagination";
import { Alert } from "@/components/ui/alert";
import { buttonLinkClass } from "@/components/ui/button";
import { Tag } from "@/components/ui/card";
import { ROLE_LABELS, ROLES } from "@/domain/roles";
import { assertCan, requireActor } from "@/server/auth/actor";
import { forPage } from "@/server/page-guard";
import { AppError } from "@/server/errors";
import { listUsers } from "@/server/users/list-users";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = await requireActor();
  await forPage(() => assertCan(actor, "listUsers"));
  const params = await searchParams;
  let result: Awaited<ReturnType<typeof listUsers>> | null = null;
  let problem: AppError | null = null;
  try {
    result = await listUsers(actor, params);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "VALIDATION_FAILED") throw error;
    problem = error;
  }
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
      <form role="search" className="mb-6 flex flex-wrap items-end gap-4 rounded border border-base-lighter bg-white p-4" aria-label="Find users">
        <div>
          <label htmlFor="q" className="block text-sm font-bold">Name, email or organization</label>
          <input id="q" name="q" type="search" defaultValue={params.q ?? ""} className="mt-1 border-2 border-base-dark px-2 py-1.5" />
        </div>
        <div>
          <label htmlFor="role" className="block text-sm font-bold">Role</label>
          <select id="role" name="role" defaultValue={params.role ?? ""} className="mt-1 border-2 border-base-dark bg-white px-2 py-1.5">
            <option value="">Any role</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>{ROLE_LABELS[r]}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="status" className="block text-sm font-bold">Status</label>
          <select id="status" name="status" defaultValue={params.status ?? "all"} className="mt-1 border-2 border-base-dark bg-white px-2 py-1.5">
            <option value="all">Active and deactivated</option>
            <option value="active">Active only</option>
            <option value="inactive">Deactivated only</option>
          </select>
        </div>
        <button type="submit" className="rounded bg-primary px-4 py-2 font-bold text-white hover:bg-primary-dark">Search</button>
      </form>
      {problem && (
        <Alert type="error" title="Check your search" testId="search-error">
          {Object.values(problem.extra.fields ?? {}).join(". ")}
        </Alert>
      )}
      {result && (
        <>
          <p className="mb-2 text-sm text-base-dark" aria-live="polite">
            {result.total === 0 ? "No users match this search." : `${result.total} ${result.total === 1 ? "user" : "users"} found`}
          </p>
          <div hidden={result.total === 0} className="overflow-x-auto rounded border border-base-lighter bg-white">
            <table className="w-full text-left text-sm" data-testid="user-table">
              <caption className="sr-only">Users</caption>
              <thead className="bg-base-lightest">
                <tr>
                  <th scope="col" className="px-3 py-2">Name</th>
                  <th scope="col" className="px-3 py-2">Email</th>
                  <th scope="col" className="px-3 py-2">Role</th>
                  <th scope="col" className="px-3 py-2">Organization</th>
                  <th scope="col" className="px-3 py-2">Status</th>
                </tr>
              </thead>
              <tbody>
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
              </tbody>
            </table>
          </div>
          <Pagination page={result.page} pageSize={result.pageSize} total={result.total} params={params} basePath="/admin/users" />
        </>
      )}
    </div>
  );
}
