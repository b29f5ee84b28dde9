import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/pagination";
import { DeliveryLog } from "@/components/webhooks/delivery-log";
import { WebhookDangerZone } from "@/components/webhooks/webhook-danger-zone";
import { WebhookSettingsForm } from "@/components/webhooks/webhook-settings-form";
import { Alert } from "@/components/ui/alert";
import { requireActor } from "@/server/auth/actor";
import { forPage } from "@/server/page-guard";
import { getWebhook } from "@/server/webhooks/get-webhook";
import { deleteWebhookAction, redeliverAction, rotateSecretAction, updateWebhookAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("WebhooksDetail");
  return { title: t("title") };
}

export default async function WebhookPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string>> }) {
  const actor = await requireActor();
  const { id } = await params;
  const query = await searchParams;
  const webhook = await forPage(() => getWebhook(actor, id, { page: query.page ?? "1" }));
  const t = await getTranslations("WebhooksDetail");
  return (
    <div>
      <p className="mb-2 text-sm">
        <Link href="/webhooks">{t("back")}</Link>
      </p>
      <PageHeader
        title={t("heading", { url: webhook.url })}
        lead={webhook.active ? t("leadOn", { organization: webhook.organizationName }) : t("leadOff", { organization: webhook.organizationName })}
      />
      {!webhook.active && webhook.disabledReason && (
        <div className="mb-6">
          <Alert type="warning" title={t("offTitle")}>
            {t("offBody", { reason: webhook.disabledReason })}
          </Alert>
        </div>
      )}
      <WebhookSettingsForm webhook={webhook} action={updateWebhookAction} />
      <DeliveryLog webhookId={webhook.id} deliveries={webhook.deliveries.items} total={webhook.deliveries.total} active={webhook.active} action={redeliverAction} />
      <Pagination page={webhook.deliveries.page} pageSize={webhook.deliveries.pageSize} total={webhook.deliveries.total} params={{}} basePath={`/webhooks/${webhook.id}`} />
      <WebhookDangerZone webhook={webhook} rotate={rotateSecretAction} remove={deleteWebhookAction} />
    </div>
  );
}
