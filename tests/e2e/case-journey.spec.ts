import { expect, test, type APIRequestContext, type BrowserContext, type Page } from "./fixtures";
import { expectNoSeriousAxeViolations } from "./axe";
import { ADMIN, BASE_URL, closeAll, createUserViaApi, json, organizationByCode, saveScreen, signedInContext, unique, uniqueEmail, type ApiError } from "./helpers";
import { fillLoaViaApi } from "./loa-helpers";
import { completeLorContent, createLorViaApi, lorAction } from "./lor-helpers";
import {
  ARMY,
  caseAction,
  caseEvents,
  confirmBinding,
  DSCA,
  DTSA,
  decideReview,
  expectCaseStatus,
  expectReview,
  getCase,
  NAVY,
  openAction,
  openCaseViaApi,
  PARTNER_BN,
  PARTNER_SR,
  plainAction,
  REVIEWERS,
  STATE,
  toReviewViaApi,
  today,
  type CaseView,
  type ReviewOffice,
} from "./case-helpers";

// The case workflow in the browser, across roles: a complete letter opens a case; DSCA assigns the Navy; the Navy
// approves the LOA; State, DTSA and DSCA review in parallel (in two different orders on two cases); the Navy signs,
// DSCA countersigns and the Navy offers; the Bandarian officer accepts. Internal comments never reach the partner.
// Also: a return for rework, and people who may not act see no buttons or no case at all.

type Session = { context: BrowserContext; page: Page; api: APIRequestContext };

const DAY_MS = 86_400_000;

/** Opens the actor's My tasks inbox from the navigation and returns the row for the case. */
async function taskRow(page: Page, identifier: string) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My tasks" }).click();
  await expect(page).toHaveURL(`${BASE_URL}/tasks`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("My tasks");
  return page.locator(`[data-testid="task-row"][data-case="${identifier}"]`);
}

