import { expect, test } from "./fixtures";
import { expectNoSeriousAxeViolations } from "./axe";
import { caseAction, decideReview, openAction, openCaseViaApi, toReviewViaApi, DSCA, DTSA, NAVY, PARTNER_BN, STATE } from "./case-helpers";
import { closeAll, saveScreen, signedInContext } from "./helpers";

// Everyone is told (issue 15): the last review's concurrence gives the agency work, and the agency's case manager,
// watching their case page, sees their bell light up and the case move on without reloading; the notice leads to the
// case and is then read. A case manager with a half-filled form is told the case changed instead of losing it.

test("DSCA concurs last: the agency's bell lights up and its open case page moves on without a reload", async ({ browser }) => {
  const [partner, dsca, navy, state, dtsa] = await Promise.all([PARTNER_BN, DSCA, NAVY, STATE, DTSA].map((email) => signedInContext(browser, email)));
  const { case: opened } = await openCaseViaApi(partner!.api, dsca!.api, { agency: "P" });
  let reviewing = await toReviewViaApi(dsca!.api, navy!.api, opened);
  reviewing = await caseAction(state!.api, reviewing, "concur");
  reviewing = await caseAction(dtsa!.api, reviewing, "concur");

  // The agency's case manager has the case open, and knows how many notices were unread.
  const page = navy!.page;
  await page.goto(`/cases/${reviewing.id}`);
  await expect(page.getByTestId("case-status").first()).toHaveAttribute("data-status", "IN_REVIEW");
  await expect(page.locator("html")).toHaveAttribute("data-live-case", reviewing.id);
  const bell = page.getByTestId("notification-bell");
  const unreadBefore = Number(await bell.getAttribute("data-unread"));

  // DSCA concurs in its own browser: every review is in, and the LOA is the agency's to sign.
  await dsca!.page.goto(`/cases/${reviewing.id}`);
  await decideReview(dsca!.page, { event: "concur" });

  // Without a reload: the bell counts the new work, and the case page shows the new step.
  await expect(bell).not.toHaveAttribute("data-unread", String(unreadBefore), { timeout: 20_000 });
  await expect(bell).toHaveAccessibleName(/Notifications, \d+\+? unread/);
  await expect(page.getByTestId("case-status").first()).toHaveAttribute("data-status", "READY_TO_SIGN", { timeout: 20_000 });

  // The notice says it is the agency's to act on, and leads to the case; it is then read.
  await bell.click();
  await expect(page).toHaveURL(/\/notifications$/);
  const notice = page.getByTestId("notification").filter({ hasText: `Action needed — ${reviewing.identifier}` }).first();
  await expect(notice).toHaveAttribute("data-unread", "true");
  await expectNoSeriousAxeViolations(page);
  await saveScreen(page, "notifications");
  await notice.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/cases/${reviewing.id}$`));
  await page.goto("/notifications");
  await expect(page.getByTestId("notification").filter({ hasText: `Action needed — ${reviewing.identifier}` }).first()).toHaveAttribute("data-unread", "false");

  // The partner heard nothing of the internal review steps of their case.
  await partner!.page.goto("/notifications");
  await expect(partner!.page.getByTestId("notification").filter({ hasText: "review concurred" })).toHaveCount(0);
  await expectNoSeriousAxeViolations(partner!.page);
  await closeAll(partner!.context, dsca!.context, navy!.context, state!.context, dtsa!.context);
});

test("a half-filled form is not swept away: the page says the case changed and offers a reload", async ({ browser }) => {
  const [partner, dsca, navy, state] = await Promise.all([PARTNER_BN, DSCA, NAVY, STATE].map((email) => signedInContext(browser, email)));
  const { case: opened } = await openCaseViaApi(partner!.api, dsca!.api, { agency: "P" });
  const reviewing = await toReviewViaApi(dsca!.api, navy!.api, opened);

  // DSCA starts writing a comment to return the case for rework…
  const page = dsca!.page;
  await page.goto(`/cases/${reviewing.id}`);
  await expect(page.locator("html")).toHaveAttribute("data-live-case", reviewing.id);
  const panel = await openAction(page, "return-for-rework", "Return for rework");
  await panel.getByLabel(/^Comment/).fill("The spares need pricing again");

  // …while State concurs.
  await caseAction(state!.api, reviewing, "concur");
  const changed = page.getByTestId("case-changed");
  await expect(changed).toBeVisible({ timeout: 20_000 });
  await expect(changed).toContainText("This case changed since you opened it.");
  // The comment is still there to copy; the status has not moved under it.
  await expect(panel.getByLabel(/^Comment/)).toHaveValue("The spares need pricing again");
  await expectNoSeriousAxeViolations(page);
  await changed.getByRole("button", { name: "Reload the case" }).click();
  await expect(changed).toHaveCount(0);
  await expect(page.getByTestId("review-STATE_PM")).toContainText(/concurred/i);
  await closeAll(partner!.context, dsca!.context, navy!.context, state!.context);
});
