// Policy administration in the demo (issue 13): one proposal waiting for an administrator — the administrative
// surcharge at 3.5% from the next 1 October, with its impact preview over the demo's open LOAs — and one clock change
// already approved (DTSA's review target), so the history shows a row added by a reviewed proposal. Both are clearly
// marked as demo rehearsals: they cite no real DSCA memo.
import { recordAudit } from "../src/server/audit";
import { computePolicyImpact } from "../src/server/policy/policy-impact";
import { WORKFLOW_RULE_KEYS } from "../src/domain/workflow/states";
import { RATE_KEYS } from "../src/domain/pricing/rates";
import { isoDay } from "../src/domain/sla";
import type { PrismaClient } from "../src/generated/prisma/client";
import { demoActors } from "./demo-steps";

const SEED_CONTEXT = { requestId: "demo-seed", ip: null, userAgent: "caseway demo seed" };

/** The first day of the next US fiscal year (1 October) at least a month away: far enough for a real review. */
function nextFiscalYear(now: Date): Date {
  const year = now.getUTCMonth() >= 8 ? now.getUTCFullYear() + 1 : now.getUTCFullYear();
  return new Date(Date.UTC(year, 9, 1));
}

export async function seedDemoPolicy(prisma: PrismaClient, now: Date) {
  const actor = demoActors(prisma);
  const policyOfficer = await actor("policy@caseway.example");
  const admin = await actor("admin@caseway.example");
  if ((await prisma.policyChange.count({ where: { proposedById: policyOfficer.userId } })) > 0) return;

  const surchargeFrom = nextFiscalYear(now);
  const surcharge = await prisma.$transaction(async (tx) => {
    const change = await tx.policyChange.create({
      data: {
        table: "PRICING_RATE",
        key: RATE_KEYS.adminSurcharge,
        value: "0.035",
        effectiveFrom: surchargeFrom,
        source: `[Demo] Rehearsal of a fiscal-year rate change: 3.5% from ${isoDay(surchargeFrom)}, as DSCA 12-47 lowered it in 2012. Not a real DSCA memo.`,
        proposedById: policyOfficer.userId,
        proposedAt: now,
      },
    });
    await recordAudit(tx, { action: "policy.change-proposed", outcome: "SUCCESS", actor: policyOfficer, target: { type: "policy-change", id: change.id }, details: { key: change.key, value: "0.035", effectiveFrom: isoDay(surchargeFrom) }, context: SEED_CONTEXT }, now);
    return change;
  });
  await computePolicyImpact(prisma, surcharge, now);

  const reviewFrom = new Date(Date.UTC(surchargeFrom.getUTCFullYear(), 0, 1));
  const clockFrom = reviewFrom > now ? reviewFrom : surchargeFrom;
  await prisma.$transaction(async (tx) => {
    const change = await tx.policyChange.create({
      data: {
        table: "SLA_RULE",
        key: WORKFLOW_RULE_KEYS.review.DTSA,
        days: 25,
        dayKind: "CALENDAR",
        amberPercent: 75,
        effectiveFrom: clockFrom,
        source: "[Demo] Rehearsal: DTSA's technology-security review target shortened to 25 calendar days. Not a real DSCA or DTSA decision.",
        status: "APPROVED",
        version: 2,
        proposedById: policyOfficer.userId,
        proposedAt: now,
        decidedById: admin.userId,
        decidedAt: now,
        decisionNote: "Agreed with DTSA for the demo.",
        impactComputedAt: now,
      },
    });
    await tx.slaRule.create({
      data: { key: change.key, days: 25, dayKind: "CALENDAR", amberPercent: 75, effectiveFrom: clockFrom, source: change.source, policyChangeId: change.id },
    });
    await recordAudit(tx, { action: "policy.change-proposed", outcome: "SUCCESS", actor: policyOfficer, target: { type: "policy-change", id: change.id }, details: { key: change.key, days: 25, effectiveFrom: isoDay(clockFrom) }, context: SEED_CONTEXT }, now);
    await recordAudit(tx, { action: "policy.change-approved", outcome: "SUCCESS", actor: admin, target: { type: "policy-change", id: change.id }, details: { key: change.key, days: 25, effectiveFrom: isoDay(clockFrom) }, context: SEED_CONTEXT }, now);
  });
}
