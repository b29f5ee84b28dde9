"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { runAction, type ActionState } from "@/server/action-result";
import { requireActor } from "@/server/auth/actor";
import { requestContext } from "@/server/request-context";
import { createWebhook } from "@/server/webhooks/create-webhook";
import { deleteWebhook } from "@/server/webhooks/delete-webhook";
import { redeliverWebhook } from "@/server/webhooks/redeliver-webhook";
import { rotateWebhookSecret } from "@/server/webhooks/rotate-webhook-secret";
import { updateWebhook } from "@/server/webhooks/update-webhook";
import { redirect } from "next/navigation";

// Thin doors onto src/server/webhooks: the same use cases as /api/v1/webhooks.

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};
const kindsOf = (form: FormData) => form.getAll("kinds").filter((value): value is string => typeof value === "string");
const version = (form: FormData) => Number(text(form, "expectedVersion"));

export type SecretResult = { id: string; secret: string };

export async function createWebhookAction(_previous: ActionState<SecretResult>, form: FormData): Promise<ActionState<SecretResult>> {
  return runAction(async () => {
    const actor = await requireActor();
    const organizationId = text(form, "organizationId") || undefined;
    const created = await createWebhook(actor, { organizationId, url: text(form, "url"), kinds: kindsOf(form) }, await requestContext());
    revalidatePath("/webhooks");
    const t = await getTranslations("WebhooksActions");
    return { message: t("created"), data: { id: created.id, secret: created.secret } };
  });
}

export async function updateWebhookAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requireActor();
    const id = text(form, "id");
    await updateWebhook(actor, id, { expectedVersion: version(form), url: text(form, "url"), kinds: kindsOf(form), active: form.get("active") === "on" }, await requestContext());
    revalidatePath(`/webhooks/${id}`);
    const t = await getTranslations("WebhooksActions");
    return { message: t("saved") };
  });
}

export async function rotateSecretAction(_previous: ActionState<SecretResult>, form: FormData): Promise<ActionState<SecretResult>> {
  return runAction(async () => {
    const actor = await requireActor();
    const id = text(form, "id");
    const rotated = await rotateWebhookSecret(actor, id, { expectedVersion: version(form) }, await requestContext());
    revalidatePath(`/webhooks/${id}`);
    const t = await getTranslations("WebhooksActions");
    return { message: t("rotated"), data: { id, secret: rotated.secret } };
  });
}

export async function redeliverAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requireActor();
    const id = text(form, "id");
    await redeliverWebhook(actor, id, text(form, "deliveryId"), await requestContext());
    revalidatePath(`/webhooks/${id}`);
    const t = await getTranslations("WebhooksActions");
    return { message: t("queued") };
  });
}

export async function deleteWebhookAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const state = await runAction(async () => {
    const actor = await requireActor();
    await deleteWebhook(actor, text(form, "id"), await requestContext());
    revalidatePath("/webhooks");
    const t = await getTranslations("WebhooksActions");
    return { message: t("deleted") };
  });
  if (state.status === "ok") redirect("/webhooks");
  return state;
}
