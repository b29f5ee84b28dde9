// The annual case review (RCG ch. 2): the case manager's reconciliation checklist, once per case and calendar year,
// written with its audit event on the case's hash chain. Free of `server-only` and `@/` imports: the demo seed
// records its review through the same code.
import type { Actor } from "../../domain/policy";
import type { AnnualReviewInput } from "../../domain/schemas/closure";
import type { CaseStatus } from "../../domain/workflow/states";
import { recordAudit } from "../audit";
import type { Tx } from "../db";
import { AppError } from "../errors";
import type { RequestContext } from "../request-context";

/** A case is reviewed each year while it is being executed, until it closes. */
export const ANNUAL_REVIEW_STATUSES: readonly CaseStatus[] = ["IMPLEMENTED", "EXECUTING", "SUPPLY_SERVICES_COMPLETE", "CLOSURE_PENDING"];

export interface AnnualReviewRecord {
  id: string;
  reviewYear: number;
  completedAt: Date;
}

/** Records this year's review on a locked case (the caller has authorized the actor). */
export async function insertAnnualReview(
  tx: Tx,
  actor: Actor,
  caseId: string,
  input: AnnualReviewInput,
  context: RequestContext,
  now: Date,
): Promise<AnnualReviewRecord> {
  const caseRow = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { status: true } });
  if (!ANNUAL_REVIEW_STATUSES.includes(caseRow.status as CaseStatus)) {
    throw new AppError("CONFLICT", "The annual case review is done while a case is implemented and until it closes");
  }
  const reviewYear = now.getUTCFullYear();
  const earlier = await tx.annualCaseReview.findUnique({ where: { caseId_reviewYear: { caseId, reviewYear } }, select: { completedAt: true } });
  if (earlier) {
    throw new AppError("CONFLICT", `The annual case review for ${reviewYear} was already completed on ${earlier.completedAt.toISOString().slice(0, 10)}`);
  }
  const review = await tx.annualCaseReview.create({
    data: {
      caseId,
      reviewYear,
      loaMatchesDeliveries: input.loaMatchesDeliveries,
      loaMatchesContracts: input.loaMatchesContracts,
      scheduleAdjusted: input.scheduleAdjusted,
      notes: input.notes ?? "",
      completedById: actor.userId,
      completedAt: now,
    },
    select: { id: true, reviewYear: true, completedAt: true },
  });
  await recordAudit(
    tx,
    {
      action: "review.annual",
      outcome: "SUCCESS",
      actor,
      target: { type: "case", id: caseId },
      details: {
        reviewId: review.id,
        reviewYear,
        loaMatchesDeliveries: input.loaMatchesDeliveries,
        loaMatchesContracts: input.loaMatchesContracts,
        scheduleAdjusted: input.scheduleAdjusted,
        notes: input.notes ?? null,
      },
      context,
    },
    now,
  );
  return review;
}
