// The clock: what the dates make true. Reads derive it at once (an offer past its expiration date reads as expired
// before any job runs) and actions respect it; applyCaseClocks records it — offer expiry, the end of the formal
// congressional review, overdue review tasks — once, however late, twice or concurrently it runs. Time moves by
// changing the stored dates, not by faking the clock. applyCaseClocks is always called with this file's case ids so
// it never touches another test's cases.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { WORKFLOW_RULE_KEYS } from "@/domain/workflow/states";
import { applyCaseClocks } from "@/server/cases/apply-case-clocks";
import { getCase } from "@/server/cases/get-case";
import { verifyCaseChain } from "@/server/cases/get-case-audit";
import { listCaseEvents } from "@/server/cases/list-case-events";
import { expectAppError, testPrisma } from "./helpers";
import { seedSlaRules } from "./lor-helpers";
import { DAY_MS, acceptInput, caseAt, caseAudit, caseCast, type Cast, type CaseDriver } from "./case-helpers";

const prisma = testPrisma();

beforeAll(() => seedSlaRules(prisma));

const row = (caseId: string) => prisma.case.findUniqueOrThrow({ where: { id: caseId }, include: { reviewTasks: true } });

/** An offered case whose offer expiration date is `agoMs` in the past. */
async function expiredOffer(agoMs = 60_000) {
  const cast = await caseCast(prisma);
  const { driver } = await caseAt(cast, "OFFERED");
  const offerExpiresAt = new Date(Date.now() - agoMs);
  await prisma.case.update({ where: { id: driver.caseId }, data: { offerExpiresAt } });
  return { cast, driver, offerExpiresAt };
}

