import "server-only";
import type { Actor } from "@/domain/policy";
import { DisapproveLorInput } from "@/domain/schemas/lor";
import { parseInput } from "../errors";
import type { RequestContext } from "../request-context";
import { transitionLor } from "./lor-transition";

/** DSCA, State or DTSA refuses the request (policy, technology security or eligibility), with a reason the partner sees. */
export async function disapproveLor(actor: Actor, lorId: string, input: unknown, context: RequestContext) {
  const { expectedVersion, reason } = parseInput(DisapproveLorInput, input);
  return transitionLor(
    actor,
    lorId,
    {
      action: "disapprove",
      auditAction: "lor.disapprove",
      expectedVersion,
      apply: (_row, _tx, now) => ({ data: { statusReason: reason, closedAt: now }, details: { reason } }),
    },
    context,
  );
}
