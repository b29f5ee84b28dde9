import { expect, type APIRequestContext, type APIResponse, type Browser, type Locator, type Page } from "@playwright/test";
import { readableDay } from "../../src/domain/readable-days";
import { bareApi, closeAll, json, organizationByCode, signedInContext, unique } from "./helpers";
import { fillLoaViaApi } from "./loa-helpers";
import { completeLorContent, createLorViaApi, DSCA, DTSA, lorAction, NAVY, PARTNER_BN, STATE, type Lor } from "./lor-helpers";

// Shared pieces for the case-workflow specs: the case API's shapes, thin wrappers around /api/v1/cases, a way to get a
// fresh case to a given point through the real letter-of-request flow, and the case page's controls.

export { DSCA, DTSA, NAVY, PARTNER_BN, PARTNER_SR, STATE } from "./lor-helpers";
export const ARMY = "army@caseway.example";

export type CaseStatus =
  | "OPENED"
  | "IN_DEVELOPMENT"
  | "IN_REVIEW"
  | "READY_TO_SIGN"
  | "AGENCY_SIGNED"
  | "COUNTERSIGNED"
  | "OFFERED"
  | "ACCEPTED"
  | "EXPIRED"
  | "IMPLEMENTED"
  | "EXECUTING"
  | "SUPPLY_SERVICES_COMPLETE"
  | "CLOSURE_PENDING"
  | "CLOSED"
  | "SUSPENDED"
  | "CANCELLED"
  | "DISAPPROVED";

/** What the case page's status tag says for each state (src/domain/workflow/states.ts). */
export const STATUS_LABELS: Record<CaseStatus, string> = {
  OPENED: "Opened — awaiting agency assignment",
  IN_DEVELOPMENT: "LOA in development",
  IN_REVIEW: "In review",
  READY_TO_SIGN: "Ready to sign",
  AGENCY_SIGNED: "Signed by the agency",
  COUNTERSIGNED: "Countersigned by DSCA",
  OFFERED: "Offered",
  ACCEPTED: "Accepted",
  EXPIRED: "Offer expired",
  IMPLEMENTED: "Implemented",
  EXECUTING: "Executing",
  SUPPLY_SERVICES_COMPLETE: "Supply and services complete",
  CLOSURE_PENDING: "Closure pending",
  CLOSED: "Closed",
  SUSPENDED: "Suspended",
  CANCELLED: "Cancelled",
  DISAPPROVED: "Disapproved",
};

export type ReviewOffice = "DSCA" | "STATE_PM" | "DTSA";
export const REVIEW_OFFICES: ReviewOffice[] = ["DSCA", "STATE_PM", "DTSA"];
/** Which demo reviewer decides for each office, and their name as the review panel shows it. */
export const REVIEWERS: Record<ReviewOffice, { email: string; name: string }> = {
  DSCA: { email: "dsca@caseway.example", name: "Dana Whitfield" },
  STATE_PM: { email: "state@caseway.example", name: "Marcus Reyes" },
  DTSA: { email: "dtsa@caseway.example", name: "Priya Natarajan" },
};

export type Aging = { dueAt: string; state: "ON_TRACK" | "DUE_SOON" | "OVERDUE" | "MET" | "MISSED"; percentElapsed: number; targetDays: number; dayKind: string };

export type ReviewTask = {
  id: string;
  round: number;
  office: ReviewOffice;
  status: "OPEN" | "DECIDED" | "CANCELLED";
  openedAt: string;
  dueAt: string;
  aging: Aging | null;
  decision: "CONCUR" | "CONCUR_WITH_COMMENT" | "RETURN" | "DISAPPROVE" | null;
  decidedBy: { id: string; name: string } | null;
  decidedAt: string | null;
  comment: string | null;
  commentVisibility: "USG_INTERNAL" | "PARTNER_VISIBLE" | null;
};

