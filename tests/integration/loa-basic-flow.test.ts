// The basic LOA moving with the case workflow, against PostgreSQL: the agency's approval refuses an incomplete LOA
// and lets its values decide congressional notification; approval freezes the LOA for review; the offer stores the
// rendered PDF with its SHA-256 and every download is those bytes; partners see nothing before the offer and never
// the internal notes; a counter-offer or restatement supersedes the offered LOA (keeping its PDF) with a new draft.
import { beforeAll, describe, expect, it } from "vitest";
import type { LoaContent } from "@/domain/loa/content";
import type { Actor } from "@/domain/policy";
import { db } from "@/server/db";
import { getCaseFinances } from "@/server/finance/get-case-finances";
import { renderDocument } from "@/server/loa/case-loa-sync";
import { getDocument } from "@/server/loa/get-document";
import { getDocumentPdf } from "@/server/loa/get-document-pdf";
import { listDocuments } from "@/server/loa/list-documents";
import { loadDocuments } from "@/server/loa/loa-store";
import { INTERNAL_LINE_NOTE, INTERNAL_NOTE_TEXT, libraryNote, loaLine, seedLoaReference, smallLoa, STANDARD_NOTES } from "../factories/loa";
import { HAPPY_PATH, caseAt, caseAudit, caseCast, openCase, type Cast, type CaseDriver } from "./case-helpers";
import { expectAppError, testPrisma } from "./helpers";
import { seedSlaRules } from "./lor-helpers";
import { documentRow, draftInput, pdfText, save, sha256, todayIso, working } from "./loa-helpers";

const prisma = testPrisma();

beforeAll(async () => {
  await seedSlaRules(prisma);
  await seedLoaReference(prisma);
});

/** Worked example A (fms-domain.md §7.4) with 14 vehicles: the MDE line alone is $14.84M. */
function fourteenVehicles(): LoaContent {
  return smallLoa({
    description: "Tactical vehicles with initial spares and operator training.",
    lines: [
      loaLine({ lineNumber: "001", genericCode: "V1T", maslNumber: "2320015550014", description: "Tactical vehicle", quantity: 14, unitOfIssue: "EA", unitCost: "1000000.00", sourceOfSupply: "P", typeOfAssistance: "5", deliveryTermCode: "2", mde: true, ncPerUnit: "50000.00" }),
      loaLine({ lineNumber: "002", genericCode: "V1S", maslNumber: "2320015550015", description: "Initial spares", quantity: 1, unitOfIssue: "LO", unitCost: "2000000.00", sourceOfSupply: "X", typeOfAssistance: "4", deliveryTermCode: "2" }),
      loaLine({ lineNumber: "003", genericCode: "V1O", maslNumber: "TRNGVEHIC0001", description: "Operator training", quantity: 1, unitOfIssue: "LO", unitCost: "500000.00", sourceOfSupply: "S", typeOfAssistance: "3" }),
    ],
    notes: [...STANDARD_NOTES, libraryNote("nonrecurring-cost-apply-estimated")],
  });
}

/** Continues the happy path from where the driver's case is until it reaches `status`. */
async function walkTo(cast: Cast, driver: CaseDriver, from: string, status: string) {
  const start = HAPPY_PATH.findIndex((step) => step.action === from);
  for (const step of HAPPY_PATH.slice(start)) {
    await driver.do(cast[step.who] as Actor, step.action, step.input?.(cast) ?? {});
    if (step.to === status) return;
  }
  throw new Error(`never reached ${status}`);
}

