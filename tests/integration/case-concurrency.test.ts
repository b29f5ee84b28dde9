// Concurrency on a case: every action names the version it was based on. Fifty identical requests at once make one
// transition and one audit event, the other 49 get 409 with the current version; two conflicting decisions race to one
// winner; an Idempotency-Key makes a retried request (one after the other or twenty at once) have one effect and one
// answer, is refused for a different body and belongs to one user.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/domain/policy";
import { applyCaseClocks } from "@/server/cases/apply-case-clocks";
import { performCaseAction } from "@/server/cases/perform-case-action";
import { verifyCaseChain } from "@/server/cases/get-case-audit";
import { context, expectAppError, testPrisma } from "./helpers";
import { seedSlaRules } from "./lor-helpers";
import { acceptInput, act, caseAt, caseAudit, caseCast, depositInput, outcomes, raceOnCase, type Cast } from "./case-helpers";

const prisma = testPrisma();

beforeAll(() => seedSlaRules(prisma));

const CONCURRENCY = 50;

interface Step {
  action: string;
  /** The status the case is brought to first. */
  from: Parameters<typeof caseAt>[1];
  to: string;
  who: (cast: Cast) => Actor;
  input?: () => Record<string, unknown>;
}

// Six different steps, each by its own kind of person, each on its own case.
const STEPS: Step[] = [
  { action: "assign-agency", from: "OPENED", to: "IN_DEVELOPMENT", who: (c) => c.dsca },
  { action: "approve-loa", from: "IN_DEVELOPMENT", to: "IN_REVIEW", who: (c) => c.ia },
  { action: "concur", from: "IN_REVIEW", to: "IN_REVIEW", who: (c) => c.state },
  { action: "countersign", from: "AGENCY_SIGNED", to: "COUNTERSIGNED", who: (c) => c.dsca },
  { action: "accept", from: "OFFERED", to: "ACCEPTED", who: (c) => c.partner, input: () => acceptInput() },
  { action: "record-deposit", from: "ACCEPTED", to: "IMPLEMENTED", who: (c) => c.dsca, input: () => depositInput() },
];

/** Events the requests with these request ids recorded. */
const eventsOf = (requestIds: string[]) => prisma.auditEvent.findMany({ where: { requestId: { in: requestIds } } });

describe(`${CONCURRENCY} identical actions at once`, () => {
  it.each(STEPS)("$action: one transition (version + 1), one audit event, 49 × 409 with the current version", async (step) => {
    const cast = await caseCast(prisma);
    const { driver } = await caseAt(cast, step.from);
    const version = driver.version;
    const actor = step.who(cast);
    const input = { expectedVersion: version, ...(step.action === "assign-agency" ? { agencyId: cast.agency.id } : {}), ...step.input?.() };
    const contexts = Array.from({ length: CONCURRENCY }, () => context());

    // Our transaction holds the case's row lock while the requests start, so they pile up behind it and really race.
    const results = await raceOnCase(
      prisma,
      driver.caseId,
      () => contexts.map((ctx) => performCaseAction(actor, driver.caseId, step.action, input, ctx)),
      5,
    );
    const { values, errors } = outcomes(results);
    expect(values).toHaveLength(1);
    expect(values[0]!.case).toMatchObject({ version: version + 1, status: step.to });
    expect(errors).toHaveLength(CONCURRENCY - 1);
    expect(new Set(errors.map((e) => e.code))).toEqual(new Set(["VERSION_CONFLICT"]));
    expect(errors.every((e) => e.extra?.currentVersion === version + 1)).toBe(true);

    const row = await prisma.case.findUniqueOrThrow({ where: { id: driver.caseId } });
    expect({ status: row.status, version: row.version }).toEqual({ status: step.to, version: version + 1 });
    const recorded = await eventsOf(contexts.map((c) => c.requestId));
    expect(recorded.map((e) => e.action)).toEqual([`case.${step.action}`]);
    expect(await caseAudit(prisma, driver.caseId, `case.${step.action}`)).toHaveLength(1);
    expect((await verifyCaseChain(driver.caseId)).verification.verified).toBe(true);
  });
});

