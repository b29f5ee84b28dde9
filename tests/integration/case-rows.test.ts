// The JSON case loader (src/server/cases/case-rows.ts) must give exactly what Prisma's `include: caseInclude` gives —
// every column, type and relation, in the same order — so the workflow cannot tell them apart. A column added to the
// cases table (or a relation added to caseInclude) that the loader misses or mistypes fails here.
import { beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { knowChainTail, recordAudit } from "@/server/audit";
import { lockAndLoadCase, loadCaseRow, loadCaseRows } from "@/server/cases/case-rows";
import { caseInclude } from "@/server/cases/case-store";
import { verifyCaseChain } from "@/server/cases/get-case-audit";
import { caseAt, caseCast, type Cast } from "./case-helpers";
import { context, testPrisma } from "./helpers";
import { seedSlaRules } from "./lor-helpers";

const prisma = testPrisma();
let cast: Cast;
let ids: string[];

beforeAll(async () => {
  await seedSlaRules(prisma);
  cast = await caseCast(prisma);
  // Cases whose rows exercise every kind of column: decided reviews (a decider), dates, decimals, the deposit due.
  const opened = await caseAt(cast, "OPENED");
  const inReview = await caseAt(cast, "READY_TO_SIGN");
  const implemented = await caseAt(cast, "IMPLEMENTED");
  // Suspended while ready to sign: the paused state clock's dates are set.
  const suspended = await caseAt(cast, "READY_TO_SIGN");
  await suspended.driver.do(cast.dsca, "suspend", { comment: "Sanctions review." });
  ids = [implemented.caseId, opened.caseId, inReview.caseId, suspended.caseId];
}, 120_000);

const viaPrisma = (caseIds: string[]) => prisma.case.findMany({ where: { id: { in: caseIds } }, include: caseInclude });

describe("the JSON case loader", () => {
  it("gives every case exactly as Prisma's include does, in the order asked", async () => {
    const { rows } = await loadCaseRows(prisma, ids);
    const expected = await viaPrisma(ids);
    expect(rows.map((r) => r.id)).toEqual(ids);
    for (const row of rows) expect(row).toStrictEqual(expected.find((e) => e.id === row.id));
    // The columns that need reviving really were exercised: a decider, a decimal, a date-only column, a paused clock.
    const implemented = rows[0]!;
    expect(implemented.initialDepositDue).toBeInstanceOf(Prisma.Decimal);
    expect(implemented.signedOn).toBeInstanceOf(Date);
    expect(rows[2]!.reviewTasks.some((t) => t.decidedBy !== null)).toBe(true);
    expect(rows[3]!.pausedStatusChangedAt).toBeInstanceOf(Date);
    expect(rows[3]!.pausedStatusDueAt).toBeInstanceOf(Date);
  });

  it("reads the SLA rules as Prisma does", async () => {
    const { rules } = await loadCaseRows(prisma, ids.slice(0, 1));
    const expected = await prisma.slaRule.findMany();
    expect([...rules].sort((a, b) => a.id.localeCompare(b.id))).toStrictEqual(expected.sort((a, b) => a.id.localeCompare(b.id)));
  });

  it("answers null for a missing case or a malformed id, and an empty page for no ids", async () => {
    expect(await loadCaseRow(prisma, "00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await loadCaseRow(prisma, "not-a-uuid")).toBeNull();
    expect((await loadCaseRows(prisma, [])).rows).toEqual([]);
  });

  it("under the lock, reads the tail of the case's audit chain, and appending from it keeps the chain valid", async () => {
    const caseId = ids[0]!;
    await prisma.$transaction(async (tx) => {
      const loaded = (await lockAndLoadCase(tx, caseId))!;
      const last = await tx.auditEvent.findFirst({ where: { chainKey: `case:${caseId}` }, orderBy: { chainSeq: "desc" } });
      expect(loaded.chainTail).toEqual({ chainSeq: last!.chainSeq, hash: last!.hash });
      expect(loaded.row).toStrictEqual((await viaPrisma([caseId]))[0]);
      knowChainTail(tx, { type: "case", id: caseId }, loaded.chainTail);
      // Two appends in one transaction: the second must follow the first, not the tail read at the start.
      for (const note of ["first", "second"]) {
        await recordAudit(tx, { action: "case.test-note", outcome: "SUCCESS", actorEmail: "test", target: { type: "case", id: caseId }, details: { note }, context: context() });
      }
    });
    const chain = await prisma.auditEvent.findMany({ where: { chainKey: `case:${caseId}` }, orderBy: { chainSeq: "asc" } });
    expect(chain.slice(-2).map((e) => e.details)).toEqual([{ note: "first" }, { note: "second" }]);
    expect((await verifyCaseChain(caseId)).verification.verified).toBe(true);
  });
});
