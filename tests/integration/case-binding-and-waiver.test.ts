// Issue 13 against PostgreSQL: DSCA records that a State or DTSA review is not required (audited, internal, the AND-join
// then waits only on the reviews still required), and binding steps are refused when the document the person confirmed
// is no longer the one they commit to.
import { beforeAll, describe, expect, it } from "vitest";
import { boundDocumentOf, type BindingEvent } from "@/domain/workflow/binding-confirmation";
import { getCase } from "@/server/cases/get-case";
import { verifyCaseChain } from "@/server/cases/get-case-audit";
import { listCaseEvents } from "@/server/cases/list-case-events";
import { listDocuments } from "@/server/loa/list-documents";
import { expectAppError, testPrisma } from "./helpers";
import { actorFor, seedSlaRules } from "./lor-helpers";
import { acceptInput, act, caseAt, caseAudit, caseCast, type Cast } from "./case-helpers";

const prisma = testPrisma();

beforeAll(() => seedSlaRules(prisma));

const REASON = "No release of classified technology: the items are already released to this purchaser.";

/** What the page's confirmation would send for `event`, read from the documents as `actor` sees them. */
async function acknowledgement(actor: Cast["dsca"], caseId: string, event: BindingEvent) {
  const doc = boundDocumentOf(event, await listDocuments(actor, caseId));
  expect(doc, `a document for ${event}`).not.toBeNull();
  return { number: doc!.number, version: doc!.version, sha256: doc!.pdfSha256 };
}

