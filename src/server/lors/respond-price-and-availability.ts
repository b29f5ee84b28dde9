import "server-only";
import type { Actor } from "@/domain/policy";
import { RespondPriceAndAvailabilityInput } from "@/domain/schemas/lor";
import { parseInput } from "../errors";
import type { RequestContext } from "../request-context";
import { transitionLor } from "./lor-transition";

/** A complete P&A request is answered with rough, non-binding price and availability data — never an LOA. */
export async function respondPriceAndAvailability(actor: Actor, lorId: string, input: unknown, context: RequestContext) {
  const { expectedVersion, estimatedValue, availability, notes } = parseInput(RespondPriceAndAvailabilityInput, input);
  return transitionLor(
    actor,
    lorId,
    {
      action: "respondPriceAndAvailability",
      auditAction: "lor.respond_pa",
      expectedVersion,
      apply: (_row, _tx, now) => ({
        data: { paEstimatedValue: estimatedValue, paAvailability: availability, paNotes: notes ?? null, paRespondedAt: now, closedAt: now },
        details: { estimatedValue, availability, notes: notes ?? null, binding: false },
      }),
    },
    context,
  );
}
