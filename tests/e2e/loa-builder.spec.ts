import { expect, test, type Locator, type Page } from "./fixtures";
import { BASE_URL, closeAll, organizationByCode, saveScreen, signIn, unique } from "./helpers";
import { caseAction, DSCA, expectCaseStatus, getCase, NAVY, openCaseViaApi, PARTNER_BN, tokenApi, type CaseView } from "./case-helpers";
import { checkA11yBasics, expectNoPageScroll, fillLoaViaApi, getLoa, WORKED_EXAMPLE_TOTALS } from "./loa-helpers";

// The agency's case manager builds the basic LOA in the browser: three lines through the line editor (the worked
// example of fms-domain.md §7.4), live totals and the NATO+ notification meter, the required notes, a saved draft that
// survives a reload, and the MILAP approval from the builder that sends the case to review.

type LineInput = {
  generic: string;
  masl: string;
  description: string;
  quantity: string;
  unit: string;
  unitCost: string;
  source: string;
  ta: string;
  dtc: string;
  mde?: boolean;
  nc?: string;
};

const LINES: LineInput[] = [
  { generic: "A1B", masl: "2320015551234", description: "Tactical vehicle", quantity: "10", unit: "EA", unitCost: "1,000,000", source: "P", ta: "5", dtc: "2", mde: true, nc: "50000" },
  { generic: "R6A", masl: "2320015559999", description: "Initial spares", quantity: "1", unit: "LO", unitCost: "2000000", source: "X", ta: "4", dtc: "2" },
  { generic: "E3N", masl: "5855015432100", description: "Operator training", quantity: "1", unit: "LO", unitCost: "500000.00", source: "S", ta: "3", dtc: "" },
];

async function fillLine(editor: Locator, line: LineInput) {
  await editor.getByLabel("MASL generic code").fill(line.generic);
  await editor.getByLabel("MASL number").fill(line.masl);
  await editor.getByLabel("Description", { exact: true }).fill(line.description);
  await editor.getByLabel("Quantity", { exact: true }).fill(line.quantity);
  await editor.getByLabel("Unit of issue").selectOption(line.unit);
  await editor.getByLabel("Unit cost, US dollars").fill(line.unitCost);
  await editor.getByLabel("Source of supply").selectOption(line.source);
  await editor.getByLabel("Type of assistance").selectOption(line.ta);
  await editor.getByLabel("Delivery term code").selectOption(line.dtc);
  if (line.mde) {
    await editor.getByTestId("line-mde").check();
    await editor.getByLabel("Nonrecurring cost per unit, US dollars").fill(line.nc ?? "");
  }
}

const money = (text: string) => Number(text.replace(/[$,]/g, ""));

async function expectWorkedExampleTotals(page: Page) {
  // A line's total carries its CAS and nonrecurring cost: 10 × $1M + 1% CAS + 10 × $50,000 NC; half of $2M procured.
  await expect(page.getByTestId("line-total-001")).toHaveText("$10,600,000.00");
  await expect(page.getByTestId("line-total-002")).toHaveText("$2,010,000.00");
  await expect(page.getByTestId("line-total-003")).toHaveText("$500,000.00");
  await expect(page.getByTestId("summary-net")).toHaveText(WORKED_EXAMPLE_TOTALS.net);
  await expect(page.getByTestId("summary-pch")).toHaveText(WORKED_EXAMPLE_TOTALS.pch);
  await expect(page.getByTestId("summary-admin")).toHaveText(WORKED_EXAMPLE_TOTALS.admin);
  await expect(page.getByTestId("summary-transport")).toHaveText(WORKED_EXAMPLE_TOTALS.transport);
  await expect(page.getByTestId("summary-total")).toHaveText(WORKED_EXAMPLE_TOTALS.total);
}

