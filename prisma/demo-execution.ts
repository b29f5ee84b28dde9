// Demo execution per line, recorded through the app's own store functions with backdated clocks, so every shipment,
// requisition and service record is on its case's hash-chained timeline exactly as if people had entered them:
// - radiosExecuting (Defined Order, Army): radios under contract, one shipment received by a named Bandarian officer
//   and one at sea with its tracking reference, installation kits partly shipped (one lot received through the
//   freight forwarder), and three months of field service performed;
// - sparesBlanket (Blanket Order, Navy): five requisitions drawn against lines 001 and 002 — three shipped and received,
//   one partly shipped and in transit, one still open.
// Idempotent: a case that already has execution records is left alone.
import { demoActors, runDemoSteps, type DemoStep } from "./demo-steps";
import { milstripDocumentNumber, type ShipmentMode } from "../src/domain/execution/lines";
import type { PrismaClient } from "../src/generated/prisma/client";
import type { Tx } from "../src/server/db";
import {
  recordObligationTx,
  recordServicePerformanceTx,
  recordShipmentTx,
  submitRequisitionTx,
  updateShipmentStatusTx,
} from "../src/server/execution/execution-store";
import type { DemoCaseIds } from "./demo-cases";

const DEMO_CONTEXT = { requestId: "demo-seed-execution", ip: null, userAgent: null };

const ARMY = "army@caseway.example";
const NAVY = "navy@caseway.example";
const BN = "partner.bn@caseway.example";

type Step = DemoStep;

async function hasExecution(prisma: PrismaClient, caseId: string) {
  const [shipments, requisitions, obligations] = await Promise.all([
    prisma.shipment.count({ where: { caseId } }),
    prisma.requisition.count({ where: { caseId } }),
    prisma.lineObligation.count({ where: { caseId } }),
  ]);
  return shipments + requisitions + obligations > 0;
}

/** The shipment recorded under `documentNumber` on the case, for the steps that move it along. */
async function shipmentOf(tx: Tx, caseId: string, documentNumber: string) {
  return tx.shipment.findFirstOrThrow({ where: { caseId, documentNumber }, select: { id: true, version: true } });
}

function radiosSteps(caseId: string): Step[] {
  const shipmentNumber = (day: string, serial: string) =>
    milstripDocumentNumber({ serviceCode: "B", countryCode: "BN", deliveryTerm: "2", typeOfAssistance: "5", day, serial });
  const numbers = new Map<string, string>();
  const ship = (key: string, ago: number, lineNumber: string, quantity: number, mode: ShipmentMode, trackingReference: string, serial: string): Step => ({
    ago,
    by: ARMY,
    run: (tx, actor, now, day) => {
      const documentNumber = shipmentNumber(day(ago), serial);
      numbers.set(key, documentNumber);
      return recordShipmentTx(tx, actor, caseId, lineNumber, { documentNumber, quantity, shippedOn: day(ago), mode, trackingReference }, DEMO_CONTEXT, now);
    },
  });
  const move = (key: string, ago: number, by: string, status: "IN_TRANSIT" | "RECEIVED", receivedBy?: string): Step => ({
    ago,
    by,
    run: async (tx, actor, now, day) => {
      const shipment = await shipmentOf(tx, caseId, numbers.get(key)!);
      return updateShipmentStatusTx(
        tx,
        actor,
        caseId,
        shipment.id,
        { expectedVersion: shipment.version, status, ...(status === "RECEIVED" ? { receivedOn: day(ago), receivedBy } : {}) },
        DEMO_CONTEXT,
        now,
      );
    },
  });
  const month = (n: number, ago: number, what: string): Step => ({
    ago,
    by: ARMY,
    run: (tx, actor, now, day) =>
      recordServicePerformanceTx(
        tx,
        actor,
        caseId,
        "003",
        { performedFrom: day(ago + 30), performedTo: day(ago + 1), units: "1", value: "28000.00", description: `Field service representatives, month ${n}: ${what}` },
        DEMO_CONTEXT,
        now,
      ),
  });
  return [
    {
      ago: 95,
      by: ARMY,
      run: (tx, actor, now, day) =>
        recordObligationTx(tx, actor, caseId, "001", { contractNumber: "W15P7T-26-C-0142", awardedOn: day(95), amount: "4960000.00" }, DEMO_CONTEXT, now),
    },
    {
      ago: 92,
      by: ARMY,
      run: (tx, actor, now, day) =>
        recordObligationTx(tx, actor, caseId, "003", { contractNumber: "W15P7T-26-C-0187", awardedOn: day(92), amount: "672000.00" }, DEMO_CONTEXT, now),
    },
    month(1, 70, "new-equipment training for the 1st Signal Battalion"),
    ship("radios-1", 65, "001", 300, "AIR", "TCN BN2B015065S001XXX, flight AMC 7Q4-883", "S001"),
    move("radios-1", 63, ARMY, "IN_TRANSIT"),
    move("radios-1", 55, BN, "RECEIVED", "Maj. Teodor Anghel, Bandarian Army Central Signal Depot"),
    ship("kits-1", 45, "002a", 90, "SURFACE", "Bill of lading MFF-2026-4471", "S002"),
    move("kits-1", 42, ARMY, "IN_TRANSIT"),
    month(2, 40, "radio fielding support at 2nd Brigade"),
    move("kits-1", 31, BN, "RECEIVED", "Meridian Freight Forwarding Ltd. (K. Ionescu), Bandaria's freight forwarder"),
    ship("radios-2", 12, "001", 250, "SEA", "Container MAEU 771209-3, bill of lading MAEU260412093", "S003"),
    month(3, 10, "maintenance training at the Central Signal Depot"),
    move("radios-2", 8, ARMY, "IN_TRANSIT"),
    ship("kits-2", 5, "002b", 10, "AIR", "TCN BN2B015360S004XXX, flight AMC 9K1-204", "S004"),
  ];
}

