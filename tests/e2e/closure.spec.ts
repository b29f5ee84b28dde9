import { expect, test, type APIRequestContext, type Browser, type Page } from "./fixtures";
import { expectNoSeriousAxeViolations } from "./axe";
import { ARMY, DSCA, expectNoHorizontalScroll, PARTNER_BN, PARTNER_SR, type CaseView } from "./case-helpers";
import { closeAll, json, SAME_ORIGIN, saveScreen, signIn, signedInContext } from "./helpers";
import type { Page as ListPage } from "./lor-helpers";

// Reconciliation and closure in the browser, on the demo data a fresh start shows: the test sets case closed under
// Accelerated Case Closure (prisma/demo-closure.ts) and the radios case still executing. The partner sees "Closed",
// the final statement and the certificate; DSCA and the agency see the readiness checklist with its numbers and
// blockers; another country sees nothing. Read-only: nothing here changes the demo cases. axe on every page, at 1280
// and 390 px.

type Closure = {
  caseId: string;
  identifier: string;
  status: string;
  closureType: "ACC" | "NON_ACC" | null;
  ready: boolean;
  blockers: string[];
  criteria: { key: string; met: boolean; blocking: boolean; summary: string; reasons: string[] }[];
  suspenseAmount: string;
  finalStatement: { amountDue: string } | null;
  certificate: { url: string; sha256: string | null } | null;
  lines: { lineNumber: string; obligated: string | null; unliquidated: string | null }[];
};

const WIDTHS = [
  { name: "desktop", width: 1280, height: 900 },
  { name: "mobile", width: 390, height: 844 },
] as const;

interface Demo {
  closed: CaseView;
  executing: CaseView;
}

async function closureOf(api: APIRequestContext, caseId: string): Promise<Closure> {
  const response = await api.get(`/api/v1/cases/${caseId}/closure`);
  expect(response.status(), await response.text()).toBe(200);
  return json<Closure>(response);
}

/**
 * The demo's ACC-closed case (BN-B-AAB, the Army's test sets: prisma/demo-closure.ts) and the executing radios case,
 * found through the partner's own case list. By identifier: other specs close fresh cases of their own under ACC.
 */
async function findDemo(api: APIRequestContext): Promise<Demo> {
  const closedList = await api.get("/api/v1/cases?status=CLOSED&pageSize=100");
  expect(closedList.status()).toBe(200);
  const closed = (await json<ListPage<CaseView>>(closedList)).items.find((c) => c.identifier === "BN-B-AAB");
  const executingList = await json<ListPage<CaseView>>(await api.get("/api/v1/cases?status=EXECUTING&pageSize=100"));
  const executing = executingList.items.find((c) => c.identifier === "BN-B-AAA");
  expect(closed, "the demo case closed under ACC").toBeTruthy();
  expect(executing, "the demo radios case, executing").toBeTruthy();
  return { closed: closed!, executing: executing! };
}

let demo: Demo;

test.beforeAll(async ({ browser }: { browser: Browser }) => {
  const partner = await signedInContext(browser, PARTNER_BN);
  demo = await findDemo(partner.api);
  await closeAll(partner.context);
});

