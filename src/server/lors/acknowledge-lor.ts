import "server-only";
import type { Actor } from "@/domain/policy";
import { AcknowledgeLorInput } from "@/domain/schemas/lor";
import { fieldError, parseInput } from "../errors";
import type { RequestContext } from "../request-context";
import { agencyByCode } from "./lor-content";
import { transitionLor } from "./lor-transition";

/**
 * DSCA or the implementing agency acknowledges receipt and starts validating. DSCA may route the letter to an agency;
 * an agency case manager who acknowledges takes it for their own agency.
 */
export async function acknowledgeLor(actor: Actor, lorId: string, input: unknown, context: RequestContext) {
  const { expectedVersion, implementingAgencyCode } = parseInput(AcknowledgeLorInput, input);
  return transitionLor(
    actor,
    lorId,
    {
      action: "acknowledge",
      auditAction: "lor.acknowledge",
      expectedVersion,
      apply: async (row, tx, now) => {
        let routedAgencyId = row.routedAgencyId;
        if (actor.role === "IA_CASE_MANAGER") {
          if (implementingAgencyCode) throw fieldError("implementingAgencyCode", "Only DSCA routes letters to an agency");
          routedAgencyId = actor.organizationId;
        } else if (implementingAgencyCode) {
          routedAgencyId = (await agencyByCode(tx, implementingAgencyCode, "implementingAgencyCode")).id;
        }
        return {
          data: { acknowledgedAt: now, routedAgencyId },
          details: { routedAgencyFrom: row.routedAgencyId, routedAgencyTo: routedAgencyId },
        };
      },
    },
    context,
  );
}