export type CaseView = {
  id: string;
  identifier: string;
  country: { id: string; code: string; name: string; natoPlus: boolean };
  implementingAgency: { id: string; code: string; name: string };
  designator: string;
  caseType: string;
  status: CaseStatus;
  version: number;
  openedAt: string;
  statusChangedAt: string;
  statusAging: Aging | null;
  waitingOn: string;
  waitingOnParts: { text: string; until: string | null }[];
  milestones: {
    agencyApprovedAt: string | null;
    offerExpiresAt: string | null;
    agencySignedAt: string | null;
    countersignedAt: string | null;
    offeredAt: string | null;
    acceptedAt: string | null;
    depositReceivedAt: string | null;
    implementedAt: string | null;
    emergencyImplementation: boolean;
    closedAt: string | null;
  };
  acceptance: { signerName: string; signerTitle: string; signedOn: string; initialDeposit: string } | null;
  notification: { status: string; determined: boolean; informalEndsAt: string | null; notifiedAt: string | null; periodEndsAt: string | null } | null;
  reviewRound: number;
  reviews: ReviewTask[];
  availableActions: string[];
  letters: { id: string; subject: string | null; status: string }[];
};

export type CaseEvent = {
  id: string;
  occurredAt: string;
  action: string;
  label: string;
  actor: string;
  note: string | null;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus | null;
  comment: string | null;
  commentVisibility: "USG_INTERNAL" | "PARTNER_VISIBLE" | null;
};

export type InboxItem = {
  caseId: string;
  identifier: string;
  status: CaseStatus;
  kind: "REVIEW" | "CASE";
  office: ReviewOffice | null;
  waitingFor: string;
  since: string;
  aging: Aging | null;
  actions: string[];
  subject: string | null;
};

export type CaseAudit = {
  verification: { verified: boolean; eventCount: number; headHash?: string };
  events: { id: string; chainSeq: number; action: string; outcome: string; actorEmail: string | null; prevHash: string; hash: string | null }[];
};

export const today = () => new Date().toISOString().slice(0, 10);
/** Today as the case timeline's notes print it ("Dec 6, 2026"). */
export const readableToday = () => readableDay(today());

// ---- API wrappers ----

export async function getCase(api: APIRequestContext, id: string): Promise<CaseView> {
  const response = await api.get(`/api/v1/cases/${id}`);
  expect(response.status(), await response.text()).toBe(200);
  return json<CaseView>(response);
}

