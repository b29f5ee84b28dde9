import { expect, test, type APIRequestContext, type BrowserContext, type Page as BrowserPage } from "./fixtures";
import { closeAll, json, organizations, signedInContext, unique, type ApiError } from "./helpers";
import {
  completeLorContent,
  createLorViaApi,
  DSCA,
  DTSA,
  getLorViaApi,
  lorAction,
  NAVY,
  PARTNER_BN,
  PARTNER_SR,
  postAction,
  STATE,
  submittedLorViaApi,
  tinyPdf,
  uploadViaApi,
  type Attachment,
  type Lor,
  type LorSummary,
  type Page,
} from "./lor-helpers";

// Who sees which letter: partners only their own country's (another country's answers 404, never 403), U.S.
// Government staff only letters that were submitted, and only the right roles and agencies may act on them.

type Session = { context: BrowserContext; page: BrowserPage; api: APIRequestContext };

async function expectNotFoundJson(response: Awaited<ReturnType<APIRequestContext["get"]>>, leak?: string) {
  expect(response.status(), `${response.url()}: ${await response.text()}`).toBe(404);
  const body = await json<ApiError>(response);
  expect(body.error.code).toBe("NOT_FOUND");
  if (leak) expect(JSON.stringify(body)).not.toContain(leak);
}

async function expectNotFoundPage(page: BrowserPage, path: string, leak: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expect(page.getByText(leak)).toHaveCount(0);
}

async function expectForbidden(response: Awaited<ReturnType<APIRequestContext["get"]>>) {
  expect(response.status(), `${response.url()}: ${await response.text()}`).toBe(403);
  expect((await json<ApiError>(response)).error.code).toBe("FORBIDDEN");
}

