// Listing letters of request: status groups, request type, literal text search, the agency's own queue, overdue
// letters and pagination.
import { beforeAll, describe, expect, it } from "vitest";
import type { LorView } from "@/domain/schemas/lor";
import { acknowledgeLor } from "@/server/lors/acknowledge-lor";
import { disapproveLor } from "@/server/lors/disapprove-lor";
import { listLors } from "@/server/lors/list-lors";
import { markLorActionable } from "@/server/lors/mark-lor-actionable";
import { markLorComplete } from "@/server/lors/mark-lor-complete";
import { markLorInsufficient } from "@/server/lors/mark-lor-insufficient";
import { withdrawLor } from "@/server/lors/withdraw-lor";
import { context, expectAppError, testPrisma } from "./helpers";
import { draftLor, iaManagerOf, newAgency, seedSlaRules, submittedLor, underValidationLor, world } from "./lor-helpers";

const prisma = testPrisma();
const DAY_MS = 86_400_000;

beforeAll(() => seedSlaRules(prisma));

const ids = (page: { items: { id: string }[] }) => page.items.map((i) => i.id).sort();
const sorted = (...letters: { id: string }[]) => letters.map((l) => l.id).sort();

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

  it("rejects unknown agency and overdue values", async () => {
    const { partner } = await world(prisma);
    const agency = await expectAppError(listLors(partner, { agency: "theirs" }), "VALIDATION_FAILED");
    expect(Object.keys(agency.extra.fields ?? {})).toEqual(["agency"]);
    const overdue = await expectAppError(listLors(partner, { overdue: "yes" }), "VALIDATION_FAILED");
    expect(Object.keys(overdue.extra.fields ?? {})).toEqual(["overdue"]);
  });
});
