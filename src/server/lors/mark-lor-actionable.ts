import "server-only";
import type { Actor } from "@/domain/policy";
import { VersionOnlyInput } from "@/domain/schemas/lor";
import { parseInput } from "../errors";
import type { RequestContext } from "../request-context";
import { transitionLor } from "./lor-transition";

/** The letter meets the actionable criteria; the agency may still need detail before it is complete. */
export async function markLorActionable(actor: Actor, lorId: string, input: unknown, context: RequestContext) {
  const { expectedVersion } = parseInput(VersionOnlyInput, input);
  return transitionLor(
    actor,
    lorId,
    {
      action: "markActionable",
      auditAction: "lor.mark_actionable",
      expectedVersion,
      apply: (_row, _tx, now) => ({ data: { validatedAt: now } }),
    },
    context,
  );
}
