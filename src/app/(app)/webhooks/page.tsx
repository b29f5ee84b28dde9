import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { FilterForm, FilterSelect } from "@/components/ui/filter-form";
import { buttonLinkClass } from "@/components/ui/button";
import { WebhookList } from "@/components/webhooks/webhook-list";
import { requireActor } from "@/server/auth/actor";
import { listOrganizations } from "@/server/organizations/list-organizations";
import { forPage } from "@/server/page-guard";
import { listWebhooks } from "@/server/webhooks/list-webhooks";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("WebhooksPage");
  return { title: t("title") };
}

export default async function WebhooksPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = await requireActor();
  const params = await searchParams;
  const t = await getTranslations("WebhooksPage");
  const admin = actor.role === "ADMIN";
  const { organizationId, items } = await forPage(() => listWebhooks(actor, admin && params.organizationId ? { organizationId: params.organizationId } : {}));
  const organizations = admin ? await forPage(() => listOrganizations(actor)) : [];
  const organizationName = admin ? (organizations.find((o) => o.id === organizationId)?.name ?? "") : actor.organizationName;
  return (
    <div>
      <PageHeader
        title={t("title")}
        lead={t("lead", { organization: organizationName })}
        actions={
          <Link href={`/webhooks/new${admin ? `?organizationId=${organizationId}` : ""}`} className={buttonLinkClass}>
            {t("add")}
          </Link>
        }
      />
      {admin && (
        <FilterForm label={t("chooseOrganization")} submitLabel={t("show")}>
          <FilterSelect name="organizationId" label={t("organization")} defaultValue={organizationId}>
            {organizations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </FilterSelect>
        </FilterForm>
      )}
      <WebhookList items={items} />
      <p className="mt-6 text-sm">
        {t.rich("guide", { link: (chunks) => <a href="/api/v1/openapi.json">{chunks}</a> })}
      </p>
    </div>
  );
}
