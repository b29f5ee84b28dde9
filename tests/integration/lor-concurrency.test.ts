// Optimistic concurrency: every change names the version it was based on. A stale version is refused with 409 and the
// current version; when two changes race, exactly one wins, and only the winner is saved and audited.
import { beforeAll, describe, expect, it } from "vitest";
import type { LorView } from "@/domain/schemas/lor";
import { acknowledgeLor } from "@/server/lors/acknowledge-lor";
import { addLorAttachment } from "@/server/lors/add-lor-attachment";
import { disapproveLor } from "@/server/lors/disapprove-lor";
import { markLorActionable } from "@/server/lors/mark-lor-actionable";
import { markLorComplete } from "@/server/lors/mark-lor-complete";
import { markLorInsufficient } from "@/server/lors/mark-lor-insufficient";
import { respondPriceAndAvailability } from "@/server/lors/respond-price-and-availability";
import { submitLor } from "@/server/lors/submit-lor";
import { updateLor } from "@/server/lors/update-lor";
import { withdrawLor } from "@/server/lors/withdraw-lor";
import { context, expectAppError, testPrisma } from "./helpers";
import {
  draftLor,
  lorAudit,
  oneWinnerOneLoser,
  PDF_BYTES,
  raceOnLetter,
  seedSlaRules,
  submittedLor,
  underValidationLor,
  world,
} from "./lor-helpers";

const prisma = testPrisma();

beforeAll(() => seedSlaRules(prisma));

type World = Awaited<ReturnType<typeof world>>;

describe("updateLor versions", () => {
  it("of two saves based on the same version the second is refused with the new current version", async () => {
    const { partner } = await world(prisma);
    const lor = await draftLor(partner, { subject: "Original subject" });
    const first = await updateLor(partner, lor.id, { expectedVersion: lor.version, subject: "First editor" }, context());
    expect(first.version).toBe(lor.version + 1);

    const error = await expectAppError(updateLor(partner, lor.id, { expectedVersion: lor.version, subject: "Second editor" }, context()), "VERSION_CONFLICT");
    expect(error.status).toBe(409);
    expect(error.extra.currentVersion).toBe(first.version);

    const row = await prisma.letterOfRequest.findUniqueOrThrow({ where: { id: lor.id } });
    expect(row).toMatchObject({ subject: "First editor", version: first.version });
    expect(await lorAudit(prisma, lor.id, "lor.update")).toHaveLength(1);
  });

  // Regression: the loser of a save race once reported the stale version it had read.
  it("when two saves race, the loser's 409 carries the winner's version, so a reload-and-retry can succeed", async () => {
    const { partner } = await world(prisma);
    const lor = await draftLor(partner, { subject: "Original subject" });
    const results = await raceOnLetter(prisma, lor.id, () => [
      updateLor(partner, lor.id, { expectedVersion: lor.version, subject: "Editor A" }, context()),
      updateLor(partner, lor.id, { expectedVersion: lor.version, subject: "Editor B" }, context()),
    ]);
    const { winner, loser } = oneWinnerOneLoser(results, "VERSION_CONFLICT");
    expect(await lorAudit(prisma, lor.id, "lor.update")).toHaveLength(1);
    expect((await prisma.letterOfRequest.findUniqueOrThrow({ where: { id: lor.id } })).subject).toBe(winner.subject);
    expect(loser.extra.currentVersion).toBe(winner.version);
  });

  it("when two saves race exactly one is saved and audited", async () => {
    const { partner } = await world(prisma);
    const lor = await draftLor(partner, { subject: "Original subject" });
    const results = await raceOnLetter(prisma, lor.id, () => [
      updateLor(partner, lor.id, { expectedVersion: lor.version, subject: "Editor A" }, context()),
      updateLor(partner, lor.id, { expectedVersion: lor.version, subject: "Editor B" }, context()),
    ]);
    const { winner } = oneWinnerOneLoser(results, "VERSION_CONFLICT");
    const row = await prisma.letterOfRequest.findUniqueOrThrow({ where: { id: lor.id } });
    expect(row).toMatchObject({ subject: winner.subject, version: lor.version + 1 });
    const audits = await lorAudit(prisma, lor.id, "lor.update");
    expect(audits).toHaveLength(1);
    expect(audits[0]!.details).toMatchObject({ after: { subject: winner.subject } });
  });
});

interface StaleCase {
  action: string;
  audit: string;
  prepare: (w: World) => Promise<LorView>;
  run: (w: World, lorId: string, expectedVersion: number) => Promise<unknown>;
}

