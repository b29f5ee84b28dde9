import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { WebhookCreateForm } from "@/components/webhooks/webhook-create-form";
import { requireActor } from "@/server/auth/actor";
import { forPage } from "@/server/page-guard";
import { listWebhooks } from "@/server/webhooks/list-webhooks";
import { createWebhookAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("WebhooksNew");
  return { title: t("title") };
}

export default async function NewWebhookPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = await requireActor();
  const params = await searchParams;
  const named = actor.role === "ADMIN" && params.organizationId ? params.organizationId : undefined;
  // The same rule as saving: a person who may not manage this organization's webhooks never sees the form.
  const { organizationId } = await forPage(() => listWebhooks(actor, named ? { organizationId: named } : {}));
  const t = await getTranslations("WebhooksNew");
  return (
    <div>
      <PageHeader title={t("title")} lead={t("lead")} />
      <WebhookCreateForm action={createWebhookAction} organizationId={named ? organizationId : undefined} />
    </div>
  );
}
