import "server-only";
import type { Actor } from "@/domain/policy";
import { AnnualReviewInput, type ClosureView } from "@/domain/schemas/closure";
import { isUuid } from "@/domain/schemas/common";
import { caseSubject } from "@/domain/workflow/engine";
import { assertCan } from "../auth/actor";
import { lockCase } from "../cases/case-store";
import { db } from "../db";
import { notFound, parseInput } from "../errors";
import type { RequestContext } from "../request-context";
import { insertAnnualReview } from "./annual-review-store";
import { loadClosureView } from "./closure-view";

/**
 * The agency case manager completes this year's annual case review: one transaction that locks the case, checks the
 * actor (their own agency's case; another country's is a 404 to partners), refuses a second review for the year (409)
 * and writes the review with its audit event. Answers the closure view with the review in it.
 */
export async function completeAnnualReview(
  actor: Actor,
  caseId: string,
  rawInput: unknown,
  context: RequestContext,
  now: Date = new Date(),
): Promise<ClosureView> {
  if (!isUuid(caseId)) throw notFound("Case");
  const input = parseInput(AnnualReviewInput, rawInput);
  return db().$transaction(async (tx) => {
    if (!(await lockCase(tx, caseId))) throw notFound("Case");
    const row = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { countryId: true, implementingAgencyId: true } });
    const subject = caseSubject({ countryId: row.countryId, agencyId: row.implementingAgencyId });
    assertCan(actor, "viewCase", subject, "Case");
    assertCan(actor, "reviewCaseAnnually", subject, "Case");
    await insertAnnualReview(tx, actor, caseId, input, context, now);
    return loadClosureView(tx, actor, caseId, now);
  });
}
