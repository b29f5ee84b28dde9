import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type APIResponse } from "./fixtures";
import { bareApi, closeAll, json, organizationByCode, unique, type ApiError } from "./helpers";
import { fillLoaViaApi } from "./loa-helpers";
import type { Page } from "./lor-helpers";
import {
  ARMY,
  caseAction,
  caseEvents,
  DSCA,
  DTSA,
  getCase,
  myTasks,
  NAVY,
  openCaseViaApi,
  PARTNER_BN,
  PARTNER_SR,
  postCaseAction,
  STATE,
  tokenApi,
  toReviewViaApi,
  today,
  type CaseAudit,
  type CaseView,
} from "./case-helpers";

// The case workflow through /api/v1 with personal API tokens (no cookies): a case walked from a complete letter to
// CLOSED, with every wrong-role call refused (403), another country's officer answered 404, stale versions 409,
// idempotent retries, the partner's filtered timeline, the audit trail, list filters, the inbox and the OpenAPI document.

async function expectError(response: APIResponse, status: number, code: string): Promise<ApiError["error"]> {
  expect(response.status(), await response.text()).toBe(status);
  const body = await json<ApiError>(response);
  expect(body.error.code).toBe(code);
  expect(body.error.message).toBeTruthy();
  return body.error;
}

type Users = Record<"bn" | "sr" | "dsca" | "state" | "dtsa" | "navy" | "army", APIRequestContext>;