describe("offer expiry", () => {
  it("reads as EXPIRED as soon as the OED passes, before any job runs; acceptance is refused", async () => {
    const { cast, driver, offerExpiresAt } = await expiredOffer();

    const view = await getCase(cast.partner, driver.caseId);
    expect(view).toMatchObject({ status: "EXPIRED", version: driver.version, availableActions: [] });
    expect(view.waitingOn).toMatch(/restate/);
    expect((await getCase(cast.ia, driver.caseId)).availableActions).toEqual(["restate"]);
    // Nothing stored yet.
    expect(await row(driver.caseId)).toMatchObject({ status: "OFFERED", version: driver.version });

    const refused = await expectAppError(driver.attempt(cast.partner, "accept", acceptInput()), "CONFLICT");
    expect(refused.status).toBe(409);
    await expectAppError(driver.attempt(cast.partner, "request-changes", { comment: "More spares" }), "CONFLICT");
    expect(await row(driver.caseId)).toMatchObject({ status: "OFFERED", version: driver.version, acceptedAt: null });
    expect(await caseAudit(prisma, driver.caseId, "case.accept")).toHaveLength(0);
    expect(await caseAudit(prisma, driver.caseId, "case.expire-offer")).toHaveLength(0);
    expect(offerExpiresAt.getTime()).toBeLessThan(Date.now());
  });

  it("an offer is still open until the OED: accepting a minute before it works", async () => {
    const cast = await caseCast(prisma);
    const { driver } = await caseAt(cast, "OFFERED");
    await prisma.case.update({ where: { id: driver.caseId }, data: { offerExpiresAt: new Date(Date.now() + 60_000) } });
    expect((await getCase(cast.partner, driver.caseId)).status).toBe("OFFERED");
    expect((await applyCaseClocks(new Date(), [driver.caseId])).casesChanged).toEqual([]);
    expect((await driver.do(cast.partner, "accept", acceptInput())).status).toBe("ACCEPTED");
  });

  it("applyCaseClocks records it once, as of the OED: EXPIRED stored, one case.expire-offer event, version + 1", async () => {
    const { cast, driver, offerExpiresAt } = await expiredOffer(3 * DAY_MS);
    const v = driver.version;

    const first = await applyCaseClocks(new Date(), [driver.caseId]);
    expect(first.casesChanged).toEqual([driver.caseId]);
    const stored = await row(driver.caseId);
    expect(stored).toMatchObject({ status: "EXPIRED", version: v + 1 });
    // Run late, it still dates the expiry at the OED.
    expect(stored.statusChangedAt.getTime()).toBe(offerExpiresAt.getTime());
    const events = await caseAudit(prisma, driver.caseId, "case.expire-offer");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorEmail: "clock", actorUserId: null, outcome: "SUCCESS" });
    expect(events[0]!.details).toMatchObject({ event: "expire-offer", fromStatus: "OFFERED", toStatus: "EXPIRED", dueAt: offerExpiresAt.toISOString() });

    const again = await applyCaseClocks(new Date(), [driver.caseId]);
    expect(again).toEqual({ casesChanged: [], reviewsFlaggedOverdue: 0 });
    expect(await row(driver.caseId)).toMatchObject({ status: "EXPIRED", version: v + 1 });
    expect(await caseAudit(prisma, driver.caseId, "case.expire-offer")).toHaveLength(1);
    expect((await verifyCaseChain(driver.caseId)).verification.verified).toBe(true);

    // The partner's timeline shows the expiry; the agency restates from here.
    const timeline = await listCaseEvents(cast.partner, driver.caseId);
    expect(timeline.at(-1)).toMatchObject({ action: "case.expire-offer", toStatus: "EXPIRED" });
    driver.version = v + 1;
    expect((await driver.do(cast.ia, "restate")).status).toBe("IN_DEVELOPMENT");
  });

  it("two runs at once record it once", async () => {
    const { driver } = await expiredOffer();
    const v = driver.version;
    const [a, b] = await Promise.all([applyCaseClocks(new Date(), [driver.caseId]), applyCaseClocks(new Date(), [driver.caseId])]);
    expect([...a.casesChanged, ...b.casesChanged]).toEqual([driver.caseId]);
    expect(await row(driver.caseId)).toMatchObject({ status: "EXPIRED", version: v + 1 });
    expect(await caseAudit(prisma, driver.caseId, "case.expire-offer")).toHaveLength(1);
    expect((await verifyCaseChain(driver.caseId)).verification.verified).toBe(true);
  });

  it("an action on an expired but unrecorded offer records the expiry first, in the same version step", async () => {
    const { cast, driver } = await expiredOffer();
    const v = driver.version;
    const view = await driver.do(cast.ia, "restate");
    expect(view).toMatchObject({ status: "IN_DEVELOPMENT", version: v + 1, milestones: { offerExpiresAt: null, offeredAt: null } });
    const actions = (await caseAudit(prisma, driver.caseId)).slice(-2).map((e) => e.action);
    expect(actions).toEqual(["case.expire-offer", "case.restate"]);
    expect((await applyCaseClocks(new Date(), [driver.caseId])).casesChanged).toEqual([]);
    expect((await verifyCaseChain(driver.caseId)).verification.verified).toBe(true);
  });

  it("recording the expiry bumps the version, so a form loaded before the run must reload", async () => {
    const { cast, driver } = await expiredOffer();
    const loaded = await getCase(cast.ia, driver.caseId);
    expect(loaded).toMatchObject({ status: "EXPIRED", version: driver.version });
    await applyCaseClocks(new Date(), [driver.caseId]);
    const stale = await expectAppError(driver.attempt(cast.ia, "restate"), "VERSION_CONFLICT");
    expect(stale.extra.currentVersion).toBe(loaded.version + 1);
    await driver.reload(prisma);
    expect((await driver.do(cast.ia, "restate")).status).toBe("IN_DEVELOPMENT");
  });
});

/** A case in review with the notification formally sent to Congress (NATO+: no informal review). */
async function formallyNotified(cast: Cast) {
  const { driver } = await caseAt(cast, "IN_REVIEW");
  await driver.do(cast.dsca, "set-notification-requirement", { required: true });
  await driver.do(cast.dsca, "send-notification-to-state");
  const view = await driver.do(cast.state, "clear-notification");
  expect(view.notification?.status).toBe("FORMALLY_NOTIFIED");
  return driver;
}

