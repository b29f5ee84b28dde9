// The case workflow end to end through performCaseAction: the right person moves the case one step at a time from
// OPENED to CLOSED, everyone else is refused (403 for the wrong role or office, 404 for another country), getCase offers
// exactly the actions the step allows, and the case's audit chain verifies at the end. Also the side paths (rework,
// disapproval, counter-offer, suspension, reassignment), input checks and separation of duties against real users.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/domain/policy";
import type { ErrorCode } from "@/server/errors";
import { getCase } from "@/server/cases/get-case";
import { getCaseAudit, verifyCaseChain } from "@/server/cases/get-case-audit";
import { performCaseAction } from "@/server/cases/perform-case-action";
import { updateUser } from "@/server/users/update-user";
import { context, expectAppError, testPrisma } from "./helpers";
import { actorFor, iaManagerOf, seedSlaRules } from "./lor-helpers";
import {
  DAY_MS,
  acceptInput,
  caseAt,
  completeEveryLine,
  caseAudit,
  caseCast,
  depositInput,
  isoDay,
  openCase,
  reloadActor,
  type CaseDriver,
} from "./case-helpers";

const prisma = testPrisma();

beforeAll(() => seedSlaRules(prisma));

/** The action is refused with `code`, and neither the case nor its audit trail changed. */
async function refused(driver: CaseDriver, actor: Actor, action: string, code: ErrorCode, extra: Record<string, unknown> = {}) {
  const before = await prisma.case.findUniqueOrThrow({ where: { id: driver.caseId } });
  const auditBefore = await prisma.auditEvent.count({ where: { targetType: "case", targetId: driver.caseId } });
  const error = await expectAppError(driver.attempt(actor, action, extra), code);
  const after = await prisma.case.findUniqueOrThrow({ where: { id: driver.caseId } });
  expect({ status: after.status, version: after.version, cnStatus: after.cnStatus }).toEqual({
    status: before.status,
    version: before.version,
    cnStatus: before.cnStatus,
  });
  expect(await prisma.auditEvent.count({ where: { targetType: "case", targetId: driver.caseId } })).toBe(auditBefore);
  return error;
}

/** What getCase offers each person, sorted, so a test names the set rather than the definition's order. */
async function offered(driver: CaseDriver, actor: Actor) {
  const view = await getCase(actor, driver.caseId);
  expect(view.version).toBe(driver.version);
  return [...view.availableActions].sort();
}
const sorted = (actions: string[]) => [...actions].sort();

const DECISIONS = ["concur", "concur-with-comment", "return-for-rework", "disapprove"];
/** DSCA, before deciding its own review, may also record that a State or DTSA review is not required. */
const DSCA_IN_REVIEW = [...DECISIONS, "review-not-required"];

