// Suspension pauses the clocks (issue 13): a case suspended for days is never overdue while suspended — not in the
// case list's overdue filter, not in anyone's My tasks, not flagged by the clock job — and resuming it moves each
// running clock on by the time suspended: its open reviews, the state's target (kept, not restarted), the offer
// expiration date and the congressional review period. The resume's audit event records the pause. Time moves by
// moving the suspension's start back in the database, as if the case had been suspended that long ago.
import { beforeAll, describe, expect, it } from "vitest";
import { dueDate, pausedDueDate } from "@/domain/sla";
import { applyCaseClocks } from "@/server/cases/apply-case-clocks";
import { getCase } from "@/server/cases/get-case";
import { verifyCaseChain } from "@/server/cases/get-case-audit";
import { listCases } from "@/server/cases/list-cases";
import { listMyTasks } from "@/server/cases/list-my-tasks";
import { formatDate } from "@/lib/format";
import { testPrisma } from "./helpers";
import { seedSlaRules } from "./lor-helpers";
import { DAY_MS, caseAt, caseAudit, caseCast, type Cast, type CaseDriver } from "./case-helpers";

const prisma = testPrisma();

beforeAll(() => seedSlaRules(prisma));

const SUSPENDED_DAYS = 12;

const stored = (caseId: string) =>
  prisma.case.findUniqueOrThrow({ where: { id: caseId }, include: { reviewTasks: { orderBy: { office: "asc" } } } });

/** The case's row in `actor`'s My tasks (every page), if any. */
async function taskFor(actor: Cast["dsca"], caseId: string, query: Record<string, string> = {}) {
  for (let page = 1; ; page += 1) {
    const result = await listMyTasks(actor, { ...query, page: String(page), pageSize: "100" });
    const found = result.items.find((i) => i.caseId === caseId);
    if (found || result.items.length === 0 || page * 100 >= result.total) return found;
  }
}

/** Whether the case is in the case list's overdue (or not-overdue) filter, within the cast's own agency. */
async function listedAs(cast: Cast, caseId: string, overdue: "true" | "false") {
  const result = await listCases(cast.dsca, { agency: cast.agency.code, overdue, pageSize: "100" });
  return result.items.some((c) => c.id === caseId);
}

/** Suspends the case now, then moves the suspension's start `days` back: as if it had been suspended that long. */
async function suspendedDaysAgo(cast: Cast, driver: CaseDriver, days: number) {
  await driver.do(cast.dsca, "suspend", { comment: "Sanctions review of the end user." });
  const suspendedAt = new Date(Date.now() - days * DAY_MS);
  await prisma.case.update({ where: { id: driver.caseId }, data: { statusChangedAt: suspendedAt } });
  return suspendedAt;
}

/** The pause the resume recorded in its audit event. */
async function recordedPause(caseId: string) {
  const [event] = await caseAudit(prisma, caseId, "case.resume");
  const pause = (event!.details as { pause: { suspendedAt: string; resumedAt: string; pausedMs: number; extended: { clock: string; office?: string; from: string; to: string }[] } }).pause;
  return { ...pause, suspendedAt: new Date(pause.suspendedAt), resumedAt: new Date(pause.resumedAt) };
}

