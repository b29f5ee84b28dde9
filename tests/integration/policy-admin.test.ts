// Policy administration against PostgreSQL (issue 13): proposals to add effective-dated rows to pricing_rates and
// sla_rules, the two-person rule (a different administrator approves; the proposer never does), compare-and-set on the
// proposal's version, the impact preview over open LOA documents, who may read what, and the audit trail.
//
// Policy rows are global and shared with every other file, so each test works on its own far-future days (the use
// cases take `now`, so nothing waits for a real date), finds its rows by id rather than assuming a table is empty, and
// the rows this file's approvals added are deleted after it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/domain/policy";
import { priceLoa } from "@/domain/pricing/price";
import { RATE_KEYS, type RateRow } from "@/domain/pricing/rates";
import type { PolicyChangeView, PolicyImpactItemView } from "@/domain/schemas/policy";
import { dueDate, SLA_KEYS } from "@/domain/sla";
import { transition } from "@/domain/workflow/engine";
import { WORKFLOW_RULE_KEYS } from "@/domain/workflow/states";
import { loadCase, loadWorkflowContext, snapshotOf } from "@/server/cases/case-store";
import { db } from "@/server/db";
import { lineOf } from "@/server/loa/loa-store";
import { quotePricing } from "@/server/loa/quote-pricing";
import { decidePolicyChange } from "@/server/policy/decide-policy-change";
import { getPolicyChange, listPolicyChanges, listPolicyImpact } from "@/server/policy/get-policy-change";
import { getPolicySeries, listPolicySeries } from "@/server/policy/list-policy";
import { proposePolicyChange } from "@/server/policy/propose-policy-change";
import { recomputePolicyImpact } from "@/server/policy/recompute-policy-impact";
import { PRICING_RATES } from "../../prisma/seed";
import { additionalSparesLine as extraLine, seedLoaReference } from "../factories/loa";
import { caseAt, caseCast, type Cast } from "./case-helpers";
import { context, expectAppError, testPrisma } from "./helpers";
import { documentRow, saveEdit } from "./loa-helpers";
import { actorFor, dscaActor, newCountry, partnerOf, seedSlaRules, waitForLockWaiters } from "./lor-helpers";

const prisma = testPrisma();

const at = (iso: string) => new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);

/** Every proposal this file made: the rows their approvals added are removed after the file. */
const mine: string[] = [];
afterAll(async () => {
  await prisma.pricingRate.deleteMany({ where: { policyChangeId: { in: mine } } });
  await prisma.slaRule.deleteMany({ where: { policyChangeId: { in: mine } } });
});

let officer: Actor;
let admin: Actor;
let otherAdmin: Actor;
let thirdAdmin: Actor;
let auditor: Actor;
let analyst: Actor;
let partner: Actor;

beforeAll(async () => {
  await seedSlaRules(prisma);
  await seedLoaReference(prisma);
  officer = await actorFor(prisma, "POLICY_OFFICER", undefined, "Rosa Policy");
  admin = await actorFor(prisma, "ADMIN", undefined, "Alex Admin");
  otherAdmin = await actorFor(prisma, "ADMIN", undefined, "Blair Admin");
  thirdAdmin = await actorFor(prisma, "ADMIN", undefined, "Casey Admin");
  auditor = await actorFor(prisma, "AUDITOR", undefined, "Jordan Auditor");
  analyst = await dscaActor(prisma, "Dana Analyst");
  const country = await newCountry(prisma);
  partner = await partnerOf(prisma, country.id, "Partner Officer");
});

const SOURCE = "DSCA Policy Memo 31-07: administrative surcharge (integration test)";

interface ProposalBody {
  key: string;
  effectiveFrom: string;
  value?: string;
  days?: number;
  dayKind?: "CALENDAR" | "BUSINESS";
  amberPercent?: number;
  source?: string;
}

async function propose(actor: Actor, body: ProposalBody, now: Date): Promise<PolicyChangeView> {
  const view = await proposePolicyChange(actor, { source: SOURCE, ...body }, context(), now);
  mine.push(view.id);
  return view;
}

const decide = (actor: Actor, id: string, decision: "approve" | "reject" | "withdraw", body: Record<string, unknown>, now: Date) =>
  decidePolicyChange(actor, id, decision, body, context(), now);

const approve = (actor: Actor, change: Pick<PolicyChangeView, "id" | "version">, now: Date) => decide(actor, change.id, "approve", { expectedVersion: change.version }, now);

const policyAudit = (id: string, action?: string) =>
  prisma.auditEvent.findMany({ where: { targetType: "policy-change", targetId: id, ...(action ? { action } : {}) }, orderBy: { id: "asc" } });

/** A stock issue shipped nowhere: only the administrative surcharge applies, so a quote shows the rate plainly. */
const TRAINING = { lineNumber: "001", description: "Operator training", quantity: 1, unitOfIssue: "LO", unitCost: "1000000.00", sourceOfSupply: "S", typeOfAssistance: "3" };
const quoteOn = async (pricedOn: string) => {
  const quote = await quotePricing(analyst, { pricedOn, lines: [TRAINING] });
  return [quote.ratesApplied.adminSurcharge, quote.summary.administrativeSurcharge];
};