describe("conflicting decisions racing", () => {
  it("DSCA concur against DSCA return-for-rework: one wins, the other gets 409 with the winner's version", async () => {
    const cast = await caseCast(prisma);
    const { driver } = await caseAt(cast, "IN_REVIEW");
    const v = driver.version;
    const results = await raceOnCase(prisma, driver.caseId, () => [
      act(cast.dsca, driver.caseId, "concur", { expectedVersion: v }),
      act(cast.dsca, driver.caseId, "return-for-rework", { expectedVersion: v, comment: "Rework the pricing" }),
    ]);
    const { values, errors } = outcomes(results);
    expect(values).toHaveLength(1);
    expect(errors.map((e) => [e.code, e.extra?.currentVersion])).toEqual([["VERSION_CONFLICT", v + 1]]);
    const winner = values[0]!.case;
    const row = await prisma.case.findUniqueOrThrow({ where: { id: driver.caseId } });
    expect({ status: row.status, version: row.version }).toEqual({ status: winner.status, version: v + 1 });
    const dscaTask = await prisma.reviewTask.findFirstOrThrow({ where: { caseId: driver.caseId, office: "DSCA", round: 1 } });
    expect(dscaTask.decision).toBe(winner.status === "IN_DEVELOPMENT" ? "RETURN" : "CONCUR");
    const decisions = [...(await caseAudit(prisma, driver.caseId, "case.concur")), ...(await caseAudit(prisma, driver.caseId, "case.return-for-rework"))];
    expect(decisions).toHaveLength(1);
  });

  it("two DSCA analysts deciding differently at once: still one decision for the office", async () => {
    const cast = await caseCast(prisma);
    const other = await caseCast(prisma);
    const { driver } = await caseAt(cast, "IN_REVIEW");
    const v = driver.version;
    const results = await raceOnCase(prisma, driver.caseId, () => [
      act(cast.dsca, driver.caseId, "concur-with-comment", { expectedVersion: v, comment: "Fine with notes" }),
      act(other.dsca, driver.caseId, "disapprove", { expectedVersion: v, comment: "Not eligible" }),
    ]);
    const { values, errors } = outcomes(results);
    expect(values).toHaveLength(1);
    expect(errors.map((e) => e.code)).toEqual(["VERSION_CONFLICT"]);
    const tasks = await prisma.reviewTask.findMany({ where: { caseId: driver.caseId, office: "DSCA" } });
    expect(tasks).toHaveLength(1);
    expect(tasks[0]!.decision === "DISAPPROVE").toBe(values[0]!.case.status === "DISAPPROVED");
  });

  it("the partner accepting and asking for changes at once: one wins, the other gets 409", async () => {
    const cast = await caseCast(prisma);
    const { driver } = await caseAt(cast, "OFFERED");
    const v = driver.version;
    const results = await raceOnCase(prisma, driver.caseId, () => [
      act(cast.partner, driver.caseId, "accept", { expectedVersion: v, ...acceptInput() }),
      act(cast.partner, driver.caseId, "request-changes", { expectedVersion: v, comment: "Add spares" }),
    ]);
    const { values, errors } = outcomes(results);
    expect(values).toHaveLength(1);
    expect(errors.map((e) => [e.code, e.extra?.currentVersion])).toEqual([["VERSION_CONFLICT", v + 1]]);
    const row = await prisma.case.findUniqueOrThrow({ where: { id: driver.caseId } });
    expect(row.status).toBe(values[0]!.case.status);
    expect(["ACCEPTED", "IN_DEVELOPMENT"]).toContain(row.status);
    const responses = [...(await caseAudit(prisma, driver.caseId, "case.accept")), ...(await caseAudit(prisma, driver.caseId, "case.request-changes"))];
    expect(responses).toHaveLength(1);
  });

  it("the clock job and the partner's acceptance racing on an offer that just expired: the offer stays expired", async () => {
    const cast = await caseCast(prisma);
    const { driver } = await caseAt(cast, "OFFERED");
    await prisma.case.update({ where: { id: driver.caseId }, data: { offerExpiresAt: new Date(Date.now() - 1000) } });
    const results = await raceOnCase<unknown>(prisma, driver.caseId, () => [
      act(cast.partner, driver.caseId, "accept", { expectedVersion: driver.version, ...acceptInput() }),
      applyCaseClocks(new Date(), [driver.caseId]),
    ]);
    // Whoever gets the lock first, the acceptance fails: refused on an expired offer, or stale after the job's record.
    expect(results[0]).toMatchObject({ status: "rejected", reason: { code: expect.stringMatching(/^(CONFLICT|VERSION_CONFLICT)$/) } });
    expect(results[1]!.status).toBe("fulfilled");
    const row = await prisma.case.findUniqueOrThrow({ where: { id: driver.caseId } });
    expect(row).toMatchObject({ status: "EXPIRED", version: driver.version + 1, acceptedAt: null });
    expect(await caseAudit(prisma, driver.caseId, "case.expire-offer")).toHaveLength(1);
    expect(await caseAudit(prisma, driver.caseId, "case.accept")).toHaveLength(0);
  });
});

