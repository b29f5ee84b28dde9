import "server-only";
import type { Actor } from "@/domain/policy";
import { earliestEffectiveDay } from "@/domain/policy-rows";
import { isUuid } from "@/domain/schemas/common";
import { DecidePolicyChangeInput, type PolicyChangeView } from "@/domain/schemas/policy";
import { isoDay } from "@/domain/sla";
import { Prisma } from "../../generated/prisma/client";
import { assertCan } from "../auth/actor";
import { recordAudit } from "../audit";
import { db, type Tx } from "../db";
import { AppError, fieldError, notFound, parseInput, refusedBy, versionConflict } from "../errors";
import type { RequestContext } from "../request-context";
import { getPolicyChange } from "./get-policy-change";
import { proposedRow, seriesOrNotFound, type PolicyChangeRow } from "./policy-store";

type Decision = "approve" | "reject" | "withdraw";

const AUDIT_ACTIONS: Record<Decision, string> = {
  approve: "policy.change-approved",
  reject: "policy.change-rejected",
  withdraw: "policy.change-withdrawn",
};
const STATUS: Record<Decision, "APPROVED" | "REJECTED" | "WITHDRAWN"> = { approve: "APPROVED", reject: "REJECTED", withdraw: "WITHDRAWN" };

/** Writes the approved row into its table, linked to the proposal. Another row starting that day is a conflict. */
async function writeRow(tx: Tx, change: PolicyChangeRow) {
  const row = proposedRow(change);
  const common = { key: change.key, effectiveFrom: change.effectiveFrom, source: change.source, policyChangeId: change.id };
  try {
    if (change.table === "PRICING_RATE") await tx.pricingRate.create({ data: { ...common, value: row.value! } });
    else await tx.slaRule.create({ data: { ...common, days: row.days!, dayKind: row.dayKind!, amberPercent: row.amberPercent! } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", `A row of this series already starts on ${isoDay(change.effectiveFrom)}: reject this proposal or propose another day`);
    }
    throw error;
  }
}

/**
 * Approves, rejects or withdraws a proposal, with compare-and-set on its version. Approval is the two-person rule's
 * second person: an administrator other than the proposer, on a proposal whose effective date has not passed (a row
 * never starts in the past), after its impact preview was computed. Only approval writes the row.
 */
export async function decidePolicyChange(actor: Actor, id: string, decision: Decision, raw: unknown, context: RequestContext, now = new Date()): Promise<PolicyChangeView> {
  assertCan(actor, "viewPolicyAdministration");
  if (!isUuid(id)) throw notFound("Policy change");
  const input = parseInput(DecidePolicyChangeInput, raw);
  await db().$transaction(async (tx) => {
    // The row lock serialises deciders: the loser of a race sees the new version and gets 409.
    await tx.$queryRaw`SELECT id FROM policy_changes WHERE id = ${id}::uuid FOR UPDATE`;
    const change = await tx.policyChange.findUnique({
      where: { id },
      include: { proposedBy: { select: { id: true, name: true } }, decidedBy: { select: { id: true, name: true } } },
    });
    if (!change) throw notFound("Policy change");
    if (decision === "withdraw") {
      if (change.proposedById !== actor.userId) {
        throw refusedBy(actor, "withdrawPolicyChange", "forbidden", "Policy change", "Only the person who proposed a change may withdraw it");
      }
    } else {
      assertCan(actor, "decidePolicyChange", { userId: change.proposedById });
    }
    if (change.version !== input.expectedVersion) throw versionConflict(change.version);
    if (change.status !== "PROPOSED") throw new AppError("CONFLICT", `This proposal was already ${change.status.toLowerCase()}`);
    if (decision === "reject" && !input.note) throw fieldError("note", "Say why the proposal is rejected");
    if (decision === "approve") {
      seriesOrNotFound(change.key);
      if (change.effectiveFrom < earliestEffectiveDay(now)) {
        throw new AppError("CONFLICT", `The effective date ${isoDay(change.effectiveFrom)} has passed: propose the change again with a new date`);
      }
      if (!change.impactComputedAt) throw new AppError("CONFLICT", "The impact preview is still being computed: read it before approving");
      await writeRow(tx, change);
    }
    await tx.policyChange.update({
      where: { id },
      data: { status: STATUS[decision], decidedById: actor.userId, decidedAt: now, decisionNote: input.note ?? null, version: { increment: 1 } },
    });
    await recordAudit(tx, {
      action: AUDIT_ACTIONS[decision],
      outcome: "SUCCESS",
      actor,
      target: { type: "policy-change", id },
      details: {
        key: change.key,
        table: change.table,
        ...proposedRow(change),
        effectiveFrom: isoDay(change.effectiveFrom),
        source: change.source,
        proposedBy: change.proposedById,
        note: input.note ?? null,
      },
      context,
    });
  });
  return getPolicyChange(actor, id, now);
}
