import { expect, test, type APIRequestContext, type Browser } from "./fixtures";
import { expectNoSeriousAxeViolations } from "./axe";
import { ARMY, DSCA, DTSA, PARTNER_BN, PARTNER_SR, STATE, caseAction, caseEvents, expectNoHorizontalScroll, openCaseViaApi, readableToday, today, tokenApi, type CaseView } from "./case-helpers";
import { closeAll, json, organizationByCode, signIn, unique, type ApiError } from "./helpers";
import { ADMIN_NOTE, getLoa } from "./loa-helpers";

// Execution per LOA line in the browser and through the API, on a fresh Army case walked to Executing: the agency
// records a shipment with its tracking reference, the partner marks it received and names who received it, and both
// see the progress bars move; axe on each page; the API refuses what the forms refuse, and another country gets 404.

const NOTES = [
  ADMIN_NOTE,
  { key: "accessorial-charges", title: "Accessorial Charges", text: "Packing, crating, handling and transportation are charged as estimated.", internal: false },
  { key: "transportation-services-through-dts", title: "Transportation Services through DTS", text: "Shipped through the Defense Transportation System.", internal: false },
];

/** Twelve radios from stock, shipped (DTC 2), and three months of training. */
const LOA = {
  description: "Handheld radios and operator training (execution e2e).",
  customerReference: "Based on the partner's letter of request",
  termsOfSale: [{ term: "CASH_PRIOR_TO_DELIVERY", amount: null }],
  initialDepositPercent: "20",
  paymentQuarters: 4,
  lines: [
    { lineNumber: "001", genericCode: "B2R", maslNumber: "5820016660001", description: "Handheld radio set", quantity: 12, unitOfIssue: "EA", unitCost: "6200.00", sourceOfSupply: "S", typeOfAssistance: "3", deliveryTermCode: "2" },
    { lineNumber: "002", genericCode: "B9T", maslNumber: "TRNGRADIO0001", description: "Operator training", quantity: 3, unitOfIssue: "MO", unitCost: "20000.00", sourceOfSupply: "S", typeOfAssistance: "3", monthsOfService: 3, deliveryTermCode: null },
  ],
  notes: NOTES,
};

interface Shipment {
  id: string;
  documentNumber: string;
  status: string;
  version: number;
  trackingReference: string;
}
interface Execution {
  lines: { lineNumber: string; measures: { key: string; done: string; target: string; percent: string; usgOnly: boolean }[]; shipments: Shipment[]; obligations: { amount: string | null }[] }[];
}

let apis: Record<"bn" | "sr" | "army" | "dsca" | "state" | "dtsa", APIRequestContext>;
let executing: CaseView;

/** The case from the partner's letter to Executing, through the API (DSCA implements it ahead of the deposit). */
async function executingCase(): Promise<CaseView> {
  const { bn, army, dsca, state, dtsa } = apis;
  const { case: opened } = await openCaseViaApi(bn, dsca, { agency: "B", subject: unique("Execution e2e") });
  const agency = await organizationByCode(dsca, "IMPLEMENTING_AGENCY", "B");
  const developing = await caseAction(dsca, opened, "assign-agency", { agencyId: agency.id });
  const loa = await getLoa(army, developing.id);
  const saved = await army.put(`/api/v1/cases/${developing.id}/loa`, { data: { expectedVersion: loa.version, ...LOA } });
  expect(saved.status(), await saved.text()).toBe(200);
  let c = await caseAction(army, developing, "approve-loa");
  for (const reviewer of [state, dtsa, dsca]) c = await caseAction(reviewer, c, "concur");
  expect(c.status).toBe("READY_TO_SIGN");
  c = await caseAction(army, c, "sign");
  c = await caseAction(dsca, c, "countersign");
  c = await caseAction(army, c, "offer");
  const document = await json<{ paymentSchedule: { initialDeposit: string } }>(await bn.get(`/api/v1/cases/${c.id}/documents/1`));
  c = await caseAction(bn, c, "accept", { signerName: "Col. Ana Varga", signerTitle: "Director of Armaments", signedOn: today(), initialDeposit: document.paymentSchedule.initialDeposit });
  c = await caseAction(dsca, c, "emergency-implement", { comment: "Implemented ahead of the deposit for the execution test" });
  c = await caseAction(army, c, "start-execution");
  expect(c.status).toBe("EXECUTING");
  return c;
}