async function endFormalPeriod(driver: CaseDriver, agoMs = 60_000) {
  const cnPeriodEndsAt = new Date(Date.now() - agoMs);
  await prisma.case.update({ where: { id: driver.caseId }, data: { cnPeriodEndsAt } });
  return cnPeriodEndsAt;
}

describe("end of the formal congressional review", () => {
  it("NATO+ is notified straight after State clears, for 15 days", async () => {
    const cast = await caseCast(prisma, { natoPlus: true });
    const driver = await formallyNotified(cast);
    const stored = await row(driver.caseId);
    const rule = await prisma.slaRule.findFirstOrThrow({ where: { key: WORKFLOW_RULE_KEYS.cnFormalNatoPlus } });
    expect(stored.cnPeriodEndsAt!.getTime() - stored.cnNotifiedAt!.getTime()).toBe(rule.days * DAY_MS);
    expect(rule.days).toBe(15);
    expect(stored.cnInformalEndsAt).toBeNull();
  });

  it("with every review concurred: notification CLEARED and READY_TO_SIGN, derived at once and recorded once", async () => {
    const cast = await caseCast(prisma, { natoPlus: true });
    const driver = await formallyNotified(cast);
    await driver.do(cast.dsca, "concur");
    await driver.do(cast.state, "concur");
    expect((await driver.do(cast.dtsa, "concur")).status).toBe("IN_REVIEW");
    const v = driver.version;
    const periodEnd = await endFormalPeriod(driver, 2 * DAY_MS);

    expect(await getCase(cast.dsca, driver.caseId)).toMatchObject({ status: "READY_TO_SIGN", notification: { status: "CLEARED" }, version: v });
    expect(await row(driver.caseId)).toMatchObject({ status: "IN_REVIEW", cnStatus: "FORMALLY_NOTIFIED" });

    const run = await applyCaseClocks(new Date(), [driver.caseId]);
    expect(run.casesChanged).toEqual([driver.caseId]);
    const stored = await row(driver.caseId);
    expect(stored).toMatchObject({ status: "READY_TO_SIGN", cnStatus: "CLEARED", version: v + 1 });
    expect(stored.statusChangedAt.getTime()).toBe(periodEnd.getTime());
    const events = await caseAudit(prisma, driver.caseId, "case.notification-period-ended");
    expect(events).toHaveLength(1);
    expect(events[0]!.details).toMatchObject({
      fromStatus: "IN_REVIEW",
      toStatus: "READY_TO_SIGN",
      notificationFrom: "FORMALLY_NOTIFIED",
      notificationTo: "CLEARED",
      dueAt: periodEnd.toISOString(),
    });

    const [a, b] = await Promise.all([applyCaseClocks(new Date(), [driver.caseId]), applyCaseClocks(new Date(), [driver.caseId])]);
    expect([...a.casesChanged, ...b.casesChanged]).toEqual([]);
    expect((await row(driver.caseId)).version).toBe(v + 1);
    expect(await caseAudit(prisma, driver.caseId, "case.notification-period-ended")).toHaveLength(1);
    // The end of the congressional review is internal: not on the partner's timeline.
    expect((await listCaseEvents(cast.dsca, driver.caseId)).map((e) => e.action)).toContain("case.notification-period-ended");
    expect((await listCaseEvents(cast.partner, driver.caseId)).map((e) => e.action)).not.toContain("case.notification-period-ended");
    driver.version = v + 1;
    expect((await driver.do(cast.ia, "sign")).status).toBe("AGENCY_SIGNED");
  });

  it("with a review still open: notification CLEARED, the case stays in review", async () => {
    const cast = await caseCast(prisma, { natoPlus: true });
    const driver = await formallyNotified(cast);
    await driver.do(cast.dsca, "concur");
    await endFormalPeriod(driver);
    await applyCaseClocks(new Date(), [driver.caseId]);
    expect(await row(driver.caseId)).toMatchObject({ status: "IN_REVIEW", cnStatus: "CLEARED" });
    await driver.reload(prisma);
    await driver.do(cast.state, "concur");
    // The last concurrence completes the AND-join.
    expect((await driver.do(cast.dtsa, "concur")).status).toBe("READY_TO_SIGN");
  });

  it("one run records what fell due on each of several cases", async () => {
    const cast = await caseCast(prisma, { natoPlus: true });
    const driver = await formallyNotified(cast);
    await endFormalPeriod(driver);
    const otherCase = await expiredOffer();
    const run = await applyCaseClocks(new Date(), [driver.caseId, otherCase.driver.caseId]);
    expect([...run.casesChanged].sort()).toEqual([driver.caseId, otherCase.driver.caseId].sort());
    expect((await row(driver.caseId)).cnStatus).toBe("CLEARED");
    expect((await row(otherCase.driver.caseId)).status).toBe("EXPIRED");
  });

  it("a non-NATO+ purchaser first goes through the 20-day informal review; notify-congress waits for its end", async () => {
    const cast = await caseCast(prisma);
    const { driver } = await caseAt(cast, "IN_REVIEW");
    await driver.do(cast.dsca, "set-notification-requirement", { required: true });
    await driver.do(cast.dsca, "send-notification-to-state");
    const informal = await driver.do(cast.state, "clear-notification");
    expect(informal.notification).toMatchObject({ status: "INFORMAL_REVIEW", periodEndsAt: null });
    await expectAppError(driver.attempt(cast.dsca, "notify-congress"), "CONFLICT");
    // Nothing happens on its own at the end of the informal review: DSCA notifies formally.
    await prisma.case.update({ where: { id: driver.caseId }, data: { cnInformalEndsAt: new Date(Date.now() - 1000) } });
    expect((await applyCaseClocks(new Date(), [driver.caseId])).casesChanged).toEqual([]);
    const formal = await driver.do(cast.dsca, "notify-congress");
    expect(formal.notification?.status).toBe("FORMALLY_NOTIFIED");
    expect(new Date(formal.notification!.periodEndsAt!).getTime() - new Date(formal.notification!.notifiedAt!).getTime()).toBe(30 * DAY_MS);
  });
});

