// PUT /cases/{id}/loa through saveLoaDraft against PostgreSQL: the working draft saves whole (lines and notes), under
// a compare-and-set on its version; invalid content is refused with field-named errors and nothing saved; the LOA
// type's line rules (defined, blanket, CLSSA FMSO I/II) hold; only the case's own agency edits, and partners never
// read the working draft. Twenty saves racing on one version: one wins.
import { beforeAll, describe, expect, it } from "vitest";
import type { LoaContent } from "@/domain/loa/content";
import { getWorkingLoa } from "@/server/loa/get-working-loa";
import { saveLoaDraft } from "@/server/loa/save-loa-draft";
import { INTERNAL_LINE_NOTE, loaLine, seedLoaReference, smallLoa } from "../factories/loa";
import { caseAudit, caseCast, openCase, outcomes, raceOnCase, type Cast } from "./case-helpers";
import { context, expectAppError, testPrisma } from "./helpers";
import { seedSlaRules } from "./lor-helpers";
import { documentRow, draftInput, save, working } from "./loa-helpers";

const prisma = testPrisma();

beforeAll(async () => {
  await seedSlaRules(prisma);
  await seedLoaReference(prisma);
});

/** A case with its basic LOA as opening made it: an empty draft, version 1. */
async function emptyCase(cast?: Cast) {
  const c = cast ?? (await caseCast(prisma));
  const opened = await openCase(c, "Counterfire radars with training", { emptyLoa: true });
  return { cast: c, ...opened };
}

const storedLines = async (caseId: string) => (await documentRow(prisma, caseId, 1)).lines;

