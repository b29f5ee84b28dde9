import { apiRoute } from "@/server/api/handler";
import { recordServicePerformance } from "@/server/execution/record-service-performance";

export const POST = apiRoute<{ id: string; lineNumber: string }>(
  async (actor, { params, body, context }) => recordServicePerformance(actor, params.id, params.lineNumber, await body(), context),
  { status: 201 },
);
