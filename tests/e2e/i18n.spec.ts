import { expect, test, type Browser, type Page } from "./fixtures";
import { offeredCaseViaApi, PARTNER_BN } from "./case-helpers";
import { BASE_URL, closeAll, DEMO_PASSWORD, newBandariaOfficer, saveScreen, signedInContext, unique } from "./helpers";
import { msg } from "./i18n-messages";
import { completeLorContent, createLorViaApi } from "./lor-helpers";

// Partner officers in their own language and time zone (issue 16 §1–2): an Arabic-speaking officer works right to
// left, a French one sees French numbers and Paris time, and a language chosen once follows the person to another
// browser. Demo accounts are used only with the browser's own language (nothing saved on them); a choice that is saved
// is made by a person created for the test.

async function browserIn(browser: Browser, locale: string, timezoneId: string, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ locale, timezoneId, viewport });
  return { context, page: await context.newPage() };
}

async function signInAs(page: Page, locale: string, email: string, password = DEMO_PASSWORD) {
  await page.goto("/signin");
  await page.getByLabel(msg(locale, "SignInForm.email")).fill(email);
  await page.getByLabel(msg(locale, "SignInForm.password")).fill(password);
  await page.getByRole("button", { name: msg(locale, "SignInForm.signIn") }).click();
  await expect(page).toHaveURL(`${BASE_URL}/`);
}