describe("recording a review as not required", () => {
  it("DSCA waives DTSA's review with a reason: audited, shown to U.S. Government staff only, and the join waits only on DSCA and State", async () => {
    const cast = await caseCast(prisma);
    const secondAnalyst = await actorFor(prisma, "DSCA_ANALYST", undefined, "Second Analyst");
    const { caseId, driver } = await caseAt(cast, "IN_REVIEW");

    const waived = await driver.do(cast.dsca, "review-not-required", { office: "DTSA", comment: REASON });
    expect(waived.status).toBe("IN_REVIEW");
    expect(waived.waitingOn).toBe("DSCA and State reviews");
    expect(waived.reviews.find((r) => r.office === "DTSA")).toMatchObject({
      status: "NOT_REQUIRED",
      decision: null,
      decidedBy: { id: cast.dsca.userId, name: "Dana Analyst" },
      comment: REASON,
      commentVisibility: "USG_INTERNAL",
      aging: null,
    });
    // DTSA has nothing left to decide.
    expect((await getCase(cast.dtsa, caseId)).availableActions).toEqual([]);
    // The analyst who waived cannot also pass DSCA's own review.
    expect((await getCase(cast.dsca, caseId)).availableActions).not.toContain("concur");
    await expectAppError(driver.attempt(cast.dsca, "concur"), "FORBIDDEN");

    // The audit trail records who, which office, which round and why, on the case's verified chain.
    const [audit] = await caseAudit(prisma, caseId, "case.review-not-required");
    expect(audit).toMatchObject({ outcome: "SUCCESS", actorEmail: cast.dsca.email });
    expect(audit!.details).toMatchObject({
      event: "review-not-required",
      reviewOffice: "DTSA",
      reviewRound: 1,
      fromStatus: "IN_REVIEW",
      toStatus: "IN_REVIEW",
      comment: REASON,
      commentVisibility: "USG_INTERNAL",
      input: { office: "DTSA" },
    });
    expect((await verifyCaseChain(caseId)).verification.verified).toBe(true);

    // The timeline names it for U.S. Government staff; the partner never sees it, nor the reviews.
    const usg = await listCaseEvents(cast.state, caseId);
    expect(usg.find((e) => e.action === "case.review-not-required")).toMatchObject({
      label: "DTSA technology-security review: review recorded as not required",
      comment: REASON,
      commentVisibility: "USG_INTERNAL",
    });
    expect((await listCaseEvents(cast.partner, caseId)).some((e) => e.action === "case.review-not-required" || e.comment === REASON)).toBe(false);
    expect(await getCase(cast.partner, caseId)).toMatchObject({ reviews: [], waitingOn: "U.S. Government reviews" });

    // The remaining required reviews close the join.
    await driver.do(secondAnalyst, "concur");
    const ready = await driver.do(cast.state, "concur");
    expect(ready.status).toBe("READY_TO_SIGN");
    expect(ready.waitingOn).toBe("The implementing agency to sign");
    expect(await prisma.reviewTask.findMany({ where: { caseId }, select: { office: true, status: true }, orderBy: { office: "asc" } })).toEqual([
      { office: "DSCA", status: "DECIDED" },
      { office: "STATE_PM", status: "DECIDED" },
      { office: "DTSA", status: "NOT_REQUIRED" },
    ]);
  });

  it("refuses DSCA's own review, a decided review, a missing reason, other roles and a stale version; a foreign partner gets 404", async () => {
    const cast = await caseCast(prisma);
    const { caseId, driver } = await caseAt(cast, "IN_REVIEW");
    await expectAppError(driver.attempt(cast.dsca, "review-not-required", { office: "DSCA", comment: REASON }), "VALIDATION_FAILED");
    const noReason = await expectAppError(driver.attempt(cast.dsca, "review-not-required", { office: "DTSA" }), "VALIDATION_FAILED");
    expect(noReason.extra.fields).toHaveProperty("comment");
    await expectAppError(driver.attempt(cast.dtsa, "review-not-required", { office: "DTSA", comment: REASON }), "FORBIDDEN");
    await expectAppError(driver.attempt(cast.ia, "review-not-required", { office: "DTSA", comment: REASON }), "FORBIDDEN");
    await expectAppError(driver.attempt(cast.foreignPartner, "review-not-required", { office: "DTSA", comment: REASON }), "NOT_FOUND");
    // The partner may not even propose an internal visibility choice: the reason is always internal.
    await expectAppError(
      driver.attempt(cast.dsca, "review-not-required", { office: "DTSA", comment: REASON, commentVisibility: "PARTNER_VISIBLE" }),
      "VALIDATION_FAILED",
    );

    await driver.do(cast.state, "concur");
    const decided = await expectAppError(driver.attempt(cast.dsca, "review-not-required", { office: "STATE_PM", comment: REASON }), "VALIDATION_FAILED");
    expect(decided.extra.fields?.office).toMatch(/already decided/);

    const stale = act(cast.dsca, caseId, "review-not-required", { expectedVersion: driver.version - 1, office: "DTSA", comment: REASON });
    await expectAppError(stale, "VERSION_CONFLICT");
    expect(await prisma.reviewTask.count({ where: { caseId, status: "NOT_REQUIRED" } })).toBe(0);
    expect(await caseAudit(prisma, caseId, "case.review-not-required")).toEqual([]);
  });
});

