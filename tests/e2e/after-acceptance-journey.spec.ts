import fs from "node:fs";
import Decimal from "decimal.js";
import { expect, test, type APIRequestContext, type Browser, type BrowserContext, type Locator, type Page } from "./fixtures";
import { milstripDocumentNumber } from "../../src/domain/execution/lines";
import { formatUsd } from "../../src/domain/money";
import { readableDay } from "../../src/domain/readable-days";
import { expectNoSeriousAxeViolations } from "./axe";
import { ARMY, DSCA, DTSA, PARTNER_BN, STATE, caseAction, confirmBinding, expectCaseStatus, myTasks, openCaseViaApi, plainAction, readableToday, today, type CaseView } from "./case-helpers";
import { BASE_URL, closeAll, json, organizationByCode, signedInContext, unique } from "./helpers";
import { ADMIN_NOTE, getLoa, type WorkingLoa } from "./loa-helpers";
import { tinyPng } from "./lor-helpers";

// The life of a case after acceptance, in the browser, each step by the person who takes it (issue 12, "Tests"): on a
// fresh Army case that the API brings to Implemented (offer → acceptance with the deposit due → deposit recorded), the
// Army starts execution, records a contract and the shipments that cover both lines; Bandaria's officer receives them
// and files a damage report with a photo; the Army credits it; the finance officer issues the quarter's statement and
// records the payment that settles it; the Army declares each line supply/services complete and submits the closure
// certificate under Accelerated Case Closure; DSCA closes the case; Bandaria sees each step on its pages and timeline,
// and downloads the closure certificate. axe runs on every distinct page visited.

const FINANCE = "finance@caseway.example";

type Session = { context: BrowserContext; page: Page; api: APIRequestContext };

const NOTES = [
  ADMIN_NOTE,
  { key: "accessorial-charges", title: "Accessorial Charges", text: "Packing, crating, handling and transportation are charged as estimated.", internal: false },
  { key: "transportation-services-through-dts", title: "Transportation Services through DTS", text: "Shipped through the Defense Transportation System.", internal: false },
  {
    key: "contract-administration-services-cas-surcharge",
    title: "Contract Administration Services (CAS) Surcharge",
    text: "Line 002 is procured: the CAS surcharge applies to it.",
    internal: false,
  },
];

/** Two article lines: four radios from stock, and two vehicle mount kits bought on contract (so the Army awards one). */
const LOA = {
  description: "Handheld radios and vehicle mount kits (after-acceptance journey e2e).",
  customerReference: "Based on the partner's letter of request",
  termsOfSale: [{ term: "CASH_PRIOR_TO_DELIVERY", amount: null }],
  initialDepositPercent: "20",
  paymentQuarters: 4,
  lines: [
    { lineNumber: "001", genericCode: "B2R", maslNumber: "5820016660001", description: "Handheld radio set", quantity: 4, unitOfIssue: "EA", unitCost: "6200.00", sourceOfSupply: "S", typeOfAssistance: "3", deliveryTermCode: "2" },
    { lineNumber: "002", genericCode: "B2R", maslNumber: "5820016660077", description: "Vehicle mount kit", quantity: 2, unitOfIssue: "EA", unitCost: "1500.00", sourceOfSupply: "P", typeOfAssistance: "5", deliveryTermCode: "2" },
  ],
  notes: NOTES,
};

const CONTRACT = "W15P7T-26-C-0417";
const DEPOT = "Maj. Teodor Anghel, Central Signal Depot";

interface Lot {
  line: "001" | "002";
  documentNumber: string;
  quantity: number;
  mode: "AIR" | "SEA";
  tracking: string;
}

const LOTS: Lot[] = [
  { line: "001", documentNumber: milstripDocumentNumber({ serviceCode: "B", countryCode: "BN", typeOfAssistance: "3", day: today(), serial: "J001" }), quantity: 3, mode: "AIR", tracking: "TCN BN2B0341J001XXX, flight AMC 4R2-219" },
  { line: "001", documentNumber: milstripDocumentNumber({ serviceCode: "B", countryCode: "BN", typeOfAssistance: "3", day: today(), serial: "J002" }), quantity: 1, mode: "SEA", tracking: "Container MAEU 771209-3" },
  { line: "002", documentNumber: milstripDocumentNumber({ serviceCode: "B", countryCode: "BN", typeOfAssistance: "5", day: today(), serial: "J003" }), quantity: 2, mode: "AIR", tracking: "Carrier tracking 7712 0934 5521" },
];
const [RADIOS_A, , KITS] = LOTS as [Lot, Lot, Lot];

const SDR_VALUE = "1800.00";
const FIRST_CREDIT = "900.00";
const FINAL_CREDIT = "1800.00";

