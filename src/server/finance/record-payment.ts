import "server-only";
import type { Actor } from "@/domain/policy";
import { isUuid } from "@/domain/schemas/common";
import { PaymentInput, type PaymentResult } from "@/domain/schemas/finance";
import { assertCan } from "../auth/actor";
import { assertCaseVisible } from "../cases/case-access";
import { lockCase } from "../cases/case-store";
import { db } from "../db";
import { notFound, parseInput } from "../errors";
import { checkIdempotencyKey, claimIdempotencyKey, requestHashOf, storeIdempotentAnswer } from "../idempotency";
import type { RequestContext } from "../request-context";
import { insertPayment, loadCaseFinances } from "./finance-store";

export interface RecordPaymentOptions {
  /** The API's Idempotency-Key header: a retry with the same key and body records one payment and gets the same answer. */
  idempotencyKey?: string | null;
}

/**
 * A finance officer records a payment received from the partner, in one transaction: claim the Idempotency-Key →
 * lock the case → authorize (another country's case is a 404) → check the input against the case (value date not in
 * the future, the statement named is the case's) → the payment and its audit event on the case's chain. Answers the
 * payment and the account as it now stands.
 */
export async function recordPayment(
  actor: Actor,
  caseId: string,
  rawInput: unknown,
  context: RequestContext,
  options: RecordPaymentOptions = {},
  now: Date = new Date(),
): Promise<{ result: PaymentResult; replayed: boolean }> {
  if (!isUuid(caseId)) throw notFound("Case");
  const key = checkIdempotencyKey(options.idempotencyKey);
  const input = parseInput(PaymentInput, rawInput);
  const requestHash = requestHashOf({ caseId, action: "record-payment", input: rawInput ?? null });

  return db().$transaction(async (tx) => {
    if (key !== null) {
      const earlier = await claimIdempotencyKey<PaymentResult>(tx, actor.userId, key, requestHash);
      if (earlier) {
        await assertCaseVisible(actor, caseId, tx);
        return { result: earlier, replayed: true };
      }
    }
    if (!(await lockCase(tx, caseId))) throw notFound("Case");
    const subject = await assertCaseVisible(actor, caseId, tx);
    assertCan(actor, "recordPayment", subject, "Case");
    const payment = await insertPayment(tx, actor, caseId, input, context, now);
    const result: PaymentResult = { payment, finances: await loadCaseFinances(tx, caseId, now) };
    if (key !== null) await storeIdempotentAnswer(tx, actor.userId, key, result, 201);
    return { result, replayed: false };
  });
}
