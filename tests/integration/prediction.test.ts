// Predicted dates with an explanation (issue 18 item 2), on real PostgreSQL: the medians come from SQL over the
// agency's last 12 months (review tasks and the audited status changes, refreshed into step_duration_stats), a step
// with too little history says so, a DTSA review whose median passes the target puts the case at risk with DTSA as the
// cause, partners read it without U.S. Government office names, and another country's partner gets 404.
import { beforeAll, describe, expect, it } from "vitest";
import { historyOf, medianOf, MINIMUM_SAMPLE } from "@/domain/insight/prediction";
import { businessTimeBetween } from "@/domain/sla";
import type { ReviewOffice } from "@/domain/workflow/states";
import { db } from "@/server/db";
import { predictCaseForActor } from "@/server/insight/predict-case";
import { loadStepDurationStats, refreshStepDurationStats } from "@/server/insight/step-duration-stats";
import { expectAppError, testPrisma } from "./helpers";
import { randomCode, seedSlaRules } from "./lor-helpers";
import { caseCast, DAY_MS, openCase, type Cast } from "./case-helpers";

const prisma = testPrisma();

beforeAll(() => seedSlaRules(prisma));

interface PastCase {
  /** Days each review took (calendar), by office. */
  reviews: Partial<Record<ReviewOffice, number>>;
}

const STATUS_STEPS = [
  { event: "assign-agency", from: "OPENED", to: "IN_DEVELOPMENT", days: 2 },
  { event: "approve-loa", from: "IN_DEVELOPMENT", to: "IN_REVIEW", days: 10 },
] as const;
const AFTER_REVIEW = [
  { event: "sign", from: "READY_TO_SIGN", to: "AGENCY_SIGNED", days: 1 },
  { event: "countersign", from: "AGENCY_SIGNED", to: "COUNTERSIGNED", days: 1 },
  { event: "offer", from: "COUNTERSIGNED", to: "OFFERED", days: 1 },
] as const;

/**
 * History for the cast's agency, written straight to the tables the statistics read: closed cases with their audited
 * status changes (as the workflow writes them) and decided review tasks, each `ageDays` back and a few hours apart.
 */
async function pastCases(cast: Cast, cases: readonly PastCase[], ageDays = 120) {
  const opener = await prisma.user.findFirstOrThrow({ where: { id: cast.dsca.userId } });
  const base = Date.now() - ageDays * DAY_MS;
  for (const [index, past] of cases.entries()) {
    const openedAt = new Date(base + index * 7 * 3_600_000);
    const created = await prisma.case.create({
      data: {
        identifier: `${cast.country.code}-${randomCode("H", 6)}`,
        countryId: cast.country.id,
        implementingAgencyId: cast.agency.id,
        designator: randomCode("", 3),
        caseType: "DEFINED_ORDER",
        status: "OFFERED",
        openedById: opener.id,
        openedAt,
      },
    });
    const events: { event: string; from: string; to: string; at: Date }[] = [];
    let cursor = openedAt.getTime();
    for (const step of STATUS_STEPS) {
      cursor += step.days * DAY_MS;
      events.push({ event: step.event, from: step.from, to: step.to, at: new Date(cursor) });
    }
    const reviewsOpened = new Date(cursor);
    const reviewDays = Object.values(past.reviews);
    cursor += Math.max(...reviewDays) * DAY_MS;
    events.push({ event: "concur", from: "IN_REVIEW", to: "READY_TO_SIGN", at: new Date(cursor) });
    for (const step of AFTER_REVIEW) {
      cursor += step.days * DAY_MS;
      events.push({ event: step.event, from: step.from, to: step.to, at: new Date(cursor) });
    }
    await prisma.auditEvent.createMany({
      data: events.map((e) => ({
        occurredAt: e.at,
        action: `case.${e.event}`,
        targetType: "case",
        targetId: created.id,
        outcome: "SUCCESS" as const,
        details: { event: e.event, fromStatus: e.from, toStatus: e.to },
      })),
    });
    await prisma.reviewTask.createMany({
      data: (Object.entries(past.reviews) as [ReviewOffice, number][]).map(([office, days]) => ({
        caseId: created.id,
        round: 1,
        office,
        status: "DECIDED" as const,
        decision: "CONCUR" as const,
        openedAt: reviewsOpened,
        dueAt: new Date(reviewsOpened.getTime() + 30 * DAY_MS),
        decidedAt: new Date(reviewsOpened.getTime() + days * DAY_MS),
      })),
    });
  }
}

const quickReviews = (dtsaDays: number, count = 7): PastCase[] =>
  Array.from({ length: count }, (_, i) => ({ reviews: { DSCA: 3 + (i % 3), STATE_PM: 4, DTSA: dtsaDays + (i % 2) } }));

/** A case of the cast's agency in review: opened, assigned and approved today. */
async function caseInReview(cast: Cast) {
  const opened = await openCase(cast);
  await opened.driver.do(cast.dsca, "assign-agency", { agencyId: cast.agency.id });
  await opened.driver.do(cast.ia, "approve-loa");
  return opened;
}

