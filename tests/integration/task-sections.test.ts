// My tasks holds every piece of work for the office (issue 13), against PostgreSQL: letters of request waiting for
// validation reach DSCA and the agency they are routed to (never another agency), with their validation clock;
// Amendments and Modifications submitted to DSCA reach DSCA; offered Amendments reach the partner's "offers waiting"
// (its own country's only); each leaves once acted on, and each list pages on its own. The agency's task for a case
// returned for rework says why.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/domain/policy";
import { listMyTasks } from "@/server/cases/list-my-tasks";
import { listChangeTasks } from "@/server/loa/list-change-tasks";
import { listOfferedAmendments } from "@/server/loa/list-offered-amendments";
import { acknowledgeLor } from "@/server/lors/acknowledge-lor";
import { listLorTasks } from "@/server/lors/list-lor-tasks";
import { markLorActionable } from "@/server/lors/mark-lor-actionable";
import { markLorInsufficient } from "@/server/lors/mark-lor-insufficient";
import { additionalSparesLine as extraLine, seedLoaReference } from "../factories/loa";
import { caseAt, caseCast, type Cast } from "./case-helpers";
import { context, expectAppError, testPrisma } from "./helpers";
import { contentOfView, docAction, draftInput, save, working } from "./loa-helpers";
import { actorFor, dscaActor, iaManagerOf, newAgency, newCountry, partnerOf, seedSlaRules, submittedLor, underValidationLor } from "./lor-helpers";

const prisma = testPrisma();
const DAY = 86_400_000;

beforeAll(async () => {
  await seedSlaRules(prisma);
  await seedLoaReference(prisma);
});

/** Every item of a paged section, page after page, in its order (DSCA's lists are shared with the other tests). */
async function whole<T>(list: (query: Record<string, string>) => Promise<{ items: T[]; total: number }>) {
  const items: T[] = [];
  for (let page = 1; ; page += 1) {
    const result = await list({ page: String(page), pageSize: "100" });
    items.push(...result.items);
    if (items.length >= result.total || result.items.length === 0) return items;
  }
}

const lorIds = async (actor: Actor) => (await whole((q) => listLorTasks(actor, q))).map((i) => i.lorId);

