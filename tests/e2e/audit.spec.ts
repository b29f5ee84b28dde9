import { expect, test, type Page } from "./fixtures";
import { BASE_URL, DEMO_PASSWORD, json, signIn, submitSignIn, uniqueEmail } from "./helpers";

type AuditEvent = { action: string; outcome: string; actorEmail: string | null; details: Record<string, unknown> | null };

const AUDITOR = "auditor@caseway.example";

/** Every row on the page has this outcome (and there is at least one). */
async function expectAllRows(page: Page, outcome: string, other: string) {
  const rows = page.getByTestId("audit-row");
  await expect(rows.first()).toBeVisible();
  const count = await rows.count();
  for (let i = 0; i < count; i += 1) {
    await expect(rows.nth(i)).toContainText(outcome);
    await expect(rows.nth(i)).not.toContainText(other);
  }
}

test.describe("audit log", () => {
  test("the auditor sees sign-ins, including a failed one", async ({ page }) => {
    const stranger = uniqueEmail("nobody");
    // A failed attempt for an address nobody has, then the auditor mistypes their own password once.
    await page.goto("/signin");
    await submitSignIn(page, stranger, "guessing-1");
    await expect(page.getByTestId("signin-error")).toBeVisible();
    await submitSignIn(page, AUDITOR, "wrong-password");
    await expect(page.getByTestId("signin-error")).toBeVisible();
    await signIn(page, AUDITOR, DEMO_PASSWORD);

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).click();
    await expect(page).toHaveURL(`${BASE_URL}/audit`);
    const rows = page.getByTestId("audit-row");
    await expect(page.getByTestId("audit-table")).toBeVisible();
    // Newest first: the auditor's own successful sign-in, just after their failed one.
    await expect(rows.first()).toContainText("auth.sign_in");
    await expect(rows.first()).toContainText(AUDITOR);
    await expect(rows.first()).toContainText("SUCCESS");
    await expect(rows.nth(1)).toContainText("auth.sign_in");
    await expect(rows.nth(1)).toContainText(AUDITOR);
    await expect(rows.nth(1)).toContainText("FAILURE");
    await expect(rows.filter({ hasText: stranger })).toContainText("FAILURE");

    // The API agrees and says why each failed.
    const mine = await json<{ items: AuditEvent[] }>(
      await page.request.get(`/api/v1/audit-events?outcome=FAILURE&actor=${encodeURIComponent(AUDITOR)}`),
    );
    expect(mine.items[0]).toMatchObject({ action: "auth.sign_in", outcome: "FAILURE", actorEmail: AUDITOR });
    expect(mine.items[0]!.details).toMatchObject({ reason: "wrong_password" });
    const strangers = await json<{ items: AuditEvent[] }>(await page.request.get(`/api/v1/audit-events?actor=${encodeURIComponent(stranger)}`));
    expect(strangers.items).toHaveLength(1);
    expect(strangers.items[0]).toMatchObject({ outcome: "FAILURE", details: { reason: "unknown_email" } });
  });

  test("filtering by outcome and person (filter links)", async ({ page }) => {
    const stranger = uniqueEmail("nobody");
    await submitSignIn(page, stranger, "guessing-2");
    await expect(page.getByTestId("signin-error")).toBeVisible();
    await signIn(page, AUDITOR);
    await page.goto("/audit?outcome=FAILURE");
    await expect(page.getByLabel("Outcome")).toHaveValue("FAILURE");
    await expectAllRows(page, "FAILURE", "SUCCESS");
    await expect(page.getByTestId("audit-row").filter({ hasText: stranger })).toHaveCount(1);

    await page.goto("/audit?outcome=SUCCESS&action=auth.sign_in");
    await expectAllRows(page, "SUCCESS", "FAILURE");

    await page.goto(`/audit?actor=${encodeURIComponent(stranger)}`);
    await expect(page.getByTestId("audit-row")).toHaveCount(1);
    await expect(page.getByTestId("audit-row")).toContainText(stranger);
  });

  test("filtering by outcome with the filter form", async ({ page }) => {
    await signIn(page, AUDITOR);
    await page.goto("/audit");
    await page.getByLabel("Outcome").selectOption({ label: "Failure" });
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL(/[?&]outcome=FAILURE/);
    expect(await page.getByTestId("audit-filter-error").count(), "the filter form should not complain about empty fields").toBe(0);
    await expect(page.getByLabel("Outcome")).toHaveValue("FAILURE");
    await expectAllRows(page, "FAILURE", "SUCCESS");
  });

  test("the audit log cannot be changed through the API", async ({ page }) => {
    await signIn(page, AUDITOR);
    for (const method of ["post", "patch", "delete"] as const) {
      const response = await page.request[method]("/api/v1/audit-events", method === "delete" ? {} : { data: {} });
      expect(response.status(), method).toBe(405);
    }
  });
});