/** A draft already saved once, so that version − 1 is a real earlier version. */
async function savedDraft(w: World) {
  const lor = await draftLor(w.partner);
  return updateLor(w.partner, lor.id, { expectedVersion: lor.version, trainingNeeds: "None" }, context());
}

async function completedPa(w: World) {
  const lor = await underValidationLor(w.partner, w.dsca, { requestType: "PRICE_AND_AVAILABILITY" });
  return markLorComplete(w.dsca, lor.id, { expectedVersion: lor.version }, context());
}

const STALE_CASES: StaleCase[] = [
  { action: "update", audit: "lor.update", prepare: savedDraft, run: (w, id, v) => updateLor(w.partner, id, { expectedVersion: v, subject: "Stale" }, context()) },
  { action: "submit", audit: "lor.submit", prepare: savedDraft, run: (w, id, v) => submitLor(w.partner, id, { expectedVersion: v }, context()) },
  { action: "withdraw", audit: "lor.withdraw", prepare: (w) => submittedLor(w.partner), run: (w, id, v) => withdrawLor(w.partner, id, { expectedVersion: v, reason: "Stale" }, context()) },
  { action: "acknowledge", audit: "lor.acknowledge", prepare: (w) => submittedLor(w.partner), run: (w, id, v) => acknowledgeLor(w.dsca, id, { expectedVersion: v }, context()) },
  {
    action: "markInsufficient",
    audit: "lor.mark_insufficient",
    prepare: (w) => underValidationLor(w.partner, w.dsca),
    run: (w, id, v) => markLorInsufficient(w.dsca, id, { expectedVersion: v, reasons: "Stale" }, context()),
  },
  { action: "markActionable", audit: "lor.mark_actionable", prepare: (w) => underValidationLor(w.partner, w.dsca), run: (w, id, v) => markLorActionable(w.dsca, id, { expectedVersion: v }, context()) },
  {
    action: "markComplete",
    audit: "lor.mark_complete",
    prepare: (w) => underValidationLor(w.partner, w.dsca),
    run: (w, id, v) => markLorComplete(w.dsca, id, { expectedVersion: v, implementingAgencyCode: w.agency.code }, context()),
  },
  { action: "disapprove", audit: "lor.disapprove", prepare: (w) => underValidationLor(w.partner, w.dsca), run: (w, id, v) => disapproveLor(w.dsca, id, { expectedVersion: v, reason: "Stale" }, context()) },
  {
    action: "respondPriceAndAvailability",
    audit: "lor.respond_pa",
    prepare: completedPa,
    run: (w, id, v) => respondPriceAndAvailability(w.dsca, id, { expectedVersion: v, estimatedValue: "1000.00", availability: "18 months" }, context()),
  },
];

describe("a stale expectedVersion", () => {
  it.each(STALE_CASES)("is refused for $action with VERSION_CONFLICT and the current version, changing nothing", async ({ prepare, run, audit }) => {
    const w = await world(prisma);
    const lor = await prepare(w);
    expect(lor.version).toBeGreaterThan(1);
    const auditBefore = await lorAudit(prisma, lor.id, audit);

    const error = await expectAppError(run(w, lor.id, lor.version - 1), "VERSION_CONFLICT");
    expect(error.status).toBe(409);
    expect(error.extra.currentVersion).toBe(lor.version);

    const row = await prisma.letterOfRequest.findUniqueOrThrow({ where: { id: lor.id } });
    expect(row).toMatchObject({ status: lor.status, version: lor.version, caseId: null });
    expect(await lorAudit(prisma, lor.id, audit)).toHaveLength(auditBefore.length);
    expect(await prisma.case.count({ where: { openedFromLorId: lor.id } })).toBe(0);
  });
});

