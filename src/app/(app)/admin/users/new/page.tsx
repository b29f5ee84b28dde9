import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { assertCan, requireActor } from "@/server/auth/actor";
import { forPage } from "@/server/page-guard";
import { listOrganizations } from "@/server/organizations/list-organizations";
import { CreateUserForm } from "../user-forms";

export const metadata: Metadata = { title: "Add a user" };

export default async function NewUserPage() {
  const actor = await requireActor();
  const organizations = await forPage(() => {
    assertCan(actor, "createUser");
    return listOrganizations(actor);
  });
  return (
    <div>
      <p className="mb-2 text-sm">
        <Link href="/admin/users">← All users</Link>
      </p>
      <PageHeader title="Add a user" lead="The person can sign in as soon as you create the account." />
      <div className="rounded border border-base-lighter bg-white p-6">
        <CreateUserForm organizations={organizations.map(({ id, name, code, kind }) => ({ id, name, code, kind }))} />
      </div>
    </div>
  );
}
