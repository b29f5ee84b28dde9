// The version comparison against PostgreSQL (issue 18 item 7): an accepted basic LOA and an Amendment that cuts line
// 001, adds line 004 and revises an internal pricing note. The agency sees every difference with its price effect and
// the proposal; the partner compares only what was offered to them (a draft's number is a 404), never sees internal
// notes or the proposal; another country's partner gets 404 whatever they ask.
import Decimal from "decimal.js";
import { beforeAll, describe, expect, it } from "vitest";
import { compareDocuments } from "@/server/loa/compare-documents";
import { getDocument } from "@/server/loa/get-document";
import { additionalSparesLine, INTERNAL_LINE_NOTE, INTERNAL_NOTE_TEXT, seedLoaReference } from "../factories/loa";
import { caseAt, caseCast, type Cast } from "./case-helpers";
import { expectAppError, testPrisma } from "./helpers";
import { seedSlaRules } from "./lor-helpers";
import { docAction, saveEdit } from "./loa-helpers";

const prisma = testPrisma();
const REVISED_NOTE = "Unit price from the 2027 option exercise; escalation 2%.";

let cast: Cast;
let caseId: string;
let identifier: string;
/** Document 2's version once saved, for submitting it later. */
let draftVersion: number;

beforeAll(async () => {
  await seedSlaRules(prisma);
  await seedLoaReference(prisma);
  cast = await caseCast(prisma);
  ({ caseId, identifier } = await caseAt(cast, "ACCEPTED"));
  const draft = await saveEdit(cast.ia, caseId, (c) => ({
    ...c,
    lines: [
      ...c.lines.map((l) => (l.lineNumber === "001" ? { ...l, quantity: 8, internalNote: REVISED_NOTE } : l)),
      additionalSparesLine,
    ],
  }));
  expect(draft).toMatchObject({ number: 2, status: "DRAFT" });
  draftVersion = draft.version;
});

const lineOf = (view: Awaited<ReturnType<typeof compareDocuments>>, number: string) => view.lines.find((l) => l.lineNumber === number)!;
const minus = (a: string, b: string) => new Decimal(a).minus(b).toFixed(2);

