import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { Tag } from "@/components/ui/card";
import { ORGANIZATION_KINDS } from "@/domain/roles";
import { getLabels } from "@/i18n/labels";
import { requireActor } from "@/server/auth/actor";
import { listOrganizations } from "@/server/organizations/list-organizations";
import { forPage } from "@/server/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("OrgList");
  return { title: t("title") };
}

export default async function OrganizationsPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = await requireActor();
  if (actor.role === "PARTNER_OFFICER") redirect(`/organizations/${actor.organizationId}`);
  const params = await searchParams;
  const [t, label] = await Promise.all([getTranslations("OrgList"), getLabels()]);
  const filter = { kind: ORGANIZATION_KINDS.find((k) => k === params.kind), verified: params.verified === "false" ? "false" : undefined };
  const organizations = await forPage(() => listOrganizations(actor, filter));
  const kinds = ORGANIZATION_KINDS.filter((k) => organizations.some((o) => o.kind === k));
  return (
    <div>
      <PageHeader
        title={t("title")}
        lead={t("lead")}
      />
      <p className="mb-4 text-sm">
        {filter.verified ? (
          <Link href="/organizations">{t("showAll")}</Link>
        ) : (
          <Link href="/organizations?verified=false">{t("showUnverified")}</Link>
        )}
      </p>
      {kinds.map((kind) => (
        <section key={kind} className="mb-8" aria-labelledby={`kind-${kind}`}>
          <h2 id={`kind-${kind}`} className="mb-2 text-xl">
            {label("organizationKind", kind)}
          </h2>
          <div className="relative overflow-x-auto rounded border border-base-lighter bg-white" tabIndex={0} role="region" aria-labelledby={`kind-${kind}`}>
            <table className="w-full text-start text-sm">
              <thead className="bg-base-lightest">
                <tr>
                  <th scope="col" className="w-20 px-3 py-2">{t("columnCode")}</th>
                  <th scope="col" className="px-3 py-2">{t("columnName")}</th>
                  {kind === "PARTNER_COUNTRY" && <th scope="col" className="px-3 py-2">{t("columnNatoPlus")}</th>}
                  <th scope="col" className="px-3 py-2">{t("columnStatus")}</th>
                </tr>
              </thead>
              <tbody>
                {organizations
                  .filter((o) => o.kind === kind)
                  .map((o) => (
                    <tr key={o.id} className="border-t border-base-lighter" data-testid="organization-row">
                      <td className="px-3 py-2 font-mono font-bold">{o.code}</td>
                      <td className="px-3 py-2">
                        <Link href={`/organizations/${o.id}`}>{o.name}</Link>
                      </td>
                      {kind === "PARTNER_COUNTRY" && <td className="px-3 py-2">{o.natoPlus ? t("yes") : t("no")}</td>}
                      <td className="px-3 py-2">{o.verified ? <Tag tone="success">{t("verified")}</Tag> : <Tag tone="warning">{t("unverified")}</Tag>}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </div>
  );
}