/** From the inbox row to the case page. */
async function openFromTasks(page: Page, identifier: string, expectedWork: string | RegExp) {
  const row = await taskRow(page, identifier);
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(expectedWork);
  await row.getByRole("link", { name: identifier }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Case ${identifier}`);
}

async function expectNotInTasks(page: Page, identifier: string) {
  const row = await taskRow(page, identifier);
  await expect(page.getByTestId("task-summary")).toBeVisible();
  await expect(row).toHaveCount(0);
}

/** The page offers this person nothing to do on the case: no action forms at all. */
async function expectNoActions(page: Page) {
  await expect(page.getByTestId("no-actions")).toBeVisible();
  await expect(page.getByTestId("case-actions")).toHaveCount(0);
  await expect(page.locator("main form")).toHaveCount(0);
}

async function expectRound(page: Page, round: number, concurred: number) {
  await expect(page.getByTestId("reviews")).toContainText(`Round ${round}: ${concurred} of 3 offices have concurred.`);
}

test.describe.serial("case workflow in the browser, from a complete letter to an accepted offer", () => {
  const subject = unique("E2E case journey sonar");
  // A USG-internal review comment the partner must never see, and one the reviewer marks for the partner.
  const secret = unique("INTERNAL-ONLY-do-not-show-partner");
  const partnerNote = unique("Approved; end-use monitoring applies to the sonar processors");
  const sessions: Record<string, Session> = {};
  const as = (email: string) => sessions[email]!;
  let lorId = "";
  let caseId = "";
  let identifier = "";

  test.beforeAll(async ({ browser }) => {
    for (const email of [PARTNER_BN, DSCA, STATE, DTSA, NAVY]) sessions[email] = await signedInContext(browser, email);
  });

  test.afterAll(async () => {
    await closeAll(...Object.values(sessions).map((s) => s.context));
  });

  test("the Navy validates a submitted letter and marks it complete: a case opens, waiting on DSCA", async () => {
    const draft = await createLorViaApi(as(PARTNER_BN).api, completeLorContent({ subject, preferredAgencyCode: "P" }));
    lorId = (await lorAction(as(PARTNER_BN).api, draft, "submit")).id;

    const { page } = as(NAVY);
    await page.goto(`/lors/${lorId}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(subject);
    await page.getByRole("button", { name: "Acknowledge receipt and start validation" }).click();
    await expect(page.getByTestId("notice")).toHaveText("Receipt acknowledged. Validation has started.");
    const complete = page.getByTestId("action-mark-complete");
    await complete.locator("summary").click();
    await expect(complete.locator("summary")).toHaveText("Mark complete and open a case");
    // The agency completes it for itself: no agency to choose.
    await expect(complete.getByLabel("Implementing agency that will write the LOA")).toHaveCount(0);
    await complete.getByRole("button", { name: "Mark complete and open the case" }).click();
    await expect(page.getByTestId("notice")).toHaveText("Marked complete.");
    const link = page.getByTestId("case-link");
    await expect(link).toHaveText(/^BN-P-[A-Z0-9]{3}$/);
    identifier = (await link.textContent())!.trim();
    await link.click();
    await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
    caseId = /\/cases\/([0-9a-f-]{36})$/.exec(page.url())![1]!;

    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Case ${identifier}`);
    await expectCaseStatus(page, "OPENED");
    await expect(page.getByTestId("waiting-on")).toHaveText("DSCA to assign the implementing agency");
    // Before the agency approves the LOA nothing has decided whether Congress must be notified.
    await expect(page.getByTestId("notification-status")).toContainText("Not yet determined");
    await expect(page.getByTestId("reviews")).toContainText("Reviews start when the implementing agency approves the LOA.");
    await expect(page.getByTestId("timeline-event")).toHaveCount(1);
    await expect(page.getByTestId("timeline-event").first()).toHaveAttribute("data-action", "case.open");
    await expect(page.getByTestId("audit-chain")).toContainText("Audit chain verified");
    await expect(page.getByTestId("workflow-diagram")).toBeVisible();
    await expect(page.getByRole("link", { name: subject })).toBeVisible();
    // Assigning the agency is DSCA's job, not the agency's.
    await expectNoActions(page);
  });

  test("DSCA finds the case in My tasks and assigns the Navy; DTSA sees no action buttons while the LOA is in development", async () => {
    const { page } = as(DSCA);
    await openFromTasks(page, identifier, "Assign implementing agency");
    await expectCaseStatus(page, "OPENED");
    const panel = await openAction(page, "assign-agency", "Assign implementing agency");
    await panel.getByLabel("Implementing agency").selectOption({ label: "Department of the Navy (P)" });
    await panel.getByRole("button", { name: "Assign implementing agency" }).click();
    await expect(page).toHaveURL(`${BASE_URL}/cases/${caseId}?notice=assign-agency`);
    await expect(page.getByTestId("notice")).toHaveText("Implementing agency assigned");
    await expectCaseStatus(page, "IN_DEVELOPMENT");
    await expect(page.getByTestId("waiting-on")).toHaveText("The implementing agency to develop and approve the LOA");
    await expect(page.getByTestId("timeline-event").last()).toHaveAttribute("data-action", "case.assign-agency");
    // Reassigning stays possible, but it is no longer work waiting in DSCA's inbox.
    await expect(page.getByTestId("action-assign-agency")).toBeVisible();
    await expectNotInTasks(page, identifier);

    const dtsa = as(DTSA).page;
    await dtsa.goto(`/cases/${caseId}`);
    await expectCaseStatus(dtsa, "IN_DEVELOPMENT");
    await expectNoActions(dtsa);
    await expect(dtsa.locator("main").getByRole("button")).toHaveCount(0);
    await expectNotInTasks(dtsa, identifier);
  });

  test("the Navy approves the LOA (MILAP): three reviews open in parallel and the offer expiration date is set", async () => {
    const { page } = as(NAVY);
    // approve-loa refuses an incomplete LOA: the Navy saves a complete one first (the builder has its own spec).
    await fillLoaViaApi(as(NAVY).api, caseId);
    await openFromTasks(page, identifier, "Approve LOA for the agency (MILAP)");
    await plainAction(page, "approve-loa", "Approve LOA for the agency (MILAP)", "Agency approved the LOA (MILAP)");
    await expectCaseStatus(page, "IN_REVIEW");
    await expect(page.getByTestId("waiting-on")).toHaveText("DSCA, State and DTSA reviews");
    // The approval decided it from the LOA's values.
    await expect(page.getByTestId("notification-status")).toHaveText("Not required");
    await expectRound(page, 1, 0);
    for (const office of ["DSCA", "STATE_PM", "DTSA"] as ReviewOffice[]) await expectReview(page, office, "pending");
    await expectNoActions(page);

    const found = await getCase(as(NAVY).api, caseId);
    expect(found.status).toBe("IN_REVIEW");
    // Bandaria has no OED of its own: the standard 85 days after MILAP.
    expect(Date.parse(found.milestones.offerExpiresAt!) - Date.parse(found.milestones.agencyApprovedAt!)).toBe(85 * DAY_MS);
    await expect(page.getByTestId("offer-expires")).toHaveAttribute("datetime", found.milestones.offerExpiresAt!);
  });

  test("case A: State, then DTSA, then DSCA decide; the panel follows each decision and only the third makes it ready to sign", async () => {
    test.setTimeout(120_000);
    // State concurs with a comment for the partner.
    const state = as(STATE).page;
    await openFromTasks(state, identifier, "State PM approval (round 1)");
    await expectCaseStatus(state, "IN_REVIEW");
    await decideReview(state, { event: "concur-with-comment", comment: partnerNote, visibility: "Also the partner" });
    await expectCaseStatus(state, "IN_REVIEW");
    await expectRound(state, 1, 1);
    await expectReview(state, "STATE_PM", { decision: "Concurred with comment", by: REVIEWERS.STATE_PM.name });
    await expect(state.getByTestId("review-STATE_PM")).toContainText(partnerNote);
    await expect(state.getByTestId("review-STATE_PM")).toContainText("Visible to the partner");
    await expectReview(state, "DTSA", "pending");
    await expectReview(state, "DSCA", "pending");
    await expectNoActions(state);
    await expectNotInTasks(state, identifier);

    // DTSA concurs with a comment for U.S. Government eyes only.
    const dtsa = as(DTSA).page;
    await openFromTasks(dtsa, identifier, "DTSA technology-security review (round 1)");
    await decideReview(dtsa, { event: "concur-with-comment", comment: secret, visibility: "U.S. Government only" });
    await expectCaseStatus(dtsa, "IN_REVIEW");
    await expectRound(dtsa, 1, 2);
    await expectReview(dtsa, "STATE_PM", { decision: "Concurred with comment", by: REVIEWERS.STATE_PM.name });
    await expectReview(dtsa, "DTSA", { decision: "Concurred with comment", by: REVIEWERS.DTSA.name });
    await expect(dtsa.getByTestId("review-DTSA")).toContainText(secret);
    await expect(dtsa.getByTestId("review-DTSA")).toContainText("U.S. Government only");
    await expectReview(dtsa, "DSCA", "pending");
    // Only DSCA's review is still open: that is what the case waits on.
    await expect(dtsa.getByTestId("waiting-on")).toHaveText("DSCA review");

    // DSCA concurs last: now, and only now, the case is ready to sign.
    const dsca = as(DSCA).page;
    await openFromTasks(dsca, identifier, "DSCA case review (round 1)");
    await expectCaseStatus(dsca, "IN_REVIEW");
    await decideReview(dsca, { event: "concur" });
    await expectCaseStatus(dsca, "READY_TO_SIGN");
    await expect(dsca.getByTestId("waiting-on")).toHaveText("The implementing agency to sign");
    await expectRound(dsca, 1, 3);
    await expectReview(dsca, "DSCA", { decision: "Concurred", by: REVIEWERS.DSCA.name });
    await expectReview(dsca, "STATE_PM", { decision: "Concurred with comment", by: REVIEWERS.STATE_PM.name });
    await expectReview(dsca, "DTSA", { decision: "Concurred with comment", by: REVIEWERS.DTSA.name });

    // USG staff see both comments on the timeline, each marked with who may read it.
    const comments = dsca.getByTestId("timeline-comment");
    await expect(comments.filter({ hasText: secret })).toContainText("U.S. Government only");
    await expect(comments.filter({ hasText: partnerNote })).toContainText("Visible to the partner");
    await saveScreen(dsca, "case-journey-ready-to-sign");
  });

  test("the Navy signs, DSCA countersigns and the Navy sends the offer", async () => {
    const navy = as(NAVY).page;
    await openFromTasks(navy, identifier, "Sign for the agency (MILSGN)");
    await plainAction(navy, "sign", "Sign for the agency (MILSGN)", "Agency signed the LOA (MILSGN)");
    await expectCaseStatus(navy, "AGENCY_SIGNED");
    await expectNoActions(navy);

    const dsca = as(DSCA).page;
    await openFromTasks(dsca, identifier, "Countersign for DSCA");
    await plainAction(dsca, "countersign", "Countersign for DSCA", "DSCA countersigned the LOA");
    await expectCaseStatus(dsca, "COUNTERSIGNED");

    await openFromTasks(navy, identifier, "Send offer to the partner");
    await plainAction(navy, "offer", "Send offer to the partner", "LOA offered to the partner");
    await expectCaseStatus(navy, "OFFERED");
    await expect(navy.getByTestId("waiting-on")).toHaveText("The partner to accept by the offer expiration date");
  });

  test("the partner sees the offer with its countdown, accepts it, and never sees the internal comment", async () => {
    const { page, api } = as(PARTNER_BN);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My cases" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("My cases");
    const row = page.getByTestId("case-row").filter({ hasText: identifier });
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId("case-status")).toHaveAttribute("data-status", "OFFERED");
    await row.getByRole("link", { name: identifier }).click();
    await expect(page).toHaveURL(`${BASE_URL}/cases/${caseId}`);
    await expectCaseStatus(page, "OFFERED");

    const found = await getCase(api, caseId);
    const offer = page.getByTestId("offer-panel");
    await expect(offer).toBeVisible();
    await expect(offer.getByTestId("offer-expires")).toHaveAttribute("datetime", found.milestones.offerExpiresAt!);
    // 85 days from MILAP, a minute or two ago.
    await expect(offer.getByTestId("oed-countdown")).toHaveText(/^84 days (2[0-3]) hours left$/);
    // Review and notification internals, the audit trail and the diagram are for USG staff.
    for (const id of ["reviews", "notification", "audit-chain", "workflow-diagram"]) await expect(page.getByTestId(id), id).toHaveCount(0);
    await expect(page.getByTestId("action-accept")).toBeVisible();
    await expect(page.getByTestId("action-request-changes")).toBeVisible();

    // The partner-visible comment is there; the internal one is nowhere on the page or in the API answers.
    await expect(page.getByTestId("timeline-comment").filter({ hasText: partnerNote })).toHaveCount(1);
    expect(await page.content()).not.toContain(secret);
    const events = await caseEvents(api, caseId);
    expect(JSON.stringify(events)).toContain(partnerNote);
    expect(JSON.stringify(events)).not.toContain(secret);
    expect(events.find((e) => e.comment === partnerNote)?.commentVisibility).toBe("PARTNER_VISIBLE");
    // Milestones only: the review decisions themselves are internal, and USG staff appear by office, not by name.
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(["case.open", "case.assign-agency", "case.approve-loa", "case.sign", "case.countersign", "case.offer"]));
    for (const name of Object.values(REVIEWERS).map((r) => r.name)) expect(JSON.stringify(events)).not.toContain(name);
    expect(JSON.stringify(found)).not.toContain(secret);
    expect(found.reviews).toEqual([]);
    expect(found.notification).toBeNull();
    await saveScreen(page, "case-journey-partner-offer");

    // A signature without a signer is refused beside the field, and nothing changes.
    // The review-then-sign section: first what the partner accepts (the offered file, its version, total, deadline,
    // deposit and the PDF's SHA-256), then the signature and an explicit statement on behalf of the country.
    const review = page.getByTestId("accept-review");
    await expect(review.getByTestId("review-document")).toHaveText(`${identifier} Basic LOA`);
    await expect(review.getByTestId("review-sha256")).toHaveText(/^[0-9a-f]{64}$/);
    await expect(review.getByTestId("review-pdf")).toHaveAttribute("href", /\/documents\/\d+\/pdf$/);
    await expect(review.getByTestId("review-oed")).toBeVisible();
    const accept = await openAction(page, "accept", "Accept the offer");
    await expect(accept.getByLabel("Date signed")).toHaveValue(today());
    await accept.getByLabel("Initial deposit (US dollars)").fill("250000.00");
    // Without the statement ticked nothing goes on: the box says why.
    await accept.getByRole("button", { name: "Accept the offer" }).click();
    await expect(accept.getByTestId("error-accept-consent")).toBeVisible();
    await expect(accept.getByLabel(/^I accept this LOA on behalf of /)).toBeFocused();
    await expect(accept.getByTestId("confirm-accept")).toHaveCount(0);
    await accept.getByLabel(/^I accept this LOA on behalf of /).check();
    await accept.getByRole("button", { name: "Accept the offer" }).click();
    // Accepting binds the partner's government: first a confirmation names the offered file, its version, total and
    // SHA-256 (the one the document page shows); Escape goes back without sending anything.
    const confirmation = accept.getByTestId("confirm-accept");
    await expect(confirmation).toBeFocused();
    await expect(confirmation.getByRole("heading", { name: "Check before you accept the offer" })).toBeVisible();
    await expect(confirmation.getByTestId("confirm-document")).toHaveText(`${identifier} Basic LOA`);
    await expect(confirmation.getByTestId("confirm-sha256")).toHaveText(/^[0-9a-f]{64}$/);
    const offeredDoc = (await (await api.get(`/api/v1/cases/${caseId}/documents`)).json()) as { items: { status: string; version: number; pdfSha256: string }[] };
    const offeredFile = offeredDoc.items.find((d) => d.status === "OFFERED")!;
    await expect(confirmation.getByTestId("confirm-sha256")).toHaveText(offeredFile.pdfSha256);
    await expect(confirmation.getByTestId("confirm-version")).toHaveText(String(offeredFile.version));
    await expect(confirmation.getByTestId("confirm-commitment")).toContainText("Your government accepts this LOA");
    await expectNoSeriousAxeViolations(page);
    await page.keyboard.press("Escape");
    await expect(confirmation).toHaveCount(0);
    await expect(accept.getByRole("button", { name: "Accept the offer" })).toBeFocused();
    expect((await getCase(api, caseId)).version).toBe(found.version);
    await accept.getByRole("button", { name: "Accept the offer" }).click();
    await confirmBinding(accept, "confirm-accept");
    await expect(accept.getByText("Could not accept the offer")).toBeVisible();
    await expect(accept.getByTestId("error-signerName")).toBeVisible();
    await expect(accept.getByLabel("Name of the person signing")).toHaveAttribute("aria-invalid", "true");
    // What was typed is kept.
    await expect(accept.getByLabel("Initial deposit (US dollars)")).toHaveValue("250000.00");
    await expect(page).toHaveURL(`${BASE_URL}/cases/${caseId}`);
    await expectCaseStatus(page, "OFFERED");
    expect((await getCase(api, caseId)).version).toBe(found.version);

    await accept.getByLabel("Name of the person signing").fill("Mira Castellan");
    await accept.getByLabel("Title", { exact: true }).fill("Director of Naval Procurement");
    await accept.getByRole("button", { name: "Accept the offer" }).click();
    await confirmBinding(accept, "confirm-accept");
    await expect(page).toHaveURL(`${BASE_URL}/cases/${caseId}?notice=accept`);
    await expect(page.getByTestId("notice")).toHaveText("Partner accepted the offer");
    await expectCaseStatus(page, "ACCEPTED");
    await expect(page.getByTestId("offer-panel")).toContainText("Mira Castellan, Director of Naval Procurement");
    await expect(page.getByTestId("offer-panel")).toContainText("$250,000.00");
    await expect(page.getByTestId("oed-countdown")).toHaveCount(0);
    await expectNoActions(page);
    expect(await page.content()).not.toContain(secret);
    const after = await caseEvents(api, caseId);
    expect(after.at(-1)).toMatchObject({ action: "case.accept", toStatus: "ACCEPTED" });
    expect(JSON.stringify(after)).not.toContain(secret);
    await saveScreen(page, "case-journey-partner-accepted");

    // DSCA has the deposit to record next.
    await openFromTasks(as(DSCA).page, identifier, "Record initial deposit received");
    await expectCaseStatus(as(DSCA).page, "ACCEPTED");
    await expect(as(DSCA).page.getByTestId("timeline-event").last()).toContainText("Signed by Mira Castellan, Director of Naval Procurement");
  });

  test("another country's officer gets 404 for the case page and its API", async ({ browser }) => {
    const sr = await signedInContext(browser, PARTNER_SR);
    try {
      const response = await sr.page.goto(`/cases/${caseId}`);
      expect(response?.status()).toBe(404);
      await expect(sr.page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
      await expect(sr.page.getByText(identifier)).toHaveCount(0);
      for (const path of [`/api/v1/cases/${caseId}`, `/api/v1/cases/${caseId}/events`]) {
        const api = await sr.api.get(path);
        expect(api.status(), path).toBe(404);
        expect((await json<ApiError>(api)).error.code).toBe("NOT_FOUND");
      }
      await sr.page.goto("/cases");
      await expect(sr.page.getByTestId("case-row").filter({ hasText: identifier })).toHaveCount(0);
    } finally {
      await closeAll(sr.context);
    }
  });

  test("case B: DSCA, then State, then DTSA decide; it is ready to sign only after the third", async () => {
    test.setTimeout(120_000);
    const opened = await openCaseViaApi(as(PARTNER_BN).api, as(DSCA).api);
    const reviewing: CaseView = await toReviewViaApi(as(DSCA).api, as(NAVY).api, opened.case);
    const id = reviewing.identifier;

    const dsca = as(DSCA).page;
    await openFromTasks(dsca, id, "DSCA case review (round 1)");
    await decideReview(dsca, { event: "concur" });
    await expectCaseStatus(dsca, "IN_REVIEW");
    await expectRound(dsca, 1, 1);
    await expectReview(dsca, "DSCA", { decision: "Concurred", by: REVIEWERS.DSCA.name });
    await expectReview(dsca, "STATE_PM", "pending");
    await expectReview(dsca, "DTSA", "pending");

    const state = as(STATE).page;
    await openFromTasks(state, id, "State PM approval (round 1)");
    await decideReview(state, { event: "concur" });
    await expectCaseStatus(state, "IN_REVIEW");
    await expectRound(state, 1, 2);
    await expectReview(state, "DSCA", { decision: "Concurred", by: REVIEWERS.DSCA.name });
    await expectReview(state, "STATE_PM", { decision: "Concurred", by: REVIEWERS.STATE_PM.name });
    await expectReview(state, "DTSA", "pending");

    const dtsa = as(DTSA).page;
    await openFromTasks(dtsa, id, "DTSA technology-security review (round 1)");
    await expectCaseStatus(dtsa, "IN_REVIEW");
    await decideReview(dtsa, { event: "concur" });
    await expectCaseStatus(dtsa, "READY_TO_SIGN");
    await expectRound(dtsa, 1, 3);
    for (const office of ["DSCA", "STATE_PM", "DTSA"] as ReviewOffice[]) {
      await expectReview(dtsa, office, { decision: "Concurred", by: REVIEWERS[office].name });
    }
    // The Navy now has the signature waiting.
    await openFromTasks(as(NAVY).page, id, "Sign for the agency (MILSGN)");
    await expect(actionButton(as(NAVY).page, "sign", "Sign for the agency (MILSGN)")).toBeVisible();
  });

  test("return for rework: back to LOA in development, and the next approval starts a fresh round of all three reviews", async ({ browser }) => {
    test.setTimeout(120_000);
    const opened = await openCaseViaApi(as(PARTNER_BN).api, as(DSCA).api);
    const reviewing = await toReviewViaApi(as(DSCA).api, as(NAVY).api, opened.case);
    const id = reviewing.identifier;
    const reason = unique("Line 002 lacks the spares package; rework the pricing");

    const state = as(STATE).page;
    await openFromTasks(state, id, "State PM approval (round 1)");
    await expect(state.locator("html")).toHaveAttribute("data-live-case", reviewing.id);
    const panel = await openAction(state, "return-for-rework", "Return for rework");
    await panel.getByLabel("Comment or reason").fill(reason);
    // While State writes, DTSA concurs: State's page says so rather than refreshing under the typed reason…
    await caseAction(as(DTSA).api, reviewing, "concur");
    await expect(state.getByTestId("case-changed")).toContainText("This case changed since you opened it.");
    // …and sending the out-of-date form anyway is refused, with the reason kept.
    await panel.getByRole("button", { name: "Return for rework" }).click();
    await expect(panel.getByRole("alert")).toContainText("Could not return for rework");
    await expect(panel.getByRole("alert")).toContainText("Someone else changed this record");
    // The reason typed is not lost, and nothing was decided.
    await expect(panel.getByLabel("Comment or reason")).toHaveValue(reason);
    expect((await getCase(as(STATE).api, reviewing.id)).reviews.find((r) => r.office === "STATE_PM")?.status).toBe("OPEN");

    await state.reload();
    await expectRound(state, 1, 1);
    // A return needs a reason.
    const fresh = await openAction(state, "return-for-rework", "Return for rework");
    await fresh.getByRole("button", { name: "Return for rework" }).click();
    await expect(fresh.getByRole("alert")).toContainText("Could not return for rework");
    await expect(fresh.getByTestId("error-return-for-rework-comment")).toBeVisible();
    await expectCaseStatus(state, "IN_REVIEW");
    await decideReview(state, { event: "return-for-rework", comment: reason, visibility: "U.S. Government only" });
    await expectCaseStatus(state, "IN_DEVELOPMENT");
    await expect(state.getByTestId("waiting-on")).toHaveText("The implementing agency to develop and approve the LOA");
    await expectReview(state, "STATE_PM", { decision: "Returned for rework", by: REVIEWERS.STATE_PM.name });
    await expect(state.getByTestId("review-STATE_PM")).toContainText(reason);
    await expectReview(state, "DTSA", { decision: "Concurred", by: REVIEWERS.DTSA.name });
    await expectReview(state, "DSCA", "cancelled");
    await expect(state.getByTestId("timeline-event").last()).toContainText("State PM approval: returned to the agency for rework");
    await expectNoActions(state);

    // DSCA's review was cancelled: the case left its inbox.
    await expectNotInTasks(as(DSCA).page, id);
    // Only the Navy's case manager may approve again; the Army's sees nothing to do on a Navy case.
    const army = await signedInContext(browser, ARMY);
    try {
      await army.page.goto(`/cases/${reviewing.id}`);
      await expectCaseStatus(army.page, "IN_DEVELOPMENT");
      await expectNoActions(army.page);
      await expectNotInTasks(army.page, id);
    } finally {
      await closeAll(army.context);
    }
    // The partner sees the case back in development, without the internal reason.
    const partner = as(PARTNER_BN).page;
    await partner.goto(`/cases/${reviewing.id}`);
    await expectCaseStatus(partner, "IN_DEVELOPMENT");
    expect(await partner.content()).not.toContain(reason);

    const navy = as(NAVY).page;
    await openFromTasks(navy, id, "Approve LOA for the agency (MILAP)");
    await plainAction(navy, "approve-loa", "Approve LOA for the agency (MILAP)", "Agency approved the LOA (MILAP)");
    await expectCaseStatus(navy, "IN_REVIEW");
    // Round 2: nothing carries over, DTSA's earlier concurrence included.
    await expectRound(navy, 2, 0);
    for (const office of ["DSCA", "STATE_PM", "DTSA"] as ReviewOffice[]) await expectReview(navy, office, "pending");
    const dtsa = as(DTSA).page;
    await openFromTasks(dtsa, id, "DTSA technology-security review (round 2)");
    await expect(actionButton(dtsa, "concur", "Concur")).toBeVisible();
    const after = await getCase(as(DTSA).api, reviewing.id);
    expect(after.reviewRound).toBe(2);
    expect(after.reviews.map((r) => [r.office, r.round, r.status, r.decision]).sort()).toEqual([
      ["DSCA", 2, "OPEN", null],
      ["DTSA", 2, "OPEN", null],
      ["STATE_PM", 2, "OPEN", null],
    ]);
  });

  test("DSCA records that DTSA's review is not required: the reason stays internal and the case waits only on DSCA and State", async ({ browser }) => {
    test.setTimeout(120_000);
    const opened = await openCaseViaApi(as(PARTNER_BN).api, as(DSCA).api);
    const reviewing = await toReviewViaApi(as(DSCA).api, as(NAVY).api, opened.case);
    const id = reviewing.identifier;
    const reason = unique("Spare parts only, already released to Bandaria: no technology-security review is needed");

    const dsca = as(DSCA).page;
    await dsca.goto(`/cases/${reviewing.id}`);
    const panel = await openAction(dsca, "review-not-required", "Record that a review is not required");
    // Only the open State and DTSA reviews are offered; DSCA's own review is always required.
    const choice = panel.getByRole("group", { name: "Which review is not required?" });
    await expect(choice.getByRole("radio")).toHaveCount(2);
    await choice.getByLabel("DTSA technology-security review").check();
    // The reason is always internal: no visibility choice is offered. Without one the step is refused beside the field.
    await expect(panel.getByRole("group", { name: "Who may read this comment?" })).toHaveCount(0);
    await panel.getByRole("button", { name: "Record that a review is not required", exact: true }).click();
    await expect(panel.getByTestId("error-review-not-required-comment")).toBeVisible();
    await panel.getByLabel("Reason").fill(reason);
    await panel.getByRole("button", { name: "Record that a review is not required", exact: true }).click();
    await expect(dsca).toHaveURL(/\?notice=review-not-required$/);
    await expect(dsca.getByTestId("notice")).toHaveText("Review recorded as not required");

    // The review panel, "waiting on" and the timeline all say it.
    await expect(dsca.getByTestId("review-DTSA")).toHaveAttribute("data-review-status", "NOT_REQUIRED");
    await expect(dsca.getByTestId("review-DTSA")).toContainText("Not required");
    await expect(dsca.getByTestId("review-not-required-reason")).toContainText(reason);
    await expect(dsca.getByTestId("review-summary")).toContainText("Round 1: 0 of 2 required reviews have concurred");
    await expect(dsca.getByTestId("waiting-on")).toHaveText("DSCA and State reviews");
    await expect(dsca.getByTestId("timeline-event").filter({ hasText: "DTSA technology-security review: review recorded as not required" })).toHaveCount(1);
    // Separation of duties: whoever waived DTSA's review cannot also pass DSCA's own.
    await expect(actionButton(dsca, "concur", "Concur")).toHaveCount(0);
    await expectNoSeriousAxeViolations(dsca);
    // DTSA has nothing left to do on this case.
    await expectNotInTasks(as(DTSA).page, id);

    // The partner sees U.S. Government reviews, never the reason.
    const partner = as(PARTNER_BN).page;
    await partner.goto(`/cases/${reviewing.id}`);
    await expect(partner.getByTestId("waiting-on")).toHaveText("U.S. Government reviews");
    expect(await partner.content()).not.toContain(reason);

    // State and a second DSCA analyst concur: the join no longer waits for DTSA.
    const admin = await signedInContext(browser, ADMIN);
    const email = uniqueEmail("second-analyst");
    const password = "Second-analyst-password-1";
    try {
      const dscaOrg = await organizationByCode(admin.api, "DSCA", "DSCA");
      await createUserViaApi(admin.api, { email, name: "Second Analyst", role: "DSCA_ANALYST", organizationId: dscaOrg.id, password });
    } finally {
      await closeAll(admin.context);
    }
    const afterState = await caseAction(as(STATE).api, await getCase(as(STATE).api, reviewing.id), "concur");
    const second = await signedInContext(browser, email, password);
    try {
      await second.page.goto(`/cases/${reviewing.id}`);
      await expect(second.page.getByTestId("waiting-on")).toHaveText("DSCA review");
      expect(afterState.status).toBe("IN_REVIEW");
      await decideReview(second.page, { event: "concur" });
      await expectCaseStatus(second.page, "READY_TO_SIGN");
      await expect(second.page.getByTestId("waiting-on")).toHaveText("The implementing agency to sign");
    } finally {
      await closeAll(second.context);
    }
  });
});

function actionButton(page: Page, event: string, label: string) {
  return page.getByTestId(`action-${event}`).getByRole("button", { name: label, exact: true });
}