describe("saving the working draft", () => {
  it("starts as an empty basic draft, then saves lines and notes and bumps the version; the save is audited", async () => {
    const { cast, caseId } = await emptyCase();
    const start = await working(cast.ia, caseId);
    expect(start).toMatchObject({ editable: true, startsChange: false, lockedReason: null });
    expect(start.document).toMatchObject({ number: 1, documentType: "BASIC", status: "DRAFT", version: 1, lines: [] });
    expect(start.document.problems).toContain("Add at least one line");

    const saved = await save(cast.ia, caseId, draftInput(smallLoa(), 1));
    expect(saved).toMatchObject({ number: 1, status: "DRAFT", version: 2, problems: [] });
    expect(saved.lines.map((l) => l.lineNumber)).toEqual(["001", "002", "003"]);
    expect(saved.lines[0]).toMatchObject({ quantity: 10, unitCost: "25000.00", sourceOfSupply: "P", internalNote: INTERNAL_LINE_NOTE, adminRate: null });
    expect(saved.notes.map((n) => n.key)).toEqual([
      "administrative-surcharge",
      "accessorial-charges",
      "contract-administration-services-cas-surcharge",
      "transportation-services-through-dts",
      null,
    ]);
    // Net 732,500 + PC&H 9,000 + admin 3.8% 27,835 + transport 15,193.75.
    expect(saved.pricing.summary).toEqual({
      netEstimatedCost: "732500.00",
      packingCratingHandling: "9000.00",
      administrativeSurcharge: "27835.00",
      transportation: "15193.75",
      totalEstimatedCost: "784528.75",
    });
    expect(saved.pricing.notification.required).toBe(false);

    const rows = await storedLines(caseId);
    expect(rows.map((r) => [r.position, r.lineNumber, r.unitCost?.toFixed(2)])).toEqual([
      [0, "001", "25000.00"],
      [1, "002", "150000.00"],
      [2, "003", "180000.00"],
    ]);
    const again = await working(cast.ia, caseId);
    expect(again.document.version).toBe(2);
    expect(again.document.lines).toEqual(saved.lines);

    const audit = await caseAudit(prisma, caseId, "loa.save");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorUserId: cast.ia.userId, outcome: "SUCCESS" });
    expect(audit[0]!.details).toMatchObject({ document: 1, lines: 3 });
  });

  it("a stale expectedVersion is a VERSION_CONFLICT with the current version, and changes nothing", async () => {
    const { cast, caseId } = await emptyCase();
    await save(cast.ia, caseId, draftInput(smallLoa(), 1));
    const stale = await expectAppError(save(cast.ia, caseId, draftInput(smallLoa({ description: "Something else" }), 1)), "VERSION_CONFLICT");
    expect(stale.status).toBe(409);
    expect(stale.extra.currentVersion).toBe(2);
    const row = await documentRow(prisma, caseId, 1);
    expect({ version: row.version, description: row.description }).toEqual({ version: 2, description: smallLoa().description });
    expect(await caseAudit(prisma, caseId, "loa.save")).toHaveLength(1);
  });

  it("invalid content is refused with field-named errors and nothing is saved", async () => {
    const { cast, caseId } = await emptyCase();
    await save(cast.ia, caseId, draftInput(smallLoa(), 1));
    const before = await documentRow(prisma, caseId, 1);

    const bad = smallLoa();
    bad.lines = [
      bad.lines[0]!,
      // Type of assistance 5 is a procurement: source S does not fit.
      { ...bad.lines[1]!, typeOfAssistance: "5" },
      // A defined line without a quantity, and a procurement share on a stock line.
      { ...bad.lines[2]!, quantity: null, procurementShare: "0.5" },
      // Type of assistance 7 needs a dependable undertaking, which these terms of sale do not include.
      loaLine({ lineNumber: "004", quantity: 1, unitOfIssue: "EA", unitCost: "1000.00", sourceOfSupply: "P", typeOfAssistance: "7" }),
      // A subline whose parent line is missing.
      loaLine({ lineNumber: "009a", quantity: 1, unitOfIssue: "EA", unitCost: "1000.00" }),
    ];
    const error = await expectAppError(save(cast.ia, caseId, draftInput(bad, 2)), "VALIDATION_FAILED");
    expect(error.status).toBe(422);
    expect(error.message).toMatch(/nothing was saved/);
    const fields = error.extra.fields as Record<string, string>;
    expect(Object.keys(fields).sort()).toEqual(
      ["lines.1.typeOfAssistance", "lines.2.quantity", "lines.2.procurementShare", "lines.3.typeOfAssistance", "lines.4.lineNumber"].sort(),
    );
    expect(fields["lines.1.typeOfAssistance"]).toMatch(/Type of assistance 5 needs source of supply P; this line has S/);
    expect(fields["lines.3.typeOfAssistance"]).toMatch(/Dependable Undertaking/);
    expect(fields["lines.4.lineNumber"]).toMatch(/needs line 009/);

    const after = await documentRow(prisma, caseId, 1);
    expect(after.version).toBe(before.version);
    expect(after.updatedAt).toEqual(before.updatedAt);
    expect(after.lines).toEqual(before.lines);
    expect(await caseAudit(prisma, caseId, "loa.save")).toHaveLength(1);
  });

  it("malformed fields are refused by the schema with their paths (line number, MASL, unknown fields)", async () => {
    const { cast, caseId } = await emptyCase();
    const body = draftInput(smallLoa(), 1);
    const lines = body.lines.map((line, index) => (index === 0 ? { ...line, lineNumber: "1", maslNumber: "SHORT" } : line));
    const error = await expectAppError(save(cast.ia, caseId, { ...body, lines, status: "OFFERED" }), "VALIDATION_FAILED");
    expect(Object.keys(error.extra.fields as object)).toEqual(expect.arrayContaining(["lines.0.lineNumber", "lines.0.maslNumber", "status"]));
    const locked = await expectAppError(
      save(cast.ia, caseId, { ...body, lines: body.lines.map((line) => ({ ...line, adminRate: "0.01" })) }),
      "VALIDATION_FAILED",
    );
    expect(Object.keys(locked.extra.fields as object)).toContain("lines.0.adminRate");
    expect((await documentRow(prisma, caseId, 1)).version).toBe(1);
    expect(await storedLines(caseId)).toEqual([]);
  });

  it("cannot be saved while the LOA is in review or offered", async () => {
    const cast = await caseCast(prisma);
    const { caseId, driver } = await openCase(cast);
    await driver.do(cast.dsca, "assign-agency", { agencyId: cast.agency.id });
    await driver.do(cast.ia, "approve-loa");
    const view = await working(cast.ia, caseId);
    expect(view).toMatchObject({ editable: false, startsChange: false });
    expect(view.lockedReason).toMatch(/in review/);
    const error = await expectAppError(save(cast.ia, caseId, draftInput(smallLoa(), view.document.version)), "CONFLICT");
    expect(error.message).toMatch(/in review/);
  });
});

