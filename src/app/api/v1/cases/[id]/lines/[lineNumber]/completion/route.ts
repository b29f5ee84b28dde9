import { apiRoute } from "@/server/api/handler";
import { completeLine } from "@/server/execution/complete-line";

export const POST = apiRoute<{ id: string; lineNumber: string }>(async (actor, { params, body, context }) =>
  completeLine(actor, params.id, params.lineNumber, await body(), context),
);
