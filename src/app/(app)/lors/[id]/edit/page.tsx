import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { Alert } from "@/components/ui/alert";
import { can } from "@/domain/policy";
import { requireActor } from "@/server/auth/actor";
import { getLor } from "@/server/lors/get-lor";
import { listImplementingAgencies } from "@/server/organizations/list-implementing-agencies";
import { forPage } from "@/server/page-guard";
import { forbidden, redirect } from "next/navigation";
import { LorForm } from "../../lor-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("LorEdit");
  return { title: t("title") };
}

export default async function EditLorPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string>>;
}) {
  const actor = await requireActor();
  const { id } = await params;
  const { notice } = await searchParams;
  const [lor, agencies] = await forPage(() => Promise.all([getLor(actor, id), listImplementingAgencies(actor)]));
  if (!lor.availableActions.includes("edit")) {
    // A partner whose letter has moved on goes back to it; anyone else may never edit letters.
    if (can(actor, "editLor")) redirect(`/lors/${lor.id}`);
    forbidden();
  }
  const t = await getTranslations("LorEdit");
  return (
    <div>
      <p className="mb-2 text-sm">
        <Link href={`/lors/${lor.id}`}>{t("back")}</Link>
      </p>
      <PageHeader
        title={lor.subject ? t("heading", { subject: lor.subject }) : t("headingUntitled")}
        lead={lor.status === "INSUFFICIENT" ? t("leadInsufficient") : t("lead")}
      />
      {notice === "saved" && (
        <div className="mb-4">
          <Alert type="success" title={t("savedTitle")} testId="notice">
            {t("savedBody")}
          </Alert>
        </div>
      )}
      {lor.status === "INSUFFICIENT" && lor.statusReason && (
        <div className="mb-4">
          <Alert type="warning" title={t("askedTitle")}>
            <p className="whitespace-pre-line">{lor.statusReason}</p>
          </Alert>
        </div>
      )}
      <LorForm
        key={lor.version}
        lor={lor}
        agencies={agencies.map((a) => ({ code: a.code, name: a.shortName ?? a.name }))}
        attachmentKinds={lor.attachments.map((a) => a.kind)}
      />
    </div>
  );
}
