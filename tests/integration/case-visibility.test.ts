// What a partner sees of their case: the milestones that are theirs and comments marked for them — never the reviews,
// the notification track or a U.S. Government-internal comment, anywhere (case view, list, timeline). Another country's
// case does not exist for them, and the audit trail is for U.S. Government staff only.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getCase } from "@/server/cases/get-case";
import { getCaseAudit } from "@/server/cases/get-case-audit";
import { listCaseEvents } from "@/server/cases/list-case-events";
import { listCases } from "@/server/cases/list-cases";
import { expectAppError, testPrisma } from "./helpers";
import { actorFor, seedSlaRules } from "./lor-helpers";
import { caseAt, caseCast } from "./case-helpers";

const prisma = testPrisma();

beforeAll(() => seedSlaRules(prisma));

const secret = (label: string) => `SECRET-${label}-${randomUUID()}`;
const shared = (label: string) => `SHARED-${label}-${randomUUID()}`;

/**
 * A case with a round returned for rework (internal reason), a second round with comments of both kinds, the
 * notification track started, a suspension with an internal reason and a partner-visible disapproval… on a second case.
 */
async function commentedCase() {
  const cast = await caseCast(prisma);
  const { driver } = await caseAt(cast, "IN_REVIEW");
  const texts = {
    returned: secret("return"),
    dsca: secret("dsca-concur"),
    dtsaDefault: secret("dtsa-default"),
    held: secret("hold"),
    suspended: secret("suspend"),
    state: shared("state-concur"),
    resumedNote: shared("resume"),
  };
  await driver.do(cast.dsca, "return-for-rework", { comment: texts.returned, commentVisibility: "USG_INTERNAL" });
  await driver.do(cast.ia, "approve-loa");
  await driver.do(cast.dsca, "set-notification-requirement", { required: true });
  await driver.do(cast.dsca, "hold-notification", { comment: texts.held });
  await driver.do(cast.dsca, "release-notification-hold");
  await driver.do(cast.dsca, "set-notification-requirement", { required: false });
  await driver.do(cast.dsca, "concur-with-comment", { comment: texts.dsca, commentVisibility: "USG_INTERNAL" });
  await driver.do(cast.state, "concur-with-comment", { comment: texts.state, commentVisibility: "PARTNER_VISIBLE" });
  // No visibility given: a USG comment stays internal.
  await driver.do(cast.dtsa, "concur-with-comment", { comment: texts.dtsaDefault });
  // Suspension is a milestone the partner sees, but its internal reason is not.
  await driver.do(cast.dsca, "suspend", { comment: texts.suspended });
  await driver.do(cast.dsca, "resume", { comment: texts.resumedNote, commentVisibility: "PARTNER_VISIBLE" });
  return { cast, driver, texts };
}

const SECRET_KEYS = ["returned", "dsca", "dtsaDefault", "held", "suspended"] as const;