describe("racing transitions", () => {
  it("two analysts acknowledging at once: one wins, the other gets 409 with the winner's version, one audit event", async () => {
    const { partner, dsca } = await world(prisma);
    const other = await world(prisma);
    const lor = await submittedLor(partner);
    const results = await Promise.allSettled([
      acknowledgeLor(dsca, lor.id, { expectedVersion: lor.version }, context()),
      acknowledgeLor(other.dsca, lor.id, { expectedVersion: lor.version }, context()),
    ]);
    const { winner, loser } = oneWinnerOneLoser(results, "VERSION_CONFLICT");
    expect(winner.status).toBe("UNDER_VALIDATION");
    expect(loser.status).toBe(409);
    expect(loser.extra.currentVersion).toBe(winner.version);
    expect(await lorAudit(prisma, lor.id, "lor.acknowledge")).toHaveLength(1);
  });

  it("acknowledgements parked on the same version: exactly one is saved and audited", async () => {
    const { partner, dsca } = await world(prisma);
    const lor = await submittedLor(partner);
    const results = await raceOnLetter(prisma, lor.id, () => [
      acknowledgeLor(dsca, lor.id, { expectedVersion: lor.version }, context()),
      acknowledgeLor(dsca, lor.id, { expectedVersion: lor.version }, context()),
    ]);
    const { winner, loser } = oneWinnerOneLoser(results, "VERSION_CONFLICT");
    expect(loser.extra.currentVersion).toBe(winner.version);
    expect(await prisma.letterOfRequest.findUniqueOrThrow({ where: { id: lor.id } })).toMatchObject({ status: "UNDER_VALIDATION", version: lor.version + 1 });
    expect(await lorAudit(prisma, lor.id, "lor.acknowledge")).toHaveLength(1);
  });

  it("a partner withdrawing while an analyst acknowledges: exactly one of the two transitions happens", async () => {
    const { partner, dsca } = await world(prisma);
    const lor = await submittedLor(partner);
    const results = await raceOnLetter(prisma, lor.id, () => [
      acknowledgeLor(dsca, lor.id, { expectedVersion: lor.version }, context()),
      withdrawLor(partner, lor.id, { expectedVersion: lor.version, reason: "Changed our plans" }, context()),
    ]);
    const { winner } = oneWinnerOneLoser(results, "VERSION_CONFLICT");
    const row = await prisma.letterOfRequest.findUniqueOrThrow({ where: { id: lor.id } });
    expect(row.status).toBe(winner.status);
    const decisions = (await lorAudit(prisma, lor.id)).filter((e) => e.action === "lor.acknowledge" || e.action === "lor.withdraw");
    expect(decisions).toHaveLength(1);
  });

  // Regression: the loser of two concurrent completions once hit the unique case-per-letter constraint (a 500), not 409.
  it("two validators completing the same LOA request at once: one case, and the loser gets 409", async () => {
    const { agency, partner, dsca } = await world(prisma);
    const lor = await underValidationLor(partner, dsca, { preferredAgencyCode: agency.code });
    const results = await raceOnLetter(prisma, lor.id, () => [
      markLorComplete(dsca, lor.id, { expectedVersion: lor.version }, context()),
      markLorComplete(dsca, lor.id, { expectedVersion: lor.version }, context()),
    ]);
    expect(await prisma.case.count({ where: { openedFromLorId: lor.id } })).toBe(1);
    expect(await lorAudit(prisma, lor.id, "lor.mark_complete")).toHaveLength(1);
    const { winner, loser } = oneWinnerOneLoser(results, "VERSION_CONFLICT");
    expect(loser.extra.currentVersion).toBe(winner.version);
  });

  it("two validators completing the same LOA request at once never open two cases or audit twice", async () => {
    const { agency, partner, dsca } = await world(prisma);
    const lor = await underValidationLor(partner, dsca, { preferredAgencyCode: agency.code });
    const results = await Promise.allSettled([
      markLorComplete(dsca, lor.id, { expectedVersion: lor.version }, context()),
      markLorComplete(dsca, lor.id, { expectedVersion: lor.version }, context()),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await prisma.case.count({ where: { openedFromLorId: lor.id } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { action: "case.open", details: { path: ["lorId"], equals: lor.id } } })).toBe(1);
    expect(await lorAudit(prisma, lor.id, "lor.mark_complete")).toHaveLength(1);
  });

  // Regression: the "still editable" check once ran without the letter's row lock, so an upload racing a submit could
  // land on the SUBMITTED letter. Now both take the lock: whichever goes second sees the other's result.
  it("an upload racing a submit never lands on the submitted letter", async () => {
    const { partner } = await world(prisma);
    const lor = await draftLor(partner);
    const [upload, submit] = await raceOnLetter<unknown>(prisma, lor.id, () => [
      addLorAttachment(partner, lor.id, { kind: "SPECIFICATION" }, { name: "late.pdf", bytes: PDF_BYTES }, context()),
      submitLor(partner, lor.id, { expectedVersion: lor.version }, context()),
    ]);
    expect(submit!.status).toBe("fulfilled");
    const submittedAt = (await prisma.letterOfRequest.findUniqueOrThrow({ where: { id: lor.id } })).submittedAt!;
    const attachments = await prisma.lorAttachment.findMany({ where: { lorId: lor.id } });
    if (upload!.status === "fulfilled") {
      expect(attachments).toHaveLength(1);
      expect(attachments[0]!.createdAt.getTime()).toBeLessThanOrEqual(submittedAt.getTime());
    } else {
      expect((upload!.reason as { code?: string }).code).toBe("CONFLICT");
      expect(attachments).toHaveLength(0);
    }
  });
});
