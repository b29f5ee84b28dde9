// Attachments: PDF, PNG or JPEG judged by their first bytes, at most 10 MB, stored byte for byte under a cleaned name,
// and frozen once the letter is with the U.S. Government.
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_LOR } from "@/domain/files";
import { acknowledgeLor } from "@/server/lors/acknowledge-lor";
import { addLorAttachment } from "@/server/lors/add-lor-attachment";
import { getLor } from "@/server/lors/get-lor";
import { getLorAttachment } from "@/server/lors/get-lor-attachment";
import { listLorEvents } from "@/server/lors/list-lor-events";
import { markLorInsufficient } from "@/server/lors/mark-lor-insufficient";
import { removeLorAttachment } from "@/server/lors/remove-lor-attachment";
import { submitLor } from "@/server/lors/submit-lor";
import { context, expectAppError, testPrisma } from "./helpers";
import { draftLor, JPEG_BYTES, lorAudit, PDF_BYTES, PNG_BYTES, seedSlaRules, world } from "./lor-helpers";

const prisma = testPrisma();

beforeAll(() => seedSlaRules(prisma));

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** A file of `size` bytes that starts like a PDF. */
function pdfOfSize(size: number) {
  const bytes = new Uint8Array(size).fill(0x20);
  bytes.set(PDF_BYTES.subarray(0, Math.min(PDF_BYTES.length, size)));
  return bytes;
}

async function draftWithPartner() {
  const w = await world(prisma);
  return { ...w, lor: await draftLor(w.partner) };
}

describe("accepted files", () => {
  it.each([
    { type: "application/pdf", name: "Signed LOR.PDF", bytes: PDF_BYTES, stored: "Signed LOR.pdf" },
    { type: "image/png", name: "scan.png", bytes: PNG_BYTES, stored: "scan.png" },
    { type: "image/jpeg", name: "photo.jpeg", bytes: JPEG_BYTES, stored: "photo.jpeg" },
    { type: "image/png", name: "report.txt", bytes: PNG_BYTES, stored: "report.txt.png" },
  ])("a $type named $name comes back byte-identical with the detected type and hash", async ({ type, name, bytes, stored }) => {
    const { partner, lor } = await draftWithPartner();
    const ctx = context();
    const added = await addLorAttachment(partner, lor.id, { kind: "SPECIFICATION" }, { name, bytes: new Uint8Array(bytes) }, ctx);
    expect(added).toMatchObject({ kind: "SPECIFICATION", fileName: stored, contentType: type, sizeBytes: bytes.length, sha256: sha256(bytes) });
    expect(added.downloadUrl).toBe(`/api/v1/lors/${lor.id}/attachments/${added.id}`);

    const file = await getLorAttachment(partner, lor.id, added.id);
    expect(file).toMatchObject({ fileName: stored, contentType: type, sizeBytes: bytes.length, sha256: sha256(bytes) });
    expect(Buffer.from(file.bytes).equals(Buffer.from(bytes))).toBe(true);
    expect(sha256(file.bytes)).toBe(sha256(bytes));

    expect((await getLor(partner, lor.id)).attachments).toEqual([expect.objectContaining({ id: added.id, contentType: type, sha256: sha256(bytes) })]);
    const events = await prisma.auditEvent.findMany({ where: { requestId: ctx.requestId } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "lor.attachment_add", targetType: "lor", targetId: lor.id, actorUserId: partner.userId });
    expect(events[0]!.details).toMatchObject({ attachmentId: added.id, sha256: sha256(bytes), contentType: type });
  });

  it("a file of exactly 10 MB is accepted and stored intact", async () => {
    const { partner, lor } = await draftWithPartner();
    const bytes = pdfOfSize(MAX_ATTACHMENT_BYTES);
    const added = await addLorAttachment(partner, lor.id, { kind: "OTHER" }, { name: "big.pdf", bytes }, context());
    expect(added.sizeBytes).toBe(MAX_ATTACHMENT_BYTES);
    const file = await getLorAttachment(partner, lor.id, added.id);
    expect(file.bytes.length).toBe(MAX_ATTACHMENT_BYTES);
    expect(sha256(file.bytes)).toBe(sha256(bytes));
  });

  it.each([
    { original: "../../x\u202Egpj.exe", stored: /^x_gpj\.exe\.pdf$/ },
    { original: "C:\\Users\\officer\\R\u00e9sum\u00e9   final.pdf", stored: /^Resume final\.pdf$/ },
    { original: "<script>alert(1)</script>.pdf", stored: /^script_?\.pdf$/ },
    { original: "....pdf", stored: /^attachment\.pdf$/ },
  ])("a file named $original is stored cleaned ($stored)", async ({ original, stored }) => {
    const { partner, lor } = await draftWithPartner();
    const added = await addLorAttachment(partner, lor.id, { kind: "OTHER" }, { name: original, bytes: PDF_BYTES }, context());
    expect(added.fileName).toMatch(stored);
    expect(added.fileName).not.toMatch(/[/\\\u202e<>]|\.\./);
    const row = await prisma.lorAttachment.findUniqueOrThrow({ where: { id: added.id } });
    expect(row.fileName).toBe(added.fileName);
    expect((await getLorAttachment(partner, lor.id, added.id)).fileName).toBe(added.fileName);
  });
});

