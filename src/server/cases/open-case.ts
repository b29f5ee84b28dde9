import "server-only";
import { caseIdentifier, designatorFor } from "@/domain/cases/identifier";
import type { LoaType } from "@/domain/lor/codes";
import type { Actor } from "@/domain/policy";
import { recordAudit } from "../audit";
import type { Tx } from "../db";
import type { RequestContext } from "../request-context";

/**
 * Draws the next designator for a country and agency. The upsert takes a row lock that is held until the opening
 * transaction ends, so concurrent openings queue and never share a designator; a rolled-back opening gives its number
 * back. Designators already taken (e.g. cases loaded from elsewhere) are skipped.
 */
export async function allocateDesignator(tx: Tx, countryId: string, agencyId: string): Promise<string> {
  for (;;) {
    const [row] = await tx.$queryRaw<{ allocated: number }[]>`
      INSERT INTO case_designator_sequences (country_id, agency_id, "next")
      VALUES (${countryId}::uuid, ${agencyId}::uuid, 1)
      ON CONFLICT (country_id, agency_id) DO UPDATE SET "next" = case_designator_sequences."next" + 1
      RETURNING "next" - 1 AS allocated`;
    const designator = designatorFor(Number(row!.allocated));
    const taken = await tx.case.findFirst({ where: { countryId, implementingAgencyId: agencyId, designator }, select: { id: true } });
    if (!taken) return designator;
  }
}

export interface OpenCaseRequest {
  lorId: string;
  country: { id: string; code: string };
  agency: { id: string; code: string };
  caseType: LoaType;
}

/** Opens a case from a complete LOA request, inside the caller's transaction, and audits it. */
export async function openCase(tx: Tx, actor: Actor, request: OpenCaseRequest, context: RequestContext, now: Date) {
  const designator = await allocateDesignator(tx, request.country.id, request.agency.id);
  const identifier = caseIdentifier(request.country.code, request.agency.code, designator);
  const created = await tx.case.create({
    data: {
      identifier,
      designator,
      countryId: request.country.id,
      implementingAgencyId: request.agency.id,
      caseType: request.caseType,
      openedFromLorId: request.lorId,
      openedById: actor.userId,
      openedAt: now,
    },
  });
  await recordAudit(tx, {
    action: "case.open",
    outcome: "SUCCESS",
    actor,
    target: { type: "case", id: created.id },
    details: { identifier, lorId: request.lorId, caseType: request.caseType, toStatus: "OPENED" },
    context,
  });
  return created;
}
