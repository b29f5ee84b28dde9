import { apiRoute } from "@/server/api/handler";
import { deleteWebhook } from "@/server/webhooks/delete-webhook";
import { getWebhook } from "@/server/webhooks/get-webhook";
import { updateWebhook } from "@/server/webhooks/update-webhook";

export const GET = apiRoute<{ id: string }>(async (actor, { params, query }) => getWebhook(actor, params.id, query));
export const PATCH = apiRoute<{ id: string }>(async (actor, { params, body, context }) => updateWebhook(actor, params.id, await body(), context));
export const DELETE = apiRoute<{ id: string }>(async (actor, { params, context }) => deleteWebhook(actor, params.id, context));