describe("the LOA type's line rules", () => {
  it("a blanket order line carries a dollar value, not quantities", async () => {
    const { cast, caseId } = await emptyCase();
    await prisma.case.update({ where: { id: caseId }, data: { caseType: "BLANKET_ORDER" } });

    const error = await expectAppError(save(cast.ia, caseId, draftInput(smallLoa(), 1)), "VALIDATION_FAILED");
    const fields = error.extra.fields as Record<string, string>;
    expect(fields["lines.0.value"]).toMatch(/blanket order line needs a dollar value/);
    expect(fields["lines.0.quantity"]).toMatch(/dollar value, not item quantities/);
    expect(await storedLines(caseId)).toEqual([]);

    const blanket: LoaContent = smallLoa({
      description: "Follow-on spares up to a ceiling.",
      lines: [
        loaLine({ lineNumber: "001", description: "Follow-on spares", value: "400000.00", sourceOfSupply: "X", typeOfAssistance: "4", deliveryTermCode: "2" }),
        loaLine({ lineNumber: "002", description: "Publications", value: "25000.00", sourceOfSupply: "S", typeOfAssistance: "3" }),
      ],
    });
    const saved = await save(cast.ia, caseId, draftInput(blanket, 1));
    expect(saved).toMatchObject({ caseType: "BLANKET_ORDER", version: 2 });
    expect(saved.lines.map((l) => [l.lineNumber, l.quantity, l.unitCost, l.value])).toEqual([
      ["001", null, null, "400000.00"],
      ["002", null, null, "25000.00"],
    ]);
    // Source X with no share of its own is split 50/50: CAS 1% of 200,000.
    expect(saved.pricing.lines[0]).toMatchObject({ procurementPortion: "200000.00", cas: "2000.00", lineTotal: "402000.00" });
  });

  it("a CLSSA FMSO II case must draw on an FMSO I case of the same country", async () => {
    const cast = await caseCast(prisma);
    const fmsoI = await emptyCase(cast);
    const fmsoII = await emptyCase(cast);
    const foreignCast = await caseCast(prisma);
    const foreignFmsoI = await emptyCase(foreignCast);
    for (const id of [fmsoI.caseId, fmsoII.caseId, foreignFmsoI.caseId]) {
      await prisma.case.update({ where: { id }, data: { caseType: "CLSSA" } });
    }
    const equity = smallLoa({
      description: "CLSSA FMSO I equity investment.",
      lines: [loaLine({ lineNumber: "001", description: "FMSO I equity", value: "1000000.00", sourceOfSupply: "P", typeOfAssistance: "U" })],
    });
    // A CLSSA line must use the part's own codes.
    const wrongCodes = await expectAppError(
      save(cast.ia, fmsoI.caseId, draftInput({ ...equity, lines: [{ ...equity.lines[0]!, typeOfAssistance: "5" }] }, 1, { clssaPart: "FMSO_I" })),
      "VALIDATION_FAILED",
    );
    expect((wrongCodes.extra.fields as Record<string, string>)["lines.0.typeOfAssistance"]).toMatch(/FMSO I line uses type of assistance U with source P/);
    const first = await save(cast.ia, fmsoI.caseId, draftInput(equity, 1, { clssaPart: "FMSO_I" }));
    expect(first).toMatchObject({ clssaPart: "FMSO_I", linkedCaseIdentifier: null });
    await save(foreignCast.ia, foreignFmsoI.caseId, draftInput(equity, 1, { clssaPart: "FMSO_I" }));

    const requisitions = smallLoa({
      description: "CLSSA FMSO II requisitions.",
      lines: [loaLine({ lineNumber: "001", description: "FMSO II requisitions", value: "250000.00", sourceOfSupply: "S", typeOfAssistance: "V", deliveryTermCode: "2" })],
    });
    const unlinked = await expectAppError(save(cast.ia, fmsoII.caseId, draftInput(requisitions, 1, { clssaPart: "FMSO_II" })), "VALIDATION_FAILED");
    expect(Object.keys(unlinked.extra.fields as object)).toEqual(["linkedCaseIdentifier"]);
    const foreign = await expectAppError(
      save(cast.ia, fmsoII.caseId, draftInput(requisitions, 1, { clssaPart: "FMSO_II", linkedCaseIdentifier: foreignFmsoI.identifier })),
      "VALIDATION_FAILED",
    );
    expect((foreign.extra.fields as Record<string, string>).linkedCaseIdentifier).toMatch(/not an FMSO I case of the same country/);
    // Another FMSO II (or a non-CLSSA) case is no base either: link the FMSO II case to itself.
    const self = await expectAppError(
      save(cast.ia, fmsoII.caseId, draftInput(requisitions, 1, { clssaPart: "FMSO_II", linkedCaseIdentifier: fmsoII.identifier })),
      "VALIDATION_FAILED",
    );
    expect(Object.keys(self.extra.fields as object)).toEqual(["linkedCaseIdentifier"]);
    const stored = await prisma.case.findUniqueOrThrow({ where: { id: fmsoII.caseId } });
    expect({ clssaPart: stored.clssaPart, linkedCaseId: stored.linkedCaseId }).toEqual({ clssaPart: null, linkedCaseId: null });

    const linked = await save(
      cast.ia,
      fmsoII.caseId,
      draftInput(requisitions, 1, { clssaPart: "FMSO_II", linkedCaseIdentifier: fmsoI.identifier.toLowerCase() }),
    );
    expect(linked).toMatchObject({ clssaPart: "FMSO_II", linkedCaseIdentifier: fmsoI.identifier, version: 2 });
    expect(await prisma.case.findUniqueOrThrow({ where: { id: fmsoII.caseId } })).toMatchObject({ clssaPart: "FMSO_II", linkedCaseId: fmsoI.caseId });
  });

  it("only a CLSSA case names an FMSO part", async () => {
    const { cast, caseId } = await emptyCase();
    const error = await expectAppError(save(cast.ia, caseId, draftInput(smallLoa(), 1, { clssaPart: "FMSO_I" })), "VALIDATION_FAILED");
    expect(Object.keys(error.extra.fields as object)).toEqual(["clssaPart"]);
  });
});