test.beforeAll(async ({ browser }: { browser: Browser }) => {
  apis = {
    bn: await tokenApi(browser, PARTNER_BN),
    sr: await tokenApi(browser, PARTNER_SR),
    army: await tokenApi(browser, ARMY),
    dsca: await tokenApi(browser, DSCA),
    state: await tokenApi(browser, STATE),
    dtsa: await tokenApi(browser, DTSA),
  };
  executing = await executingCase();
});

test.afterAll(async () => {
  await closeAll(...Object.values(apis ?? {}));
});

const execution = async (api: APIRequestContext, caseId: string) => {
  const response = await api.get(`/api/v1/cases/${caseId}/execution`);
  expect(response.status(), await response.text()).toBe(200);
  return json<Execution>(response);
};

test("the agency records a shipment, the partner marks it received, and the progress shows it", async ({ browser }) => {
  const documentNumber = unique("SHP").toUpperCase().replace(/[^A-Z0-9-]/g, "").slice(0, 20);
  const path = `/cases/${executing.id}/execution`;

  // The Army case manager ships five radios.
  const agency = await browser.newContext();
  const agencyPage = await agency.newPage();
  await signIn(agencyPage, ARMY);
  await agencyPage.goto(path);
  await expect(agencyPage.getByRole("heading", { level: 1 })).toHaveText(`Lines and deliveries: case ${executing.identifier}`);
  await expect(agencyPage.getByTestId("case-subnav").getByRole("link", { name: "Lines and deliveries" })).toHaveAttribute("aria-current", "page");
  await expectNoSeriousAxeViolations(agencyPage);
  const radios = agencyPage.getByTestId("line-001");
  await expect(radios.getByTestId("progress-shipped-text")).toHaveText("0 of 12 EA · 0.0%");
  const form = radios.getByTestId("form-shipment-001");
  await form.locator("summary").click();
  await form.getByLabel("Shipment document number").fill(documentNumber);
  await form.getByLabel("Quantity shipped").fill("5");
  await form.getByLabel("Mode").selectOption("SEA");
  await form.getByLabel("Tracking reference").fill("Container MAEU 771209-3");
  await form.getByRole("button", { name: "Record shipment" }).click();
  await expect(agencyPage).toHaveURL(new RegExp(`${path}\\?notice=shipment#line-001$`));
  await expect(agencyPage.getByTestId("notice")).toHaveText("Shipment recorded");
  await expect(radios.getByTestId("progress-shipped-text")).toHaveText("5 of 12 EA · 41.6%");
  await expect(radios.getByTestId(`shipment-${documentNumber}`)).toContainText("Container MAEU 771209-3");
  await expect(radios.getByTestId(`shipment-${documentNumber}`)).toContainText("Shipped");
  await expectNoSeriousAxeViolations(agencyPage);

  // A quantity above what remains is refused beside the field, and nothing is recorded.
  await form.locator("summary").click();
  await form.getByLabel("Shipment document number").fill(`${documentNumber.slice(0, 16)}-X`);
  await form.getByLabel("Quantity shipped").fill("8");
  await form.getByLabel("Tracking reference").fill("Not sent");
  await form.getByRole("button", { name: "Record shipment" }).click();
  await expect(form.getByTestId("error-l001-shipment-quantity")).toHaveText("Only 7 of 12 remain unshipped on line 001");

  // The partner sees it on their page, with its tracking reference, and marks it received.
  const partner = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const partnerPage = await partner.newPage();
  await signIn(partnerPage, PARTNER_BN);
  await partnerPage.goto(path);
  await expectNoHorizontalScroll(partnerPage);
  await expectNoSeriousAxeViolations(partnerPage);
  const row = partnerPage.getByTestId("line-001").getByTestId(`shipment-${documentNumber}`);
  await expect(row).toContainText("Container MAEU 771209-3");
  // The partner may receive, not move a shipment in transit.
  await expect(row.getByRole("button", { name: /in transit/ })).toHaveCount(0);
  await row.getByText("Mark received").click();
  await row.getByLabel("Received by").fill("Maj. Teodor Anghel, Central Signal Depot");
  await row.getByRole("button", { name: "Record receipt" }).click();
  await expect(partnerPage.getByTestId("notice")).toHaveText("Shipment marked received");
  const line = partnerPage.getByTestId("line-001");
  await expect(line.getByTestId("progress-delivered-text")).toHaveText("5 of 12 EA · 41.6%");
  await expect(line.getByTestId(`shipment-${documentNumber}`)).toContainText("by Maj. Teodor Anghel, Central Signal Depot");
  await expectNoHorizontalScroll(partnerPage);
  await expectNoSeriousAxeViolations(partnerPage);

  // Both moves are milestones on the partner's timeline.
  const events = await caseEvents(apis.bn, executing.id);
  expect(events.filter((e) => e.action.startsWith("shipment.")).map((e) => e.note)).toEqual([
    expect.stringContaining(`Line 001: 5 shipped on ${readableToday()} by sea, document ${documentNumber}, tracking Container MAEU 771209-3`),
    `Line 001: shipment ${documentNumber} received on ${readableToday()} by Maj. Teodor Anghel, Central Signal Depot`,
  ]);
  await closeAll(agency, partner);
});

