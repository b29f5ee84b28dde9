import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { json } from "./helpers";

// Shared pieces for the LOA specs and for the case specs that need a complete LOA before `approve-loa`.

/** What GET/PUT /api/v1/cases/{id}/loa answers (src/domain/schemas/loa.ts WorkingLoaView), trimmed to what tests read. */
export type WorkingLoa = {
  number: number;
  documentType: string | null;
  name: string;
  status: string;
  version: number;
  caseId: string;
  caseIdentifier: string;
  description: string;
  totalEstimatedCost: string;
  pdfSha256: string | null;
  lines: { lineNumber: string; description: string; internalNote?: string | null }[];
  notes: { key: string | null; title: string; text: string; internal: boolean }[];
  pricing: { summary: Record<string, string> };
  problems: string[];
  editable: boolean;
  startsChange: boolean;
  lockedReason: string | null;
};

export const ADMIN_NOTE = {
  key: "administrative-surcharge",
  title: "Administrative Surcharge",
  text: "The administrative surcharge applies to every line at the rate in force when the LOA is offered.",
  internal: false,
};

/** The simplest LOA that may go to review: one services line from stock (S, no delivery term) and the admin note. */
export function simpleLoaContent(
  extra: { description?: string; lineInternalNote?: string; notes?: { key: string | null; title: string; text: string; internal: boolean }[] } = {},
) {
  return {
    description: extra.description ?? "Operator training for the partner's crews.",
    customerReference: "Based on the partner's letter of request",
    termsOfSale: [{ term: "CASH_PRIOR_TO_DELIVERY", amount: null }],
    initialDepositPercent: "20",
    paymentQuarters: 4,
    lines: [
      {
        lineNumber: "001",
        genericCode: "E3N",
        maslNumber: "5855015432100",
        description: "Training",
        quantity: 1,
        unitOfIssue: "LO",
        unitCost: "180000.00",
        sourceOfSupply: "S",
        typeOfAssistance: "3",
        monthsOfService: 12,
        deliveryTermCode: null,
        internalNote: extra.lineInternalNote ?? null,
      },
    ],
    notes: [ADMIN_NOTE, ...(extra.notes ?? [])],
  };
}

export async function getLoa(api: APIRequestContext, caseId: string): Promise<WorkingLoa> {
  const response = await api.get(`/api/v1/cases/${caseId}/loa`);
  expect(response.status(), await response.text()).toBe(200);
  return json<WorkingLoa>(response);
}

/**
 * Saves a complete basic LOA as the case's agency case manager (`agencyManager`: navy@ for agency P, army@ for B), so
 * `approve-loa` accepts it. Adds one `loa.save` event to the case's audit chain; the case's own version is unchanged.
 */
export async function fillLoaViaApi(agencyManager: APIRequestContext, caseId: string, extra: Parameters<typeof simpleLoaContent>[0] = {}): Promise<WorkingLoa> {
  const current = await getLoa(agencyManager, caseId);
  const response = await agencyManager.put(`/api/v1/cases/${caseId}/loa`, { data: { expectedVersion: current.version, ...simpleLoaContent(extra) } });
  expect(response.status(), `PUT /loa: ${await response.text()}`).toBe(200);
  const saved = await json<WorkingLoa>(response);
  expect(saved.problems, "the saved LOA is complete").toEqual([]);
  return saved;
}

/** The worked example (fms-domain.md §7.4) as API lines. */
export const WORKED_EXAMPLE_LINES = [
  {
    lineNumber: "001",
    genericCode: "A1B",
    maslNumber: "2320015551234",
    description: "Tactical vehicle",
    quantity: 10,
    unitOfIssue: "EA",
    unitCost: "1000000.00",
    sourceOfSupply: "P",
    typeOfAssistance: "5",
    deliveryTermCode: "2",
    mde: true,
    ncPerUnit: "50000.00",
  },
  {
    lineNumber: "002",
    genericCode: "R6A",
    maslNumber: "2320015559999",
    description: "Initial spares",
    quantity: 1,
    unitOfIssue: "LO",
    unitCost: "2000000.00",
    sourceOfSupply: "X",
    typeOfAssistance: "4",
    deliveryTermCode: "2",
  },
  {
    lineNumber: "003",
    genericCode: "E3N",
    maslNumber: "5855015432100",
    description: "Operator training",
    quantity: 1,
    unitOfIssue: "LO",
    unitCost: "500000.00",
    sourceOfSupply: "S",
    typeOfAssistance: "3",
    deliveryTermCode: null,
  },
];

export const WORKED_EXAMPLE_TOTALS = {
  net: "$13,110,000.00",
  pch: "$30,000.00",
  admin: "$498,180.00",
  transport: "$346,775.00",
  total: "$13,984,955.00",
};

/** Fails when the page is wider than its viewport (tables must scroll inside their own region). */
export async function expectNoPageScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `${page.url()} is wider than the viewport`).toBeLessThanOrEqual(clientWidth);
}

/**
 * The accessibility basics a11y.spec.ts checks on every kind of page: one h1, every control and button named, the
 * classification banners, and the skip link first in tab order.
 */
export async function checkA11yBasics(page: Page, { skipLink = true }: { skipLink?: boolean } = {}) {
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
  const controls = page.locator('input:not([type="hidden"]), select, textarea');
  const count = await controls.count();
  for (let i = 0; i < count; i += 1) {
    const control = controls.nth(i);
    const id = await control.getAttribute("id");
    await expect(control, `control #${id ?? i} needs a label`).toHaveAccessibleName(/\S/);
  }
  const buttons = page.getByRole("button");
  for (let i = 0; i < (await buttons.count()); i += 1) await expect(buttons.nth(i)).toHaveAccessibleName(/\S/);
  // Scrollable regions can be reached with the keyboard and are named.
  const regions = page.getByRole("region");
  for (let i = 0; i < (await regions.count()); i += 1) await expect(regions.nth(i)).toHaveAccessibleName(/\S/);
  for (const position of ["top", "bottom"]) await expect(page.getByTestId(`classification-${position}`)).toHaveText("CUI");
  if (!skipLink) return;
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
}
