import "server-only";
import type { Actor } from "@/domain/policy";
import type { ShipmentView, UpdateShipmentStatusFields } from "@/domain/schemas/execution";
import { db } from "../db";
import type { RequestContext } from "../request-context";
import { updateShipmentStatusTx } from "./execution-store";

/**
 * Moves a shipment forward — in transit (the agency) or received, by whom (the partner or the agency) — compared
 * against the version the caller read, with its audit event.
 */
export function updateShipmentStatus(
  actor: Actor,
  caseId: string,
  shipmentId: string,
  rawInput: unknown,
  context: RequestContext,
  now: Date = new Date(),
): Promise<ShipmentView> {
  return db().$transaction((tx) => updateShipmentStatusTx(tx, actor, caseId, shipmentId, rawInput as UpdateShipmentStatusFields, context, now));
}
