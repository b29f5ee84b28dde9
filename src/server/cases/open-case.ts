import "server-only";
import { caseIdentifier } from "@/domain/cases/identifier";
import type { LoaType } from "@/domain/lor/codes";
import type { Actor } from "@/domain/policy";
import { recordAudit } from "../audit";
import type { Tx } from "../db";
import type { RequestContext } from "../request-context";
import { allocateDesignator } from "./allocate-designator";

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
