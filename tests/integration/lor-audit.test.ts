// The audit trail of a letter: one event per change, written in the same transaction, naming the actor and the
// status it moved from and to; edits record only what changed. The timeline built from it hides USG staff names
// from partners.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/domain/policy";
import type { RequestContext } from "@/server/request-context";
import { acknowledgeLor } from "@/server/lors/acknowledge-lor";
import { createLor } from "@/server/lors/create-lor";
import { disapproveLor } from "@/server/lors/disapprove-lor";
import { listLorEvents } from "@/server/lors/list-lor-events";
import { markLorActionable } from "@/server/lors/mark-lor-actionable";
import { markLorComplete } from "@/server/lors/mark-lor-complete";
import { markLorInsufficient } from "@/server/lors/mark-lor-insufficient";
import { submitLor } from "@/server/lors/submit-lor";
import { updateLor } from "@/server/lors/update-lor";
import { withdrawLor } from "@/server/lors/withdraw-lor";
import { completeLorContent } from "../factories/lor";
import { context, testPrisma } from "./helpers";
import { actorFor, draftLor, lorAudit, newCountry, newOffice, partnerOf, seedSlaRules, submittedLor, world } from "./lor-helpers";

const prisma = testPrisma();

beforeAll(() => seedSlaRules(prisma));

/** Runs one use case with a fresh request id and returns its result and the single "lor" audit row it wrote. */
async function audited<T>(actor: Actor, run: (ctx: RequestContext) => Promise<T>) {
  const ctx = context({ ip: "198.51.100.7", userAgent: "caseway-audit-test" });
  const result = await run(ctx);
  const rows = await prisma.auditEvent.findMany({ where: { requestId: ctx.requestId, targetType: "lor" } });
  expect(rows).toHaveLength(1);
  const row = rows[0]!;
  expect(row).toMatchObject({
    outcome: "SUCCESS",
    actorUserId: actor.userId,
    actorEmail: actor.email,
    actorRole: actor.role,
    actorOrganizationId: actor.organizationId,
    ip: "198.51.100.7",
    userAgent: "caseway-audit-test",
  });
  return { result, row, details: row.details as Record<string, unknown> };
}

