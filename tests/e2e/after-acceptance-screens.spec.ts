import { expect, test, type APIRequestContext, type Browser } from "./fixtures";
import { expectNoSeriousAxeViolations } from "./axe";
import { ARMY, DSCA, expectNoHorizontalScroll, NAVY, PARTNER_BN, type CaseView } from "./case-helpers";
import { closeAll, json, saveScreen, signIn, signedInContext } from "./helpers";
import type { Page as ListPage } from "./lor-helpers";

// Every page a case has after acceptance, on the demo data a fresh start shows (prisma/demo-cases.ts and the
// after-acceptance demo seeds), for the person who uses it: at 1280 px and 390 px, with axe on each, no sideways
// scrolling of the page itself, and a screenshot in test-results/screens/after-*.png to look at.

const WIDTHS = [
  { name: "desktop", width: 1280, height: 900 },
  { name: "mobile", width: 390, height: 844 },
] as const;

const FINANCE = "finance@caseway.example";

interface DemoCases {
  radios: CaseView;
  spares: CaseView;
  closed: CaseView;
}

async function bandariaCases(api: APIRequestContext): Promise<DemoCases> {
  const response = await api.get("/api/v1/cases?pageSize=100");
  expect(response.status()).toBe(200);
  const items = (await json<ListPage<CaseView>>(response)).items;
  const radios = items.find((c) => c.identifier === "BN-B-AAA");
  const spares = items.find((c) => c.caseType === "BLANKET_ORDER" && c.status === "EXECUTING");
  // By identifier: other specs close fresh cases of their own.
  const closed = items.find((c) => c.identifier === "BN-B-AAB" && c.status === "CLOSED");
  expect(radios, "the executing radios case").toBeTruthy();
  expect(spares, "the executing blanket order case").toBeTruthy();
  expect(closed, "the case closed under ACC").toBeTruthy();
  return { radios: radios!, spares: spares!, closed: closed! };
}

let demo: DemoCases;

test.beforeAll(async ({ browser }: { browser: Browser }) => {
  const partner = await signedInContext(browser, PARTNER_BN);
  demo = await bandariaCases(partner.api);
  await closeAll(partner.context);
});

const SCREENS: { who: string; label: string; path: (d: DemoCases) => string; heading: RegExp }[] = [
  { who: PARTNER_BN, label: "partner-overview", path: (d) => `/cases/${d.radios.id}`, heading: /Case BN-B-AAA/ },
  { who: PARTNER_BN, label: "partner-lines", path: (d) => `/cases/${d.radios.id}/execution`, heading: /BN-B-AAA/ },
  { who: PARTNER_BN, label: "partner-money", path: (d) => `/cases/${d.radios.id}/finance`, heading: /BN-B-AAA/ },
  { who: PARTNER_BN, label: "partner-sdrs", path: (d) => `/cases/${d.radios.id}/sdrs`, heading: /BN-B-AAA/ },
  { who: PARTNER_BN, label: "partner-sdr", path: (d) => `/cases/${d.radios.id}/sdrs/1`, heading: /SDR|discrepancy/i },
  { who: PARTNER_BN, label: "partner-closed", path: (d) => `/cases/${d.closed.id}/closure`, heading: /Closure|BN-B/ },
  { who: ARMY, label: "agency-lines", path: (d) => `/cases/${d.radios.id}/execution`, heading: /BN-B-AAA/ },
  { who: ARMY, label: "agency-closure", path: (d) => `/cases/${d.radios.id}/closure`, heading: /BN-B-AAA/ },
  { who: NAVY, label: "agency-blanket", path: (d) => `/cases/${d.spares.id}/execution`, heading: /BN-P/ },
  { who: FINANCE, label: "finance-money", path: (d) => `/cases/${d.radios.id}/finance`, heading: /BN-B-AAA/ },
  { who: DSCA, label: "dsca-closed", path: (d) => `/cases/${d.closed.id}/closure`, heading: /BN-B/ },
];

for (const screen of SCREENS) {
  for (const size of WIDTHS) {
    test(`${screen.label} at ${size.width} px: readable, no serious accessibility violation`, async ({ page }) => {
      await page.setViewportSize(size);
      await signIn(page, screen.who);
      const response = await page.goto(screen.path(demo));
      expect(response?.status()).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(screen.heading);
      await expect(page.getByTestId("case-subnav")).toBeVisible();
      await expectNoHorizontalScroll(page);
      await expectNoSeriousAxeViolations(page);
      await saveScreen(page, `after-${screen.label}-${size.name}`);
    });
  }
}