describe("a case suspended in review", () => {
  it("is not overdue while suspended, though its reviews' due dates passed meanwhile; resume moves every clock on", async () => {
    const cast = await caseCast(prisma);
    const { driver } = await caseAt(cast, "IN_REVIEW");
    await driver.do(cast.dsca, "concur");
    const before = await stored(driver.caseId);
    const suspendedAt = await suspendedDaysAgo(cast, driver, SUSPENDED_DAYS);
    // The reviews as they stood at the suspension: opened two days before it, so State's ten business days and DTSA's
    // thirty calendar days were both still running — and State's fell due during the suspension.
    const openedAt = new Date(suspendedAt.getTime() - 2 * DAY_MS);
    const rules = await prisma.slaRule.findMany();
    for (const task of before.reviewTasks.filter((t) => t.status === "OPEN")) {
      const rule = rules.find((r) => r.id === task.slaRuleId)!;
      await prisma.reviewTask.update({ where: { id: task.id }, data: { openedAt, dueAt: dueDate(openedAt, rule) } });
    }
    const paused = await stored(driver.caseId);
    const [stateTask, dtsaTask] = [paused.reviewTasks.find((t) => t.office === "STATE_PM")!, paused.reviewTasks.find((t) => t.office === "DTSA")!];
    expect(stateTask.dueAt.getTime()).toBeLessThan(Date.now());
    expect(stateTask.dueAt.getTime()).toBeGreaterThan(suspendedAt.getTime());

    // While suspended: no overdue anywhere.
    expect(await listedAs(cast, driver.caseId, "true")).toBe(false);
    expect(await listedAs(cast, driver.caseId, "false")).toBe(true);
    expect(await taskFor(cast.state, driver.caseId)).toBeUndefined();
    expect(await taskFor(cast.dsca, driver.caseId, { overdue: "true" })).toBeUndefined();
    expect(await taskFor(cast.dsca, driver.caseId)).toMatchObject({ actions: ["resume"], aging: null });
    expect(await applyCaseClocks(new Date(), [driver.caseId])).toEqual({ casesChanged: [], reviewsFlaggedOverdue: 0 });
    expect((await stored(driver.caseId)).reviewTasks.every((t) => t.overdueFlaggedAt === null)).toBe(true);
    const view = await getCase(cast.dsca, driver.caseId);
    expect(view).toMatchObject({ status: "SUSPENDED", waitingOn: "DSCA to resume the case" });
    // The reviews read as they stood when the case was suspended: not overdue.
    for (const review of view.reviews.filter((r) => r.status === "OPEN")) expect(review.aging?.state, review.office).not.toBe("OVERDUE");

    // Resume: every running clock moves on by the time suspended.
    const resumed = await driver.do(cast.dsca, "resume");
    expect(resumed).toMatchObject({ status: "IN_REVIEW", waitingOn: "State and DTSA reviews" });
    const pause = await recordedPause(driver.caseId);
    expect(pause.suspendedAt).toEqual(suspendedAt);
    expect(pause.pausedMs).toBe(pause.resumedAt.getTime() - suspendedAt.getTime());
    expect(pause.pausedMs).toBeGreaterThanOrEqual(SUSPENDED_DAYS * DAY_MS);
    expect(pause.pausedMs).toBeLessThan(SUSPENDED_DAYS * DAY_MS + 60_000);

    const after = await stored(driver.caseId);
    const [stateAfter, dtsaAfter] = [after.reviewTasks.find((t) => t.office === "STATE_PM")!, after.reviewTasks.find((t) => t.office === "DTSA")!];
    // DTSA's calendar days: exactly the time suspended. State's business days: the business days it had left.
    expect(dtsaAfter.dueAt.getTime()).toBe(dtsaTask.dueAt.getTime() + pause.pausedMs);
    expect(stateAfter.dueAt).toEqual(pausedDueDate(stateTask.dueAt, suspendedAt, pause.resumedAt, "BUSINESS"));
    expect(stateAfter.dueAt.getTime()).toBeGreaterThan(Date.now());
    // When the reviews were opened is history; DSCA's decided review is untouched.
    expect(stateAfter.openedAt).toEqual(openedAt);
    const dscaBefore = before.reviewTasks.find((t) => t.office === "DSCA")!;
    expect(after.reviewTasks.find((t) => t.office === "DSCA")!.dueAt).toEqual(dscaBefore.dueAt);
    // The offer expiration date, 85 days from the agency's approval, moves on too.
    expect(after.offerExpiresAt!.getTime()).toBe(before.offerExpiresAt!.getTime() + pause.pausedMs);
    expect(after).toMatchObject({ suspendedFromStatus: null, pausedStatusChangedAt: null, pausedStatusDueAt: null, pausedStatusSlaRuleId: null });
    expect(pause.extended.map((e) => [e.clock, e.office ?? null, e.to])).toEqual([
      ["review", "STATE_PM", stateAfter.dueAt.toISOString()],
      ["review", "DTSA", dtsaAfter.dueAt.toISOString()],
      ["offerExpiration", null, after.offerExpiresAt!.toISOString()],
    ]);

    // After resume: State has its review back, on the extended date and not overdue; the lists agree.
    expect(await taskFor(cast.state, driver.caseId)).toMatchObject({ kind: "REVIEW", aging: { dueAt: stateAfter.dueAt.toISOString() } });
    expect((await taskFor(cast.state, driver.caseId))!.aging!.state).not.toBe("OVERDUE");
    expect(await taskFor(cast.state, driver.caseId, { overdue: "true" })).toBeUndefined();
    expect(await listedAs(cast, driver.caseId, "true")).toBe(false);
    const reviews = (await getCase(cast.dsca, driver.caseId)).reviews;
    expect(reviews.find((r) => r.office === "STATE_PM")).toMatchObject({ dueAt: stateAfter.dueAt.toISOString(), openedAt: openedAt.toISOString() });
    expect(reviews.find((r) => r.office === "STATE_PM")!.aging!.state).not.toBe("OVERDUE");
    expect(await applyCaseClocks(new Date(), [driver.caseId])).toEqual({ casesChanged: [], reviewsFlaggedOverdue: 0 });
    expect((await verifyCaseChain(driver.caseId)).verification.verified).toBe(true);
  });

  it("a review already overdue before the suspension is still overdue after it, and flagged only once resumed", async () => {
    const cast = await caseCast(prisma);
    const { driver } = await caseAt(cast, "IN_REVIEW");
    const suspendedAt = await suspendedDaysAgo(cast, driver, 5);
    const lateBy = DAY_MS;
    await prisma.reviewTask.updateMany({ where: { caseId: driver.caseId, office: "DTSA" }, data: { dueAt: new Date(suspendedAt.getTime() - lateBy) } });
    expect(await applyCaseClocks(new Date(), [driver.caseId])).toEqual({ casesChanged: [], reviewsFlaggedOverdue: 0 });
    expect(await listedAs(cast, driver.caseId, "true")).toBe(false);

    await driver.do(cast.dsca, "resume");
    const pause = await recordedPause(driver.caseId);
    const dtsa = (await stored(driver.caseId)).reviewTasks.find((t) => t.office === "DTSA")!;
    expect(dtsa.dueAt.getTime()).toBe(pause.resumedAt.getTime() - lateBy);
    expect(await listedAs(cast, driver.caseId, "true")).toBe(true);
    expect(await taskFor(cast.dtsa, driver.caseId, { overdue: "true" })).toBeDefined();
    expect((await applyCaseClocks(new Date(), [driver.caseId])).reviewsFlaggedOverdue).toBe(1);
  });
});