describe("a case from OPENED to CLOSED", () => {
  it("moves only for the right person at each step, offers exactly that step, and its audit chain verifies", async () => {
    const cast = await caseCast(prisma);
    const { driver: c, caseId, identifier } = await openCase(cast);
    const nobody = async (...actors: Actor[]) => {
      for (const actor of actors) expect(await offered(c, actor)).toEqual([]);
    };

    // OPENED: DSCA assigns the implementing agency.
    expect(await offered(c, cast.dsca)).toEqual(sorted(["assign-agency", "set-notification-requirement", "suspend", "cancel"]));
    await nobody(cast.partner, cast.ia, cast.state, cast.dtsa);
    await expectAppError(getCase(cast.foreignPartner, caseId), "NOT_FOUND");
    for (const wrong of [cast.ia, cast.state, cast.dtsa, cast.partner]) await refused(c, wrong, "assign-agency", "FORBIDDEN", { agencyId: cast.agency.id });
    await refused(c, cast.foreignPartner, "assign-agency", "NOT_FOUND", { agencyId: cast.agency.id });
    let view = await c.do(cast.dsca, "assign-agency", { agencyId: cast.agency.id });
    expect(view).toMatchObject({ status: "IN_DEVELOPMENT", identifier, implementingAgency: { id: cast.agency.id } });

    // IN_DEVELOPMENT: the agency approves the LOA (MILAP), which opens the three parallel reviews and sets the OED.
    expect(await offered(c, cast.ia)).toEqual(["approve-loa"]);
    expect(await offered(c, cast.dsca)).toEqual(sorted(["assign-agency", "set-notification-requirement", "suspend", "cancel"]));
    await nobody(cast.otherIa, cast.partner, cast.state);
    for (const wrong of [cast.dsca, cast.otherIa, cast.state, cast.partner]) await refused(c, wrong, "approve-loa", "FORBIDDEN");
    await refused(c, cast.foreignPartner, "approve-loa", "NOT_FOUND");
    view = await c.do(cast.ia, "approve-loa");
    expect(view.status).toBe("IN_REVIEW");
    expect(view.reviewRound).toBe(1);
    expect(view.reviews.map((r) => [r.office, r.status]).sort()).toEqual([
      ["DSCA", "OPEN"],
      ["DTSA", "OPEN"],
      ["STATE_PM", "OPEN"],
    ]);
    const approvedAt = new Date(view.milestones.agencyApprovedAt!);
    expect(new Date(view.milestones.offerExpiresAt!).getTime()).toBe(approvedAt.getTime() + 85 * DAY_MS);

    // IN_REVIEW with notification not required yet: each office may decide its own review.
    expect(await offered(c, cast.dsca)).toEqual(sorted([...DSCA_IN_REVIEW, "set-notification-requirement", "suspend", "cancel"]));
    expect(await offered(c, cast.state)).toEqual(sorted(DECISIONS));
    expect(await offered(c, cast.dtsa)).toEqual(sorted(DECISIONS));
    await nobody(cast.ia, cast.partner);

    // The congressional-notification track (non-NATO+: State clearance, 20-day informal review, 30-day formal period).
    for (const wrong of [cast.state, cast.ia, cast.partner]) await refused(c, wrong, "set-notification-requirement", "FORBIDDEN", { required: true });
    view = await c.do(cast.dsca, "set-notification-requirement", { required: true });
    expect(view.notification?.status).toBe("PREPARATION");
    expect(await offered(c, cast.dsca)).toEqual(
      sorted([...DSCA_IN_REVIEW, "set-notification-requirement", "send-notification-to-state", "hold-notification", "suspend", "cancel"]),
    );
    expect(await offered(c, cast.state)).toEqual(sorted([...DECISIONS, "hold-notification"]));

    await refused(c, cast.state, "send-notification-to-state", "FORBIDDEN");
    view = await c.do(cast.dsca, "send-notification-to-state");
    expect(view.notification?.status).toBe("STATE_CLEARANCE");
    expect(await offered(c, cast.state)).toEqual(sorted([...DECISIONS, "clear-notification", "hold-notification"]));
    expect(await offered(c, cast.dsca)).toEqual(sorted([...DSCA_IN_REVIEW, "hold-notification", "suspend", "cancel"]));

    for (const wrong of [cast.dtsa, cast.ia]) await refused(c, wrong, "hold-notification", "FORBIDDEN", { comment: "Political hold" });
    view = await c.do(cast.state, "hold-notification", { comment: "Pre-consultation with the committees" });
    expect(view.notification?.status).toBe("HELD");
    expect(await offered(c, cast.state)).toEqual(sorted([...DECISIONS, "release-notification-hold"]));
    await refused(c, cast.state, "clear-notification", "CONFLICT");
    view = await c.do(cast.dsca, "release-notification-hold");
    expect(view.notification?.status).toBe("STATE_CLEARANCE");

    for (const wrong of [cast.dsca, cast.dtsa]) await refused(c, wrong, "clear-notification", "FORBIDDEN");
    view = await c.do(cast.state, "clear-notification");
    expect(view.notification?.status).toBe("INFORMAL_REVIEW");
    const informalEndsAt = new Date(view.notification!.informalEndsAt!);
    expect(informalEndsAt.getTime() - Date.now()).toBeGreaterThan(19 * DAY_MS);
    expect(informalEndsAt.getTime() - Date.now()).toBeLessThanOrEqual(20 * DAY_MS);
    // Congress cannot be formally notified until the informal review is over.
    expect(await offered(c, cast.dsca)).toEqual(sorted([...DSCA_IN_REVIEW, "hold-notification", "suspend", "cancel"]));
    await refused(c, cast.dsca, "notify-congress", "CONFLICT");
    await prisma.case.update({ where: { id: caseId }, data: { cnInformalEndsAt: new Date(Date.now() - 60_000) } });
    expect(await offered(c, cast.dsca)).toEqual(sorted([...DSCA_IN_REVIEW, "notify-congress", "hold-notification", "suspend", "cancel"]));
    await refused(c, cast.state, "notify-congress", "FORBIDDEN");
    view = await c.do(cast.dsca, "notify-congress");
    expect(view.notification?.status).toBe("FORMALLY_NOTIFIED");
    expect(new Date(view.notification!.periodEndsAt!).getTime() - new Date(view.notification!.notifiedAt!).getTime()).toBe(30 * DAY_MS);
    expect(await offered(c, cast.dsca)).toEqual(sorted([...DSCA_IN_REVIEW, "record-notification-blocked", "suspend", "cancel"]));

    // The three reviews, each by its own office; a decided office cannot decide again.
    for (const wrong of [cast.ia, cast.partner]) await refused(c, wrong, "concur", "FORBIDDEN");
    await refused(c, cast.foreignPartner, "concur", "NOT_FOUND");
    await c.do(cast.dsca, "concur");
    expect(await offered(c, cast.dsca)).toEqual(sorted(["record-notification-blocked", "suspend", "cancel"]));
    await refused(c, cast.dsca, "concur", "CONFLICT");
    await refused(c, cast.state, "concur-with-comment", "VALIDATION_FAILED");
    await c.do(cast.state, "concur-with-comment", { comment: "Approved subject to the standard end-use note", commentVisibility: "PARTNER_VISIBLE" });
    view = await c.do(cast.dtsa, "concur");
    // Every review concurred, but the formal period still runs: not ready to sign.
    expect(view.status).toBe("IN_REVIEW");
    expect(view.reviews.map((r) => r.decision).sort()).toEqual(["CONCUR", "CONCUR", "CONCUR_WITH_COMMENT"]);
    await nobody(cast.ia);
    await refused(c, cast.ia, "sign", "CONFLICT");

    // The formal period ends: reads show the case ready to sign at once, and the signature records the clock's event first.
    await prisma.case.update({ where: { id: caseId }, data: { cnPeriodEndsAt: new Date(Date.now() - 60_000) } });
    view = await getCase(cast.ia, caseId);
    expect(view).toMatchObject({ status: "READY_TO_SIGN", version: c.version, notification: { status: "CLEARED" }, availableActions: ["sign"] });
    expect((await prisma.case.findUniqueOrThrow({ where: { id: caseId } })).status).toBe("IN_REVIEW");
    for (const wrong of [cast.dsca, cast.otherIa, cast.partner]) await refused(c, wrong, "sign", "FORBIDDEN");
    view = await c.do(cast.ia, "sign");
    expect(view).toMatchObject({ status: "AGENCY_SIGNED", notification: { status: "CLEARED" } });
    expect((await caseAudit(prisma, caseId)).slice(-2).map((e) => e.action)).toEqual(["case.notification-period-ended", "case.sign"]);

    // AGENCY_SIGNED → DSCA countersigns.
    expect(await offered(c, cast.dsca)).toEqual(sorted(["countersign", "suspend", "cancel"]));
    await nobody(cast.ia, cast.partner);
    for (const wrong of [cast.ia, cast.state, cast.partner]) await refused(c, wrong, "countersign", "FORBIDDEN");
    await refused(c, cast.foreignPartner, "countersign", "NOT_FOUND");
    expect((await c.do(cast.dsca, "countersign")).status).toBe("COUNTERSIGNED");

    // COUNTERSIGNED → the agency sends the offer.
    expect(await offered(c, cast.ia)).toEqual(["offer"]);
    for (const wrong of [cast.dsca, cast.otherIa, cast.partner]) await refused(c, wrong, "offer", "FORBIDDEN");
    expect((await c.do(cast.ia, "offer")).status).toBe("OFFERED");

    // OFFERED → the partner accepts (or asks for changes); nobody else may.
    expect(await offered(c, cast.partner)).toEqual(sorted(["accept", "request-changes"]));
    expect(await offered(c, cast.dsca)).toEqual(sorted(["suspend", "cancel"]));
    await nobody(cast.ia);
    for (const wrong of [cast.dsca, cast.ia, cast.state]) await refused(c, wrong, "accept", "FORBIDDEN", acceptInput());
    await refused(c, cast.foreignPartner, "accept", "NOT_FOUND", acceptInput());
    const future = isoDay(new Date(Date.now() + 3 * DAY_MS));
    const early = await refused(c, cast.partner, "accept", "VALIDATION_FAILED", acceptInput({ signedOn: future }));
    expect(early.extra.fields).toHaveProperty("signedOn");
    view = await c.do(cast.partner, "accept", acceptInput());
    expect(view).toMatchObject({
      status: "ACCEPTED",
      acceptance: { signerName: "Mira Castellan", signerTitle: "Director of Procurement", initialDeposit: "1250000.00" },
    });

    // ACCEPTED → DSCA records the initial deposit, implementing the case.
    expect(await offered(c, cast.dsca)).toEqual(sorted(["record-deposit", "emergency-implement", "suspend", "cancel"]));
    await nobody(cast.partner, cast.ia);
    for (const wrong of [cast.ia, cast.partner, cast.state]) await refused(c, wrong, "record-deposit", "FORBIDDEN", depositInput());
    expect((await c.do(cast.dsca, "record-deposit", depositInput())).status).toBe("IMPLEMENTED");

    // A suspension in the middle: only DSCA suspends and resumes, and nothing else moves meanwhile.
    expect(await offered(c, cast.ia)).toEqual(["start-execution"]);
    await refused(c, cast.partner, "suspend", "FORBIDDEN", { comment: "Stop" });
    await refused(c, cast.dsca, "suspend", "VALIDATION_FAILED");
    view = await c.do(cast.dsca, "suspend", { comment: "Funding review" });
    expect(view).toMatchObject({ status: "SUSPENDED", suspendedFromStatus: "IMPLEMENTED" });
    expect(await offered(c, cast.dsca)).toEqual(sorted(["resume", "cancel"]));
    await nobody(cast.ia, cast.partner);
    await refused(c, cast.ia, "start-execution", "CONFLICT");
    await refused(c, cast.ia, "resume", "FORBIDDEN");
    expect((await c.do(cast.dsca, "resume")).status).toBe("IMPLEMENTED");

    // Execution and closure steps belong to the agency; DSCA closes.
    for (const wrong of [cast.dsca, cast.otherIa]) await refused(c, wrong, "start-execution", "FORBIDDEN");
    expect((await c.do(cast.ia, "start-execution")).status).toBe("EXECUTING");
    // Supply/services complete needs every line SSC or cancelled: it is not offered, and refused, while lines are open.
    await nobody(cast.ia);
    const open = await refused(c, cast.ia, "declare-supply-complete", "CONFLICT");
    expect(open.message).toContain("still open: lines 001, 002, 003");
    for (const wrong of [cast.dsca, cast.otherIa, cast.partner]) await refused(c, wrong, "declare-supply-complete", "FORBIDDEN");
    // The agency closes out each line (nothing was delivered in this test, hence the reason); the last moves the case.
    expect(await completeEveryLine(cast.ia, caseId)).toBe("SUPPLY_SERVICES_COMPLETE");
    await c.reload(prisma);
    expect(await offered(c, cast.ia)).toEqual(["submit-closure"]);
    for (const wrong of [cast.dsca, cast.otherIa]) await refused(c, wrong, "submit-closure", "FORBIDDEN", { closureType: "ACC" });
    const untyped = await refused(c, cast.ia, "submit-closure", "VALIDATION_FAILED");
    expect(untyped.extra.fields).toHaveProperty("closureType");
    expect((await c.do(cast.ia, "submit-closure", { closureType: "ACC" })).status).toBe("CLOSURE_PENDING");
    expect(await offered(c, cast.dsca)).toEqual(sorted(["close", "suspend", "cancel"]));
    for (const wrong of [cast.ia, cast.partner, cast.state]) await refused(c, wrong, "close", "FORBIDDEN");
    await refused(c, cast.foreignPartner, "close", "NOT_FOUND");
    view = await c.do(cast.dsca, "close");
    expect(view.status).toBe("CLOSED");
    expect(view.milestones.closedAt).not.toBeNull();

    // CLOSED: no work for anyone; DSCA alone may reopen it (with a reason). It can be neither cancelled nor suspended.
    expect(await offered(c, cast.dsca)).toEqual(["reopen"]);
    await nobody(cast.ia, cast.partner, cast.state, cast.dtsa);
    await refused(c, cast.dsca, "cancel", "CONFLICT", { comment: "Too late" });
    await refused(c, cast.dsca, "suspend", "CONFLICT", { comment: "Too late" });
    await refused(c, cast.ia, "reopen", "FORBIDDEN", { comment: "Late delivery" });

    // The audit trail: the opening, 22 actions and the clock's one event, the three lines closed out, and at closing the
    // final statement and the closure certificate — one chain that verifies.
    const events = await caseAudit(prisma, caseId);
    expect(events.map((e) => e.chainSeq)).toEqual(events.map((_, i) => i + 1));
    expect(events[0]!.action).toBe("case.open");
    expect(events.filter((e) => e.action === "case.notification-period-ended")).toHaveLength(1);
    expect(events.filter((e) => e.action === "line.complete")).toHaveLength(3);
    expect(events.slice(-3).map((e) => e.action)).toEqual(["case.close", "statement.issue", "closure.certificate"]);
    expect(events).toHaveLength(29);
    expect(c.version).toBe(23);
    const { verification } = await verifyCaseChain(caseId);
    expect(verification).toEqual({ verified: true, eventCount: 29, headHash: events.at(-1)!.hash });
    const audit = await getCaseAudit(cast.dsca, caseId);
    expect(audit.verification.verified).toBe(true);
    expect(audit.events.map((e) => e.action)).toEqual(events.map((e) => e.action));
  });
});