describe("letters of request waiting for validation", () => {
  it("reach DSCA and the agency they are routed to, never another agency; they leave once validated", async () => {
    const country = await newCountry(prisma);
    const [agency, otherAgency] = [await newAgency(prisma), await newAgency(prisma)];
    const partner = await partnerOf(prisma, country.id);
    const dsca = await dscaActor(prisma);
    const [ia, otherIa] = [await iaManagerOf(prisma, agency.id), await iaManagerOf(prisma, otherAgency.id)];

    const routed = await submittedLor(partner, { preferredAgencyCode: agency.code, subject: "Routed at submission" });
    const acknowledged = await underValidationLor(partner, dsca, { preferredAgencyCode: agency.code, subject: "Under validation" });
    const unrouted = await submittedLor(partner, { subject: "Not routed yet" });
    const theirs = await submittedLor(partner, { preferredAgencyCode: otherAgency.code, subject: "Another agency's" });

    // DSCA validates any letter: all four, with where each is routed.
    const forDsca = await whole((q) => listLorTasks(dsca, q));
    const mine = forDsca.filter((i) => i.country.id === country.id);
    expect(mine.map((i) => i.lorId).sort()).toEqual([routed.id, acknowledged.id, unrouted.id, theirs.id].sort());
    expect(mine.find((i) => i.lorId === unrouted.id)).toMatchObject({ routedAgency: null, status: "SUBMITTED", subject: "Not routed yet" });
    expect(mine.find((i) => i.lorId === acknowledged.id)).toMatchObject({ routedAgency: { id: agency.id, code: agency.code }, status: "UNDER_VALIDATION" });

    // The agency: the letters routed to it, and nothing else.
    const forIa = await listLorTasks(ia);
    expect(forIa.items.map((i) => i.lorId).sort()).toEqual([routed.id, acknowledged.id].sort());
    expect(forIa).toMatchObject({ total: 2, overdue: 0 });
    expect(forIa.items.every((i) => i.routedAgency?.id === agency.id)).toBe(true);
    const forOther = await listLorTasks(otherIa);
    expect(forOther.items.map((i) => i.lorId)).toEqual([theirs.id]);

    // The validation clock: the target stored at submission, amber then red as for every other task.
    const item = forIa.items.find((i) => i.lorId === routed.id)!;
    const stored = await prisma.letterOfRequest.findUniqueOrThrow({ where: { id: routed.id } });
    expect(item.aging).toMatchObject({ state: "ON_TRACK", dueAt: stored.validationDueAt!.toISOString(), targetDays: 5 });
    const submittedAt = new Date(Date.now() - 10 * DAY);
    await prisma.letterOfRequest.update({ where: { id: routed.id }, data: { submittedAt, validationDueAt: new Date(submittedAt.getTime() + 5 * DAY) } });
    const aged = await listLorTasks(ia);
    expect(aged.overdue).toBe(1);
    // Earliest target first: the overdue letter leads.
    expect(aged.items[0]).toMatchObject({ lorId: routed.id, aging: { state: "OVERDUE" } });

    // Acknowledged, it is still to validate; found insufficient, or actionable, it leaves.
    const taken = await acknowledgeLor(ia, routed.id, { expectedVersion: stored.version }, context());
    expect((await listLorTasks(ia)).items.find((i) => i.lorId === routed.id)).toMatchObject({ status: "UNDER_VALIDATION" });
    await markLorInsufficient(dsca, routed.id, { expectedVersion: taken.version, reasons: "The delivery schedule is missing." }, context());
    await markLorActionable(ia, acknowledged.id, { expectedVersion: acknowledged.version }, context());
    expect(await listLorTasks(ia)).toMatchObject({ items: [], total: 0, overdue: 0 });
    const stillForDsca = await lorIds(dsca);
    expect(stillForDsca).not.toContain(routed.id);
    expect(stillForDsca).not.toContain(acknowledged.id);
    expect(stillForDsca).toContain(unrouted.id);
  });

  it("page on their own, earliest target first", async () => {
    const country = await newCountry(prisma);
    const agency = await newAgency(prisma);
    const partner = await partnerOf(prisma, country.id);
    const ia = await iaManagerOf(prisma, agency.id);
    const letters = [];
    for (const subject of ["First", "Second", "Third"]) letters.push(await submittedLor(partner, { preferredAgencyCode: agency.code, subject }));
    // Spread the targets so the order is known: Third is due first, then First, then Second.
    for (const [index, days] of [1, 3, -2].entries()) {
      await prisma.letterOfRequest.update({ where: { id: letters[index]!.id }, data: { validationDueAt: new Date(Date.now() + days * DAY) } });
    }
    const one = await listLorTasks(ia, { pageSize: "2" });
    const two = await listLorTasks(ia, { pageSize: "2", page: "2" });
    expect(one).toMatchObject({ page: 1, pageSize: 2, total: 3, overdue: 1 });
    expect(two).toMatchObject({ page: 2, total: 3 });
    expect([...one.items, ...two.items].map((i) => i.subject)).toEqual(["Third", "First", "Second"]);
    expect(one.items[0]!.aging!.state).toBe("OVERDUE");
  });

  it("are not for the other offices; partners have no My tasks", async () => {
    const partner = await partnerOf(prisma, (await newCountry(prisma)).id);
    await submittedLor(partner);
    for (const role of ["STATE_REVIEWER", "DTSA_REVIEWER", "FINANCE_OFFICER"] as const) {
      expect(await listLorTasks(await actorFor(prisma, role))).toMatchObject({ items: [], total: 0 });
    }
    await expectAppError(listLorTasks(partner), "FORBIDDEN");
    await expectAppError(listLorTasks(await dscaActor(prisma), { pageSize: "0" }), "VALIDATION_FAILED");
  });
});

const REASON = "Adds line 004 for two more spare modules the purchaser asked for.";

/** An accepted case of the cast's with an Amendment (a new line) submitted to DSCA: its case and document version. */
async function submittedAmendment(cast: Cast) {
  const { caseId, identifier } = await caseAt(cast, "ACCEPTED");
  const start = await working(cast.ia, caseId);
  const content = contentOfView(start.document);
  const draft = await save(cast.ia, caseId, draftInput({ ...content, lines: [...content.lines, extraLine] }, start.document.version));
  const submitted = await docAction(cast.ia, caseId, draft.number, "submit", { expectedVersion: draft.version, documentType: "AMENDMENT", reason: REASON });
  return { caseId, identifier, number: submitted.number, version: submitted.version };
}

