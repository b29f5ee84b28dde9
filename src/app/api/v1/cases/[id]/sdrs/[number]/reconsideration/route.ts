import { apiRoute } from "@/server/api/handler";
import { requestSdrReconsideration } from "@/server/sdr/request-sdr-reconsideration";

export const POST = apiRoute<{ id: string; number: string }>(async (actor, { params, body, context }) =>
  requestSdrReconsideration(actor, params.id, params.number, await body(), context),
);
