import Decimal from "decimal.js";
import { expect, test, type APIRequestContext, type BrowserContext, type Page } from "./fixtures";
import { formatUsd } from "../../src/domain/money";
import { expectNoSeriousAxeViolations } from "./axe";
import { DSCA, DTSA, NAVY, PARTNER_BN, STATE, caseAction, openCaseViaApi, today, type CaseView } from "./case-helpers";
import { BASE_URL, closeAll, json, organizationByCode, saveScreen, signedInContext, unique } from "./helpers";
import { ADMIN_NOTE, checkA11yBasics, expectNoPageScroll, getLoa, type WorkingLoa } from "./loa-helpers";

// The version comparison (issue 18 item 7): on a fresh Navy case whose basic LOA Bandaria accepted, the Navy proposes an
// Amendment that cuts the radios from 4 to 3 and adds operator training; DSCA offers it. The case manager opens the
// comparison from the document page and sees the changed quantity with before and after, the line's price difference
// and the case value's, at desktop and phone widths; axe finds nothing serious. The partner compares the same pair.

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

const LOA = {
  description: "Handheld radios and vehicle mount kits (version comparison e2e).",
  customerReference: "Based on the partner's letter of request",
  termsOfSale: [{ term: "CASH_PRIOR_TO_DELIVERY", amount: null }],
  initialDepositPercent: "20",
  paymentQuarters: 4,
  lines: [
    { lineNumber: "001", genericCode: "B2R", maslNumber: "5820016660001", description: "Handheld radio set", quantity: 4, unitOfIssue: "EA", unitCost: "6200.00", sourceOfSupply: "S", typeOfAssistance: "3", deliveryTermCode: "2", internalNote: "Depot price list 2026." },
    { lineNumber: "002", genericCode: "B2R", maslNumber: "5820016660077", description: "Vehicle mount kit", quantity: 2, unitOfIssue: "EA", unitCost: "1500.00", sourceOfSupply: "P", typeOfAssistance: "5", deliveryTermCode: "2" },
  ],
  notes: NOTES,
};

const TRAINING = { lineNumber: "003", genericCode: "E3N", maslNumber: "5855015432100", description: "Radio operator training", quantity: 1, unitOfIssue: "LO", unitCost: "18000.00", sourceOfSupply: "S", typeOfAssistance: "3", monthsOfService: 3, deliveryTermCode: null };

type Comparison = {
  from: { number: number; name: string; totalEstimatedCost: string };
  to: { number: number; name: string; totalEstimatedCost: string };
  summary: string[];
  lines: { lineNumber: string; status: string; loadedValue: { difference: string }; lineTotal: { before: string | null; after: string | null } }[];
  costSummary: { totalEstimatedCost: { before: string; after: string; difference: string } };
  classification: { proposal: string } | null;
};

