import { apiRoute } from "@/server/api/handler";
import { acceptSdrDecision } from "@/server/sdr/accept-sdr-decision";

export const POST = apiRoute<{ id: string; number: string }>(async (actor, { params, body, context }) =>
  acceptSdrDecision(actor, params.id, params.number, await body(), context),
);
