import { expect, test, type Page } from "./fixtures";
import { BASE_URL, SAME_ORIGIN, saveScreen, signIn, unique } from "./helpers";
import { createLorViaApi, DSCA, PARTNER_BN } from "./lor-helpers";

// Screenshots of the letter-of-request screens (test-results/screens/lor-screen-*.png) with basic accessibility
// checks: one h1, section headings, and an accessible name on every form control.

async function expectEveryControlNamed(page: Page) {
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
  // Controls inside closed disclosures are out of the accessibility tree until opened, as for a user: open them.
  await page.locator("main details:not([open]) > summary").evaluateAll((summaries) => summaries.forEach((s) => (s as HTMLElement).click()));
  const controls = page.locator('main input:not([type="hidden"]), main select, main textarea');
  const count = await controls.count();
  for (let i = 0; i < count; i += 1) {
    const control = controls.nth(i);
    const id = (await control.getAttribute("id")) ?? (await control.getAttribute("name")) ?? String(i);
    await expect(control, `control ${id} needs an accessible name`).toHaveAccessibleName(/\S/);
  }
  const groups = page.locator("main fieldset");
  for (let i = 0; i < (await groups.count()); i += 1) await expect(groups.nth(i), `fieldset ${i} needs a legend`).toHaveAccessibleName(/\S/);
  const buttons = page.locator("main").getByRole("button");
  for (let i = 0; i < (await buttons.count()); i += 1) await expect(buttons.nth(i)).toHaveAccessibleName(/\S/);
}

async function expectNoHorizontalScroll(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, "page is wider than the viewport").toBeLessThanOrEqual(innerWidth);
}

