// Demo Supply Discrepancy Report: Bandaria reports radios that arrived damaged on a received shipment of the executing
// radios case, with a photo, filed through the same transaction body as the app (src/server/sdr/sdr-core.ts) at a
// backdated moment, and left open for the Army to decide, so My tasks, the case's SDR pages and its timeline have
// something true to show. Runs after the execution demo (prisma/demo-execution.ts), which records the shipments.
// Idempotent: skipped once the case has a report.
import { deflateSync } from "node:zlib";
import Decimal from "decimal.js";
import { toAmount } from "../src/domain/money";
import { actorFromUser } from "../src/domain/policy";
import type { PrismaClient } from "../src/generated/prisma/client";
import { commentOnSdrInTx, fileSdrInTx } from "../src/server/sdr/sdr-core";
import { checkUploads } from "../src/server/sdr/sdr-store";
import type { DemoCaseIds } from "./demo-cases";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const DEMO_CONTEXT = { requestId: "demo-seed-sdrs", ip: null, userAgent: null };
const PARTNER = "partner.bn@caseway.example";
const ARMY = "army@caseway.example";

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * A small generated photo (PNG, 96 × 64): a brown shipping crate with a split board, drawn pixel by pixel so the demo
 * carries no binary file and the upload checks see a real PNG.
 */
export function demoDamagePhoto(): Uint8Array {
  const width = 96;
  const height = 64;
  const rows: number[] = [];
  for (let y = 0; y < height; y += 1) {
    rows.push(0); // filter: none
    for (let x = 0; x < width; x += 1) {
      const inCrate = x >= 8 && x < 88 && y >= 8 && y < 56;
      const seam = inCrate && (y - 8) % 12 === 0;
      const split = inCrate && Math.abs(y - 8 - Math.round((x - 8) * 0.45)) <= 1 && x > 30 && x < 70;
      const [r, g, b] = !inCrate ? [214, 219, 224] : split ? [40, 28, 20] : seam ? [110, 72, 40] : [166, 116, 68];
      rows.push(r, g, b);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, no filter, no interlace
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk("IHDR", header),
      chunk("IDAT", deflateSync(Buffer.from(rows))),
      chunk("IEND", new Uint8Array(0)),
    ]),
  );
}

/** Files the demo report (and two comments from the Army); answers its id, or null when skipped. */
export async function seedDemoSdrs(prisma: PrismaClient, ids: DemoCaseIds, now: Date = new Date()): Promise<{ sdrId: string; number: number } | null> {
  const caseId = ids.radiosExecuting;
  if (await prisma.supplyDiscrepancyReport.count({ where: { caseId } })) return null;
  const shipment = await prisma.shipment.findFirst({
    where: { caseId, status: "RECEIVED", receivedOn: { not: null } },
    orderBy: [{ receivedOn: "desc" }, { id: "asc" }],
  });
  if (!shipment?.receivedOn) return null;
  const actorOf = async (email: string) =>
    actorFromUser(await prisma.user.findUniqueOrThrow({ where: { email }, include: { organization: true } }));
  const [partner, army] = await Promise.all([actorOf(PARTNER), actorOf(ARMY)]);

  // A few days after receipt, and after the case's latest event so its timeline reads in order; never in the future.
  const latest = await prisma.auditEvent.findFirst({ where: { targetType: "case", targetId: caseId }, orderBy: { occurredAt: "desc" } });
  const earliest = Math.max(shipment.receivedOn.getTime() + 3 * DAY + 10 * HOUR, (latest?.occurredAt.getTime() ?? 0) + HOUR);
  const filedAt = new Date(Math.min(earliest, now.getTime() - 6 * HOUR));

  const quantity = Math.min(4, shipment.quantity);
  const valueAffected = toAmount(new Decimal(shipment.value.toString()).div(shipment.quantity).times(quantity));
  const filed = await prisma.$transaction((tx) =>
    fileSdrInTx(
      tx,
      partner,
      caseId,
      {
        shipmentId: shipment.id,
        type: "DAMAGE",
        quantityAffected: quantity,
        valueAffected,
        informationOnly: new Decimal(valueAffected).lt(200),
        description:
          `${quantity} radios arrived with cracked housings; the crate's side boards were split (photo attached). ` +
          `Found at receipt inspection at the central depot; the units are quarantined and the packing list is kept.`,
      },
      checkUploads([{ name: "damaged-crate.png", bytes: demoDamagePhoto() }]),
      DEMO_CONTEXT,
      filedAt,
    ),
  );
  const replyAt = new Date(Math.min(filedAt.getTime() + DAY, now.getTime() - 2 * HOUR));
  await prisma.$transaction((tx) =>
    commentOnSdrInTx(
      tx,
      army,
      caseId,
      filed.number,
      {
        text: "Received. We have asked the depot for its packing record and the carrier for its inspection report; please keep the damaged units until we decide.",
        visibility: "PARTNER_VISIBLE",
      },
      DEMO_CONTEXT,
      replyAt,
    ),
  );
  await prisma.$transaction((tx) =>
    commentOnSdrInTx(
      tx,
      army,
      caseId,
      filed.number,
      { text: "Carrier claim opened; if the carrier accepts liability we credit the case and recover from the carrier.", visibility: "USG_INTERNAL" },
      DEMO_CONTEXT,
      new Date(replyAt.getTime() + HOUR),
    ),
  );
  return { sdrId: filed.id, number: filed.number };
}
