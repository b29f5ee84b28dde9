import { expect, test, type APIRequestContext, type Page } from "./fixtures";
import { BASE_URL, json, saveScreen, signIn } from "./helpers";
import type { Page as ListPage } from "./lor-helpers";
import { DTSA, expectNoHorizontalScroll, PARTNER_BN, STATE, type CaseView } from "./case-helpers";

// Screenshots of the case screens (test-results/screens/case-screen-*.png) at 1280 px and 390 px, on the seeded demo
// cases: the reviewers' inbox with overdue reviews (SR-P-AAA), the USG case page with its review panel and workflow
// diagram, and the partner's offered case (BN-P-AAB) with its countdown. Then the accessibility basics a11y.spec.ts
// checks on every page, here on /tasks and on the case page for USG staff and for the partner.

const WIDTHS = [
  { name: "desktop", width: 1280, height: 900 },
  { name: "mobile", width: 390, height: 844 },
] as const;

async function demoCase(api: APIRequestContext, identifier: string): Promise<CaseView> {
  const response = await api.get(`/api/v1/cases?q=${identifier}`);
  expect(response.status()).toBe(200);
  const found = (await json<ListPage<CaseView>>(response)).items.find((c) => c.identifier === identifier);
  expect(found, `the demo case ${identifier}`).toBeTruthy();
  return found!;
}

/** The aging tag says its state in words and in colour: red for overdue, amber for due soon, green on track. */
async function expectAgingTone(row: ReturnType<Page["locator"]>, state: "OVERDUE" | "DUE_SOON" | "ON_TRACK") {
  const tones = { OVERDUE: ["Overdue", /bg-error-lighter/], DUE_SOON: ["Due soon", /bg-warning-lighter/], ON_TRACK: ["On track", /bg-success-lighter/] } as const;
  const aging = row.getByTestId("aging").first();
  await expect(aging).toHaveAttribute("data-aging", state);
  const tag = aging.locator("span").first();
  await expect(tag).toHaveText(tones[state][0]);
  await expect(tag).toHaveClass(tones[state][1]);
}

/**
 * Same checks as a11y.spec.ts: the skip link first (on the freshly loaded page), then one h1, the classification
 * banners, and a name on every control, button and fieldset. Controls behind a closed disclosure are out of the
 * accessibility tree until opened, as for a user, so the disclosures are opened first (as lor-screens.spec.ts does).
 */
async function checkBasics(page: Page) {
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main-content$/);
  await expect(page.locator("main#main-content")).toHaveCount(1);

  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
  for (const position of ["top", "bottom"]) {
    const banner = page.getByTestId(`classification-${position}`);
    await expect(banner).toBeVisible();
    await expect(banner).toHaveText("CUI");
  }
  await page.locator("main details:not([open]) > summary").evaluateAll((summaries) => summaries.forEach((s) => (s as HTMLElement).click()));
  const controls = page.locator('input:not([type="hidden"]), select, textarea');
  for (let i = 0; i < (await controls.count()); i += 1) {
    const control = controls.nth(i);
    await expect(control, `control #${(await control.getAttribute("id")) ?? i} needs a label`).toHaveAccessibleName(/\S/);
  }
  const buttons = page.getByRole("button");
  for (let i = 0; i < (await buttons.count()); i += 1) await expect(buttons.nth(i)).toHaveAccessibleName(/\S/);
  const groups = page.locator("main fieldset");
  for (let i = 0; i < (await groups.count()); i += 1) await expect(groups.nth(i), `fieldset ${i} needs a legend`).toHaveAccessibleName(/\S/);
}

/** ids that occur more than once on the page (labels and aria-describedby then point at the wrong element). */
async function duplicateIds(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const seen = new Map<string, number>();
    for (const element of document.querySelectorAll("[id]")) seen.set(element.id, (seen.get(element.id) ?? 0) + 1);
    return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
  });
}

