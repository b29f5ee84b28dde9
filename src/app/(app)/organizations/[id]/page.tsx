import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { Alert } from "@/components/ui/alert";
import { Card, Tag } from "@/components/ui/card";
import { can } from "@/domain/policy";
import { getLabels } from "@/i18n/labels";
import { getFormats } from "@/i18n/server";
import { requireActor } from "@/server/auth/actor";
import { getOrganization } from "@/server/organizations/get-organization";
import { forPage } from "@/server/page-guard";
import { ConfirmOrganizationForm } from "../confirm-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("OrgDetail");
  return { title: t("title") };
}

export default async function OrganizationPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const [t, f, label] = await Promise.all([getTranslations("OrgDetail"), getFormats(), getLabels()]);
  const org = await forPage(() => getOrganization(actor, id));
  const isPartner = org.kind === "PARTNER_COUNTRY";
  return (
    <div className="space-y-6">
      {actor.role !== "PARTNER_OFFICER" && (
        <p className="text-sm">
          <Link href="/organizations">{t("back")}</Link>
        </p>
      )}
      <PageHeader
        title={org.name}
        lead={
          <>
            {t.rich("lead", {
              kind: label("organizationKind", org.kind),
              code: org.code,
              mono: (chunks) => <span className="font-mono font-bold">{chunks}</span>,
            })}{" "}
            {org.verified ? <Tag tone="success">{t("verified")}</Tag> : <Tag tone="warning">{t("unverified")}</Tag>}
          </>
        }
      />
      {!org.verified && (
        <Alert type="warning" title={t("unconfirmedTitle")}>
          <p className="mb-3">{t("unconfirmedBody")}</p>
          {can(actor, "confirmReferenceData") && <ConfirmOrganizationForm organizationId={org.id} version={org.version} />}
        </Alert>
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("details")}>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 text-sm">
            <dt className="text-base-dark">{isPartner ? t("customerCode") : t("code")}</dt>
            <dd className="font-mono font-bold">{org.code}</dd>
            {org.shortName && (
              <>
                <dt className="text-base-dark">{t("shortName")}</dt>
                <dd>{org.shortName}</dd>
              </>
            )}
            {isPartner && (
              <>
                <dt className="text-base-dark">{t("natoMember")}</dt>
                <dd>{org.natoMember ? t("yes") : t("no")}</dd>
                <dt className="text-base-dark">{t("natoPlusGroup")}</dt>
                <dd>{org.natoPlus ? t("yes") : t("no")}</dd>
                <dt className="text-base-dark">{t("offerPeriod")}</dt>
                <dd>{t("days", { count: org.standardOedDays ?? 85 })}</dd>
              </>
            )}
            <dt className="text-base-dark">{t("inEffect")}</dt>
            <dd>{org.effectiveTo ? t("fromTo", { from: f.date(org.effectiveFrom), to: f.date(org.effectiveTo) }) : f.date(org.effectiveFrom)}</dd>
            {org.verified && org.verifiedAt && (
              <>
                <dt className="text-base-dark">{t("confirmed")}</dt>
                <dd>{org.verifiedByName ? t("confirmedBy", { when: f.dateTime(org.verifiedAt), name: org.verifiedByName }) : f.dateTime(org.verifiedAt)}</dd>
              </>
            )}
          </dl>
        </Card>
        <Card title={t("source")}>
          <p className="text-sm" data-testid="organization-source">{org.source}</p>
        </Card>
        <Card title={t("people", { count: org.members.length })}>
          {org.members.length === 0 ? (
            <p className="text-sm text-base-dark">{t("noPeople")}</p>
          ) : (
            <ul className="divide-y divide-base-lighter text-sm" data-testid="organization-members">
              {org.members.map((m) => (
                <li key={m.id} className="flex flex-wrap justify-between gap-2 py-2">
                  <span>
                    <span className="font-bold">{m.name}</span> <span className="text-base-dark">{m.email}</span>
                  </span>
                  <span className="text-base-dark">{label("role", m.role)}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </div>
  );
}
