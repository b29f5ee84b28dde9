// Case identifiers CC-I-DDD: the designator is drawn per country and agency, in order from an alphabet without I and
// O, never twice, even when many letters are completed at the same moment or an opening is rolled back.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/domain/policy";
import type { LorView } from "@/domain/schemas/lor";
import { getCase } from "@/server/cases/get-case";
import { markLorComplete } from "@/server/lors/mark-lor-complete";
import { context, expectAppError, testPrisma } from "./helpers";
import {
  dscaActor,
  lorAudit,
  newAgency,
  newCountry,
  partnerOf,
  seedSlaRules,
  twoLetterCountry,
  underValidationLor,
  waitForLockWaiters,
} from "./lor-helpers";

const prisma = testPrisma();

beforeAll(() => seedSlaRules(prisma));

/** The first designators in order: the alphabet skips I and O. */
const FIRST_DESIGNATORS = ["AAA", "AAB", "AAC", "AAD", "AAE", "AAF", "AAG", "AAH", "AAJ", "AAK", "AAL", "AAM"];

async function lettersUnderValidation(partner: Actor, dsca: Actor, count: number): Promise<LorView[]> {
  const letters: LorView[] = [];
  for (let i = 0; i < count; i += 1) letters.push(await underValidationLor(partner, dsca, { preferredAgencyCode: null, subject: `Radar lot ${i + 1}` }));
  return letters;
}

const completeWith = (dsca: Actor, lor: LorView, agencyCode: string) =>
  markLorComplete(dsca, lor.id, { expectedVersion: lor.version, implementingAgencyCode: agencyCode }, context());

