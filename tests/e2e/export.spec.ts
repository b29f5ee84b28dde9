import fs from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { expect, test } from "./fixtures";
import { expectNoSeriousAxeViolations } from "./axe";
import { closeAll, signedInContext } from "./helpers";

// CSV export (ADR 0025): a partner downloads the case list from the page, and the file holds exactly their own
// country's cases, as a spreadsheet-ready UTF-8 file with a BOM and a header row.
const PARTNER = "partner.bn@caseway.example";

test("a partner downloads their cases as CSV: BOM, header, only their country's cases, as many as the link says", async ({ browser }) => {
  const { context, page, api } = await signedInContext(browser, PARTNER);
  await page.goto("/cases");
  const link = page.getByTestId("export-link");
  await expect(link).toBeVisible();
  const count = Number((await link.innerText()).match(/these ([\d,]+) cases/)?.[1]?.replace(/,/g, ""));
  expect(count).toBeGreaterThan(0);
  await expectNoSeriousAxeViolations(page);

  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^caseway-cases-\d{4}-\d{2}-\d{2}\.csv$/);
  const file = test.info().outputPath("cases.csv");
  await download.saveAs(file);
  const bytes = await fs.readFile(file);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const records = parse(bytes.toString("utf8"), { bom: true }) as string[][];
  const [header, ...rows] = records;
  expect(header!.slice(0, 3)).toEqual(["Case", "Country code", "Country"]);
  expect(rows).toHaveLength(count);
  expect(rows.every((row) => row[1] === "BN" && row[0]!.startsWith("BN-"))).toBe(true);

  // The same through the API, with the row count up front; asking for another country gives nothing.
  const response = await api.get("/api/v1/cases/export");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(response.headers()["x-total-count"]).toBe(String(count));
  const foreign = await api.get("/api/v1/cases/export?country=SR");
  expect(foreign.headers()["x-total-count"]).toBe("0");
  expect((parse(await foreign.text(), { bom: true }) as string[][]).length).toBe(1);

  // The letters page offers the same for its list.
  await page.goto("/lors");
  await expect(page.getByTestId("export-link")).toHaveAttribute("href", /^\/api\/v1\/lors\/export/);
  await closeAll(context);
});