test("an Arabic-speaking partner officer submits a letter of request on a right-to-left page", async ({ browser }) => {
  const setup = await signedInContext(browser, PARTNER_BN);
  const subject = unique("Arabic letter");
  const draft = await createLorViaApi(setup.api, completeLorContent({ subject }));
  await closeAll(setup.context);

  const { context, page } = await browserIn(browser, "ar-SA", "Asia/Riyadh");
  try {
    // The browser's Accept-Language is the first guess: the sign-in page is already Arabic and right to left.
    await page.goto("/signin");
    await expect(page.locator("html")).toHaveAttribute("lang", "ar");
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await signInAs(page, "ar", PARTNER_BN);

    const nav = page.getByRole("navigation", { name: msg("ar", "Shell.mainNav") });
    // Mirrored: the first menu item sits to the right of the second.
    const [first, second] = await Promise.all([nav.getByRole("link").nth(0).boundingBox(), nav.getByRole("link").nth(1).boundingBox()]);
    expect(first!.x).toBeGreaterThan(second!.x);

    await nav.getByRole("link", { name: msg("ar", "Shell.nav.myLetters") }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(msg("ar", "LorList.partnerTitle"));
    await page.getByRole("link", { name: subject }).click();
    await expect(page).toHaveURL(`${BASE_URL}/lors/${draft.id}`);
    await expect(page.getByTestId("lor-status").first()).toHaveText(msg("ar", "Labels.lorStatus.DRAFT"));
    await saveScreen(page, "ar-letter-draft");

    await page.getByRole("button", { name: msg("ar", "LorActions.submit") }).click();
    await expect(page.getByTestId("notice")).toHaveText(msg("ar", "LorDetail.notices.submit"));
    await expect(page.getByTestId("lor-status").first()).toHaveText(msg("ar", "Labels.lorStatus.SUBMITTED"));
    await saveScreen(page, "ar-letter-submitted");
  } finally {
    await closeAll(context);
  }
});

test("an Arabic-speaking partner officer reviews and signs an offer on a right-to-left page", async ({ browser }) => {
  const offered = await offeredCaseViaApi(browser);
  const { context, page } = await browserIn(browser, "ar-SA", "Asia/Riyadh");
  try {
    await signInAs(page, "ar", PARTNER_BN);
    await page.getByRole("navigation", { name: msg("ar", "Shell.mainNav") }).getByRole("link", { name: msg("ar", "Shell.nav.myCases") }).click();
    await page.getByRole("link", { name: offered.identifier, exact: true }).click();
    await expect(page).toHaveURL(`${BASE_URL}/cases/${offered.id}`);
    await expect(page.getByTestId("case-status").first()).toHaveText(msg("ar", "Labels.caseStatus.OFFERED"));
    // The LOA's legal text stays English, and the page says so in Arabic.
    await expect(page.locator("main")).toContainText(msg("ar", "CaseAccept.legalTextEnglish"));

    const accept = page.getByTestId("case-actions").getByTestId("action-accept");
    if ((await accept.getAttribute("open")) === null) await accept.locator("summary").click();
    await accept.getByLabel(msg("ar", "CaseActions.signerName")).fill("مريم الكاستلان");
    await accept.getByLabel(msg("ar", "CaseActions.signerTitle"), { exact: true }).fill("مديرة المشتريات البحرية");
    await accept.getByLabel(msg("ar", "CaseActions.depositLabel")).fill("250000.00");
    await accept.getByLabel((msg("ar", "CaseActions.consent").split("{")[0] ?? "").trim(), { exact: false }).check();
    await saveScreen(page, "ar-accept-review");
    await accept.getByRole("button", { name: msg("ar", "CaseEvents.accept.label"), exact: true }).click();
    const confirmation = accept.getByTestId("confirm-accept");
    await expect(confirmation).toBeFocused();
    await confirmation.getByRole("button", { name: new RegExp(`^${msg("ar", "CaseBinding.confirm").split("{")[0] ?? ""}`) }).click();
    await expect(page).toHaveURL(`${BASE_URL}/cases/${offered.id}?notice=accept`);
    await expect(page.getByTestId("notice")).toHaveText(msg("ar", "CaseEvents.accept.pastTense"));
    await expect(page.getByTestId("case-status").first()).toHaveText(msg("ar", "Labels.caseStatus.ACCEPTED"));
    await saveScreen(page, "ar-case-accepted");
  } finally {
    await closeAll(context);
  }
});

test("key pages in Arabic fit a 390 px phone without sideways scrolling, and the menu opens", async ({ browser }) => {
  const { context, page } = await browserIn(browser, "ar-SA", "Asia/Riyadh", { width: 390, height: 844 });
  try {
    await signInAs(page, "ar", PARTNER_BN);
    for (const [path, name] of [["/", "home"], ["/lors", "letters"], ["/cases", "cases"], ["/notifications", "notifications"], ["/profile", "profile"]] as const) {
      await page.goto(path);
      await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(1);
      await saveScreen(page, `ar-390-${name}`);
    }
    await page.getByTestId("menu-button").click();
    await expect(page.getByRole("navigation", { name: msg("ar", "Shell.mainNav") }).getByRole("link", { name: msg("ar", "Shell.nav.myCases") })).toBeVisible();
    await saveScreen(page, "ar-390-menu-open");
  } finally {
    await closeAll(context);
  }
});

test("a French partner officer sees French numbers, Paris time with its zone named, and French on the offered case", async ({ browser }) => {
  const offered = await offeredCaseViaApi(browser);
  const { context, page } = await browserIn(browser, "fr-FR", "Europe/Paris");
  try {
    await signInAs(page, "fr", PARTNER_BN);
    await page.goto(`/cases/${offered.id}`);
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
    await expect(page.getByTestId("case-status").first()).toHaveText(msg("fr", "Labels.caseStatus.OFFERED"));
    // Dollars as French writes them: "1 234 567,89 $US" (narrow no-break spaces between thousands).
    await expect(page.locator("main")).toContainText(/\d{1,3}(?:[\u202f\u00a0 ]\d{3})+,\d{2}[\u202f\u00a0 ]\$US/);
    await expect(page.locator("main")).not.toContainText(/\$\d{1,3},\d{3}/);
    await saveScreen(page, "fr-case-offered");

    // The browser's zone, named: Paris in December is UTC+1.
    await page.goto("/profile");
    await expect(page.getByTestId("display-zone")).toContainText("Europe/Paris");
    await expect(page.locator("main")).toContainText(/\d{1,2} [a-zéû]+\.? 20\d\d,? \d{2}:\d{2} UTC\+1/);
  } finally {
    await closeAll(context);
  }
});

test("a language and time zone chosen once follow the person to another browser, and can be handed back to the browser", async ({ browser }) => {
  const { email, password } = await newBandariaOfficer(browser, "espanol");

  const first = await browserIn(browser, "en-US", "UTC");
  try {
    await signInAs(first.page, "en", email, password);
    const switcher = first.page.getByTestId("locale-switcher");
    await switcher.getByLabel("Language").selectOption("es");
    await switcher.getByRole("button", { name: "Change language" }).click();
    await expect(first.page.locator("html")).toHaveAttribute("lang", "es");
    await expect(first.page.getByRole("navigation", { name: msg("es", "Shell.mainNav") }).getByRole("link", { name: msg("es", "Shell.nav.myCases") })).toBeVisible();

    // The profile chooses the zone: Bogotá.
    await first.page.goto("/profile");
    await first.page.getByLabel(msg("es", "Profile.zoneLabel"), { exact: true }).selectOption("America/Bogota");
    await first.page.getByRole("button", { name: msg("es", "Profile.saveDisplay") }).click();
    await expect(first.page.getByTestId("display-saved")).toHaveText(msg("es", "Profile.displaySaved"));
    await expect(first.page.getByTestId("display-zone")).toContainText("America/Bogota");
  } finally {
    await closeAll(first.context);
  }

  // Another browser, in English and UTC: after sign-in the person's own choices are back.
  const second = await browserIn(browser, "en-US", "UTC");
  try {
    await signInAs(second.page, "en", email, password);
    await expect(second.page.locator("html")).toHaveAttribute("lang", "es");
    await second.page.goto("/profile");
    await expect(second.page.getByTestId("display-zone")).toContainText("America/Bogota");
    await expect(second.page.locator("main")).toContainText(/GMT-5|UTC-5/);
    await saveScreen(second.page, "es-profile-display");

    // Handing both back to the browser: English (its Accept-Language) and UTC (its zone).
    const display = second.page.getByRole("region", { name: msg("es", "Profile.displayHeading") });
    await display.getByLabel(msg("es", "Profile.languageLabel"), { exact: true }).selectOption("");
    await display.getByLabel(msg("es", "Profile.zoneLabel"), { exact: true }).selectOption("");
    await second.page.getByRole("button", { name: msg("es", "Profile.saveDisplay") }).click();
    await expect(second.page.locator("html")).toHaveAttribute("lang", "en");
    await second.page.reload();
    await expect(second.page.getByTestId("display-zone")).toContainText("UTC");
  } finally {
    await closeAll(second.context);
  }
});
