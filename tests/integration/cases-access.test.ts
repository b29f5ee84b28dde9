// Reading cases: a partner sees only its own country's, USG staff every one; the list searches identifiers and the
// subjects of the letters behind each case.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/domain/policy";
import { getCase } from "@/server/cases/get-case";
import { listCases } from "@/server/cases/list-cases";
import { markLorComplete } from "@/server/lors/mark-lor-complete";
import { context, expectAppError, testPrisma } from "./helpers";
import { actorFor, iaManagerOf, newAgency, seedSlaRules, underValidationLor, world } from "./lor-helpers";

const prisma = testPrisma();

beforeAll(() => seedSlaRules(prisma));

async function openCaseFor(w: Awaited<ReturnType<typeof world>>, subject = "Counterfire radars") {
  const lor = await underValidationLor(w.partner, w.dsca, { preferredAgencyCode: w.agency.code, subject });
  const done = await markLorComplete(w.dsca, lor.id, { expectedVersion: lor.version }, context());
  return { lor: done, caseId: done.case!.id, identifier: done.case!.identifier };
}

describe("getCase", () => {
  it("shows a partner its own country's case with the letter behind it; another country's is NOT_FOUND", async () => {
    const mine = await world(prisma);
    const theirs = await world(prisma);
    const own = await openCaseFor(mine);
    const foreign = await openCaseFor(theirs);

    const view = await getCase(mine.partner, own.caseId);
    expect(view).toMatchObject({
      id: own.caseId,
      identifier: own.identifier,
      country: { id: mine.country.id, code: mine.country.code },
      implementingAgency: { id: mine.agency.id, code: mine.agency.code },
      status: "OPENED",
      version: 1,
    });
    expect(view.letters).toEqual([
      expect.objectContaining({ id: own.lor.id, status: "COMPLETE", requestType: "LOA", subject: "Counterfire radars", completedAt: own.lor.completedAt }),
    ]);

    const error = await expectAppError(getCase(mine.partner, foreign.caseId), "NOT_FOUND");
    expect(error.status).toBe(404);
    await expectAppError(getCase(mine.partner, "not-a-uuid"), "NOT_FOUND");
    await expectAppError(getCase(mine.dsca, "00000000-0000-4000-8000-000000000000"), "NOT_FOUND");
  });

  it("shows every case to every kind of USG staff", async () => {
    const w = await world(prisma);
    const opened = await openCaseFor(w);
    const staff: Actor[] = [
      w.dsca,
      await actorFor(prisma, "STATE_REVIEWER"),
      await actorFor(prisma, "DTSA_REVIEWER"),
      await iaManagerOf(prisma, (await newAgency(prisma)).id),
      await actorFor(prisma, "AUDITOR"),
      await actorFor(prisma, "ADMIN"),
    ];
    for (const actor of staff) expect((await getCase(actor, opened.caseId)).identifier).toBe(opened.identifier);
  });
});

describe("listCases", () => {
  it("lists a partner's own cases newest first, with totals and pages", async () => {
    const mine = await world(prisma);
    const theirs = await world(prisma);
    const first = await openCaseFor(mine, "First case");
    const second = await openCaseFor(mine, "Second case");
    const third = await openCaseFor(mine, "Third case");
    await openCaseFor(theirs, "Their case");

    const all = await listCases(mine.partner, {});
    expect(all.items.map((c) => c.id)).toEqual([third.caseId, second.caseId, first.caseId]);
    expect(all.total).toBe(3);
    const page2 = await listCases(mine.partner, { page: "2", pageSize: "2" });
    expect(page2.items.map((c) => c.id)).toEqual([first.caseId]);
    expect(page2.total).toBe(3);
    expect((await listCases(mine.partner, { status: "OPENED" })).total).toBe(3);
    await expectAppError(listCases(mine.partner, { status: "SHIPPED" }), "VALIDATION_FAILED");
  });

  it("searches by identifier (any case) and by the letters' subjects, with % and _ literal", async () => {
    const w = await world(prisma);
    const percent = await openCaseFor(w, "Rounds at 100% readiness");
    const plain = await openCaseFor(w, "Rounds at 100 per crate");
    const underscore = await openCaseFor(w, "Kit for M_4 carbines");

    const search = async (q: string) => (await listCases(w.dsca, { q })).items.map((c) => c.id).sort();
    expect(await search(percent.identifier.toLowerCase())).toEqual([percent.caseId]);
    expect(await search(`${w.country.code}-${w.agency.code}`)).toEqual([percent.caseId, plain.caseId, underscore.caseId].sort());
    expect(await search("100%")).toEqual([percent.caseId]);
    expect(await search("ROUNDS AT 100")).toEqual([percent.caseId, plain.caseId].sort());
    expect(await search("M_4")).toEqual([underscore.caseId]);
    expect((await listCases(w.partner, { q: "rounds" })).total).toBe(2);
  });
});