/** Holds the proposal's row lock while `start` fires, so its operations queue on it and then race when it is released. */
async function raceOnProposal<T>(id: string, start: () => Promise<T>[], waiters = 2) {
  let pending: Promise<PromiseSettledResult<T>[]> | undefined;
  await prisma.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT id FROM policy_changes WHERE id = ${id}::uuid FOR UPDATE`;
      pending = Promise.allSettled(start());
      await waitForLockWaiters(prisma, waiters);
    },
    { timeout: 10_000 },
  );
  return pending!;
}

describe("the two-person rule", () => {
  // The officer proposes 3.5% on 1 March 2031, to take effect ten days later.
  const PROPOSED_ON = at("2031-03-01T09:00:00Z");
  const EFFECTIVE = "2031-03-11";

  it("a policy officer's 3.5% proposal changes no quote until another administrator approves it; then quotes from its day use it", async () => {
    const before = await listPolicySeries(admin, PROPOSED_ON);
    const pendingBefore = before.find((s) => s.key === RATE_KEYS.adminSurcharge)!.pendingProposals;

    const proposal = await propose(officer, { key: RATE_KEYS.adminSurcharge, effectiveFrom: EFFECTIVE, value: "0.035" }, PROPOSED_ON);
    expect(proposal).toMatchObject({
      table: "PRICING_RATE",
      key: "ADMIN_SURCHARGE",
      label: "Administrative surcharge",
      status: "PROPOSED",
      version: 1,
      value: "0.035",
      days: null,
      display: "3.5%",
      currentDisplay: "3.8%",
      effectiveFrom: EFFECTIVE,
      source: SOURCE,
      proposedBy: { id: officer.userId, name: "Rosa Policy" },
      decidedBy: null,
      decidedAt: null,
      // The proposer may withdraw; only an administrator other than the proposer decides.
      availableActions: ["withdraw"],
    });
    expect(proposal.impact).toMatchObject({ pricedOn: EFFECTIVE });
    expect((await getPolicyChange(otherAdmin, proposal.id, PROPOSED_ON)).availableActions).toEqual(["approve", "reject"]);
    expect((await getPolicyChange(auditor, proposal.id, PROPOSED_ON)).availableActions).toEqual([]);

    // Until approved the row does not exist: a quote dated after the effective date still takes 3.8%.
    expect(await prisma.pricingRate.count({ where: { policyChangeId: proposal.id } })).toBe(0);
    expect(await quoteOn("2031-03-20")).toEqual(["0.038", "38000.00"]);
    const waiting = (await listPolicySeries(admin, PROPOSED_ON)).find((s) => s.key === RATE_KEYS.adminSurcharge)!;
    expect(waiting.pendingProposals).toBe(pendingBefore + 1);
    expect(waiting.next?.policyChangeId ?? null).not.toBe(proposal.id);

    // The proposer is no administrator: refused.
    await expectAppError(approve(officer, proposal, PROPOSED_ON), "FORBIDDEN");

    // Another administrator approves.
    const approved = await approve(otherAdmin, proposal, at("2031-03-02T10:00:00Z"));
    expect(approved).toMatchObject({
      status: "APPROVED",
      version: 2,
      decidedBy: { id: otherAdmin.userId, name: "Blair Admin" },
      decidedAt: "2031-03-02T10:00:00.000Z",
      decisionNote: null,
      availableActions: [],
      // Still the value it replaces, not its own row.
      currentDisplay: "3.8%",
    });

    // The row is written, linked to its proposal, with the proposal's reason as its source.
    const row = await prisma.pricingRate.findUniqueOrThrow({ where: { policyChangeId: proposal.id } });
    expect(row).toMatchObject({ key: "ADMIN_SURCHARGE", effectiveFrom: at(EFFECTIVE), effectiveTo: null, source: SOURCE });
    expect(row.value.toString()).toBe("0.035");

    // Quotes on and after the effective date use 3.5%; quotes before it, and the past, keep theirs.
    expect(await quoteOn(EFFECTIVE)).toEqual(["0.035", "35000.00"]);
    expect(await quoteOn("2031-03-20")).toEqual(["0.035", "35000.00"]);
    expect(await quoteOn("2035-01-01")).toEqual(["0.035", "35000.00"]);
    expect(await quoteOn("2031-03-10")).toEqual(["0.038", "38000.00"]);
    expect(await quoteOn("2026-01-15")).toEqual(["0.038", "38000.00"]);
    expect(await quoteOn("2019-01-01")).toEqual(["0.032", "32000.00"]);

    // The series history: scheduled before its day (the 3.8% row governs until then), in force from it.
    const scheduled = await getPolicySeries(officer, RATE_KEYS.adminSurcharge, at("2031-03-05T12:00:00Z"));
    const newRow = scheduled.history.find((r) => r.policyChangeId === proposal.id)!;
    expect(newRow).toMatchObject({ id: row.id, value: "0.035", display: "3.5%", effectiveFrom: EFFECTIVE, governsUntil: null, source: SOURCE, inForce: false, scheduled: true });
    expect(scheduled.next).toMatchObject({ id: row.id });
    expect(scheduled.current).toMatchObject({ value: "0.038", effectiveFrom: "2025-10-01", governsUntil: EFFECTIVE, inForce: true, policyChangeId: null });
    expect(scheduled.pendingProposals).toBe(pendingBefore);
    // Newest first; exactly one row in force.
    const starts = scheduled.history.map((r) => r.effectiveFrom);
    expect(starts).toEqual([...starts].sort().reverse());
    expect(scheduled.history.filter((r) => r.inForce)).toHaveLength(1);

    const inForce = await getPolicySeries(officer, RATE_KEYS.adminSurcharge, at(EFFECTIVE));
    expect(inForce.current).toMatchObject({ id: row.id, inForce: true, scheduled: false });
    expect(inForce.history.find((r) => r.effectiveFrom === "2025-10-01")).toMatchObject({ inForce: false, scheduled: false, governsUntil: EFFECTIVE });
    expect(inForce.next?.id ?? null).not.toBe(row.id);

    // The list everyone reads: staff see the scheduled row; a partner sees only what is in force.
    const staffList = (await listPolicySeries(officer, at("2031-03-05"))).find((s) => s.key === RATE_KEYS.adminSurcharge)!;
    expect(staffList.next).toMatchObject({ id: row.id, effectiveFrom: EFFECTIVE, value: "0.035", scheduled: true });
    const outsiderList = (await listPolicySeries(partner, at("2031-03-05"))).find((s) => s.key === RATE_KEYS.adminSurcharge)!;
    expect(outsiderList).toMatchObject({ next: null, pendingProposals: 0 });
    expect(outsiderList.current).toEqual(staffList.current);
    expect((await listPolicySeries(partner, at(EFFECTIVE))).find((s) => s.key === RATE_KEYS.adminSurcharge)!.current).toMatchObject({ id: row.id });

    // A second proposal for a day a row already starts on is refused on effectiveFrom.
    const taken = await expectAppError(
      proposePolicyChange(officer, { key: RATE_KEYS.adminSurcharge, effectiveFrom: EFFECTIVE, value: "0.034", source: SOURCE }, context(), PROPOSED_ON),
      "VALIDATION_FAILED",
    );
    expect(taken.extra.fields).toEqual({ effectiveFrom: "A row of this series already starts on that day" });

    // Audited: proposed by the officer, approved by the other administrator.
    const events = await policyAudit(proposal.id);
    expect(events.map((e) => [e.action, e.actorUserId, e.actorRole, e.outcome])).toEqual([
      ["policy.change-proposed", officer.userId, "POLICY_OFFICER", "SUCCESS"],
      ["policy.change-approved", otherAdmin.userId, "ADMIN", "SUCCESS"],
    ]);
    expect(events[0]!.details).toMatchObject({ key: "ADMIN_SURCHARGE", table: "PRICING_RATE", value: "0.035", effectiveFrom: EFFECTIVE, source: SOURCE });
    expect(events[1]!.details).toMatchObject({ key: "ADMIN_SURCHARGE", value: "0.035", effectiveFrom: EFFECTIVE, proposedBy: officer.userId, note: null });
  });

  it("an administrator who proposes can neither approve nor reject their own proposal (403), and nothing changes", async () => {
    const now = at("2031-05-20T08:00:00Z");
    const proposal = await propose(admin, { key: RATE_KEYS.contractAdministration, effectiveFrom: "2031-06-02", value: "0.011" }, now);
    expect(proposal.availableActions).toEqual(["withdraw"]);

    await expectAppError(approve(admin, proposal, now), "FORBIDDEN");
    await expectAppError(decide(admin, proposal.id, "reject", { expectedVersion: 1, note: "Changed my mind about this" }, now), "FORBIDDEN");
    expect(await prisma.policyChange.findUniqueOrThrow({ where: { id: proposal.id } })).toMatchObject({ status: "PROPOSED", version: 1, decidedById: null });
    expect(await prisma.pricingRate.count({ where: { policyChangeId: proposal.id } })).toBe(0);
    expect((await policyAudit(proposal.id)).map((e) => e.action)).toEqual(["policy.change-proposed"]);

    // Rejecting needs a note saying why.
    const noNote = await expectAppError(decide(otherAdmin, proposal.id, "reject", { expectedVersion: 1 }, now), "VALIDATION_FAILED");
    expect(Object.keys(noNote.extra.fields!)).toEqual(["note"]);
    await expectAppError(decide(otherAdmin, proposal.id, "reject", { expectedVersion: 1, note: "   " }, now), "VALIDATION_FAILED");
    expect(await prisma.policyChange.findUniqueOrThrow({ where: { id: proposal.id } })).toMatchObject({ status: "PROPOSED", version: 1 });

    const rejected = await decide(otherAdmin, proposal.id, "reject", { expectedVersion: 1, note: "DSCA 31-02 keeps CAS at 1%." }, now);
    expect(rejected).toMatchObject({ status: "REJECTED", version: 2, decidedBy: { id: otherAdmin.userId }, decisionNote: "DSCA 31-02 keeps CAS at 1%.", availableActions: [] });
    expect(await prisma.pricingRate.count({ where: { policyChangeId: proposal.id } })).toBe(0);
    const events = await policyAudit(proposal.id);
    expect(events.map((e) => [e.action, e.actorUserId])).toEqual([
      ["policy.change-proposed", admin.userId],
      ["policy.change-rejected", otherAdmin.userId],
    ]);
    expect(events[1]!.details).toMatchObject({ note: "DSCA 31-02 keeps CAS at 1%.", proposedBy: admin.userId });

    // A decided proposal is decided: approving it now is a conflict, with the stale version a version conflict.
    await expectAppError(approve(thirdAdmin, { id: proposal.id, version: 2 }, now), "CONFLICT");
    const stale = await expectAppError(approve(thirdAdmin, { id: proposal.id, version: 1 }, now), "VERSION_CONFLICT");
    expect(stale.extra.currentVersion).toBe(2);
  });

  it("two administrators approving at once with the same version: exactly one wins, the other gets 409 VERSION_CONFLICT", async () => {
    const now = at("2032-01-20T08:00:00Z");
    const proposal = await propose(officer, { key: RATE_KEYS.transport["2"], effectiveFrom: "2032-02-02", value: "0.03" }, now);
    const results = await raceOnProposal(proposal.id, () => [approve(otherAdmin, proposal, now), approve(thirdAdmin, proposal, now)]);

    const winners = results.filter((r): r is PromiseFulfilledResult<PolicyChangeView> => r.status === "fulfilled");
    const losers = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    expect(losers[0]!.reason).toMatchObject({ code: "VERSION_CONFLICT", status: 409, extra: { currentVersion: 2 } });
    expect(winners[0]!.value).toMatchObject({ status: "APPROVED", version: 2 });

    // One row, one approval on record, by the winner.
    expect(await prisma.pricingRate.count({ where: { policyChangeId: proposal.id } })).toBe(1);
    const approvals = await policyAudit(proposal.id, "policy.change-approved");
    expect(approvals).toHaveLength(1);
    expect(approvals[0]!.actorUserId).toBe(winners[0]!.value.decidedBy!.id);
  });

  it("two waiting proposals for the same day: approving the first writes its row, approving the second is a conflict that changes nothing", async () => {
    const now = at("2033-12-20T08:00:00Z");
    const first = await propose(officer, { key: RATE_KEYS.cnThreshold.OTHER.MDE, effectiveFrom: "2034-01-02", value: "15000000" }, now);
    // No row starts that day yet, so the second proposal is accepted for review.
    const second = await propose(officer, { key: RATE_KEYS.cnThreshold.OTHER.MDE, effectiveFrom: "2034-01-02", value: "16000000" }, now);
    expect(first.display).toBe("$15,000,000");
    expect(first.currentDisplay).toBe("$14,000,000");

    await approve(admin, first, now);
    const conflict = await expectAppError(approve(admin, second, now), "CONFLICT");
    expect(conflict.message).toMatch(/already starts on 2034-01-02/);
    expect(await prisma.policyChange.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({ status: "PROPOSED", version: 1, decidedById: null });
    expect(await prisma.pricingRate.count({ where: { policyChangeId: second.id } })).toBe(0);
    expect(await policyAudit(second.id, "policy.change-approved")).toHaveLength(0);
    expect((await prisma.pricingRate.findUniqueOrThrow({ where: { policyChangeId: first.id } })).value.toString()).toBe("15000000");
  });

  it("approval after the effective date has passed is refused; on the effective day itself it is still allowed", async () => {
    const proposal = await propose(officer, { key: RATE_KEYS.packingCratingHandling, effectiveFrom: "2033-01-05", value: "0.031" }, at("2033-01-01T08:00:00Z"));

    const late = await expectAppError(approve(otherAdmin, proposal, at("2033-01-06T00:00:00Z")), "CONFLICT");
    expect(late.message).toMatch(/effective date 2033-01-05 has passed/);
    expect(await prisma.policyChange.findUniqueOrThrow({ where: { id: proposal.id } })).toMatchObject({ status: "PROPOSED", version: 1 });
    expect(await prisma.pricingRate.count({ where: { policyChangeId: proposal.id } })).toBe(0);

    const onTheDay = await approve(otherAdmin, proposal, at("2033-01-05T23:59:59.999Z"));
    expect(onTheDay.status).toBe("APPROVED");
    expect(await prisma.pricingRate.count({ where: { policyChangeId: proposal.id } })).toBe(1);
  });

  it("a proposal whose impact preview is not complete cannot be approved", async () => {
    const now = at("2034-03-01T08:00:00Z");
    const proposal = await propose(officer, { key: RATE_KEYS.transport["3"], effectiveFrom: "2034-03-15", value: "0.029" }, now);
    await prisma.policyChange.update({ where: { id: proposal.id }, data: { impactComputedAt: null } });
    expect((await getPolicyChange(admin, proposal.id, now)).impact).toBeNull();
    const error = await expectAppError(approve(admin, proposal, now), "CONFLICT");
    expect(error.message).toMatch(/impact preview/);
    expect(await prisma.pricingRate.count({ where: { policyChangeId: proposal.id } })).toBe(0);

    // Computing it again (the proposer's "recompute") makes it approvable.
    await recomputePolicyImpact(officer, proposal.id, now);
    expect((await approve(admin, proposal, now)).status).toBe("APPROVED");
  });
});

describe("what a proposal must say", () => {
  it("an effective date in the past is refused on effectiveFrom; today is accepted", async () => {
    const now = at("2033-05-01T15:00:00Z");
    const past = await expectAppError(
      proposePolicyChange(officer, { key: RATE_KEYS.defaultProcurementShare, effectiveFrom: "2033-04-30", value: "0.4", source: SOURCE }, context(), now),
      "VALIDATION_FAILED",
    );
    expect(past.extra.fields).toEqual({ effectiveFrom: expect.stringContaining("today (2033-05-01) or later") });
    // With the real clock, a date long gone.
    const history = await expectAppError(
      proposePolicyChange(officer, { key: RATE_KEYS.adminSurcharge, effectiveFrom: "2020-01-01", value: "0.04", source: SOURCE }, context()),
      "VALIDATION_FAILED",
    );
    expect(Object.keys(history.extra.fields!)).toEqual(["effectiveFrom"]);

    const today = await propose(officer, { key: RATE_KEYS.defaultProcurementShare, effectiveFrom: "2033-05-01", value: "0.4" }, now);
    expect(today).toMatchObject({ status: "PROPOSED", effectiveFrom: "2033-05-01", display: "40%", currentDisplay: "50%" });
    expect(await policyAudit(today.id, "policy.change-proposed")).toHaveLength(1);
  });

  it("values are checked for the series' unit, and nothing is stored or audited for a refused proposal", async () => {
    const now = at("2033-06-01T08:00:00Z");
    const countBefore = await prisma.policyChange.count();
    const refuse = async (body: Record<string, unknown>) =>
      (await expectAppError(proposePolicyChange(officer, { source: SOURCE, effectiveFrom: "2033-06-10", ...body }, context(), now), "VALIDATION_FAILED")).extra.fields;

    expect(await refuse({ key: RATE_KEYS.adminSurcharge, value: "1.5" })).toEqual({ value: expect.stringMatching(/fraction from 0 to under 1/) });
    expect(await refuse({ key: RATE_KEYS.adminSurcharge })).toEqual({ value: "Enter the new value as a number" });
    expect(await refuse({ key: RATE_KEYS.cnThreshold.OTHER.TOTAL, value: "50000000.125" })).toEqual({ value: expect.stringMatching(/to the cent/) });
    expect(await refuse({ key: RATE_KEYS.adminSurcharge, value: "-0.01" })).toHaveProperty("value");
    expect(await refuse({ key: WORKFLOW_RULE_KEYS.review.DSCA, dayKind: "BUSINESS" })).toEqual({ days: expect.any(String) });
    expect(await refuse({ key: WORKFLOW_RULE_KEYS.review.DSCA, days: 0, dayKind: "BUSINESS" })).toHaveProperty("days");
    expect(await refuse({ key: WORKFLOW_RULE_KEYS.review.DSCA, days: 12 })).toEqual({ dayKind: expect.any(String) });
    expect(await refuse({ key: WORKFLOW_RULE_KEYS.review.DSCA, days: 12, dayKind: "BUSINESS", amberPercent: 100 })).toHaveProperty("amberPercent");
    expect(await refuse({ key: RATE_KEYS.adminSurcharge, value: "0.035", effectiveFrom: "2033-02-30" })).toHaveProperty("effectiveFrom");
    expect(await refuse({ key: RATE_KEYS.adminSurcharge, value: "0.035", source: "memo" })).toHaveProperty("source");
    expect(await refuse({ key: RATE_KEYS.adminSurcharge, value: "0.035", version: 3 })).toHaveProperty("version");
    const unknown = await expectAppError(proposePolicyChange(officer, { key: "NO_SUCH_SERIES", effectiveFrom: "2033-06-10", value: "0.035", source: SOURCE }, context(), now), "VALIDATION_FAILED");
    expect(unknown.extra.fields?.key).toMatch(/policy series/);

    expect(await prisma.policyChange.count()).toBe(countBefore);
  });
});

describe("withdrawal", () => {
  it("only the proposer withdraws; a withdrawn proposal can no longer be approved", async () => {
    const now = at("2034-05-20T08:00:00Z");
    const proposal = await propose(officer, { key: RATE_KEYS.transport["3"], effectiveFrom: "2034-06-01", value: "0.03" }, now);

    await expectAppError(decide(admin, proposal.id, "withdraw", { expectedVersion: 1 }, now), "FORBIDDEN");
    await expectAppError(decide(auditor, proposal.id, "withdraw", { expectedVersion: 1 }, now), "FORBIDDEN");
    await expectAppError(decide(partner, proposal.id, "withdraw", { expectedVersion: 1 }, now), "FORBIDDEN");
    const stale = await expectAppError(decide(officer, proposal.id, "withdraw", { expectedVersion: 7 }, now), "VERSION_CONFLICT");
    expect(stale.extra.currentVersion).toBe(1);

    const withdrawn = await decide(officer, proposal.id, "withdraw", { expectedVersion: 1, note: "Superseded by memo 34-11" }, now);
    expect(withdrawn).toMatchObject({ status: "WITHDRAWN", version: 2, decidedBy: { id: officer.userId }, decisionNote: "Superseded by memo 34-11", availableActions: [] });
    expect((await policyAudit(proposal.id)).map((e) => [e.action, e.actorUserId])).toEqual([
      ["policy.change-proposed", officer.userId],
      ["policy.change-withdrawn", officer.userId],
    ]);

    await expectAppError(approve(admin, withdrawn, now), "CONFLICT");
    await expectAppError(decide(officer, proposal.id, "withdraw", { expectedVersion: 2 }, now), "CONFLICT");
    expect(await prisma.pricingRate.count({ where: { policyChangeId: proposal.id } })).toBe(0);
  });
});

describe("who may read and do what", () => {
  let proposalId: string;
  const now = at("2034-08-01T08:00:00Z");

  beforeAll(async () => {
    proposalId = (await propose(officer, { key: RATE_KEYS.cnThreshold.NATO_PLUS.TOTAL, effectiveFrom: "2034-09-01", value: "120000000" }, now)).id;
  });

  it("an auditor reads every series, proposal and impact, but proposes, decides and recomputes nothing", async () => {
    const series = await listPolicySeries(auditor, now);
    expect(series.find((s) => s.key === RATE_KEYS.cnThreshold.NATO_PLUS.TOTAL)!.pendingProposals).toBeGreaterThanOrEqual(1);
    expect((await getPolicySeries(auditor, RATE_KEYS.cnThreshold.NATO_PLUS.TOTAL, now)).history.length).toBeGreaterThanOrEqual(1);
    expect((await getPolicyChange(auditor, proposalId, now)).availableActions).toEqual([]);
    expect((await listPolicyChanges(auditor, { key: RATE_KEYS.cnThreshold.NATO_PLUS.TOTAL })).items.map((c) => c.id)).toContain(proposalId);
    await listPolicyImpact(auditor, proposalId);

    await expectAppError(
      proposePolicyChange(auditor, { key: RATE_KEYS.adminSurcharge, effectiveFrom: "2034-09-01", value: "0.03", source: SOURCE }, context(), now),
      "FORBIDDEN",
    );
    await expectAppError(approve(auditor, { id: proposalId, version: 1 }, now), "FORBIDDEN");
    await expectAppError(decide(auditor, proposalId, "reject", { expectedVersion: 1, note: "No" }, now), "FORBIDDEN");
    await expectAppError(recomputePolicyImpact(auditor, proposalId, now), "FORBIDDEN");
    expect((await policyAudit(proposalId)).map((e) => e.action)).toEqual(["policy.change-proposed"]);
  });

  it("a policy officer proposes but decides nothing", async () => {
    const other = await actorFor(prisma, "POLICY_OFFICER");
    await expectAppError(approve(other, { id: proposalId, version: 1 }, now), "FORBIDDEN");
    await expectAppError(decide(other, proposalId, "reject", { expectedVersion: 1, note: "Not convinced" }, now), "FORBIDDEN");
    expect((await getPolicyChange(other, proposalId, now)).availableActions).toEqual([]);
  });

  it.each([
    ["a partner officer", () => partner],
    ["a DSCA analyst", () => analyst],
  ])("%s reads the rows in force but no history, proposals or impact (403)", async (_who, actorOf) => {
    const actor = actorOf();
    const series = await listPolicySeries(actor, now);
    expect(series.map((s) => s.key)).toContain(RATE_KEYS.adminSurcharge);
    for (const s of series) expect(s, s.key).toMatchObject({ next: null, pendingProposals: 0 });
    expect(series.find((s) => s.key === RATE_KEYS.cnThreshold.NATO_PLUS.TOTAL)!.current).toMatchObject({ value: "100000000", display: "$100,000,000" });
    expect(series.find((s) => s.key === WORKFLOW_RULE_KEYS.review.DSCA)!.current).toMatchObject({ days: 10, dayKind: "BUSINESS", display: "10 business days" });
    expect(series.find((s) => s.key === SLA_KEYS.lorValidation)!.current).toMatchObject({ display: "5 calendar days" });

    await expectAppError(getPolicySeries(actor, RATE_KEYS.adminSurcharge, now), "FORBIDDEN");
    await expectAppError(listPolicyChanges(actor), "FORBIDDEN");
    await expectAppError(getPolicyChange(actor, proposalId, now), "FORBIDDEN");
    await expectAppError(listPolicyImpact(actor, proposalId), "FORBIDDEN");
    await expectAppError(
      proposePolicyChange(actor, { key: RATE_KEYS.adminSurcharge, effectiveFrom: "2034-09-01", value: "0.03", source: SOURCE }, context(), now),
      "FORBIDDEN",
    );
    await expectAppError(approve(actor, { id: proposalId, version: 1 }, now), "FORBIDDEN");
    await expectAppError(recomputePolicyImpact(actor, proposalId, now), "FORBIDDEN");
  });

  it("an unknown or malformed proposal id is not found", async () => {
    await expectAppError(getPolicyChange(admin, "not-a-uuid"), "NOT_FOUND");
    await expectAppError(getPolicyChange(admin, "6f1d3c1e-0000-4000-8000-000000000000"), "NOT_FOUND");
    await expectAppError(decide(admin, "6f1d3c1e-0000-4000-8000-000000000000", "approve", { expectedVersion: 1 }, now), "NOT_FOUND");
    await expectAppError(listPolicyImpact(admin, "6f1d3c1e-0000-4000-8000-000000000000"), "NOT_FOUND");
    await expectAppError(getPolicySeries(admin, "NO_SUCH_SERIES"), "NOT_FOUND");
  });

  it("the proposals list filters by status and series, waiting ones first", async () => {
    const list = await listPolicyChanges(admin, { key: RATE_KEYS.cnThreshold.NATO_PLUS.TOTAL, pageSize: 100 });
    expect(list.items.every((c) => c.key === RATE_KEYS.cnThreshold.NATO_PLUS.TOTAL)).toBe(true);
    expect(list.items.find((c) => c.id === proposalId)).toMatchObject({ status: "PROPOSED", impact: null, availableActions: ["approve", "reject"] });
    const approved = await listPolicyChanges(admin, { status: "APPROVED", pageSize: 100 });
    expect(approved.items.length).toBeGreaterThan(0);
    expect(approved.items.every((c) => c.status === "APPROVED")).toBe(true);
    const all = await listPolicyChanges(admin, { pageSize: 100 });
    const statuses = all.items.map((c) => c.status);
    const firstDecided = statuses.findIndex((s) => s !== "PROPOSED");
    if (firstDecided >= 0) expect(statuses.slice(firstDecided)).not.toContain("PROPOSED");
    await expectAppError(listPolicyChanges(admin, { status: "MAYBE" }), "VALIDATION_FAILED");
  });
});

describe("a clock's proposal: DSCA review 10 → 12 business days", () => {
  it("is approved like a rate, has no impact preview, and review tasks opened from its day take 12 business days", async () => {
    const proposal = await propose(
      officer,
      { key: WORKFLOW_RULE_KEYS.review.DSCA, effectiveFrom: "2032-06-01", days: 12, dayKind: "BUSINESS", source: "DSCA Policy Memo 32-05: CWD review target" },
      at("2032-05-20T08:00:00Z"),
    );
    expect(proposal).toMatchObject({
      table: "SLA_RULE",
      value: null,
      days: 12,
      dayKind: "BUSINESS",
      amberPercent: 75,
      display: "12 business days",
      currentDisplay: "10 business days",
      impact: null,
    });
    await expectAppError(approve(officer, proposal, at("2032-05-20T08:00:00Z")), "FORBIDDEN");
    await approve(admin, proposal, at("2032-05-21T08:00:00Z"));
    const rule = await prisma.slaRule.findUniqueOrThrow({ where: { policyChangeId: proposal.id } });
    expect(rule).toMatchObject({ key: "REVIEW_DSCA", days: 12, dayKind: "BUSINESS", amberPercent: 75, effectiveFrom: at("2032-06-01"), effectiveTo: null });
    const seeded = await prisma.slaRule.findFirstOrThrow({ where: { key: "REVIEW_DSCA", effectiveFrom: at("2016-01-01") } });

    // A case at development, with the agency about to approve its LOA: the review tasks that approval opens.
    const cast = await caseCast(prisma);
    const { caseId, driver } = await caseAt(cast, "IN_DEVELOPMENT");
    const dscaTaskOpenedAt = async (now: Date) =>
      db().$transaction(async (tx) => {
        const row = (await loadCase(tx, caseId))!;
        const result = transition(snapshotOf(row), "approve-loa", cast.ia, {}, await loadWorkflowContext(tx, row, now));
        if (!result.ok) throw new Error(result.message);
        return result.next.tasks.find((t) => t.office === "DSCA" && t.status === "OPEN")!;
      });

    const after = await dscaTaskOpenedAt(at("2032-06-15T10:00:00Z")); // a Tuesday
    expect(after.slaRuleId).toBe(rule.id);
    expect(after.dueAt).toEqual(at("2032-07-01T10:00:00Z"));
    expect(after.dueAt).toEqual(dueDate(at("2032-06-15T10:00:00Z"), { days: 12, dayKind: "BUSINESS" }));

    const onTheDay = await dscaTaskOpenedAt(at("2032-06-01T00:00:00Z"));
    expect(onTheDay.slaRuleId).toBe(rule.id);
    const dayBefore = await dscaTaskOpenedAt(at("2032-05-31T23:59:59.999Z"));
    expect(dayBefore.slaRuleId).toBe(seeded.id);
    const before = await dscaTaskOpenedAt(at("2032-05-25T10:00:00Z")); // a Tuesday
    expect(before.slaRuleId).toBe(seeded.id);
    expect(before.dueAt).toEqual(at("2032-06-08T10:00:00Z"));

    // And today, for real: the agency approves and DSCA's review runs under the 10-day rule still in force.
    await driver.do(cast.ia, "approve-loa");
    const task = await prisma.reviewTask.findFirstOrThrow({ where: { caseId, office: "DSCA" } });
    expect(task.slaRuleId).toBe(seeded.id);
  });
});

// ---- the impact preview ----------------------------------------------------------------------------------------

/** smallLoa() (tests/factories/loa.ts) at 3.8%: net 732,500.00, PC&H 9,000.00, transport 15,193.75, admin 27,835.00. */
const SMALL_AT_3_8 = "784528.75";
/** The same at 3.5%: admin 25,637.50. */
const SMALL_AT_3_5 = "782331.25";
/** smallLoa plus line 004 (2 × $25,000 procured, DTC 2) on a change draft: old lines locked at 3.8%, 004 unlocked. */
const CHANGE_AT_3_8 = "838336.50";
/** Only line 004's surcharge moves: 50,500.00 × (3.8% − 3.5%) = 151.50. */
const CHANGE_AT_3_5 = "838185.00";


describe("the impact preview", () => {
  let cast: Cast;
  const docs = {} as Record<"draft" | "natoDraft" | "inReview" | "offered" | "accepted" | "cancelled", { caseId: string; identifier: string }>;
  /** The case ids of the documents this file made, to pick them out of a preview over the whole database. */
  let ours: Set<string>;

  beforeAll(async () => {
    cast = await caseCast(prisma);
    const natoCast = await caseCast(prisma, { natoPlus: true });
    docs.draft = await caseAt(cast, "IN_DEVELOPMENT");
    docs.natoDraft = await caseAt(natoCast, "IN_DEVELOPMENT");
    docs.inReview = await caseAt(cast, "IN_REVIEW");
    docs.offered = await caseAt(cast, "OFFERED");
    docs.accepted = await caseAt(cast, "ACCEPTED");
    // A change after acceptance: the accepted lines keep their locked 3.8%, the new line 004 is priced when it is agreed.
    await saveEdit(cast.ia, docs.accepted.caseId, (c) => ({ ...c, lines: [...c.lines, extraLine] }));
    // A cancelled case's draft is withdrawn: unpriced (no pricing day) but no longer open.
    const cancelled = await caseAt(cast, "IN_DEVELOPMENT");
    await cancelled.driver.do(cast.dsca, "cancel", { comment: "The purchaser withdrew the request." });
    docs.cancelled = cancelled;
    ours = new Set(Object.values(docs).map((d) => d.caseId));
  }, 180_000);

  async function allImpact(id: string, pageSize = 100) {
    const items: PolicyImpactItemView[] = [];
    for (let page = 1; ; page++) {
      const result = await listPolicyImpact(admin, id, { page, pageSize });
      items.push(...result.items);
      if (page * pageSize >= result.total) return { items, total: result.total };
    }
  }
  const byCase = (items: readonly PolicyImpactItemView[]) =>
    new Map(items.filter((i) => ours.has(i.caseId)).map((i) => [`${i.caseId}/${i.documentStatus}`, i]));

  it("the documents are where the preview expects them", async () => {
    expect((await documentRow(prisma, docs.draft.caseId, 1)).status).toBe("DRAFT");
    expect((await documentRow(prisma, docs.inReview.caseId, 1)).status).toBe("SUBMITTED");
    expect((await documentRow(prisma, docs.offered.caseId, 1)).status).toBe("OFFERED");
    const accepted = await documentRow(prisma, docs.accepted.caseId, 1);
    expect(accepted.status).toBe("ACCEPTED");
    expect(accepted.lines.map((l) => l.adminRate?.toString())).toEqual(["0.038", "0.038", "0.038"]);
    const change = await documentRow(prisma, docs.accepted.caseId, 2);
    expect(change.status).toBe("DRAFT");
    expect(change.lines.map((l) => l.adminRate?.toString() ?? null)).toEqual(["0.038", "0.038", "0.038", null]);
    expect(await documentRow(prisma, docs.cancelled.caseId, 1)).toMatchObject({ status: "WITHDRAWN", pricedOn: null });
  });

  it("a 3.5% surcharge lists the open drafts, documents in review and offers with exact before/after totals; accepted lines keep their rate", async () => {
    const now = at("2029-08-20T08:00:00Z");
    const proposal = await propose(officer, { key: RATE_KEYS.adminSurcharge, effectiveFrom: "2029-09-03", value: "0.035" }, now);
    const { items, total } = await allImpact(proposal.id);
    expect(items).toHaveLength(total);
    const found = byCase(items);

    const expected = (caseId: string, identifier: string, status: string, name: string, before: string, after: string) => ({
      caseId,
      caseIdentifier: identifier,
      documentName: name,
      documentStatus: status,
      totalBefore: before,
      totalAfter: after,
      difference: (Number(after) - Number(before)).toFixed(2),
      notificationBefore: false,
      notificationAfter: false,
    });
    const basic = (d: { caseId: string; identifier: string }, status: string) =>
      expected(d.caseId, d.identifier, status, `${d.identifier} Basic LOA`, SMALL_AT_3_8, SMALL_AT_3_5);
    expect(found.get(`${docs.draft.caseId}/DRAFT`)).toEqual(basic(docs.draft, "DRAFT"));
    expect(found.get(`${docs.natoDraft.caseId}/DRAFT`)).toEqual(basic(docs.natoDraft, "DRAFT"));
    expect(found.get(`${docs.inReview.caseId}/SUBMITTED`)).toEqual(basic(docs.inReview, "SUBMITTED"));
    expect(found.get(`${docs.offered.caseId}/OFFERED`)).toEqual(basic(docs.offered, "OFFERED"));
    expect(found.get(`${docs.draft.caseId}/DRAFT`)!.difference).toBe("-2197.50");
    // The accepted basic LOA is not listed at all; its change draft moves only by line 004's surcharge.
    expect(found.get(`${docs.accepted.caseId}/ACCEPTED`)).toBeUndefined();
    expect(found.get(`${docs.accepted.caseId}/DRAFT`)).toEqual(
      expected(docs.accepted.caseId, docs.accepted.identifier, "DRAFT", `${docs.accepted.identifier} (proposed change)`, CHANGE_AT_3_8, CHANGE_AT_3_5),
    );
    expect(found.get(`${docs.accepted.caseId}/DRAFT`)!.difference).toBe("-151.50");
    // Nor is a withdrawn draft, though nothing froze its price.
    expect(items.filter((i) => i.caseId === docs.cancelled.caseId)).toEqual([]);
    expect(found.size).toBe(5);

    // The figures agree with the pricing engine run in the test on the stored lines, at the seed's rates.
    const rates: RateRow[] = [...PRICING_RATES];
    const after: RateRow[] = [...rates, { key: RATE_KEYS.adminSurcharge, value: "0.035", effectiveFrom: at("2029-09-03"), effectiveTo: null }];
    const draftLines = (await documentRow(prisma, docs.draft.caseId, 1)).lines.map(lineOf);
    expect(priceLoa(draftLines, { rates, pricedOn: at("2029-09-03") }).summary.totalEstimatedCost).toBe(SMALL_AT_3_8);
    expect(priceLoa(draftLines, { rates: after, pricedOn: at("2029-09-03") }).summary.totalEstimatedCost).toBe(SMALL_AT_3_5);
    const changeLines = (await documentRow(prisma, docs.accepted.caseId, 2)).lines.map(lineOf);
    expect(priceLoa(changeLines, { rates, pricedOn: at("2029-09-03") }).summary.totalEstimatedCost).toBe(CHANGE_AT_3_8);
    expect(priceLoa(changeLines, { rates: after, pricedOn: at("2029-09-03") }).summary.totalEstimatedCost).toBe(CHANGE_AT_3_5);

    // The summary on the proposal is the sum of its rows.
    const view = await getPolicyChange(admin, proposal.id, now);
    const sum = (pick: (i: PolicyImpactItemView) => string) => items.reduce((s, i) => s + Math.round(Number(pick(i)) * 100), 0) / 100;
    expect(view.impact).toMatchObject({ pricedOn: "2029-09-03", documents: total, notificationChanges: 0 });
    expect(Number(view.impact!.totalBefore)).toBeCloseTo(sum((i) => i.totalBefore), 2);
    expect(Number(view.impact!.totalAfter)).toBeCloseTo(sum((i) => i.totalAfter), 2);
    // Read after the effective date has come, the preview is compared on that later day.
    expect((await getPolicyChange(admin, proposal.id, at("2029-09-10T08:00:00Z"))).impact!.pricedOn).toBe("2029-09-10");
  });

  it("pages through the preview: every document once, pages in the same order as the whole", async () => {
    const proposal = await propose(officer, { key: RATE_KEYS.adminSurcharge, effectiveFrom: "2029-09-17", value: "0.04" }, at("2029-08-20T08:00:00Z"));
    const whole = await allImpact(proposal.id, 100);
    expect(byCase(whole.items).size).toBe(5);
    const paged = await allImpact(proposal.id, 2);
    expect(paged.total).toBe(whole.total);
    expect(paged.items).toEqual(whole.items);
    expect(new Set(paged.items.map((i) => `${i.caseId}/${i.documentName}`)).size).toBe(paged.items.length);

    const second = await listPolicyImpact(admin, proposal.id, { page: 2, pageSize: 2 });
    expect(second).toMatchObject({ page: 2, pageSize: 2, total: whole.total });
    expect(second.items).toEqual(whole.items.slice(2, 4));
    const beyond = await listPolicyImpact(admin, proposal.id, { page: 1000, pageSize: 2 });
    expect(beyond.items).toEqual([]);
    await expectAppError(listPolicyImpact(admin, proposal.id, { page: 0 }), "VALIDATION_FAILED");
    // 4% raises every total: 3.8% → 4% on line totals of 732,500 is 1,465.00.
    expect(byCase(whole.items).get(`${docs.draft.caseId}/DRAFT`)).toMatchObject({ totalAfter: "785993.75", difference: "1465.00" });
  });

  it("a notification threshold lowered to a draft's total flips its notification requirement; the total stays", async () => {
    const now = at("2029-09-20T08:00:00Z");
    // At or above the threshold requires notification: exactly the draft's total.
    const proposal = await propose(officer, { key: RATE_KEYS.cnThreshold.OTHER.TOTAL, effectiveFrom: "2029-10-01", value: SMALL_AT_3_8 }, now);
    expect(proposal).toMatchObject({ display: "$784,528.75", currentDisplay: "$50,000,000" });
    const { items } = await allImpact(proposal.id);
    const found = byCase(items);
    expect(found.get(`${docs.draft.caseId}/DRAFT`)).toMatchObject({
      totalBefore: SMALL_AT_3_8,
      totalAfter: SMALL_AT_3_8,
      difference: "0.00",
      notificationBefore: false,
      notificationAfter: true,
    });
    expect(found.get(`${docs.accepted.caseId}/DRAFT`)).toMatchObject({ totalBefore: CHANGE_AT_3_8, notificationBefore: false, notificationAfter: true });
    // The NATO+ purchaser answers to the NATO+ thresholds; the accepted LOA is not open.
    expect(found.get(`${docs.natoDraft.caseId}/DRAFT`)).toBeUndefined();
    expect(found.get(`${docs.accepted.caseId}/ACCEPTED`)).toBeUndefined();
    // Documents that left the draft were determined on their frozen pricing day, before the new threshold.
    expect(found.get(`${docs.inReview.caseId}/SUBMITTED`)).toBeUndefined();
    expect(found.get(`${docs.offered.caseId}/OFFERED`)).toBeUndefined();
    expect(found.size).toBe(2);

    const view = await getPolicyChange(admin, proposal.id, now);
    expect(view.impact!.notificationChanges).toBeGreaterThanOrEqual(2);
    expect(view.impact!.totalBefore).toBe(view.impact!.totalAfter);

    // One cent higher and the draft no longer reaches it: only the larger change draft flips.
    const higher = await propose(officer, { key: RATE_KEYS.cnThreshold.OTHER.TOTAL, effectiveFrom: "2029-10-02", value: "784528.76" }, now);
    const higherFound = byCase((await allImpact(higher.id)).items);
    expect(higherFound.get(`${docs.draft.caseId}/DRAFT`)).toBeUndefined();
    expect(higherFound.get(`${docs.accepted.caseId}/DRAFT`)).toMatchObject({ notificationAfter: true });
  });

  it("is kept as computed until recomputed: a draft made after the proposal appears once the preview is computed again", async () => {
    const now = at("2029-10-20T08:00:00Z");
    const proposal = await propose(officer, { key: RATE_KEYS.adminSurcharge, effectiveFrom: "2029-11-01", value: "0.035" }, now);
    const late = await caseAt(cast, "IN_DEVELOPMENT");
    const find = async () => (await allImpact(proposal.id)).items.find((i) => i.caseId === late.caseId);
    expect(await find()).toBeUndefined();

    const recomputed = await recomputePolicyImpact(officer, proposal.id, now);
    expect(recomputed.impact).toMatchObject({ pricedOn: "2029-11-01" });
    expect(await find()).toMatchObject({ documentStatus: "DRAFT", totalBefore: SMALL_AT_3_8, totalAfter: SMALL_AT_3_5 });
    // Recomputing replaces the rows, it does not add to them.
    const count = (await listPolicyImpact(admin, proposal.id)).total;
    await recomputePolicyImpact(admin, proposal.id, now);
    expect((await listPolicyImpact(admin, proposal.id)).total).toBe(count);

    // A decided proposal's preview stays as it was.
    await decide(officer, proposal.id, "withdraw", { expectedVersion: 1 }, now);
    await expectAppError(recomputePolicyImpact(officer, proposal.id, now), "CONFLICT");
  });
});