test.describe("the LOA builder", () => {
  test("the Navy's case manager builds a three-line LOA, sees the totals and the meter, saves it and sends it to review", async ({ browser, page }) => {
    test.setTimeout(120_000);
    const [partner, dsca] = [await tokenApi(browser, PARTNER_BN), await tokenApi(browser, DSCA)];
    const navyApi = await tokenApi(browser, NAVY);
    try {
      const { case: opened } = await openCaseViaApi(partner, dsca);
      const caseId = opened.id;

      await signIn(page, NAVY);
      await page.goto(`/cases/${caseId}`);
      const section = page.getByTestId("loa-documents");
      await expect(section.getByRole("heading", { name: "Letter of Offer and Acceptance" })).toBeVisible();
      await expect(section.getByTestId("document-1")).toContainText("Draft");
      await section.getByRole("link", { name: "Open the LOA builder" }).click();
      await expect(page).toHaveURL(`${BASE_URL}/cases/${caseId}/loa`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^LOA builder: /);
      // DSCA has not assigned the agency yet: there is no approval button, only the draft.
      await expect(page.getByTestId("submit-for-review")).toHaveCount(0);
      await expect(page.getByTestId("no-lines")).toBeVisible();

      // Line 001: a type of assistance that does not fit the source is named in the editor at once.
      await page.getByRole("button", { name: "Add a line" }).click();
      let editor = page.getByTestId("line-editor");
      await expect(editor.locator("legend").first()).toHaveText("New line 001");
      // A line is checked when it is added, with the schema the server uses on save: the error sits beside its field,
      // focus goes to it, and nothing is added.
      await editor.getByRole("button", { name: "Add line", exact: true }).click();
      await expect(editor.getByTestId("error-line-generic")).toContainText("MASL generic code");
      await expect(editor.getByLabel("MASL generic code")).toHaveAttribute("aria-invalid", "true");
      await expect(editor.getByLabel("MASL generic code")).toBeFocused();
      await expect(editor.getByTestId("line-errors")).toBeVisible();
      await expect(page.getByTestId("no-lines")).toBeVisible();
      await editor.getByLabel("Type of assistance").selectOption("5");
      await expect(editor).toContainText("Type of assistance 5 needs source of supply P; this line has S");
      await fillLine(editor, LINES[0]!);
      await expect(editor).not.toContainText("needs source of supply");
      await editor.getByRole("button", { name: "Add line", exact: true }).click();
      await expect(page.getByTestId("line-editor")).toHaveCount(0);
      await expect(page.getByTestId("line-total-001")).toHaveText("$10,600,000.00");

      for (const [index, line] of LINES.slice(1).entries()) {
        await page.getByRole("button", { name: "Add a line" }).click();
        editor = page.getByTestId("line-editor");
        await expect(editor.locator("legend").first()).toHaveText(`New line 00${index + 2}`);
        await fillLine(editor, line);
        await editor.getByRole("button", { name: "Add line", exact: true }).click();
      }
      await expect(page.getByTestId("loa-lines").locator("tbody tr")).toHaveCount(3);
      await expectWorkedExampleTotals(page);
      await expect(page.getByTestId("unsaved")).toBeVisible();
      // The lines fit 1280 px without a sideways scroll: each line's charges are one sum that opens to its breakdown.
      const linesRegion = page.getByRole("region", { name: "LOA lines" });
      expect(await linesRegion.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
      await page.getByTestId("line-charges-001").locator("summary").click();
      await expect(page.getByTestId("line-charges-001")).toContainText("PC&H + transport");
      await expect(page.getByTestId("line-rate-001")).toBeVisible();

      // Bandaria is NATO+: $13.1M of MDE is well under the $25M threshold, and the meter says how much room is left.
      const meter = page.getByTestId("threshold-meter");
      await expect(meter.getByTestId("notification-required")).toContainText("Below every notification threshold.");
      await expect(meter.getByTestId("notification-required")).toContainText("NATO+ purchaser thresholds");
      const mde = meter.getByTestId("meter-MDE");
      await expect(mde).toHaveAttribute("data-met", "false");
      const [value, threshold] = [...((await mde.locator("div span").nth(1).textContent()) ?? "").matchAll(/\$[\d,]+\.\d{2}/g)].map((m) => money(m[0]));
      expect(threshold).toBe(25_000_000);
      expect(value).toBeGreaterThan(0);
      const headroom = (await mde.getByTestId("headroom-MDE").textContent()) ?? "";
      expect(headroom).toMatch(/^Headroom \$[\d,]+\.\d{2} before notification\.$/);
      expect(money(/\$[\d,.]+\d/.exec(headroom)![0])).toBeCloseTo(threshold! - value!, 2);

      // The notes this LOA must carry, added from the alert; then the description; then save.
      const missing = page.getByTestId("missing-notes");
      await expect(missing).toContainText("Administrative Surcharge");
      await expect(missing.getByRole("listitem")).toHaveCount(5);
      while ((await missing.getByRole("button", { name: "Add it" }).count()) > 0) {
        const before = await missing.getByRole("button", { name: "Add it" }).count();
        await missing.getByRole("button", { name: "Add it" }).first().click();
        if (before > 1) await expect(missing.getByRole("button", { name: "Add it" })).toHaveCount(before - 1);
      }
      await expect(page.getByTestId("missing-notes")).toHaveCount(0);
      await expect(page.getByTestId("loa-notes").getByRole("listitem")).toHaveCount(5);
      const description = unique("Tactical vehicles, spares and operator training");
      await page.getByLabel("Case description (preamble)").fill(description);
      await page.getByRole("button", { name: "Save draft" }).click();
      await expect(page.getByTestId("builder-result")).toContainText("Draft saved");
      await expect(page.getByTestId("unsaved")).toHaveCount(0);
      await saveScreen(page, "loa-builder-three-lines");

      // A reload shows what the server kept.
      await page.reload();
      await expect(page.getByTestId("loa-lines").locator("tbody tr")).toHaveCount(3);
      for (const line of LINES) await expect(page.getByTestId("loa-lines")).toContainText(line.description);
      await expectWorkedExampleTotals(page);
      await expect(page.getByLabel("Case description (preamble)")).toHaveValue(description);
      await expect(page.getByTestId("loa-problems")).toHaveCount(0);
      const saved = await getLoa(navyApi, caseId);
      expect(saved).toMatchObject({ description, status: "DRAFT", problems: [], totalEstimatedCost: "13984955.00" });
      expect(saved.lines.map((l) => l.lineNumber)).toEqual(["001", "002", "003"]);

      // DSCA assigns the agency; the approval now shows on the builder, and sends the case to review.
      const navyOrg = await organizationByCode(dsca, "IMPLEMENTING_AGENCY", "P");
      const developing: CaseView = await caseAction(dsca, await getCase(dsca, caseId), "assign-agency", { agencyId: navyOrg.id });
      expect(developing.status).toBe("IN_DEVELOPMENT");
      await page.reload();
      const submit = page.getByTestId("submit-for-review");
      await expect(submit.getByRole("button", { name: "Approve and submit for review (MILAP)" })).toBeEnabled();
      await submit.getByRole("button", { name: "Approve and submit for review (MILAP)" }).click();
      // Approving binds the agency to the saved version: the confirmation names it (no PDF hash before the offer).
      const confirmation = submit.getByTestId("confirm-approve-loa");
      await expect(confirmation).toBeFocused();
      await expect(confirmation.getByTestId("confirm-version")).toHaveText(String((await getLoa(navyApi, caseId)).version));
      await expect(confirmation.getByTestId("confirm-sha256")).toContainText("None yet");
      await confirmation.getByRole("button", { name: "Confirm and submit for review" }).click();
      await expect(page).toHaveURL(`${BASE_URL}/cases/${caseId}?notice=approve-loa`);
      await expectCaseStatus(page, "IN_REVIEW");
      expect((await getCase(navyApi, caseId)).status).toBe("IN_REVIEW");
      // The draft is now the submitted LOA: read only in the builder.
      const inReview = await getLoa(navyApi, caseId);
      expect(inReview).toMatchObject({ status: "SUBMITTED", editable: false });
    } finally {
      await closeAll(partner, dsca, navyApi);
    }
  });

  test("the builder, with the worked example's lines, passes the accessibility basics and does not scroll sideways at 390 px", async ({ browser, page }) => {
    const [partner, dsca, navyApi] = [await tokenApi(browser, PARTNER_BN), await tokenApi(browser, DSCA), await tokenApi(browser, NAVY)];
    try {
      const { case: opened } = await openCaseViaApi(partner, dsca);
      await fillLoaViaApi(navyApi, opened.id);
      await signIn(page, NAVY);
      await page.goto(`/cases/${opened.id}/loa`);
      await expect(page.getByTestId("line-001")).toBeVisible();
      await checkA11yBasics(page);
      // The line editor's controls are labelled too.
      await page.getByRole("button", { name: "Add a line" }).click();
      await page.getByTestId("line-mde").check();
      await checkA11yBasics(page, { skipLink: false });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.reload();
      await expect(page.getByTestId("line-001")).toBeVisible();
      await expectNoPageScroll(page);
    } finally {
      await closeAll(partner, dsca, navyApi);
    }
  });
});
