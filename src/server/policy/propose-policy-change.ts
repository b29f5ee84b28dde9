import "server-only";
import type { Actor } from "@/domain/policy";
import { policySeries, proposalProblems, rowInForce } from "@/domain/policy-rows";
import { ProposePolicyChangeInput, type PolicyChangeView } from "@/domain/schemas/policy";
import { assertCan } from "../auth/actor";
import { recordAudit } from "../audit";
import { db } from "../db";
import { AppError, fieldError, parseInput } from "../errors";
import type { RequestContext } from "../request-context";
import { getPolicyChange } from "./get-policy-change";
import { computePolicyImpact } from "./policy-impact";
import { startOfUtcDay } from "@/domain/sla";

/** A clock keeps the amber share it has unless the proposal names another (75% when it has none yet). */
async function amberInForce(key: string, on: Date): Promise<number> {
  return rowInForce(await db().slaRule.findMany({ where: { key } }), on)?.amberPercent ?? 75;
}

/**
 * Proposes a new row for a policy series, effective today or later, with the reason and source it rests on. The row has
 * no effect until a different administrator approves it. A rate or threshold gets its impact preview at once.
 */
export async function proposePolicyChange(actor: Actor, raw: unknown, context: RequestContext, now = new Date()): Promise<PolicyChangeView> {
  assertCan(actor, "proposePolicyChange");
  const input = parseInput(ProposePolicyChangeInput, raw);
  const series = policySeries(input.key);
  if (!series) throw fieldError("key", "Choose one of the policy series Caseway keeps");
  const effectiveFrom = startOfUtcDay(input.effectiveFrom);
  const proposed =
    series.table === "PRICING_RATE"
      ? { value: input.value ?? null, days: null, dayKind: null, amberPercent: null }
      : { value: null, days: input.days ?? null, dayKind: input.dayKind ?? null, amberPercent: input.amberPercent ?? (await amberInForce(series.key, effectiveFrom)) };
  const problems = proposalProblems(series, { ...proposed, effectiveFrom }, now);
  if (Object.keys(problems).length > 0) throw new AppError("VALIDATION_FAILED", "The proposal needs attention", { fields: problems });
  const taken =
    series.table === "PRICING_RATE"
      ? await db().pricingRate.findFirst({ where: { key: series.key, effectiveFrom }, select: { id: true } })
      : await db().slaRule.findFirst({ where: { key: series.key, effectiveFrom }, select: { id: true } });
  if (taken) throw new AppError("VALIDATION_FAILED", "The proposal needs attention", { fields: { effectiveFrom: "A row of this series already starts on that day" } });

  const created = await db().$transaction(async (tx) => {
    const change = await tx.policyChange.create({
      data: { table: series.table, key: series.key, ...proposed, effectiveFrom, source: input.source, proposedById: actor.userId },
    });
    await recordAudit(tx, {
      action: "policy.change-proposed",
      outcome: "SUCCESS",
      actor,
      target: { type: "policy-change", id: change.id },
      details: { key: series.key, table: series.table, ...proposed, effectiveFrom: input.effectiveFrom, source: input.source },
      context,
    });
    return change;
  });
  if (series.table === "PRICING_RATE") await computePolicyImpact(db(), created, now);
  else await db().policyChange.update({ where: { id: created.id }, data: { impactComputedAt: new Date() } });
  return getPolicyChange(actor, created.id, now);
}