describe("binding steps check the document that was confirmed", () => {
  it("approving the LOA names the draft's version: a draft saved since the person looked is refused with 409, and nothing changes", async () => {
    const cast = await caseCast(prisma);
    const { caseId, driver } = await caseAt(cast, "IN_DEVELOPMENT");
    const seen = await acknowledgement(cast.ia, caseId, "approve-loa");
    // Someone saves the draft again: the case's own version does not move, the document's does.
    await prisma.caseDocument.updateMany({ where: { caseId, number: seen.number }, data: { version: { increment: 1 } } });

    const refused = await expectAppError(driver.attempt(cast.ia, "approve-loa", { acknowledgedDocument: seen }), "CONFLICT");
    expect(refused.message).toContain(`now version ${seen.version + 1}, not version ${seen.version}`);
    expect(await prisma.case.findUniqueOrThrow({ where: { id: caseId }, select: { status: true, version: true } })).toEqual({
      status: "IN_DEVELOPMENT",
      version: driver.version,
    });
    expect(await caseAudit(prisma, caseId, "case.approve-loa")).toEqual([]);

    const current = await acknowledgement(cast.ia, caseId, "approve-loa");
    const approved = await driver.do(cast.ia, "approve-loa", { acknowledgedDocument: current });
    expect(approved.status).toBe("IN_REVIEW");
    // The audit trail records exactly what the person confirmed.
    const [audit] = await caseAudit(prisma, caseId, "case.approve-loa");
    expect(audit!.details).toMatchObject({ input: { acknowledgedDocument: { number: current.number, version: current.version, sha256: null } } });
    const timeline = await listCaseEvents(cast.ia, caseId);
    expect(timeline.find((e) => e.action === "case.approve-loa")?.note).toContain(`Confirmed LOA document ${current.number}, version ${current.version}`);
  });

  it("the partner accepts the offered file by its SHA-256; another hash is refused, and a foreign partner gets 404", async () => {
    const cast = await caseCast(prisma);
    const { caseId, driver } = await caseAt(cast, "OFFERED");
    const offered = await acknowledgement(cast.partner, caseId, "accept");
    expect(offered.sha256).toMatch(/^[0-9a-f]{64}$/);

    const wrongFile = { ...offered, sha256: "0".repeat(64) };
    const refused = await expectAppError(driver.attempt(cast.partner, "accept", { ...acceptInput(), acknowledgedDocument: wrongFile }), "CONFLICT");
    expect(refused.message).toMatch(/SHA-256/);
    await expectAppError(driver.attempt(cast.partner, "accept", { ...acceptInput(), acknowledgedDocument: { ...offered, sha256: null } }), "CONFLICT");
    await expectAppError(driver.attempt(cast.foreignPartner, "accept", { ...acceptInput(), acknowledgedDocument: offered }), "NOT_FOUND");
    // A malformed acknowledgement is a validation error, not a conflict.
    await expectAppError(driver.attempt(cast.partner, "accept", { ...acceptInput(), acknowledgedDocument: { number: 1 } }), "VALIDATION_FAILED");

    const accepted = await driver.do(cast.partner, "accept", { ...acceptInput(), acknowledgedDocument: { ...offered, sha256: offered.sha256!.toUpperCase() } });
    expect(accepted.status).toBe("ACCEPTED");
  });

  it("concurring, signing, countersigning and offering name the version frozen for review", async () => {
    const cast = await caseCast(prisma);
    const { caseId, driver } = await caseAt(cast, "IN_REVIEW");
    const frozen = await acknowledgement(cast.dsca, caseId, "concur");
    expect(frozen.sha256).toBeNull();
    await driver.do(cast.dsca, "concur", { acknowledgedDocument: frozen });
    await driver.do(cast.state, "concur", { acknowledgedDocument: frozen });
    // An acknowledgement of another document is refused even with the right version.
    await expectAppError(driver.attempt(cast.dtsa, "concur", { acknowledgedDocument: { ...frozen, number: frozen.number + 7 } }), "CONFLICT");
    await driver.do(cast.dtsa, "concur", { acknowledgedDocument: frozen });
    await driver.do(cast.ia, "sign", { acknowledgedDocument: await acknowledgement(cast.ia, caseId, "sign") });
    await driver.do(cast.dsca, "countersign", { acknowledgedDocument: await acknowledgement(cast.dsca, caseId, "countersign") });
    const offered = await driver.do(cast.ia, "offer", { acknowledgedDocument: await acknowledgement(cast.ia, caseId, "offer") });
    expect(offered.status).toBe("OFFERED");
  });

  it("an API client that sends no acknowledgement still works (the field is optional for clients written before it)", async () => {
    const cast = await caseCast(prisma);
    const { driver } = await caseAt(cast, "IN_DEVELOPMENT");
    expect((await driver.do(cast.ia, "approve-loa")).status).toBe("IN_REVIEW");
  });
});