test.describe("the case workflow through the API", () => {
  let u: Users;

  test.beforeAll(async ({ browser }) => {
    u = {
      bn: await tokenApi(browser, PARTNER_BN),
      sr: await tokenApi(browser, PARTNER_SR),
      dsca: await tokenApi(browser, DSCA),
      state: await tokenApi(browser, STATE),
      dtsa: await tokenApi(browser, DTSA),
      navy: await tokenApi(browser, NAVY),
      army: await tokenApi(browser, ARMY),
    };
  });

  test.afterAll(async () => {
    if (u) await closeAll(...Object.values(u));
  });

  /** Each of `who` is refused `action` with 403 (another country: 404), and the case is unchanged. */
  async function refused(c: CaseView, action: string, who: (keyof Users)[], extra: Record<string, unknown> = {}) {
    for (const name of who) {
      const [status, code] = name === "sr" ? [404, "NOT_FOUND"] : [403, "FORBIDDEN"];
      const error = await expectError(await postCaseAction(u[name], c, action, extra), status, code);
      expect(JSON.stringify(error), `${name} ${action}`).not.toContain(c.identifier);
    }
    const now = await getCase(u.dsca, c.id);
    expect({ status: now.status, version: now.version }, `${action} refused: nothing changed`).toEqual({ status: c.status, version: c.version });
  }

  test("a case walks from a complete letter to CLOSED; wrong roles get 403 and another country 404 at every step", async () => {
    test.setTimeout(120_000);
    const secret = unique("INTERNAL-API-only-for-USG");
    const forPartner = unique("Partner-visible: the spares list is approved");
    const { case: opened } = await openCaseViaApi(u.bn, u.dsca);
    expect(opened).toMatchObject({ status: "OPENED", country: { code: "BN" }, implementingAgency: { code: "P" }, reviewRound: 0, reviews: [] });
    expect(opened.waitingOn).toBe("DSCA to assign the implementing agency");
    expect(opened.availableActions).toContain("assign-agency");
    for (const name of ["navy", "state", "dtsa", "bn"] as const) {
      expect((await getCase(u[name], opened.id)).availableActions, name).toEqual([]);
    }
    await expectError(await u.sr.get(`/api/v1/cases/${opened.id}`), 404, "NOT_FOUND");

    // OPENED → IN_DEVELOPMENT: DSCA assigns the agency.
    const navyOrg = await organizationByCode(u.dsca, "IMPLEMENTING_AGENCY", "P");
    await refused(opened, "assign-agency", ["navy", "army", "state", "dtsa", "bn", "sr"], { agencyId: navyOrg.id });
    const developing = await caseAction(u.dsca, opened, "assign-agency", { agencyId: navyOrg.id });
    expect(developing).toMatchObject({ status: "IN_DEVELOPMENT", identifier: opened.identifier, implementingAgency: { code: "P" } });
    // Out of order: nothing to review or sign yet (409, not 403, for the people who may do it later).
    await expectError(await postCaseAction(u.state, developing, "concur"), 409, "CONFLICT");
    await expectError(await postCaseAction(u.navy, developing, "sign"), 409, "CONFLICT");

    // IN_DEVELOPMENT → IN_REVIEW: only the Navy's case manager approves a Navy LOA.
    expect((await getCase(u.navy, developing.id)).availableActions).toContain("approve-loa");
    expect((await getCase(u.army, developing.id)).availableActions).toEqual([]);
    await refused(developing, "approve-loa", ["army", "dsca", "state", "dtsa", "bn", "sr"]);
    // The LOA is still empty: the Navy may not send it to review yet, and nothing changes.
    const early = await postCaseAction(u.navy, developing, "approve-loa");
    expect([409, 422], await early.text()).toContain(early.status());
    expect((await json<ApiError>(early)).error.message).toMatch(/^The LOA is not ready for review: /);
    expect(await getCase(u.navy, developing.id)).toMatchObject({ status: "IN_DEVELOPMENT", version: developing.version });
    await fillLoaViaApi(u.navy, developing.id);
    const reviewing = await caseAction(u.navy, developing, "approve-loa");
    expect(reviewing.status).toBe("IN_REVIEW");
    expect(reviewing.reviewRound).toBe(1);
    expect(reviewing.reviews.map((r) => r.office).sort()).toEqual(["DSCA", "DTSA", "STATE_PM"]);
    expect(reviewing.milestones.offerExpiresAt).toBeTruthy();

    // Reviews: the agency and the partner may not decide; each office decides its own, once.
    await refused(reviewing, "concur", ["navy", "army", "bn", "sr"]);
    const afterState = await caseAction(u.state, reviewing, "concur-with-comment", { comment: forPartner, commentVisibility: "PARTNER_VISIBLE" });
    expect(afterState.status).toBe("IN_REVIEW");
    expect(afterState.reviews.find((r) => r.office === "STATE_PM")).toMatchObject({
      status: "DECIDED",
      decision: "CONCUR_WITH_COMMENT",
      decidedBy: { name: "Marcus Reyes" },
      comment: forPartner,
      commentVisibility: "PARTNER_VISIBLE",
    });
    expect(afterState.availableActions).toEqual([]);
    expect((await getCase(u.state, afterState.id)).availableActions).toEqual([]);
    await expectError(await postCaseAction(u.state, afterState, "concur"), 409, "CONFLICT");
    const noComment = await expectError(await postCaseAction(u.dtsa, afterState, "concur-with-comment"), 422, "VALIDATION_FAILED");
    expect(noComment.fields).toHaveProperty("comment");
    const badVisibility = await expectError(
      await postCaseAction(u.dtsa, afterState, "concur-with-comment", { comment: "x", commentVisibility: "EVERYONE" }),
      422,
      "VALIDATION_FAILED",
    );
    expect(badVisibility.fields).toHaveProperty("commentVisibility");
    const afterDtsa = await caseAction(u.dtsa, afterState, "concur-with-comment", { comment: secret, commentVisibility: "USG_INTERNAL" });
    expect(afterDtsa.status).toBe("IN_REVIEW");
    await expectError(await postCaseAction(u.navy, afterDtsa, "sign"), 409, "CONFLICT");
    const ready = await caseAction(u.dsca, afterDtsa, "concur");
    expect(ready.status).toBe("READY_TO_SIGN");
    expect(ready.waitingOn).toBe("The implementing agency to sign");

    // Signature, countersignature, offer.
    await refused(ready, "sign", ["army", "dsca", "state", "dtsa", "bn", "sr"]);
    const signed = await caseAction(u.navy, ready, "sign");
    expect(signed.status).toBe("AGENCY_SIGNED");
    await refused(signed, "countersign", ["navy", "army", "state", "dtsa", "bn", "sr"]);
    const countersigned = await caseAction(u.dsca, signed, "countersign");
    expect(countersigned.status).toBe("COUNTERSIGNED");
    await refused(countersigned, "offer", ["army", "dsca", "state", "dtsa", "bn", "sr"]);
    const offered = await caseAction(u.navy, countersigned, "offer");
    expect(offered.status).toBe("OFFERED");
    expect(offered.milestones.offeredAt).toBeTruthy();

    // The partner accepts; bad input is refused field by field.
    const acceptance = { signerName: "Mira Castellan", signerTitle: "Director of Naval Procurement", signedOn: today(), initialDeposit: "1500000.00" };
    await refused(offered, "accept", ["navy", "dsca", "state", "dtsa", "sr"], acceptance);
    expect((await getCase(u.bn, offered.id)).availableActions.sort()).toEqual(["accept", "request-changes"]);
    const missing = await expectError(await postCaseAction(u.bn, offered, "accept"), 422, "VALIDATION_FAILED");
    expect(Object.keys(missing.fields ?? {})).toEqual(expect.arrayContaining(["signerName", "signerTitle", "signedOn", "initialDeposit"]));
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const future = await expectError(await postCaseAction(u.bn, offered, "accept", { ...acceptance, signedOn: tomorrow }), 422, "VALIDATION_FAILED");
    expect(Object.keys(future.fields ?? {})).toEqual(["signedOn"]);
    const unknownField = await expectError(await postCaseAction(u.bn, offered, "accept", { ...acceptance, status: "CLOSED" }), 422, "VALIDATION_FAILED");
    expect(unknownField.fields).toHaveProperty("status");
    const accepted = await caseAction(u.bn, offered, "accept", acceptance);
    expect(accepted).toMatchObject({ status: "ACCEPTED", acceptance });
    // The partner's view carries no review internals.
    expect(accepted.reviews).toEqual([]);
    expect(accepted.notification).toBeNull();
    expect(JSON.stringify(accepted)).not.toContain(secret);

    // Deposit → implemented → executing → supply complete → closure certificate → closed.
    const deposit = { amount: "1500000.00", receivedOn: today(), wireReference: "FED-E2E-0001" };
    await refused(accepted, "record-deposit", ["navy", "state", "dtsa", "bn", "sr"], deposit);
    const futureDeposit = await expectError(await postCaseAction(u.dsca, accepted, "record-deposit", { ...deposit, receivedOn: tomorrow }), 422, "VALIDATION_FAILED");
    expect(futureDeposit.fields).toHaveProperty("receivedOn");
    const implemented = await caseAction(u.dsca, accepted, "record-deposit", deposit);
    expect(implemented.status).toBe("IMPLEMENTED");
    expect(implemented.milestones.depositReceivedAt).toBeTruthy();
    await refused(implemented, "start-execution", ["army", "dsca", "state", "bn", "sr"]);
    const executing = await caseAction(u.navy, implemented, "start-execution");
    expect(executing.status).toBe("EXECUTING");
    await refused(executing, "declare-supply-complete", ["army", "dsca", "dtsa", "bn", "sr"]);
    // Supply/services complete comes from the lines: refused while any is open; each line closed out (nothing was
    // delivered here, hence the reason), the last one moves the case.
    await expectError(await postCaseAction(u.navy, executing, "declare-supply-complete"), 409, "CONFLICT");
    const lineNumbers = (await json<{ lines: { lineNumber: string }[] }>(await u.navy.get(`/api/v1/cases/${executing.id}/execution`))).lines.map((l) => l.lineNumber);
    expect(lineNumbers.length).toBeGreaterThan(0);
    for (const lineNumber of lineNumbers) {
      const response = await u.navy.post(`/api/v1/cases/${executing.id}/lines/${lineNumber}/completion`, {
        data: { outcome: "SUPPLY_COMPLETE", reason: "Nothing further to deliver in this test" },
      });
      expect(response.status(), await response.text()).toBe(200);
    }
    const supplied = await getCase(u.navy, executing.id);
    expect(supplied.status).toBe("SUPPLY_SERVICES_COMPLETE");
    await refused(supplied, "submit-closure", ["army", "dsca", "state", "bn", "sr"], { closureType: "ACC" });
    const untyped = await expectError(await postCaseAction(u.navy, supplied, "submit-closure"), 422, "VALIDATION_FAILED");
    expect(untyped.fields).toHaveProperty("closureType");
    const pending = await caseAction(u.navy, supplied, "submit-closure", { closureType: "ACC" });
    expect(pending.status).toBe("CLOSURE_PENDING");
    await refused(pending, "close", ["navy", "army", "state", "dtsa", "bn", "sr"]);
    // Nothing was delivered, so the final bill is nil and the deposit comes back as a refund: nothing stands in the way.
    const closed = await caseAction(u.dsca, pending, "close");
    expect(closed).toMatchObject({ status: "CLOSED", waitingOn: "Nobody — the case is closed", availableActions: ["reopen"] });
    expect(closed.milestones.closedAt).toBeTruthy();
    // Closed cannot be cancelled or suspended; only DSCA's reopen (with a reason) leaves it.
    await expectError(await postCaseAction(u.dsca, closed, "cancel", { comment: "Too late" }), 409, "CONFLICT");
    await expectError(await postCaseAction(u.dsca, closed, "suspend", { comment: "Too late" }), 409, "CONFLICT");
    await refused(closed, "reopen", ["navy", "army", "state", "dtsa", "bn", "sr"], { comment: "Late delivery" });

    // The USG timeline has every step, in order, with both comments.
    const closeOut = lineNumbers.map(() => "line.complete");
    const walk = [
      ...["open", "assign-agency", "approve-loa", "concur-with-comment", "concur-with-comment", "concur", "sign", "countersign", "offer", "accept", "record-deposit", "start-execution"].map((a) => `case.${a}`),
      ...closeOut,
      ...["declare-supply-complete", "submit-closure", "close"].map((a) => `case.${a}`),
      "statement.issue",
      "closure.certificate",
    ];
    // The timeline is read from the case's audit chain, so it also holds the Navy's LOA save (between the assignment
    // and the approval).
    const audited = [...walk.slice(0, 2), "loa.save", ...walk.slice(2)];
    const usgEvents = await caseEvents(u.dsca, closed.id);
    expect(usgEvents.map((e) => e.action)).toEqual(audited);
    expect(usgEvents.find((e) => e.action === "case.close")).toMatchObject({ fromStatus: "CLOSURE_PENDING", toStatus: "CLOSED" });
    expect(usgEvents.find((e) => e.comment === secret)).toMatchObject({ commentVisibility: "USG_INTERNAL", label: expect.stringContaining("DTSA") });
    expect(usgEvents.find((e) => e.comment === forPartner)).toMatchObject({ commentVisibility: "PARTNER_VISIBLE" });

    // The partner's: milestones and the comment meant for them; never the internal one, and no review decisions.
    const partnerEvents = await caseEvents(u.bn, closed.id);
    const partnerText = JSON.stringify(partnerEvents);
    expect(partnerText).toContain(forPartner);
    expect(partnerText).not.toContain(secret);
    expect(partnerText).not.toContain("Priya Natarajan");
    // Review decisions are internal; State's shows only because its comment was marked for the partner.
    expect(partnerEvents.map((e) => e.action)).toEqual([
      ...["open", "assign-agency", "approve-loa", "concur-with-comment", "sign", "countersign", "offer", "accept", "record-deposit", "start-execution"].map((a) => `case.${a}`),
      ...closeOut,
      ...["declare-supply-complete", "submit-closure", "close"].map((a) => `case.${a}`),
      "statement.issue",
      "closure.certificate",
    ]);
    expect(partnerEvents.find((e) => e.comment === forPartner)?.toStatus).toBeNull();
    expect(partnerEvents.find((e) => e.action === "case.accept")?.note).toContain("Signed by Mira Castellan");
    await expectError(await u.sr.get(`/api/v1/cases/${closed.id}/events`), 404, "NOT_FOUND");

    // The audit trail: USG staff see it verified; the partner may not read it; another country gets 404.
    const audit = await u.dsca.get(`/api/v1/cases/${closed.id}/audit`);
    expect(audit.status()).toBe(200);
    const trail = await json<CaseAudit>(audit);
    expect(trail.verification.verified).toBe(true);
    expect(trail.verification.eventCount).toBe(trail.events.length);
    expect(trail.events.filter((e) => e.outcome === "SUCCESS").map((e) => e.action)).toEqual(audited);
    expect(trail.events.map((e) => e.chainSeq)).toEqual(trail.events.map((_, i) => trail.events[0]!.chainSeq + i));
    for (let i = 1; i < trail.events.length; i++) expect(trail.events[i]!.prevHash, `link ${i}`).toBe(trail.events[i - 1]!.hash);
    expect((await json<CaseAudit>(await u.navy.get(`/api/v1/cases/${closed.id}/audit`))).verification.verified).toBe(true);
    await expectError(await u.bn.get(`/api/v1/cases/${closed.id}/audit`), 403, "FORBIDDEN");
    await expectError(await u.sr.get(`/api/v1/cases/${closed.id}/audit`), 404, "NOT_FOUND");
  });

  test("a stale expectedVersion gets 409 with the current version; a missing one 422", async () => {
    const { case: opened } = await openCaseViaApi(u.bn, u.dsca);
    const navyOrg = await organizationByCode(u.dsca, "IMPLEMENTING_AGENCY", "P");
    const developing = await caseAction(u.dsca, opened, "assign-agency", { agencyId: navyOrg.id });
    await fillLoaViaApi(u.navy, developing.id);
    // The Navy read the case before DSCA assigned it.
    const stale = await expectError(await postCaseAction(u.navy, opened, "approve-loa"), 409, "VERSION_CONFLICT");
    expect(stale.currentVersion).toBe(developing.version);
    const ahead = await expectError(await postCaseAction(u.navy, { id: opened.id, version: developing.version + 5 }, "approve-loa"), 409, "VERSION_CONFLICT");
    expect(ahead.currentVersion).toBe(developing.version);
    const missing = await expectError(await u.navy.post(`/api/v1/cases/${opened.id}/actions/approve-loa`, { data: {} }), 422, "VALIDATION_FAILED");
    expect(missing.fields).toHaveProperty("expectedVersion");
    expect(await getCase(u.navy, opened.id)).toMatchObject({ status: "IN_DEVELOPMENT", version: developing.version });
    // Unknown actions and malformed ids are not found.
    await expectError(await postCaseAction(u.navy, developing, "teleport"), 404, "NOT_FOUND");
    await expectError(await postCaseAction(u.navy, { id: "not-a-uuid", version: 1 }, "approve-loa"), 404, "NOT_FOUND");
    await expectError(await postCaseAction(u.navy, { id: randomUUID(), version: 1 }, "approve-loa"), 404, "NOT_FOUND");
    // The current version goes through.
    expect((await caseAction(u.navy, developing, "approve-loa")).status).toBe("IN_REVIEW");
  });

  test("an Idempotency-Key retry returns the same body with Idempotent-Replayed: true, and acts once", async () => {
    const { case: opened } = await openCaseViaApi(u.bn, u.dsca);
    const navyOrg = await organizationByCode(u.dsca, "IMPLEMENTING_AGENCY", "P");
    const developing = await caseAction(u.dsca, opened, "assign-agency", { agencyId: navyOrg.id });
    await fillLoaViaApi(u.navy, developing.id);
    const key = randomUUID();

    const first = await postCaseAction(u.navy, developing, "approve-loa", {}, { "Idempotency-Key": key });
    expect(first.status(), await first.text()).toBe(200);
    expect(first.headers()["idempotent-replayed"]).toBeUndefined();
    const firstBody = await json<CaseView>(first);
    expect(firstBody).toMatchObject({ status: "IN_REVIEW", version: developing.version + 1 });

    // The same request again (say, after a timeout): the stored answer, not a second approval or a 409.
    const retry = await postCaseAction(u.navy, developing, "approve-loa", {}, { "Idempotency-Key": key });
    expect(retry.status(), await retry.text()).toBe(200);
    expect(retry.headers()["idempotent-replayed"]).toBe("true");
    expect(await json<CaseView>(retry)).toEqual(firstBody);
    const now = await getCase(u.navy, developing.id);
    expect(now.version).toBe(firstBody.version);
    expect(now.reviewRound).toBe(1);
    expect((await caseEvents(u.dsca, developing.id)).filter((e) => e.action === "case.approve-loa")).toHaveLength(1);

    // The same key with a different body is a mistake, not a retry.
    const different = await expectError(await postCaseAction(u.navy, developing, "approve-loa", { comment: "Different" }, { "Idempotency-Key": key }), 422, "VALIDATION_FAILED");
    expect(different.fields).toHaveProperty("Idempotency-Key");
    // Without the key, the repeat is an ordinary stale request.
    await expectError(await postCaseAction(u.navy, developing, "approve-loa"), 409, "VERSION_CONFLICT");
    // A key is the caller's own: another user's same key acts (or is refused) on its own merits.
    await expectError(await postCaseAction(u.army, now, "approve-loa", {}, { "Idempotency-Key": key }), 403, "FORBIDDEN");
    // Keys are 1–200 visible ASCII characters.
    await expectError(await postCaseAction(u.state, now, "concur", {}, { "Idempotency-Key": "x".repeat(201) }), 400, "BAD_REQUEST");
    expect((await getCase(u.navy, developing.id)).version).toBe(firstBody.version);
  });

  test("the demo cases are where the seed left them", async () => {
    const byIdentifier = async (identifier: string) => {
      const found = (await json<Page<CaseView>>(await u.dsca.get(`/api/v1/cases?q=${identifier}`))).items.find((c) => c.identifier === identifier);
      expect(found, identifier).toBeTruthy();
      return found!;
    };
    const inReview = await byIdentifier("SR-P-AAA");
    expect(inReview.status).toBe("IN_REVIEW");
    expect(inReview.notification?.status).toBe("STATE_CLEARANCE");
    const reviews = Object.fromEntries(inReview.reviews.map((r) => [r.office, r]));
    expect(reviews.DSCA).toMatchObject({ status: "DECIDED", decision: "CONCUR_WITH_COMMENT", commentVisibility: "USG_INTERNAL" });
    expect(reviews.DTSA).toMatchObject({ status: "OPEN", aging: { state: "OVERDUE" } });
    expect(reviews.STATE_PM).toMatchObject({ status: "OPEN", aging: { state: "OVERDUE" } });
    expect((await byIdentifier("BN-P-AAB")).status).toBe("OFFERED");
    expect((await byIdentifier("BN-B-AAA")).status).toBe("EXECUTING");
    const returned = await byIdentifier("SR-B-AAA");
    expect(returned.status).toBe("IN_DEVELOPMENT");
    expect(returned.reviews.find((r) => r.office === "STATE_PM")?.decision).toBe("RETURN");
    expect((await byIdentifier("BN-P-AAA")).status).toBe("OPENED");
    // The partner's copy of the offered case has no internal comment.
    const offered = await byIdentifier("BN-P-AAB");
    const partnerText = JSON.stringify(await caseEvents(u.bn, offered.id));
    expect(partnerText).toContain("End-use monitoring applies to the night-vision devices.");
    expect(partnerText).not.toContain("CPD confirmed the payment schedule");
  });

  test("the demo case BN-P-AAA, waiting 32 days for DSCA to assign the agency, is overdue like any case opened that long ago", async () => {
    // Regression: the demo seed opened BN-P-AAA without the assignment due date that openCase() sets, so it showed
    // "No target" and ?overdue=true left it out.
    const found = (await json<Page<CaseView>>(await u.dsca.get("/api/v1/cases?q=BN-P-AAA"))).items.find((c) => c.identifier === "BN-P-AAA")!;
    expect(found.status).toBe("OPENED");
    expect(found.statusAging?.state).toBe("OVERDUE");
  });

  test("list filters: status, agency, country, overdue, search and paging; partners only ever see their own country", async () => {
    const { case: mine } = await openCaseViaApi(u.bn, u.dsca);
    type List = Page<CaseView>;
    const list = async (api: APIRequestContext, query: string): Promise<List> => {
      const response = await api.get(`/api/v1/cases?${query}`);
      expect(response.status(), `${query}: ${await response.text()}`).toBe(200);
      return json<List>(response);
    };
    const ids = (l: List) => l.items.map((c) => c.identifier);

    const opened = await list(u.dsca, "status=OPENED&pageSize=100");
    expect(ids(opened)).toContain(mine.identifier);
    expect(ids(opened)).toContain("BN-P-AAA");
    expect(new Set(opened.items.map((c) => c.status))).toEqual(new Set(["OPENED"]));
    const reviewing = await list(u.dsca, "status=IN_REVIEW&pageSize=100");
    expect(ids(reviewing)).toContain("SR-P-AAA");
    expect(ids(reviewing)).not.toContain(mine.identifier);

    const army = await list(u.dsca, "agency=B&pageSize=100");
    expect(ids(army)).toEqual(expect.arrayContaining(["BN-B-AAA", "SR-B-AAA"]));
    expect(new Set(army.items.map((c) => c.implementingAgency.code))).toEqual(new Set(["B"]));
    const saudi = await list(u.dsca, "country=SR&pageSize=100");
    expect(ids(saudi)).toEqual(expect.arrayContaining(["SR-P-AAA", "SR-B-AAA"]));
    expect(new Set(saudi.items.map((c) => c.country.code))).toEqual(new Set(["SR"]));
    const both = await list(u.dsca, "country=SR&agency=B&status=IN_DEVELOPMENT");
    expect(ids(both)).toContain("SR-B-AAA");
    for (const c of both.items) expect([c.country.code, c.implementingAgency.code, c.status]).toEqual(["SR", "B", "IN_DEVELOPMENT"]);

    // Overdue: a review past its due date (SR-P-AAA's State and DTSA reviews).
    const overdue = await list(u.dsca, "overdue=true&pageSize=100");
    expect(ids(overdue)).toContain("SR-P-AAA");
    expect(ids(overdue)).not.toContain(mine.identifier);
    expect(ids(overdue)).not.toContain("BN-P-AAB"); // offers expire rather than go overdue
    const notOverdue = await list(u.dsca, "overdue=false&pageSize=100");
    expect(ids(notOverdue)).toContain(mine.identifier);
    expect(ids(notOverdue)).not.toContain("SR-P-AAA");

    const paged = await list(u.dsca, "pageSize=2&page=2");
    expect(paged).toMatchObject({ page: 2, pageSize: 2 });
    expect(paged.items.length).toBeLessThanOrEqual(2);
    expect(paged.total).toBeGreaterThanOrEqual(6);
    const first = await list(u.dsca, "pageSize=2&page=1");
    expect(ids(first).some((id) => ids(paged).includes(id))).toBe(false);

    // A partner's list is their own country's, whatever the filter asks for.
    const bnAll = await list(u.bn, "pageSize=100");
    expect(new Set(bnAll.items.map((c) => c.country.code))).toEqual(new Set(["BN"]));
    expect(ids(bnAll)).toContain(mine.identifier);
    expect((await list(u.bn, "country=SR")).total).toBe(0);
    expect((await list(u.sr, `q=${mine.identifier}`)).total).toBe(0);
    expect(ids(await list(u.sr, "pageSize=100"))).not.toContain(mine.identifier);

    const bad = await expectError(await u.dsca.get("/api/v1/cases?status=PENDING&agency=navy&overdue=maybe"), 422, "VALIDATION_FAILED");
    expect(Object.keys(bad.fields ?? {})).toEqual(expect.arrayContaining(["status", "agency", "overdue"]));
  });

  test("My tasks: each office's open work, most urgent first; partners have no inbox", async () => {
    const { case: opened } = await openCaseViaApi(u.bn, u.dsca);
    const reviewing = await toReviewViaApi(u.dsca, u.navy, opened);

    const state = await myTasks(u.state);
    const review = state.find((t) => t.identifier === reviewing.identifier);
    expect(review).toMatchObject({ kind: "REVIEW", office: "STATE_PM", status: "IN_REVIEW", aging: { state: "ON_TRACK" } });
    expect(review!.actions).toEqual(expect.arrayContaining(["concur", "concur-with-comment", "return-for-rework", "disapprove"]));
    expect(state.find((t) => t.identifier === "SR-P-AAA")).toMatchObject({ kind: "REVIEW", aging: { state: "OVERDUE" } });
    // Most urgent first: every overdue task comes before any that is not.
    const order = state.map((t) => t.aging?.state ?? "NONE");
    expect(order.lastIndexOf("OVERDUE")).toBeLessThan(order.findIndex((s) => s !== "OVERDUE"));
    const overdueOnly = await myTasks(u.state, "?overdue=true");
    expect(overdueOnly.length).toBeGreaterThan(0);
    expect(overdueOnly.every((t) => t.aging?.state === "OVERDUE")).toBe(true);
    expect(overdueOnly.map((t) => t.identifier)).not.toContain(reviewing.identifier);

    // Deciding removes it from that office's inbox only.
    await caseAction(u.state, reviewing, "concur");
    expect((await myTasks(u.state)).map((t) => t.identifier)).not.toContain(reviewing.identifier);
    expect((await myTasks(u.dtsa)).find((t) => t.identifier === reviewing.identifier)).toMatchObject({ kind: "REVIEW", office: "DTSA" });

    // Agency case managers see their own agency's cases only.
    const army = await myTasks(u.army);
    expect(army.map((t) => t.identifier)).toContain("SR-B-AAA");
    expect(army.every((t) => /^[A-Z]{2}-B-/.test(t.identifier))).toBe(true);
    expect((await myTasks(u.navy)).every((t) => /^[A-Z]{2}-P-/.test(t.identifier))).toBe(true);

    await expectError(await u.bn.get("/api/v1/tasks"), 403, "FORBIDDEN");
    await expectError(await u.state.get("/api/v1/tasks?overdue=perhaps"), 422, "VALIDATION_FAILED");
  });

  test("the OpenAPI document lists the case endpoints, the actions and the Idempotency-Key header", async () => {
    const api = await bareApi();
    try {
      const response = await api.get("/api/v1/openapi.json");
      expect(response.status()).toBe(200);
      type Operation = { parameters?: { name: string; in: string }[]; requestBody?: unknown; responses: Record<string, unknown> };
      const doc = await json<{ paths: Record<string, Record<string, Operation>> }>(response);
      for (const path of ["/cases", "/cases/{id}", "/cases/{id}/actions/accept", "/cases/{id}/audit", "/cases/{id}/events", "/tasks"]) {
        expect(Object.keys(doc.paths), path).toContain(path);
      }
      for (const action of ["assign-agency", "approve-loa", "concur", "concur-with-comment", "return-for-rework", "disapprove", "sign", "countersign", "offer", "accept", "request-changes", "record-deposit", "start-execution", "declare-supply-complete", "submit-closure", "close", "reopen"]) {
        expect(doc.paths[`/cases/{id}/actions/${action}`]?.post, action).toBeTruthy();
      }
      // The clock's own events are not something a caller can fire.
      expect(doc.paths["/cases/{id}/actions/expire-offer"]).toBeUndefined();
      const accept = doc.paths["/cases/{id}/actions/accept"]!.post!;
      expect(accept.requestBody).toBeTruthy();
      expect(accept.parameters?.map((p) => `${p.in}:${p.name}`)).toEqual(expect.arrayContaining(["path:id", "header:Idempotency-Key"]));
      expect(Object.keys(accept.responses)).toEqual(expect.arrayContaining(["200", "403", "404", "409", "422"]));
      expect(Object.keys(doc.paths["/cases/{id}/audit"]!.get!.responses)).toEqual(expect.arrayContaining(["200", "403"]));
      expect(doc.paths["/tasks"]!.get).toBeTruthy();
    } finally {
      await closeAll(api);
    }
  });
});