test.describe("the reviewers' inbox", () => {
  for (const size of WIDTHS) {
    test(`DTSA's My tasks shows the overdue demo review in red, ${size.width} px`, async ({ page }) => {
      await page.setViewportSize(size);
      await signIn(page, DTSA);
      await page.goto("/tasks");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("My tasks");
      await expect(page.getByText("Reviews and case steps waiting on Defense Technology Security Administration")).toBeVisible();
      const row = page.locator('[data-testid="task-row"][data-case="SR-P-AAA"]');
      await expect(row).toHaveCount(1);
      await expect(row).toHaveAttribute("data-aging", "OVERDUE");
      await expect(row).toContainText("DTSA technology-security review (round 1)");
      await expect(row).toContainText("Saudi Arabia");
      await expectAgingTone(row, "OVERDUE");
      // The red tag shows without scrolling the table sideways, on a phone too.
      const table = page.getByRole("region", { name: "My tasks" });
      const [tagBox, tableBox] = [await row.getByTestId("aging").locator("span").first().boundingBox(), await table.boundingBox()];
      expect(await table.evaluate((t) => t.scrollLeft)).toBe(0);
      expect(tagBox!.x + tagBox!.width, "the aging tag's right edge").toBeLessThanOrEqual(tableBox!.x + tableBox!.width);
      // Most urgent first: the overdue rows lead the table.
      const states = await page.getByTestId("task-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-aging")));
      expect(states[0]).toBe("OVERDUE");
      expect(states.lastIndexOf("OVERDUE")).toBe(states.filter((s) => s === "OVERDUE").length - 1);
      const summary = page.getByTestId("task-summary");
      await expect(summary).toContainText("Overdue");
      expect(Number(await summary.getByRole("link", { name: /Overdue/ }).locator("span").first().textContent())).toBe(states.filter((s) => s === "OVERDUE").length);
      await saveScreen(page, `case-screen-tasks-dtsa-${size.name}`);
      if (size.width === 390) await expectNoHorizontalScroll(page);

      // The overdue filter keeps only red rows.
      await page.getByLabel("Overdue only").check();
      await page.getByRole("button", { name: "Apply" }).click();
      await expect(page).toHaveURL(/overdue=true/);
      await expect(row).toHaveCount(1);
      const filtered = await page.getByTestId("task-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-aging")));
      expect(new Set(filtered)).toEqual(new Set(["OVERDUE"]));
    });
  }

  test("State's My tasks: the same demo case is overdue for State too, 390 px", async ({ page }) => {
    await page.setViewportSize(WIDTHS[1]);
    await signIn(page, STATE);
    await page.goto("/tasks");
    const row = page.locator('[data-testid="task-row"][data-case="SR-P-AAA"]');
    await expect(row).toContainText("State PM approval (round 1)");
    await expectAgingTone(row, "OVERDUE");
    // The second demo review (SR-P-AAB) opened eight business days ago: 80% of State's 10-business-day target, amber.
    const amber = page.locator('[data-testid="task-row"][data-case="SR-P-AAB"]');
    await expectAgingTone(amber, "DUE_SOON");
    await saveScreen(page, "case-screen-tasks-state-mobile");
    await expectNoHorizontalScroll(page);
  });
});

