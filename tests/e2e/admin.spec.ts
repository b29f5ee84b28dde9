import { expect, test, type Page } from "./fixtures";
import {
  ADMIN,
  BASE_URL,
  bareApi,
  closeAll,
  createUserViaApi,
  json,
  organizationByCode,
  SAME_ORIGIN,
  signIn,
  signedInContext,
  uniqueEmail,
  type ApiError,
} from "./helpers";

const DSCA_OPTION = "Defense Security Cooperation Agency (DSCA)";

async function openUser(page: Page, email: string) {
  await page.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  const row = page.getByTestId("user-row").filter({ hasText: email });
  await expect(row).toHaveCount(1);
  await row.getByRole("link").click();
  await expect(page).toHaveURL(/\/admin\/users\/[0-9a-f-]{36}$/);
}

test.describe("user administration", () => {
  // Its page.request writes with the session cookie: say it is our own origin, as a browser would (ADR 0022).
  test.use({ extraHTTPHeaders: SAME_ORIGIN });
  test("admin creates a user in the UI; deactivating them ends their session and their API token", async ({ browser, page }) => {
    const email = uniqueEmail("deactivate");
    const password = "Deactivate-me-password-1";

    // The administrator creates the account through the form.
    await signIn(page, ADMIN);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }).click();
    await expect(page.getByTestId("user-table")).toBeVisible();
    await page.getByRole("link", { name: "Add a user" }).click();
    await page.getByLabel("Full name").fill("Casey Deactivate");
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Role").selectOption({ label: "DSCA analyst" });
    await page.getByLabel("Organization").selectOption({ label: DSCA_OPTION });
    await page.getByLabel("Initial password").fill(password);
    await page.getByRole("button", { name: "Create user" }).click();
    await expect(page).toHaveURL(/\/admin\/users\/[0-9a-f-]{36}\?created=1$/);
    await expect(page.getByTestId("user-created")).toHaveText("Casey Deactivate can now sign in");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Casey Deactivate");
    const userPage = page.url().replace("?created=1", "");

    // The new user signs in elsewhere and makes an API token.
    const user = await signedInContext(browser, email, password);
    await expect(user.page.getByTestId("home-dsca_analyst")).toBeVisible();
    await expect(user.page.getByTestId("user-name")).toHaveText("Casey Deactivate");
    const created = await user.api.post("/api/v1/me/tokens", { data: { name: "Before deactivation", expiresInDays: 30 } });
    expect(created.status()).toBe(201);
    const { secret } = await json<{ secret: string }>(created);
    const tokenApi = await bareApi(secret);
    expect((await tokenApi.get("/api/v1/me")).status()).toBe(200);

    // The administrator deactivates them.
    await page.goto(userPage);
    await page.getByRole("button", { name: "Deactivate user" }).click();
    await expect(page.getByRole("button", { name: "Reactivate user" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 }).locator("xpath=..")).toContainText("Deactivated");

    // Their very next navigation ends at the sign-in page with a notice, and the token is dead.
    await user.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Profile" }).click();
    await expect(user.page).toHaveURL(`${BASE_URL}/signin?ended=1`);
    await expect(user.page.getByTestId("session-ended")).toBeVisible();
    const refused = await tokenApi.get("/api/v1/me");
    expect(refused.status()).toBe(401);
    expect((await json<ApiError>(refused)).error.code).toBe("UNAUTHENTICATED");
    expect((await user.api.get("/api/v1/me")).status()).toBe(401);

    // And they cannot sign in again.
    await user.page.getByLabel("Email address").fill(email);
    await user.page.getByLabel("Password").fill(password);
    await user.page.getByRole("button", { name: "Sign in" }).click();
    await expect(user.page.getByTestId("signin-error")).toBeVisible();
    await expect(user.page).toHaveURL(/\/signin/);

    // The users list shows them as deactivated.
    await page.goto(`/admin/users?q=${encodeURIComponent(email)}&status=inactive`);
    await expect(page.getByTestId("user-row").filter({ hasText: email })).toContainText("Deactivated");

    await closeAll(tokenApi, user.context);
  });

  test("a role change shows on the user's next page load", async ({ browser, page }) => {
    const email = uniqueEmail("rolechange");
    const password = "Role-change-password-1";
    const admin = await signedInContext(browser, ADMIN);
    const dsca = await organizationByCode(admin.api, "DSCA", "DSCA");
    await createUserViaApi(admin.api, { email, name: "Robin Rolechange", role: "DSCA_ANALYST", organizationId: dsca.id, password });

    await signIn(page, email, password);
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(page.getByTestId("user-role")).toHaveText("DSCA analyst");
    await expect(nav.getByRole("link", { name: "Audit log" })).toHaveCount(0);
    expect((await page.request.get("/api/v1/audit-events")).status()).toBe(403);

    await openUser(admin.page, email);
    await admin.page.getByLabel("Role", { exact: true }).selectOption({ label: "Auditor" });
    await expect(admin.page.getByLabel("Organization", { exact: true })).toHaveValue(dsca.id);
    await admin.page.getByRole("button", { name: "Save role and organization" }).click();
    await expect(admin.page.getByRole("heading", { level: 1 }).locator("xpath=..")).toContainText("Auditor");
    await expect(admin.page.getByText(/version 2$/)).toBeVisible();

    await page.reload();
    await expect(page.getByTestId("user-role")).toHaveText("Auditor");
    await expect(page.getByTestId("home-auditor")).toBeVisible();
    await nav.getByRole("link", { name: "Audit log" }).click();
    await expect(page.getByTestId("audit-table")).toBeVisible();
    expect((await page.request.get("/api/v1/audit-events")).status()).toBe(200);

    await closeAll(admin.context);
  });

  test("the admin sees a confirmation after saving a role change", async ({ browser, page }) => {
    const admin = await signedInContext(browser, ADMIN);
    const dsca = await organizationByCode(admin.api, "DSCA", "DSCA");
    const email = uniqueEmail("confirmation");
    const user = await createUserViaApi(admin.api, { email, name: "Conf Irmation", role: "DSCA_ANALYST", organizationId: dsca.id, password: "Confirmation-password-1" });
    await closeAll(admin.context);
    await signIn(page, ADMIN);
    await page.goto(`/admin/users/${user.id}`);
    await page.getByLabel("Role", { exact: true }).selectOption({ label: "Auditor" });
    await page.getByRole("button", { name: "Save role and organization" }).click();
    await expect(page.getByText(/version 2$/)).toBeVisible();
    await expect(page.getByTestId("user-updated")).toContainText("Conf Irmation now has the role and organization shown below");
  });

  test("searching users with the search form", async ({ page }) => {
    await signIn(page, ADMIN);
    await page.goto("/admin/users");
    await page.getByLabel("Name, email or organization").fill("partner.");
    // The page's own search form, not the site-wide one in the header.
    await page.getByRole("search", { name: "Find users" }).getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/[?&]q=partner\./);
    expect(await page.getByTestId("search-error").count(), "the search form should not complain about empty fields").toBe(0);
    await expect(page.getByTestId("user-row")).toHaveCount(2);
    await expect(page.getByTestId("user-table")).toContainText("partner.sr@caseway.example");
    await expect(page.getByTestId("user-table")).toContainText("partner.bn@caseway.example");
  });

  test("searching users with a link (query string)", async ({ page }) => {
    await signIn(page, ADMIN);
    await page.goto("/admin/users?q=partner.&status=active");
    await expect(page.getByTestId("user-row")).toHaveCount(2);
    await expect(page.getByLabel("Name, email or organization")).toHaveValue("partner.");
    await page.goto("/admin/users?role=AUDITOR");
    await expect(page.getByTestId("user-row").first()).toBeVisible();
    for (const row of await page.getByTestId("user-row").all()) await expect(row).toContainText("Auditor");
  });

  test("the admin cannot change or deactivate their own account", async ({ page }) => {
    await signIn(page, ADMIN);
    await openUser(page, ADMIN);
    await expect(page.getByText("This is your own account")).toBeVisible();
    await expect(page.getByRole("button", { name: "Deactivate user" })).toHaveCount(0);
    const me = await json<{ id: string }>(await page.request.get("/api/v1/me"));
    const user = await json<{ version: number }>(await page.request.get(`/api/v1/users/${me.id}`));
    const response = await page.request.patch(`/api/v1/users/${me.id}`, { data: { expectedVersion: user.version, active: false } });
    expect(response.status()).toBe(403);
    expect((await json<ApiError>(response)).error.code).toBe("FORBIDDEN");
  });
});
