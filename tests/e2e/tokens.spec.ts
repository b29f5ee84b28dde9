import { expect, test } from "./fixtures";
import { bareApi, closeAll, json, SAME_ORIGIN, signIn, unique, type ApiError } from "./helpers";

type Me = { email: string; role: string; authenticatedWith: string };
type Token = { id: string; name: string; prefix: string; revokedAt: string | null; expiresAt: string | null; secret?: string };

test.describe("personal API tokens", () => {
  // Its page.request writes with the session cookie: say it is our own origin, as a browser would (ADR 0022).
  test.use({ extraHTTPHeaders: SAME_ORIGIN });
  test("create in the UI, shown once, works as a bearer token, revoke in the UI", async ({ page }) => {
    const name = unique("ui-token");
    await signIn(page, "navy@caseway.example");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Profile" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your profile");

    await page.getByLabel("Token name").fill(name);
    await page.getByLabel("Expires after (days)").fill("30");
    await page.getByRole("button", { name: "Create token" }).click();
    await expect(page.getByTestId("token-created")).toContainText(name);
    await expect(page.getByTestId("token-created")).toContainText("will not be shown again");
    const secret = (await page.getByTestId("token-secret").textContent())?.trim() ?? "";
    expect(secret).toMatch(/^cwt_[A-Za-z0-9_-]{40,}$/);
    const row = page.getByTestId("token-row").filter({ hasText: name });
    await expect(row).toContainText(`${secret.slice(0, 10)}…`);
    await expect(row).toContainText("Active");

    // The secret is shown once: after a reload only its prefix remains.
    await page.reload();
    await expect(page.getByTestId("token-secret")).toHaveCount(0);
    await expect(page.getByText(secret)).toHaveCount(0);
    await expect(row).toContainText(`${secret.slice(0, 10)}…`);
    expect(await page.content()).not.toContain(secret);

    // A fresh request context without cookies, using only the token.
    const api = await bareApi(secret);
    const me = await api.get("/api/v1/me");
    expect(me.status()).toBe(200);
    const body = await json<Me>(me);
    expect(body).toMatchObject({ email: "navy@caseway.example", role: "IA_CASE_MANAGER", authenticatedWith: "api_token" });

    await page.getByRole("button", { name: `Revoke token ${name}` }).click();
    await expect(row).toContainText("Revoked");
    await expect(page.getByRole("button", { name: `Revoke token ${name}` })).toHaveCount(0);

    const refused = await api.get("/api/v1/me");
    expect(refused.status()).toBe(401);
    expect((await json<ApiError>(refused)).error.code).toBe("UNAUTHENTICATED");
    await closeAll(api);
  });

  test("create, list and revoke through the API", async ({ page }) => {
    await signIn(page, "dsca@caseway.example");
    const session = page.request;
    const name = unique("api-token");

    const created = await session.post("/api/v1/me/tokens", { data: { name, expiresInDays: 7 } });
    expect(created.status()).toBe(201);
    const token = await json<Token>(created);
    expect(token.name).toBe(name);
    expect(token.secret).toMatch(/^cwt_/);
    expect(token.prefix).toBe(token.secret!.slice(0, 10));
    const days = (Date.parse(token.expiresAt!) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);

    const api = await bareApi(token.secret);
    expect(await json<Me>(await api.get("/api/v1/me"))).toMatchObject({ email: "dsca@caseway.example", authenticatedWith: "api_token" });
    // The list never repeats the secret.
    const listed = await json<{ items: Token[] }>(await api.get("/api/v1/me/tokens"));
    const mine = listed.items.find((t) => t.id === token.id);
    expect(mine).toMatchObject({ name, revokedAt: null });
    expect(JSON.stringify(listed)).not.toContain(token.secret!);

    // Without a session or token nobody can revoke it.
    const other = await bareApi();
    expect((await other.delete(`/api/v1/me/tokens/${token.id}`)).status()).toBe(401);

    const revoked = await session.delete(`/api/v1/me/tokens/${token.id}`);
    expect(revoked.status()).toBe(200);
    expect((await json<Token>(revoked)).revokedAt).not.toBeNull();
    const refused = await api.get("/api/v1/me");
    expect(refused.status()).toBe(401);
    expect((await json<ApiError>(refused)).error.code).toBe("UNAUTHENTICATED");

    // Revoked tokens show as such on the profile page.
    await page.goto("/profile");
    await expect(page.getByTestId("token-row").filter({ hasText: name })).toContainText("Revoked");
    await closeAll(api, other);
  });

  test("one user's token id is not found for another user", async ({ page, browser }) => {
    await signIn(page, "state@caseway.example");
    const created = await json<Token>(await page.request.post("/api/v1/me/tokens", { data: { name: unique("private") } }));
    const otherContext = await browser.newContext({ extraHTTPHeaders: SAME_ORIGIN });
    const otherPage = await otherContext.newPage();
    await signIn(otherPage, "dtsa@caseway.example");
    const response = await otherContext.request.delete(`/api/v1/me/tokens/${created.id}`);
    expect(response.status()).toBe(404);
    expect((await json<ApiError>(response)).error.code).toBe("NOT_FOUND");
    // Still usable by its owner.
    const api = await bareApi(created.secret);
    expect((await api.get("/api/v1/me")).status()).toBe(200);
    await closeAll(api, otherContext);
  });
});
