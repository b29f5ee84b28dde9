import { expect, test } from "./fixtures";
import { expectNoSeriousAxeViolations } from "./axe";
import { BASE_URL, bareApi, closeAll, json, saveScreen, signedInContext } from "./helpers";

// Policy administration in the browser (issue 13): the policy officer proposes a 3.5% administrative surcharge from a
// future day, citing its source, and reads the impact preview over the demo's open LOAs; they cannot approve their own
// proposal; an administrator approves it only after confirming, and from that day (not before) the what-if calculator
// prices at 3.5%. Everyone signed in may read the rows in force; only policy staff see proposals. Axe on every page.

const POLICY_OFFICER = "policy@caseway.example";
const ADMIN = "admin@caseway.example";
const EFFECTIVE = "2031-10-01";

type Series = { key: string; current: { display: string } | null; next: { display: string } | null; pendingProposals: number };

test.describe.serial("policy administration", () => {
  test("a proposal by the policy officer, approved by an administrator after the impact preview, prices quotes from its day", async ({ browser }) => {
    const officer = await signedInContext(browser, POLICY_OFFICER);
    const admin = await signedInContext(browser, ADMIN);
    try {
      const { page } = officer;
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Policy" }).click();
      await expect(page).toHaveURL(`${BASE_URL}/admin/policy`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Rates, thresholds and clocks");
      // The demo's waiting proposal is listed first, with what it would change.
      await expect(page.getByTestId("policy-proposal").first()).toContainText("Administrative surcharge: 3.8% → 3.5%");
      await expect(page.locator('[data-key="ADMIN_SURCHARGE"] [data-testid="in-force"]')).toHaveText("3.8%");
      await expectNoSeriousAxeViolations(page);
      await saveScreen(page, "policy-overview");

      await page.getByRole("link", { name: "Administrative surcharge", exact: true }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Administrative surcharge");
      // The published history (fms-domain.md §7.2) with its sources: 3.2% from 2018 among them.
      await expect(page.getByTestId("policy-history")).toContainText("3.2%");
      await expect(page.getByTestId("policy-history")).toContainText("DSCA 18-48");
      await expectNoSeriousAxeViolations(page);

      // A day in the past is refused on its field; then the real proposal.
      await page.getByLabel("New rate, as a fraction").fill("0.035");
      await page.getByLabel("Takes effect on").fill("2020-01-01");
      await page.getByLabel("Reason and source").fill("DSCA policy memo 31-07 (end-to-end test): administrative surcharge 3.5%");
      await page.getByRole("button", { name: "Propose this change" }).click();
      await expect(page.getByTestId("error-effectiveFrom")).toContainText("today");
      await page.getByLabel("Takes effect on").fill(EFFECTIVE);
      await page.getByRole("button", { name: "Propose this change" }).click();
      await expect(page).toHaveURL(/\/admin\/policy\/changes\/[0-9a-f-]{36}\?proposed=1$/);
      const changeUrl = page.url().replace(/\?.*$/, "");
      await expect(page.getByTestId("change-status")).toHaveText("Waiting for approval");
      await expect(page.getByTestId("impact-summary")).toBeVisible();
      // The demo's open drafts change price; accepted LOAs keep their locked rates.
      await expect(page.getByTestId("impact-row").first()).toBeVisible();
      await expect(page.getByTestId("impact-row").first()).toContainText("−$");
      // Two-person rule: the proposer may withdraw, not approve.
      await expect(page.getByTestId("withdraw-form")).toBeVisible();
      await expect(page.getByTestId("approve-form")).toHaveCount(0);
      await expectNoSeriousAxeViolations(page);
      await saveScreen(page, "policy-proposal-impact");

      // The administrator approves, and must confirm first.
      await admin.page.goto(changeUrl);
      await expect(admin.page.getByTestId("approve-form")).toBeVisible();
      await expectNoSeriousAxeViolations(admin.page);
      await admin.page.getByRole("button", { name: "Approve the change" }).click();
      await expect(admin.page.getByText("Confirm that you have read the impact preview and the source")).toBeVisible();
      await expect(admin.page.getByTestId("change-status")).toHaveText("Waiting for approval");
      await admin.page.getByLabel("I have read the impact preview and the source, and I approve this change.").check();
      await admin.page.getByRole("button", { name: "Approve the change" }).click();
      await expect(admin.page.getByTestId("policy-notice")).toContainText("Approved");
      await expect(admin.page.getByTestId("change-status")).toHaveText("Approved");
      await saveScreen(admin.page, "policy-approved");

      // Quotes: 3.5% from the effective day, 3.8% the day before.
      await admin.page.goto("/pricing");
      await admin.page.getByTestId("calc-date").fill(EFFECTIVE);
      await expect(admin.page.getByText(/Rates on this date: administrative 3\.5%/)).toBeVisible();
      await admin.page.getByTestId("calc-date").fill("2031-09-30");
      await expect(admin.page.getByText(/Rates on this date: administrative 3\.8%/)).toBeVisible();

      // The series now shows the approved row as scheduled, linked to its proposal.
      await admin.page.goto("/admin/policy/ADMIN_SURCHARGE");
      const scheduled = admin.page.getByTestId("policy-history-row").filter({ hasText: "Scheduled" });
      await expect(scheduled).toContainText("3.5%");
      await expect(scheduled.getByRole("link", { name: "The approved proposal" })).toHaveAttribute("href", changeUrl.replace(BASE_URL, ""));
    } finally {
      await closeAll(officer.context, admin.context);
    }
  });

  test("everyone reads the rows in force through the API; only policy staff see what is proposed", async ({ browser }) => {
    const partner = await signedInContext(browser, "partner.bn@caseway.example");
    const anonymous = await bareApi();
    try {
      const response = await partner.api.get("/api/v1/policy");
      expect(response.status()).toBe(200);
      const { items } = await json<{ items: Series[] }>(response);
      const surcharge = items.find((s) => s.key === "ADMIN_SURCHARGE")!;
      expect(surcharge.current?.display).toBe("3.8%");
      expect(surcharge.next).toBeNull();
      expect(surcharge.pendingProposals).toBe(0);
      expect((await partner.api.get("/api/v1/policy/changes")).status()).toBe(403);
      expect((await partner.api.get("/api/v1/policy/series/ADMIN_SURCHARGE")).status()).toBe(403);
      expect((await anonymous.get("/api/v1/policy")).status()).toBe(401);
      const page = await partner.page.goto("/admin/policy");
      expect(page?.status()).toBe(403);
    } finally {
      await closeAll(partner.context, anonymous);
    }
  });
});
