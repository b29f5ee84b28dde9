import { apiRoute } from "@/server/api/handler";
import { revokeApiToken } from "@/server/tokens/revoke-api-token";

export const DELETE = apiRoute<{ id: string }>(async (actor, { params, context }) => revokeApiToken(actor, params.id, context));
