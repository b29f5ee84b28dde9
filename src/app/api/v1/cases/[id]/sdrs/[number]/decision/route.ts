import { apiRoute } from "@/server/api/handler";
import { decideSdr } from "@/server/sdr/decide-sdr";

export const POST = apiRoute<{ id: string; number: string }>(async (actor, { params, body, context }) =>
  decideSdr(actor, params.id, params.number, await body(), context),
);
