import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { FilterForm, FilterSelect } from "@/components/ui/filter-form";
import { buttonLinkClass } from "@/components/ui/button";
import { WebhookList } from "@/components/webhooks/webhook-list";
import { requireActor } from "@/server/auth/actor";
import { listOrganizations } from "@/server/organizations/list-organizations";
import { forPage } from "@/server/page-guard";
import { listWebhooks } from "@/server/webhooks/list-webhooks";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = await requireActor();
  const params = await searchParams;
  const admin = actor.role === "ADMIN";
  const { organizationId, items } = await forPage(() => listWebhooks(actor, admin && params.organizationId ? { organizationId: params.organizationId } : {}));
  const organizations = admin ? await forPage(() => listOrganizations(actor)) : [];
  const organizationName = admin ? (organizations.find((o) => o.id === organizationId)?.name ?? "") : actor.organizationName;
  return (
    <div>
      <PageHeader
        title="Webhooks"
        lead={`Your systems can be told of ${organizationName}'s events as they happen: Caseway sends each one to the address you give, signed so your system can check it came from us. The same events are in the event feed (GET /api/v1/events).`}
        actions={
          <Link href={`/webhooks/new${admin ? `?organizationId=${organizationId}` : ""}`} className={buttonLinkClass}>
            Add a webhook
          </Link>
        }
      />
      {admin && (
        <FilterForm label="Choose an organization" submitLabel="Show">
          <FilterSelect name="organizationId" label="Organization" defaultValue={organizationId}>
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
        How to check a delivery&apos;s signature: see the <a href="/api/v1/openapi.json">API description</a> and the webhook guide (docs/webhooks.md).
      </p>
    </div>
  );
}