describe("case identifiers", () => {
  it("an LOA request completed for a two-letter country gets CC-I-AAA, and the case is audited", async () => {
    const country = await twoLetterCountry(prisma);
    const agency = await newAgency(prisma);
    const partner = await partnerOf(prisma, country.id);
    const dsca = await dscaActor(prisma);
    const lor = await underValidationLor(partner, dsca, { preferredAgencyCode: agency.code });
    const ctx = context();
    const done = await markLorComplete(dsca, lor.id, { expectedVersion: lor.version }, ctx);

    expect(done.case?.identifier).toBe(`${country.code}-${agency.code}-AAA`);
    expect(done.case?.identifier).toMatch(/^[A-Z0-9]{2}-[A-Z0-9]+-[A-HJ-NP-Z]{3}$/);
    const opened = await getCase(dsca, done.case!.id);
    expect(opened).toMatchObject({
      identifier: `${country.code}-${agency.code}-AAA`,
      designator: "AAA",
      country: { id: country.id, code: country.code },
      implementingAgency: { id: agency.id, code: agency.code },
      caseType: "DEFINED_ORDER",
      status: "OPENED",
    });
    const caseEvents = await prisma.auditEvent.findMany({ where: { requestId: ctx.requestId, targetType: "case" } });
    expect(caseEvents).toHaveLength(1);
    expect(caseEvents[0]).toMatchObject({ action: "case.open", targetId: done.case!.id, actorUserId: dsca.userId });
    expect(caseEvents[0]!.details).toMatchObject({ identifier: done.case!.identifier, lorId: lor.id });
  });

  it("twelve letters completed concurrently for one country and agency get twelve distinct, contiguous designators", async () => {
    const country = await newCountry(prisma);
    const agency = await newAgency(prisma);
    const partner = await partnerOf(prisma, country.id);
    const dsca = await dscaActor(prisma);
    const letters = await lettersUnderValidation(partner, dsca, 12);

    const results = await Promise.allSettled(letters.map((lor) => completeWith(dsca, lor, agency.code)));
    expect(results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    const completed = results.map((r) => (r as PromiseFulfilledResult<LorView>).value);

    const identifiers = completed.map((lor) => lor.case!.identifier);
    expect(new Set(identifiers).size).toBe(12);
    expect(identifiers.slice().sort()).toEqual(FIRST_DESIGNATORS.map((d) => `${country.code}-${agency.code}-${d}`));

    const cases = await prisma.case.findMany({ where: { countryId: country.id }, include: { lors: { select: { id: true } } } });
    expect(cases).toHaveLength(12);
    expect(cases.map((c) => c.designator).sort()).toEqual(FIRST_DESIGNATORS);
    // Each case is linked to exactly the letter that opened it.
    for (const c of cases) expect(c.lors.map((l) => l.id)).toEqual([c.openedFromLorId]);
  });

  it("designators are counted per country and agency", async () => {
    const country = await newCountry(prisma);
    const navy = await newAgency(prisma);
    const army = await newAgency(prisma);
    const partner = await partnerOf(prisma, country.id);
    const dsca = await dscaActor(prisma);
    const letters = await lettersUnderValidation(partner, dsca, 10);

    // Interleaved and concurrent: even letters to the navy, odd ones to the army.
    const completed = await Promise.all(letters.map((lor, i) => completeWith(dsca, lor, i % 2 === 0 ? navy.code : army.code)));
    const byAgency = (code: string) => completed.filter((lor) => lor.routedAgency?.code === code).map((lor) => lor.case!.identifier).sort();
    expect(byAgency(navy.code)).toEqual(FIRST_DESIGNATORS.slice(0, 5).map((d) => `${country.code}-${navy.code}-${d}`));
    expect(byAgency(army.code)).toEqual(FIRST_DESIGNATORS.slice(0, 5).map((d) => `${country.code}-${army.code}-${d}`));

    // Another country starts its own count with the same agency.
    const otherCountry = await newCountry(prisma);
    const otherPartner = await partnerOf(prisma, otherCountry.id);
    const [otherLor] = await lettersUnderValidation(otherPartner, dsca, 1);
    expect((await completeWith(dsca, otherLor!, navy.code)).case?.identifier).toBe(`${otherCountry.code}-${navy.code}-AAA`);
  });

  it("a designator already taken by a case loaded from elsewhere is skipped", async () => {
    const country = await newCountry(prisma);
    const agency = await newAgency(prisma);
    const partner = await partnerOf(prisma, country.id);
    const dsca = await dscaActor(prisma);
    await prisma.case.create({
      data: {
        identifier: `${country.code}-${agency.code}-AAA`,
        designator: "AAA",
        countryId: country.id,
        implementingAgencyId: agency.id,
        caseType: "DEFINED_ORDER",
        openedById: dsca.userId,
      },
    });
    const [lor] = await lettersUnderValidation(partner, dsca, 1);
    expect((await completeWith(dsca, lor!, agency.code)).case?.identifier).toBe(`${country.code}-${agency.code}-AAB`);
  });

  it("a completion rolled back after drawing a designator neither burns nor duplicates it", async () => {
    const country = await newCountry(prisma);
    const agency = await newAgency(prisma);
    const partner = await partnerOf(prisma, country.id);
    const dsca = await dscaActor(prisma);
    const [doomed, next] = await lettersUnderValidation(partner, dsca, 2);

    // Someone else changes the letter while the completion is under way: the completion draws a designator and
    // creates its case, then loses the compare-and-set on the letter's version and rolls everything back.
    let completion: Promise<unknown> | undefined;
    await prisma.$transaction(
      async (tx) => {
        await tx.$executeRaw`UPDATE letters_of_request SET version = version + 1 WHERE id = ${doomed!.id}::uuid`;
        completion = completeWith(dsca, doomed!, agency.code);
        completion.catch(() => undefined);
        await waitForLockWaiters(prisma, 1);
      },
      { timeout: 10_000 },
    );
    const error = await expectAppError(completion!, "VERSION_CONFLICT");
    expect(error.extra.currentVersion).toBe(doomed!.version + 1);
    expect(await prisma.case.count({ where: { countryId: country.id } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { action: "case.open", details: { path: ["lorId"], equals: doomed!.id } } })).toBe(0);
    expect(await lorAudit(prisma, doomed!.id, "lor.mark_complete")).toHaveLength(0);

    // The number came back: the next completion gets AAA, and the retried one AAB.
    expect((await completeWith(dsca, next!, agency.code)).case?.identifier).toBe(`${country.code}-${agency.code}-AAA`);
    const retried = await markLorComplete(dsca, doomed!.id, { expectedVersion: doomed!.version + 1, implementingAgencyCode: agency.code }, context());
    expect(retried.case?.identifier).toBe(`${country.code}-${agency.code}-AAB`);
  });
});
