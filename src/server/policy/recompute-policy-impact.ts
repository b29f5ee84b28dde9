import "server-only";
import type { Actor } from "@/domain/policy";
import { isUuid } from "@/domain/schemas/common";
import type { PolicyChangeView } from "@/domain/schemas/policy";
import { assertCan } from "../auth/actor";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { getPolicyChange } from "./get-policy-change";
import { computePolicyImpact } from "./policy-impact";

/** Computes a waiting proposal's impact preview again, e.g. after another rate was approved or documents changed. */
export async function recomputePolicyImpact(actor: Actor, id: string, now = new Date()): Promise<PolicyChangeView> {
  assertCan(actor, "proposePolicyChange");
  if (!isUuid(id)) throw notFound("Policy change");
  const change = await db().policyChange.findUnique({ where: { id } });
  if (!change) throw notFound("Policy change");
  if (change.status !== "PROPOSED") throw new AppError("CONFLICT", "Only a waiting proposal's impact can be computed again");
  if (change.table === "PRICING_RATE") await computePolicyImpact(db(), change, now);
  return getPolicyChange(actor, id, now);
}
