import { apiRoute } from "@/server/api/handler";
import { confirmOrganization } from "@/server/organizations/confirm-organization";

export const POST = apiRoute<{ id: string }>(async (actor, { params, body, context }) =>
  confirmOrganization(actor, params.id, await body(), context),
);
