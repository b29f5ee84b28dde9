import { apiRoute } from "@/server/api/handler";
import { updateShipmentStatus } from "@/server/execution/update-shipment-status";

export const POST = apiRoute<{ id: string; shipmentId: string }>(async (actor, { params, body, context }) =>
  updateShipmentStatus(actor, params.id, params.shipmentId, await body(), context),
);
