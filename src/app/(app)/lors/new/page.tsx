import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { assertCan, requireActor } from "@/server/auth/actor";
import { listImplementingAgencies } from "@/server/organizations/list-implementing-agencies";
import { forPage } from "@/server/page-guard";
import { LorForm } from "../lor-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("LorNew");
  return { title: t("title") };
}

export default async function NewLorPage() {
  const actor = await requireActor();
  const agencies = await forPage(() => {
    assertCan(actor, "createLor");
    return listImplementingAgencies(actor);
  });
  const t = await getTranslations("LorNew");
  return (
    <div>
      <p className="mb-2 text-sm">
        <Link href="/lors">{t("back")}</Link>
      </p>
      <PageHeader
        title={t("title")}
        lead={t("lead")}
      />
      <LorForm lor={null} agencies={agencies.map((a) => ({ code: a.code, name: a.shortName ?? a.name }))} />
    </div>
  );
}
