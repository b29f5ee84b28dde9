import { expect, test } from "./fixtures";
import {
  ADMIN,
  BASE_URL,
  DEMO_PASSWORD,
  DEMO_USERS,
  bareApi,
  closeAll,
  createUserViaApi,
  json,
  organizationByCode,
  saveScreen,
  signIn,
  signedInContext,
  submitSignIn,
  uniqueEmail,
  type ApiError,
} from "./helpers";

test.describe("sign-in page", () => {
  test("shows the form; screenshot for people to look at", async ({ page }) => {
    await page.goto("/signin");
    await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
    await expect(page.getByLabel("Email address")).toBeEditable();
    await expect(page.getByLabel("Password")).toHaveAttribute("type", "password");
    await saveScreen(page, "signin");
  });

  test("an anonymous visitor to / is sent to the sign-in page", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(`${BASE_URL}/signin`);
    await expect(page.getByTestId("session-ended")).toHaveCount(0);
  });
});

test.describe("each demo user signs in and sees their own home", () => {
  for (const user of DEMO_USERS) {
    const screen = user.role.toLowerCase() + (user.role === "PARTNER_OFFICER" ? `-${user.countryCode!.toLowerCase()}` : "");
    test(`${user.email} (${user.roleLabel})`, async ({ page }) => {
      await signIn(page, user.email);
      await expect(page.getByTestId(`home-${user.role.toLowerCase()}`)).toBeVisible();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Welcome, ${user.name.split(" ")[0]}`);
      await expect(page.getByTestId("user-name")).toHaveText(user.name);
      await expect(page.getByTestId("user-role")).toHaveText(user.roleLabel);
      await expect(page.getByTestId("user-organization")).toHaveText(user.organization);
      await expect(page.getByTestId("home-organization")).toHaveText(user.organization);
      if (user.countryCode) await expect(page.getByTestId("user-badge")).toContainText(`(${user.countryCode})`);
      // Navigation offers exactly what the role may open.
      await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveText(user.nav);
      await saveScreen(page, screen);
    });
  }
});

test.describe("wrong passwords", () => {
  test("a wrong password shows an error, stays on /signin and keeps the email", async ({ page }) => {
    const email = "dtsa@caseway.example";
    await page.goto("/signin");
    await submitSignIn(page, email, "not-the-password");
    await expect(page.getByTestId("signin-error")).toContainText("The email or password is incorrect");
    await expect(page).toHaveURL(`${BASE_URL}/signin`);
    await expect(page.getByLabel("Email address")).toHaveValue(email);
    await expect(page.getByTestId("user-badge")).toHaveCount(0);
    // A correct password afterwards still works (one failure does not lock the account).
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(`${BASE_URL}/`);
    await expect(page.getByTestId("home-dtsa_reviewer")).toBeVisible();
  });

  test("after 5 failures from one address even the right password waits, and the message says how long", async ({ browser, page }) => {
    // A fresh account, so no demo user gets locked out.
    const admin = await signedInContext(browser, ADMIN);
    const email = uniqueEmail("lockout");
    const password = "Lockout-test-password-1";
    const dsca = await organizationByCode(admin.api, "DSCA", "DSCA");
    await createUserViaApi(admin.api, { email, name: "Lock Out", role: "DSCA_ANALYST", organizationId: dsca.id, password });
    await closeAll(admin.context);

    await page.goto("/signin");
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      await submitSignIn(page, email, `wrong-password-${attempt}`);
      await expect(page.getByTestId("signin-error")).toContainText("The email or password is incorrect");
      await expect(page.getByLabel("Password")).toHaveValue("");
    }
    // The 5th failure starts the first delay (LOGIN_DELAY_MINUTES, 1 min), for this account from this address only.
    await submitSignIn(page, email, "wrong-password-5");
    await expect(page.getByTestId("signin-error")).toContainText("Too many failed attempts. Try again in 1 minute.");

    await submitSignIn(page, email, password);
    await expect(page.getByTestId("signin-error")).toContainText("Too many failed attempts. Try again in 1 minute.");
    await expect(page).toHaveURL(`${BASE_URL}/signin`);
    await page.goto("/");
    await expect(page).toHaveURL(`${BASE_URL}/signin`);
  });
});

test.describe("sign out", () => {
  test("ends the session in the browser and on the server", async ({ browser, page, context }) => {
    await signIn(page, "state@caseway.example");
    const cookies = await context.cookies();
    expect(cookies.some((c) => c.name.includes("session-token"))).toBe(true);
    // The session works for the API before signing out...
    expect((await context.request.get("/api/v1/me")).status()).toBe(200);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(`${BASE_URL}/signin?signedout=1`);
    await expect(page.getByTestId("signed-out")).toBeVisible();
    await page.goto("/");
    await expect(page).toHaveURL(/\/signin(\?|$)/);
    await expect(page.getByTestId("user-badge")).toHaveCount(0);

    // ...and the captured cookie no longer works anywhere once the session ended.
    const replay = await browser.newContext();
    await replay.addCookies(cookies);
    const response = await replay.request.get("/api/v1/me");
    expect(response.status()).toBe(401);
    expect((await json<ApiError>(response)).error.code).toBe("UNAUTHENTICATED");
    const replayPage = await replay.newPage();
    await replayPage.goto("/profile");
    await expect(replayPage).toHaveURL(/\/signin/);
    await closeAll(replay);
  });

  test("the API refuses requests without a session or token", async () => {
    const api = await bareApi();
    const response = await api.get("/api/v1/me");
    expect(response.status()).toBe(401);
    expect((await json<ApiError>(response)).error.code).toBe("UNAUTHENTICATED");
    const bad = await bareApi("cwt_not-a-real-token");
    expect((await bad.get("/api/v1/me")).status()).toBe(401);
    await closeAll(api, bad);
  });
});