function sparesSteps(caseId: string): Step[] {
  const requisitionNumbers = new Map<string, string>();
  const requisition = (key: string, ago: number, lineNumber: string, itemDescription: string, quantity: number, unitPrice: string, priority: string, nsn?: string): Step => ({
    ago,
    by: BN,
    run: (tx, actor, now, day) => {
      const documentNumber = milstripDocumentNumber({ serviceCode: "P", countryCode: "BN", deliveryTerm: "2", typeOfAssistance: "3", day: day(ago), serial: `000${key.slice(1)}` });
      requisitionNumbers.set(key, documentNumber);
      return submitRequisitionTx(tx, actor, caseId, lineNumber, { documentNumber, itemDescription, quantity, unitPrice, priority, nsn: nsn ?? null }, DEMO_CONTEXT, now);
    },
  });
  const ship = (key: string, part: number, ago: number, lineNumber: string, quantity: number, mode: ShipmentMode, trackingReference: string): Step => ({
    ago,
    by: NAVY,
    run: async (tx, actor, now, day) => {
      const documentNumber = requisitionNumbers.get(key)!;
      const found = await tx.requisition.findFirstOrThrow({ where: { caseId, documentNumber }, select: { id: true } });
      return recordShipmentTx(
        tx,
        actor,
        caseId,
        lineNumber,
        { requisitionId: found.id, documentNumber: `${documentNumber}-${part}`, quantity, shippedOn: day(ago), mode, trackingReference },
        DEMO_CONTEXT,
        now,
      );
    },
  });
  const move = (key: string, part: number, ago: number, by: string, status: "IN_TRANSIT" | "RECEIVED", receivedBy?: string): Step => ({
    ago,
    by,
    run: async (tx, actor, now, day) => {
      const shipment = await shipmentOf(tx, caseId, `${requisitionNumbers.get(key)!}-${part}`);
      return updateShipmentStatusTx(
        tx,
        actor,
        caseId,
        shipment.id,
        { expectedVersion: shipment.version, status, ...(status === "RECEIVED" ? { receivedOn: day(ago), receivedBy } : {}) },
        DEMO_CONTEXT,
        now,
      );
    },
  });
  const DEPOT = "Lt. Cdr. Mara Voinea, Bandarian Navy Supply Depot, Port Kessa";
  return [
    requisition("R1", 290, "001", "Centrifugal pump impeller, fire main", 40, "3150.00", "05", "4320-01-555-0101"),
    ship("R1", 1, 260, "001", 40, "SEA", "Container MSCU 448120-7"),
    move("R1", 1, 255, NAVY, "IN_TRANSIT"),
    move("R1", 1, 230, BN, "RECEIVED", DEPOT),
    requisition("R2", 210, "001", "Diesel generator governor assembly", 12, "18400.00", "03", "2990-01-555-0212"),
    ship("R2", 1, 180, "001", 12, "AIR", "TCN BN2P013180R002XXX"),
    move("R2", 1, 172, BN, "RECEIVED", DEPOT),
    requisition("R3", 160, "002", "Hydraulic filter element", 500, "86.50", "12", "4330-01-555-0330"),
    ship("R3", 1, 140, "002", 300, "PARCEL", "FedEx International 7719 2250 1184"),
    move("R3", 1, 133, BN, "RECEIVED", DEPOT),
    ship("R3", 2, 120, "002", 200, "PARCEL", "FedEx International 7719 2250 3307"),
    move("R3", 2, 112, BN, "RECEIVED", DEPOT),
    requisition("R4", 60, "001", "Radar waveguide assembly", 6, "24750.00", "02", "5985-01-555-0444"),
    ship("R4", 1, 30, "001", 4, "AIR", "TCN BN2P013030R004XXX"),
    move("R4", 1, 28, NAVY, "IN_TRANSIT"),
    requisition("R5", 10, "002", "Gasket kit, assorted sizes", 1200, "42.10", "08"),
  ];
}

/** Records the demo execution on the radios and spare-parts cases; each step in its own transaction, oldest first. */
export async function seedDemoExecution(prisma: PrismaClient, ids: DemoCaseIds, now: Date): Promise<void> {
  const actor = demoActors(prisma);
  for (const [caseId, steps] of [
    [ids.radiosExecuting, radiosSteps(ids.radiosExecuting)],
    [ids.sparesBlanket, sparesSteps(ids.sparesBlanket)],
  ] as const) {
    if (await hasExecution(prisma, caseId)) continue;
    await runDemoSteps(prisma, steps, now, actor);
  }
}
