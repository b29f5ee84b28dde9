import { expect, test } from "./fixtures";
import { E2E_MAIL_URL } from "../../playwright.config";
import { expectNoSeriousAxeViolations } from "./axe";
import { offeredCaseViaApi, PARTNER_BN } from "./case-helpers";
import { closeAll, saveScreen, signedInContext } from "./helpers";

// E-mail (issue 15 §3) through the mail catcher scripts/serve.ts starts beside the server (MailDev, read through its
// REST API): the partner's officer sets their e-mail preferences on their profile, and receives the offer of their
// case by e-mail — a subject that names no case, a body with the case and a link that opens it.

type CaughtMail = { subject: string; text: string; to: { address: string }[]; headers: Record<string, string> };

async function mailTo(address: string, subject: string, contains: string): Promise<CaughtMail> {
  let found: CaughtMail | undefined;
  await expect
    .poll(
      async () => {
        const response = await fetch(`${E2E_MAIL_URL}/api/email`);
        const mails = (await response.json()) as CaughtMail[];
        found = mails.find((m) => m.subject === subject && m.to.some((t) => t.address === address) && m.text.includes(contains));
        return found !== undefined;
      },
      { timeout: 120_000, intervals: [500, 1000, 2000] },
    )
    .toBe(true);
  return found!;
}

test.describe.serial("e-mail notifications", () => {
  test("a partner officer chooses, per kind, how Caseway e-mails them", async ({ browser }) => {
    const partner = await signedInContext(browser, PARTNER_BN);
    try {
      const page = partner.page;
      await page.goto("/profile");
      await page.getByRole("link", { name: "Notification settings" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Notification settings" })).toBeVisible();
      // Only what a partner can receive: no Policy group, no internal review steps.
      await expect(page.getByRole("group", { name: "Offers and changes" })).toBeVisible();
      await expect(page.getByRole("group", { name: "Policy" })).toHaveCount(0);
      const shipments = page.getByRole("group", { name: "A shipment was sent" });
      await expect(shipments.getByRole("radio", { name: "Daily digest" })).toBeChecked();
      await shipments.getByRole("radio", { name: "Off" }).check();
      await page.getByRole("button", { name: "Save e-mail settings" }).click();
      await expect(page.getByTestId("preferences-saved")).toHaveText("Your e-mail settings are saved");
      await expectNoSeriousAxeViolations(page);
      await saveScreen(page, "notification-settings");
      await page.reload();
      await expect(page.getByRole("group", { name: "A shipment was sent" }).getByRole("radio", { name: "Off" })).toBeChecked();
      await expect(page.getByRole("group", { name: "An LOA was offered to the partner" }).getByRole("radio", { name: "Immediately" })).toBeChecked();
    } finally {
      await closeAll(partner.context);
    }
  });

  test("the partner receives their offer by e-mail in the mail catcher and follows its link to the case", async ({ browser }) => {
    // The first start dispatches the demo data's history too: its e-mails may be ahead of this one in the queue.
    test.setTimeout(240_000);
    const offered = await offeredCaseViaApi(browser);
    const mail = await mailTo(PARTNER_BN, "An LOA is offered for your acceptance", offered.identifier);
    // The subject names the kind of event only; the body names the case and links to it.
    expect(mail.subject).not.toContain(offered.identifier);
    expect(mail.text).toContain(`${offered.identifier}: LOA offered to the partner`);
    const link = /Open in Caseway: (\S+)/.exec(mail.text)?.[1];
    expect(link).toMatch(new RegExp(`/cases/${offered.id}$`));

    const partner = await signedInContext(browser, PARTNER_BN);
    try {
      await partner.page.goto(link!);
      await expect(partner.page.getByTestId("offer-panel")).toBeVisible();
      await saveScreen(partner.page, "email-link-opens-offer");
    } finally {
      await closeAll(partner.context);
    }
  });
});