interface Finances {
  loaTotal: string | null;
  deposit: { due: string; received: string; covered: boolean } | null;
  account: { billed: string; collected: string; credits: string; balance: string };
  statements: { id: string; dueOn: string; final: boolean; billedCumulative: string; collected: string; credits: string; amountDue: string; status: string }[];
  payments: { id: string; amount: string; reference: string }[];
}

interface Closure {
  status: string;
  closureType: "ACC" | "NON_ACC" | null;
  ready: boolean;
  blockers: string[];
  unliquidatedObligations: string;
  statement: { finalBill: string; deposits: string; payments: string; credits: string; amountDue: string };
  finalStatement: { billedCumulative: string; collected: string; credits: string; amountDue: string } | null;
  certificate: { url: string; sha256: string | null } | null;
}

async function finances(api: APIRequestContext, caseId: string): Promise<Finances> {
  const response = await api.get(`/api/v1/cases/${caseId}/finances`);
  expect(response.status(), await response.text()).toBe(200);
  return json<Finances>(response);
}

async function closureOf(api: APIRequestContext, caseId: string): Promise<Closure> {
  const response = await api.get(`/api/v1/cases/${caseId}/closure`);
  expect(response.status(), await response.text()).toBe(200);
  return json<Closure>(response);
}

async function shipmentIds(api: APIRequestContext, caseId: string): Promise<Map<string, string>> {
  const response = await api.get(`/api/v1/cases/${caseId}/execution`);
  expect(response.status(), await response.text()).toBe(200);
  const view = await json<{ lines: { shipments: { id: string; documentNumber: string }[] }[] }>(response);
  return new Map(view.lines.flatMap((l) => l.shipments.map((s) => [s.documentNumber, s.id] as const)));
}

/** Opens a folded form (a <details>) unless it is already open. */
async function unfold(details: Locator) {
  if ((await details.getAttribute("open")) === null) await details.locator("summary").first().click();
}

/** One entry of the case timeline (the partner's "Milestones"): its audit action and a text it carries. */
const milestone = (page: Page, action: string, text: string | RegExp) =>
  page.locator(`[data-testid="timeline-event"][data-action="${action}"]`).filter({ hasText: text });

/** Money is exact: a − b − … to the cent. */
const minus = (a: string, ...rest: string[]) => rest.reduce((t, v) => t.minus(v), new Decimal(a)).toFixed(2);

