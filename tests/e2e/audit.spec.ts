import { expect, test } from "@playwright/test";
import { BASE_URL, DEMO_PASSWORD, json, signIn, submitSignIn, uniqueEmail } from "./helpers";

type AuditEvent = { action: string; outcome: string; actorEmail: string | null; details: Record<string, unknown> | null };

test.describe("audit log", () => {
  test("the auditor sees sign-ins, including a failed one, and can filter by outcome", async ({ page }) => {
    const auditor = "auditor@caseway.example";
    const stranger = uniqueEmail("nobody");

    // A failed attempt for an address nobody has, then the auditor mistypes their own password once.
    await page.goto("/signin");
    await submitSignIn(page, stranger, "guessing-1");
    await expect(page.getByTestId("signin-error")).toBeVisible();
    await submitSignIn(page, auditor, "wrong-password");
    await expect(page.getByTestId("signin-error")).toBeVisible();
    await signIn(page, auditor, DEMO_PASSWORD);

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).click();
    await expect(page).toHaveURL(`${BASE_URL}/audit`);
    const rows = page.getByTestId("audit-row");
    await expect(page.getByTestId("audit-table")).toBeVisible();
    // Newest first: the auditor's own successful sign-in, just after their failed one.
    await expect(rows.first()).toContainText("auth.sign_in");
    await expect(rows.first()).toContainText(auditor);
    await expect(rows.first()).toContainText("SUCCESS");
    await expect(rows.nth(1)).toContainText(auditor);
    await expect(rows.nth(1)).toContainText("FAILURE");
    await expect(rows.filter({ hasText: stranger })).toContainText("FAILURE");

    // Filter to failures only.
    await page.getByLabel("Outcome").selectOption({ label: "Failure" });
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/[?&]outcome=FAILURE/);
    await expect(page.getByLabel("Outcome")).toHaveValue("FAILURE");
    await expect(rows.first()).toBeVisible();
    const count = await rows.count();
    expect(count).toBeGreaterThanOrEqual(2);
    for (let i = 0; i < count; i += 1) {
      await expect(rows.nth(i)).toContainText("FAILURE");
      await expect(rows.nth(i)).not.toContainText("SUCCESS");
    }
    await expect(rows.filter({ hasText: stranger })).toHaveCount(1);
    await expect(rows.filter({ hasText: auditor }).first()).toBeVisible();

    // And narrow to one person.
    await page.getByLabel("Person (email)").fill(stranger);
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(stranger);

    // The API agrees and says why it failed.
    const api = await json<{ items: AuditEvent[]; total: number }>(
      await page.request.get(`/api/v1/audit-events?outcome=FAILURE&actor=${encodeURIComponent(auditor)}`),
    );
    expect(api.items[0]).toMatchObject({ action: "auth.sign_in", outcome: "FAILURE", actorEmail: auditor });
    expect(api.items[0]!.details).toMatchObject({ reason: "wrong_password" });
    const strangers = await json<{ items: AuditEvent[] }>(await page.request.get(`/api/v1/audit-events?actor=${encodeURIComponent(stranger)}`));
    expect(strangers.items).toHaveLength(1);
    expect(strangers.items[0]!.details).toMatchObject({ reason: "unknown_email" });
  });

  test("the audit log cannot be changed through the API", async ({ page }) => {
    await signIn(page, "auditor@caseway.example");
    for (const method of ["post", "patch", "delete"] as const) {
      const response = await page.request[method]("/api/v1/audit-events", method === "delete" ? {} : { data: {} });
      expect(response.status(), method).toBe(405);
    }
  });
});
