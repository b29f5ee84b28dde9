// The story of one purchase against PostgreSQL: the letter of request, the case, its reviews and notification track,
// the offer and acceptance, the deposit and an Amendment, merged in one timeline. A partner sees their milestones and
// their Amendment but never an internal comment or a notification step, and U.S. Government staff by office only;
// staff see everything with names; another country's partner gets 404. Also the case timeline's own fixes: an
// Amendment reaches the partner's case timeline, named, and dates read as dates, not ISO text.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { PurchaseTimelineEntryView } from "@/domain/schemas/purchase-timeline";
import { getPurchaseTimeline } from "@/server/cases/get-purchase-timeline";
import { listCaseEvents } from "@/server/cases/list-case-events";
import { additionalSparesLine as extraLine, seedLoaReference } from "../factories/loa";
import { acceptInput, caseAt, caseCast, depositInput, type Cast } from "./case-helpers";
import { expectAppError, testPrisma } from "./helpers";
import { seedSlaRules } from "./lor-helpers";
import { contentOfView, docAction, draftInput, save, working } from "./loa-helpers";

const prisma = testPrisma();

beforeAll(async () => {
  await seedSlaRules(prisma);
  await seedLoaReference(prisma);
});

const ISO_DAY = /\b\d{4}-\d{2}-\d{2}\b/;

/**
 * A case from its letter to an accepted Amendment: DSCA requires congressional notification and then decides it is
 * not needed (internal steps), concurs with an internal comment, State and DTSA concur; the offer is accepted and the
 * deposit implements the case; then an Amendment is drafted, submitted, approved (offered) and accepted.
 */
async function purchaseWithAmendment(cast: Cast) {
  const secret = `SECRET-${randomUUID()}`;
  const { caseId, identifier, driver } = await caseAt(cast, "IN_REVIEW");
  await driver.do(cast.dsca, "set-notification-requirement", { required: true });
  await driver.do(cast.dsca, "set-notification-requirement", { required: false });
  await driver.do(cast.dsca, "concur-with-comment", { comment: secret, commentVisibility: "USG_INTERNAL" });
  await driver.do(cast.state, "concur");
  await driver.do(cast.dtsa, "concur");
  await driver.do(cast.ia, "sign");
  await driver.do(cast.dsca, "countersign");
  await driver.do(cast.ia, "offer");
  await driver.do(cast.partner, "accept", acceptInput());
  await driver.do(cast.dsca, "record-deposit", depositInput());

  const start = await working(cast.ia, caseId);
  const content = contentOfView(start.document);
  const draft = await save(cast.ia, caseId, draftInput({ ...content, lines: [...content.lines, extraLine] }, start.document.version));
  const reason = "Adds two spare modules the purchaser asked for.";
  const submitted = await docAction(cast.ia, caseId, draft.number, "submit", { expectedVersion: draft.version, documentType: "AMENDMENT", reason });
  const offered = await docAction(cast.dsca, caseId, draft.number, "approve", { expectedVersion: submitted.version });
  await docAction(cast.partner, caseId, draft.number, "accept", { expectedVersion: offered.version, signerName: "Mira Castellan", signerTitle: "Director of Procurement" });
  const lor = await prisma.letterOfRequest.findFirstOrThrow({ where: { caseId }, select: { id: true } });
  return { caseId, identifier, lorId: lor.id, secret, reason, amendment: draft.number };
}

const indexOf = (entries: readonly PurchaseTimelineEntryView[], action: string) => entries.findIndex((e) => e.action === action);