test.describe("partner screens", () => {
  // Its page.request writes with the session cookie: say it is our own origin, as a browser would (ADR 0022).
  test.use({ extraHTTPHeaders: SAME_ORIGIN });
  test.beforeEach(async ({ page }) => {
    await signIn(page, PARTNER_BN);
  });

  test("my letters of request", async ({ page }) => {
    await page.goto("/lors");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("My letters of request");
    await expect(page).toHaveTitle(/Letters of request/);
    await expect(page.getByTestId("lor-row").first()).toBeVisible();
    await saveScreen(page, "lor-screen-partner-list");
    // Other specs add letters, so look each seeded one up rather than counting on the first page.
    for (const subject of ["Coastal patrol boats", "Maritime surveillance radar upgrade", "Shipboard communications suite", "Harpoon coastal defense missiles"]) {
      await page.goto(`/lors?q=${encodeURIComponent(subject)}`);
      await expect(page.getByTestId("lor-row").filter({ hasText: subject }), subject).toHaveCount(1);
    }
    await expect(page.getByTestId("lor-row").filter({ hasText: "Harpoon coastal defense missiles" })).toContainText(/BN-P-[A-Z0-9]{3}/);
    await page.goto(`/lors?q=${encodeURIComponent("Follow-on spares for naval helicopters")}`);
    await expect(page.getByTestId("lor-row")).toHaveCount(0);
    await page.goto("/lors");
    await expect(page.getByLabel("Subject, reference or case")).toBeVisible();
    await expect(page.getByLabel("Status")).toBeVisible();
    await expect(page.getByLabel("Request type")).toBeVisible();
    // Partners have no USG-only filters.
    await expect(page.getByLabel("Overdue only")).toHaveCount(0);
    await expectEveryControlNamed(page);

    // Filtering by status works from the form.
    await page.getByLabel("Status").selectOption("DRAFT");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/status=DRAFT/);
    const statuses = await page.getByTestId("lor-row").getByTestId("lor-status").allTextContents();
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(["Draft"]));
  });

  test("new letter form, desktop and 390 px wide", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto("/lors/new");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("New letter of request");
    for (const label of [
      "Subject",
      "Your reference number",
      "Originating office",
      "Office address",
      "Preferred implementing agency (optional)",
      "Nomenclature",
      "Description and configuration",
      "Quantity",
      "Unit of issue",
      "Delivery needed by",
      "Training needs",
      "Name of the signing official",
      "Authority to request",
    ]) {
      await expect(page.getByLabel(label, { exact: true }), label).toBeVisible();
    }
    for (const legend of ["What are you asking for?", "Type of LOA you want", "How do you propose to pay?", /Will anyone other than/, /sole source/]) {
      await expect(page.getByRole("group", { name: legend })).toBeVisible();
    }
    for (const section of ["About this request", "Articles and services", "Funding and delivery", "Points of contact", "Signatory"]) {
      await expect(page.getByRole("group", { name: section })).toBeVisible();
    }
    await expect(page.getByRole("heading", { name: "Completeness" })).toBeVisible();
    await expect(page.getByRole("meter", { name: "Completeness" })).toHaveAttribute("aria-valuenow", "0");
    await expectEveryControlNamed(page);
    await saveScreen(page, "lor-screen-form-desktop");

    // Adding an item or a contact adds labelled fields.
    await page.getByRole("button", { name: "Add another item" }).click();
    await expect(page.getByTestId("item-row")).toHaveCount(2);
    await expect(page.locator('[id="items.1.nomenclature"]')).toHaveAccessibleName("Nomenclature");
    await page.getByRole("button", { name: "Remove item 2" }).click();
    await expect(page.getByTestId("item-row")).toHaveCount(1);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByLabel("Subject", { exact: true }).fill("Coastal radars");
    await expect(page.getByLabel("Subject", { exact: true })).toBeInViewport();
    await expectNoHorizontalScroll(page);
    await saveScreen(page, "lor-screen-form-mobile");
  });

  test("a letter returned as insufficient, for the partner", async ({ page }) => {
    await page.goto("/lors?q=Shipboard%20communications%20suite");
    await page.getByRole("link", { name: "Shipboard communications suite" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Shipboard communications suite");
    await expect(page.getByTestId("lor-status")).toHaveText("Insufficient — needs changes");
    await expect(page.getByText("The U.S. Government needs changes before it can act")).toBeVisible();
    await expect(page.getByText(/frequency bands, crypto requirements/).first()).toBeVisible();
    await expect(page.getByRole("link", { name: "Revise the letter" })).toBeVisible();
    await saveScreen(page, "lor-screen-partner-insufficient");
    await expectEveryControlNamed(page);
  });

  test("what a partner types is shown as text, never run as markup", async ({ page }) => {
    const subject = `<img src=x onerror="window.__pwned=1"> ${unique("E2E markup")}`;
    const draft = await createLorViaApi(page.request, { subject, originatorAddress: "<script>window.__pwned=2</script>" });
    await page.goto(`/lors/${draft.id}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(subject);
    await expect(page.getByText("<script>window.__pwned=2</script>")).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await expect(page.locator('main img[src="x"]')).toHaveCount(0);
  });
});

test.describe("U.S. Government screens", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, DSCA);
  });

  test("incoming queue, with the overdue filter", async ({ page }) => {
    await page.goto("/lors");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Incoming letters of request");
    await expect(page.getByTestId("lor-table")).not.toContainText("Coastal patrol boats"); // a draft never sent
    await expectEveryControlNamed(page);
    await saveScreen(page, "lor-screen-usg-queue");

    await page.getByLabel("Overdue only").check();
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/overdue=true/);
    await expect(page.getByLabel("Overdue only")).toBeChecked();
    const rows = page.getByTestId("lor-row");
    await expect(rows.filter({ hasText: "Maritime surveillance radar upgrade" })).toHaveCount(1);
    const tags = await rows.getByTestId("aging").allTextContents();
    expect(tags.length).toBeGreaterThan(0);
    for (const tag of tags) expect(tag).toContain("Overdue");
    await saveScreen(page, "lor-screen-usg-queue-overdue");
  });

  test("a submitted letter, for the validator", async ({ page }) => {
    await page.goto("/lors?q=Maritime%20surveillance%20radar%20upgrade");
    await page.getByRole("link", { name: "Maritime surveillance radar upgrade" }).click();
    await expect(page).toHaveURL(new RegExp(`^${BASE_URL}/lors/[0-9a-f-]{36}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Maritime surveillance radar upgrade");
    for (const heading of ["Validation target", "The request", "Articles and services", "Funding, delivery and support", "Contacts and signatory", "Attachments", "Timeline", "Validation", "Actionable checklist"]) {
      await expect(page.getByRole("heading", { level: 2, name: heading, exact: true }), heading).toBeVisible();
    }
    await expect(page.getByRole("heading", { name: "Validation target" }).locator("..").getByTestId("aging")).toContainText("Overdue");
    await expect(page.getByLabel("Route to implementing agency")).toBeVisible();
    await expect(page.getByRole("button", { name: "Acknowledge receipt and start validation" })).toBeVisible();
    await saveScreen(page, "lor-screen-usg-letter");
    await expectEveryControlNamed(page);
  });

  test("a letter page fits a 390 px wide screen", async ({ page }) => {
    // Regression: the items table's min-content width once widened the single-column grid and the whole page scrolled sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/lors?q=Maritime%20surveillance%20radar%20upgrade");
    await page.getByRole("link", { name: "Maritime surveillance radar upgrade" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Maritime surveillance radar upgrade");
    await expect(page.getByTestId("items-table")).toBeVisible();
    await saveScreen(page, "lor-screen-usg-letter-mobile");
    await expectNoHorizontalScroll(page);
  });

  test("the case opened from the Harpoon letter", async ({ page }) => {
    await page.goto("/cases?q=Harpoon");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cases");
    const row = page.getByTestId("case-row").filter({ hasText: "Harpoon coastal defense missiles" });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(/BN-P-[A-Z0-9]{3}/);
    await saveScreen(page, "lor-screen-case-list");
    await row.getByRole("link", { name: /^BN-P-/ }).click();
    const identifier = (await page.getByTestId("case-identifier").textContent())!.trim();
    expect(identifier).toMatch(/^BN-P-[A-Z0-9]{3}$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Case ${identifier}`);
    await expect(page.getByRole("heading", { level: 2, name: "About the case" })).toBeVisible();
    // The case page lists its letters under "About the case"; DSCA's "Assign implementing agency" form lists the Navy too.
    const facts = page.getByRole("region", { name: "About the case" });
    await expect(facts.getByRole("heading", { level: 3, name: "Letters of request" })).toBeVisible();
    await expect(facts.getByText("Department of the Navy (P)")).toBeVisible();
    await expect(page.getByRole("link", { name: "Harpoon coastal defense missiles" })).toBeVisible();
    await expectEveryControlNamed(page);
    await saveScreen(page, "lor-screen-case");
  });
});
