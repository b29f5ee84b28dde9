import { apiRoute } from "@/server/api/handler";
import { createWebhook } from "@/server/webhooks/create-webhook";
import { listWebhooks } from "@/server/webhooks/list-webhooks";

export const GET = apiRoute(async (actor, { query }) => listWebhooks(actor, query));
export const POST = apiRoute(async (actor, { body, context }) => createWebhook(actor, await body(), context), { status: 201 });
