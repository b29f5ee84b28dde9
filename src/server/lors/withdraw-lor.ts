import "server-only";
import type { Actor } from "@/domain/policy";
import { WithdrawLorInput } from "@/domain/schemas/lor";
import { parseInput } from "../errors";
import type { RequestContext } from "../request-context";
import { transitionLor } from "./lor-transition";

/** The purchaser withdraws its letter at any point before it is complete. */
export async function withdrawLor(actor: Actor, lorId: string, input: unknown, context: RequestContext) {
  const { expectedVersion, reason } = parseInput(WithdrawLorInput, input);
  return transitionLor(
    actor,
    lorId,
    {
      action: "withdraw",
      auditAction: "lor.withdraw",
      expectedVersion,
      apply: (_row, _tx, now) => ({ data: { statusReason: reason ?? null, closedAt: now }, details: { reason: reason ?? null } }),
    },
    context,
  );
}