test("the API refuses what the forms refuse, hides contract amounts from the partner and another country's case is a 404", async () => {
  const { bn, sr, army } = apis;
  const base = `/api/v1/cases/${executing.id}`;
  const contract = await army.post(`${base}/lines/001/obligations`, { data: { contractNumber: "W15P7T-26-C-0999", awardedOn: today(), amount: "12400.00" } });
  expect(contract.status(), await contract.text()).toBe(201);
  const negative = await army.post(`${base}/lines/001/obligations`, { data: { contractNumber: "W15P7T-26-C-0998", awardedOn: today(), amount: "-1.00" } });
  expect(negative.status()).toBe(422);
  expect((await json<ApiError>(negative)).error.fields).toHaveProperty("amount");

  const partnerView = await execution(bn, executing.id);
  expect(partnerView.lines[0]!.obligations.every((o) => o.amount === null)).toBe(true);
  expect(partnerView.lines[0]!.measures.some((m) => m.usgOnly)).toBe(false);
  expect((await sr.get(`${base}/execution`)).status()).toBe(404);

  // Requisitions draw only on blanket lines.
  const requisition = await bn.post(`${base}/lines/001/requisitions`, {
    data: { documentNumber: `BBNA25${today().slice(3, 4)}0010001`, itemDescription: "Antenna", quantity: 1, unitPrice: "10.00", priority: "05" },
  });
  expect(requisition.status()).toBe(409);

  // A shipment, then a stale status change, a receipt in the future and one by another country.
  const shipped = await army.post(`${base}/lines/001/shipments`, {
    data: { documentNumber: unique("API").toUpperCase().replace(/[^A-Z0-9-]/g, "").slice(0, 20), quantity: 1, shippedOn: today(), mode: "AIR", trackingReference: "TCN API-1" },
  });
  expect(shipped.status(), await shipped.text()).toBe(201);
  const shipment = await json<Shipment>(shipped);
  const status = (api: APIRequestContext, body: Record<string, unknown>) => api.post(`${base}/shipments/${shipment.id}/status`, { data: body });
  expect((await status(army, { expectedVersion: 1, status: "IN_TRANSIT" })).status()).toBe(200);
  const stale = await status(bn, { expectedVersion: 1, status: "RECEIVED", receivedOn: today(), receivedBy: "Depot" });
  expect(stale.status()).toBe(409);
  expect((await json<ApiError>(stale)).error.currentVersion).toBe(2);
  const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  const future = await status(bn, { expectedVersion: 2, status: "RECEIVED", receivedOn: tomorrow, receivedBy: "Depot" });
  expect(future.status()).toBe(422);
  expect((await json<ApiError>(future)).error.fields).toEqual({ receivedOn: "The date received cannot be in the future" });
  expect((await status(sr, { expectedVersion: 2, status: "RECEIVED", receivedOn: today(), receivedBy: "Depot" })).status()).toBe(404);
  const received = await status(bn, { expectedVersion: 2, status: "RECEIVED", receivedOn: today(), receivedBy: "Depot" });
  expect(received.status(), await received.text()).toBe(200);
  expect(await json<Shipment>(received)).toMatchObject({ status: "RECEIVED", version: 3 });

  // Services beyond the LOA's months are refused beside the field.
  const months = await army.post(`${base}/lines/002/services`, {
    data: { performedFrom: today(), performedTo: today(), units: "4", value: "1.00", description: "Too many months" },
  });
  expect(months.status()).toBe(422);
  expect((await json<ApiError>(months)).error.fields).toEqual({ units: "Only 3 of 3 months remain to perform on line 002" });
});
