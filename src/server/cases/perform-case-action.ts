import "server-only";
import type { Actor } from "@/domain/policy";
import { CASE_ACTION_INPUTS, type CaseView } from "@/domain/schemas/cases";
import { isUuid } from "@/domain/schemas/common";
import { ACTOR_EVENTS, type CaseEvent, type EventInput } from "@/domain/workflow/case-workflow";
import { caseSubject } from "@/domain/workflow/engine";
import { assertCan } from "../auth/actor";
import { knowChainTail } from "../audit";
import { db } from "../db";
import { checkIdempotencyKey, claimIdempotencyKey, requestHashOf, storeIdempotentAnswer } from "../idempotency";
import { AppError, notFound, parseInput, versionConflict } from "../errors";
import type { RequestContext } from "../request-context";
import { assertCaseVisible } from "./case-access";
import { toCaseView } from "./case-record";
import { lockAndLoadCase } from "./case-rows";
import { commitCaseEvent, loadWorkflowContext, snapshotOf } from "./case-store";

export interface CaseActionOptions {
  /** The API's Idempotency-Key header: a retry with the same key and body has one effect and gets the same answer. */
  idempotencyKey?: string | null;
}

export interface CaseActionResult {
  case: CaseView;
  /** The answer was stored from an earlier request with the same Idempotency-Key. */
  replayed: boolean;
}

export const isActorEvent = (action: string): action is CaseEvent => (ACTOR_EVENTS as readonly string[]).includes(action);

/**
 * One workflow action on a case, in one transaction: lock the case → authorize (another country's case is a 404) →
 * compare the version → apply any clock events that fell due → the workflow's transition (state table, guards,
 * separation of duties) → save the case with version + 1, its review tasks and the hash-chained audit events together.
 */
export async function performCaseAction(
  actor: Actor,
  caseId: string,
  action: string,
  rawInput: unknown,
  context: RequestContext,
  options: CaseActionOptions = {},
): Promise<CaseActionResult> {
  if (!isActorEvent(action)) throw new AppError("NOT_FOUND", `There is no case action called ${action}`);
  if (!isUuid(caseId)) throw notFound("Case");
  const key = checkIdempotencyKey(options.idempotencyKey);
  const input = parseInput(CASE_ACTION_INPUTS[action], rawInput) as unknown as EventInput & { expectedVersion: number };
  const requestHash = requestHashOf({ caseId, action, input: rawInput ?? null });

  return db().$transaction(async (tx) => {
    if (key !== null) {
      const earlier = await claimIdempotencyKey<CaseView>(tx, actor.userId, key, requestHash);
      if (earlier) {
        // A replay changes nothing, but it still shows the case: the caller must still be allowed to see it.
        await assertCaseVisible(actor, caseId, tx);
        return { case: earlier, replayed: true };
      }
    }
    const loaded = await lockAndLoadCase(tx, caseId);
    if (!loaded) throw notFound("Case");
    const { row, rules, chainTail } = loaded;
    assertCan(actor, "viewCase", caseSubject(snapshotOf(row)), "Case");
    if (row.version !== input.expectedVersion) throw versionConflict(row.version);
    knowChainTail(tx, { type: "case", id: caseId }, chainTail);

    const workflowContext = await loadWorkflowContext(tx, row, new Date(), rules);
    const saved = await commitCaseEvent(tx, row, actor, action, input, workflowContext, context);

    const view = toCaseView(saved, actor, workflowContext);
    if (key !== null) await storeIdempotentAnswer(tx, actor.userId, key, view);
    return { case: view, replayed: false };
  });
}
