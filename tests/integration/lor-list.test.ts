// Listing letters of request: status groups, request type, literal text search, the agency's own queue, overdue
// letters and pagination.
import { beforeAll, describe, expect, it } from "vitest";
import { OPEN_STATUSES, VALIDATION_CLOCK_STATUSES, WITH_USG_STATUSES } from "@/domain/lor/workflow";
import type { Actor } from "@/domain/policy";
import type { LorView } from "@/domain/schemas/lor";
import type { Prisma } from "@/generated/prisma/client";
import { acknowledgeLor } from "@/server/lors/acknowledge-lor";
import { disapproveLor } from "@/server/lors/disapprove-lor";
import { listLors, type LorListFilters } from "@/server/lors/list-lors";
import { markLorActionable } from "@/server/lors/mark-lor-actionable";
import { markLorComplete } from "@/server/lors/mark-lor-complete";
import { markLorInsufficient } from "@/server/lors/mark-lor-insufficient";
import { withdrawLor } from "@/server/lors/withdraw-lor";
import { literalLike } from "@/server/search";
import { context, expectAppError, testPrisma } from "./helpers";
import { draftLor, iaManagerOf, newAgency, seedSlaRules, submittedLor, underValidationLor, world } from "./lor-helpers";

const prisma = testPrisma();
const DAY_MS = 86_400_000;

beforeAll(() => seedSlaRules(prisma));

const ids = (page: { items: { id: string }[] }) => page.items.map((i) => i.id).sort();
const sorted = (...letters: { id: string }[]) => letters.map((l) => l.id).sort();

/** The list's filters and scope as the Prisma where clause the list used before its SQL condition (issue 11). */
function prismaListWhere(actor: Actor, filters: LorListFilters, now: Date): Prisma.LetterOfRequestWhereInput {
  const { status, requestType, q, agency, overdue } = filters;
  const statusFilter: Prisma.LetterOfRequestWhereInput =
    status === "OPEN"
      ? { status: { in: [...OPEN_STATUSES] } }
      : status === "WITH_USG"
        ? { status: { in: [...WITH_USG_STATUSES] } }
        : status
          ? { status }
          : {};
  return {
    AND: [
      actor.role === "PARTNER_OFFICER" ? { countryId: actor.organizationId } : { firstSubmittedAt: { not: null } },
      statusFilter,
      requestType ? { requestType } : {},
      agency === "mine" ? { routedAgencyId: actor.organizationId } : agency === "unrouted" ? { routedAgencyId: null } : {},
      overdue === "true" ? { status: { in: [...VALIDATION_CLOCK_STATUSES] }, validationDueAt: { lt: now } } : {},
      q
        ? {
            OR: [
              { subject: { contains: literalLike(q), mode: "insensitive" } },
              { originatorReference: { contains: literalLike(q), mode: "insensitive" } },
              { originatorName: { contains: literalLike(q), mode: "insensitive" } },
              { country: { code: { equals: q.toUpperCase() } } },
              { case: { identifier: { equals: q.toUpperCase() } } },
            ],
          }
        : {},
    ],
  };
}

/** The list's order for each sort as Prisma wrote it before, with the id that now breaks its ties. */
const PRISMA_LIST_ORDER: Record<"updated" | "received" | "due", Prisma.LetterOfRequestOrderByWithRelationInput[]> = {
  updated: [{ updatedAt: "desc" }, { id: "asc" }],
  received: [{ submittedAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }, { id: "asc" }],
  due: [{ validationDueAt: { sort: "asc", nulls: "last" } }, { submittedAt: "asc" }, { id: "asc" }],
};

