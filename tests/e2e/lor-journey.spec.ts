import { expect, test, type APIRequestContext, type BrowserContext, type Locator, type Page } from "./fixtures";
import { BASE_URL, closeAll, json, SAME_ORIGIN, saveScreen, signedInContext, signIn, unique, type ApiError } from "./helpers";
import { completeLorContent, DSCA, futureDate, getLorViaApi, NAVY, PARTNER_BN, PARTNER_SR, tinyPdf, tinyPng } from "./lor-helpers";

// The journey the issue asks for, in the browser: a Bandarian officer drafts a letter over two sittings, attaches the
// signed letter and submits; DSCA returns it as insufficient; the officer revises and resubmits; the Navy
// acknowledges, DSCA marks it complete with agency P and a case opens; another country sees none of it.

type Session = { context: BrowserContext; page: Page; api: APIRequestContext };

const byId = (page: Page, id: string) => page.locator(`[id="${id}"]`);
const group = (page: Page, name: string | RegExp) => page.getByRole("group", { name });

async function score(page: Page): Promise<number> {
  const text = (await page.getByTestId("completeness").textContent()) ?? "";
  return Number(text.replace("%", "").trim());
}

async function expectStatus(page: Page, label: string) {
  await expect(page.getByTestId("lor-status").first()).toHaveText(label);
}

async function openDisclosure(page: Page, action: string): Promise<Locator> {
  const panel = page.getByTestId(`action-${action}`);
  await panel.locator("summary").click();
  return panel;
}

