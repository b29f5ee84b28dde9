// The JSON letter loader (src/server/lors/lor-rows.ts) must give exactly what Prisma's `include: lorInclude` gives —
// every column and type (Json columns keeping their own keys, decimals exact), every relation, attachments in order — so
// a column the loader misses or mistypes fails here.
import { beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { addLorAttachment } from "@/server/lors/add-lor-attachment";
import { lorInclude } from "@/server/lors/lor-record";
import { loadLorRow, loadLorRows } from "@/server/lors/lor-rows";
import { caseAt, caseCast } from "./case-helpers";
import { context, testPrisma } from "./helpers";
import { draftLor, PDF_BYTES, PNG_BYTES, seedSlaRules, underValidationLor, world } from "./lor-helpers";

const prisma = testPrisma();
let ids: string[];

beforeAll(async () => {
  await seedSlaRules(prisma);
  const w = await world(prisma);
  // A blanket order (a decimal), with two attachments (their order), under validation (an SLA rule, a due date).
  const blanket = await draftLor(w.partner, { loaType: "BLANKET_ORDER", blanketValue: "2500000.10", blanketCategory: "Spare parts", items: [] });
  await addLorAttachment(w.partner, blanket.id, { kind: "SPECIFICATION" }, { name: "spec.pdf", bytes: new Uint8Array(PDF_BYTES) }, context());
  await addLorAttachment(w.partner, blanket.id, { kind: "OTHER" }, { name: "photo.png", bytes: new Uint8Array(PNG_BYTES) }, context());
  const validating = await underValidationLor(w.partner, w.dsca);
  // A letter that opened a case (its case, its routed agency, completed).
  const cast = await caseCast(prisma);
  const opened = await caseAt(cast, "OPENED");
  const withCase = await prisma.letterOfRequest.findFirstOrThrow({ where: { caseId: opened.caseId }, select: { id: true } });
  ids = [validating.id, blanket.id, withCase.id];
}, 120_000);

describe("the JSON letter loader", () => {
  it("gives every letter exactly as Prisma's include does, in the order asked", async () => {
    const rows = await loadLorRows(prisma, ids);
    const expected = await prisma.letterOfRequest.findMany({ where: { id: { in: ids } }, include: lorInclude });
    expect(rows.map((r) => r.id)).toEqual(ids);
    for (const row of rows) expect(row).toStrictEqual(expected.find((e) => e.id === row.id));
    // What needed reviving really was exercised.
    const [validating, blanket, withCase] = rows;
    expect(validating!.validationSla?.effectiveFrom).toBeInstanceOf(Date);
    expect(blanket!.blanketValue).toEqual(new Prisma.Decimal("2500000.10"));
    expect(blanket!.attachments.map((a) => a.fileName)).toEqual(["spec.pdf", "photo.png"]);
    expect(withCase!.case?.id).toBeTruthy();
    expect(withCase!.routedAgency).not.toBeNull();
  });

  it("answers null for a missing letter or a malformed id, and nothing for no ids", async () => {
    expect(await loadLorRow(prisma, "00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await loadLorRow(prisma, "not-a-uuid")).toBeNull();
    expect(await loadLorRows(prisma, [])).toEqual([]);
  });
});