describe("overdue review tasks", () => {
  it("are flagged once, only while open; a second or concurrent run flags nothing more", async () => {
    const cast = await caseCast(prisma);
    const { driver } = await caseAt(cast, "IN_REVIEW");
    await driver.do(cast.dsca, "concur");
    const past = new Date(Date.now() - DAY_MS);
    await prisma.reviewTask.updateMany({ where: { caseId: driver.caseId }, data: { dueAt: past } });
    const v = driver.version;

    const [a, b] = await Promise.all([applyCaseClocks(new Date(), [driver.caseId]), applyCaseClocks(new Date(), [driver.caseId])]);
    expect(a.reviewsFlaggedOverdue + b.reviewsFlaggedOverdue).toBe(2);
    const tasks = (await row(driver.caseId)).reviewTasks;
    const flagged = tasks.filter((t) => t.overdueFlaggedAt !== null).map((t) => t.office).sort();
    expect(flagged).toEqual(["DTSA", "STATE_PM"]);
    const flaggedAt = tasks.map((t) => t.overdueFlaggedAt?.getTime() ?? null);
    const events = await caseAudit(prisma, driver.caseId, "case.review-overdue");
    expect(events.map((e) => (e.details as { reviewOffice: string }).reviewOffice).sort()).toEqual(["DTSA", "STATE_PM"]);

    const again = await applyCaseClocks(new Date(), [driver.caseId]);
    expect(again).toEqual({ casesChanged: [], reviewsFlaggedOverdue: 0 });
    expect((await row(driver.caseId)).reviewTasks.map((t) => t.overdueFlaggedAt?.getTime() ?? null)).toEqual(flaggedAt);
    expect(await caseAudit(prisma, driver.caseId, "case.review-overdue")).toHaveLength(2);
    // Flagging does not change the case: people acting on the version they loaded are not disturbed.
    expect((await row(driver.caseId)).version).toBe(v);
    expect((await driver.do(cast.state, "concur")).status).toBe("IN_REVIEW");
    expect((await verifyCaseChain(driver.caseId)).verification.verified).toBe(true);

    // USG staff see the flags on the timeline; the partner does not.
    const usg = await listCaseEvents(cast.dsca, driver.caseId);
    expect(usg.filter((e) => e.action === "case.review-overdue").map((e) => e.label).sort()).toEqual([
      "DTSA technology-security review is overdue",
      "State PM approval is overdue",
    ]);
    expect((await listCaseEvents(cast.partner, driver.caseId)).map((e) => e.action)).not.toContain("case.review-overdue");
  });

  it("a task not yet due is left alone", async () => {
    const cast = await caseCast(prisma);
    const { driver } = await caseAt(cast, "IN_REVIEW");
    expect(await applyCaseClocks(new Date(), [driver.caseId])).toEqual({ casesChanged: [], reviewsFlaggedOverdue: 0 });
    expect((await row(driver.caseId)).reviewTasks.every((t) => t.overdueFlaggedAt === null)).toBe(true);
  });
});