test.describe.serial("letter of request journey, from draft to case", () => {
  const subject = unique("E2E journey radars");
  const reference = unique("BN/E2E");
  const reason = "Item 1 needs the radar's full configuration: antenna variant, software baseline and power supply.";
  const pdf = tinyPdf("Signed letter of request: journey");
  let partner: Session;
  let usg: Session;
  let lorId = "";
  let caseId = "";
  let caseIdentifier = "";

  test.beforeAll(async ({ browser }) => {
    partner = await signedInContext(browser, PARTNER_BN);
  });

  test.afterAll(async () => {
    await closeAll(partner?.context, usg?.context);
  });

  test("the partner starts a letter; the completeness score rises while typing; a draft is saved", async () => {
    const { page } = partner;
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My letters of request" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("My letters of request");
    await page.getByRole("link", { name: "Start a new letter" }).click();
    await expect(page).toHaveURL(`${BASE_URL}/lors/new`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("New letter of request");

    // An empty form scores nothing and cannot be submitted.
    await expect(page.getByTestId("completeness")).toHaveText("0%");
    await expect(page.getByRole("button", { name: "Save and submit" })).toBeDisabled();
    await expect(page.getByTestId("criterion-reference")).toHaveAttribute("data-met", "false");

    await page.getByLabel("Subject", { exact: true }).fill(subject);
    // The reference criterion needs both subject and reference: still 0% until the reference is typed.
    await expect(page.getByTestId("completeness")).toHaveText("0%");
    await page.getByLabel("Your reference number").pressSequentially(reference, { delay: 5 });
    await expect(page.getByTestId("criterion-reference")).toHaveAttribute("data-met", "true");
    await expect.poll(() => score(page)).toBeGreaterThan(0);
    const afterReference = await score(page);

    await page.getByLabel("Originating office").fill("Bandarian Navy, Procurement Office");
    await page.getByLabel("Office address").fill("1 Admiralty Quay\nPort Castellan");
    await expect(page.getByTestId("criterion-originator")).toHaveAttribute("data-met", "true");
    await expect.poll(() => score(page)).toBeGreaterThan(afterReference);
    const afterOriginator = await score(page);

    await group(page, "What are you asking for?").getByLabel("Letter of Offer and Acceptance (LOA)").check();
    await expect(page.getByTestId("criterion-requestType")).toHaveAttribute("data-met", "true");
    await expect.poll(() => score(page)).toBeGreaterThan(afterOriginator);
    // Still far from ready: the required items, financing, delivery, parties, contact and signatory are missing.
    await expect(page.getByTestId("criterion-items")).toHaveAttribute("data-met", "false");
    await expect(page.getByTestId("criterion-signatory")).toHaveAttribute("data-met", "false");
    await expect(page.getByRole("button", { name: "Save and submit" })).toBeDisabled();
    await saveScreen(page, "lor-form-half-filled");

    const halfScore = await score(page);
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page).toHaveURL(/\/lors\/[0-9a-f-]{36}\/edit\?notice=saved$/);
    await expect(page.getByTestId("notice")).toContainText("Draft saved");
    lorId = /\/lors\/([0-9a-f-]{36})\/edit/.exec(page.url())![1]!;
    // The saved draft scores the same on the server.
    expect((await getLorViaApi(partner.api, lorId)).checklist.score).toBe(halfScore);
    expect((await getLorViaApi(partner.api, lorId)).status).toBe("DRAFT");
  });

  test("after signing out and in again, the draft is in My letters of request and opens for editing", async () => {
    const { page } = partner;
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signin/);
    await signIn(page, PARTNER_BN);

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My letters of request" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("My letters of request");
    const row = page.getByTestId("lor-row").filter({ hasText: subject });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(reference);
    await expect(row.getByTestId("lor-status")).toHaveText("Draft");
    await saveScreen(page, "lor-partner-list");

    await row.getByRole("link", { name: subject }).click();
    await expect(page).toHaveURL(`${BASE_URL}/lors/${lorId}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(subject);
    await expectStatus(page, "Draft");
    await page.getByRole("link", { name: "Edit draft" }).click();
    await expect(page).toHaveURL(`${BASE_URL}/lors/${lorId}/edit`);
    await expect(page.getByLabel("Subject", { exact: true })).toHaveValue(subject);
    await expect(page.getByLabel("Your reference number")).toHaveValue(reference);
    await expect(page.getByLabel("Office address")).toHaveValue("1 Admiralty Quay\nPort Castellan");
    await expect(group(page, "What are you asking for?").getByLabel("Letter of Offer and Acceptance (LOA)")).toBeChecked();
  });

  test("the partner fills in the rest, attaches the signed letter and submits", async () => {
    const { page } = partner;
    const before = await score(page);
    await group(page, "Type of LOA you want").getByLabel("Defined line (specific items)").check();
    await byId(page, "items.0.nomenclature").fill("SPS-77 maritime search radar");
    await byId(page, "items.0.description").fill("Mast-mounted configuration with below-deck processor and operator console");
    await byId(page, "items.0.quantity").fill("3");
    await byId(page, "items.0.unitOfIssue").selectOption("EA");
    await byId(page, "items.0.estimatedValue").fill("4500000.00");
    await group(page, "How do you propose to pay?").getByLabel("National funds", { exact: true }).check();
    await page.getByLabel("Delivery needed by").fill(futureDate(2));
    await group(page, /Will anyone other than your government/).getByLabel("No", { exact: true }).check();
    await group(page, /specific contractor \(sole source\)/).getByLabel("No", { exact: true }).check();
    await page.getByLabel("Training needs").fill("Operator training for 12 sailors");
    await byId(page, "pointsOfContact.0.name").fill("Cdr. Ilse Marren");
    await byId(page, "pointsOfContact.0.email").fill("i.marren@navy.bn.example");
    await page.getByLabel("Name of the signing official").fill("Mira Castellan");
    await page.getByLabel("Title", { exact: true }).fill("Director of Naval Procurement");
    await page.getByLabel("Authority to request").fill("Delegated by the Minister of Defence to request defense articles");

    for (const key of ["loaType", "items", "configuration", "financing", "delivery", "thirdParty", "soleSource", "pointOfContact", "signatory"]) {
      await expect(page.getByTestId(`criterion-${key}`), key).toHaveAttribute("data-met", "true");
    }
    // The signed letter is recommended, not required: it is still missing.
    await expect(page.getByTestId("criterion-signedLetter")).toHaveAttribute("data-met", "false");
    expect(await score(page)).toBeGreaterThan(before);
    await expect(page.getByRole("button", { name: "Save and submit" })).toBeEnabled();

    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByTestId("notice")).toContainText("Draft saved");
    await page.getByRole("link", { name: "← Back to the letter" }).click();
    await expect(page).toHaveURL(`${BASE_URL}/lors/${lorId}`);

    // Attach the signed letter on the letter page.
    await page.getByLabel("File", { exact: true }).setInputFiles({ name: "signed-letter.pdf", mimeType: "application/pdf", buffer: pdf });
    await page.getByLabel("What is it?").selectOption("SIGNED_LETTER");
    await page.getByRole("button", { name: "Attach file" }).click();
    await expect(page.getByTestId("notice")).toHaveText("File attached.");
    const attachments = page.getByTestId("attachments");
    await expect(attachments).toContainText("signed-letter.pdf");
    await expect(attachments).toContainText("Signed letter");
    await expect(page.getByTestId("criterion-signedLetter")).toHaveAttribute("data-met", "true");
    await expect(page.getByTestId("completeness")).toHaveText(/^\d+%$/);

    // The partner can download it back, byte for byte.
    const href = await attachments.getByRole("link", { name: "signed-letter.pdf" }).getAttribute("href");
    const download = await page.request.get(href!);
    expect(download.status()).toBe(200);
    expect(Buffer.compare(await download.body(), pdf)).toBe(0);

    await page.getByRole("button", { name: "Submit the letter" }).click();
    await expect(page.getByTestId("notice")).toHaveText("Submitted. The U.S. Government has it now.");
    await expectStatus(page, "Submitted");
    await expect(page.getByRole("link", { name: "Edit draft" })).toHaveCount(0);
    await expect(page.getByTestId("upload-form")).toHaveCount(0);
  });

  test("DSCA finds it in the incoming queue with its validation target, acknowledges it and returns it as insufficient", async ({ browser }) => {
    usg = await signedInContext(browser, DSCA);
    const { page } = usg;
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Letters of request" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Incoming letters of request");
    await page.getByLabel("Subject, reference or case").fill(subject);
    await page.getByRole("button", { name: "Filter" }).click();
    const row = page.getByTestId("lor-row").filter({ hasText: subject });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("BN");
    await expect(row.getByTestId("lor-status")).toHaveText("Submitted");
    await expect(row.getByTestId("aging")).toContainText("On track");
    await expect(row.getByTestId("aging")).toContainText("of 5 days");
    await saveScreen(page, "lor-usg-queue");

    await row.getByRole("link", { name: subject }).click();
    await expect(page).toHaveURL(`${BASE_URL}/lors/${lorId}`);
    await expect(page.getByRole("heading", { name: "Validation target" })).toBeVisible();
    await expect(page.getByTestId("validation-actions")).toBeVisible();
    // DSCA sees who is working it; the partner's edit controls are not offered to USG staff.
    await expect(page.getByRole("link", { name: "Edit draft" })).toHaveCount(0);
    await expect(page.getByTestId("upload-form")).toHaveCount(0);
    await saveScreen(page, "lor-validation-view");

    await page.getByRole("button", { name: "Acknowledge receipt and start validation" }).click();
    await expect(page.getByTestId("notice")).toHaveText("Receipt acknowledged. Validation has started.");
    await expectStatus(page, "Under validation");

    const panel = await openDisclosure(page, "mark-insufficient");
    // Only unmet required criteria come pre-ticked (here none: the unmet ones are recommended); the validator names the real gap.
    await expect(panel.getByLabel("Preferred implementing agency")).not.toBeChecked();
    await expect(panel.getByLabel("Enough detail to estimate cost")).not.toBeChecked();
    const boxes = panel.getByRole("checkbox");
    for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).uncheck();
    await panel.getByLabel("Enough detail to estimate cost").check();
    await panel.getByLabel("What must the partner change?").fill(reason);
    await panel.getByRole("button", { name: "Return to the partner" }).click();
    await expect(page.getByTestId("notice")).toHaveText("Returned to the partner as insufficient.");
    await expectStatus(page, "Insufficient — needs changes");
  });

  test("the partner sees the reason, revises the letter and resubmits", async () => {
    const { page } = partner;
    await page.goto(`/lors/${lorId}`);
    await expectStatus(page, "Insufficient — needs changes");
    const alert = page.getByRole("status").filter({ hasText: "The U.S. Government needs changes before it can act" });
    await expect(alert).toContainText(reason);
    await expect(alert).toContainText("Checklist items: Enough detail to estimate cost.");
    await expect(page.getByTestId("criterion-configuration")).toContainText("(flagged by the validator)");
    // Partners see the U.S. Government office that acted, not the analyst's name.
    await expect(page.getByTestId("timeline")).not.toContainText("Dana Whitfield");

    await page.getByRole("link", { name: "Revise the letter" }).click();
    await expect(page).toHaveURL(`${BASE_URL}/lors/${lorId}/edit`);
    await expect(page.getByText("What the U.S. Government asked you to change")).toBeVisible();
    await expect(page.getByText(reason).first()).toBeVisible();
    await byId(page, "items.0.description").fill(
      "Mast-mounted configuration, X-band antenna variant B, software baseline 4.2, 440 V 60 Hz power supply, below-deck processor and two operator consoles",
    );
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByTestId("notice")).toContainText("Draft saved");
    await page.getByRole("link", { name: "← Back to the letter" }).click();

    await page.getByRole("button", { name: "Resubmit the letter" }).click();
    await expect(page.getByTestId("notice")).toHaveText("Submitted. The U.S. Government has it now.");
    await expectStatus(page, "Submitted");
    await expect(page.getByText("The U.S. Government needs changes before it can act")).toHaveCount(0);
  });

  test("the Navy acknowledges it again; DSCA marks it complete with agency P and a BN-P case opens", async ({ browser }) => {
    const navy = await signedInContext(browser, NAVY);
    try {
      await navy.page.goto(`/lors/${lorId}`);
      await expectStatus(navy.page, "Submitted");
      // An agency case manager takes the letter for their own agency: no routing choice.
      await expect(navy.page.getByLabel("Route to implementing agency")).toHaveCount(0);
      await navy.page.getByRole("button", { name: "Acknowledge receipt and start validation" }).click();
      await expect(navy.page.getByTestId("notice")).toHaveText("Receipt acknowledged. Validation has started.");
      await expectStatus(navy.page, "Under validation");
      await expect(navy.page.getByText("Department of the Navy (P)").first()).toBeVisible();
    } finally {
      await closeAll(navy.context);
    }

    const { page } = usg;
    await page.goto(`/lors/${lorId}`);
    await expectStatus(page, "Under validation");
    const panel = await openDisclosure(page, "mark-complete");
    await expect(panel.locator("summary")).toHaveText("Mark complete and open a case");
    await panel.getByLabel("Implementing agency that will write the LOA").selectOption("P");
    await panel.getByRole("button", { name: "Mark complete and open the case" }).click();
    await expect(page.getByTestId("notice")).toHaveText("Marked complete.");
    await expectStatus(page, "Complete");
    const link = page.getByTestId("case-link");
    await expect(link).toHaveText(/^BN-P-[A-Z0-9]{3}$/);
    caseIdentifier = (await link.textContent())!.trim();
    await expect(page.getByTestId("validation-actions")).toHaveCount(0);

    // The partner sees the same case on the letter and in the list.
    await partner.page.goto(`/lors/${lorId}`);
    await expectStatus(partner.page, "Complete");
    await expect(partner.page.getByTestId("case-link")).toHaveText(caseIdentifier);
    await partner.page.goto("/lors");
    await expect(partner.page.getByTestId("lor-row").filter({ hasText: subject })).toContainText(caseIdentifier);
    await partner.page.getByTestId("lor-row").filter({ hasText: subject }).getByRole("link", { name: caseIdentifier }).click();
    await expect(partner.page.getByTestId("case-identifier")).toHaveText(caseIdentifier);
    await expect(partner.page.getByRole("heading", { level: 1 })).toHaveText(`Case ${caseIdentifier}`);

    await link.click();
    await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
    caseId = /\/cases\/([0-9a-f-]{36})$/.exec(page.url())![1]!;
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Case ${caseIdentifier}`);
    await expect(page.getByTestId("case-identifier")).toHaveText(caseIdentifier);
    // Scoped: DSCA's "Assign implementing agency" form on the case page lists the Navy too.
    await expect(page.getByRole("region", { name: "About the case" }).getByText("Department of the Navy (P)")).toBeVisible();
    await expect(page.getByRole("link", { name: subject })).toBeVisible();
    await saveScreen(page, "lor-case-page");

    // The API agrees.
    const found = await json<{ identifier: string; country: { code: string }; implementingAgency: { code: string } }>(await usg.api.get(`/api/v1/cases/${caseId}`));
    expect(found).toMatchObject({ identifier: caseIdentifier, country: { code: "BN" }, implementingAgency: { code: "P" } });
  });

  test("the timeline lists every step, in order", async () => {
    const { page } = usg;
    await page.goto(`/lors/${lorId}`);
    const events = page.getByTestId("timeline-event");
    await expect(events).toHaveText([
      /^Draft started/,
      /^Draft changed/,
      /^File attached.*signed-letter\.pdf/,
      /^Submitted/,
      /^Receipt acknowledged; validation started.*Dana Whitfield/,
      new RegExp(`^Returned as insufficient.*${reason.slice(0, 40).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`),
      /^Draft changed.*Changed: items/,
      /^Submitted.*Resubmitted after changes/,
      /^Receipt acknowledged; validation started.*Tom Okafor/,
      new RegExp(`^Marked complete.*Case ${caseIdentifier}`),
    ]);
    await saveScreen(page, "lor-timeline");
  });

  test("a Saudi officer gets 404 for the letter, its attachment and its case", async ({ browser }) => {
    const download = (await getLorViaApi(partner.api, lorId)).attachments[0]!.downloadUrl;
    const sr = await signedInContext(browser, PARTNER_SR);
    try {
      const { page, api } = sr;
      for (const path of [`/lors/${lorId}`, `/lors/${lorId}/edit`, `/cases/${caseId}`]) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(404);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
        await expect(page.getByText(subject)).toHaveCount(0);
        await expect(page.getByText(caseIdentifier)).toHaveCount(0);
      }
      const file = await page.request.get(download);
      expect(file.status()).toBe(404);
      expect((await json<ApiError>(file)).error.code).toBe("NOT_FOUND");
      expect((await file.body()).includes(pdf)).toBe(false);
      for (const path of [`/api/v1/lors/${lorId}`, `/api/v1/cases/${caseId}`]) {
        const response = await api.get(path);
        expect(response.status(), path).toBe(404);
        expect(JSON.stringify(await response.json())).not.toContain(subject);
      }
    } finally {
      await closeAll(sr.context);
    }
  });
});

