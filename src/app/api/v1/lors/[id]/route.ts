import { apiRoute } from "@/server/api/handler";
import { getLor } from "@/server/lors/get-lor";
import { updateLor } from "@/server/lors/update-lor";

export const GET = apiRoute<{ id: string }>(async (actor, { params }) => getLor(actor, params.id));
export const PATCH = apiRoute<{ id: string }>(async (actor, { params, body, context }) =>
  updateLor(actor, params.id, await body(), context),
);
