// Amendments and Modifications after acceptance, against PostgreSQL: a save on the accepted LOA starts a change draft;
// the rate lock keeps accepted lines at their rate and puts more scope on new lines at the current rate; the change
// is classified (Amendment for scope, Modification for price only), confirmed, approved by DSCA and then offered to
// the partner (Amendment) or implemented at once (Modification); withdrawals; every step on the case's hash chain.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getCaseAudit, verifyCaseChain } from "@/server/cases/get-case-audit";
import { getDocument } from "@/server/loa/get-document";
import { getDocumentPdf } from "@/server/loa/get-document-pdf";
import { listDocuments } from "@/server/loa/list-documents";
import { additionalSparesLine as extraLine, seedLoaReference } from "../factories/loa";
import { caseAt, caseAudit, caseCast, outcomes, raceOnCase } from "./case-helpers";
import { expectAppError, testPrisma } from "./helpers";
import { iaManagerOf, seedSlaRules } from "./lor-helpers";
import { contentOfView, dayStart, docAction, documentRow, draftInput, pdfText, save, saveEdit, sha256, todayIso, working } from "./loa-helpers";

const prisma = testPrisma();

beforeAll(async () => {
  await seedSlaRules(prisma);
  await seedLoaReference(prisma);
});

/** Rows a test added to the rate table, removed after it so no other test prices at them. */
const addedRates: string[] = [];
afterEach(async () => {
  await prisma.pricingRate.deleteMany({ where: { id: { in: addedRates.splice(0) } } });
});

/** From yesterday the administrative surcharge is 3.2%: lines accepted earlier keep 3.8%. */
async function lowerAdminRateFromYesterday() {
  const row = await prisma.pricingRate.create({
    data: { key: "ADMIN_SURCHARGE", value: "0.032", effectiveFrom: new Date(dayStart(-1)), source: "Integration test: a newer rate" },
  });
  addedRates.push(row.id);
}


const REASON = "Adds line 004 for two more spare modules the purchaser asked for.";

