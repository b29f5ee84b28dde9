import { apiRoute } from "@/server/api/handler";
import { redeliverWebhook } from "@/server/webhooks/redeliver-webhook";

export const POST = apiRoute<{ id: string; deliveryId: string }>(async (actor, { params, context }) =>
  redeliverWebhook(actor, params.id, params.deliveryId, context),
);
