import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { assertCan, requireActor } from "@/server/auth/actor";
import { forPage } from "@/server/page-guard";
import { listOrganizations } from "@/server/organizations/list-organizations";
import { CreateUserForm } from "../user-forms";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AdminUserNew");
  return { title: t("title") };
}

export default async function NewUserPage() {
  const actor = await requireActor();
  const organizations = await forPage(() => {
    assertCan(actor, "createUser");
    return listOrganizations(actor);
  });
  const t = await getTranslations("AdminUserNew");
  return (
    <div>
      <p className="mb-2 text-sm">
        <Link href="/admin/users">{t("back")}</Link>
      </p>
      <PageHeader title={t("title")} lead={t("lead")} />
      <div className="rounded border border-base-lighter bg-white p-6">
        <CreateUserForm organizations={organizations.map(({ id, name, code, kind }) => ({ id, name, code, kind }))} />
      </div>
    </div>
  );
}
