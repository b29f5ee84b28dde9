import { expect, test } from "./fixtures";
import { BASE_URL, closeAll, newBandariaOfficer, saveScreen, signIn } from "./helpers";

// One's own signing key on the profile (issue 16 §5, ADR 0031): a person sees the key their decisions are signed with,
// rotates it, and revokes one they believe compromised, with a reason. A person made for the test, so no demo
// account's keys change under other journeys.

test("a partner officer rotates their signing key and revokes the old one, with a reason", async ({ browser }) => {
  const { email, password } = await newBandariaOfficer(browser, "signer");
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await signIn(page, email, password);
    await page.goto("/profile");
    const section = page.locator("#signing-key");
    await expect(section.getByRole("heading", { name: "Your signing key" })).toBeVisible();
    await expect(page.getByTestId("current-key")).toHaveText("You have no signing key yet: one is made the first time you sign a decision.");

    await section.getByRole("button", { name: "Rotate my signing key" }).click();
    await expect(page.getByTestId("key-rotated")).toContainText("A new signing key is in use:");
    await expect(page.getByTestId("key-row")).toHaveCount(1);
    const first = (await page.getByTestId("key-row").first().locator("td").first().textContent())!.trim();
    await expect(page.getByTestId("current-key")).toContainText(first);

    await section.getByRole("button", { name: "Rotate my signing key" }).click();
    await expect(page.getByTestId("key-row")).toHaveCount(2);
    await expect(page.getByTestId("key-row").nth(1)).toContainText("Rotated");
    await expect(page.getByTestId("current-key")).not.toContainText(first);

    // Revoke the old key: a reason is required.
    await section.getByTestId("revoke-key").locator("summary").click();
    await section.getByLabel("Key to revoke").selectOption(first);
    await section.getByRole("button", { name: "Revoke the key" }).click();
    await expect(page.getByTestId("key-revoke-error")).toBeVisible();
    await section.getByLabel("Why are you revoking it?").fill("The laptop that held my session was stolen");
    await section.getByRole("button", { name: "Revoke the key" }).click();
    await expect(page.getByTestId("key-revoked")).toContainText(`Key ${first} is revoked`);
    const revokedRow = page.getByTestId("key-row").filter({ hasText: first });
    await expect(revokedRow).toContainText("Revoked");
    await expect(revokedRow).toContainText("The laptop that held my session was stolen");
    await saveScreen(page, "profile-signing-key");

    // The API says the same.
    const listed = await context.request.get(`${BASE_URL}/api/v1/me/signing-key`);
    const { items } = (await listed.json()) as { items: { kid: string; current: boolean; revokedAt: string | null }[] };
    expect(items.find((k) => k.kid === first)?.revokedAt).not.toBeNull();
    expect(items.filter((k) => k.current)).toHaveLength(1);
  } finally {
    await closeAll(context);
  }
});
