import "server-only";
import { createHash } from "node:crypto";
import { canonicalJson } from "@/domain/audit-chain";
import type { Actor } from "@/domain/policy";
import { CASE_ACTION_INPUTS, type CaseView } from "@/domain/schemas/cases";
import { isUuid } from "@/domain/schemas/common";
import { ACTOR_EVENTS, type CaseEvent, type EventInput } from "@/domain/workflow/case-workflow";
import { caseSubject } from "@/domain/workflow/engine";
import type { Prisma } from "../../generated/prisma/client";
import { assertCan } from "../auth/actor";
import { db, type Tx } from "../db";
import { AppError, notFound, parseInput, versionConflict } from "../errors";
import type { RequestContext } from "../request-context";
import { assertCaseVisible } from "./case-access";
import { toCaseView } from "./case-record";
import { commitCaseEvent, loadCase, loadWorkflowContext, lockCase, snapshotOf } from "./case-store";

export interface CaseActionOptions {
  /** The API's Idempotency-Key header: a retry with the same key and body has one effect and gets the same answer. */
  idempotencyKey?: string | null;
}

export interface CaseActionResult {
  case: CaseView;
  /** The answer was stored from an earlier request with the same Idempotency-Key. */
  replayed: boolean;
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

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
  const key = options.idempotencyKey ?? null;
  if (key !== null && !IDEMPOTENCY_KEY.test(key)) {
    throw new AppError("BAD_REQUEST", "Idempotency-Key must be 1–200 visible ASCII characters");
  }
  const input = parseInput(CASE_ACTION_INPUTS[action], rawInput) as unknown as EventInput & { expectedVersion: number };
  const requestHash = createHash("sha256").update(canonicalJson({ caseId, action, input: rawInput ?? null })).digest("hex");

  return db().$transaction(async (tx) => {
    if (key !== null) {
      const earlier = await claimIdempotencyKey(tx, actor.userId, key, requestHash);
      if (earlier) {
        // A replay changes nothing, but it still shows the case: the caller must still be allowed to see it.
        await assertCaseVisible(actor, caseId, tx);
        return { case: earlier, replayed: true };
      }
    }
    if (!(await lockCase(tx, caseId))) throw notFound("Case");
    const row = await loadCase(tx, caseId);
    if (!row) throw notFound("Case");
    assertCan(actor, "viewCase", caseSubject(snapshotOf(row)), "Case");
    if (row.version !== input.expectedVersion) throw versionConflict(row.version);

    const workflowContext = await loadWorkflowContext(tx, row, new Date());
    const saved = await commitCaseEvent(tx, row, actor, action, input, workflowContext, context);

    const view = toCaseView(saved, actor, workflowContext);
    if (key !== null) {
      await tx.idempotencyKey.update({
        where: { userId_key: { userId: actor.userId, key } },
        data: { statusCode: 200, responseBody: view as unknown as Prisma.InputJsonObject },
      });
    }
    return { case: view, replayed: false };
  });
}

/**
 * Claims the key inside the action's transaction. A concurrent request with the same key waits on the unique index
 * until this one commits (then replays its answer) or rolls back (then acts itself), so the action happens once.
 */
async function claimIdempotencyKey(tx: Tx, userId: string, key: string, requestHash: string): Promise<CaseView | null> {
  const inserted = await tx.$executeRaw`
    INSERT INTO idempotency_keys (user_id, key, request_hash, status_code, response_body)
    VALUES (${userId}::uuid, ${key}, ${requestHash}, 0, '{}'::jsonb)
    ON CONFLICT (user_id, key) DO NOTHING`;
  if (inserted === 1) return null;
  const earlier = await tx.idempotencyKey.findUnique({ where: { userId_key: { userId, key } } });
  if (!earlier) throw new AppError("CONFLICT", "A request with this Idempotency-Key is still in progress; retry shortly");
  if (earlier.requestHash !== requestHash) {
    throw new AppError("VALIDATION_FAILED", "This Idempotency-Key was already used for a different request", {
      fields: { "Idempotency-Key": "Use a new key for a different request" },
    });
  }
  return earlier.responseBody as unknown as CaseView;
}