test.describe("comparing two versions of an LOA", () => {
  let navy: Session;
  let partner: Session;
  let c: CaseView;

  /** The case through the API to an accepted basic LOA, then the Navy's Amendment, submitted and offered by DSCA. */
  async function caseWithOfferedAmendment(dsca: Session, state: Session, dtsa: Session): Promise<CaseView> {
    const { case: opened } = await openCaseViaApi(partner.api, dsca.api, { agency: "P", subject: unique("Version comparison") });
    const agency = await organizationByCode(dsca.api, "IMPLEMENTING_AGENCY", "P");
    let next = await caseAction(dsca.api, opened, "assign-agency", { agencyId: agency.id });
    const draft = await getLoa(navy.api, next.id);
    const saved = await navy.api.put(`/api/v1/cases/${next.id}/loa`, { data: { expectedVersion: draft.version, ...LOA } });
    expect(saved.status(), await saved.text()).toBe(200);
    expect((await json<WorkingLoa>(saved)).problems, "the LOA is complete").toEqual([]);
    next = await caseAction(navy.api, next, "approve-loa");
    for (const reviewer of [dsca.api, state.api, dtsa.api]) next = await caseAction(reviewer, next, "concur");
    next = await caseAction(navy.api, next, "sign");
    next = await caseAction(dsca.api, next, "countersign");
    next = await caseAction(navy.api, next, "offer");
    const finances = await partner.api.get(`/api/v1/cases/${next.id}/finances`);
    expect(finances.status(), await finances.text()).toBe(200);
    const due = (await json<{ deposit: { due: string } }>(finances)).deposit.due;
    next = await caseAction(partner.api, next, "accept", { signerName: "Mira Castellan", signerTitle: "Director of Armaments", signedOn: today(), initialDeposit: due });

    // The Amendment: one radio fewer on line 001 (a scope cut) and a new training line.
    const inForce = await getLoa(navy.api, next.id);
    expect(inForce.startsChange).toBe(true);
    const lines = [{ ...LOA.lines[0]!, quantity: 3 }, LOA.lines[1]!, TRAINING];
    const change = await navy.api.put(`/api/v1/cases/${next.id}/loa`, { data: { expectedVersion: inForce.version, ...LOA, lines } });
    expect(change.status(), await change.text()).toBe(200);
    const proposed = await json<WorkingLoa>(change);
    expect(proposed.number).toBe(2);
    const submitted = await navy.api.post(`/api/v1/cases/${next.id}/documents/2/actions/submit`, {
      data: { expectedVersion: proposed.version, documentType: "AMENDMENT", reason: "Reduces line 001 to three radio sets and adds operator training as line 003." },
    });
    expect(submitted.status(), await submitted.text()).toBe(200);
    const approved = await dsca.api.post(`/api/v1/cases/${next.id}/documents/2/actions/approve`, {
      data: { expectedVersion: (await json<{ version: number }>(submitted)).version },
    });
    expect(approved.status(), await approved.text()).toBe(200);
    return next;
  }

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(120_000);
    const [n, p, dsca, state, dtsa] = (await Promise.all([NAVY, PARTNER_BN, DSCA, STATE, DTSA].map((email) => signedInContext(browser, email)))) as Session[];
    [navy, partner] = [n!, p!];
    try {
      c = await caseWithOfferedAmendment(dsca!, state!, dtsa!);
    } finally {
      await closeAll(dsca?.context, state?.context, dtsa?.context);
    }
  });

  test.afterAll(async () => {
    await closeAll(navy?.context, partner?.context);
  });

  test("the case manager opens the comparison of the basic LOA and Amendment 1 and sees the changed quantity and the price difference", async () => {
    const api = await navy.api.get(`/api/v1/cases/${c.id}/documents/compare?from=1&to=2`);
    expect(api.status(), await api.text()).toBe(200);
    const comparison = await json<Comparison>(api);
    expect(comparison.classification?.proposal).toBe("AMENDMENT");
    const radios = comparison.lines.find((l) => l.lineNumber === "001")!;
    expect(radios).toMatchObject({ status: "CHANGED", lineTotal: { before: "24800.00", after: "18600.00" } });
    const total = comparison.costSummary.totalEstimatedCost;
    expect(total.difference).toBe(new Decimal(total.after).minus(total.before).toFixed(2));
    expect(total.after).toBe(comparison.to.totalEstimatedCost);

    const p = navy.page;
    await p.setViewportSize({ width: 1280, height: 900 });
    await p.goto(`/cases/${c.id}/documents/2`);
    await p.getByTestId("compare-with-1").click();
    await expect(p).toHaveURL(`${BASE_URL}/cases/${c.id}/documents/compare?from=1&to=2`);
    await expect(p.getByRole("heading", { level: 1 })).toHaveText("Compare LOA versions");

    // The summary first, in words.
    await expect(p.getByTestId("compare-sentences")).toContainText("Compared with the basic LOA, Amendment 1 adds line 003 and changes the quantity of line 001.");
    const rise = new Decimal(total.difference);
    await expect(p.getByTestId("compare-sentences")).toContainText(`The case value ${rise.isPositive() ? "rises" : "falls"} by ${formatUsd(rise.abs().toFixed(2))} to ${formatUsd(total.after)}.`);
    await expect(p.getByTestId("compare-classification")).toContainText("Proposed document type: Amendment.");
    await expect(p.getByTestId("compare-total")).toHaveText(`${formatUsd(total.before)} → ${formatUsd(total.after)} (+${formatUsd(total.difference)})`);

    // Line 001: the quantity with before and after in words, both line totals and the effect on the case value.
    const row = p.getByTestId("compare-line-001");
    await expect(row.getByTestId("compare-status-001")).toHaveText("Changed");
    await expect(row.getByTestId("compare-quantity-001")).toHaveText("3 EAwas 4 EA");
    await expect(row.getByTestId("compare-quantity-001")).toHaveAttribute("data-changed", "true");
    await expect(row.getByTestId("compare-total-before-001")).toHaveText("$24,800.00");
    await expect(row.getByTestId("compare-total-after-001")).toHaveText("$18,600.00");
    await expect(row.getByTestId("compare-effect-001")).toContainText(formatUsd(radios.loadedValue.difference));
    await expect(row.getByTestId("compare-changes-001")).toContainText("Quantity: was 4, now 3");
    await expect(row.getByTestId("compare-changes-001")).toContainText("Scope");
    await expect(p.getByTestId("compare-line-003")).toHaveAttribute("data-status", "ADDED");
    await expect(p.getByTestId("compare-status-003")).toHaveText("Added");
    await expect(p.getByTestId("compare-line-002")).toHaveAttribute("data-status", "UNCHANGED");
    await expect(p.getByTestId("compare-cost-totalEstimatedCost")).toContainText(`+${formatUsd(total.difference)}`);

    // A fresh load, so the skip link is first in tab order (the click above navigated inside the app).
    await p.reload();
    await checkA11yBasics(p);
    await expectNoPageScroll(p);
    await expectNoSeriousAxeViolations(p);
    await saveScreen(p, "loa-compare-desktop");

    // Readable on a phone: the page itself never scrolls sideways; the wide table scrolls in its own named region.
    await p.setViewportSize({ width: 390, height: 844 });
    await expectNoPageScroll(p);
    await expect(p.getByRole("region", { name: /Lines of .* side by side/ })).toBeVisible();
    await saveScreen(p, "loa-compare-phone");

    // Choosing another pair with the form: the same version twice says there is nothing to see.
    await p.setViewportSize({ width: 1280, height: 900 });
    await p.getByLabel("From (earlier version)").selectOption({ index: 1 });
    await p.getByRole("button", { name: "Compare" }).click();
    await expect(p).toHaveURL(`${BASE_URL}/cases/${c.id}/documents/compare?from=2&to=2`);
    await expect(p.getByTestId("same-version")).toBeVisible();

    // A number that is no document number is named beside its field.
    await p.goto(`/cases/${c.id}/documents/compare?from=first&to=2`);
    await expect(p.getByTestId("error-from")).toHaveText("from must be the number of one of this case's documents, like 1 for the basic LOA");
    await expect(p.getByTestId("compare-summary")).toHaveCount(0);
  });

  test("the partner compares the offered Amendment with the basic LOA, without internal notes or the proposal", async () => {
    const p = partner.page;
    await p.goto(`/cases/${c.id}/documents/compare`);
    await expect(p.getByTestId("compare-sentences")).toContainText("Compared with the basic LOA, Amendment 1 adds line 003 and changes the quantity of line 001.");
    await expect(p.getByTestId("compare-classification")).toHaveCount(0);
    await expect(p.getByTestId("compare-quantity-001")).toHaveText("3 EAwas 4 EA");
    await expect(p.locator("body")).not.toContainText("Depot price list");
    await expectNoSeriousAxeViolations(p);
  });
});