describe("listLors", () => {
  it("filters by status, and by the OPEN and WITH_USG groups", async () => {
    const { agency, partner, dsca } = await world(prisma);
    const draft = await draftLor(partner);
    const submitted = await submittedLor(partner);
    const validating = await underValidationLor(partner, dsca);
    const actionableBase = await underValidationLor(partner, dsca);
    const actionable = await markLorActionable(dsca, actionableBase.id, { expectedVersion: actionableBase.version }, context());
    const insufficientBase = await underValidationLor(partner, dsca);
    const insufficient = await markLorInsufficient(dsca, insufficientBase.id, { expectedVersion: insufficientBase.version, reasons: "More detail" }, context());
    const completeBase = await underValidationLor(partner, dsca, { preferredAgencyCode: agency.code });
    const complete = await markLorComplete(dsca, completeBase.id, { expectedVersion: completeBase.version }, context());
    const withdrawnBase = await submittedLor(partner);
    const withdrawn = await withdrawLor(partner, withdrawnBase.id, { expectedVersion: withdrawnBase.version }, context());
    const disapprovedBase = await submittedLor(partner);
    const disapproved = await disapproveLor(dsca, disapprovedBase.id, { expectedVersion: disapprovedBase.version, reason: "Policy" }, context());

    expect(ids(await listLors(partner, {}))).toEqual(sorted(draft, submitted, validating, actionable, insufficient, complete, withdrawn, disapproved));
    expect(ids(await listLors(partner, { status: "DRAFT" }))).toEqual(sorted(draft));
    expect(ids(await listLors(partner, { status: "UNDER_VALIDATION" }))).toEqual(sorted(validating));
    expect(ids(await listLors(partner, { status: "WITHDRAWN" }))).toEqual(sorted(withdrawn));
    expect(ids(await listLors(partner, { status: "OPEN" }))).toEqual(sorted(draft, submitted, validating, actionable, insufficient, complete));
    expect(ids(await listLors(partner, { status: "WITH_USG" }))).toEqual(sorted(submitted, validating, actionable));
    expect((await listLors(partner, { status: "WITH_USG" })).total).toBe(3);
    expect(ids(await listLors(partner, { status: "" }))).toHaveLength(8);

    const error = await expectAppError(listLors(partner, { status: "LOST" }), "VALIDATION_FAILED");
    expect(Object.keys(error.extra.fields ?? {})).toEqual(["status"]);
  });

  it("filters by request type", async () => {
    const { partner } = await world(prisma);
    const loa = await draftLor(partner, { requestType: "LOA" });
    const pa = await draftLor(partner, { requestType: "PRICE_AND_AVAILABILITY" });
    await draftLor(partner, { requestType: null });
    expect(ids(await listLors(partner, { requestType: "LOA" }))).toEqual(sorted(loa));
    expect(ids(await listLors(partner, { requestType: "PRICE_AND_AVAILABILITY" }))).toEqual(sorted(pa));
    await expectAppError(listLors(partner, { requestType: "GIFT" }), "VALIDATION_FAILED");
  });

  it("searches subject, reference and originator case-insensitively; % and _ are literal", async () => {
    const { partner } = await world(prisma);
    const percent = await draftLor(partner, { subject: "Ammunition at 50% of list price" });
    const fifty = await draftLor(partner, { subject: "Ammunition at 50 units per pallet" });
    const underscore = await draftLor(partner, { subject: "Spares for the F_16 fleet" });
    const noUnderscore = await draftLor(partner, { subject: "Spares for the FX16 fleet" });
    const byReference = await draftLor(partner, { originatorReference: "NAVY/REQ/0042", subject: "Patrol boats" });
    const byOriginator = await draftLor(partner, { originatorName: "Coast Guard Logistics Command", subject: "Boat engines" });

    expect(ids(await listLors(partner, { q: "50%" }))).toEqual(sorted(percent));
    expect(ids(await listLors(partner, { q: "%" }))).toEqual(sorted(percent));
    expect(ids(await listLors(partner, { q: "F_16" }))).toEqual(sorted(underscore));
    expect(ids(await listLors(partner, { q: "_" }))).toEqual(sorted(underscore));
    expect(ids(await listLors(partner, { q: "ammunition AT 50" }))).toEqual(sorted(percent, fifty));
    expect(ids(await listLors(partner, { q: "navy/req" }))).toEqual(sorted(byReference));
    expect(ids(await listLors(partner, { q: "coast guard" }))).toEqual(sorted(byOriginator));
    expect(ids(await listLors(partner, { q: "  " }))).toHaveLength(6);
    expect((await listLors(partner, { q: "nothing like this" })).total).toBe(0);
    expect(ids(await listLors(partner, { q: "FX16" }))).toEqual(sorted(noUnderscore));
  });

  it("finds a letter by its case identifier, for USG staff", async () => {
    const { agency, partner, dsca } = await world(prisma);
    const base = await underValidationLor(partner, dsca, { preferredAgencyCode: agency.code });
    const complete = await markLorComplete(dsca, base.id, { expectedVersion: base.version }, context());
    await submittedLor(partner);
    expect(ids(await listLors(dsca, { q: complete.case!.identifier.toLowerCase() }))).toEqual(sorted(complete));
  });

  it("agency=mine is an IA case manager's queue: letters routed to their agency only; agency=unrouted the rest", async () => {
    const { country, partner, dsca } = await world(prisma);
    const navy = await newAgency(prisma);
    const army = await newAgency(prisma);
    const navyManager = await iaManagerOf(prisma, navy.id);

    const preferred = await submittedLor(partner, { preferredAgencyCode: navy.code });
    const unroutedBase = await submittedLor(partner, { preferredAgencyCode: null });
    const taken = await acknowledgeLor(navyManager, unroutedBase.id, { expectedVersion: unroutedBase.version }, context());
    const routedByDsca = await submittedLor(partner, { preferredAgencyCode: null });
    const routed = await acknowledgeLor(dsca, routedByDsca.id, { expectedVersion: routedByDsca.version, implementingAgencyCode: navy.code }, context());
    const toArmy = await submittedLor(partner, { preferredAgencyCode: army.code });
    const unrouted = await submittedLor(partner, { preferredAgencyCode: null });
    const draftForNavy = await draftLor(partner, { preferredAgencyCode: navy.code });

    const mine = await listLors(navyManager, { agency: "mine" });
    expect(ids(mine)).toEqual(sorted(preferred, taken, routed));
    expect(mine.items.every((l) => l.routedAgency?.id === navy.id)).toBe(true);
    expect(ids(mine)).not.toContain(draftForNavy.id);
    expect(ids(await listLors(navyManager, { agency: "unrouted", q: country.code }))).toEqual(sorted(unrouted));
    expect(ids(await listLors(dsca, { agency: "mine", q: country.code }))).toEqual([]);
    expect(toArmy.routedAgency?.id).toBe(army.id);
  });

  it("overdue=true lists letters whose validation clock is running past its due date", async () => {
    const { country, partner, dsca } = await world(prisma);
    const age = async (lor: LorView, daysAgo: number) => {
      const submittedAt = new Date(Date.now() - daysAgo * DAY_MS);
      await prisma.letterOfRequest.update({
        where: { id: lor.id },
        data: { submittedAt, firstSubmittedAt: submittedAt, validationDueAt: new Date(submittedAt.getTime() + 5 * DAY_MS) },
      });
    };
    const lateSubmitted = await submittedLor(partner);
    await age(lateSubmitted, 8);
    const lateValidating = await underValidationLor(partner, dsca);
    await age(lateValidating, 6);
    const fresh = await submittedLor(partner);
    await age(fresh, 2);
    const actionableBase = await underValidationLor(partner, dsca);
    const actionable = await markLorActionable(dsca, actionableBase.id, { expectedVersion: actionableBase.version }, context());
    await age(actionable, 9);
    const insufficientBase = await underValidationLor(partner, dsca);
    await markLorInsufficient(dsca, insufficientBase.id, { expectedVersion: insufficientBase.version, reasons: "More detail" }, context());
    await age(insufficientBase, 9);

    const overdue = await listLors(dsca, { overdue: "true", q: country.code, sort: "due" });
    expect(overdue.items.map((l) => l.id)).toEqual([lateSubmitted.id, lateValidating.id]);
    expect(overdue.total).toBe(2);
    expect(overdue.items.map((l) => l.validation?.state)).toEqual(["OVERDUE", "OVERDUE"]);
    expect(ids(await listLors(partner, { overdue: "true" }))).toEqual(sorted(lateSubmitted, lateValidating));
    expect((await listLors(dsca, { overdue: "false", q: country.code })).total).toBe(5);
    const freshView = (await listLors(dsca, { q: country.code })).items.find((l) => l.id === fresh.id);
    expect(freshView?.validation?.state).toBe("ON_TRACK");
  });

  it("pages through the list newest first with the total of all matches", async () => {
    const { partner } = await world(prisma);
    const letters: LorView[] = [];
    for (let i = 0; i < 5; i += 1) letters.push(await draftLor(partner, { subject: `Lot ${i + 1}` }));
    // Distinct change times, oldest first, so the order is certain.
    for (const [i, lor] of letters.entries()) {
      await prisma.letterOfRequest.update({ where: { id: lor.id }, data: { updatedAt: new Date(Date.UTC(2026, 0, 1 + i)) } });
    }
    const newestFirst = letters.map((l) => l.id).reverse();
    const pages = await Promise.all([1, 2, 3, 4].map((page) => listLors(partner, { page: String(page), pageSize: "2" })));
    expect(pages.map((p) => p.items.map((i) => i.id))).toEqual([newestFirst.slice(0, 2), newestFirst.slice(2, 4), newestFirst.slice(4), []]);
    expect(pages.map((p) => [p.page, p.pageSize, p.total])).toEqual([
      [1, 2, 5],
      [2, 2, 5],
      [3, 2, 5],
      [4, 2, 5],
    ]);
    await expectAppError(listLors(partner, { pageSize: 500 }), "VALIDATION_FAILED");
    await expectAppError(listLors(partner, { page: 0 }), "VALIDATION_FAILED");
  });

  describe("agrees with the Prisma filters and order it replaced", () => {
    const now = new Date();
    const at = (days: number) => new Date(now.getTime() + days * DAY_MS);
    let fixture: { country: { id: string; code: string }; partner: Actor; dsca: Actor; navyManager: Actor; caseIdentifier: string; subject: string };

    beforeAll(async () => {
      const { country, agency, partner, dsca } = await world(prisma);
      const navy = await newAgency(prisma);
      const navyManager = await iaManagerOf(prisma, navy.id);
      const subject = `Sort probe ${Math.random().toString(36).slice(2, 8)}`;
      const draftA = await draftLor(partner, { subject: `${subject} draft A`, requestType: "LOA" });
      const draftB = await draftLor(partner, { subject: `${subject} draft B`, requestType: "PRICE_AND_AVAILABILITY" });
      const routed = await submittedLor(partner, { subject: `${subject} routed`, preferredAgencyCode: navy.code });
      const unrouted = await submittedLor(partner, { subject: `${subject} unrouted`, preferredAgencyCode: null });
      const validating = await underValidationLor(partner, dsca, { subject: "Radar spares" });
      const actionableBase = await underValidationLor(partner, dsca, { subject: `${subject} actionable` });
      const actionable = await markLorActionable(dsca, actionableBase.id, { expectedVersion: actionableBase.version }, context());
      const completeBase = await underValidationLor(partner, dsca, { subject: `${subject} complete`, preferredAgencyCode: agency.code });
      const complete = await markLorComplete(dsca, completeBase.id, { expectedVersion: completeBase.version }, context());
      const withdrawnBase = await submittedLor(partner, { subject: `${subject} withdrawn` });
      const withdrawn = await withdrawLor(partner, withdrawnBase.id, { expectedVersion: withdrawnBase.version }, context());
      // Another country's letter that names this country's code and the case in its subject: a search for either finds
      // it by its words and this country's letters by their code or case, so a page merges the search's alternatives.
      const elsewhere = await world(prisma);
      const crossArm = await submittedLor(elsewhere.partner, { subject: `Follow-on to ${complete.case!.identifier} with ${country.code}` });

      // Ties on every sort key, and NULLs in the nullable ones, so that only the id decides some places.
      const times: [LorView, { createdAt: Date; updatedAt: Date; submittedAt: Date | null; validationDueAt: Date | null }][] = [
        [draftA, { createdAt: at(-30), updatedAt: at(-10), submittedAt: null, validationDueAt: null }],
        [draftB, { createdAt: at(-30), updatedAt: at(-10), submittedAt: null, validationDueAt: null }],
        [routed, { createdAt: at(-29), updatedAt: at(-9), submittedAt: at(-29), validationDueAt: at(-24) }],
        [unrouted, { createdAt: at(-28), updatedAt: at(-9), submittedAt: at(-28), validationDueAt: at(-24) }],
        [validating, { createdAt: at(-28), updatedAt: at(-8), submittedAt: at(-28), validationDueAt: at(3) }],
        [actionable, { createdAt: at(-27), updatedAt: at(-8), submittedAt: at(-27), validationDueAt: at(3) }],
        [complete, { createdAt: at(-26), updatedAt: at(-7), submittedAt: at(-27), validationDueAt: at(3) }],
        [withdrawn, { createdAt: at(-25), updatedAt: at(-7), submittedAt: at(-26), validationDueAt: null }],
        [crossArm, { createdAt: at(-28), updatedAt: at(-8), submittedAt: at(-27), validationDueAt: null }],
      ];
      for (const [lor, data] of times) {
        await prisma.letterOfRequest.update({ where: { id: lor.id }, data: { ...data, firstSubmittedAt: data.submittedAt } });
      }
      fixture = { country, partner, dsca, navyManager, caseIdentifier: complete.case!.identifier, subject };
    });

    it("pages through every sort in order, each letter once, ties broken by id", async () => {
      const { country, partner, dsca, caseIdentifier } = fixture;
      const views: [Actor, LorListFilters, number][] = [
        [partner, {}, 5],
        [dsca, { q: country.code }, 4],
        [dsca, { q: caseIdentifier }, 1],
      ];
      for (const [actor, filters, pageSize] of views) {
        for (const sort of ["updated", "received", "due"] as const) {
          const expected = await prisma.letterOfRequest.findMany({
            where: prismaListWhere(actor, filters, now),
            orderBy: PRISMA_LIST_ORDER[sort],
            select: { id: true },
          });
          const query = { ...filters, sort, pageSize: String(pageSize) };
          const [first, second, third] = await Promise.all([1, 2, 3].map((page) => listLors(actor, { ...query, page: String(page) }, now)));
          const label = `${actor.role} sort=${sort}`;
          expect(expected.length, label).toBeGreaterThan(pageSize);
          expect([...first!.items, ...second!.items].map((l) => l.id), label).toEqual(expected.map((l) => l.id));
          expect(third!.items, label).toEqual([]);
          expect([first!.total, second!.total], label).toEqual([expected.length, expected.length]);
        }
      }
    });

    it("filters to the same letters as the Prisma where clause", async () => {
      const { country, partner, dsca, navyManager, caseIdentifier, subject } = fixture;
      const cases: [Actor, LorListFilters, number][] = [
        [partner, {}, 8],
        [partner, { status: "OPEN" }, 7],
        [partner, { status: "WITH_USG" }, 4],
        [partner, { status: "UNDER_VALIDATION" }, 1],
        [partner, { status: "DRAFT" }, 2],
        [partner, { requestType: "LOA" }, 7],
        [partner, { requestType: "PRICE_AND_AVAILABILITY" }, 1],
        [partner, { overdue: "true" }, 2],
        [partner, { overdue: "false" }, 8],
        [partner, { q: subject.toUpperCase() }, 7],
        [partner, { q: "radar SPARES" }, 1],
        [dsca, { q: country.code.toLowerCase() }, 7],
        [dsca, { q: country.code, status: "WITH_USG", overdue: "true" }, 2],
        [dsca, { q: caseIdentifier.toLowerCase() }, 2],
        [navyManager, { agency: "mine" }, 1],
        [navyManager, { agency: "unrouted", q: country.code }, 5],
        [navyManager, { agency: "unrouted", q: subject }, 3],
      ];
      for (const [actor, filters, count] of cases) {
        const label = `${actor.role} ${JSON.stringify(filters)}`;
        const expected = await prisma.letterOfRequest.findMany({ where: prismaListWhere(actor, filters, now), select: { id: true } });
        const listed = await listLors(actor, { ...filters, pageSize: "100" }, now);
        expect(expected, label).toHaveLength(count);
        expect(ids(listed), label).toEqual(sorted(...expected));
        expect(listed.total, label).toBe(count);
      }
    });
  });

  it("rejects unknown agency and overdue values", async () => {
    const { partner } = await world(prisma);
    const agency = await expectAppError(listLors(partner, { agency: "theirs" }), "VALIDATION_FAILED");
    expect(Object.keys(agency.extra.fields ?? {})).toEqual(["agency"]);
    const overdue = await expectAppError(listLors(partner, { overdue: "yes" }), "VALIDATION_FAILED");
    expect(Object.keys(overdue.extra.fields ?? {})).toEqual(["overdue"]);
  });
});