describe("audit events", () => {
  it("each change writes exactly one event with the actor and the status it moved from and to", async () => {
    const { agency, partner, dsca } = await world(prisma);

    const created = await audited(partner, (ctx) => createLor(partner, completeLorContent({ preferredAgencyCode: agency.code }), ctx));
    const id = created.result.id;
    expect(created.row).toMatchObject({ action: "lor.create", targetId: id });
    expect(created.details).toMatchObject({ toStatus: "DRAFT", after: { subject: created.result.subject, preferredAgencyCode: agency.code } });

    const steps: { run: (ctx: RequestContext, version: number) => Promise<{ version: number }>; actor: Actor; action: string; from: string; to: string }[] = [
      { actor: partner, action: "lor.submit", from: "DRAFT", to: "SUBMITTED", run: (ctx, v) => submitLor(partner, id, { expectedVersion: v }, ctx) },
      { actor: dsca, action: "lor.acknowledge", from: "SUBMITTED", to: "UNDER_VALIDATION", run: (ctx, v) => acknowledgeLor(dsca, id, { expectedVersion: v }, ctx) },
      {
        actor: dsca,
        action: "lor.mark_insufficient",
        from: "UNDER_VALIDATION",
        to: "INSUFFICIENT",
        run: (ctx, v) => markLorInsufficient(dsca, id, { expectedVersion: v, criteria: ["items"], reasons: "Add the spares list" }, ctx),
      },
      {
        actor: partner,
        action: "lor.submit",
        from: "INSUFFICIENT",
        to: "SUBMITTED",
        // A returned letter must change before it goes back; the edit is its own request (and its own event).
        run: async (ctx, v) => {
          const edited = await updateLor(partner, id, { expectedVersion: v, logisticsNeeds: "Spares list attached as Annex B" }, context());
          return submitLor(partner, id, { expectedVersion: edited.version }, ctx);
        },
      },
      { actor: dsca, action: "lor.acknowledge", from: "SUBMITTED", to: "UNDER_VALIDATION", run: (ctx, v) => acknowledgeLor(dsca, id, { expectedVersion: v }, ctx) },
      { actor: dsca, action: "lor.mark_actionable", from: "UNDER_VALIDATION", to: "ACTIONABLE", run: (ctx, v) => markLorActionable(dsca, id, { expectedVersion: v }, ctx) },
      { actor: dsca, action: "lor.mark_complete", from: "ACTIONABLE", to: "COMPLETE", run: (ctx, v) => markLorComplete(dsca, id, { expectedVersion: v }, ctx) },
    ];
    let version = created.result.version;
    for (const step of steps) {
      const { result, row, details } = await audited(step.actor, (ctx) => step.run(ctx, version));
      expect({ action: row.action, targetId: row.targetId, fromStatus: details.fromStatus, toStatus: details.toStatus }).toEqual({
        action: step.action,
        targetId: id,
        fromStatus: step.from,
        toStatus: step.to,
      });
      version = result.version;
    }

    const all = await lorAudit(prisma, id);
    expect(all.map((e) => e.action)).toEqual(["lor.create", ...steps.flatMap((s) => (s.from === "INSUFFICIENT" ? ["lor.update", s.action] : [s.action]))]);
    const insufficient = all.find((e) => e.action === "lor.mark_insufficient")!;
    expect(insufficient.details).toMatchObject({ reasons: "Add the spares list", criteria: ["items"] });
    const acknowledge = all.find((e) => e.action === "lor.acknowledge")!;
    expect(acknowledge.details).toMatchObject({ routedAgencyFrom: agency.id, routedAgencyTo: agency.id });
  });

  it.each([
    {
      name: "withdraw",
      action: "lor.withdraw",
      run: (w: Awaited<ReturnType<typeof world>>, id: string, v: number, ctx: RequestContext) => withdrawLor(w.partner, id, { expectedVersion: v, reason: "No longer needed" }, ctx),
      actor: (w: Awaited<ReturnType<typeof world>>) => w.partner,
      details: { reason: "No longer needed" },
    },
    {
      name: "disapprove",
      action: "lor.disapprove",
      run: (w: Awaited<ReturnType<typeof world>>, id: string, v: number, ctx: RequestContext) => disapproveLor(w.dsca, id, { expectedVersion: v, reason: "Policy" }, ctx),
      actor: (w: Awaited<ReturnType<typeof world>>) => w.dsca,
      details: { reason: "Policy" },
    },
  ])("$name writes one event with its reason", async ({ action, run, actor, details }) => {
    const w = await world(prisma);
    const lor = await submittedLor(w.partner);
    const { row, details: stored } = await audited(actor(w), (ctx) => run(w, lor.id, lor.version, ctx));
    expect(row.action).toBe(action);
    expect(stored).toMatchObject({ fromStatus: "SUBMITTED", ...details });
  });

  it("an edit records only the fields that changed, with their values before and after", async () => {
    const { agency, partner } = await world(prisma);
    const lor = await draftLor(partner, { subject: "Old subject", trainingNeeds: "None", preferredAgencyCode: null });
    const newItems = [{ nomenclature: "Spare antenna", description: "Replacement antenna for the AN/TPQ-53 radar", quantity: 2, unitOfIssue: "EA", estimatedValue: "1500000" }];

    const { result, row, details } = await audited(partner, (ctx) =>
      updateLor(
        partner,
        lor.id,
        {
          expectedVersion: lor.version,
          subject: "New subject",
          trainingNeeds: "None", // sent but unchanged
          originatorName: lor.originatorName, // sent but unchanged
          preferredAgencyCode: agency.code,
          items: newItems,
        },
        ctx,
      ),
    );
    expect(row).toMatchObject({ action: "lor.update", targetId: lor.id });
    expect(result.version).toBe(lor.version + 1);
    expect(details).toEqual({
      changedFields: ["subject", "preferredAgencyCode", "items"],
      before: { subject: "Old subject", preferredAgencyCode: null, items: lor.items },
      after: {
        subject: "New subject",
        preferredAgencyCode: agency.code,
        items: [{ ...newItems[0], estimatedValue: "1500000.00" }],
      },
    });

    const events = await listLorEvents(partner, lor.id);
    expect(events.at(-1)).toMatchObject({ action: "lor.update", label: "Draft changed", changedFields: ["subject", "preferredAgencyCode", "items"] });
  });

  it("the timeline is oldest first and shows USG staff to partners by office only", async () => {
    const country = await newCountry(prisma);
    const partner = await partnerOf(prisma, country.id, "Mira Castellan");
    const colleague = await partnerOf(prisma, country.id, "Ana Ferreira");
    const office = await newOffice(prisma, "DSCA", "Defense Security Cooperation Agency (test office)");
    const analyst = await actorFor(prisma, "DSCA_ANALYST", office.id, "Dana Whitfield");
    const state = await actorFor(prisma, "STATE_REVIEWER", undefined, "Marcus Reyes");

    const lor = await draftLor(partner);
    const edited = await updateLor(colleague, lor.id, { expectedVersion: lor.version, logisticsNeeds: "Three years of spares" }, context());
    const submitted = await submitLor(partner, lor.id, { expectedVersion: edited.version }, context());
    const acknowledged = await acknowledgeLor(analyst, lor.id, { expectedVersion: submitted.version }, context());
    const validating = await markLorActionable(analyst, lor.id, { expectedVersion: acknowledged.version }, context());
    await disapproveLor(state, lor.id, { expectedVersion: validating.version, reason: "Not releasable" }, context());

    const seenByPartner = await listLorEvents(partner, lor.id);
    expect(seenByPartner.map((e) => e.action)).toEqual(["lor.create", "lor.update", "lor.submit", "lor.acknowledge", "lor.mark_actionable", "lor.disapprove"]);
    const ids = seenByPartner.map((e) => BigInt(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : 1)));
    const times = seenByPartner.map((e) => Date.parse(e.occurredAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));

    // Colleagues in the partner's own country appear by name (with their organization); USG staff by office alone.
    const partnerSees = seenByPartner.map((e) => e.actor);
    for (const [index, name] of [[0, "Mira Castellan"], [1, "Ana Ferreira"], [2, "Mira Castellan"]] as const) {
      expect(partnerSees[index]).toContain(name);
      expect(partnerSees[index]).toContain(country.name);
    }
    expect(partnerSees.slice(3)).toEqual([office.name, office.name, state.organizationName]);
    expect(JSON.stringify(seenByPartner)).not.toContain("Dana Whitfield");
    expect(JSON.stringify(seenByPartner)).not.toContain("Marcus Reyes");
    expect(seenByPartner[3]).toMatchObject({ label: "Receipt acknowledged; validation started", fromStatus: "SUBMITTED", toStatus: "UNDER_VALIDATION" });
    expect(seenByPartner[5]).toMatchObject({ fromStatus: "ACTIONABLE", toStatus: "DISAPPROVED", note: "Not releasable" });

    const seenByAnalyst = await listLorEvents(analyst, lor.id);
    const analystSees = seenByAnalyst.map((e) => e.actor);
    const expected = [
      ["Mira Castellan", country.name],
      ["Ana Ferreira", country.name],
      ["Mira Castellan", country.name],
      ["Dana Whitfield", office.name],
      ["Dana Whitfield", office.name],
      ["Marcus Reyes", state.organizationName],
    ];
    expected.forEach(([name, organization], index) => {
      expect(analystSees[index]).toContain(name);
      expect(analystSees[index]).toContain(organization);
    });
  });
});
