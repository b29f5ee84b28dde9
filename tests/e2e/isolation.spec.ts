import { expect, test, type APIRequestContext, type BrowserContext, type Page } from "./fixtures";
import { ADMIN, BASE_URL, closeAll, json, organizationByCode, signedInContext, type ApiError, type Organization } from "./helpers";

// Partner officers see their own country only; another country's records do not exist for them (404, not 403).
test.describe("country isolation for partner officers", () => {
  let bandaria: Organization;
  let saudi: Organization;
  let partner: { context: BrowserContext; page: Page; api: APIRequestContext };

  test.beforeAll(async ({ browser }) => {
    const admin = await signedInContext(browser, ADMIN);
    bandaria = await organizationByCode(admin.api, "PARTNER_COUNTRY", "BN");
    saudi = await organizationByCode(admin.api, "PARTNER_COUNTRY", "SR");
    await closeAll(admin.context);
    partner = await signedInContext(browser, "partner.sr@caseway.example");
  });

  test.afterAll(async () => {
    await closeAll(partner?.context);
  });

  test("cannot open another country's organization page", async () => {
    const { page } = partner;
    const response = await page.goto(`/organizations/${bandaria.id}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
    await expect(page.getByText("Bandaria")).toHaveCount(0);
  });

  test("cannot read another country through the API", async () => {
    const response = await partner.api.get(`/api/v1/organizations/${bandaria.id}`);
    expect(response.status()).toBe(404);
    const body = await json<ApiError>(response);
    expect(body.error.code).toBe("NOT_FOUND");
    expect(JSON.stringify(body)).not.toContain("Bandaria");
  });

  test("the organization list holds only the partner's own country", async () => {
    const response = await partner.api.get("/api/v1/organizations");
    expect(response.status()).toBe(200);
    const { items } = await json<{ items: Organization[] }>(response);
    expect(items.map((o) => o.code)).toEqual(["SR"]);
    // Asking for all partner countries does not widen it.
    const partners = await json<{ items: Organization[] }>(await partner.api.get("/api/v1/organizations?kind=PARTNER_COUNTRY"));
    expect(partners.items.map((o) => o.id)).toEqual([saudi.id]);
  });

  test("can open its own country's page, from the navigation", async () => {
    const { page } = partner;
    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My country" }).click();
    await expect(page).toHaveURL(`${BASE_URL}/organizations/${saudi.id}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Saudi Arabia");
    await expect(page.getByTestId("organization-members")).toContainText("partner.sr@caseway.example");
    await expect(page.getByTestId("organization-members")).not.toContainText("partner.bn@caseway.example");
    // The USG list of all organizations sends a partner back to their own country.
    await page.goto("/organizations");
    await expect(page).toHaveURL(`${BASE_URL}/organizations/${saudi.id}`);
  });

  test("gets the 403 page for user administration and the audit log", async () => {
    const { page } = partner;
    for (const path of ["/admin/users", "/admin/users/new", "/audit"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("You do not have access to this page");
      await expect(page.getByTestId("user-table")).toHaveCount(0);
      await expect(page.getByTestId("audit-table")).toHaveCount(0);
    }
  });

  test("gets 403 JSON from the users and audit APIs", async () => {
    for (const path of ["/api/v1/users", "/api/v1/audit-events"]) {
      const response = await partner.api.get(path);
      expect(response.status(), path).toBe(403);
      expect((await json<ApiError>(response)).error.code).toBe("FORBIDDEN");
    }
    const create = await partner.api.post("/api/v1/users", {
      data: { email: "sneaky@e2e.caseway.example", name: "Sneaky", role: "ADMIN", organizationId: saudi.id, password: "Sneaky-password-123" },
    });
    expect(create.status()).toBe(403);
  });
});
