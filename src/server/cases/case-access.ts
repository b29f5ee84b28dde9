import "server-only";
import type { Actor, PolicySubject } from "@/domain/policy";
import { isUuid } from "@/domain/schemas/common";
import { caseSubject } from "@/domain/workflow/engine";
import { assertCan } from "../auth/actor";
import { db, type Tx } from "../db";
import { notFound } from "../errors";

/**
 * Checks that the actor may see the case (another country's, or a missing one, is a 404) and returns its policy
 * subject for any further rule. For reads that do not load the whole case.
 */
export async function assertCaseVisible(actor: Actor, caseId: string, client: Tx = db()): Promise<PolicySubject> {
  if (!isUuid(caseId)) throw notFound("Case");
  const found = await client.case.findUnique({ where: { id: caseId }, select: { countryId: true, implementingAgencyId: true } });
  if (!found) throw notFound("Case");
  const subject = caseSubject({ countryId: found.countryId, agencyId: found.implementingAgencyId });
  assertCan(actor, "viewCase", subject, "Case");
  return subject;
}
