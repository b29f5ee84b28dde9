import { expect, test, type APIRequestContext, type BrowserContext, type Page } from "./fixtures";
import { expectNoSeriousAxeViolations } from "./axe";
import { ARMY, PARTNER_BN, expectNoHorizontalScroll, type CaseView } from "./case-helpers";
import { BASE_URL, closeAll, json, saveScreen, signedInContext, unique } from "./helpers";
import { tinyPng, type Page as ListPage } from "./lor-helpers";

// Supply Discrepancy Reports in the browser (issue 12): on the demo's executing radios case (BN-B-AAA, whose received
// shipment the execution demo records), the Bandarian officer reads the rules, is refused under the minimum value,
// files a damage report with a photo; it lands in the Army's My tasks; the Army credits it and comments (one comment
// internal, one for the partner); the partner sees the decision and only the comment meant for them. Axe runs on every
// page; the report page is checked at 390 px too.

type Session = { context: BrowserContext; page: Page; api: APIRequestContext };
type Sdr = {
  number: number;
  reference: string;
  status: string;
  decision: string | null;
  creditAmount: string | null;
  attachments: { fileName: string; contentType: string; downloadUrl: string }[];
  comments: { text: string; visibility: string }[];
  availableActions: string[];
};

test.describe.serial("a supply discrepancy report, from filing to a credit", () => {
  let partner: Session;
  let army: Session;
  let radios: CaseView;
  let number: number;
  const story = unique("Cracked housings");

  test.beforeAll(async ({ browser }) => {
    partner = await signedInContext(browser, PARTNER_BN);
    army = await signedInContext(browser, ARMY);
    const response = await partner.api.get("/api/v1/cases?pageSize=100");
    expect(response.status()).toBe(200);
    radios = (await json<ListPage<CaseView>>(response)).items.find((c) => c.identifier === "BN-B-AAA")!;
    expect(radios, "the demo's executing radios case").toBeTruthy();
  });

  test.afterAll(async () => {
    await closeAll(partner?.context, army?.context);
  });

  test("the partner reads the rules, is refused under the minimum, and files with a photo", async () => {
    const page = partner.page;
    await page.goto(`/cases/${radios.id}/sdrs`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Discrepancy reports: case BN-B-AAA/);
    await expect(page.getByTestId("case-subnav").getByRole("link", { name: "Discrepancy reports" })).toHaveAttribute("aria-current", "page");
    await expectNoSeriousAxeViolations(page);

    await page.getByTestId("new-sdr").click();
    await expect(page).toHaveURL(`${BASE_URL}/cases/${radios.id}/sdrs/new`);
    const rules = page.getByTestId("sdr-rules");
    await expect(rules).toContainText("365 calendar days");
    await expect(rules).toContainText("$200.00");
    await expect(rules).toContainText("45 calendar days");
    await expectNoSeriousAxeViolations(page);

    await page.getByRole("radio", { name: "Damage" }).check();
    await page.getByLabel("Quantity affected").fill("2");
    await page.getByLabel("Value affected (US dollars)").fill("199.99");
    await page.getByLabel("What happened").fill(`${story}: two radios arrived with cracked housings.`);
    await page.getByLabel("Photos and documents (optional)").setInputFiles({ name: "crate.png", mimeType: "image/png", buffer: tinyPng() });
    await page.getByRole("button", { name: "File the report" }).click();
    await expect(page.getByTestId("form-error")).toBeVisible();
    await expect(page.getByTestId("error-sdr-value")).toContainText("SDR_MINIMUM_VALUE");
    await expectNoSeriousAxeViolations(page);

    await page.getByLabel("Value affected (US dollars)").fill("2500.00");
    await page.getByLabel("Photos and documents (optional)").setInputFiles({ name: "crate.png", mimeType: "image/png", buffer: tinyPng() });
    await page.getByRole("button", { name: "File the report" }).click();
    await expect(page).toHaveURL(new RegExp(`/cases/${radios.id}/sdrs/\\d+\\?notice=filed$`));
    number = Number(/\/sdrs\/(\d+)/.exec(page.url())![1]);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Discrepancy report SDR-BN-B-AAA-${number}`);
    await expect(page.getByTestId("notice")).toContainText("Report filed");
    await expect(page.getByTestId("sdr-status").first()).toHaveAttribute("data-status", "SUBMITTED");
    await expect(page.getByTestId("sdr-attachment")).toHaveCount(1);
    await expect(page.getByTestId("sdr-attachment")).toContainText("crate.png");
    await expectNoSeriousAxeViolations(page);

    const sdr = await json<Sdr>(await partner.api.get(`/api/v1/cases/${radios.id}/sdrs/${number}`));
    const photo = await partner.api.get(sdr.attachments[0]!.downloadUrl);
    expect(photo.status()).toBe(200);
    expect(photo.headers()["content-type"]).toBe("image/png");
    expect(photo.headers()["content-disposition"]).toMatch(/^attachment;/);
  });

  test("it waits in the Army's My tasks; the Army credits it and comments", async () => {
    const page = army.page;
    await page.goto("/tasks");
    const section = page.getByTestId("sdr-tasks");
    await expect(section.getByRole("heading", { name: "Supply discrepancy reports" })).toBeVisible();
    const row = section.getByTestId("sdr-task-row").filter({ hasText: `SDR-BN-B-AAA-${number}` });
    await expect(row).toBeVisible();
    await expect(row.getByTestId("aging")).toHaveAttribute("data-aging", "ON_TRACK");
    await expectNoSeriousAxeViolations(page);

    await row.getByRole("link", { name: `SDR-BN-B-AAA-${number}` }).click();
    await expect(page).toHaveURL(`${BASE_URL}/cases/${radios.id}/sdrs/${number}`);
    const decide = page.getByTestId("decide-sdr-form");
    await decide.getByRole("radio", { name: "Credit to the case" }).check();
    await decide.getByLabel("Credit amount (US dollars)").fill("2500.01");
    await decide.getByRole("button", { name: "Record the decision" }).click();
    await expect(page.getByTestId("error-sdr-credit")).toContainText("cannot be more than the value affected");
    await expectNoSeriousAxeViolations(page);

    await decide.getByLabel("Credit amount (US dollars)").fill("1250.00");
    await decide.getByLabel(/Reason or instructions/).fill("Carrier damage confirmed from the photo; half the units can be repaired locally.");
    await decide.getByRole("button", { name: "Record the decision" }).click();
    await expect(page).toHaveURL(`${BASE_URL}/cases/${radios.id}/sdrs/${number}?notice=decided`);
    await expect(page.getByTestId("sdr-decision")).toHaveText("Credit to the case: $1,250.00");

    const comment = async (text: string, visibility: "U.S. Government only" | "Also the partner") => {
      const form = page.getByTestId("sdr-comment-form");
      await form.getByLabel("Add a comment").fill(text);
      await form.getByRole("radio", { name: visibility }).check();
      await form.getByRole("button", { name: "Add comment" }).click();
      await expect(page.getByTestId("notice")).toHaveText("Comment added");
    };
    await comment(`${story} internal: carrier claim opened`, "U.S. Government only");
    await comment(`${story}: please keep the damaged units for collection`, "Also the partner");
    await expect(page.getByTestId("sdr-comment")).toContainText([`${story} internal: carrier claim opened`, `${story}: please keep the damaged units`]);
    await expectNoSeriousAxeViolations(page);
  });

  test("the partner sees the decision and only the comment meant for them", async () => {
    const page = partner.page;
    await page.goto(`/cases/${radios.id}/sdrs/${number}`);
    await expect(page.getByTestId("sdr-decision")).toHaveText("Credit to the case: $1,250.00");
    await expect(page.getByTestId("sdr-waiting-on")).toHaveText("Nothing, unless you ask for reconsideration");
    await expect(page.getByTestId("sdr-comments")).toContainText(`${story}: please keep the damaged units for collection`);
    await expect(page.getByTestId("sdr-comments")).not.toContainText("carrier claim");
    await expect(page.getByTestId("reconsider-sdr-form")).toBeVisible();
    await expect(page.getByTestId("decide-sdr-form")).toHaveCount(0);
    await expectNoSeriousAxeViolations(page);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await expect(page.getByTestId("sdr-decision")).toBeVisible();
    await expectNoHorizontalScroll(page);
    await saveScreen(page, "sdr-partner-decided-mobile");
    await page.setViewportSize({ width: 1280, height: 900 });

    const sdr = await json<Sdr>(await partner.api.get(`/api/v1/cases/${radios.id}/sdrs/${number}`));
    expect(sdr).toMatchObject({ status: "DECIDED", decision: "CREDIT", creditAmount: "1250.00" });
    expect(sdr.comments.map((c) => c.visibility)).not.toContain("USG_INTERNAL");
    expect(sdr.availableActions).toContain("reconsider");

    // The report is on the case's timeline for the partner; the internal comment is not.
    const events = await json<{ items: { label: string; note: string | null; comment: string | null }[] }>(
      await partner.api.get(`/api/v1/cases/${radios.id}/events`),
    );
    const text = JSON.stringify(events.items);
    expect(text).toContain(`SDR-BN-B-AAA-${number}: credit to the case of $1,250.00`);
    expect(text).not.toContain("carrier claim");

    // The list shows it decided.
    await page.goto(`/cases/${radios.id}/sdrs`);
    await expect(page.getByTestId("sdr-row").filter({ hasText: `SDR-BN-B-AAA-${number}` })).toHaveAttribute("data-status", "DECIDED");
    await expectNoSeriousAxeViolations(page);
  });

  test("the partner accepts the decision as final: the report closes at once", async () => {
    const page = partner.page;
    await page.goto(`/cases/${radios.id}/sdrs/${number}`);
    await page.getByTestId("accept-sdr-form").getByRole("button", { name: "Accept the decision" }).click();
    await expect(page.getByTestId("notice")).toContainText("Decision accepted. The report is closed.");
    await expect(page.getByTestId("reconsider-sdr-form")).toHaveCount(0);
    await expect(page.getByTestId("accept-sdr-form")).toHaveCount(0);
    await expectNoSeriousAxeViolations(page);
    const sdr = await json<Sdr>(await partner.api.get(`/api/v1/cases/${radios.id}/sdrs/${number}`));
    expect(sdr).toMatchObject({ status: "CLOSED", decision: "CREDIT", creditAmount: "1250.00" });
    expect(sdr.availableActions).not.toContain("reconsider");
  });

  test("another country's officer gets 404 for the report", async ({ browser }) => {
    const other = await signedInContext(browser, "partner.sr@caseway.example");
    try {
      expect((await other.api.get(`/api/v1/cases/${radios.id}/sdrs/${number}`)).status()).toBe(404);
      const response = await other.page.goto(`/cases/${radios.id}/sdrs/${number}`);
      expect(response?.status()).toBe(404);
    } finally {
      await closeAll(other.context);
    }
  });
});