describe("comparing LOA versions", () => {
  it("the agency sees each line's change with before and after, its price effect, the case value and the proposal", async () => {
    const [basic, amendment] = await Promise.all([getDocument(cast.ia, caseId, 1), getDocument(cast.ia, caseId, 2)]);
    const view = await compareDocuments(cast.ia, caseId, { from: "1", to: "2" });
    expect(view).toMatchObject({ caseId, caseIdentifier: identifier, identical: false, counts: { ADDED: 1, REMOVED: 0, CHANGED: 1, UNCHANGED: 2 } });
    expect(view.from).toMatchObject({ number: 1, status: "ACCEPTED", label: "the basic LOA", name: `${identifier} Basic LOA` });
    expect(view.to).toMatchObject({ number: 2, status: "DRAFT", label: "the proposed change" });

    const cut = lineOf(view, "001");
    expect(cut.status).toBe("CHANGED");
    expect(cut.fields.map((f) => [f.field, f.kind, f.before, f.after])).toEqual([
      ["quantity", "SCOPE", "10", "8"],
      ["internalNote", "ADMINISTRATIVE", INTERNAL_LINE_NOTE, REVISED_NOTE],
    ]);
    // Each side as the document view prices it on its own day: the comparison only subtracts.
    const priced = (doc: typeof basic, number: string) => doc.pricing.lines.find((l) => l.lineNumber === number)!;
    expect(cut.lineTotal).toEqual({
      before: priced(basic, "001").lineTotal,
      after: priced(amendment, "001").lineTotal,
      difference: minus(priced(amendment, "001").lineTotal, priced(basic, "001").lineTotal),
    });
    // Two radar modules of $25,000 fewer, plus 1% CAS on them.
    expect(cut.lineTotal.difference).toBe("-50500.00");
    expect(cut.loadedValue.difference).toBe(minus(priced(amendment, "001").loadedValue, priced(basic, "001").loadedValue));

    const added = lineOf(view, "004");
    expect(added).toMatchObject({ status: "ADDED", before: null, lineChange: { kind: "SCOPE", description: "Adds line 004 (Additional radar spare modules)" } });
    expect(added.lineTotal).toEqual({ before: null, after: "50500.00", difference: "50500.00" });
    expect(view.costSummary.totalEstimatedCost).toEqual({
      before: basic.totalEstimatedCost,
      after: amendment.totalEstimatedCost,
      difference: minus(amendment.totalEstimatedCost, basic.totalEstimatedCost),
    });
    expect(view.notification).toMatchObject({ effect: "NOT_REQUIRED", requiredBefore: false, requiredAfter: false });
    expect(view.classification).toMatchObject({ proposal: "AMENDMENT" });
    expect(view.summary[0]).toBe("Compared with the basic LOA, the proposed change adds line 004 and changes the quantity and internal pricing note of line 001.");
    expect(view.summary[2]).toBe("Neither version needs congressional notification.");
  });

  it("without from and to, the agency compares the document in force with the latest version", async () => {
    const view = await compareDocuments(cast.dsca, caseId, {});
    expect([view.from.number, view.to.number]).toEqual([1, 2]);
  });

  it("refuses what is not a document number of this case, naming the field", async () => {
    const bad = await expectAppError(compareDocuments(cast.ia, caseId, { from: "first", to: "2" }), "VALIDATION_FAILED");
    expect(bad.extra.fields).toEqual({ from: "from must be the number of one of this case's documents, like 1 for the basic LOA" });
    const zero = await expectAppError(compareDocuments(cast.ia, caseId, { from: "1", to: "0" }), "VALIDATION_FAILED");
    expect(Object.keys(zero.extra.fields!)).toEqual(["to"]);
    const missing = await expectAppError(compareDocuments(cast.ia, caseId, { from: "1", to: "9" }), "NOT_FOUND");
    expect(missing.extra.fields).toEqual({ to: "This case has no document 9" });
  });

  it("the partner cannot compare a draft: its number does not exist for them", async () => {
    const hidden = await expectAppError(compareDocuments(cast.partner, caseId, { from: "1", to: "2" }), "NOT_FOUND");
    expect(hidden.extra.fields).toEqual({ to: "This case has no document 2" });
    // By default they get the only version they can see, compared with itself.
    const only = await compareDocuments(cast.partner, caseId, {});
    expect(only).toMatchObject({ identical: true, from: { number: 1 }, to: { number: 1 }, classification: null });
  });

  it("another country's partner gets 404, whatever the query", async () => {
    await expectAppError(compareDocuments(cast.foreignPartner, caseId, { from: "1", to: "2" }), "NOT_FOUND");
    await expectAppError(compareDocuments(cast.foreignPartner, caseId, { from: "nonsense" }), "NOT_FOUND");
    await expectAppError(compareDocuments(cast.foreignPartner, caseId, {}), "NOT_FOUND");
  });

  it("once the Amendment is offered, the partner compares it with the basic LOA, without internal notes or the proposal", async () => {
    const submitted = await docAction(cast.ia, caseId, 2, "submit", {
      expectedVersion: draftVersion,
      documentType: "AMENDMENT",
      reason: "Reduces line 001 by two modules and adds them as line 004 at the current rate.",
    });
    await docAction(cast.dsca, caseId, 2, "approve", { expectedVersion: submitted.version });

    const view = await compareDocuments(cast.partner, caseId, { from: "1", to: "2" });
    expect(view.to).toMatchObject({ number: 2, status: "OFFERED", label: "Amendment 1", name: `${identifier} A01` });
    expect(view.classification).toBeNull();
    expect(lineOf(view, "001").fields.map((f) => [f.field, f.before, f.after])).toEqual([["quantity", "10", "8"]]);
    expect(lineOf(view, "004").status).toBe("ADDED");
    expect(view.summary[0]).toBe("Compared with the basic LOA, Amendment 1 adds line 004 and changes the quantity of line 001.");
    const text = JSON.stringify(view);
    for (const secret of [INTERNAL_LINE_NOTE, REVISED_NOTE, INTERNAL_NOTE_TEXT]) expect(text).not.toContain(secret);

    // The agency's comparison of the same pair still shows the internal note and the proposal.
    const agency = await compareDocuments(cast.ia, caseId, { from: "1", to: "2" });
    expect(lineOf(agency, "001").fields.map((f) => f.field)).toEqual(["quantity", "internalNote"]);
    expect(agency.classification?.proposal).toBe("AMENDMENT");
    // The totals are the same for both: prices are not internal.
    expect(view.costSummary).toEqual(agency.costSummary);
  });
});
