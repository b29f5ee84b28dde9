import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { WebhookCreateForm } from "@/components/webhooks/webhook-create-form";
import { requireActor } from "@/server/auth/actor";
import { forPage } from "@/server/page-guard";
import { listWebhooks } from "@/server/webhooks/list-webhooks";
import { createWebhookAction } from "../actions";

export const metadata: Metadata = { title: "Add a webhook" };

export default async function NewWebhookPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = await requireActor();
  const params = await searchParams;
  const named = actor.role === "ADMIN" && params.organizationId ? params.organizationId : undefined;
  // The same rule as saving: a person who may not manage this organization's webhooks never sees the form.
  const { organizationId } = await forPage(() => listWebhooks(actor, named ? { organizationId: named } : {}));
  return (
    <div>
      <PageHeader title="Add a webhook" lead="Give the address of your system and choose which events it should receive. You will see the signing secret once, right after saving." />
      <WebhookCreateForm action={createWebhookAction} organizationId={named ? organizationId : undefined} />
    </div>
  );
}