// The refresh recomputes every agency's medians over the whole test database, which holds every other file's cases
// too: under the suite's parallel load one run has taken 26 s, so these get more than the project's 30 s default.
describe("predicted dates from the agency's history", { timeout: 120_000 }, () => {
  it("with enough history, predicts the offer and states the basis with its sample, medians equal to the domain's", async () => {
    const cast = await caseCast(prisma);
    // Eight past cases: an even sample, so the median is the mean of the two middle durations.
    await pastCases(cast, quickReviews(6, 8));
    await refreshStepDurationStats(db(), new Date());
    const { caseId } = await caseInReview(cast);

    const prediction = await predictCaseForActor(cast.dsca, caseId);
    expect(prediction.kind).toBe("PREDICTED");
    expect(prediction.offer).toMatchObject({ atRisk: false, targetPassed: false, cause: null });
    expect(prediction.offer!.predictedAt).not.toBeNull();
    const dtsa = prediction.steps.find((s) => s.key === "REVIEW_DTSA")!;
    expect(dtsa).toMatchObject({ state: "CURRENT", basis: "HISTORY", sampleSize: 8 });
    // DTSA's rule counts calendar days: durations 6 and 7 alternate, median 6.5.
    expect(dtsa.explanation).toBe(`Median of 8 DTSA reviews of ${cast.agency.name} cases in the last 12 months: 6.5 calendar days`);
    const dsca = prediction.steps.find((s) => s.key === "REVIEW_DSCA")!;
    expect(dsca.explanation).toMatch(/^Median of 8 DSCA reviews of .* cases in the last 12 months: [\d.]+ business days$/);

    // The SQL medians (percentile_cont, and business time by caseway_business_ms) equal the domain's arithmetic.
    const tasks = await prisma.reviewTask.findMany({ where: { case: { implementingAgencyId: cast.agency.id }, status: "DECIDED", office: "DSCA" } });
    const stats = await loadStepDurationStats(db(), cast.agency.id);
    const dscaStats = stats.find((s) => s.step === "REVIEW_DSCA")!;
    expect(dscaStats.sampleSize).toBe(8);
    expect(dscaStats.medianCalendarMs).toBe(Math.round(medianOf(tasks.map((t) => t.decidedAt!.getTime() - t.openedAt.getTime()))!));
    expect(dscaStats.medianBusinessMs).toBe(historyOf(tasks.map((t) => businessTimeBetween(t.openedAt, t.decidedAt!)), "BUSINESS").medianMs);
    // The status steps come from the audited status changes: the agency took 10 days to develop each LOA.
    expect(stats.find((s) => s.step === "LOA_DEVELOPMENT")).toMatchObject({ sampleSize: 8, medianCalendarMs: 10 * DAY_MS });
  });

  it("with too little history, says so instead of inventing a date", async () => {
    const cast = await caseCast(prisma);
    await pastCases(cast, quickReviews(6, MINIMUM_SAMPLE - 1));
    await refreshStepDurationStats(db(), new Date());
    const { caseId } = await caseInReview(cast);

    const prediction = await predictCaseForActor(cast.dsca, caseId);
    const dtsa = prediction.steps.find((s) => s.key === "REVIEW_DTSA")!;
    expect(dtsa).toMatchObject({ predictedAt: null, basis: "NOT_ENOUGH_HISTORY", sampleSize: 4 });
    expect(dtsa.explanation).toBe(`Not enough history to predict: 4 DTSA reviews of ${cast.agency.name} cases in the last 12 months (at least 5 needed)`);
    expect(prediction.offer).toMatchObject({ predictedAt: null, atRisk: false, explanation: "Not enough history to predict the offer date (see the steps below)" });
  });

  it("history older than 12 months does not count", async () => {
    const cast = await caseCast(prisma);
    await pastCases(cast, quickReviews(6, 8), 400);
    await refreshStepDurationStats(db(), new Date());
    expect(await loadStepDurationStats(db(), cast.agency.id)).toEqual([]);
  });

  it("a case whose DTSA review median passes the target is at risk with DTSA as the cause; the partner reads it without office names", async () => {
    const cast = await caseCast(prisma);
    // DTSA takes 44–45 days (its own target is 30); with signature, countersignature and offer the 45-day target passes.
    await pastCases(cast, quickReviews(44, 7));
    await refreshStepDurationStats(db(), new Date());
    const { caseId } = await caseInReview(cast);

    const prediction = await predictCaseForActor(cast.dsca, caseId);
    expect(prediction.offer).toMatchObject({ atRisk: true, targetPassed: false, cause: "REVIEW_DTSA", causeLabel: "DTSA review" });
    expect(new Date(prediction.offer!.predictedAt!).getTime()).toBeGreaterThan(new Date(prediction.offer!.targetAt!).getTime());
    expect(prediction.steps.find((s) => s.key === "REVIEW_DTSA")).toMatchObject({ governs: true });

    const forPartner = await predictCaseForActor(cast.partner, caseId);
    expect(forPartner.offer).toMatchObject({ atRisk: true, cause: "USG_REVIEW", causeLabel: "U.S. Government review" });
    expect(forPartner.steps.map((s) => s.label)).toContain("U.S. Government review");
    expect(forPartner.notificationClearance).toBeNull();
    expect(JSON.stringify([forPartner.steps, forPartner.offer])).not.toMatch(/DTSA|State|notification|Congress|Test agency/);
  });

  it("another country's partner gets 404", async () => {
    const cast = await caseCast(prisma);
    const { caseId } = await openCase(cast);
    await expectAppError(predictCaseForActor(cast.foreignPartner, caseId), "NOT_FOUND");
    await expectAppError(predictCaseForActor(cast.dsca, "00000000-0000-4000-8000-000000000000"), "NOT_FOUND");
  });

  it("predicts nothing for a suspended case", async () => {
    const cast = await caseCast(prisma);
    const { caseId, driver } = await openCase(cast);
    await driver.do(cast.dsca, "suspend", { comment: "Awaiting the partner's funding decision" });
    const prediction = await predictCaseForActor(cast.dsca, caseId);
    expect(prediction).toMatchObject({ kind: "NONE", steps: [], offer: null });
  });
});
