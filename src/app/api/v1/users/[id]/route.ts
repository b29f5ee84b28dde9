import { apiRoute } from "@/server/api/handler";
import { getUser } from "@/server/users/get-user";
import { updateUser } from "@/server/users/update-user";

export const GET = apiRoute<{ id: string }>(async (actor, { params }) => getUser(actor, params.id));
export const PATCH = apiRoute<{ id: string }>(async (actor, { params, body, context }) =>
  updateUser(actor, params.id, await body(), context),
);