describe("side paths", () => {
  it("a return for rework cancels the round's other reviews; the next approval opens a fresh round of three", async () => {
    const cast = await caseCast(prisma);
    const { driver: c } = await caseAt(cast, "IN_REVIEW");
    await c.do(cast.state, "concur");
    await refused(c, cast.dsca, "return-for-rework", "VALIDATION_FAILED");
    let view = await c.do(cast.dsca, "return-for-rework", { comment: "Pricing notes are incomplete" });
    expect(view).toMatchObject({ status: "IN_DEVELOPMENT", milestones: { agencyApprovedAt: null, offerExpiresAt: null } });
    const round1 = await prisma.reviewTask.findMany({ where: { caseId: c.caseId, round: 1 }, orderBy: { office: "asc" } });
    expect(round1.map((t) => [t.office, t.status, t.decision])).toEqual([
      ["DSCA", "DECIDED", "RETURN"],
      ["STATE_PM", "DECIDED", "CONCUR"],
      ["DTSA", "CANCELLED", null],
    ]);
    await refused(c, cast.dtsa, "concur", "CONFLICT");

    view = await c.do(cast.ia, "approve-loa");
    expect(view.reviewRound).toBe(2);
    expect(view.reviews.map((r) => [r.round, r.status])).toEqual([
      [2, "OPEN"],
      [2, "OPEN"],
      [2, "OPEN"],
    ]);
    // State's round-1 concurrence does not carry over.
    expect(await offered(c, cast.state)).toEqual(sorted(DECISIONS));
  });

  it("a disapproval needs a reason and ends the case for good", async () => {
    const cast = await caseCast(prisma);
    const { driver: c } = await caseAt(cast, "IN_REVIEW");
    await refused(c, cast.dtsa, "disapprove", "VALIDATION_FAILED");
    const view = await c.do(cast.dtsa, "disapprove", { comment: "Technology release not supportable", commentVisibility: "PARTNER_VISIBLE" });
    expect(view.status).toBe("DISAPPROVED");
    const open = await prisma.reviewTask.count({ where: { caseId: c.caseId, status: "OPEN" } });
    expect(open).toBe(0);
    for (const actor of [cast.dsca, cast.ia, cast.state, cast.partner]) expect(await offered(c, actor)).toEqual([]);
    await refused(c, cast.dsca, "cancel", "CONFLICT", { comment: "Tidy up" });
  });

  it("the partner's request for changes sends the LOA back to the agency and voids the offer", async () => {
    const cast = await caseCast(prisma);
    const { driver: c } = await caseAt(cast, "OFFERED");
    await refused(c, cast.partner, "request-changes", "VALIDATION_FAILED");
    const view = await c.do(cast.partner, "request-changes", { comment: "Please add two more spare antennas" });
    expect(view).toMatchObject({
      status: "IN_DEVELOPMENT",
      milestones: { offeredAt: null, offerExpiresAt: null, agencySignedAt: null, countersignedAt: null, agencyApprovedAt: null },
    });
    expect(await offered(c, cast.ia)).toEqual(["approve-loa"]);
    expect(await offered(c, cast.partner)).toEqual([]);
  });

  it("emergency implementation needs DSCA and a reason, and is flagged", async () => {
    const cast = await caseCast(prisma);
    const { driver: c } = await caseAt(cast, "ACCEPTED");
    await refused(c, cast.ia, "emergency-implement", "FORBIDDEN", { comment: "Urgent" });
    await refused(c, cast.dsca, "emergency-implement", "VALIDATION_FAILED");
    const view = await c.do(cast.dsca, "emergency-implement", { comment: "Operational emergency declared" });
    expect(view).toMatchObject({ status: "IMPLEMENTED", milestones: { emergencyImplementation: true, depositReceivedAt: null } });
  });

  it("cancelling needs DSCA and a reason, and works from any open state", async () => {
    const cast = await caseCast(prisma);
    const { driver: c } = await caseAt(cast, "IN_REVIEW");
    await refused(c, cast.ia, "cancel", "FORBIDDEN", { comment: "No longer needed" });
    await refused(c, cast.partner, "cancel", "FORBIDDEN", { comment: "No longer needed" });
    await refused(c, cast.dsca, "cancel", "VALIDATION_FAILED");
    expect((await c.do(cast.dsca, "cancel", { comment: "Partner withdrew the requirement" })).status).toBe("CANCELLED");
    expect(await prisma.reviewTask.count({ where: { caseId: c.caseId, status: "OPEN" } })).toBe(0);
    for (const actor of [cast.dsca, cast.ia, cast.partner]) expect(await offered(c, actor)).toEqual([]);
  });

  it("reassigning the agency gives the case a new identifier and moves the work to the new agency's manager", async () => {
    const cast = await caseCast(prisma);
    const { driver: c, identifier } = await openCase(cast);
    expect(identifier).toBe(`${cast.country.code}-${cast.agency.code}-AAA`);
    let view = await c.do(cast.dsca, "assign-agency", { agencyId: cast.otherAgency.id });
    expect(view).toMatchObject({ identifier: `${cast.country.code}-${cast.otherAgency.code}-AAA`, implementingAgency: { id: cast.otherAgency.id } });
    expect(await offered(c, cast.ia)).toEqual([]);
    expect(await offered(c, cast.otherIa)).toEqual(["approve-loa"]);
    await refused(c, cast.ia, "approve-loa", "FORBIDDEN");
    // Reassigning to the agency it already has is refused; to a non-agency organization too.
    const same = await refused(c, cast.dsca, "assign-agency", "VALIDATION_FAILED", { agencyId: cast.otherAgency.id });
    expect(same.extra.fields).toHaveProperty("agencyId");
    const notAgency = await refused(c, cast.dsca, "assign-agency", "VALIDATION_FAILED", { agencyId: cast.country.id });
    expect(notAgency.extra.fields).toHaveProperty("agencyId");
    view = await c.do(cast.otherIa, "approve-loa");
    expect(view.status).toBe("IN_REVIEW");
    const assigned = await caseAudit(prisma, c.caseId, "case.assign-agency");
    expect(assigned[0]!.details).toMatchObject({ identifier, newIdentifier: view.identifier });
  });
});