describe("who may read and save the working draft", () => {
  it("the case's own agency edits; another agency is FORBIDDEN, DSCA reads but cannot edit, partners never see it, another country's partner gets NOT_FOUND", async () => {
    const { cast, caseId } = await emptyCase();
    const body = draftInput(smallLoa(), 1);

    const otherAgency = await expectAppError(saveLoaDraft(cast.otherIa, caseId, body, context()), "FORBIDDEN");
    expect(otherAgency.status).toBe(403);
    await expectAppError(saveLoaDraft(cast.dsca, caseId, body, context()), "FORBIDDEN");
    await expectAppError(saveLoaDraft(cast.partner, caseId, body, context()), "FORBIDDEN");
    await expectAppError(saveLoaDraft(cast.foreignPartner, caseId, body, context()), "NOT_FOUND");
    await expectAppError(saveLoaDraft(cast.ia, "00000000-0000-4000-8000-000000000000", body, context()), "NOT_FOUND");
    await expectAppError(saveLoaDraft(cast.ia, "not-a-uuid", body, context()), "NOT_FOUND");

    await expectAppError(getWorkingLoa(cast.partner, caseId), "FORBIDDEN");
    await expectAppError(getWorkingLoa(cast.foreignPartner, caseId), "NOT_FOUND");
    const dscaView = await getWorkingLoa(cast.dsca, caseId);
    expect(dscaView).toMatchObject({ editable: false, startsChange: false });
    expect(dscaView.lockedReason).toMatch(/Only the implementing agency/);
    expect((await getWorkingLoa(cast.otherIa, caseId)).editable).toBe(false);

    expect((await documentRow(prisma, caseId, 1)).version).toBe(1);
    expect(await caseAudit(prisma, caseId, "loa.save")).toHaveLength(0);
    expect((await saveLoaDraft(cast.ia, caseId, body, context())).version).toBe(2);
  });
});

describe("reassigning the case to another agency", () => {
  it("moves the LOA with it: the new agency edits, the old one is FORBIDDEN", async () => {
    const { cast, caseId, driver } = await emptyCase();
    await save(cast.ia, caseId, draftInput(smallLoa(), 1));
    await driver.do(cast.dsca, "assign-agency", { agencyId: cast.otherAgency.id });
    await expectAppError(save(cast.ia, caseId, draftInput(smallLoa(), 2)), "FORBIDDEN");
    expect((await working(cast.ia, caseId)).editable).toBe(false);
    const view = await save(cast.otherIa, caseId, draftInput(smallLoa({ description: "Taken over by the new agency." }), 2));
    expect(view).toMatchObject({ version: 3, description: "Taken over by the new agency." });
    expect(view.caseIdentifier).toContain(`-${cast.otherAgency.code}-`);
  });
});

describe("twenty saves racing on one version", () => {
  it("exactly one succeeds; the others get VERSION_CONFLICT with the winner's version", async () => {
    const { cast, caseId } = await emptyCase();
    const bodies = Array.from({ length: 20 }, (_, i) => draftInput(smallLoa({ description: `Racer ${i}` }), 1));
    const results = await raceOnCase(prisma, caseId, () => bodies.map((body) => save(cast.ia, caseId, body)), 3);
    const { values, errors } = outcomes(results);
    expect(values).toHaveLength(1);
    expect(errors).toHaveLength(19);
    expect(new Set(errors.map((e) => e.code))).toEqual(new Set(["VERSION_CONFLICT"]));
    expect(errors.every((e) => e.extra?.currentVersion === 2)).toBe(true);

    const row = await documentRow(prisma, caseId, 1);
    expect({ version: row.version, description: row.description }).toEqual({ version: 2, description: values[0]!.description });
    expect(row.lines).toHaveLength(3);
    expect(await caseAudit(prisma, caseId, "loa.save")).toHaveLength(1);
  });
});
