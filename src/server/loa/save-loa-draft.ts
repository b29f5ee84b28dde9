import "server-only";
import { LoaDraftInput, type DocumentView } from "@/domain/schemas/loa";
import type { Actor } from "@/domain/policy";
import { db } from "../db";
import { parseInput } from "../errors";
import type { RequestContext } from "../request-context";
import { saveLoaDraftInTx } from "./save-loa-draft-core";

/**
 * Saves the working LOA in one transaction: lock the case → authorize (another country's case is 404, another
 * agency's 403) → compare the version → validate the whole content (field-named errors, nothing half-saved) → after
 * acceptance, start an Amendment/Modification draft and enforce the rate lock → save the lines → audit.
 */
export async function saveLoaDraft(actor: Actor, caseId: string, raw: unknown, context: RequestContext): Promise<DocumentView> {
  const input = parseInput(LoaDraftInput, raw);
  const now = new Date();
  return db().$transaction((tx) => saveLoaDraftInTx(tx, actor, caseId, input, context, now));
}