/** POST /api/v1/cases/{id}/actions/{action} with the case's version (unless `extra` overrides it); the raw response. */
export function postCaseAction(
  api: APIRequestContext,
  target: { id: string; version: number },
  action: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<APIResponse> {
  return api.post(`/api/v1/cases/${target.id}/actions/${action}`, { data: { expectedVersion: target.version, ...extra }, headers });
}

/** Fires an action that must succeed and returns the case afterwards (its version one higher). */
export async function caseAction(api: APIRequestContext, target: { id: string; version: number }, action: string, extra: Record<string, unknown> = {}): Promise<CaseView> {
  const response = await postCaseAction(api, target, action, extra);
  expect(response.status(), `${action}: ${await response.text()}`).toBe(200);
  const after = await json<CaseView>(response);
  expect(after.version, `${action} bumps the version`).toBe(target.version + 1);
  return after;
}

export async function caseEvents(api: APIRequestContext, id: string): Promise<CaseEvent[]> {
  const response = await api.get(`/api/v1/cases/${id}/events`);
  expect(response.status(), await response.text()).toBe(200);
  return (await json<{ items: CaseEvent[] }>(response)).items;
}

/** Every task in the caller's inbox (all pages, in the inbox's order); `query` is "" or "?overdue=true" and the like. */
export async function myTasks(api: APIRequestContext, query = ""): Promise<InboxItem[]> {
  const items: InboxItem[] = [];
  for (let page = 1; ; page += 1) {
    const separator = query ? "&" : "?";
    const response = await api.get(`/api/v1/tasks${query}${separator}pageSize=100&page=${page}`);
    expect(response.status(), await response.text()).toBe(200);
    const body = await json<{ items: InboxItem[]; total: number }>(response);
    items.push(...body.items);
    if (items.length >= body.total || body.items.length === 0) return items;
  }
}

/** A bearer-token request context for a demo user: signs in once to create a personal API token, then drops the session. */
export async function tokenApi(browser: Browser, email: string): Promise<APIRequestContext> {
  const session = await signedInContext(browser, email);
  try {
    const created = await session.api.post("/api/v1/me/tokens", { data: { name: unique("case-e2e"), expiresInDays: 1 } });
    expect(created.status(), await created.text()).toBe(201);
    return bareApi((await json<{ secret: string }>(created)).secret);
  } finally {
    await session.context.close();
  }
}

/**
 * A complete LOA letter from the Bandarian officer, submitted, acknowledged and marked complete by DSCA for `agency`:
 * the case it opens (OPENED). `partner` and `dsca` are request contexts of those users (session or token).
 */
export async function openCaseViaApi(
  partner: APIRequestContext,
  dsca: APIRequestContext,
  options: { subject?: string; agency?: string } = {},
): Promise<{ lor: Lor; case: CaseView }> {
  const agency = options.agency ?? "P";
  const subject = options.subject ?? unique("E2E case");
  const draft = await createLorViaApi(partner, completeLorContent({ subject, preferredAgencyCode: agency }));
  const submitted = await lorAction(partner, draft, "submit");
  const acknowledged = await lorAction(dsca, submitted, "acknowledge");
  const complete = await lorAction(dsca, acknowledged, "mark-complete", { implementingAgencyCode: agency });
  expect(complete.case?.identifier).toMatch(new RegExp(`^BN-${agency}-[A-Z0-9]{3}$`));
  const opened = await getCase(dsca, complete.case!.id);
  expect(opened.status).toBe("OPENED");
  return { lor: complete, case: opened };
}

/**
 * DSCA assigns the agency, the agency's case manager saves a complete LOA (approve-loa refuses an incomplete one) and
 * approves it: the case is IN_REVIEW with three open reviews.
 */
export async function toReviewViaApi(dsca: APIRequestContext, agencyManager: APIRequestContext, opened: CaseView): Promise<CaseView> {
  const agency = await organizationByCode(dsca, "IMPLEMENTING_AGENCY", opened.implementingAgency.code);
  const developing = await caseAction(dsca, opened, "assign-agency", { agencyId: agency.id });
  expect(developing.status).toBe("IN_DEVELOPMENT");
  await fillLoaViaApi(agencyManager, developing.id);
  const reviewing = await caseAction(agencyManager, developing, "approve-loa");
  expect(reviewing.status).toBe("IN_REVIEW");
  expect(reviewing.reviews.map((r) => [r.office, r.status]).sort()).toEqual([
    ["DSCA", "OPEN"],
    ["DTSA", "OPEN"],
    ["STATE_PM", "OPEN"],
  ]);
  return reviewing;
}

/** An LOA offered to Bandaria the ordinary way, through the API: every review concurs, the Navy signs, DSCA countersigns, the Navy offers. */
export async function offeredCaseViaApi(browser: Browser): Promise<CaseView> {
  const [partner, dsca, navy, state, dtsa] = await Promise.all([PARTNER_BN, DSCA, NAVY, STATE, DTSA].map((email) => signedInContext(browser, email)));
  try {
    const { case: opened } = await openCaseViaApi(partner!.api, dsca!.api, { agency: "P" });
    let next = await toReviewViaApi(dsca!.api, navy!.api, opened);
    for (const reviewer of [dsca!, state!, dtsa!]) next = await caseAction(reviewer.api, next, "concur");
    next = await caseAction(navy!.api, next, "sign");
    next = await caseAction(dsca!.api, next, "countersign");
    next = await caseAction(navy!.api, next, "offer");
    expect(next.status).toBe("OFFERED");
    return next;
  } finally {
    await closeAll(partner?.context, dsca?.context, navy?.context, state?.context, dtsa?.context);
  }
}

// ---- the case page ----

export async function expectCaseStatus(page: Page, status: CaseStatus) {
  const tag = page.getByTestId("case-status").first();
  await expect(tag).toHaveAttribute("data-status", status);
  await expect(tag).toHaveText(STATUS_LABELS[status]);
}

export function actionPanel(page: Page, event: string): Locator {
  return page.getByTestId("case-actions").getByTestId(`action-${event}`);
}

/** The steps that bind someone to a document: their button opens a confirmation naming it before anything is sent. */
export const BINDING_EVENTS: readonly string[] = ["approve-loa", "concur", "concur-with-comment", "sign", "countersign", "offer", "accept", "close"];

/**
 * The confirmation a binding step opens (its test id, e.g. "confirm-sign"): it takes focus, names the document's
 * version and total, and its "Confirm and …" button sends the step. Returns the block for further checks.
 */
export async function confirmBinding(scope: Page | Locator, testId: string): Promise<Locator> {
  const block = scope.getByTestId(testId);
  await expect(block).toBeVisible();
  await expect(block).toBeFocused();
  await expect(block.getByTestId("confirm-version")).toHaveText(/^\d+$/);
  await expect(block.getByTestId("confirm-total")).toHaveText(/^\$[\d,]+\.\d{2}$/);
  await block.getByRole("button", { name: /^Confirm/ }).click();
  return block;
}

/** Clicks a plain action's button (its label), confirms it if it is a binding step, and waits for the success notice. */
export async function plainAction(page: Page, event: string, label: string, notice: string | RegExp) {
  const form = actionPanel(page, event);
  await expect(form).toBeVisible();
  await form.getByRole("button", { name: label, exact: true }).click();
  if (BINDING_EVENTS.includes(event)) await confirmBinding(form, `confirm-${event}`);
  await expect(page).toHaveURL(new RegExp(`\\?notice=${event}$`));
  await expect(page.getByTestId("notice")).toHaveText(notice);
}

/** Opens an action's disclosure (its summary is the label) and returns the panel. */
export async function openAction(page: Page, event: string, label: string): Promise<Locator> {
  const panel = actionPanel(page, event);
  await expect(panel.locator("summary")).toHaveText(label);
  if ((await panel.getAttribute("open")) === null) await panel.locator("summary").click();
  await expect(panel.getByRole("button", { name: label, exact: true })).toBeVisible();
  return panel;
}

export type Visibility = "U.S. Government only" | "Also the partner";

/** A review decision taken through the case page's form, with an optional comment and its visibility. */
export async function decideReview(
  page: Page,
  decision: { event: "concur" | "concur-with-comment" | "return-for-rework" | "disapprove"; comment?: string; visibility?: Visibility },
) {
  const labels = {
    concur: "Concur",
    "concur-with-comment": "Concur with comment",
    "return-for-rework": "Return for rework",
    disapprove: "Disapprove",
  } as const;
  // The notice is the event's past tense (the timeline adds the office).
  const notices = {
    concur: "Review concurred",
    "concur-with-comment": "Review concurred with comment",
    "return-for-rework": "Returned to the agency for rework",
    disapprove: "Case disapproved",
  } as const;
  const label = labels[decision.event];
  if (decision.event === "concur") {
    await plainAction(page, "concur", label, notices.concur);
    return;
  }
  const panel = await openAction(page, decision.event, label);
  await panel.getByLabel(/^Comment/).fill(decision.comment ?? "");
  const group = panel.getByRole("group", { name: "Who may read this comment?" });
  // Comments stay inside the U.S. Government unless the reviewer chooses otherwise.
  await expect(group.getByLabel("U.S. Government only")).toBeChecked();
  await group.getByLabel(decision.visibility ?? "U.S. Government only").check();
  await panel.getByRole("button", { name: label, exact: true }).click();
  if (BINDING_EVENTS.includes(decision.event)) await confirmBinding(panel, `confirm-${decision.event}`);
  await expect(page).toHaveURL(new RegExp(`\\?notice=${decision.event}$`));
  await expect(page.getByTestId("notice")).toHaveText(notices[decision.event]);
}

/** The review panel's card for an office: its status attribute and, once decided, the decision and the reviewer. */
export async function expectReview(page: Page, office: ReviewOffice, expected: "pending" | "cancelled" | { decision: string; by: string }) {
  const card = page.getByTestId(`review-${office}`);
  if (expected === "pending") {
    await expect(card).toHaveAttribute("data-review-status", "OPEN");
    await expect(card).toContainText("Pending");
  } else if (expected === "cancelled") {
    await expect(card).toHaveAttribute("data-review-status", "CANCELLED");
    await expect(card).toContainText("Cancelled");
  } else {
    await expect(card).toHaveAttribute("data-review-status", "DECIDED");
    await expect(card).toContainText(expected.decision);
    await expect(card).toContainText(expected.by);
  }
}

export async function expectNoHorizontalScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, "page is wider than the viewport").toBeLessThanOrEqual(clientWidth);
}