describe("an Amendment after acceptance, with the rate lock", () => {
  it("keeps accepted lines at their locked rate, adds scope on a new line at the current rate, and goes to the partner", async () => {
    const cast = await caseCast(prisma);
    const { caseId, identifier } = await caseAt(cast, "ACCEPTED");
    const basic = await documentRow(prisma, caseId, 1);
    expect(basic.status).toBe("ACCEPTED");
    expect(basic.lines.map((l) => [l.adminRate?.toString(), l.rateLockedOn?.toISOString().slice(0, 10)])).toEqual(
      Array(3).fill(["0.038", todayIso()]),
    );

    const start = await working(cast.ia, caseId);
    expect(start).toMatchObject({ editable: true, startsChange: true, lockedReason: null });
    expect(start.document).toMatchObject({ number: 1, status: "ACCEPTED" });

    await lowerAdminRateFromYesterday();

    // More of an accepted line is refused: it must go on a new line.
    const more = contentOfView(start.document);
    const raised = { ...more, lines: more.lines.map((l) => (l.lineNumber === "001" ? { ...l, quantity: 12 } : l)) };
    const refused = await expectAppError(save(cast.ia, caseId, draftInput(raised, start.document.version)), "VALIDATION_FAILED");
    const fields = refused.extra.fields as Record<string, string>;
    expect(Object.keys(fields)).toEqual(["lines.0.quantity"]);
    expect(fields["lines.0.quantity"]).toMatch(/accepted at 3\.8% and keeps that rate; more scope must go on a new line at the current rate \(3\.2%\)/);
    expect(await prisma.caseDocument.count({ where: { caseId } })).toBe(1);
    expect(await caseAudit(prisma, caseId, "loa.change-started")).toHaveLength(0);

    // A new line instead: the change draft starts, the old lines keep 3.8%, the new one prices at 3.2%.
    const draft = await save(cast.ia, caseId, draftInput({ ...more, lines: [...more.lines, extraLine] }, start.document.version));
    expect(draft).toMatchObject({ number: 2, documentType: null, documentNumber: null, status: "DRAFT", name: `${identifier} (proposed change)`, problems: [] });
    expect(draft.changes).toMatchObject({ baseNumber: 1, proposal: "AMENDMENT" });
    expect(draft.changes!.items).toEqual([expect.objectContaining({ kind: "SCOPE", lineNumber: "004", field: "line" })]);
    expect(draft.pricing.lines.map((l) => [l.lineNumber, l.adminRate, l.adminRateLocked])).toEqual([
      ["001", "0.038", true],
      ["002", "0.038", true],
      ["003", "0.038", true],
      ["004", "0.032", false],
    ]);
    expect(draft.lines.map((l) => l.adminRate)).toEqual(["0.038", "0.038", "0.038", null]);
    // 50,500 at 3.2% is 1,616.00 of administrative surcharge.
    expect(draft.pricing.lines[3]).toMatchObject({ lineTotal: "50500.00", admin: "1616.00" });
    expect(draft.availableActions.sort()).toEqual(["submit", "withdraw"]);
    const [started] = await caseAudit(prisma, caseId, "loa.change-started");
    expect(started!.details).toMatchObject({ document: 2, baseDocument: 1, lines: 4 });
    // The accepted LOA is untouched.
    expect(await documentRow(prisma, caseId, 1)).toMatchObject({ status: "ACCEPTED", version: basic.version });

    // Further saves edit the same draft.
    const edited = await saveEdit(cast.ia, caseId, (c) => ({ ...c, lines: c.lines.map((l) => (l.lineNumber === "004" ? { ...l, note: "Delivered with line 001." } : l)) }));
    expect(edited).toMatchObject({ number: 2, version: draft.version + 1 });
    expect(await caseAudit(prisma, caseId, "loa.save")).toHaveLength(1);
    // The partner does not see the draft.
    expect((await listDocuments(cast.partner, caseId)).map((d) => d.number)).toEqual([1]);
    await expectAppError(getDocument(cast.partner, caseId, 2), "NOT_FOUND");

    // Confirming the type: a scope change cannot go as a Modification.
    const asMod = await expectAppError(docAction(cast.ia, caseId, 2, "submit", { expectedVersion: edited.version, documentType: "MODIFICATION", reason: REASON }), "VALIDATION_FAILED");
    expect(Object.keys(asMod.extra.fields as object)).toEqual(["documentType"]);
    expect((asMod.extra.fields as Record<string, string>).documentType).toMatch(/classified as Amendment.*cannot go as a Modification/);
    const noReason = await expectAppError(docAction(cast.ia, caseId, 2, "submit", { expectedVersion: edited.version, documentType: "AMENDMENT" }), "VALIDATION_FAILED");
    expect(Object.keys(noReason.extra.fields as object)).toEqual(["reason"]);
    await expectAppError(docAction(cast.dsca, caseId, 2, "submit", { expectedVersion: edited.version, documentType: "AMENDMENT", reason: REASON }), "FORBIDDEN");
    await expectAppError(docAction(cast.otherIa, caseId, 2, "submit", { expectedVersion: edited.version, documentType: "AMENDMENT", reason: REASON }), "FORBIDDEN");
    const stale = await expectAppError(docAction(cast.ia, caseId, 2, "submit", { expectedVersion: draft.version, documentType: "AMENDMENT", reason: REASON }), "VERSION_CONFLICT");
    expect(stale.extra.currentVersion).toBe(edited.version);

    const submitted = await docAction(cast.ia, caseId, 2, "submit", { expectedVersion: edited.version, documentType: "AMENDMENT", reason: REASON });
    expect(submitted).toMatchObject({ status: "SUBMITTED", documentType: "AMENDMENT", documentNumber: 1, name: `${identifier} A01`, changeReason: REASON, pricedOn: todayIso() });
    expect((await working(cast.ia, caseId)).editable).toBe(false);

    // DSCA approves: the Amendment is offered with its PDF stored and fingerprinted.
    await expectAppError(docAction(cast.ia, caseId, 2, "approve", { expectedVersion: submitted.version }), "FORBIDDEN");
    const offered = await docAction(cast.dsca, caseId, 2, "approve", { expectedVersion: submitted.version });
    expect(offered).toMatchObject({ status: "OFFERED", name: `${identifier} A01` });
    const row = await documentRow(prisma, caseId, 2);
    const file = await prisma.storedFile.findUniqueOrThrow({ where: { id: row.pdfFileId! } });
    expect(sha256(file.content)).toBe(row.pdfSha256);
    expect(offered.pdfSha256).toBe(row.pdfSha256);

    const partnerPdf = await getDocumentPdf(cast.partner, caseId, 2);
    expect(partnerPdf).toMatchObject({ offered: true, sha256: row.pdfSha256, filename: `${identifier}_A01.pdf` });
    const text = await pdfText(partnerPdf.bytes);
    expect(text).toContain("Amendment 1 to the Letter of Offer and Acceptance");
    expect(text).toContain("Additional radar spare modules");
    expect(text).toContain(REASON);
    const partnerView = await getDocument(cast.partner, caseId, 2);
    expect(partnerView).toMatchObject({ status: "OFFERED", availableActions: ["accept"], changes: null });

    // Only the partner of the case's country accepts.
    const acceptance = { expectedVersion: offered.version, signerName: "Mira Castellan", signerTitle: "Director of Procurement" };
    await expectAppError(docAction(cast.ia, caseId, 2, "accept", acceptance), "FORBIDDEN");
    await expectAppError(docAction(cast.foreignPartner, caseId, 2, "accept", acceptance), "NOT_FOUND");
    const accepted = await docAction(cast.partner, caseId, 2, "accept", acceptance);
    expect(accepted).toMatchObject({ status: "ACCEPTED" });
    const acceptedRow = await documentRow(prisma, caseId, 2);
    expect(acceptedRow).toMatchObject({ acceptedByName: "Mira Castellan", acceptedByTitle: "Director of Procurement" });
    expect(acceptedRow.lines.map((l) => [l.lineNumber, l.adminRate?.toString(), l.rateLockedOn?.toISOString().slice(0, 10)])).toEqual([
      ["001", "0.038", todayIso()],
      ["002", "0.038", todayIso()],
      ["003", "0.038", todayIso()],
      ["004", "0.032", todayIso()],
    ]);
    // The basic LOA stays accepted; the Amendment is now the document in force.
    expect(await documentRow(prisma, caseId, 1)).toMatchObject({ status: "ACCEPTED" });
    expect((await working(cast.ia, caseId)).document).toMatchObject({ number: 2, status: "ACCEPTED" });

    // A price-only change is a Modification: DSCA's approval implements it, no partner involved.
    const priced = await saveEdit(cast.ia, caseId, (c) => ({
      ...c,
      lines: c.lines.map((l) => (l.lineNumber === "002" ? { ...l, unitCost: "160000.00" } : l)),
    }));
    expect(priced).toMatchObject({ number: 3, status: "DRAFT" });
    expect(priced.changes).toMatchObject({ baseNumber: 2, proposal: "MODIFICATION" });
    expect(priced.changes!.items).toEqual([expect.objectContaining({ kind: "PRICE", lineNumber: "002", field: "unitCost", before: "150000.00", after: "160000.00" })]);
    // The existing line keeps its locked rate after a price change.
    expect(priced.pricing.lines[1]).toMatchObject({ adminRate: "0.038", adminRateLocked: true });
    const modSubmitted = await docAction(cast.ia, caseId, 3, "submit", {
      expectedVersion: priced.version,
      documentType: "MODIFICATION",
      reason: "Increases line 002 to cover a contract price increase.",
    });
    expect(modSubmitted).toMatchObject({ status: "SUBMITTED", documentType: "MODIFICATION", documentNumber: 1, name: `${identifier} M01` });
    const implemented = await docAction(cast.dsca, caseId, 3, "approve", { expectedVersion: modSubmitted.version });
    expect(implemented.status).toBe("IMPLEMENTED");
    expect(implemented.implementedAt).not.toBeNull();
    expect((await documentRow(prisma, caseId, 3)).lines.every((l) => l.adminRate !== null)).toBe(true);
    expect((await listDocuments(cast.partner, caseId)).map((d) => [d.number, d.status])).toEqual([
      [1, "ACCEPTED"],
      [2, "ACCEPTED"],
      [3, "IMPLEMENTED"],
    ]);

    // A change can be withdrawn; the working LOA is the document in force again.
    const admin = await saveEdit(cast.ia, caseId, (c) => ({ ...c, description: `${c.description} Revised wording.` }));
    expect(admin).toMatchObject({ number: 4, status: "DRAFT" });
    expect(admin.changes).toMatchObject({ baseNumber: 3, proposal: "MODIFICATION" });
    await expectAppError(docAction(cast.dsca, caseId, 4, "withdraw", { expectedVersion: admin.version }), "FORBIDDEN");
    const withdrawn = await docAction(cast.ia, caseId, 4, "withdraw", { expectedVersion: admin.version });
    expect(withdrawn).toMatchObject({ status: "WITHDRAWN", availableActions: [] });
    expect((await working(cast.ia, caseId)).document).toMatchObject({ number: 3, status: "IMPLEMENTED" });
    await expectAppError(docAction(cast.ia, caseId, 4, "submit", { expectedVersion: withdrawn.version, documentType: "MODIFICATION", reason: "Too late to submit this." }), "CONFLICT");

    // The basic LOA moves only with the case's own workflow.
    const basicNow = await documentRow(prisma, caseId, 1);
    const basicRefused = await expectAppError(docAction(cast.ia, caseId, 1, "withdraw", { expectedVersion: basicNow.version }), "CONFLICT");
    expect(basicRefused.message).toMatch(/moves with the case's own workflow/);
    await expectAppError(docAction(cast.partner, caseId, 1, "accept", { ...acceptance, expectedVersion: basicNow.version }), "CONFLICT");
    await expectAppError(docAction(cast.ia, caseId, 9, "withdraw", { expectedVersion: 1 }), "NOT_FOUND");
    await expectAppError(docAction(cast.ia, caseId, 2, "fly", { expectedVersion: 1 }), "NOT_FOUND");

    // Every step is on the case's hash chain, which still verifies.
    const actions = (await caseAudit(prisma, caseId)).map((e) => e.action).filter((a) => a.startsWith("loa."));
    expect(actions).toEqual(["loa.change-started", "loa.save", "loa.submit", "loa.approve", "loa.accept", "loa.change-started", "loa.submit", "loa.approve", "loa.change-started", "loa.withdraw"]);
    const { verification } = await verifyCaseChain(caseId);
    expect(verification.verified).toBe(true);
    expect((await getCaseAudit(cast.dsca, caseId)).verification.verified).toBe(true);
    const [submitEvent] = await caseAudit(prisma, caseId, "loa.submit");
    expect(submitEvent!.details).toMatchObject({ document: 2, documentType: "AMENDMENT", proposal: "AMENDMENT", reason: REASON });
  });
});

describe("rate-lock and change rules", () => {
  it("cutting an accepted line and re-adding the same item on a new line at a lower rate is refused", async () => {
    const cast = await caseCast(prisma);
    const { caseId } = await caseAt(cast, "ACCEPTED");
    await lowerAdminRateFromYesterday();
    const error = await expectAppError(
      saveEdit(cast.ia, caseId, (c) => {
        const first = c.lines[0]!;
        return { ...c, lines: [...c.lines.map((l) => (l === first ? { ...l, quantity: 5 } : l)), { ...first, lineNumber: "004", quantity: 5, internalNote: null }] };
      }),
      "VALIDATION_FAILED",
    );
    const fields = error.extra.fields as Record<string, string>;
    expect(Object.keys(fields)).toEqual(["lines.3.lineNumber"]);
    expect(fields["lines.3.lineNumber"]).toMatch(/re-adds R7A 5840015550001, which line 001 reduces/);
    expect(await prisma.caseDocument.count({ where: { caseId } })).toBe(1);
  });

  it("a change identical to the document in force has nothing to submit; adding major defense equipment proposes a new LOA", async () => {
    const cast = await caseCast(prisma);
    const { caseId } = await caseAt(cast, "ACCEPTED");
    const same = await saveEdit(cast.ia, caseId, (c) => c);
    expect(same.changes).toMatchObject({ proposal: "NONE", items: [] });
    const nothing = await expectAppError(
      docAction(cast.ia, caseId, 2, "submit", { expectedVersion: same.version, documentType: "MODIFICATION", reason: "No real change at all here." }),
      "CONFLICT",
    );
    expect(nothing.message).toMatch(/Nothing differs/);

    const mde = await saveEdit(cast.ia, caseId, (c) => ({ ...c, lines: [...c.lines, { ...extraLine, mde: true }] }));
    expect(mde.changes).toMatchObject({ proposal: "NEW_LOA" });
    await expectAppError(
      docAction(cast.ia, caseId, 2, "submit", { expectedVersion: mde.version, documentType: "MODIFICATION", reason: "Adds a vehicle on a new line." }),
      "VALIDATION_FAILED",
    );
  });

  it("an Amendment returned by DSCA and submitted again keeps its number (A01)", async () => {
    const cast = await caseCast(prisma);
    const { caseId, identifier } = await caseAt(cast, "ACCEPTED");
    const draft = await saveEdit(cast.ia, caseId, (c) => ({ ...c, lines: [...c.lines, extraLine] }));
    const submitted = await docAction(cast.ia, caseId, 2, "submit", { expectedVersion: draft.version, documentType: "AMENDMENT", reason: REASON });
    expect(submitted.name).toBe(`${identifier} A01`);
    const returned = await docAction(cast.dsca, caseId, 2, "return", { expectedVersion: submitted.version, comment: "State the delivery schedule in the line note." });
    expect(returned).toMatchObject({ status: "DRAFT", pricedOn: null });
    const fixed = await saveEdit(cast.ia, caseId, (c) => ({
      ...c,
      lines: c.lines.map((l) => (l.lineNumber === "004" ? { ...l, note: "Delivered 12 months after acceptance." } : l)),
    }));
    expect(fixed.number).toBe(2);
    const again = await docAction(cast.ia, caseId, 2, "submit", { expectedVersion: fixed.version, documentType: "AMENDMENT", reason: REASON });
    expect(again).toMatchObject({ status: "SUBMITTED", documentNumber: 1, name: `${identifier} A01` });
  });

  it("no second change starts while an Amendment waits for the partner, so accepting it cannot be undone by a later Modification", async () => {
    const cast = await caseCast(prisma);
    const { caseId } = await caseAt(cast, "ACCEPTED");
    const draft = await saveEdit(cast.ia, caseId, (c) => ({ ...c, lines: [...c.lines, extraLine] }));
    const submitted = await docAction(cast.ia, caseId, 2, "submit", { expectedVersion: draft.version, documentType: "AMENDMENT", reason: REASON });
    const offered = await docAction(cast.dsca, caseId, 2, "approve", { expectedVersion: submitted.version });
    expect(offered.status).toBe("OFFERED");

    const view = await working(cast.ia, caseId);
    expect(view.editable).toBe(false);
    expect(view.lockedReason).toMatch(/A01/);
    const refused = await expectAppError(
      saveEdit(cast.ia, caseId, (c) => ({ ...c, lines: c.lines.map((l) => (l.lineNumber === "002" ? { ...l, unitCost: "160000.00" } : l)) })),
      "CONFLICT",
    );
    expect(refused.message).toMatch(/A01/);
    expect(await prisma.caseDocument.count({ where: { caseId } })).toBe(2);

    // Once accepted, the next change builds on the Amendment, line 004 included.
    await docAction(cast.partner, caseId, 2, "accept", { expectedVersion: offered.version, signerName: "Mira Castellan", signerTitle: "Director" });
    const next = await saveEdit(cast.ia, caseId, (c) => ({ ...c, lines: c.lines.map((l) => (l.lineNumber === "002" ? { ...l, unitCost: "160000.00" } : l)) }));
    expect(next.changes).toMatchObject({ baseNumber: 2, proposal: "MODIFICATION" });
    expect(next.lines.map((l) => l.lineNumber)).toEqual(["001", "002", "003", "004"]);
  });

  it("a save holding the accepted LOA's version cannot overwrite a change draft someone else has since saved", async () => {
    const cast = await caseCast(prisma);
    const { caseId } = await caseAt(cast, "ACCEPTED");
    const stale = await working(cast.ia, caseId);
    const baseVersion = stale.document.version;

    // A colleague starts the change and keeps saving it.
    const colleague = await iaManagerOf(prisma, cast.agency.id);
    let draft = await saveEdit(colleague, caseId, (c) => ({ ...c, lines: [...c.lines, extraLine] }));
    for (let i = 0; i < 6 && draft.version < baseVersion; i++) {
      draft = await saveEdit(colleague, caseId, (c) => ({ ...c, description: `${c.description} (${i})` }));
    }

    const conflict = await expectAppError(
      save(cast.ia, caseId, draftInput({ ...contentOfView(stale.document), description: "My own idea" }, baseVersion)),
      "VERSION_CONFLICT",
    );
    expect(conflict.extra.currentVersion).toBe(draft.version);
    expect((await documentRow(prisma, caseId, 2)).description).toBe(draft.description);
  });
});

describe("when the case itself has ended", () => {
  it("a closed case's LOA no longer changes: no new change, and the view says why", async () => {
    const cast = await caseCast(prisma);
    const { caseId } = await caseAt(cast, "CLOSED");
    expect(await documentRow(prisma, caseId, 1)).toMatchObject({ status: "IMPLEMENTED" });
    const view = await working(cast.ia, caseId);
    expect(view).toMatchObject({ editable: false, startsChange: false });
    expect(view.lockedReason).toMatch(/closed/);
    const error = await expectAppError(saveEdit(cast.ia, caseId, (c) => ({ ...c, lines: [...c.lines, extraLine] })), "CONFLICT");
    expect(error.message).toMatch(/closed/);
    expect(await prisma.caseDocument.count({ where: { caseId } })).toBe(1);
  });

  it("a change left open when the case is cancelled can be neither saved, submitted nor approved", async () => {
    const cast = await caseCast(prisma);
    const { caseId, driver } = await caseAt(cast, "IMPLEMENTED");
    const draft = await saveEdit(cast.ia, caseId, (c) => ({ ...c, lines: [...c.lines, extraLine] }));
    const submitted = await docAction(cast.ia, caseId, 2, "submit", { expectedVersion: draft.version, documentType: "AMENDMENT", reason: REASON });
    await driver.do(cast.dsca, "cancel", { comment: "The purchaser withdrew the requirement." });

    await expectAppError(docAction(cast.dsca, caseId, 2, "approve", { expectedVersion: submitted.version }), "CONFLICT");
    expect(await documentRow(prisma, caseId, 2)).toMatchObject({ status: "SUBMITTED", pdfFileId: null });
    const view = await working(cast.ia, caseId);
    expect(view.editable).toBe(false);
    expect(view.lockedReason).toMatch(/cancelled/);
    expect((await getDocument(cast.dsca, caseId, 2)).availableActions).toEqual([]);
    // Withdrawing the change left open is the one step that remains.
    expect(view.document.availableActions).toEqual(["withdraw"]);
    await expectAppError(docAction(cast.ia, caseId, 2, "submit", { expectedVersion: submitted.version, documentType: "AMENDMENT", reason: REASON }), "CONFLICT");
    expect(await docAction(cast.ia, caseId, 2, "withdraw", { expectedVersion: submitted.version })).toMatchObject({ status: "WITHDRAWN" });
  });

  it("a basic draft withdrawn with its cancelled case is not described as offered", async () => {
    const cast = await caseCast(prisma);
    const { caseId, driver } = await caseAt(cast, "IN_DEVELOPMENT");
    await driver.do(cast.dsca, "cancel", { comment: "Requirement overtaken by events." });
    expect(await documentRow(prisma, caseId, 1)).toMatchObject({ status: "WITHDRAWN" });
    const view = await working(cast.ia, caseId);
    expect(view.lockedReason).toMatch(/cancelled/);
    const error = await expectAppError(saveEdit(cast.ia, caseId, (c) => c), "CONFLICT");
    expect(error.message).toMatch(/cancelled/);
    expect(error.message).not.toMatch(/offered/);
  });
});

describe("document actions racing", () => {
  it("ten DSCA approvals of one Amendment at once: one offer, one PDF, the rest VERSION_CONFLICT", async () => {
    const cast = await caseCast(prisma);
    const { caseId } = await caseAt(cast, "ACCEPTED");
    const draft = await saveEdit(cast.ia, caseId, (c) => ({ ...c, lines: [...c.lines, extraLine] }));
    const submitted = await docAction(cast.ia, caseId, 2, "submit", { expectedVersion: draft.version, documentType: "AMENDMENT", reason: REASON });
    const results = await raceOnCase(
      prisma,
      caseId,
      () => Array.from({ length: 10 }, () => docAction(cast.dsca, caseId, 2, "approve", { expectedVersion: submitted.version })),
      3,
    );
    const { values, errors } = outcomes(results);
    expect(values).toHaveLength(1);
    expect(values[0]).toMatchObject({ status: "OFFERED", version: submitted.version + 1 });
    expect(errors.map((e) => e.code)).toEqual(Array(9).fill("VERSION_CONFLICT"));
    expect(errors.every((e) => e.extra?.currentVersion === submitted.version + 1)).toBe(true);
    expect(await caseAudit(prisma, caseId, "loa.approve")).toHaveLength(1);
    expect(await prisma.storedFile.count({ where: { loaDocument: { is: { caseId } } } })).toBe(2);
  });
});

describe("a Modification's PDF", () => {
  it("is stored and fingerprinted when the Modification is implemented: the partner never downloads a DRAFT of a document in force", async () => {
    const cast = await caseCast(prisma);
    const { caseId, identifier } = await caseAt(cast, "IMPLEMENTED");
    const draft = await saveEdit(cast.ia, caseId, (c) => ({ ...c, lines: c.lines.map((l) => (l.lineNumber === "002" ? { ...l, unitCost: "140000.00" } : l)) }));
    const submitted = await docAction(cast.ia, caseId, 2, "submit", { expectedVersion: draft.version, documentType: "MODIFICATION", reason: "Reduces line 002 to the lower contract price." });
    const implemented = await docAction(cast.dsca, caseId, 2, "approve", { expectedVersion: submitted.version });
    expect(implemented).toMatchObject({ status: "IMPLEMENTED", name: `${identifier} M01` });

    const row = await documentRow(prisma, caseId, 2);
    expect(row.pdfSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(implemented.pdfSha256).toBe(row.pdfSha256);
    const first = await getDocumentPdf(cast.partner, caseId, 2);
    const second = await getDocumentPdf(cast.ia, caseId, 2);
    expect(first).toMatchObject({ offered: true, sha256: row.pdfSha256, filename: `${identifier}_M01.pdf` });
    expect(second.bytes.equals(first.bytes)).toBe(true);
    expect(sha256(first.bytes)).toBe(row.pdfSha256);
    const text = await pdfText(first.bytes);
    expect(text).not.toContain("DRAFT");
    expect(text).toContain("Modification 1 to the Letter of Offer and Acceptance");
  });
});