describe("a partner's view of their case", () => {
  it("getCase and listCases show no reviews, no notification track and no internal comment", async () => {
    const { cast, driver, texts } = await commentedCase();
    const dscaView = await getCase(cast.dsca, driver.caseId);
    expect(dscaView.reviews).toHaveLength(3);
    expect(dscaView.notification).not.toBeNull();
    expect(JSON.stringify(dscaView)).toContain(texts.dsca);

    const view = await getCase(cast.partner, driver.caseId);
    expect(view).toMatchObject({ status: "READY_TO_SIGN", reviews: [], notification: null });
    const listed = (await listCases(cast.partner, {})).items.find((c) => c.id === driver.caseId)!;
    expect(listed).toMatchObject({ reviews: [], notification: null });
    for (const json of [JSON.stringify(view), JSON.stringify(listed)]) {
      for (const key of SECRET_KEYS) expect(json).not.toContain(texts[key]);
      expect(json).not.toContain("SECRET-");
    }
  });

  it("the timeline shows DSCA every comment, the partner only those marked for them", async () => {
    const { cast, driver, texts } = await commentedCase();

    const usg = JSON.stringify(await listCaseEvents(cast.dsca, driver.caseId));
    for (const key of [...SECRET_KEYS, "state", "resumedNote"] as const) expect(usg).toContain(texts[key]);
    const ia = JSON.stringify(await listCaseEvents(cast.ia, driver.caseId));
    expect(ia).toContain(texts.returned);

    const events = await listCaseEvents(cast.partner, driver.caseId);
    const json = JSON.stringify(events);
    for (const key of SECRET_KEYS) expect(json).not.toContain(texts[key]);
    expect(json).not.toContain("SECRET-");
    expect(json).toContain(texts.state);
    expect(json).toContain(texts.resumedNote);

    // The partner-visible comment arrives as a comment from the office, without internal status moves.
    const stateComment = events.find((e) => e.comment === texts.state)!;
    expect(stateComment).toMatchObject({ commentVisibility: "PARTNER_VISIBLE", fromStatus: null });
    expect(stateComment.actor).not.toContain(cast.state.name);
    // The suspension is there as a milestone, without its reason.
    const suspension = events.find((e) => e.action === "case.suspend")!;
    expect(suspension).toMatchObject({ comment: null, commentVisibility: null, toStatus: "SUSPENDED" });
    // Internal steps are not on the partner's timeline at all.
    const actions = events.map((e) => e.action);
    for (const internal of ["case.return-for-rework", "case.hold-notification", "case.set-notification-requirement", "case.concur"]) {
      expect(actions).not.toContain(internal);
    }
    expect(actions).toEqual(expect.arrayContaining(["case.open", "case.assign-agency", "case.approve-loa"]));
    expect(events.every((e) => e.fromStatus === null)).toBe(true);
  });

  it("a disapproval reaches the partner as a milestone; its comment only if marked for them", async () => {
    const cast = await caseCast(prisma);
    const internal = await caseAt(cast, "IN_REVIEW");
    const hidden = secret("disapprove");
    await internal.driver.do(cast.dtsa, "disapprove", { comment: hidden });
    const visible = await caseAt(cast, "IN_REVIEW");
    const told = shared("disapprove");
    await visible.driver.do(cast.state, "disapprove", { comment: told, commentVisibility: "PARTNER_VISIBLE" });

    const hiddenEvents = await listCaseEvents(cast.partner, internal.driver.caseId);
    expect(hiddenEvents.at(-1)).toMatchObject({ action: "case.disapprove", toStatus: "DISAPPROVED", comment: null });
    expect(JSON.stringify(hiddenEvents)).not.toContain(hidden);
    const toldEvents = await listCaseEvents(cast.partner, visible.driver.caseId);
    expect(toldEvents.at(-1)).toMatchObject({ action: "case.disapprove", toStatus: "DISAPPROVED", comment: told });
  });

  it("the partner's own words on a counter-offer are always theirs to see", async () => {
    const cast = await caseCast(prisma);
    const { driver } = await caseAt(cast, "OFFERED");
    const words = shared("changes");
    await driver.do(cast.partner, "request-changes", { comment: words, commentVisibility: "USG_INTERNAL" });
    const events = await listCaseEvents(cast.partner, driver.caseId);
    expect(events.at(-1)).toMatchObject({ action: "case.request-changes", comment: words, commentVisibility: "PARTNER_VISIBLE" });
  });
});

describe("another country, and the audit trail", () => {
  it("another country's case is NOT_FOUND everywhere; it is not in their list", async () => {
    const { cast, driver } = await commentedCase();
    await expectAppError(getCase(cast.foreignPartner, driver.caseId), "NOT_FOUND");
    await expectAppError(listCaseEvents(cast.foreignPartner, driver.caseId), "NOT_FOUND");
    await expectAppError(getCaseAudit(cast.foreignPartner, driver.caseId), "NOT_FOUND");
    expect((await listCases(cast.foreignPartner, { pageSize: "100" })).items.map((c) => c.id)).not.toContain(driver.caseId);
  });

  it("the audit trail is FORBIDDEN to the partner on their own case and open to U.S. Government staff", async () => {
    const { cast, driver, texts } = await commentedCase();
    const error = await expectAppError(getCaseAudit(cast.partner, driver.caseId), "FORBIDDEN");
    expect(error.status).toBe(403);
    for (const actor of [cast.dsca, cast.ia, cast.state, cast.dtsa, await actorFor(prisma, "AUDITOR")]) {
      const audit = await getCaseAudit(actor, driver.caseId);
      expect(audit.verification.verified).toBe(true);
      expect(JSON.stringify(audit.events)).toContain(texts.returned);
    }
  });
});
