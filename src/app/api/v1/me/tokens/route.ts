import { apiRoute } from "@/server/api/handler";
import { createApiToken } from "@/server/tokens/create-api-token";
import { listApiTokens } from "@/server/tokens/list-api-tokens";

export const GET = apiRoute(async (actor) => ({ items: await listApiTokens(actor) }));
export const POST = apiRoute(async (actor, { body, context }) => createApiToken(actor, await body(), context), {
  status: 201,
});
