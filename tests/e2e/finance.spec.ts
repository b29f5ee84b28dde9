import Decimal from "decimal.js";
import { expect, test, type APIRequestContext, type BrowserContext, type Page } from "./fixtures";
import { formatUsd } from "../../src/domain/money";
import { expectNoSeriousAxeViolations } from "./axe";
import {
  DSCA,
  DTSA,
  NAVY,
  PARTNER_BN,
  STATE,
  caseAction,
  confirmBinding,
  expectCaseStatus,
  expectNoHorizontalScroll,
  getCase,
  openAction,
  openCaseViaApi,
  toReviewViaApi,
  type CaseView,
} from "./case-helpers";
import { BASE_URL, closeAll, json, saveScreen, signedInContext, unique } from "./helpers";
import type { Page as ListPage } from "./lor-helpers";

// Money after the offer in the browser (issue 12): the partner cannot promise less than the deposit due; the finance
// officer records a partial deposit (a shortfall, the case waits) and then the rest (implemented); on the demo's
// executing radios case the finance officer records a payment and the partner sees the balance and downloads a
// statement PDF. Axe runs on every page, at 1280 and 390 px for the money page.

const FINANCE = "finance@caseway.example";

type Session = { context: BrowserContext; page: Page; api: APIRequestContext };
type Finances = {
  deposit: { due: string; received: string; shortfall: string; covered: boolean } | null;
  account: { balance: string; collected: string; arrears: { total: string }; nextDue: { dueOn: string; amount: string | null } };
  statements: { id: string; dueOn: string; amountDue: string; status: string; pdfUrl: string }[];
  payments: { id: string; amount: string; reference: string }[];
};

async function finances(api: APIRequestContext, caseId: string): Promise<Finances> {
  const response = await api.get(`/api/v1/cases/${caseId}/finances`);
  expect(response.status(), await response.text()).toBe(200);
  return json<Finances>(response);
}

async function taskRow(page: Page, identifier: string) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My tasks" }).click();
  await expect(page).toHaveURL(`${BASE_URL}/tasks`);
  return page.locator(`[data-testid="task-row"][data-case="${identifier}"]`);
}

test.describe.serial("the initial deposit, from acceptance to implementation", () => {
  let partner: Session;
  let finance: Session;
  let offered: CaseView;
  let due: string;

  test.beforeAll(async ({ browser }) => {
    partner = await signedInContext(browser, PARTNER_BN);
    finance = await signedInContext(browser, FINANCE);
    const [dsca, navy, state, dtsa] = await Promise.all([DSCA, NAVY, STATE, DTSA].map((email) => signedInContext(browser, email)));
    try {
      const opened = await openCaseViaApi(partner.api, dsca!.api, { subject: unique("E2E money case") });
      let c = await toReviewViaApi(dsca!.api, navy!.api, opened.case);
      c = await caseAction(dsca!.api, c, "concur");
      c = await caseAction(state!.api, c, "concur");
      c = await caseAction(dtsa!.api, c, "concur");
      c = await caseAction(navy!.api, c, "sign");
      c = await caseAction(dsca!.api, c, "countersign");
      offered = await caseAction(navy!.api, c, "offer");
      due = (await finances(partner.api, offered.id)).deposit!.due;
    } finally {
      await closeAll(dsca?.context, navy?.context, state?.context, dtsa?.context);
    }
  });

  test.afterAll(async () => {
    await closeAll(partner?.context, finance?.context);
  });

  test("the accept form shows the deposit due, pre-filled, and refuses a smaller promise beside the field", async () => {
    const page = partner.page;
    await page.goto(`/cases/${offered.id}`);
    const accept = await openAction(page, "accept", "Accept the offer");
    await expect(accept.getByTestId("deposit-due")).toContainText(formatUsd(due));
    await expect(accept.getByLabel("Initial deposit (US dollars)")).toHaveValue(due);
    await expectNoSeriousAxeViolations(page);

    await accept.getByLabel("Name of the person signing").fill("Mira Castellan");
    await accept.getByLabel("Title", { exact: true }).fill("Director of Naval Procurement");
    await accept.getByLabel("Initial deposit (US dollars)").fill(new Decimal(due).minus("0.01").toFixed(2));
    await accept.getByLabel(/^I accept this LOA on behalf of /).check();
    await accept.getByRole("button", { name: "Accept the offer" }).click();
    await confirmBinding(accept, "confirm-accept");
    await expect(accept.getByTestId("error-initialDeposit")).toContainText(formatUsd(due));
    await expectCaseStatus(page, "OFFERED");

    await accept.getByLabel("Initial deposit (US dollars)").fill(due);
    await accept.getByRole("button", { name: "Accept the offer" }).click();
    await confirmBinding(accept, "confirm-accept");
    await expect(page).toHaveURL(`${BASE_URL}/cases/${offered.id}?notice=accept`);
    await expectCaseStatus(page, "ACCEPTED");
  });

  test("the finance officer records a partial deposit: recorded, shown as a shortfall, the case waits", async () => {
    const page = finance.page;
    const row = await taskRow(page, offered.identifier);
    await expect(row).toContainText("Record initial deposit received");
    await row.getByRole("link", { name: offered.identifier }).click();
    const form = await openAction(page, "record-deposit", "Record initial deposit received");
    await expect(form.getByTestId("deposit-standing")).toContainText(formatUsd(due));
    await expectNoSeriousAxeViolations(page);

    // Without a wire reference nothing is recorded.
    await form.getByLabel("Amount received (US dollars)").fill(new Decimal(due).minus("1000.00").toFixed(2));
    await form.getByRole("button", { name: "Record initial deposit received" }).click();
    await expect(form.getByTestId("error-wireReference")).toBeVisible();

    await form.getByLabel("Wire reference").fill(unique("FED-WIRE"));
    await form.getByRole("button", { name: "Record initial deposit received" }).click();
    await expect(page).toHaveURL(`${BASE_URL}/cases/${offered.id}?notice=record-deposit`);
    await expect(page.getByTestId("notice")).toHaveText("Initial deposit recorded");
    await expectCaseStatus(page, "ACCEPTED");

    await page.goto(`/cases/${offered.id}/finance`);
    await expect(page.getByTestId("money-deposit-shortfall")).toContainText("$1,000.00");
    await expect(page.getByTestId("deposit-shortfall")).toHaveText("$1,000.00");
    await expectNoSeriousAxeViolations(page);
  });

  test("the deposit that covers the amount due implements the case; the partner sees it on their timeline", async () => {
    const page = finance.page;
    await page.goto(`/cases/${offered.id}`);
    const form = await openAction(page, "record-deposit", "Record initial deposit received");
    await expect(form.getByLabel("Amount received (US dollars)")).toHaveValue("1000.00");
    await form.getByLabel("Wire reference").fill(unique("FED-WIRE"));
    await form.getByRole("button", { name: "Record initial deposit received" }).click();
    await expect(page).toHaveURL(`${BASE_URL}/cases/${offered.id}?notice=record-deposit`);
    await expectCaseStatus(page, "IMPLEMENTED");

    const money = await finances(partner.api, offered.id);
    expect(money.deposit).toMatchObject({ received: due, shortfall: "0.00", covered: true });
    await partner.page.goto(`/cases/${offered.id}`);
    await expect(partner.page.getByTestId("timeline-event").filter({ hasText: "Deposit covered; case implemented" })).toHaveCount(1);
  });
});