describe("the story of a purchase", () => {
  it("shows the partner the letter, the offer, the acceptance and their Amendment in order, and nothing internal", async () => {
    const cast = await caseCast(prisma);
    const { caseId, identifier, lorId, secret, reason, amendment } = await purchaseWithAmendment(cast);

    const story = await getPurchaseTimeline(cast.partner, caseId);
    expect(story).toMatchObject({ caseId, identifier, status: "IMPLEMENTED", letters: [{ id: lorId, href: `/lors/${lorId}` }] });
    const { entries } = story;

    const submittedLetter = entries.find((e) => e.action === "lor.submit")!;
    expect(submittedLetter).toMatchObject({ category: "letter", phase: "request", label: "Letter of request: submitted", link: { href: `/lors/${lorId}` } });
    expect(entries.find((e) => e.action === "case.offer")).toMatchObject({ category: "case", phase: "review-offer" });
    expect(entries.find((e) => e.action === "case.accept")).toMatchObject({ category: "case", phase: "acceptance" });
    const offeredAmendment = entries.find((e) => e.action === "loa.approve")!;
    expect(offeredAmendment).toMatchObject({
      category: "document",
      phase: "execution",
      label: `Amendment 1 (${identifier} A01) approved by DSCA and offered to the partner`,
      link: { href: `/cases/${caseId}/documents/${amendment}` },
    });
    expect(entries.find((e) => e.action === "loa.accept")).toMatchObject({
      label: `Amendment 1 (${identifier} A01) accepted by the partner`,
      note: "Signed by Mira Castellan, Director of Procurement",
    });
    // Completing the letter opens the case in the same instant: the letter's step comes first, in the request stage.
    expect(entries.find((e) => e.action === "lor.mark_complete")).toMatchObject({ phase: "request", note: `Case ${identifier}` });
    const order = ["lor.create", "lor.submit", "lor.mark_complete", "case.open", "case.offer", "case.accept", "case.record-deposit", "loa.approve", "loa.accept"].map((a) =>
      indexOf(entries, a),
    );
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // Oldest first (the letter's completion, a moment after the opening it caused, aside), and the stages never go back.
    const times = entries.filter((e) => e.action !== "lor.mark_complete").map((e) => e.occurredAt);
    expect(times).toEqual([...times].sort());
    const stages = ["request", "review-offer", "acceptance", "execution", "closure"];
    const ranks = entries.map((e) => stages.indexOf(e.phase));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));

    // Nothing internal: no notification step, no review, no internal comment, none of the agency's drafting.
    const json = JSON.stringify(story);
    expect(json).not.toContain(secret);
    expect(json).not.toContain(reason);
    expect(entries.filter((e) => e.category === "notification" || e.category === "review")).toEqual([]);
    for (const internal of ["case.set-notification-requirement", "case.concur", "case.concur-with-comment", "loa.submit", "loa.change-started", "loa.save", "lor.update"]) {
      expect(entries.map((e) => e.action)).not.toContain(internal);
    }
    // U.S. Government staff by office only; the partner's own colleagues by name.
    expect(json).not.toContain(cast.dsca.name);
    expect(json).not.toContain(cast.ia.name);
    expect(entries.find((e) => e.action === "case.accept")!.actor).toContain("Partner Officer");
    // Dates in the notes are written for people.
    for (const entry of entries) expect(entry.note ?? "").not.toMatch(ISO_DAY);
  });

  it("shows U.S. Government staff every step with who took it, the internal ones included", async () => {
    const cast = await caseCast(prisma);
    const { caseId, identifier, secret, reason } = await purchaseWithAmendment(cast);
    const { entries } = await getPurchaseTimeline(cast.dsca, caseId);

    expect(entries.find((e) => e.action === "case.set-notification-requirement")).toMatchObject({ category: "notification", actor: expect.stringContaining(cast.dsca.name) });
    expect(entries.find((e) => e.action === "case.concur-with-comment")).toMatchObject({ category: "review", comment: secret, commentVisibility: "USG_INTERNAL" });
    expect(entries.find((e) => e.action === "loa.submit")).toMatchObject({
      category: "document",
      label: `Amendment 1 (${identifier} A01) submitted to DSCA`,
      note: reason,
      actor: expect.stringContaining(cast.ia.name),
    });
    expect(entries.find((e) => e.action === "case.record-deposit")).toMatchObject({ category: "money", phase: "acceptance", actor: expect.stringContaining(cast.dsca.name) });
    expect(entries.find((e) => e.action === "lor.submit")!.actor).toContain("Partner Officer");
    // Working saves are not milestones.
    expect(entries.map((e) => e.action)).not.toContain("loa.save");
  });

  it("is NOT_FOUND for another country's partner, and for a case that does not exist", async () => {
    const cast = await caseCast(prisma);
    const { caseId } = await caseAt(cast, "OFFERED");
    await expectAppError(getPurchaseTimeline(cast.foreignPartner, caseId), "NOT_FOUND");
    await expectAppError(getPurchaseTimeline(cast.partner, randomUUID()), "NOT_FOUND");
    await expectAppError(getPurchaseTimeline(cast.partner, "not-a-uuid"), "NOT_FOUND");
  });

  it("holds only this case's letters and events", async () => {
    const cast = await caseCast(prisma);
    const first = await caseAt(cast, "IN_DEVELOPMENT");
    const second = await caseAt(cast, "OPENED");
    const { entries, letters } = await getPurchaseTimeline(cast.partner, second.caseId);
    expect(letters).toHaveLength(1);
    const firstLetter = await prisma.letterOfRequest.findFirstOrThrow({ where: { caseId: first.caseId }, select: { id: true } });
    expect(entries.some((e) => e.link?.href === `/lors/${firstLetter.id}`)).toBe(false);
    expect(entries.map((e) => e.action)).not.toContain("case.assign-agency");
  });
});