async function openClosurePage(page: Page, caseId: string, identifier: string) {
  const response = await page.goto(`/cases/${caseId}/closure`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Closure: case ${identifier}`);
  await expect(page.getByTestId("case-subnav").getByRole("link", { name: "Closure" })).toHaveAttribute("aria-current", "page");
}

test.describe("the partner", () => {
  test("sees the case closed under ACC, the refund or settled bill, the checklist met, and downloads the certificate", async ({ page }) => {
    await signIn(page, PARTNER_BN);
    await openClosurePage(page, demo.closed.id, demo.closed.identifier);
    await expect(page.getByTestId("closure-status")).toContainText("Closed on");
    await expect(page.getByTestId("closure-status")).toContainText("Accelerated Case Closure");
    await expect(page.getByTestId("closure-next")).toContainText("The case closed on");
    for (const key of ["lines", "sdrs", "obligations", "finalBill"]) {
      await expect(page.getByTestId(`criterion-${key}`)).toHaveAttribute("data-met", "true");
    }
    await expect(page.getByTestId("criterion-lines")).toContainText("Met");
    await expect(page.getByTestId("closure-ulo")).toContainText("Case Closure Suspense Account");
    await expect(page.getByTestId("closure-type")).toContainText("Accelerated Case Closure (ACC)");
    await expect(page.getByTestId("final-amount")).toBeVisible();
    // Contract amounts stay inside the U.S. Government: no per-line obligations for the partner.
    await expect(page.getByTestId("closure-lines-table").getByRole("columnheader", { name: "Obligated" })).toHaveCount(0);
    // No closure controls for the partner, only the certificate.
    await expect(page.getByTestId("reopen-form")).toHaveCount(0);
    await expect(page.getByTestId("close-case-form")).toHaveCount(0);

    const downloadStarted = page.waitForEvent("download");
    await page.getByTestId("closure-certificate").click();
    const download = await downloadStarted;
    expect(download.suggestedFilename()).toMatch(/_closure_certificate\.pdf$/);

    // The same bytes on every download, and the fingerprint the page shows is the one recorded at closing.
    const first = await page.request.get(`/api/v1/cases/${demo.closed.id}/closure-certificate`);
    const second = await page.request.get(`/api/v1/cases/${demo.closed.id}/closure-certificate`);
    expect(first.status()).toBe(200);
    expect(first.headers()["content-type"]).toBe("application/pdf");
    const bytes = await first.body();
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(Buffer.compare(bytes, await second.body())).toBe(0);
    const closure = await closureOf(page.request, demo.closed.id);
    expect(first.headers()["x-content-sha256"]).toBe(closure.certificate!.sha256);
    expect(closure).toMatchObject({ status: "CLOSED", closureType: "ACC", ready: true, blockers: [] });
    expect(closure.lines.every((l) => l.obligated === null && l.unliquidated === null)).toBe(true);

    // The case overview says it in one place too.
    await page.goto(`/cases/${demo.closed.id}`);
    await expect(page.getByTestId("closure-summary")).toContainText("Closed");
    await expect(page.getByTestId("case-status")).toHaveAttribute("data-status", "CLOSED");
  });

  test("of the executing case reads what still stands in the way, in plain words", async ({ page }) => {
    await signIn(page, PARTNER_BN);
    await openClosurePage(page, demo.executing.id, demo.executing.identifier);
    await expect(page.getByTestId("closure-status")).toContainText("in the way of closing");
    await expect(page.getByTestId("closure-blockers")).toContainText("is not supply/services complete");
    await expect(page.getByTestId("closure-next")).toContainText("The case can close once every line is delivered");
    await expect(page.getByTestId("criterion-lines")).toHaveAttribute("data-met", "false");
    await expect(page.getByTestId("closure-no-actions")).toContainText("certificate appears here once the case is closed");
  });
});

test.describe("U.S. Government staff", () => {
  // Its page.request writes with the session cookie: say it is our own origin, as a browser would (ADR 0022).
  test.use({ extraHTTPHeaders: SAME_ORIGIN });
  test("DSCA sees the readiness of the closed case, with its suspense amount, and may reopen it", async ({ page }) => {
    await signIn(page, DSCA);
    await openClosurePage(page, demo.closed.id, demo.closed.identifier);
    await expect(page.getByTestId("closure-status")).toContainText("Closed on");
    await expect(page.getByTestId("closure-lines-table").getByRole("columnheader", { name: "Obligated" })).toBeVisible();
    await expect(page.getByTestId("reopen-form")).toBeVisible();
    await expect(page.getByLabel("Reason for reopening")).toBeVisible();
    const closure = await closureOf(page.request, demo.closed.id);
    expect(Number(closure.suspenseAmount)).toBeGreaterThan(0);
    expect(closure.lines.some((l) => l.unliquidated !== null && Number(l.unliquidated) > 0)).toBe(true);
  });

  test("DSCA sees every blocker of the executing case and cannot close it", async ({ page }) => {
    await signIn(page, DSCA);
    await openClosurePage(page, demo.executing.id, demo.executing.identifier);
    const closure = await closureOf(page.request, demo.executing.id);
    expect(closure.ready).toBe(false);
    expect(closure.blockers.length).toBeGreaterThan(0);
    const shown = page.getByTestId("closure-blockers").getByRole("listitem");
    await expect(shown).toHaveCount(closure.blockers.length);
    for (const blocker of closure.blockers) await expect(page.getByTestId("closure-blockers")).toContainText(blocker);
    await expect(page.getByTestId("close-case-form")).toHaveCount(0);
    const refused = await page.request.post(`/api/v1/cases/${demo.executing.id}/actions/close`, { data: { expectedVersion: demo.executing.version } });
    expect(refused.status()).toBe(409);
  });

  test("the agency's case manager gets the annual review form; a review missing its notes is refused by field", async ({ page }) => {
    await signIn(page, ARMY);
    await openClosurePage(page, demo.executing.id, demo.executing.identifier);
    const closure = await closureOf(page.request, demo.executing.id);
    const reviewed = closure.criteria.find((c) => c.key === "annualReview")!.met;
    await expect(page.getByTestId("annual-review-form")).toHaveCount(reviewed ? 0 : 1);
    const refused = await page.request.post(`/api/v1/cases/${demo.executing.id}/annual-reviews`, {
      data: { loaMatchesDeliveries: true, loaMatchesContracts: false, scheduleAdjusted: true },
    });
    // The input is checked before anything else: an unconfirmed item without notes is a 422 naming the notes.
    expect(refused.status()).toBe(422);
    expect((await json<{ error: { fields: Record<string, string> } }>(refused)).error.fields).toHaveProperty("notes");
  });
});

test("another country's officer finds neither the page, the readiness nor the certificate", async ({ page }) => {
  await signIn(page, PARTNER_SR);
  expect((await page.goto(`/cases/${demo.closed.id}/closure`))?.status()).toBe(404);
  expect((await page.request.get(`/api/v1/cases/${demo.closed.id}/closure`)).status()).toBe(404);
  expect((await page.request.get(`/api/v1/cases/${demo.closed.id}/closure-certificate`)).status()).toBe(404);
});

const SCREENS: { who: string; label: string; id: (d: Demo) => CaseView }[] = [
  { who: PARTNER_BN, label: "partner-closed", id: (d) => d.closed },
  { who: PARTNER_BN, label: "partner-executing", id: (d) => d.executing },
  { who: DSCA, label: "dsca-closed", id: (d) => d.closed },
  { who: DSCA, label: "dsca-executing", id: (d) => d.executing },
  { who: ARMY, label: "agency-executing", id: (d) => d.executing },
];

for (const screen of SCREENS) {
  for (const size of WIDTHS) {
    test(`closure page, ${screen.label}, at ${size.width} px: readable, no serious accessibility violation`, async ({ page }) => {
      await page.setViewportSize(size);
      await signIn(page, screen.who);
      const found = screen.id(demo);
      await openClosurePage(page, found.id, found.identifier);
      await expect(page.getByTestId("closure-checklist")).toBeVisible();
      await expectNoHorizontalScroll(page);
      await expectNoSeriousAxeViolations(page);
      await saveScreen(page, `closure-${screen.label}-${size.name}`);
    });
  }
}
