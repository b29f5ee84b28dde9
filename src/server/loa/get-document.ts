import "server-only";
import type { Actor } from "@/domain/policy";
import type { DocumentView } from "@/domain/schemas/loa";
import { db } from "../db";
import { findDocument, loadLoaContext } from "./loa-access";
import { contentOf, toDocumentView } from "./loa-store";
import { classifyChanges } from "@/domain/loa/changes";

/** One document version with its prices, schedule and (for USG staff) its problems and change classification. */
export async function getDocument(actor: Actor, caseId: string, number: string | number): Promise<DocumentView> {
  const context = await loadLoaContext(db(), actor, caseId, new Date());
  return toDocumentView(actor, findDocument(context.documents, number), context);
}

/** How version `number` differs from version `against` (either order), for the version history. */
export async function compareDocuments(actor: Actor, caseId: string, number: string | number, against: string | number) {
  const context = await loadLoaContext(db(), actor, caseId, new Date());
  const later = findDocument(context.documents, number);
  const earlier = findDocument(context.documents, against);
  return { ...classifyChanges(contentOf(earlier), contentOf(later)), from: earlier.number, to: later.number };
}
