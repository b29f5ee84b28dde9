import { apiRoute } from "@/server/api/handler";
import { recordShipment } from "@/server/execution/record-shipment";

export const POST = apiRoute<{ id: string; lineNumber: string }>(
  async (actor, { params, body, context }) => recordShipment(actor, params.id, params.lineNumber, await body(), context),
  { status: 201 },
);