describe("the state's target across a suspension", () => {
  it("is kept, not restarted: the agency's signature clock resumes from its start with its due date moved on", async () => {
    const cast = await caseCast(prisma);
    const { driver } = await caseAt(cast, "READY_TO_SIGN");
    const ready = await stored(driver.caseId);
    expect(ready.statusDueAt).not.toBeNull();
    const suspendedAt = await suspendedDaysAgo(cast, driver, SUSPENDED_DAYS);
    // Ready to sign since a day before the suspension: its five business days fell due while it was suspended.
    const since = new Date(suspendedAt.getTime() - DAY_MS);
    const rule = (await prisma.slaRule.findUniqueOrThrow({ where: { id: ready.statusSlaRuleId! } }));
    const due = dueDate(since, rule);
    await prisma.case.update({ where: { id: driver.caseId }, data: { pausedStatusChangedAt: since, pausedStatusDueAt: due } });
    expect(await stored(driver.caseId)).toMatchObject({ status: "SUSPENDED", statusDueAt: null, pausedStatusSlaRuleId: ready.statusSlaRuleId });
    expect(due.getTime()).toBeLessThan(Date.now());
    expect(await listedAs(cast, driver.caseId, "true")).toBe(false);
    expect((await getCase(cast.ia, driver.caseId)).statusAging).toBeNull();

    const view = await driver.do(cast.dsca, "resume");
    const pause = await recordedPause(driver.caseId);
    const after = await stored(driver.caseId);
    expect(after).toMatchObject({ status: "READY_TO_SIGN", statusChangedAt: since, statusSlaRuleId: ready.statusSlaRuleId });
    expect(after.statusDueAt).toEqual(pausedDueDate(due, suspendedAt, pause.resumedAt, "BUSINESS"));
    expect(after.statusDueAt!.getTime()).toBeGreaterThan(Date.now());
    expect(pause.extended[0]).toEqual({ clock: "status", from: due.toISOString(), to: after.statusDueAt!.toISOString() });
    expect(view).toMatchObject({ statusChangedAt: since.toISOString(), statusAging: { dueAt: after.statusDueAt!.toISOString() } });
    expect(view.statusAging!.state).not.toBe("OVERDUE");
    expect(await listedAs(cast, driver.caseId, "true")).toBe(false);
    expect(await taskFor(cast.ia, driver.caseId)).toMatchObject({ actions: ["sign"], since: since.toISOString(), aging: { dueAt: after.statusDueAt!.toISOString() } });
  });
});

