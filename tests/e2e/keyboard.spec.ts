import { expect, test, type Locator, type Page } from "./fixtures";
import { offeredCaseViaApi, PARTNER_BN } from "./case-helpers";
import { BASE_URL, closeAll, DEMO_PASSWORD, saveScreen, signedInContext, unique } from "./helpers";
import { completeLorContent, createLorViaApi } from "./lor-helpers";

// Keyboard-only journeys (issue 16): a partner officer submits a letter of request and accepts an offer with Tab,
// Shift+Tab, Enter, Space and typing — no mouse. Data is prepared through the API; everything the officer does in the
// browser goes through page.keyboard. Every element the keyboard lands on must show where focus is.

/** Whether the focused element shows a focus indicator: an outline or a box-shadow ring. */
async function focusIsVisible(page: Page): Promise<{ visible: boolean; what: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { visible: true, what: "body" };
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    const ring = style.boxShadow !== "none" && style.boxShadow !== "";
    const name = (el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 40);
    return { visible: outline || ring, what: `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}> ${name}` };
  });
}

/**
 * Presses Tab (or Shift+Tab) until `target` has focus, checking at every stop that focus is visible. Fails if the
 * target is never reached: it is not in the tab order.
 */
async function tabTo(page: Page, target: Locator, { back = false, max = 150 } = {}) {
  const invisible: string[] = [];
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    const focus = await focusIsVisible(page);
    if (!focus.visible) invisible.push(focus.what);
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) {
      expect(invisible, "elements that took focus without showing it").toEqual([]);
      return;
    }
  }
  throw new Error(`${String(target)} was not reached with ${back ? "Shift+Tab" : "Tab"} in ${max} presses`);
}

/** Selects what the focused field holds and types over it. */
async function typeOver(page: Page, text: string) {
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type(text);
}

async function signInByKeyboard(page: Page, email: string) {
  await page.goto("/signin");
  await tabTo(page, page.getByLabel("Email address"));
  await page.keyboard.type(email);
  await tabTo(page, page.getByLabel("Password"));
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(`${BASE_URL}/`);
}

test("a partner officer edits and submits a letter of request with the keyboard only", async ({ browser }) => {
  const setup = await signedInContext(browser, PARTNER_BN);
  const subject = unique("Keyboard-only letter");
  const draft = await createLorViaApi(setup.api, completeLorContent({ subject: `${subject} (draft)` }));
  await closeAll(setup.context);

  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await signInByKeyboard(page, PARTNER_BN);

    await tabTo(page, page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My letters of request" }));
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("My letters of request");
    await tabTo(page, page.getByRole("link", { name: `${subject} (draft)` }));
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(`${BASE_URL}/lors/${draft.id}`);

    // Edit the subject: type over it, save the draft with Enter on the button.
    await tabTo(page, page.getByRole("link", { name: "Edit draft" }));
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(`${BASE_URL}/lors/${draft.id}/edit`);
    await tabTo(page, page.getByLabel("Subject", { exact: true }));
    await typeOver(page, subject);
    await tabTo(page, page.getByRole("button", { name: "Save draft" }));
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("notice")).toContainText("Draft saved");

    // Back to the letter and submit it.
    await tabTo(page, page.getByRole("link", { name: "← Back to the letter" }));
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(`${BASE_URL}/lors/${draft.id}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(subject);
    await tabTo(page, page.getByRole("button", { name: "Submit the letter" }));
    await saveScreen(page, "keyboard-lor-submit-focused");
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("notice")).toHaveText("Submitted. The U.S. Government has it now.");
  } finally {
    await closeAll(context);
  }
});

test("a partner officer accepts an offer with the keyboard only", async ({ browser }) => {
  const offered = await offeredCaseViaApi(browser);
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await signInByKeyboard(page, PARTNER_BN);
    await tabTo(page, page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My cases" }));
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("My cases");
    await tabTo(page, page.getByRole("link", { name: offered.identifier, exact: true }));
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(`${BASE_URL}/cases/${offered.id}`);

    // The accept form sits in a disclosure: Enter on its summary opens it.
    const accept = page.getByTestId("case-actions").getByTestId("action-accept");
    if ((await accept.getAttribute("open")) === null) {
      await tabTo(page, accept.locator("summary"));
      await page.keyboard.press("Enter");
    }
    await tabTo(page, accept.getByLabel("Name of the person signing"));
    await page.keyboard.type("Mira Castellan");
    await tabTo(page, accept.getByLabel("Title", { exact: true }));
    await page.keyboard.type("Director of Naval Procurement");
    await tabTo(page, accept.getByLabel("Initial deposit (US dollars)"));
    await typeOver(page, "250000.00");
    await tabTo(page, accept.getByLabel(/^I accept this LOA on behalf of /));
    await page.keyboard.press("Space");
    await expect(accept.getByLabel(/^I accept this LOA on behalf of /)).toBeChecked();
    await tabTo(page, accept.getByRole("button", { name: "Accept the offer" }));
    // Shift+Tab goes back to the statement, still ticked; Tab returns to the button.
    await tabTo(page, accept.getByLabel(/^I accept this LOA on behalf of /), { back: true, max: 5 });
    await expect(accept.getByLabel(/^I accept this LOA on behalf of /)).toBeChecked();
    await tabTo(page, accept.getByRole("button", { name: "Accept the offer" }), { max: 5 });
    await page.keyboard.press("Enter");

    // The confirmation takes focus; its Confirm button is reached with Tab and pressed with Enter.
    const confirmation = accept.getByTestId("confirm-accept");
    await expect(confirmation).toBeFocused();
    await tabTo(page, confirmation.getByRole("button", { name: /^Confirm/ }));
    await saveScreen(page, "keyboard-accept-confirm-focused");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(`${BASE_URL}/cases/${offered.id}?notice=accept`);
    await expect(page.getByTestId("notice")).toHaveText("Partner accepted the offer");
  } finally {
    await closeAll(context);
  }
});
