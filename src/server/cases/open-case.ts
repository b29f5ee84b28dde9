import "server-only";
import { caseIdentifier } from "@/domain/cases/identifier";
import { dueDate, ruleInForce } from "@/domain/sla";
import { STATUS_SLA_KEYS } from "@/domain/workflow/states";
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
  // DSCA's clock to assign the agency starts now, under the rule in force today.
  const assignment = ruleInForce(await tx.slaRule.findMany({ where: { key: STATUS_SLA_KEYS.OPENED } }), STATUS_SLA_KEYS.OPENED!, now);
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
      statusChangedAt: now,
      statusDueAt: assignment ? dueDate(now, assignment) : null,
      statusSlaRuleId: assignment?.id ?? null,
    },
  });
  await recordAudit(tx, {
    action: "case.open",
    outcome: "SUCCESS",
    actor,
    target: { type: "case", id: created.id },
    details: { identifier, lorId: request.lorId, caseType: request.caseType, toStatus: "OPENED" },
    context,
  }, now);
  return created;
}