describe("the agency's approval (approve-loa)", () => {
  it("is refused while the LOA is incomplete, naming each problem, and allowed once it is complete; it freezes the LOA for review", async () => {
    const cast = await caseCast(prisma);
    const { caseId, driver } = await openCase(cast, "Counterfire radars with training", { emptyLoa: true });
    await driver.do(cast.dsca, "assign-agency", { agencyId: cast.agency.id });

    const refused = await expectAppError(driver.attempt(cast.ia, "approve-loa"), "CONFLICT");
    expect(refused.message).toMatch(/^The LOA is not ready for review: /);
    expect(refused.message).toContain("Add at least one line");
    expect(refused.message).toContain('Add the note "Administrative Surcharge": this LOA must carry it');
    expect(await prisma.case.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({ status: "IN_DEVELOPMENT", version: driver.version });
    expect(await caseAudit(prisma, caseId, "case.approve-loa")).toHaveLength(0);

    // Lines without their notes are still not enough.
    await save(cast.ia, caseId, draftInput(smallLoa({ notes: [libraryNote("administrative-surcharge")] }), 1));
    const notes = await expectAppError(driver.attempt(cast.ia, "approve-loa"), "CONFLICT");
    expect(notes.message).toContain('Add the note "Accessorial Charges"');
    expect(notes.message).toContain('Add the note "Contract Administration Services (CAS) Surcharge"');
    expect(notes.message).toContain('Add the note "Transportation Services through DTS"');
    expect(notes.message).not.toContain("Add at least one line");

    await save(cast.ia, caseId, draftInput(smallLoa(), 2));
    const view = await driver.do(cast.ia, "approve-loa");
    expect(view).toMatchObject({ status: "IN_REVIEW", notification: { status: "NOT_REQUIRED" } });
    const doc = await documentRow(prisma, caseId, 1);
    expect(doc).toMatchObject({ status: "SUBMITTED", version: 4 });
    expect(doc.pricedOn?.toISOString().slice(0, 10)).toBe(todayIso());
    expect((await working(cast.ia, caseId)).editable).toBe(false);

    // A review returned for rework thaws it again.
    await driver.do(cast.dsca, "return-for-rework", { comment: "Split the training line" });
    expect(await documentRow(prisma, caseId, 1)).toMatchObject({ status: "DRAFT", pricedOn: null, submittedAt: null });
    const again = await working(cast.ia, caseId);
    expect(again).toMatchObject({ editable: true, startsChange: false });
    expect(again.document.status).toBe("DRAFT");
  });

  it("an LOA over the MDE threshold for a purchaser outside NATO+ starts the notification track (PREPARATION)", async () => {
    const cast = await caseCast(prisma);
    const { caseId, driver } = await openCase(cast, "Tactical vehicles", { emptyLoa: true });
    await driver.do(cast.dsca, "assign-agency", { agencyId: cast.agency.id });
    const saved = await save(cast.ia, caseId, draftInput(fourteenVehicles(), 1));
    expect(saved.problems).toEqual([]);
    expect(saved.pricing.lines[0]).toMatchObject({ lineTotal: "14840000.00" });
    expect(saved.pricing.notification).toMatchObject({ required: true, group: "OTHER" });
    expect(saved.pricing.notification.reasons[0]).toMatch(/Major defense equipment .* is at or above the \$14,000,000\.00 threshold/);

    const view = await driver.do(cast.ia, "approve-loa");
    expect(view).toMatchObject({ status: "IN_REVIEW", notification: { status: "PREPARATION" } });
    expect((await prisma.case.findUniqueOrThrow({ where: { id: caseId } })).cnStatus).toBe("PREPARATION");
    const [event] = await caseAudit(prisma, caseId, "case.approve-loa");
    expect(event!.details).toMatchObject({ notificationFrom: "NOT_REQUIRED", notificationTo: "PREPARATION" });
  });

  it("the same LOA for a NATO+ purchaser stays NOT_REQUIRED", async () => {
    const cast = await caseCast(prisma, { natoPlus: true });
    const { caseId, driver } = await openCase(cast, "Tactical vehicles", { emptyLoa: true });
    await driver.do(cast.dsca, "assign-agency", { agencyId: cast.agency.id });
    const saved = await save(cast.ia, caseId, draftInput(fourteenVehicles(), 1));
    expect(saved.pricing.notification).toMatchObject({ required: false, group: "NATO_PLUS", reasons: [] });
    const view = await driver.do(cast.ia, "approve-loa");
    expect(view).toMatchObject({ status: "IN_REVIEW", notification: { status: "NOT_REQUIRED" } });
  });
});

describe("the offer", () => {
  it("before the offer the PDF is a DRAFT render of the current version, and the partner sees no document at all", async () => {
    const cast = await caseCast(prisma);
    const { caseId } = await caseAt(cast, "IN_REVIEW");

    const pdf = await getDocumentPdf(cast.ia, caseId, 1);
    expect(pdf.offered).toBe(false);
    expect(pdf.filename).toMatch(/_DRAFT\.pdf$/);
    expect(pdf.sha256).toBe(sha256(pdf.bytes));
    expect(Buffer.from(pdf.bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    const text = await pdfText(pdf.bytes);
    expect(text).toContain("DRAFT");
    expect(text).toContain("$784,528.75");
    expect(text).toContain("Radar spare modules");

    expect(await listDocuments(cast.partner, caseId)).toEqual([]);
    await expectAppError(getDocument(cast.partner, caseId, 1), "NOT_FOUND");
    await expectAppError(getDocument(cast.partner, caseId, "1"), "NOT_FOUND");
    await expectAppError(getDocumentPdf(cast.partner, caseId, 1), "NOT_FOUND");
    await expectAppError(listDocuments(cast.foreignPartner, caseId), "NOT_FOUND");
    expect((await listDocuments(cast.ia, caseId)).map((d) => [d.number, d.status])).toEqual([[1, "SUBMITTED"]]);
  });

  it("stores the rendered PDF with its SHA-256; every download is those bytes, and rendering the version again gives the same bytes", async () => {
    const cast = await caseCast(prisma);
    const { caseId, identifier } = await caseAt(cast, "OFFERED");

    const row = await documentRow(prisma, caseId, 1);
    expect(row).toMatchObject({ status: "OFFERED", documentType: "BASIC" });
    expect(row.offeredAt).not.toBeNull();
    expect(row.pdfSha256).toMatch(/^[0-9a-f]{64}$/);
    const file = await prisma.storedFile.findUniqueOrThrow({ where: { id: row.pdfFileId! } });
    const stored = Buffer.from(file.content);
    expect(sha256(stored)).toBe(row.pdfSha256);

    const first = await getDocumentPdf(cast.ia, caseId, 1);
    const second = await getDocumentPdf(cast.dsca, caseId, "1");
    const partners = await getDocumentPdf(cast.partner, caseId, 1);
    for (const pdf of [first, second, partners]) {
      expect(pdf.offered).toBe(true);
      expect(pdf.sha256).toBe(row.pdfSha256);
      expect(pdf.bytes.equals(stored)).toBe(true);
      expect(pdf.filename).toBe(`${identifier}_Basic_LOA.pdf`);
    }

    const [doc] = await loadDocuments(db(), caseId);
    const rendered = await renderDocument(db(), caseId, doc!, { draft: false });
    expect(rendered.equals(stored)).toBe(true);

    const text = await pdfText(stored);
    expect(text).not.toContain("DRAFT");
    expect(text).toContain("$784,528.75");
    expect(text).toContain(identifier);

    const summary = (await listDocuments(cast.ia, caseId))[0]!;
    expect(summary).toMatchObject({ number: 1, status: "OFFERED", pdfSha256: row.pdfSha256, totalEstimatedCost: "784528.75" });
  });

  it("after the offer the partner sees the document, without the internal note or the lines' internal notes (also not in the PDF)", async () => {
    const cast = await caseCast(prisma);
    const { caseId } = await caseAt(cast, "OFFERED");

    const list = await listDocuments(cast.partner, caseId);
    expect(list.map((d) => [d.number, d.status])).toEqual([[1, "OFFERED"]]);
    const partnerView = await getDocument(cast.partner, caseId, 1);
    expect(partnerView.notes.some((note) => note.internal)).toBe(false);
    expect(partnerView.notes.map((note) => note.key)).toEqual(STANDARD_NOTES.filter((n) => !n.internal).map((n) => n.key));
    for (const line of partnerView.lines) expect(line.internalNote).toBeUndefined();
    expect(JSON.stringify(partnerView)).not.toContain(INTERNAL_LINE_NOTE);
    expect(JSON.stringify(partnerView)).not.toContain(INTERNAL_NOTE_TEXT);
    expect(partnerView).toMatchObject({ problems: [], changes: null, availableActions: [] });

    const staffView = await getDocument(cast.ia, caseId, 1);
    expect(staffView.notes.filter((note) => note.internal).map((note) => note.text)).toEqual([INTERNAL_NOTE_TEXT]);
    expect(staffView.lines[0]!.internalNote).toBe(INTERNAL_LINE_NOTE);

    const text = await pdfText((await getDocumentPdf(cast.partner, caseId, 1)).bytes);
    expect(text).toContain("Administrative Surcharge");
    expect(text).not.toContain("Pricing basis");
    expect(text).not.toContain("Not for release");
    expect(text).not.toContain("option exercise");
  });

  it("acceptance locks each line's administrative rate at the rate in force that day", async () => {
    const cast = await caseCast(prisma);
    const { caseId } = await caseAt(cast, "ACCEPTED");
    const row = await documentRow(prisma, caseId, 1);
    expect(row).toMatchObject({ status: "ACCEPTED", acceptedByName: "Mira Castellan", acceptedByTitle: "Director of Procurement" });
    expect(row.lines).toHaveLength(3);
    for (const line of row.lines) {
      expect(line.adminRate?.toString()).toBe("0.038");
      expect(line.rateLockedOn?.toISOString().slice(0, 10)).toBe(todayIso());
    }
    const view = await getDocument(cast.partner, caseId, 1);
    expect(view.pricing.lines.every((line) => line.adminRate === "0.038" && line.adminRateLocked)).toBe(true);
  });
});

describe("a counter-offer or a restatement", () => {
  async function expectSuperseded(cast: Cast, caseId: string) {
    const old = await documentRow(prisma, caseId, 1);
    expect(old).toMatchObject({ status: "SUPERSEDED", documentType: "BASIC" });
    expect(old.pdfFileId).not.toBeNull();
    const file = await prisma.storedFile.findUniqueOrThrow({ where: { id: old.pdfFileId! } });
    expect(sha256(file.content)).toBe(old.pdfSha256);
    const pdf = await getDocumentPdf(cast.partner, caseId, 1);
    expect(pdf).toMatchObject({ offered: true, sha256: old.pdfSha256 });

    const next = await documentRow(prisma, caseId, 2);
    expect(next).toMatchObject({ status: "DRAFT", documentType: "BASIC", documentNumber: 0, pdfFileId: null, pdfSha256: null, pricedOn: null });
    const strip = (lines: typeof old.lines) => lines.map(({ id: _id, documentId: _doc, ...rest }) => rest);
    expect(strip(next.lines)).toEqual(strip(old.lines));
    expect(next.notes).toEqual(old.notes);
    expect(next.description).toBe(old.description);

    const draft = await working(cast.ia, caseId);
    expect(draft).toMatchObject({ editable: true, startsChange: false });
    expect(draft.document).toMatchObject({ number: 2, status: "DRAFT", documentType: "BASIC" });
    // The partner keeps the superseded offer and never sees the new draft.
    expect((await listDocuments(cast.partner, caseId)).map((d) => [d.number, d.status])).toEqual([[1, "SUPERSEDED"]]);
    await expectAppError(getDocument(cast.partner, caseId, 2), "NOT_FOUND");
    return old;
  }

  it("a counter-offer supersedes the offered LOA (its PDF kept) with a new basic draft, which goes through review to a new offer", async () => {
    const cast = await caseCast(prisma);
    const { caseId, driver } = await caseAt(cast, "OFFERED");
    await driver.do(cast.partner, "request-changes", { comment: "Please add two more spare modules" });
    const old = await expectSuperseded(cast, caseId);

    const current = await working(cast.ia, caseId);
    const more = smallLoa();
    more.lines[0] = { ...more.lines[0]!, quantity: 12 };
    await save(cast.ia, caseId, draftInput(more, current.document.version));
    await walkTo(cast, driver, "approve-loa", "OFFERED");

    const reoffered = await documentRow(prisma, caseId, 2);
    expect(reoffered).toMatchObject({ status: "OFFERED" });
    expect(reoffered.pdfSha256).not.toBe(old.pdfSha256);
    expect(await documentRow(prisma, caseId, 1)).toMatchObject({ status: "SUPERSEDED", pdfSha256: old.pdfSha256 });
    expect((await listDocuments(cast.partner, caseId)).map((d) => [d.number, d.status])).toEqual([
      [1, "SUPERSEDED"],
      [2, "OFFERED"],
    ]);
    // The re-offered LOA (twelve units) calls for a larger deposit than the first; the partner promises what it asks.
    const { deposit } = await getCaseFinances(cast.partner, caseId);
    await driver.do(cast.partner, "accept", { signerName: "Mira Castellan", signerTitle: "Director", signedOn: todayIso(), initialDeposit: deposit!.due });
    expect(await documentRow(prisma, caseId, 2)).toMatchObject({ status: "ACCEPTED" });
    expect(await documentRow(prisma, caseId, 1)).toMatchObject({ status: "SUPERSEDED" });
  });

  it("restating an expired offer supersedes it the same way", async () => {
    const cast = await caseCast(prisma);
    const { caseId, driver } = await caseAt(cast, "OFFERED");
    await prisma.case.update({ where: { id: caseId }, data: { offerExpiresAt: new Date(Date.now() - 60_000) } });
    const view = await driver.do(cast.ia, "restate");
    expect(view.status).toBe("IN_DEVELOPMENT");
    await expectSuperseded(cast, caseId);
  });
});