describe("the congressional review period across a suspension", () => {
  it("does not end while the case is suspended, and ends the suspended time later", async () => {
    const cast = await caseCast(prisma, { natoPlus: true });
    const { driver } = await caseAt(cast, "IN_REVIEW");
    await driver.do(cast.dsca, "set-notification-requirement", { required: true });
    await driver.do(cast.dsca, "send-notification-to-state");
    await driver.do(cast.state, "clear-notification");
    for (const reviewer of [cast.dsca, cast.state, cast.dtsa]) await driver.do(reviewer, "concur");
    const suspendedAt = await suspendedDaysAgo(cast, driver, SUSPENDED_DAYS);
    // Two days of the formal period were left when the case was suspended: it would have ended ten days ago.
    const periodEnd = new Date(suspendedAt.getTime() + 2 * DAY_MS);
    await prisma.case.update({ where: { id: driver.caseId }, data: { cnPeriodEndsAt: periodEnd } });

    expect(await applyCaseClocks(new Date(), [driver.caseId])).toEqual({ casesChanged: [], reviewsFlaggedOverdue: 0 });
    expect(await getCase(cast.dsca, driver.caseId)).toMatchObject({ status: "SUSPENDED", notification: { status: "FORMALLY_NOTIFIED" } });

    const resumed = await driver.do(cast.dsca, "resume");
    const pause = await recordedPause(driver.caseId);
    const ends = new Date(periodEnd.getTime() + pause.pausedMs);
    expect(resumed).toMatchObject({ status: "IN_REVIEW", notification: { status: "FORMALLY_NOTIFIED", periodEndsAt: ends.toISOString() } });
    // What the case waits for now: Congress, until the extended end — the partner sees it too.
    expect(resumed.waitingOn).toBe(`Congress: the formal notification period ends ${formatDate(ends)}`);
    expect((await getCase(cast.partner, driver.caseId)).waitingOn).toBe(`Congress: the formal notification period ends ${formatDate(ends)}`);
    expect(pause.extended).toContainEqual({ clock: "formalNotification", from: periodEnd.toISOString(), to: ends.toISOString() });
    expect((await applyCaseClocks(new Date(), [driver.caseId])).casesChanged).toEqual([]);
    // Once the extended end has passed, the clock clears it as usual.
    expect((await applyCaseClocks(new Date(ends.getTime() + 1), [driver.caseId])).casesChanged).toEqual([driver.caseId]);
    expect(await stored(driver.caseId)).toMatchObject({ status: "READY_TO_SIGN", cnStatus: "CLEARED" });
  });
});