test.describe("letter-of-request isolation", () => {
  const sessions: Record<string, Session> = {};
  const as = (email: string) => sessions[email]!;

  test.beforeAll(async ({ browser }) => {
    for (const email of [PARTNER_BN, PARTNER_SR, DSCA, STATE, DTSA, NAVY]) sessions[email] = await signedInContext(browser, email);
  });

  test.afterAll(async () => {
    await closeAll(...Object.values(sessions).map((s) => s.context));
  });

  test("another country's letter, events, attachments and case are 404 for a partner, in the API and in pages", async () => {
    const bn = as(PARTNER_BN).api;
    const subject = unique("E2E isolated BN letter");
    const draft = await createLorViaApi(bn, completeLorContent({ subject, preferredAgencyCode: "P" }));
    const uploaded = await uploadViaApi(bn, draft.id, { name: "bn-signed.pdf", mimeType: "application/pdf", buffer: tinyPdf("Bandaria only") });
    expect(uploaded.status()).toBe(201);
    const attachment = await json<Attachment>(uploaded);
    const submitted = await lorAction(bn, await getLorViaApi(bn, draft.id), "submit");
    const acknowledged = await lorAction(as(DSCA).api, submitted, "acknowledge");
    const complete = await lorAction(as(DSCA).api, acknowledged, "mark-complete");
    const theCase = complete.case!;
    expect(theCase.identifier).toMatch(/^BN-P-/);

    const { api: sr, page } = as(PARTNER_SR);
    const lorUrl = `/api/v1/lors/${draft.id}`;
    for (const path of [lorUrl, `${lorUrl}/events`, `${lorUrl}/attachments`, attachment.downloadUrl, `/api/v1/cases/${theCase.id}`]) {
      await expectNotFoundJson(await sr.get(path), subject);
    }
    // Writing is 404 too, never 403, so nothing is learned about the letter.
    await expectNotFoundJson(await sr.patch(lorUrl, { data: { expectedVersion: complete.version, subject: "Hijacked" } }));
    for (const action of ["submit", "withdraw"]) await expectNotFoundJson(await postAction(sr, complete, action));
    await expectNotFoundJson(await sr.delete(attachment.downloadUrl));
    await expectNotFoundJson(await uploadViaApi(sr, draft.id, { name: "sr.pdf", mimeType: "application/pdf", buffer: tinyPdf() }));
    // The same answer as for a letter that does not exist.
    await expectNotFoundJson(await sr.get("/api/v1/lors/00000000-0000-4000-8000-000000000000"));
    // Nor can the attachment be reached through a letter of their own.
    const own = await createLorViaApi(sr, { subject: unique("E2E SR own letter") });
    await expectNotFoundJson(await sr.get(`/api/v1/lors/${own.id}/attachments/${attachment.id}`), subject);
    await expectNotFoundJson(await sr.delete(`/api/v1/lors/${own.id}/attachments/${attachment.id}`));
    expect((await bn.get(attachment.downloadUrl)).status()).toBe(200);

    for (const path of [`/lors/${draft.id}`, `/lors/${draft.id}/edit`, `/cases/${theCase.id}`]) await expectNotFoundPage(page, path, subject);

    // Searching by the case identifier or the subject finds nothing either.
    const lors = await json<Page<LorSummary>>(await sr.get(`/api/v1/lors?q=${encodeURIComponent(subject)}`));
    expect(lors.total).toBe(0);
    const cases = await json<Page<{ id: string }>>(await sr.get(`/api/v1/cases?q=${theCase.identifier}`));
    expect(cases.items.map((c) => c.id)).not.toContain(theCase.id);
    await page.goto(`/cases?q=${theCase.identifier}`);
    await expect(page.getByText(theCase.identifier)).toHaveCount(0);

    // Nothing changed.
    const after = await getLorViaApi(bn, draft.id);
    expect(after).toMatchObject({ version: complete.version, subject, status: "COMPLETE" });
  });

  test("partners' lists hold only their own country's letters", async () => {
    const bnSubject = unique("E2E BN list");
    const srSubject = unique("E2E SR list");
    await createLorViaApi(as(PARTNER_BN).api, { subject: bnSubject });
    await submittedLorViaApi(as(PARTNER_SR).api, { subject: srSubject });

    for (const [email, own, other, otherSeed] of [
      [PARTNER_BN, "BN", srSubject, "Follow-on spares for naval helicopters"],
      [PARTNER_SR, "SR", bnSubject, "Maritime surveillance radar upgrade"],
    ] as const) {
      const { api, page } = as(email);
      const all: LorSummary[] = [];
      for (let n = 1; ; n++) {
        const listed = await json<Page<LorSummary>>(await api.get(`/api/v1/lors?pageSize=100&page=${n}`));
        all.push(...listed.items);
        if (all.length >= listed.total || listed.items.length === 0) break;
      }
      expect(all.length).toBeGreaterThan(0);
      expect(all.every((l) => l.country.code === own), `${email} sees only ${own}`).toBe(true);
      expect(all.map((l) => l.subject)).not.toContain(other);
      expect(all.map((l) => l.subject)).not.toContain(otherSeed);
      // Filtering by the other country's code finds nothing.
      const byCode = await json<Page<LorSummary>>(await api.get(`/api/v1/lors?q=${own === "BN" ? "SR" : "BN"}`));
      expect(byCode.items.filter((l) => l.country.code !== own)).toEqual([]);

      await page.goto("/lors");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("My letters of request");
      await expect(page.getByTestId("lor-table")).not.toContainText(otherSeed);
      await page.goto(`/lors?q=${encodeURIComponent(other)}`);
      await expect(page.getByTestId("lor-row")).toHaveCount(0);
    }
  });

  test("USG staff get 404 for a draft that was never submitted, and see it once submitted", async () => {
    const bn = as(PARTNER_BN).api;
    const subject = unique("E2E unsent draft");
    const draft = await createLorViaApi(bn, completeLorContent({ subject }));
    const uploaded = await json<Attachment>(await uploadViaApi(bn, draft.id, { name: "draft.pdf", mimeType: "application/pdf", buffer: tinyPdf() }));
    const current = await getLorViaApi(bn, draft.id);

    for (const email of [DSCA, STATE, DTSA, NAVY]) {
      const { api, page } = as(email);
      for (const path of [`/api/v1/lors/${draft.id}`, `/api/v1/lors/${draft.id}/events`, `/api/v1/lors/${draft.id}/attachments`, uploaded.downloadUrl]) {
        await expectNotFoundJson(await api.get(path), subject);
      }
      const validates = email === DSCA || email === NAVY;
      await expectNotFoundJson(await postAction(api, current, validates ? "acknowledge" : "disapprove", validates ? {} : { reason: "No" }));
      const listed = await json<Page<LorSummary>>(await api.get(`/api/v1/lors?q=${encodeURIComponent(subject)}`));
      expect(listed.total, email).toBe(0);
      await expectNotFoundPage(page, `/lors/${draft.id}`, subject);
    }

    const submitted = await lorAction(bn, current, "submit");
    for (const email of [DSCA, STATE, DTSA, NAVY]) {
      const { api, page } = as(email);
      expect((await getLorViaApi(api, draft.id)).status).toBe("SUBMITTED");
      expect((await api.get(uploaded.downloadUrl)).status()).toBe(200);
      const listed = await json<Page<LorSummary>>(await api.get(`/api/v1/lors?q=${encodeURIComponent(subject)}`));
      expect(listed.items.map((l) => l.id), email).toEqual([submitted.id]);
      const response = await page.goto(`/lors/${draft.id}`);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(subject);
    }

    // Once seen, always seen: a letter returned to the partner stays visible to the USG while it is revised.
    const insufficient = await lorAction(as(DSCA).api, await lorAction(as(DSCA).api, submitted, "acknowledge"), "mark-insufficient", { reasons: "More detail" });
    await lorAction(bn, insufficient, "withdraw");
    expect((await getLorViaApi(as(STATE).api, draft.id)).status).toBe("WITHDRAWN");
  });

  test("State and DTSA may disapprove but not validate; partners and auditors may do neither", async () => {
    const submitted = await submittedLorViaApi(as(PARTNER_BN).api, { subject: unique("E2E disapproval") });
    for (const email of [STATE, DTSA]) {
      const { api } = as(email);
      for (const action of ["acknowledge", "mark-actionable", "mark-complete"]) await expectForbidden(await postAction(api, submitted, action));
      await expectForbidden(await postAction(api, submitted, "mark-insufficient", { reasons: "Not my call" }));
    }
    await expectForbidden(await postAction(as(PARTNER_BN).api, submitted, "disapprove", { reason: "Changed my mind" }));

    // State's page offers disapproval and nothing else.
    const { page, api } = as(STATE);
    await page.goto(`/lors/${submitted.id}`);
    const panel = page.getByTestId("validation-actions");
    await expect(panel).toBeVisible();
    await expect(panel.getByRole("button", { name: "Acknowledge receipt and start validation" })).toHaveCount(0);
    await expect(page.getByTestId("action-mark-insufficient")).toHaveCount(0);
    await expect(page.getByTestId("action-mark-complete")).toHaveCount(0);
    await expect(page.getByTestId("action-disapprove")).toBeVisible();

    const noReason = await postAction(api, submitted, "disapprove", { reason: "   " });
    expect(noReason.status()).toBe(422);
    expect((await json<ApiError>(noReason)).error.fields).toHaveProperty("reason");

    // Through the page: open the disclosure, give the reason, disapprove.
    await page.getByTestId("action-disapprove").locator("summary").click();
    await page.getByLabel("Reason", { exact: true }).fill("Not releasable under current technology-transfer policy.");
    await page.getByRole("button", { name: "Disapprove", exact: true }).click();
    await expect(page.getByTestId("notice")).toHaveText("The request was disapproved.");
    await expect(page.getByTestId("lor-status").first()).toHaveText("Disapproved");
    const disapproved = await getLorViaApi(as(PARTNER_BN).api, submitted.id);
    expect(disapproved).toMatchObject({ status: "DISAPPROVED", statusReason: "Not releasable under current technology-transfer policy." });
    await expect(page.getByTestId("validation-actions")).toHaveCount(0);
  });

  test("an agency case manager cannot validate a letter routed to another agency", async () => {
    const agencies = await organizations(as(DSCA).api, "?kind=IMPLEMENTING_AGENCY");
    // The reference seed holds DCMA (F); without it this test could not route a letter away from the Navy.
    expect(agencies.map((a) => a.code)).toContain("F");

    const bn = as(PARTNER_BN).api;
    const navy = as(NAVY);
    const toF = await submittedLorViaApi(bn, { subject: unique("E2E routed to F"), preferredAgencyCode: "F" });
    expect(toF.routedAgency?.code).toBe("F");

    // Navy can read it (USG staff see every submitted letter) but not act on it.
    expect((await getLorViaApi(navy.api, toF.id)).routedAgency?.code).toBe("F");
    await expectForbidden(await postAction(navy.api, toF, "acknowledge"));
    await navy.page.goto(`/lors/${toF.id}`);
    await expect(navy.page.getByRole("heading", { level: 1 })).toHaveText(toF.subject!);
    await expect(navy.page.getByTestId("validation-actions")).toHaveCount(0);
    const mine = await json<Page<LorSummary>>(await navy.api.get(`/api/v1/lors?agency=mine&q=${encodeURIComponent(toF.subject!)}`));
    expect(mine.total).toBe(0);

    // DSCA acknowledges; Navy still cannot complete it or open a case for itself.
    const underValidation = await lorAction(as(DSCA).api, toF, "acknowledge");
    for (const action of ["mark-actionable", "mark-complete"]) await expectForbidden(await postAction(navy.api, underValidation, action));
    await expectForbidden(await postAction(navy.api, underValidation, "mark-insufficient", { reasons: "Not ours" }));
    const stillOpen = await getLorViaApi(as(DSCA).api, toF.id);
    expect(stillOpen).toMatchObject({ status: "UNDER_VALIDATION", case: null, routedAgency: { code: "F" } });

    // Routed to the Navy, the same officer may act; and may not open a case for another agency.
    const toP = await submittedLorViaApi(bn, { subject: unique("E2E routed to P"), preferredAgencyCode: "P" });
    const acknowledged = await lorAction(navy.api, toP, "acknowledge");
    expect(acknowledged.status).toBe("UNDER_VALIDATION");
    const wrongAgency = await postAction(navy.api, acknowledged, "mark-complete", { implementingAgencyCode: "F" });
    expect(wrongAgency.status()).toBe(422);
    expect((await json<ApiError>(wrongAgency)).error.fields).toHaveProperty("implementingAgencyCode");
    const complete: Lor = await lorAction(navy.api, acknowledged, "mark-complete");
    expect(complete.case?.identifier).toMatch(/^BN-P-[A-Z0-9]{3}$/);
  });

  test("writing pages: USG staff get 403 for the form, partners are sent back from a letter they can no longer edit", async () => {
    const submitted = await submittedLorViaApi(as(PARTNER_BN).api, { subject: unique("E2E edit pages") });
    const { page } = as(DSCA);
    for (const path of ["/lors/new", `/lors/${submitted.id}/edit`]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("You do not have access to this page");
      await expect(page.getByTestId("lor-form")).toHaveCount(0);
    }
    await page.goto("/lors");
    await expect(page.getByRole("link", { name: "Start a new letter" })).toHaveCount(0);

    const partner = as(PARTNER_BN).page;
    await partner.goto(`/lors/${submitted.id}/edit`);
    await expect(partner).toHaveURL(new RegExp(`/lors/${submitted.id}$`));
    await expect(partner.getByTestId("lor-form")).toHaveCount(0);
    await expect(partner.getByTestId("lor-status").first()).toHaveText("Submitted");
  });

  test("auditors read letters but cannot change them", async ({ browser }) => {
    const auditor = await signedInContext(browser, "auditor@caseway.example");
    try {
      const submitted = await submittedLorViaApi(as(PARTNER_BN).api, { subject: unique("E2E auditor") });
      expect((await getLorViaApi(auditor.api, submitted.id)).status).toBe("SUBMITTED");
      for (const action of ["acknowledge", "disapprove", "withdraw", "submit"]) {
        await expectForbidden(await postAction(auditor.api, submitted, action, action === "disapprove" ? { reason: "x" } : {}));
      }
      await expectForbidden(await auditor.api.post("/api/v1/lors", { data: { subject: "Audit" } }));
    } finally {
      await closeAll(auditor.context);
    }
  });
});
