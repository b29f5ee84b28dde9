import { expect, test } from "./fixtures";
import { BASE_URL, saveScreen, signIn } from "./helpers";
import { PARTNER_BN } from "./case-helpers";
import { checkA11yBasics, expectNoPageScroll, WORKED_EXAMPLE_TOTALS } from "./loa-helpers";

// The what-if calculator (/pricing): anyone signed in prices lines at the rates in force on a day, and sees whether
// Congress would need to be notified. Nothing is saved.

test.describe("the what-if pricing calculator", () => {
  test("a partner prices the worked example and tips it over the notification threshold", async ({ page }) => {
    await signIn(page, PARTNER_BN);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "What-if pricing" }).click();
    await expect(page).toHaveURL(`${BASE_URL}/pricing`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("What-if pricing");
    await expect(page.getByTestId("calc-lines").locator("tbody tr")).toHaveCount(3);

    await page.getByTestId("calc-date").fill("2026-01-15");
    await expect(page.getByTestId("calc-total-001")).toHaveText("$10,600,000.00");
    await expect(page.getByTestId("summary-net")).toHaveText(WORKED_EXAMPLE_TOTALS.net);
    await expect(page.getByTestId("summary-pch")).toHaveText(WORKED_EXAMPLE_TOTALS.pch);
    await expect(page.getByTestId("summary-admin")).toHaveText(WORKED_EXAMPLE_TOTALS.admin);
    await expect(page.getByTestId("summary-transport")).toHaveText(WORKED_EXAMPLE_TOTALS.transport);
    await expect(page.getByTestId("summary-total")).toHaveText(WORKED_EXAMPLE_TOTALS.total);
    await expect(page.getByTestId("notification-required")).toContainText("Below every notification threshold.");

    // NATO+ thresholds are higher: still no notification.
    const natoPlus = page.getByTestId("calc-nato-plus");
    await natoPlus.check();
    await expect(page.getByTestId("notification-required")).toContainText("Below every notification threshold.");
    await expect(page.getByTestId("notification-required")).toContainText("NATO+ purchaser thresholds");
    await page.setViewportSize({ width: 1280, height: 900 });
    await saveScreen(page, "loa-pricing-calculator");

    // 14 vehicles outside NATO+: $14M of MDE (plus nonrecurring cost) crosses the $14M MDE threshold.
    await natoPlus.uncheck();
    await page.getByLabel("Line 001 quantity").fill("14");
    await expect(page.getByTestId("calc-total-001")).toHaveText("$14,840,000.00");
    await expect(page.getByTestId("notification-required")).toContainText("Congressional notification required");
    await expect(page.getByTestId("meter-MDE")).toHaveAttribute("data-met", "true");
    await expect(page.getByTestId("headroom-MDE")).toHaveText("Threshold reached: notification required.");
    // The same lines for a NATO+ purchaser stay under.
    await natoPlus.check();
    await expect(page.getByTestId("notification-required")).toContainText("Below every notification threshold.");

    // A cell that cannot be read is flagged, not silently priced.
    await page.getByLabel("Line 002 unit cost").fill("two million");
    await expect(page.getByLabel("Line 002 unit cost")).toHaveAttribute("aria-invalid", "true");
  });

  test("the calculator passes the accessibility basics and does not scroll sideways at 390 px", async ({ page }) => {
    await signIn(page, PARTNER_BN);
    await page.goto("/pricing");
    await checkA11yBasics(page);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await expect(page.getByTestId("calc-lines")).toBeVisible();
    await expectNoPageScroll(page);
  });
});
