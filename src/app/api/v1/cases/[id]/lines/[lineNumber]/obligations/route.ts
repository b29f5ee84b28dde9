import { apiRoute } from "@/server/api/handler";
import { recordObligation } from "@/server/execution/record-obligation";

export const POST = apiRoute<{ id: string; lineNumber: string }>(
  async (actor, { params, body, context }) => recordObligation(actor, params.id, params.lineNumber, await body(), context),
  { status: 201 },
);
