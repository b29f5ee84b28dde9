import "server-only";
import type { Actor } from "@/domain/policy";
import type { DocumentView } from "@/domain/schemas/loa";
import { db } from "../db";
import { findDocument, loadLoaContext } from "./loa-access";
import { toDocumentView } from "./loa-store";

/** One document version with its prices, schedule and (for USG staff) its problems and change classification. */
export async function getDocument(actor: Actor, caseId: string, number: string | number): Promise<DocumentView> {
  const context = await loadLoaContext(db(), actor, caseId, new Date());
  return toDocumentView(actor, findDocument(context.documents, number), context);
}