describe("requests performCaseAction refuses before touching the case", () => {
  it("unknown actions, bad ids, malformed input, stale versions and impossible states", async () => {
    const cast = await caseCast(prisma);
    const { driver: c, caseId } = await openCase(cast);
    const run = (action: string, input: unknown, id = caseId, actor = cast.dsca) => performCaseAction(actor, id, action, input, context());

    await expectAppError(run("fly-to-the-moon", { expectedVersion: 1 }), "NOT_FOUND");
    // The clock's own events are not actions anybody can take.
    await expectAppError(run("expire-offer", { expectedVersion: 1 }), "NOT_FOUND");
    await expectAppError(run("assign-agency", { expectedVersion: 1, agencyId: cast.agency.id }, "not-a-uuid"), "NOT_FOUND");
    await expectAppError(run("assign-agency", { expectedVersion: 1, agencyId: cast.agency.id }, "00000000-0000-4000-8000-000000000000"), "NOT_FOUND");
    const missing = await expectAppError(run("assign-agency", { agencyId: cast.agency.id }), "VALIDATION_FAILED");
    expect(missing.extra.fields).toHaveProperty("expectedVersion");
    const extra = await expectAppError(run("assign-agency", { expectedVersion: 1, agencyId: cast.agency.id, status: "CLOSED" }), "VALIDATION_FAILED");
    expect(extra.extra.fields).toHaveProperty("status");
    const badAgency = await expectAppError(run("assign-agency", { expectedVersion: 1, agencyId: "nope" }), "VALIDATION_FAILED");
    expect(badAgency.extra.fields).toHaveProperty("agencyId");
    await expectAppError(run("assign-agency", null), "VALIDATION_FAILED");
    await expectAppError(run("approve-loa", { expectedVersion: 1 }, caseId, cast.ia), "CONFLICT");

    await c.do(cast.dsca, "assign-agency", { agencyId: cast.agency.id });
    const stale = await expectAppError(run("approve-loa", { expectedVersion: 1 }, caseId, cast.ia), "VERSION_CONFLICT");
    expect(stale.status).toBe(409);
    expect(stale.extra.currentVersion).toBe(2);
    // Another country's partner learns nothing, not even the version.
    const foreign = await expectAppError(run("accept", { expectedVersion: 1, ...acceptInput() }, caseId, cast.foreignPartner), "NOT_FOUND");
    expect(foreign.extra.currentVersion).toBeUndefined();
    expect((await prisma.case.findUniqueOrThrow({ where: { id: caseId } })).version).toBe(2);
    expect(await caseAudit(prisma, caseId)).toHaveLength(2);
  });
});