describe("the case timeline (issue 18)", () => {
  it("shows the partner their Amendment, named, and dates written out rather than as ISO text", async () => {
    const cast = await caseCast(prisma);
    const { caseId, identifier } = await purchaseWithAmendment(cast);

    const partner = await listCaseEvents(cast.partner, caseId);
    expect(partner.filter((e) => e.action.startsWith("loa.")).map((e) => e.label)).toEqual([
      `Amendment 1 (${identifier} A01) approved by DSCA and offered to the partner`,
      `Amendment 1 (${identifier} A01) accepted by the partner`,
    ]);
    const accept = partner.find((e) => e.action === "case.accept")!;
    expect(accept.note).toMatch(/^Signed by Mira Castellan, Director of Procurement, on [A-Z][a-z]{2} \d{1,2}, \d{4}\. Initial deposit \$1,250,000\.00$/);
    for (const event of partner) expect(event.note ?? "").not.toMatch(ISO_DAY);

    const staff = await listCaseEvents(cast.ia, caseId);
    expect(staff.find((e) => e.action === "case.approve-loa")!.note).toMatch(/Offer expiration date [A-Z][a-z]{2} \d{1,2}, \d{4}/);
    expect(staff.find((e) => e.action === "case.record-deposit")!.note).toMatch(/received on [A-Z][a-z]{2} \d{1,2}, \d{4} \(wire FED-WIRE-TEST-0001\)/);
    expect(staff.filter((e) => e.action.startsWith("loa.")).map((e) => e.action)).toEqual(["loa.change-started", "loa.submit", "loa.approve", "loa.accept"]);
  });

  it("tells the partner when an Amendment offered to them is withdrawn, but not of a change they never saw", async () => {
    const cast = await caseCast(prisma);
    const { caseId, identifier } = await caseAt(cast, "ACCEPTED");
    const draftChange = async () => {
      const start = await working(cast.ia, caseId);
      const content = contentOfView(start.document);
      return save(cast.ia, caseId, draftInput({ ...content, lines: [...content.lines, extraLine] }, start.document.version));
    };
    const first = await draftChange();
    const submitted = await docAction(cast.ia, caseId, first.number, "submit", { expectedVersion: first.version, documentType: "AMENDMENT", reason: "Adds two spare modules." });
    const offered = await docAction(cast.dsca, caseId, first.number, "approve", { expectedVersion: submitted.version });
    await docAction(cast.ia, caseId, first.number, "withdraw", { expectedVersion: offered.version });
    const second = await draftChange();
    await docAction(cast.ia, caseId, second.number, "withdraw", { expectedVersion: second.version });

    const partner = await listCaseEvents(cast.partner, caseId);
    expect(partner.filter((e) => e.action.startsWith("loa.")).map((e) => e.label)).toEqual([
      `Amendment 1 (${identifier} A01) approved by DSCA and offered to the partner`,
      `Amendment 1 (${identifier} A01) withdrawn`,
    ]);
    const staff = await listCaseEvents(cast.ia, caseId);
    expect(staff.filter((e) => e.action === "loa.withdraw").map((e) => e.label)).toEqual([`Amendment 1 (${identifier} A01) withdrawn`, "The change withdrawn"]);
  });
});
