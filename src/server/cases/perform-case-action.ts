import "server-only";
import type { Actor } from "@/domain/policy";
import { CASE_ACTION_INPUTS, type CaseView } from "@/domain/schemas/cases";
import { isUuid } from "@/domain/schemas/common";
import { DOCUMENT_TYPES, documentDisplayName, type DocumentStatus, type DocumentType } from "@/domain/loa/codes";
import { acknowledgementMismatch, boundDocumentOf, isBindingEvent, type DocumentAcknowledgement } from "@/domain/workflow/binding-confirmation";
import { ACTOR_EVENTS, type CaseEvent, type EventInput } from "@/domain/workflow/case-workflow";
import { caseSubject } from "@/domain/workflow/engine";
import { assertCan } from "../auth/actor";
import { knowChainTail } from "../audit";
import { db, type Tx } from "../db";
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
    if (input.acknowledgedDocument && isBindingEvent(action)) {
      await assertAcknowledgedDocument(tx, caseId, row.identifier, action, input.acknowledgedDocument);
    }
    knowChainTail(tx, { type: "case", id: caseId }, chainTail);

    const workflowContext = await loadWorkflowContext(tx, row, new Date(), rules);
    const saved = await commitCaseEvent(tx, row, actor, action, input, workflowContext, context);

    const view = toCaseView(saved, actor, workflowContext);
    if (key !== null) await storeIdempotentAnswer(tx, actor.userId, key, view);
    return { case: view, replayed: false };
  });
}

/**
 * A binding step names the document the person confirmed: it must still be the document the step applies to, at the
 * same version and PDF hash. The case's version alone does not prove it, because the agency's draft is saved without
 * changing the case. The row lock taken above keeps the case's events from moving the document meanwhile.
 */
async function assertAcknowledgedDocument(
  tx: Tx,
  caseId: string,
  identifier: string,
  action: Parameters<typeof boundDocumentOf>[0],
  acknowledged: DocumentAcknowledgement,
) {
  const rows = await tx.caseDocument.findMany({
    where: { caseId },
    select: { number: true, documentType: true, documentNumber: true, status: true, version: true, pdfSha256: true },
  });
  const documents = rows.map((d) => {
    const type = (DOCUMENT_TYPES as readonly string[]).includes(d.documentType ?? "") ? (d.documentType as DocumentType) : null;
    return { ...d, documentType: type, status: d.status as DocumentStatus, name: documentDisplayName(identifier, type, d.documentNumber ?? 0) };
  });
  const problem = acknowledgementMismatch(acknowledged, boundDocumentOf(action, documents));
  if (problem) throw new AppError("CONFLICT", problem);
}

/** Form fields the confirmation step posts (a browser form is flat), as the action input's acknowledgedDocument. */
export function acknowledgedDocumentFromForm(values: Record<string, string | undefined>): Record<string, unknown> | undefined {
  if (!values.acknowledgedNumber) return undefined;
  return {
    number: Number(values.acknowledgedNumber),
    version: Number(values.acknowledgedVersion),
    sha256: values.acknowledgedSha256 || null,
  };
}
