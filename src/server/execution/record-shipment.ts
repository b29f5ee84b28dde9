import "server-only";
import type { Actor } from "@/domain/policy";
import type { RecordShipmentFields, ShipmentView } from "@/domain/schemas/execution";
import { db } from "../db";
import type { RequestContext } from "../request-context";
import { recordShipmentTx } from "./execution-store";

/** The agency records a shipment on a line (against a requisition on blanket lines), with its audit event. */
export function recordShipment(
  actor: Actor,
  caseId: string,
  lineNumber: string,
  rawInput: unknown,
  context: RequestContext,
  now: Date = new Date(),
): Promise<ShipmentView> {
  return db().$transaction((tx) => recordShipmentTx(tx, actor, caseId, lineNumber, rawInput as RecordShipmentFields, context, now));
}
