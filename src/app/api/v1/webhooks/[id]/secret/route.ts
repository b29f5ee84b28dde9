import { apiRoute } from "@/server/api/handler";
import { rotateWebhookSecret } from "@/server/webhooks/rotate-webhook-secret";

export const POST = apiRoute<{ id: string }>(async (actor, { params, body, context }) => rotateWebhookSecret(actor, params.id, await body(), context));