describe("refused files", () => {
  it.each([
    { what: "HTML named .pdf", file: { name: "letter.pdf", bytes: new Uint8Array(Buffer.from("<!doctype html><script>alert(1)</script>")) } },
    { what: "a PDF header without the dash", file: { name: "letter.pdf", bytes: new Uint8Array(Buffer.from("%PDF1.7 not quite")) } },
    { what: "an SVG named .png", file: { name: "seal.png", bytes: new Uint8Array(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')) } },
    { what: "a file one byte over 10 MB", file: { name: "huge.pdf", bytes: pdfOfSize(MAX_ATTACHMENT_BYTES + 1) } },
    { what: "an empty file", file: { name: "empty.pdf", bytes: new Uint8Array(0) } },
    { what: "no file", file: null },
  ])("$what → VALIDATION_FAILED on file, nothing stored", async ({ file }) => {
    const { partner, lor } = await draftWithPartner();
    const filesBefore = await prisma.storedFile.count();
    const error = await expectAppError(addLorAttachment(partner, lor.id, { kind: "SIGNED_LETTER" }, file, context()), "VALIDATION_FAILED");
    expect(Object.keys(error.extra.fields ?? {})).toEqual(["file"]);
    expect(await prisma.lorAttachment.count({ where: { lorId: lor.id } })).toBe(0);
    expect(await prisma.storedFile.count()).toBe(filesBefore);
    expect(await lorAudit(prisma, lor.id, "lor.attachment_add")).toHaveLength(0);
  });

  it("an unknown kind → VALIDATION_FAILED on kind", async () => {
    const { partner, lor } = await draftWithPartner();
    const error = await expectAppError(addLorAttachment(partner, lor.id, { kind: "EXECUTABLE" }, { name: "a.pdf", bytes: PDF_BYTES }, context()), "VALIDATION_FAILED");
    expect(Object.keys(error.extra.fields ?? {})).toEqual(["kind"]);
  });

  it(`a letter holds at most ${MAX_ATTACHMENTS_PER_LOR} attachments`, async () => {
    const { partner, lor } = await draftWithPartner();
    for (let i = 0; i < MAX_ATTACHMENTS_PER_LOR; i += 1) {
      await addLorAttachment(partner, lor.id, { kind: "OTHER" }, { name: `part-${i}.png`, bytes: PNG_BYTES }, context());
    }
    const error = await expectAppError(addLorAttachment(partner, lor.id, { kind: "OTHER" }, { name: "one-too-many.png", bytes: PNG_BYTES }, context()), "VALIDATION_FAILED");
    expect(Object.keys(error.extra.fields ?? {})).toEqual(["file"]);
    expect(await prisma.lorAttachment.count({ where: { lorId: lor.id } })).toBe(MAX_ATTACHMENTS_PER_LOR);
  });
});

describe("when attachments may change", () => {
  it("a draft's attachment can be removed: the file is gone and the removal audited", async () => {
    const { partner, lor } = await draftWithPartner();
    const added = await addLorAttachment(partner, lor.id, { kind: "OTHER" }, { name: "old.pdf", bytes: PDF_BYTES }, context());
    const row = await prisma.lorAttachment.findUniqueOrThrow({ where: { id: added.id } });
    expect(await removeLorAttachment(partner, lor.id, added.id, context())).toEqual({ id: added.id, removed: true });
    expect(await prisma.lorAttachment.count({ where: { id: added.id } })).toBe(0);
    expect(await prisma.storedFile.count({ where: { id: row.fileId } })).toBe(0);
    await expectAppError(getLorAttachment(partner, lor.id, added.id), "NOT_FOUND");
    await expectAppError(removeLorAttachment(partner, lor.id, added.id, context()), "NOT_FOUND");
    const [removal] = await lorAudit(prisma, lor.id, "lor.attachment_remove");
    expect(removal!.details).toMatchObject({ attachmentId: added.id, fileName: "old.pdf", sha256: added.sha256 });
    expect((await listLorEvents(partner, lor.id)).map((e) => [e.action, e.note])).toEqual([
      ["lor.create", null],
      ["lor.attachment_add", "old.pdf"],
      ["lor.attachment_remove", "old.pdf"],
    ]);
  });

  it("after submission files can be neither added nor removed (CONFLICT); once returned as insufficient they can again", async () => {
    const { partner, dsca, lor } = await draftWithPartner();
    const kept = await addLorAttachment(partner, lor.id, { kind: "SIGNED_LETTER" }, { name: "signed.pdf", bytes: PDF_BYTES }, context());
    const submitted = await submitLor(partner, lor.id, { expectedVersion: lor.version }, context());

    const add = await expectAppError(addLorAttachment(partner, lor.id, { kind: "OTHER" }, { name: "late.png", bytes: PNG_BYTES }, context()), "CONFLICT");
    expect(add.status).toBe(409);
    await expectAppError(removeLorAttachment(partner, lor.id, kept.id, context()), "CONFLICT");
    const validating = await acknowledgeLor(dsca, lor.id, { expectedVersion: submitted.version }, context());
    await expectAppError(addLorAttachment(partner, lor.id, { kind: "OTHER" }, { name: "late.png", bytes: PNG_BYTES }, context()), "CONFLICT");
    expect((await prisma.lorAttachment.findMany({ where: { lorId: lor.id } })).map((a) => a.id)).toEqual([kept.id]);

    await markLorInsufficient(dsca, lor.id, { expectedVersion: validating.version, reasons: "Attach the specification" }, context());
    const spec = await addLorAttachment(partner, lor.id, { kind: "SPECIFICATION" }, { name: "spec.pdf", bytes: PDF_BYTES }, context());
    await removeLorAttachment(partner, lor.id, kept.id, context());
    expect((await getLor(partner, lor.id)).attachments.map((a) => a.id)).toEqual([spec.id]);
  });

  it("an attachment id is only found under its own letter", async () => {
    const { partner } = await world(prisma);
    const first = await draftLor(partner);
    const second = await draftLor(partner);
    const added = await addLorAttachment(partner, first.id, { kind: "OTHER" }, { name: "a.pdf", bytes: PDF_BYTES }, context());
    await expectAppError(getLorAttachment(partner, second.id, added.id), "NOT_FOUND");
    await expectAppError(removeLorAttachment(partner, second.id, added.id, context()), "NOT_FOUND");
    await expectAppError(getLorAttachment(partner, first.id, "not-a-uuid"), "NOT_FOUND");
    expect(await prisma.lorAttachment.count({ where: { id: added.id } })).toBe(1);
  });

  it("the signedLetter criterion is met once a SIGNED_LETTER is attached, and unmet again when it is removed", async () => {
    const { partner, lor } = await draftWithPartner();
    const criterion = async () => (await getLor(partner, lor.id)).checklist.criteria.find((c) => c.key === "signedLetter")!;
    expect(await criterion()).toMatchObject({ met: false, mandatory: false });
    const scoreBefore = (await getLor(partner, lor.id)).checklist.score;

    await addLorAttachment(partner, lor.id, { kind: "SPECIFICATION" }, { name: "spec.pdf", bytes: PDF_BYTES }, context());
    expect((await criterion()).met).toBe(false);
    const signed = await addLorAttachment(partner, lor.id, { kind: "SIGNED_LETTER" }, { name: "signed.jpg", bytes: JPEG_BYTES }, context());
    expect(await criterion()).toMatchObject({ met: true, problem: null });
    expect((await getLor(partner, lor.id)).checklist.score).toBeGreaterThan(scoreBefore);

    await removeLorAttachment(partner, lor.id, signed.id, context());
    expect((await criterion()).met).toBe(false);
  });
});