describe("separation of duties against the database", () => {
  async function admin() {
    return actorFor(prisma, "ADMIN", undefined, "Ada Admin");
  }

  /** An administrator moves the user to another role and office; the returned actor is what their next session is. */
  async function moveUser(userId: string, role: "DSCA_ANALYST" | "STATE_REVIEWER" | "DTSA_REVIEWER", organizationKind: "DSCA" | "STATE_PM" | "DTSA") {
    const office = await prisma.organization.findFirstOrThrow({ where: { kind: organizationKind }, orderBy: { createdAt: "asc" } });
    const user = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
    await updateUser(await admin(), userId, { expectedVersion: user.version, role, organizationId: office.id }, context());
    const actor = await reloadActor(prisma, userId);
    expect({ role: actor.role, organizationKind: actor.organizationKind }).toEqual({ role, organizationKind });
    return actor;
  }

  it("an agency manager who approved the LOA and then moved to DSCA may neither decide DSCA's review nor countersign", async () => {
    const cast = await caseCast(prisma);
    const { driver: c } = await caseAt(cast, "IN_DEVELOPMENT");
    await c.do(cast.ia, "approve-loa");
    expect((await prisma.case.findUniqueOrThrow({ where: { id: c.caseId } })).loaPreparerIds).toContain(cast.ia.userId);

    const turncoat = await moveUser(cast.ia.userId, "DSCA_ANALYST", "DSCA");
    expect(await offered(c, turncoat)).not.toContain("concur");
    for (const action of DECISIONS) {
      await refused(c, turncoat, action, "FORBIDDEN", action === "concur" ? {} : { comment: "My own LOA" });
    }
    // The other DSCA powers remain theirs: it is this decision they may not take.
    expect(await offered(c, turncoat)).toContain("set-notification-requirement");

    await c.do(cast.dsca, "concur");
    await c.do(cast.state, "concur");
    await c.do(cast.dtsa, "concur");
    const signer = await iaManagerOf(prisma, cast.agency.id);
    await c.do(signer, "sign");
    expect(await offered(c, turncoat)).toEqual(sorted(["suspend", "cancel"]));
    await refused(c, turncoat, "countersign", "FORBIDDEN");
    expect((await c.do(cast.dsca, "countersign")).status).toBe("COUNTERSIGNED");
  });

  it("an agency manager who signed the LOA and then moved to DSCA may not countersign it", async () => {
    const cast = await caseCast(prisma);
    const { driver: c } = await caseAt(cast, "READY_TO_SIGN");
    const signer = await iaManagerOf(prisma, cast.agency.id);
    await c.do(signer, "sign");
    const turncoat = await moveUser(signer.userId, "DSCA_ANALYST", "DSCA");
    await refused(c, turncoat, "countersign", "FORBIDDEN");
    expect(await offered(c, cast.dsca)).toContain("countersign");
  });

  it("a reviewer who decided for one office cannot decide for another, in this round or a later one", async () => {
    const cast = await caseCast(prisma);
    const { driver: c } = await caseAt(cast, "IN_REVIEW");
    await c.do(cast.state, "concur");

    const nowDtsa = await moveUser(cast.state.userId, "DTSA_REVIEWER", "DTSA");
    expect(await offered(c, nowDtsa)).toEqual([]);
    await refused(c, nowDtsa, "concur", "FORBIDDEN");
    await refused(c, nowDtsa, "return-for-rework", "FORBIDDEN", { comment: "Needs a TCP" });

    // A DSCA analyst who returned the case and then moved to State cannot decide State's review of the next round.
    await c.do(cast.dsca, "return-for-rework", { comment: "Fix the notes" });
    await c.do(cast.ia, "approve-loa");
    const nowState = await moveUser(cast.dsca.userId, "STATE_REVIEWER", "STATE_PM");
    await refused(c, nowState, "concur", "FORBIDDEN");
    await refused(c, nowDtsa, "concur", "FORBIDDEN");

    // Fresh people of each office can.
    const freshState = await actorFor(prisma, "STATE_REVIEWER");
    const freshDtsa = await actorFor(prisma, "DTSA_REVIEWER");
    await c.do(freshState, "concur");
    await c.do(freshDtsa, "concur");
    const freshDsca = await actorFor(prisma, "DSCA_ANALYST");
    expect((await c.do(freshDsca, "concur")).status).toBe("READY_TO_SIGN");
  });

  it("a DSCA analyst moved to another agency is judged as that agency's manager: no DSCA powers, no rights on other agencies' cases", async () => {
    const cast = await caseCast(prisma);
    const { driver: c } = await caseAt(cast, "IN_DEVELOPMENT");
    // A DSCA analyst moved to an implementing agency becomes that agency's manager, for that agency's cases only.
    const agencyUser = await prisma.user.findUniqueOrThrow({ where: { id: cast.dsca.userId } });
    await updateUser(await admin(), agencyUser.id, { expectedVersion: agencyUser.version, role: "IA_CASE_MANAGER", organizationId: cast.otherAgency.id }, context());
    const moved = await reloadActor(prisma, agencyUser.id);
    await refused(c, moved, "approve-loa", "FORBIDDEN");
    await refused(c, moved, "assign-agency", "FORBIDDEN", { agencyId: cast.otherAgency.id });
    // The stale actor (still a DSCA analyst in memory) is what a session would no longer be; the rebuilt one is what counts.
    expect(moved).toMatchObject({ role: "IA_CASE_MANAGER", organizationId: cast.otherAgency.id });
    expect(await offered(c, moved)).toEqual([]);
    expect(await offered(c, cast.ia)).toEqual(["approve-loa"]);
  });
});