test.describe("the case page for U.S. Government staff", () => {
  for (const size of WIDTHS) {
    test(`State on SR-P-AAA: review panel, notification and workflow diagram, ${size.width} px`, async ({ page }) => {
      await page.setViewportSize(size);
      await signIn(page, STATE);
      const found = await demoCase(page.request, "SR-P-AAA");
      await page.goto(`/cases/${found.id}`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Case SR-P-AAA");
      await expect(page.getByTestId("case-status")).toHaveAttribute("data-status", "IN_REVIEW");
      // DSCA has concurred: the case waits on the two reviews still open and on State's clearance of the notification.
      await expect(page.getByTestId("waiting-on")).toHaveText("State and DTSA reviews; State to clear the congressional notification");

      const reviews = page.getByTestId("reviews");
      await expect(reviews).toBeVisible();
      await expect(reviews).toContainText("Round 1: 1 of 3 offices have concurred.");
      await expect(page.getByTestId("review-DSCA")).toHaveAttribute("data-review-status", "DECIDED");
      await expect(page.getByTestId("review-DSCA")).toContainText("Concurred with comment");
      await expect(page.getByTestId("review-DSCA")).toContainText("Dana Whitfield");
      await expect(page.getByTestId("review-DSCA")).toContainText("Pricing notes reviewed; note 12 wording updated.");
      for (const office of ["STATE_PM", "DTSA"]) {
        const card = page.getByTestId(`review-${office}`);
        await expect(card).toHaveAttribute("data-review-status", "OPEN");
        await expect(card).toContainText("Pending");
        await expectAgingTone(card, "OVERDUE");
      }
      await expect(page.getByTestId("notification")).toContainText("With State for clearance");

      // The diagram waits behind a closed disclosure; the page leads with the current step and what comes next.
      await expect(page.getByTestId("case-step")).toContainText("Step 3 of 13: In review");
      await expect(page.getByTestId("case-next-step")).toContainText("Ready to sign");
      const diagram = page.getByTestId("workflow-diagram");
      await expect(diagram).toBeVisible();
      await expect(diagram.locator("svg").first()).toBeHidden();
      await diagram.getByText("How this case moves through its steps").click();
      const svg = diagram.locator("svg").first();
      await expect(svg).toBeVisible();
      const box = await svg.boundingBox();
      expect(box!.width).toBeGreaterThan(100);
      expect(box!.height).toBeGreaterThan(100);
      await expect(diagram).toContainText("The current state (In review)");
      // Never shrunk to unreadable: on a phone the diagram keeps its size and scrolls inside its own box.
      expect(box!.width).toBeGreaterThanOrEqual(880);
      if (size.width === 390) {
        const scroller = diagram.getByTestId("workflow-diagram-scroll");
        expect(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
        await expect(scroller).toHaveAttribute("tabindex", "0");
      }
      await expect(page.getByTestId("audit-chain")).toContainText("Audit chain verified");
      // State's own work: its review and the notification clearance.
      for (const event of ["concur", "concur-with-comment", "return-for-rework", "disapprove", "clear-notification"]) {
        await expect(page.getByTestId(`action-${event}`), event).toBeVisible();
      }
      await saveScreen(page, `case-screen-usg-case-${size.name}`);
      if (size.width === 390) await expectNoHorizontalScroll(page);
    });
  }
});

test.describe("the partner's offered case", () => {
  for (const size of WIDTHS) {
    test(`BN-P-AAB for the Bandarian officer: the offer with its countdown, ${size.width} px`, async ({ page }) => {
      await page.setViewportSize(size);
      await signIn(page, PARTNER_BN);
      const found = await demoCase(page.request, "BN-P-AAB");
      expect(found.status).toBe("OFFERED");
      if (size.width === 390) {
        // On a phone the header is one short row: the name, the bell and a Menu button that opens the navigation and
        // the person's name and role.
        const menu = page.getByRole("button", { name: "Menu" });
        await expect(menu).toHaveAttribute("aria-expanded", "false");
        await expect(page.getByRole("link", { name: /notification/i }).first()).toBeVisible();
        await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
        await expect(page.getByTestId("user-name")).toBeHidden();
        const header = await page.locator("header").boundingBox();
        expect(header!.height).toBeLessThan(200);
        await menu.click();
        await expect(page.getByRole("button", { name: "Close menu" })).toHaveAttribute("aria-expanded", "true");
        await expect(page.getByTestId("user-name")).toBeVisible();
        await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My cases" }).click();
      } else {
        await expect(page.getByRole("button", { name: "Menu" })).toBeHidden();
        await page.goto("/cases");
      }
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("My cases");
      await page.getByTestId("case-row").filter({ hasText: "BN-P-AAB" }).getByRole("link", { name: "BN-P-AAB" }).click();
      await expect(page).toHaveURL(`${BASE_URL}/cases/${found.id}`);
      await expect(page.getByTestId("case-status")).toHaveAttribute("data-status", "OFFERED");

      const offer = page.getByTestId("offer-panel");
      await expect(offer).toBeVisible();
      await expect(offer.getByTestId("offer-expires")).toHaveAttribute("datetime", found.milestones.offerExpiresAt!);
      // Offered 26 days ago from an LOA approved 40 days ago: 45 of the 85 days are left.
      const days = Math.floor((Date.parse(found.milestones.offerExpiresAt!) - Date.now()) / 86_400_000);
      await expect(offer.getByTestId("oed-countdown")).toHaveText(new RegExp(`^${days} days \\d{1,2} hours? left$`));
      expect(days).toBe(44);
      await expect(page.getByTestId("action-accept")).toBeVisible();
      await expect(page.getByTestId("action-accept").getByLabel("Name of the person signing")).toBeVisible();
      await expect(page.getByTestId("action-request-changes")).toBeVisible();
      // The comment State marked for the partner is there; DSCA's internal one is not; no USG-only panels.
      await expect(page.getByTestId("timeline-comment")).toContainText(["End-use monitoring applies to the night-vision devices."]);
      await expect(page.getByText("CPD confirmed the payment schedule")).toHaveCount(0);
      for (const id of ["reviews", "notification", "audit-chain", "workflow-diagram"]) await expect(page.getByTestId(id), id).toHaveCount(0);
      await saveScreen(page, `case-screen-partner-offer-${size.name}`);
      if (size.width === 390) await expectNoHorizontalScroll(page);
    });
  }
});

test.describe("accessibility basics on the case screens", () => {
  test("/tasks for DTSA", async ({ page }) => {
    await signIn(page, DTSA);
    await page.goto("/tasks");
    await expect(page).toHaveURL(`${BASE_URL}/tasks`);
    await checkBasics(page);
    expect(await duplicateIds(page)).toEqual([]);
  });

  test("/cases/{id} for State, with every action form opened", async ({ page }) => {
    await signIn(page, STATE);
    const found = await demoCase(page.request, "SR-P-AAA");
    await page.goto(`/cases/${found.id}`);
    await checkBasics(page);
    // The disclosures really were opened and checked: the review forms' fields are there.
    await expect(page.getByTestId("action-return-for-rework").getByLabel("Comment or reason")).toBeVisible();
    await expect(page.getByTestId("action-concur-with-comment").getByRole("group", { name: "Who may read this comment?" })).toBeVisible();
    expect(await page.locator('main textarea').count()).toBeGreaterThanOrEqual(4);
  });

  test("/cases/{id} for the partner", async ({ page }) => {
    await signIn(page, PARTNER_BN);
    const found = await demoCase(page.request, "BN-P-AAB");
    await page.goto(`/cases/${found.id}`);
    await checkBasics(page);
    await expect(page.getByTestId("action-request-changes").getByLabel("Comment or reason")).toBeVisible();
    expect(await duplicateIds(page)).toEqual([]);
  });

  test("the USG case page has no duplicate ids", async ({ page }) => {
    // Regression: every comment form rendered its visibility hint as id="commentVisibility-hint", so the id repeated
    // and each fieldset pointed at the first form's hint.
    await signIn(page, STATE);
    const found = await demoCase(page.request, "SR-P-AAA");
    await page.goto(`/cases/${found.id}`);
    expect(await duplicateIds(page)).toEqual([]);
  });
});
