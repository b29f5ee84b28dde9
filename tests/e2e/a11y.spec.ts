import { expect, test, type Page } from "./fixtures";
import { ADMIN, BASE_URL, signIn } from "./helpers";

// Basics a keyboard or screen-reader user relies on, checked on each kind of page.
async function checkBasics(page: Page) {
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);

  const controls = page.locator('input:not([type="hidden"]), select, textarea');
  const count = await controls.count();
  for (let i = 0; i < count; i += 1) {
    const control = controls.nth(i);
    const id = await control.getAttribute("id");
    await expect(control, `control #${id ?? i} needs a label`).toHaveAccessibleName(/\S/);
  }
  const buttons = page.getByRole("button");
  for (let i = 0; i < (await buttons.count()); i += 1) await expect(buttons.nth(i)).toHaveAccessibleName(/\S/);

  for (const position of ["top", "bottom"]) {
    const banner = page.getByTestId(`classification-${position}`);
    await expect(banner).toBeVisible();
    await expect(banner).toHaveText("CUI");
  }

  // The skip link is the first stop for the keyboard (on a freshly loaded page), and it leads to the main content.
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main-content$/);
  await expect(page.locator("main#main-content")).toHaveCount(1);
}

test("sign-in page", async ({ page }) => {
  await page.goto("/signin");
  await checkBasics(page);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page).toHaveTitle(/Sign in/);
});

for (const path of ["/", "/profile", "/admin/users", "/admin/users/new", "/audit", "/organizations"]) {
  test(`signed-in page ${path}`, async ({ page }) => {
    await signIn(page, ADMIN);
    await page.goto(path);
    await expect(page).toHaveURL(`${BASE_URL}${path}`);
    await checkBasics(page);
  });
}