test.describe.serial("after acceptance: shipments, a discrepancy credited, payment and closure under ACC, the partner watching", () => {
  let army: Session;
  let partner: Session;
  let finance: Session;
  let dsca: Session;
  let c: CaseView;
  let depositDue: string;
  /** The LOA's total estimated cost, and what the finance officer recorded against the quarterly statement. */
  let loaTotal: string;
  let paid: string;
  let sdrNumber: number;
  let reference: string;
  const story = unique("Cracked housing");
  const route = (path = "") => `/cases/${c.id}${path}`;

  /**
   * The fresh case, from the partner's letter to Implemented, through the API (as finance.spec.ts does): the letter,
   * the LOA, the reviews, the offer, its acceptance with the deposit due and the deposit arriving are walked in the
   * browser by lor-journey, case-journey and finance.spec.ts; this journey starts where they end.
   */
  async function implementedCase(browser: Browser): Promise<CaseView> {
    const [state, dtsa] = await Promise.all([STATE, DTSA].map((email) => signedInContext(browser, email)));
    try {
      const { case: opened } = await openCaseViaApi(partner.api, dsca.api, { agency: "B", subject: unique("After-acceptance journey") });
      const agency = await organizationByCode(dsca.api, "IMPLEMENTING_AGENCY", "B");
      let next = await caseAction(dsca.api, opened, "assign-agency", { agencyId: agency.id });
      const loa = await getLoa(army.api, next.id);
      const saved = await army.api.put(`/api/v1/cases/${next.id}/loa`, { data: { expectedVersion: loa.version, ...LOA } });
      expect(saved.status(), await saved.text()).toBe(200);
      expect((await json<WorkingLoa>(saved)).problems, "the LOA is complete").toEqual([]);
      next = await caseAction(army.api, next, "approve-loa");
      for (const reviewer of [dsca.api, state!.api, dtsa!.api]) next = await caseAction(reviewer, next, "concur");
      next = await caseAction(army.api, next, "sign");
      next = await caseAction(dsca.api, next, "countersign");
      next = await caseAction(army.api, next, "offer");
      depositDue = (await finances(partner.api, next.id)).deposit!.due;
      next = await caseAction(partner.api, next, "accept", { signerName: "Mira Castellan", signerTitle: "Director of Armaments", signedOn: today(), initialDeposit: depositDue });
      next = await caseAction(finance.api, next, "record-deposit", { amount: depositDue, receivedOn: today(), wireReference: unique("FED-WIRE") });
      expect(next.status).toBe("IMPLEMENTED");
      return next;
    } finally {
      await closeAll(state?.context, dtsa?.context);
    }
  }

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(120_000);
    [army, partner, finance, dsca] = await Promise.all([ARMY, PARTNER_BN, FINANCE, DSCA].map((email) => signedInContext(browser, email))) as [Session, Session, Session, Session];
    c = await implementedCase(browser);
  });

  test.afterAll(async () => {
    await closeAll(army?.context, partner?.context, finance?.context, dsca?.context);
  });

  test("the Army starts execution from its tasks, awards the contract and records the shipments that cover both lines", async () => {
    const p = army.page;
    await p.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My tasks" }).click();
    await expect(p).toHaveURL(`${BASE_URL}/tasks`);
    const row = p.locator(`[data-testid="task-row"][data-case="${c.identifier}"]`);
    await expect(row).toContainText("Start execution");
    await expectNoSeriousAxeViolations(p);

    await row.getByRole("link", { name: c.identifier }).click();
    await expect(p).toHaveURL(`${BASE_URL}${route()}`);
    await expectCaseStatus(p, "IMPLEMENTED");
    await expectNoSeriousAxeViolations(p);
    await plainAction(p, "start-execution", "Start execution", "Execution started");
    await expectCaseStatus(p, "EXECUTING");

    await p.getByTestId("case-subnav").getByRole("link", { name: "Lines and deliveries" }).click();
    await expect(p).toHaveURL(`${BASE_URL}${route("/execution")}`);
    await expect(p.getByRole("heading", { level: 1 })).toHaveText(`Lines and deliveries: case ${c.identifier}`);
    await expectNoSeriousAxeViolations(p);

    // The mount kits are bought on contract: the award, with its obligated amount (U.S. Government only).
    const kits = p.getByTestId("line-002");
    const contract = kits.getByTestId("form-contract-002");
    await unfold(contract);
    await contract.getByLabel("Contract number").fill(CONTRACT);
    await contract.getByLabel("Obligated amount (US dollars)").fill("3000.00");
    await contract.getByRole("button", { name: "Record contract" }).click();
    await expect(p).toHaveURL(`${BASE_URL}${route("/execution")}?notice=obligation#line-002`);
    await expect(p.getByTestId("notice")).toHaveText("Contract recorded");
    await expect(kits.getByTestId("contracts-002")).toContainText(CONTRACT);
    await expect(kits.getByTestId("contracts-002")).toContainText("$3,000.00");
    await expect(kits.getByTestId("progress-ordered-text")).toHaveText("$3,000.00 of $3,000.00 · 100.0%");

    const shipped: Record<Lot["line"], number> = { "001": 0, "002": 0 };
    const ordered: Record<Lot["line"], number> = { "001": 4, "002": 2 };
    for (const lot of LOTS) {
      const line = p.getByTestId(`line-${lot.line}`);
      const form = line.getByTestId(`form-shipment-${lot.line}`);
      await unfold(form);
      await form.getByLabel("Shipment document number").fill(lot.documentNumber);
      await form.getByLabel("Quantity shipped").fill(String(lot.quantity));
      await form.getByLabel("Mode").selectOption(lot.mode);
      await form.getByLabel("Tracking reference").fill(lot.tracking);
      await form.getByRole("button", { name: "Record shipment" }).click();
      await expect(p).toHaveURL(`${BASE_URL}${route("/execution")}?notice=shipment#line-${lot.line}`);
      await expect(p.getByTestId("notice")).toHaveText("Shipment recorded");
      shipped[lot.line] += lot.quantity;
      const percent = ((shipped[lot.line] / ordered[lot.line]) * 100).toFixed(1);
      await expect(line.getByTestId("progress-shipped-text")).toHaveText(`${shipped[lot.line]} of ${ordered[lot.line]} EA · ${percent}%`);
      const shipment = line.getByTestId(`shipment-${lot.documentNumber}`);
      await expect(shipment).toContainText(lot.tracking);
      await expect(shipment).toContainText("Shipped");
    }

    // The kits leave the depot: shipped → in transit.
    await kits.getByRole("button", { name: `Mark shipment ${KITS.documentNumber} in transit` }).click();
    await expect(p.getByTestId("notice")).toHaveText("Shipment marked in transit");
    await expect(kits.getByTestId(`shipment-${KITS.documentNumber}`)).toContainText("In transit");
    await expectNoSeriousAxeViolations(p);

    // The partner reads it all on their timeline, contract without its amount.
    await partner.page.goto(route());
    await expectCaseStatus(partner.page, "EXECUTING");
    await expect(milestone(partner.page, "case.start-execution", "Execution started")).toHaveCount(1);
    await expect(milestone(partner.page, "obligation.record", `Line 002: contract ${CONTRACT} awarded on ${readableToday()}`)).toHaveCount(1);
    await expect(milestone(partner.page, "obligation.record", "$3,000.00")).toHaveCount(0);
    for (const lot of LOTS) {
      await expect(milestone(partner.page, "shipment.record", `document ${lot.documentNumber}, tracking ${lot.tracking}`)).toHaveCount(1);
    }
    await expect(milestone(partner.page, "shipment.status", `shipment ${KITS.documentNumber} is now in transit`)).toHaveCount(1);
    await expectNoSeriousAxeViolations(partner.page);
  });

  test("the partner follows the shipments by their tracking references and marks each one received", async () => {
    const p = partner.page;
    await p.getByTestId("case-subnav").getByRole("link", { name: "Lines and deliveries" }).click();
    await expect(p).toHaveURL(`${BASE_URL}${route("/execution")}`);
    await expectNoSeriousAxeViolations(p);
    // Contract amounts stay inside the U.S. Government.
    await expect(p.getByTestId("contracts-002")).toContainText(CONTRACT);
    await expect(p.getByTestId("contracts-002")).not.toContainText("$3,000.00");
    await expect(p.getByTestId("progress-ordered")).toHaveCount(0);

    for (const lot of LOTS) {
      const row = p.getByTestId(`line-${lot.line}`).getByTestId(`shipment-${lot.documentNumber}`);
      await expect(row).toContainText(lot.tracking);
      // The partner receives; only the agency moves a shipment in transit.
      await expect(row.getByRole("button", { name: /in transit/ })).toHaveCount(0);
      await row.getByText("Mark received").click();
      await expect(row.getByLabel("Date received")).toHaveValue(today());
      await row.getByLabel("Received by").fill(DEPOT);
      await row.getByRole("button", { name: "Record receipt" }).click();
      await expect(p).toHaveURL(`${BASE_URL}${route("/execution")}?notice=received#line-${lot.line}`);
      await expect(p.getByTestId("notice")).toHaveText("Shipment marked received");
      await expect(row).toContainText(`by ${DEPOT}`);
    }
    await expect(p.getByTestId("line-001").getByTestId("progress-delivered-text")).toHaveText("4 of 4 EA · 100.0%");
    await expect(p.getByTestId("line-002").getByTestId("progress-delivered-text")).toHaveText("2 of 2 EA · 100.0%");
    await expectNoSeriousAxeViolations(p);

    await p.getByTestId("case-subnav").getByRole("link", { name: "Overview" }).click();
    await expect(p.getByTestId("lines-summary")).toContainText("Handheld radio set");
    for (const lot of LOTS) {
      await expect(milestone(p, "shipment.status", `shipment ${lot.documentNumber} received on ${readableToday()} by ${DEPOT}`)).toHaveCount(1);
    }
  });

  test("the partner files a damage report on the first lot, with a photo", async () => {
    const p = partner.page;
    await p.getByTestId("case-subnav").getByRole("link", { name: "Discrepancy reports" }).click();
    await expect(p).toHaveURL(`${BASE_URL}${route("/sdrs")}`);
    await expect(p.getByRole("heading", { level: 1 })).toHaveText(`Discrepancy reports: case ${c.identifier}`);
    await expect(p.getByText("You have not reported a discrepancy on this case.")).toBeVisible();
    await expectNoSeriousAxeViolations(p);

    await p.getByTestId("new-sdr").click();
    await expect(p).toHaveURL(`${BASE_URL}${route("/sdrs/new")}`);
    await expect(p.getByTestId("sdr-rules")).toContainText("$200.00");
    await expectNoSeriousAxeViolations(p);

    const ids = await shipmentIds(partner.api, c.id);
    await p.getByLabel("Shipment", { exact: true }).selectOption(ids.get(RADIOS_A.documentNumber)!);
    await expect(p.getByTestId("sdr-shipment-facts")).toContainText(`Tracking ${RADIOS_A.tracking}`);
    await p.getByRole("radio", { name: "Damage" }).check();
    await p.getByLabel("Quantity affected").fill("1");
    await p.getByLabel("Value affected (US dollars)").fill(SDR_VALUE);
    await p.getByLabel("What happened").fill(`${story}: one radio arrived with its housing cracked through; the crate was crushed.`);
    await p.getByLabel("Photos and documents (optional)").setInputFiles({ name: "cracked-housing.png", mimeType: "image/png", buffer: tinyPng() });
    await p.getByRole("button", { name: "File the report" }).click();

    await expect(p).toHaveURL(new RegExp(`${route("/sdrs")}/\\d+\\?notice=filed$`));
    sdrNumber = Number(/\/sdrs\/(\d+)/.exec(p.url())![1]);
    reference = `SDR-${c.identifier}-${sdrNumber}`;
    await expect(p.getByRole("heading", { level: 1 })).toHaveText(`Discrepancy report ${reference}`);
    await expect(p.getByTestId("notice")).toHaveText("Report filed. The implementing agency has been given it to decide.");
    await expect(p.getByTestId("sdr-status").first()).toHaveAttribute("data-status", "SUBMITTED");
    await expect(p.getByTestId("sdr-waiting-on")).toHaveText("The implementing agency's decision");
    await expect(p.getByTestId("sdr-attachment")).toHaveCount(1);
    await expect(p.getByTestId("sdr-attachment")).toContainText("cracked-housing.png");
    await expectNoSeriousAxeViolations(p);

    const sdr = await json<{ attachments: { downloadUrl: string }[] }>(await partner.api.get(`/api/v1/cases/${c.id}/sdrs/${sdrNumber}`));
    const photo = await partner.api.get(sdr.attachments[0]!.downloadUrl);
    expect(photo.status()).toBe(200);
    expect(photo.headers()["content-type"]).toBe("image/png");

    await p.goto(route());
    await expect(milestone(p, "sdr.file", `${reference}: damage, 1 affected, ${formatUsd(SDR_VALUE)} on shipment ${RADIOS_A.documentNumber}. 1 file(s) attached.`)).toHaveCount(1);
    await expect(p.getByTestId("sdr-summary-open")).toHaveText("1");
  });

  test("the Army credits the report; the partner asks once for reconsideration and the final credit settles it", async () => {
    // The Army finds it in My tasks and credits half: the housing can be repaired locally.
    const a = army.page;
    await a.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My tasks" }).click();
    const task = a.getByTestId("sdr-tasks").getByTestId("sdr-task-row").filter({ hasText: reference });
    await expect(task).toBeVisible();
    await task.getByRole("link", { name: reference }).click();
    await expect(a).toHaveURL(`${BASE_URL}${route(`/sdrs/${sdrNumber}`)}`);
    await expectNoSeriousAxeViolations(a);
    const decide = a.getByTestId("decide-sdr-form");
    await decide.getByRole("radio", { name: "Credit to the case" }).check();
    await decide.getByLabel("Credit amount (US dollars)").fill(FIRST_CREDIT);
    await decide.getByLabel(/Reason or instructions/).fill("Carrier damage confirmed from the photo; the housing can be replaced at the depot.");
    await decide.getByRole("button", { name: "Record the decision" }).click();
    await expect(a).toHaveURL(`${BASE_URL}${route(`/sdrs/${sdrNumber}`)}?notice=decided`);
    await expect(a.getByTestId("notice")).toHaveText("Decision recorded. The partner sees it now.");
    await expect(a.getByTestId("sdr-decision")).toHaveText(`Credit to the case: ${formatUsd(FIRST_CREDIT)}`);

    // A decided report keeps the case from closing while the partner may still ask for reconsideration (45 days);
    // Bandaria uses that right now, so the report is settled today rather than when the window runs out.
    const p = partner.page;
    await p.goto(route(`/sdrs/${sdrNumber}`));
    await expect(p.getByTestId("sdr-decision")).toHaveText(`Credit to the case: ${formatUsd(FIRST_CREDIT)}`);
    await expect(p.getByTestId("sdr-waiting-on")).toHaveText("Nothing, unless you ask for reconsideration");
    await expectNoSeriousAxeViolations(p);
    const reconsider = p.getByTestId("reconsider-sdr-form");
    await reconsider.getByLabel("Why should the decision be reconsidered?").fill(`${story}: the depot cannot source the housing; the whole radio must be replaced.`);
    await reconsider.getByRole("button", { name: "Ask for reconsideration" }).click();
    await expect(p).toHaveURL(`${BASE_URL}${route(`/sdrs/${sdrNumber}`)}?notice=reconsideration`);
    await expect(p.getByTestId("notice")).toHaveText("Reconsideration requested. The agency will make a final decision.");
    await expect(p.getByTestId("sdr-status").first()).toHaveAttribute("data-status", "RECONSIDERATION_REQUESTED");

    // Back in the Army's tasks; its final decision credits the full value.
    await a.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My tasks" }).click();
    await a.getByTestId("sdr-tasks").getByTestId("sdr-task-row").filter({ hasText: reference }).getByRole("link", { name: reference }).click();
    await expect(a.getByTestId("sdr-decide")).toContainText("this decision is final");
    const final = a.getByTestId("decide-sdr-form");
    await final.getByRole("radio", { name: "Credit to the case" }).check();
    await final.getByLabel("Credit amount (US dollars)").fill(FINAL_CREDIT);
    await final.getByLabel(/Reason or instructions/).fill("Agreed: a replacement housing is not available; the full value is credited.");
    await final.getByRole("button", { name: "Record the decision" }).click();
    await expect(a).toHaveURL(`${BASE_URL}${route(`/sdrs/${sdrNumber}`)}?notice=decided`);
    await expect(a.getByTestId("sdr-decision")).toHaveText(`Credit to the case: ${formatUsd(FINAL_CREDIT)}`);
    await expect(a.getByTestId("sdr-status").first()).toHaveAttribute("data-status", "CLOSED");
    await expect(a.getByTestId("sdr-waiting-on")).toHaveText("Nothing: the report is settled");

    // The partner sees the final credit, and no further step is open to them.
    await p.reload();
    await expect(p.getByTestId("sdr-decision")).toHaveText(`Credit to the case: ${formatUsd(FINAL_CREDIT)}`);
    await expect(p.getByTestId("sdr-status").first()).toHaveAttribute("data-status", "CLOSED");
    await expect(p.getByTestId("reconsider-sdr-form")).toHaveCount(0);
    await p.goto(route("/sdrs"));
    await expect(p.getByTestId("sdr-row").filter({ hasText: reference })).toHaveAttribute("data-status", "CLOSED");
    await p.goto(route());
    await expect(milestone(p, "sdr.decide", `${reference}: credit to the case of ${formatUsd(FIRST_CREDIT)}.`)).toHaveCount(1);
    await expect(milestone(p, "sdr.reconsider", `${reference}: ${story}`)).toHaveCount(1);
    await expect(milestone(p, "sdr.decide", `${reference}: credit to the case of ${formatUsd(FINAL_CREDIT)} (final decision after reconsideration).`)).toHaveCount(1);
    await expect(p.getByTestId("sdr-summary-credits")).toHaveText(formatUsd(FINAL_CREDIT));
  });

  test("the finance officer issues the quarter's statement and records the payment that settles it; the partner sees nothing owed", async () => {
    const p = finance.page;
    await p.goto(route("/finance"));
    await expect(p.getByRole("heading", { level: 1 })).toHaveText(`Money: case ${c.identifier}`);
    await expect(p.getByTestId("statements")).toContainText("No statement has been issued yet.");
    await expectNoSeriousAxeViolations(p);

    // The same run as the daily billing job (for every case being billed; none gets its statement twice).
    await p.getByTestId("issue-statements-form").getByRole("button", { name: "Issue statements now" }).click();
    await expect(p).toHaveURL(new RegExp(`${route("/finance")}\\?notice=statements&issued=\\d+$`));
    await expect(p.getByTestId("notice")).toHaveText(/statements issued$|^No statements were due/);
    await expect(p.getByTestId("statement-row")).toHaveCount(1);

    const before = await finances(finance.api, c.id);
    const statement = before.statements[0]!;
    // Everything has been delivered, so the statement bills the whole LOA; less the deposit and the SDR credit, that
    // is what is due — to the cent.
    loaTotal = before.loaTotal!;
    expect(statement).toMatchObject({ final: false, billedCumulative: loaTotal, collected: depositDue, credits: FINAL_CREDIT, status: "UNPAID" });
    expect(statement.amountDue).toBe(minus(statement.billedCumulative, depositDue, FINAL_CREDIT));
    expect(new Decimal(statement.amountDue).gt(0)).toBe(true);

    const form = p.getByTestId("record-payment-form");
    const wire = unique("BN-MOF");
    await form.getByLabel("Amount received (US dollars)").fill(statement.amountDue);
    await form.getByLabel("Reference", { exact: true }).fill(wire);
    await form.getByLabel("Statement it pays (optional)").selectOption(statement.id);
    await form.getByRole("button", { name: "Record payment" }).click();
    await expect(p).toHaveURL(`${BASE_URL}${route("/finance")}?notice=payment`);
    await expect(p.getByTestId("notice")).toHaveText("Payment recorded");
    await expect(p.getByTestId("payment-row").filter({ hasText: wire })).toContainText(formatUsd(statement.amountDue));
    await expect(p.getByTestId("statement-row")).toContainText("Paid");
    await expect(p.getByTestId("money-balance")).toHaveText("$0.00");
    await expectNoSeriousAxeViolations(p);

    paid = statement.amountDue;
    const after = await finances(finance.api, c.id);
    expect(after.account).toMatchObject({ balance: "0.00", credits: FINAL_CREDIT, collected: new Decimal(depositDue).plus(statement.amountDue).toFixed(2) });

    // Bandaria: nothing owed, the payment and the credit shown, and both on the timeline.
    const q = partner.page;
    await q.goto(route("/finance"));
    await expect(q.getByTestId("money-balance")).toHaveText("$0.00");
    await expect(q.getByTestId("payment-row").filter({ hasText: wire })).toHaveCount(1);
    await expect(q.getByTestId("statement-row")).toContainText("Paid");
    await expect(q.getByTestId("money-summary")).toContainText(`Credits granted: ${formatUsd(FINAL_CREDIT)}.`);
    await expect(q.getByTestId("record-payment")).toHaveCount(0);
    await expectNoSeriousAxeViolations(q);
    await q.goto(route());
    await expect(milestone(q, "statement.issue", `Quarterly statement issued ${readableToday()}; amount due ${formatUsd(statement.amountDue)} by ${readableDay(statement.dueOn)}`)).toHaveCount(1);
    await expect(milestone(q, "payment.record", `${formatUsd(statement.amountDue)} received with value date ${readableToday()} (reference ${wire})`)).toHaveCount(1);
  });

  test("the Army declares each line supply/services complete and submits the closure certificate under ACC", async () => {
    const a = army.page;
    await a.goto(route("/execution"));
    for (const line of ["001", "002"]) {
      const section = a.getByTestId(`line-${line}`);
      const form = section.getByTestId(`form-completion-${line}`);
      await unfold(form);
      await expect(form).toContainText("Everything on this line is accounted for");
      await form.getByRole("button", { name: "Declare complete" }).click();
      await expect(a).toHaveURL(`${BASE_URL}${route("/execution")}?notice=completion#line-${line}`);
      await expect(a.getByTestId("notice")).toHaveText("Line closed out");
      await expect(section.getByRole("heading", { level: 2 })).toContainText("Supply/services complete");
    }
    // The last line moves the case.
    await expectCaseStatus(a, "SUPPLY_SERVICES_COMPLETE");
    await expect(a.getByTestId("lines-closed")).toContainText("2 of 2 supply/services complete or cancelled — case supply/services complete since");
    await expectNoSeriousAxeViolations(a);

    await a.getByTestId("case-subnav").getByRole("link", { name: "Closure" }).click();
    await expect(a).toHaveURL(`${BASE_URL}${route("/closure")}`);
    await expect(a.getByRole("heading", { level: 1 })).toHaveText(`Closure: case ${c.identifier}`);
    await expect(a.getByTestId("closure-next")).toContainText("The implementing agency submits the closure certificate next");
    await expectNoSeriousAxeViolations(a);

    const submit = a.getByTestId("submit-closure-form");
    // Every obligation is matched by deliveries, so both closures are offered; the Army chooses ACC.
    await expect(submit).toContainText("Every contract obligation is settled, so either closure is possible.");
    const acc = submit.getByRole("radio", { name: /Accelerated Case Closure/ });
    await expect(acc).toBeEnabled();
    await acc.check();
    await submit.getByRole("button", { name: "Submit closure certificate" }).click();
    await expect(a).toHaveURL(`${BASE_URL}${route("/closure")}?notice=submit-closure`);
    await expect(a.getByTestId("notice")).toHaveText("Closure certificate submitted");
    await expectCaseStatus(a, "CLOSURE_PENDING");
    await expect(a.getByTestId("closure-type")).toContainText("Accelerated Case Closure (ACC)");

    const p = partner.page;
    await p.goto(route());
    await expectCaseStatus(p, "CLOSURE_PENDING");
    for (const line of ["001", "002"]) {
      await expect(milestone(p, "line.complete", `Line ${line} declared supply/services complete`)).toHaveCount(1);
    }
    await expect(milestone(p, "case.declare-supply-complete", "Supply and services complete")).toHaveCount(1);
    await expect(milestone(p, "case.submit-closure", "Accelerated Case Closure (ACC)")).toHaveCount(1);
    await p.getByTestId("case-subnav").getByRole("link", { name: "Closure" }).click();
    await expect(p.getByTestId("closure-type")).toContainText("Accelerated Case Closure (ACC)");
    await expect(p.getByTestId("close-case-form")).toHaveCount(0);
    await expectNoSeriousAxeViolations(p);
  });

  test("DSCA closes the case: nothing is left to pay, so the final statement is written and the certificate issued", async () => {
    const d = dsca.page;
    await d.goto(route("/closure"));
    await expectCaseStatus(d, "CLOSURE_PENDING");

    // The final bill is what was delivered, with its surcharges: everything, so the whole LOA — which the quarterly
    // statement billed and the payment settled. Final bill = deposit + payment + credit, to the cent: nothing due.
    const closure = await closureOf(dsca.api, c.id);
    expect(closure).toMatchObject({ ready: true, blockers: [], closureType: "ACC", unliquidatedObligations: "0.00" });
    expect(closure.statement).toMatchObject({ finalBill: loaTotal, deposits: depositDue, payments: paid, credits: FINAL_CREDIT, amountDue: "0.00" });
    expect(minus(loaTotal, depositDue, paid, FINAL_CREDIT)).toBe("0.00");
    await expect(d.getByTestId("closure-status")).toContainText("Nothing stands in the way of closing");
    await expect(d.getByTestId("final-bill")).toHaveText(formatUsd(loaTotal));
    await expect(d.getByTestId("closure-statement")).toContainText("Nothing due");
    await expect(d.getByTestId("final-amount")).toHaveText("$0.00");
    // The close waits in DSCA's My tasks. Read through the API behind that page: DSCA's list holds every open review
    // of every case the suite has made, so on the page this one may sit on any page of the pager.
    expect((await myTasks(dsca.api)).find((t) => t.identifier === c.identifier)?.actions).toContain("close");
    await expectNoSeriousAxeViolations(d);

    await d.getByTestId("close-case-form").getByRole("button", { name: "Close the case" }).click();
    // Closing binds DSCA to the LOA in force: the confirmation names it (with its offered file's SHA-256) first.
    const closing = await confirmBinding(d.getByTestId("close-case-form"), "confirm-close");
    await expect(closing.getByTestId("confirm-sha256")).toHaveText(/^[0-9a-f]{64}$/);
    await expect(d).toHaveURL(`${BASE_URL}${route("/closure")}?notice=close`);
    await expect(d.getByTestId("notice")).toHaveText("Case closed: the final statement is written and the closure certificate issued");
    await expectCaseStatus(d, "CLOSED");
    await expect(d.getByTestId("closure-status")).toContainText("Closed on");
    await expect(d.getByTestId("closure-status")).toContainText("Accelerated Case Closure (ACC).");
    await expect(d.getByTestId("closure-certificate")).toBeVisible();
    await expect(d.getByTestId("reopen-form")).toBeVisible();

    await expect(d.getByTestId("closure-status")).toContainText("The final bill is settled in full.");
    // The recorded final statement: the whole LOA billed, covered by the money received and the credit.
    const recorded = (await closureOf(dsca.api, c.id)).finalStatement!;
    expect(recorded).toMatchObject({ billedCumulative: loaTotal, collected: new Decimal(depositDue).plus(paid).toFixed(2), credits: FINAL_CREDIT, amountDue: "0.00" });
  });

  test("the partner sees the case closed under ACC on the overview and the closure page, and downloads the certificate", async () => {
    const p = partner.page;
    await p.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My cases" }).click();
    await p.getByRole("link", { name: c.identifier, exact: true }).click();
    await expect(p).toHaveURL(`${BASE_URL}${route()}`);
    await expectCaseStatus(p, "CLOSED");
    const summary = p.getByTestId("closure-summary");
    await expect(summary).toContainText("Closed");
    await expect(summary).toContainText("under Accelerated Case Closure (ACC)");
    await expect(summary).toContainText("The final bill is settled.");
    await expect(p.getByTestId("money-balance")).toHaveText("$0.00");
    await expect(milestone(p, "case.close", "Case closed")).toHaveCount(1);
    await expect(milestone(p, "statement.issue", "Final statement issued")).toHaveCount(1);
    await expect(milestone(p, "closure.certificate", "Closure certificate issued")).toHaveCount(1);
    await expectNoSeriousAxeViolations(p);

    await summary.getByRole("link", { name: "Closure readiness in full" }).click();
    await expect(p).toHaveURL(`${BASE_URL}${route("/closure")}`);
    const status = p.getByTestId("closure-status");
    await expect(status).toContainText("Closed on");
    await expect(status).toContainText("Accelerated Case Closure (ACC).");
    await expect(p.getByTestId("closure-type")).toContainText("Accelerated Case Closure (ACC)");
    for (const key of ["lines", "sdrs", "obligations", "finalBill"]) {
      await expect(p.getByTestId(`criterion-${key}`)).toHaveAttribute("data-met", "true");
    }
    await expect(p.getByTestId("reopen-form")).toHaveCount(0);
    await expectNoSeriousAxeViolations(p);

    const started = p.waitForEvent("download");
    await p.getByTestId("closure-certificate").click();
    const download = await started;
    expect(download.suggestedFilename()).toMatch(/_closure_certificate\.pdf$/);
    const bytes = fs.readFileSync((await download.path())!);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const closure = await closureOf(partner.api, c.id);
    expect(closure).toMatchObject({ status: "CLOSED", closureType: "ACC" });
    const certificate = await partner.api.get(closure.certificate!.url);
    expect(certificate.headers()["content-type"]).toBe("application/pdf");
    expect(Buffer.compare(await certificate.body(), bytes)).toBe(0);
  });
});