test.describe.serial("payments and statements on the demo's executing case", () => {
  let radios: CaseView;

  test.beforeAll(async ({ browser }) => {
    const partner = await signedInContext(browser, PARTNER_BN);
    try {
      const response = await partner.api.get("/api/v1/cases?pageSize=100");
      const items = (await json<ListPage<CaseView>>(response)).items;
      radios = items.find((c) => c.identifier === "BN-B-AAA")!;
      expect(radios, "the demo's executing radios case").toBeTruthy();
    } finally {
      await closeAll(partner.context);
    }
  });

  test("the finance officer records a payment; bad input is refused beside the field and records nothing", async ({ browser }) => {
    const finance = await signedInContext(browser, FINANCE);
    try {
      const page = finance.page;
      const before = await finances(finance.api, radios.id);
      expect(before.statements.length, "the demo's quarterly statements").toBeGreaterThanOrEqual(2);
      await page.goto(`/cases/${radios.id}/finance`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Money: case ${radios.identifier}`);
      await expect(page.getByTestId("case-subnav").getByRole("link", { name: "Money" })).toHaveAttribute("aria-current", "page");
      const form = page.getByTestId("record-payment-form");

      await form.getByLabel("Amount received (US dollars)").fill("10.001");
      await form.getByLabel("Reference", { exact: true }).fill("BN-MOF-BAD");
      await form.getByRole("button", { name: "Record payment" }).click();
      await expect(form.getByTestId("error-payment-amount")).toBeVisible();
      expect((await finances(finance.api, radios.id)).payments).toHaveLength(before.payments.length);

      const reference = unique("BN-MOF");
      await form.getByLabel("Amount received (US dollars)").fill("1000.00");
      await form.getByLabel("Reference", { exact: true }).fill(reference);
      await form.getByRole("button", { name: "Record payment" }).click();
      await expect(page).toHaveURL(`${BASE_URL}/cases/${radios.id}/finance?notice=payment`);
      await expect(page.getByTestId("notice")).toHaveText("Payment recorded");
      await expect(page.getByTestId("payment-row").filter({ hasText: reference })).toHaveCount(1);

      const after = await finances(finance.api, radios.id);
      expect(after.payments).toHaveLength(before.payments.length + 1);
      expect(after.account.balance).toBe(new Decimal(before.account.balance).minus("1000.00").toFixed(2));
      await expectNoSeriousAxeViolations(page);
      await saveScreen(page, "finance-officer-money");
    } finally {
      await closeAll(finance.context);
    }
  });

  test("the partner sees the balance and when it is due, and downloads a statement as a PDF", async ({ browser }) => {
    const partner = await signedInContext(browser, PARTNER_BN);
    try {
      const page = partner.page;
      const money = await finances(partner.api, radios.id);
      await page.goto(`/cases/${radios.id}/finance`);
      const balance = new Decimal(money.account.balance);
      await expect(page.getByTestId("money-balance")).toHaveText(formatUsd(balance.abs().toFixed(2)));
      await expect(page.getByTestId("money-next-due")).toBeVisible();
      await expect(page.getByTestId("record-payment")).toHaveCount(0);
      await expect(page.getByTestId("issue-statements")).toHaveCount(0);
      await expect(page.getByTestId("statement-row")).toHaveCount(money.statements.length);

      const download = page.waitForEvent("download");
      await page.getByTestId("statement-pdf").first().click();
      expect((await download).suggestedFilename()).toMatch(/\.pdf$/);
      const pdf = await partner.api.get(money.statements[0]!.pdfUrl);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()["content-type"]).toBe("application/pdf");
      expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
      // The same statement, the same bytes.
      const again = await partner.api.get(money.statements[0]!.pdfUrl);
      expect(again.headers()["x-content-sha256"]).toBe(pdf.headers()["x-content-sha256"]);

      for (const size of [
        { width: 1280, height: 900 },
        { width: 390, height: 844 },
      ]) {
        await page.setViewportSize(size);
        await page.goto(`/cases/${radios.id}/finance`);
        await expectNoHorizontalScroll(page);
        await expectNoSeriousAxeViolations(page);
        await saveScreen(page, `partner-money-${size.width}`);
      }
    } finally {
      await closeAll(partner.context);
    }
  });

  test("another country's officer gets 404 for the money page and its API", async ({ browser }) => {
    const sr = await signedInContext(browser, "partner.sr@caseway.example");
    try {
      expect((await sr.page.goto(`/cases/${radios.id}/finance`))?.status()).toBe(404);
      expect((await sr.api.get(`/api/v1/cases/${radios.id}/finances`)).status()).toBe(404);
      const payment = await sr.api.post(`/api/v1/cases/${radios.id}/payments`, { data: { amount: "1.00", valueDate: "2026-01-02", reference: "X" } });
      expect(payment.status()).toBe(404);
    } finally {
      await closeAll(sr.context);
    }
  });
});

test("the API refuses over-precise, negative and future payments with field errors, and replays an Idempotency-Key", async ({ browser }) => {
  const finance = await signedInContext(browser, FINANCE);
  const partner = await signedInContext(browser, PARTNER_BN);
  try {
    const list = await json<ListPage<CaseView>>(await partner.api.get("/api/v1/cases?pageSize=100"));
    const radios = list.items.find((c) => c.identifier === "BN-B-AAA")!;
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const today = new Date().toISOString().slice(0, 10);
    for (const [data, field] of [
      [{ amount: "-5.00", valueDate: today, reference: "X" }, "amount"],
      [{ amount: "5.001", valueDate: today, reference: "X" }, "amount"],
      [{ amount: "5.00", valueDate: tomorrow, reference: "X" }, "valueDate"],
    ] as const) {
      const response = await finance.api.post(`/api/v1/cases/${radios.id}/payments`, { data });
      expect(response.status()).toBe(422);
      expect(Object.keys((await json<{ error: { fields: Record<string, string> } }>(response)).error.fields)).toContain(field);
    }
    const key = unique("pay");
    const data = { amount: "1.00", valueDate: today, reference: unique("BN-MOF") };
    const first = await finance.api.post(`/api/v1/cases/${radios.id}/payments`, { data, headers: { "idempotency-key": key } });
    const second = await finance.api.post(`/api/v1/cases/${radios.id}/payments`, { data, headers: { "idempotency-key": key } });
    expect(first.status()).toBe(201);
    expect(second.status()).toBe(201);
    expect(second.headers()["idempotent-replayed"]).toBe("true");
    const [a, b] = await Promise.all([first, second].map((r) => json<{ payment: { id: string } }>(r)));
    expect(a!.payment.id).toBe(b!.payment.id);
    // The partner may read but not pay through the API.
    expect((await partner.api.post(`/api/v1/cases/${radios.id}/payments`, { data })).status()).toBe(403);
    expect((await getCase(partner.api, radios.id)).id).toBe(radios.id);
  } finally {
    await closeAll(finance.context, partner.context);
  }
});