describe("Idempotency-Key", () => {
  it("the same key and body twice in a row: one effect, the second answer is the first replayed", async () => {
    const cast = await caseCast(prisma);
    const { driver } = await caseAt(cast, "OPENED");
    const key = `retry-${randomUUID()}`;
    const body = { expectedVersion: 1, agencyId: cast.agency.id };
    const first = await act(cast.dsca, driver.caseId, "assign-agency", body, { idempotencyKey: key });
    expect(first.replayed).toBe(false);
    expect(first.case).toMatchObject({ version: 2, status: "IN_DEVELOPMENT" });

    const second = await act(cast.dsca, driver.caseId, "assign-agency", { ...body }, { idempotencyKey: key });
    expect(second.replayed).toBe(true);
    expect(second.case).toEqual(first.case);
    // The same body with its keys in another order is the same request.
    const reordered = await act(cast.dsca, driver.caseId, "assign-agency", { agencyId: cast.agency.id, expectedVersion: 1 }, { idempotencyKey: key });
    expect(reordered).toEqual({ case: first.case, replayed: true });

    expect((await prisma.case.findUniqueOrThrow({ where: { id: driver.caseId } })).version).toBe(2);
    expect(await caseAudit(prisma, driver.caseId, "case.assign-agency")).toHaveLength(1);
    // Without the key, the same body is a new request, and a stale one.
    await expectAppError(act(cast.dsca, driver.caseId, "assign-agency", body), "VERSION_CONFLICT");
  });

  it("twenty requests with the same key and body at once: one effect, every answer equals the first", async () => {
    const cast = await caseCast(prisma);
    const { driver } = await caseAt(cast, "IN_DEVELOPMENT");
    const key = `burst-${randomUUID()}`;
    const body = { expectedVersion: driver.version };
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => act(cast.ia, driver.caseId, "approve-loa", body, { idempotencyKey: key })),
    );
    const { values, errors } = outcomes(results);
    expect(errors).toEqual([]);
    expect(values).toHaveLength(20);
    const originals = values.filter((v) => !v.replayed);
    expect(originals).toHaveLength(1);
    const first = originals[0]!;
    expect(first.case).toMatchObject({ version: driver.version + 1, status: "IN_REVIEW" });
    for (const value of values) expect(value.case).toEqual(first.case);

    expect((await prisma.case.findUniqueOrThrow({ where: { id: driver.caseId } })).version).toBe(driver.version + 1);
    expect(await caseAudit(prisma, driver.caseId, "case.approve-loa")).toHaveLength(1);
    expect(await prisma.reviewTask.count({ where: { caseId: driver.caseId } })).toBe(3);
    const stored = await prisma.idempotencyKey.findUniqueOrThrow({ where: { userId_key: { userId: cast.ia.userId, key } } });
    expect(stored.statusCode).toBe(200);
  });

  it("the same key with a different body is refused with 422 and changes nothing", async () => {
    const cast = await caseCast(prisma);
    const { driver } = await caseAt(cast, "IN_REVIEW");
    const key = `reuse-${randomUUID()}`;
    const first = await act(cast.dsca, driver.caseId, "concur-with-comment", { expectedVersion: driver.version, comment: "Fine" }, { idempotencyKey: key });
    expect(first.replayed).toBe(false);

    const error = await expectAppError(
      act(cast.dsca, driver.caseId, "concur-with-comment", { expectedVersion: driver.version, comment: "Different words" }, { idempotencyKey: key }),
      "VALIDATION_FAILED",
    );
    expect(error.status).toBe(422);
    expect(error.extra.fields).toHaveProperty("Idempotency-Key");
    // A different action, or another case, under the same key is a different request too.
    await expectAppError(act(cast.dsca, driver.caseId, "concur", { expectedVersion: driver.version }, { idempotencyKey: key }), "VALIDATION_FAILED");
    const { driver: otherCase } = await caseAt(cast, "IN_REVIEW");
    await expectAppError(
      act(cast.dsca, otherCase.caseId, "concur-with-comment", { expectedVersion: otherCase.version, comment: "Fine" }, { idempotencyKey: key }),
      "VALIDATION_FAILED",
    );
    expect((await prisma.case.findUniqueOrThrow({ where: { id: otherCase.caseId } })).version).toBe(otherCase.version);

    const row = await prisma.case.findUniqueOrThrow({ where: { id: driver.caseId } });
    expect(row.version).toBe(driver.version + 1);
    const task = await prisma.reviewTask.findFirstOrThrow({ where: { caseId: driver.caseId, office: "DSCA" } });
    expect(task.comment).toBe("Fine");
  });

  it("keys belong to one user: another person's identical key is a request of their own", async () => {
    const cast = await caseCast(prisma);
    const { driver } = await caseAt(cast, "IN_REVIEW");
    const key = `shared-${randomUUID()}`;
    const v = driver.version;
    const dsca = await act(cast.dsca, driver.caseId, "concur", { expectedVersion: v }, { idempotencyKey: key });
    expect(dsca).toMatchObject({ replayed: false, case: { version: v + 1 } });
    // State sends the same key and the same body: not a replay of DSCA's answer, but its own (stale) request.
    const stale = await expectAppError(act(cast.state, driver.caseId, "concur", { expectedVersion: v }, { idempotencyKey: key }), "VERSION_CONFLICT");
    expect(stale.extra.currentVersion).toBe(v + 1);
    const state = await act(cast.state, driver.caseId, "concur", { expectedVersion: v + 1 }, { idempotencyKey: key });
    expect(state).toMatchObject({ replayed: false, case: { version: v + 2 } });
    // Each user's replay gives their own answer back.
    expect(await act(cast.dsca, driver.caseId, "concur", { expectedVersion: v }, { idempotencyKey: key })).toEqual({ case: dsca.case, replayed: true });
    expect(await act(cast.state, driver.caseId, "concur", { expectedVersion: v + 1 }, { idempotencyKey: key })).toEqual({
      case: state.case,
      replayed: true,
    });
    expect(await prisma.idempotencyKey.count({ where: { key } })).toBe(2);
    const decided = await prisma.reviewTask.findMany({ where: { caseId: driver.caseId, status: "DECIDED" } });
    expect(decided.map((t) => t.office).sort()).toEqual(["DSCA", "STATE_PM"]);
  });

  it("a refused request stores no answer: the same key then carries the corrected request", async () => {
    const cast = await caseCast(prisma);
    const { driver } = await caseAt(cast, "IN_REVIEW");
    const key = `fix-${randomUUID()}`;
    const stale = { expectedVersion: driver.version - 1 };
    await expectAppError(act(cast.dsca, driver.caseId, "concur", stale, { idempotencyKey: key }), "VERSION_CONFLICT");
    expect(await prisma.idempotencyKey.count({ where: { userId: cast.dsca.userId, key } })).toBe(0);
    // Retrying the refused request is refused again, not answered with something stored.
    await expectAppError(act(cast.dsca, driver.caseId, "concur", stale, { idempotencyKey: key }), "VERSION_CONFLICT");
    const fixed = await act(cast.dsca, driver.caseId, "concur", { expectedVersion: driver.version }, { idempotencyKey: key });
    expect(fixed).toMatchObject({ replayed: false, case: { version: driver.version + 1 } });
  });

  it("refuses keys that are not 1–200 visible ASCII characters", async () => {
    const cast = await caseCast(prisma);
    const { driver } = await caseAt(cast, "OPENED");
    for (const key of ["", "with space", "x".repeat(201), "ключ"]) {
      await expectAppError(act(cast.dsca, driver.caseId, "assign-agency", { expectedVersion: 1, agencyId: cast.agency.id }, { idempotencyKey: key }), "BAD_REQUEST");
    }
    expect((await prisma.case.findUniqueOrThrow({ where: { id: driver.caseId } })).version).toBe(1);
  });
});