test.describe("the letter form and letter page when something is wrong", () => {
  // Its page.request writes with the session cookie: say it is our own origin, as a browser would (ADR 0022).
  test.use({ extraHTTPHeaders: SAME_ORIGIN });
  test("invalid values are refused beside their fields, and what was typed is kept", async ({ page }) => {
    await signIn(page, PARTNER_BN);
    await page.goto("/lors/new");
    const subject = unique("E2E invalid form");
    await page.getByLabel("Subject", { exact: true }).fill(subject);
    await byId(page, "items.0.nomenclature").fill("Radar");
    await byId(page, "items.0.estimatedValue").fill("a lot");
    await byId(page, "pointsOfContact.0.name").fill("Cdr. Ilse Marren");
    await byId(page, "pointsOfContact.0.email").fill("not-an-email");
    await page.getByRole("button", { name: "Save draft" }).click();

    await expect(page.getByTestId("form-error")).toContainText("Your letter was not saved");
    await expect(page.getByTestId("error-items.0.estimatedValue")).toBeVisible();
    await expect(page.getByTestId("error-pointsOfContact.0.email")).toBeVisible();
    await expect(byId(page, "pointsOfContact.0.email")).toHaveAttribute("aria-invalid", "true");
    await expect(page).toHaveURL(`${BASE_URL}/lors/new`);
    await expect(page.getByLabel("Subject", { exact: true })).toHaveValue(subject);
    await expect(byId(page, "pointsOfContact.0.email")).toHaveValue("not-an-email");

    // Nothing was created.
    const listed = await json<{ total: number }>(await page.request.get(`/api/v1/lors?q=${encodeURIComponent(subject)}`));
    expect(listed.total).toBe(0);

    // A delivery date in the past does not meet the checklist.
    await page.getByLabel("Delivery needed by").fill("2020-01-01");
    await expect(page.getByTestId("criterion-delivery")).toHaveAttribute("data-met", "false");
    await expect(page.getByTestId("criterion-delivery")).toContainText("must be in the future");
  });

  test("saving a draft someone else changed meanwhile is refused, not silently overwritten", async ({ page }) => {
    await signIn(page, PARTNER_BN);
    const subject = unique("E2E stale form");
    const created = await page.request.post("/api/v1/lors", { data: { subject } });
    expect(created.status()).toBe(201);
    const draft = await json<{ id: string; version: number }>(created);
    await page.goto(`/lors/${draft.id}/edit`);
    await expect(page.getByLabel("Subject", { exact: true })).toHaveValue(subject);

    // A colleague (here: the same officer through the API) changes it first.
    const patched = await page.request.patch(`/api/v1/lors/${draft.id}`, { data: { expectedVersion: draft.version, originatorReference: "FROM-ELSEWHERE" } });
    expect(patched.status()).toBe(200);

    await page.getByLabel("Your reference number").fill("FROM-THE-FORM");
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByTestId("form-error")).toContainText("Someone else changed this record");
    expect((await getLorViaApi(page.request, draft.id)).originatorReference).toBe("FROM-ELSEWHERE");
  });

  test("a file that is not really a PDF is refused on the letter page", async ({ page }) => {
    await signIn(page, PARTNER_BN);
    const created = await page.request.post("/api/v1/lors", { data: { subject: unique("E2E fake upload") } });
    const draft = await json<{ id: string }>(created);
    await page.goto(`/lors/${draft.id}`);
    await page.getByLabel("File", { exact: true }).setInputFiles({ name: "letter.pdf", mimeType: "application/pdf", buffer: Buffer.from("<html><script>alert(1)</script></html>") });
    await page.getByRole("button", { name: "Attach file" }).click();
    const form = page.getByTestId("upload-form");
    await expect(form.getByTestId("form-error")).toContainText("The file was not attached");
    await expect(form).toContainText("Attach a PDF, PNG or JPEG file");
    await expect(page.getByTestId("attachments")).toHaveCount(0);
    await expect(page.getByText("No files attached.")).toBeVisible();

    // A PNG is fine, and can be removed again while the letter is a draft.
    await page.getByLabel("File", { exact: true }).setInputFiles({ name: "drawing.png", mimeType: "image/png", buffer: tinyPng() });
    await page.getByLabel("What is it?").selectOption("SPECIFICATION");
    await page.getByRole("button", { name: "Attach file" }).click();
    await expect(page.getByTestId("notice")).toHaveText("File attached.");
    await expect(page.getByTestId("attachments")).toContainText("drawing.png");
    await expect(page.getByTestId("attachments")).toContainText("Specification");
    await page.getByRole("button", { name: "Remove drawing.png" }).click();
    await expect(page.getByTestId("notice")).toHaveText("File removed.");
    await expect(page.getByText("No files attached.")).toBeVisible();
  });

  test("the partner can withdraw a submitted letter from its page", async ({ page }) => {
    await signIn(page, PARTNER_BN);
    const subject = unique("E2E withdraw in the UI");
    const created = await page.request.post("/api/v1/lors", { data: completeLorContent({ subject }) });
    const draft = await json<{ id: string; version: number }>(created);
    expect((await page.request.post(`/api/v1/lors/${draft.id}/submit`, { data: { expectedVersion: draft.version } })).status()).toBe(200);
    await page.goto(`/lors/${draft.id}`);
    await expectStatus(page, "Submitted");
    await page.getByTestId("action-withdraw").locator("summary").click();
    await page.getByLabel("Reason (optional)").fill("The requirement moved to next year.");
    await page.getByRole("button", { name: "Withdraw the letter" }).click();
    await expect(page.getByTestId("notice")).toHaveText("The letter was withdrawn.");
    await expectStatus(page, "Withdrawn");
    await expect(page.getByText("The requirement moved to next year.").first()).toBeVisible();
    await expect(page.getByTestId("action-withdraw")).toHaveCount(0);
  });
});
