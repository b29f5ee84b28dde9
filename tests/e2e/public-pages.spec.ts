import { expect, test } from "./fixtures";
import { saveScreen, signIn } from "./helpers";

// The accessibility statement, privacy notice and help: readable without signing in, linked from every page's footer.
const PAGES = [
  { path: "/accessibility", heading: "Accessibility statement", link: "Accessibility", mustSay: ["WCAG", "Known limitations", "Tell us about a problem"] },
  { path: "/privacy", heading: "Privacy", link: "Privacy", mustSay: ["only their own country", "Audit log", "What we collect"] },
  { path: "/help", heading: "Help", link: "Help", mustSay: ["partner-nation officer", "Where your tasks are", "Contact"] },
];

for (const p of PAGES) {
  test(`${p.path} is public, says what it must, and is linked from the footer`, async ({ page }) => {
    await page.goto(p.path);
    await expect(page).toHaveURL(new RegExp(`${p.path}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(p.heading);
    for (const text of p.mustSay) await expect(page.getByRole("main")).toContainText(text);
    await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
    await saveScreen(page, `public${p.path.replace("/", "-")}`);
  });
}

test("a signed-in page's footer links to accessibility, privacy and help", async ({ page }) => {
  await signIn(page, "partner.bn@caseway.example");
  const footer = page.getByRole("navigation", { name: "About Caseway" });
  await expect(footer.getByRole("link")).toHaveText(PAGES.map((p) => p.link));
  await footer.getByRole("link", { name: "Accessibility" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accessibility statement");
  await expect(page.getByRole("link", { name: "Back to Caseway" })).toBeVisible();
});
