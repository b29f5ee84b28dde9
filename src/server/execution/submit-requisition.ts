import "server-only";
import type { Actor } from "@/domain/policy";
import type { RequisitionView, SubmitRequisitionFields } from "@/domain/schemas/execution";
import { db } from "../db";
import { checkIdempotencyKey, claimIdempotencyKey, requestHashOf, storeIdempotentAnswer } from "../idempotency";
import type { RequestContext } from "../request-context";
import { assertCaseVisible } from "../cases/case-access";
import { submitRequisitionTx } from "./execution-store";

export interface SubmitRequisitionResult {
  requisition: RequisitionView;
  /** The answer was stored from an earlier request with the same Idempotency-Key. */
  replayed: boolean;
}

/**
 * A requisition against a blanket line's remaining value, in one transaction with its audit event. With an
 * Idempotency-Key a retried request has one effect and gets the first answer back.
 */
export async function submitRequisition(
  actor: Actor,
  caseId: string,
  lineNumber: string,
  rawInput: unknown,
  context: RequestContext,
  options: { idempotencyKey?: string | null } = {},
  now: Date = new Date(),
): Promise<SubmitRequisitionResult> {
  const key = checkIdempotencyKey(options.idempotencyKey);
  const requestHash = requestHashOf({ caseId, lineNumber, operation: "requisition", input: rawInput ?? null });
  return db().$transaction(async (tx) => {
    if (key !== null) {
      const earlier = await claimIdempotencyKey<RequisitionView>(tx, actor.userId, key, requestHash);
      if (earlier) {
        // A replay changes nothing, but the caller must still be allowed to see the case.
        await assertCaseVisible(actor, caseId, tx);
        return { requisition: earlier, replayed: true };
      }
    }
    const requisition = await submitRequisitionTx(tx, actor, caseId, lineNumber, rawInput as SubmitRequisitionFields, context, now);
    if (key !== null) await storeIdempotentAnswer(tx, actor.userId, key, requisition, 201);
    return { requisition, replayed: false };
  });
}

