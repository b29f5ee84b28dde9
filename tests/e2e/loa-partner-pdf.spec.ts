import { createHash } from "node:crypto";
import fs from "node:fs";
import { expect, test, type APIRequestContext } from "./fixtures";
import { extractText } from "unpdf";
import { BASE_URL, closeAll, json, organizationByCode, saveScreen, signIn, unique, type ApiError } from "./helpers";
import { caseAction, DSCA, DTSA, NAVY, openCaseViaApi, PARTNER_BN, PARTNER_SR, STATE, tokenApi, toReviewViaApi, type CaseView } from "./case-helpers";
import { expectNoPageScroll, fillLoaViaApi, checkA11yBasics } from "./loa-helpers";
import type { Page } from "./lor-helpers";

// The partner and the offered LOA: a case walked to OFFERED through the API (with an internal pricing note and an
// internal line note), then the Bandarian officer opens it, downloads the PDF and checks it is the file whose SHA-256
// the page shows, with the case and its total and nothing internal or DRAFT. Drafts and documents in review are not the
// partner's to see (404), nor is another country's offer.

type Users = Record<"bn" | "sr" | "dsca" | "state" | "dtsa" | "navy", APIRequestContext>;
type DocumentSummary = { number: number; name: string; status: string; totalEstimatedCost: string; pdfSha256: string | null };

/** "13984955.00" → "13,984,955.00" (how the PDF and the page print amounts, with or without the dollar sign). */
const grouped = (amount: string) => {
  const [whole, cents] = amount.split(".");
  return `${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${cents}`;
};

async function pdfText(bytes: Uint8Array): Promise<string> {
  const { text } = await extractText(new Uint8Array(bytes), { mergePages: true });
  return text;
}

