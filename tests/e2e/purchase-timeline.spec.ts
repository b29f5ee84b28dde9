import { expect, test, type APIRequestContext, type Page } from "./fixtures";
import { expectNoSeriousAxeViolations } from "./axe";
import { closeAll, json, saveScreen, signedInContext } from "./helpers";
import { DSCA, DTSA, expectNoHorizontalScroll, NAVY, openCaseViaApi, PARTNER_BN, STATE, caseAction, toReviewViaApi, today, tokenApi, type CaseView } from "./case-helpers";
import type { Page as ListPage } from "./lor-helpers";

// The story of one purchase as the Bandarian officer reads it: a letter submitted through the API becomes a case,
// which is reviewed, offered and accepted; the timeline page shows the letter, the offer and the acceptance in that
// order, grouped by stage, with nothing internal (an internal DTSA comment stays off it). On the demo case BN-B-AAA
// (executing) the story runs on to deliveries. Checked with axe and at phone width.

test.describe.configure({ mode: "serial" });

const SECRET = "Internal DTSA note: end-use checks to follow.";

async function acceptedCase(apis: Record<"bn" | "dsca" | "navy" | "state" | "dtsa", APIRequestContext>) {
  const { lor, case: opened } = await openCaseViaApi(apis.bn, apis.dsca);
  let current: CaseView = await toReviewViaApi(apis.dsca, apis.navy, opened);
  current = await caseAction(apis.state, current, "concur");
  current = await caseAction(apis.dtsa, current, "concur-with-comment", { comment: SECRET, commentVisibility: "USG_INTERNAL" });
  current = await caseAction(apis.dsca, current, "concur");
  current = await caseAction(apis.navy, current, "sign");
  current = await caseAction(apis.dsca, current, "countersign");
  current = await caseAction(apis.navy, current, "offer");
  current = await caseAction(apis.bn, current, "accept", { signerName: "Mira Castellan", signerTitle: "Director of Naval Procurement", signedOn: today(), initialDeposit: "1500000.00" });
  expect(current.status).toBe("ACCEPTED");
  return { lorId: lor.id, caseView: current };
}

/** The position of the first timeline entry of `action` on the page. */
async function positionOf(page: Page, action: string): Promise<number> {
  const actions = await page.getByTestId("timeline-event").evaluateAll((items) => items.map((item) => item.getAttribute("data-action")));
  return actions.indexOf(action);
}

test("a partner reads the whole story of their purchase: the letter, the offer and the acceptance in order", async ({ browser }) => {
  const apis = {
    bn: await tokenApi(browser, PARTNER_BN),
    dsca: await tokenApi(browser, DSCA),
    navy: await tokenApi(browser, NAVY),
    state: await tokenApi(browser, STATE),
    dtsa: await tokenApi(browser, DTSA),
  };
  const partner = await signedInContext(browser, PARTNER_BN);
  try {
    const { lorId, caseView } = await acceptedCase(apis);
    const page = partner.page;

    // From the letter's page to the story of the purchase.
    await page.goto(`/lors/${lorId}`);
    await page.getByTestId("purchase-story-link").click();
    await expect(page).toHaveURL(new RegExp(`/cases/${caseView.id}/timeline$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`The story of this purchase: case ${caseView.identifier}`);
    await expect(page.getByTestId("case-subnav").getByRole("link", { name: "Timeline" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByTestId("where-it-stands")).toContainText("Accepted");

    const submitted = await positionOf(page, "lor.submit");
    const offered = await positionOf(page, "case.offer");
    const accepted = await positionOf(page, "case.accept");
    expect(submitted).toBeGreaterThanOrEqual(0);
    expect(offered).toBeGreaterThan(submitted);
    expect(accepted).toBeGreaterThan(offered);
    await expect(page.getByTestId("timeline-group").first()).toHaveAttribute("data-group", "request");
    await expect(page.locator('[data-testid="timeline-group"][data-group="acceptance"]')).toContainText("Signed by Mira Castellan, Director of Naval Procurement");
    // Each time is a machine-readable <time>, shown in the reader's zone once the page is live.
    await expect(page.getByTestId("timeline-event").first().locator("time")).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T/);
    await expect(page.getByTestId("timeline-event").first().locator("time")).toHaveAttribute("title", /UTC$/);
    // Nothing internal, and U.S. Government staff by office only.
    await expect(page.locator("main")).not.toContainText(SECRET);
    await expect(page.locator("main")).not.toContainText("Dana Whitfield");
    expect(await positionOf(page, "case.concur")).toBe(-1);
    await expectNoSeriousAxeViolations(page);

    // The category filter is a GET form: only the letter's steps.
    await page.getByLabel("Letter of request").check();
    await page.getByRole("button", { name: "Show" }).click();
    await expect(page).toHaveURL(/category=letter/);
    const actions = await page.getByTestId("timeline-event").evaluateAll((items) => items.map((item) => item.getAttribute("data-action")));
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.every((action) => action?.startsWith("lor."))).toBe(true);
    await expect(page.getByRole("link", { name: "Show everything" })).toBeVisible();

    // The API tells the same story.
    const response = await apis.bn.get(`/api/v1/cases/${caseView.id}/timeline`);
    expect(response.status()).toBe(200);
    const story = await json<{ entries: { action: string; category: string }[] }>(response);
    const order = ["lor.submit", "case.offer", "case.accept"].map((action) => story.entries.findIndex((e) => e.action === action));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(order[0]).toBeGreaterThanOrEqual(0);
    expect(JSON.stringify(story)).not.toContain(SECRET);
  } finally {
    await closeAll(partner.context, ...Object.values(apis));
  }
});

test("the demo case BN-B-AAA tells its story from the offer to deliveries, on a desktop and on a phone", async ({ browser }) => {
  const partner = await signedInContext(browser, PARTNER_BN);
  try {
    const listed = await partner.api.get("/api/v1/cases?q=BN-B-AAA");
    const radios = (await json<ListPage<CaseView>>(listed)).items.find((c) => c.identifier === "BN-B-AAA")!;
    expect(radios).toBeTruthy();
    const page = partner.page;
    for (const viewport of [
      { name: "desktop", width: 1280, height: 900 },
      { name: "mobile", width: 390, height: 844 },
    ]) {
      await page.setViewportSize(viewport);
      await page.goto(`/cases/${radios.id}/timeline`);
      const offered = await positionOf(page, "case.offer");
      const accepted = await positionOf(page, "case.accept");
      expect(offered).toBeGreaterThanOrEqual(0);
      expect(accepted).toBeGreaterThan(offered);
      await expect(page.locator('[data-testid="timeline-group"][data-group="execution"]')).toBeVisible();
      await expectNoHorizontalScroll(page);
      await saveScreen(page, `purchase-timeline-${viewport.name}`);
    }
    await expectNoSeriousAxeViolations(page);
  } finally {
    await closeAll(partner.context);
  }
});