describe("Amendments and Modifications", () => {
  it("submitted ones wait in DSCA's My tasks; once approved, the partner's offers waiting has the Amendment until it is accepted", async () => {
    const cast = await caseCast(prisma);
    const first = await submittedAmendment(cast);
    const second = await submittedAmendment(cast);
    const foreign = await partnerOf(prisma, cast.foreignCountry.id);

    // DSCA decides: both are there, named and with their reason, each on its own page at one a page.
    const changes = await whole((q) => listChangeTasks(cast.dsca, q));
    const ours = changes.filter((c) => c.country.id === cast.country.id);
    expect(ours.map((c) => c.caseId).sort()).toEqual([first.caseId, second.caseId].sort());
    expect(ours.find((c) => c.caseId === first.caseId)).toMatchObject({
      documentType: "AMENDMENT",
      name: `${first.identifier} A01`,
      number: 2,
      changeReason: REASON,
      implementingAgency: { id: cast.agency.id },
    });
    const pageOne = await listChangeTasks(cast.dsca, { pageSize: "1" });
    const pageTwo = await listChangeTasks(cast.dsca, { pageSize: "1", page: "2" });
    expect(pageOne.total).toBeGreaterThanOrEqual(2);
    expect(pageOne.items).toHaveLength(1);
    expect(pageTwo.items).toHaveLength(1);
    expect(pageOne.items[0]).not.toEqual(pageTwo.items[0]);
    // Nobody else decides them, and nothing is offered yet.
    for (const actor of [cast.ia, cast.state, cast.dtsa]) expect(await listChangeTasks(actor)).toMatchObject({ items: [], total: 0 });
    await expectAppError(listChangeTasks(cast.partner), "FORBIDDEN");
    expect(await listOfferedAmendments(cast.partner)).toMatchObject({ items: [], total: 0 });

    // Approved, they leave DSCA's list and wait for the partner.
    for (const change of [first, second]) await docAction(cast.dsca, change.caseId, change.number, "approve", { expectedVersion: change.version });
    const left = (await whole((q) => listChangeTasks(cast.dsca, q))).map((c) => c.caseId);
    expect(left).not.toContain(first.caseId);
    expect(left).not.toContain(second.caseId);

    const offered = await listOfferedAmendments(cast.partner);
    expect(offered.total).toBe(2);
    expect(offered.items.map((a) => a.caseId).sort()).toEqual([first.caseId, second.caseId].sort());
    expect(offered.items.find((a) => a.caseId === first.caseId)).toMatchObject({ name: `${first.identifier} A01`, number: 2, changeReason: REASON });
    // A page at a time.
    const [one, two] = [await listOfferedAmendments(cast.partner, { pageSize: "1" }), await listOfferedAmendments(cast.partner, { pageSize: "1", page: "2" })];
    expect([one.total, one.items.length, two.items.length]).toEqual([2, 1, 1]);
    expect(one.items[0]!.caseId).not.toBe(two.items[0]!.caseId);
    // Another country's partner, and USG staff, see none of them here.
    expect(await listOfferedAmendments(foreign)).toMatchObject({ items: [], total: 0 });
    expect(await listOfferedAmendments(cast.dsca)).toMatchObject({ items: [], total: 0 });

    // Accepted, it leaves the partner's offers waiting.
    const row = await prisma.caseDocument.findUniqueOrThrow({ where: { caseId_number: { caseId: first.caseId, number: first.number } } });
    await docAction(cast.partner, first.caseId, first.number, "accept", { expectedVersion: row.version, signerName: "Mira Castellan", signerTitle: "Director of Procurement" });
    const after = await listOfferedAmendments(cast.partner);
    expect(after.total).toBe(1);
    expect(after.items.map((a) => a.caseId)).toEqual([second.caseId]);
  });

  it("a Modification waits for DSCA too, and leaves once implemented", async () => {
    const cast = await caseCast(prisma);
    const change = await submittedAmendment(cast);
    // Stored as a Modification (the classification rules are tested in loa-changes): the list reads the type.
    await prisma.caseDocument.update({ where: { caseId_number: { caseId: change.caseId, number: change.number } }, data: { documentType: "MODIFICATION" } });
    const item = (await whole((q) => listChangeTasks(cast.dsca, q))).find((c) => c.caseId === change.caseId);
    expect(item).toMatchObject({ documentType: "MODIFICATION", name: `${change.identifier} M01` });
    await prisma.caseDocument.update({ where: { caseId_number: { caseId: change.caseId, number: change.number } }, data: { status: "IMPLEMENTED" } });
    expect((await whole((q) => listChangeTasks(cast.dsca, q))).find((c) => c.caseId === change.caseId)).toBeUndefined();
    expect(await listOfferedAmendments(cast.partner)).toMatchObject({ total: 0 });
  });
});

describe("a case returned for rework", () => {
  it("shows the agency the reviewer's reason in its task, until the LOA goes back to review", async () => {
    const cast = await caseCast(prisma);
    const { driver } = await caseAt(cast, "IN_REVIEW");
    const untouched = await caseAt(cast, "IN_DEVELOPMENT");
    const comment = "Add the missile technology annex before we can concur.";
    await driver.do(cast.dtsa, "return-for-rework", { comment });

    const items = await whole((q) => listMyTasks(cast.ia, q));
    const task = items.find((i) => i.caseId === driver.caseId);
    expect(task).toMatchObject({ kind: "CASE", status: "IN_DEVELOPMENT", actions: ["approve-loa"], reworkReason: { office: "DTSA", comment } });
    expect(Date.now() - new Date(task!.reworkReason!.returnedAt).getTime()).toBeLessThan(60_000);
    // A case in development that was never returned has no reason to show; another agency never sees the case.
    expect(items.find((i) => i.caseId === untouched.driver.caseId)).toMatchObject({ reworkReason: null });
    expect((await whole((q) => listMyTasks(cast.otherIa, q))).find((i) => i.caseId === driver.caseId)).toBeUndefined();

    // Back in review (a new round), the reviewers' tasks carry no stale reason and the agency's task is gone.
    await driver.do(cast.ia, "approve-loa");
    expect((await whole((q) => listMyTasks(cast.ia, q))).find((i) => i.caseId === driver.caseId)).toBeUndefined();
    expect((await whole((q) => listMyTasks(cast.dtsa, q))).find((i) => i.caseId === driver.caseId)).toMatchObject({ kind: "REVIEW", reworkReason: null });
  });
});
