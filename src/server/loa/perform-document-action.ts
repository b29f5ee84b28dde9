import "server-only";
import type { Actor } from "@/domain/policy";
import type { DocumentView } from "@/domain/schemas/loa";
import { db } from "../db";
import type { RequestContext } from "../request-context";
import { applyStep, parseStep } from "./document-action-core";

/**
 * One step of an Amendment or Modification, in one transaction: lock the case → authorize → compare the document's
 * version → check the step applies → apply it (confirm the type, approve, return, accept, withdraw) → audit.
 */
export async function performDocumentAction(
  actor: Actor,
  caseId: string,
  number: string,
  action: string,
  raw: unknown,
  context: RequestContext,
): Promise<DocumentView> {
  const { step, input } = parseStep(action, raw);
  const now = new Date();
  return db().$transaction((tx) => applyStep(tx, actor, caseId, number, step, input, context, now));
}