test.describe("the partner and the offered LOA", () => {
  let u: Users;
  let offered: CaseView;
  const internalNote = unique("INTERNAL pricing basis never for the partner");
  const internalLineNote = unique("INTERNAL line escalation");
  const description = unique("Operator training for the Bandarian crews");

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(120_000);
    u = {
      bn: await tokenApi(browser, PARTNER_BN),
      sr: await tokenApi(browser, PARTNER_SR),
      dsca: await tokenApi(browser, DSCA),
      state: await tokenApi(browser, STATE),
      dtsa: await tokenApi(browser, DTSA),
      navy: await tokenApi(browser, NAVY),
    };
    const { case: opened } = await openCaseViaApi(u.bn, u.dsca);
    const navyOrg = await organizationByCode(u.dsca, "IMPLEMENTING_AGENCY", "P");
    const developing = await caseAction(u.dsca, opened, "assign-agency", { agencyId: navyOrg.id });
    await fillLoaViaApi(u.navy, developing.id, {
      description,
      lineInternalNote: internalLineNote,
      notes: [{ key: null, title: "Pricing basis (internal)", text: internalNote, internal: true }],
    });
    let c = await caseAction(u.navy, developing, "approve-loa");
    c = await caseAction(u.dsca, c, "concur");
    c = await caseAction(u.state, c, "concur");
    c = await caseAction(u.dtsa, c, "concur");
    expect(c.status).toBe("READY_TO_SIGN");
    c = await caseAction(u.navy, c, "sign");
    c = await caseAction(u.dsca, c, "countersign");
    offered = await caseAction(u.navy, c, "offer");
    expect(offered.status).toBe("OFFERED");
  });

  test.afterAll(async () => {
    if (u) await closeAll(...Object.values(u));
  });

  test("the Bandarian officer downloads the offered PDF: the SHA-256 matches, the case and total are in it, nothing internal or DRAFT", async ({ page }) => {
    const list = await json<{ items: DocumentSummary[] }>(await u.bn.get(`/api/v1/cases/${offered.id}/documents`));
    expect(list.items).toHaveLength(1);
    const doc = list.items[0]!;
    expect(doc).toMatchObject({ number: 1, status: "OFFERED" });
    expect(doc.pdfSha256).toMatch(/^[0-9a-f]{64}$/);

    await signIn(page, PARTNER_BN);
    await page.goto(`/cases/${offered.id}`);
    const section = page.getByTestId("loa-documents");
    await expect(section.getByRole("heading", { name: "Letter of Offer and Acceptance" })).toBeVisible();
    await expect(section.getByTestId("document-1")).toContainText("Offered");
    await expect(section.getByTestId("document-1")).toContainText(grouped(doc.totalEstimatedCost));
    // The partner has no builder.
    await expect(page.getByTestId("open-builder")).toHaveCount(0);
    await section.getByTestId("document-1").getByRole("link", { name: doc.name }).click();
    await expect(page).toHaveURL(`${BASE_URL}/cases/${offered.id}/documents/1`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(doc.name);
    await expect(page.getByTestId("pdf-sha256")).toContainText(doc.pdfSha256!);
    await expect(page.locator("main")).toContainText(description);
    // Internal notes and the internal line note stay inside the U.S. Government, and so does the notification meter.
    await expect(page.locator("main")).not.toContainText(internalNote);
    await expect(page.locator("main")).not.toContainText(internalLineNote);
    await expect(page.getByTestId("internal-line-note")).toHaveCount(0);
    await expect(page.getByTestId("threshold-meter")).toHaveCount(0);
    await page.setViewportSize({ width: 1280, height: 900 });
    await saveScreen(page, "loa-partner-document");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-pdf").click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const bytes = fs.readFileSync((await download.path())!);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(doc.pdfSha256);

    const text = await pdfText(bytes);
    expect(text).toContain(offered.identifier);
    expect(text).toContain(grouped(doc.totalEstimatedCost));
    expect(text).not.toMatch(/DRAFT/);
    expect(text).not.toContain(internalNote);
    expect(text).not.toContain(internalLineNote);

    // Every download is the same stored file; the API says so in a header.
    const again = await u.bn.get(`/api/v1/cases/${offered.id}/documents/1/pdf`);
    expect(again.status()).toBe(200);
    expect(again.headers()["x-content-sha256"]).toBe(doc.pdfSha256);
    expect(createHash("sha256").update(await again.body()).digest("hex")).toBe(doc.pdfSha256);
  });

  test("the offered document page passes the accessibility basics and does not scroll sideways at 390 px", async ({ page }) => {
    await signIn(page, PARTNER_BN);
    await page.goto(`/cases/${offered.id}/documents/1`);
    await checkA11yBasics(page);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await expect(page.getByTestId("pdf-sha256")).toBeVisible();
    await expectNoPageScroll(page);
  });

  test("the partner gets 404 for a draft, a document in review and another country's offer", async ({ browser, page }) => {
    const expect404 = async (api: APIRequestContext, path: string) => {
      const response = await api.get(path);
      expect(response.status(), `${path}: ${await response.text()}`).toBe(404);
      expect((await json<ApiError>(response)).error.code).toBe("NOT_FOUND");
    };
    // A case whose LOA is in review: the document exists for the U.S. Government, not for the partner.
    const { case: opened } = await openCaseViaApi(u.bn, u.dsca);
    const reviewing = await toReviewViaApi(u.dsca, u.navy, opened);
    expect((await u.navy.get(`/api/v1/cases/${reviewing.id}/documents/1`)).status()).toBe(200);
    const partnerList = await json<{ items: DocumentSummary[] }>(await u.bn.get(`/api/v1/cases/${reviewing.id}/documents`));
    expect(partnerList.items).toEqual([]);
    await expect404(u.bn, `/api/v1/cases/${reviewing.id}/documents/1`);
    await expect404(u.bn, `/api/v1/cases/${reviewing.id}/documents/1/pdf`);
    // The working LOA is U.S. Government only: the partner knows their own case exists, so this is 403.
    expect((await u.bn.get(`/api/v1/cases/${reviewing.id}/loa`)).status()).toBe(403);
    // Another country's officer: the offered BN case does not exist for them.
    await expect404(u.sr, `/api/v1/cases/${offered.id}/documents`);
    await expect404(u.sr, `/api/v1/cases/${offered.id}/documents/1`);
    await expect404(u.sr, `/api/v1/cases/${offered.id}/documents/1/pdf`);

    // The same in the browser.
    await signIn(page, PARTNER_BN);
    await page.goto(`/cases/${reviewing.id}`);
    await expect(page.getByTestId("loa-documents")).toContainText("The implementing agency is preparing the LOA");
    const inReview = await page.goto(`/cases/${reviewing.id}/documents/1`);
    expect(inReview?.status()).toBe(404);
    const sr = await browser.newContext();
    try {
      const srPage = await sr.newPage();
      await signIn(srPage, PARTNER_SR);
      const other = await srPage.goto(`/cases/${offered.id}/documents/1`);
      expect(other?.status()).toBe(404);
      await expect(srPage.locator("main")).not.toContainText(offered.identifier);
    } finally {
      await sr.close();
    }
  });

  test("the demo case BN-P-AAB is offered to Bandaria with a stored PDF the partner can download", async () => {
    const found = (await json<Page<CaseView>>(await u.bn.get("/api/v1/cases?q=BN-P-AAB"))).items.find((c) => c.identifier === "BN-P-AAB");
    expect(found?.status).toBe("OFFERED");
    const docs = (await json<{ items: DocumentSummary[] }>(await u.bn.get(`/api/v1/cases/${found!.id}/documents`))).items;
    const offeredDoc = docs.find((d) => d.status === "OFFERED");
    expect(offeredDoc?.pdfSha256).toMatch(/^[0-9a-f]{64}$/);
    const pdf = await u.bn.get(`/api/v1/cases/${found!.id}/documents/${offeredDoc!.number}/pdf`);
    expect(pdf.status()).toBe(200);
    const bytes = await pdf.body();
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(offeredDoc!.pdfSha256);
    const text = await pdfText(bytes);
    expect(text).toContain("BN-P-AAB");
    expect(text).toContain(grouped(offeredDoc!.totalEstimatedCost));
    expect(text).not.toMatch(/DRAFT/);
    // The demo's internal pricing basis note (prisma/demo-loas.ts) is not printed.
    expect(text).not.toContain("Not for release to the purchaser");
  });
});
