// Search (issue 18, ADR 0026): the header's search box finds demo records by a word, with the word highlighted and
// each result a link; a partner searching another country's case identifier finds nothing, in the page and the API.
import { expect, test } from "./fixtures";
import { expectNoSeriousAxeViolations } from "./axe";
import { BASE_URL, closeAll, json, saveScreen, signedInContext } from "./helpers";

test("a DSCA analyst searches from the header, sees highlighted results by kind and opens one", async ({ browser }) => {
  const dsca = await signedInContext(browser, "dsca@caseway.example");
  const { page } = dsca;
  await page.getByLabel("Search Caseway").fill("coastal");
  await page.getByLabel("Search Caseway").press("Enter");
  await expect(page).toHaveURL(/\/search\?q=coastal/);
  await expect(page.getByRole("heading", { name: "Search", level: 1 })).toBeVisible();
  const results = page.getByTestId("search-result");
  await expect(results.first()).toBeVisible();
  await expect(page.getByTestId("search-snippet").first().locator("mark").first()).toHaveText(/coastal/i);
  // Every kind has a tab with its count; the current one is marked.
  await expect(page.getByTestId("search-tab-cases")).toContainText(/Cases \d/);
  await expect(page.getByTestId("search-tab-letters")).toContainText(/Letters of request \d/);
  await expect(page.locator('[aria-current="page"][data-testid^="search-tab-"]')).toHaveCount(1);
  await expectNoSeriousAxeViolations(page);
  await saveScreen(page, "search");

  await page.getByTestId("search-tab-letters").click();
  await expect(page).toHaveURL(/kind=letters/);
  const first = page.getByTestId("search-result").first().getByRole("link");
  const title = (await first.textContent())!;
  await first.click();
  await expect(page).toHaveURL(/\/lors\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
  await closeAll(dsca.context);
});

test("LOA lines are found by MASL number and by a word of their description", async ({ browser }) => {
  const dsca = await signedInContext(browser, "dsca@caseway.example");
  await dsca.page.goto("/search?q=night-vision&kind=lines");
  await expect(dsca.page.getByTestId("search-result").first()).toContainText(/MASL/);
  await expect(dsca.page.getByTestId("search-snippet").first().locator("mark").first()).toBeVisible();
  await saveScreen(dsca.page, "search-lines");
  const byMasl = await json<{ kind: string; items: { title: string }[] }>(await dsca.api.get("/api/v1/search?q=5855015432100&kind=lines"));
  expect(byMasl.items[0]!.title).toContain("5855015432100");
  await closeAll(dsca.context);
});

test("a partner never finds another country's case, even by its identifier", async ({ browser }) => {
  const dsca = await signedInContext(browser, "dsca@caseway.example");
  const bandaria = await json<{ items: { identifier: string }[] }>(await dsca.api.get("/api/v1/cases?country=BN&pageSize=1"));
  const identifier = bandaria.items[0]!.identifier;
  const seen = await json<{ counts: { cases: { count: number } } }>(await dsca.api.get(`/api/v1/search?q=${identifier}`));
  expect(seen.counts.cases.count).toBeGreaterThan(0);

  const partner = await signedInContext(browser, "partner.sr@caseway.example");
  await partner.page.getByLabel("Search Caseway").fill(identifier);
  await partner.page.getByRole("button", { name: "Search", exact: true }).first().click();
  await expect(partner.page).toHaveURL(`${BASE_URL}/search?q=${identifier}`);
  await expect(partner.page.getByTestId("search-empty")).toContainText(`Nothing matches “${identifier}”`);
  await expect(partner.page.getByTestId("search-result")).toHaveCount(0);
  await expectNoSeriousAxeViolations(partner.page);
  await saveScreen(partner.page, "search-empty");
  const api = await json<{ counts: Record<string, { count: number }>; items: unknown[] }>(await partner.api.get(`/api/v1/search?q=${identifier}`));
  expect(Object.values(api.counts).map((c) => c.count)).toEqual([0, 0, 0, 0]);
  expect(api.items).toEqual([]);
  const invalid = await partner.api.get("/api/v1/search?q=x");
  expect(invalid.status()).toBe(422);
  expect((await json<{ error: { fields: Record<string, string> } }>(invalid)).error.fields.q).toMatch(/at least 2/);
  await closeAll(dsca.context, partner.context);
});