// The real pg-boss runner, once: its worker runs applyCaseClocks over every case in the database (not only this file's),
// which is harmless here because integration files run one after another (vitest.config.ts: fileParallelism false).
describe("the job runner", () => {
  it("schedules the clock every minute and its worker records a due expiry", async () => {
    const { JOBS, startJobRunner } = await import("@/server/jobs/job-runner");
    const { driver } = await expiredOffer();
    const boss = await startJobRunner();
    try {
      const schedules = await boss.getSchedules();
      expect(schedules.find((s) => s.name === JOBS.caseClocks)).toMatchObject({ cron: "* * * * *" });
      expect(schedules.find((s) => s.name === JOBS.dashboardSnapshot)).toMatchObject({ cron: "* * * * *" });
      // Rather than wait for the minute, queue one run now; the worker picks it up on its next poll.
      await boss.send(JOBS.caseClocks, {});
      const deadline = Date.now() + 15_000;
      while ((await row(driver.caseId)).status !== "EXPIRED") {
        if (Date.now() > deadline) throw new Error("The clock job did not run within 15 seconds");
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(await caseAudit(prisma, driver.caseId, "case.expire-offer")).toHaveLength(1);

      // The other job purges stored Idempotency-Key answers after a day, and keeps younger ones.
      const user = await prisma.user.findFirstOrThrow();
      const [old, fresh] = [`old-${randomUUID()}`, `fresh-${randomUUID()}`];
      const stored = { userId: user.id, requestHash: "0".repeat(64), statusCode: 200, responseBody: {} };
      await prisma.idempotencyKey.createMany({
        data: [
          { ...stored, key: old, createdAt: new Date(Date.now() - 25 * 3_600_000) },
          { ...stored, key: fresh, createdAt: new Date(Date.now() - 23 * 3_600_000) },
        ],
      });
      await boss.send(JOBS.purgeIdempotencyKeys, {});
      const purgeDeadline = Date.now() + 15_000;
      while ((await prisma.idempotencyKey.count({ where: { key: old } })) > 0) {
        if (Date.now() > purgeDeadline) throw new Error("The purge job did not run within 15 seconds");
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(await prisma.idempotencyKey.count({ where: { key: fresh } })).toBe(1);
    } finally {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
      // Its start also refreshes the dashboard snapshot; later files compute their dashboards live.
      await prisma.dashboardSnapshot.deleteMany();
    }
  });
});
