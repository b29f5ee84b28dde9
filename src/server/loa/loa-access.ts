// Free of `server-only` and `@/` imports: the LOA change steps the demo seed runs (document-action-core.ts) load through it.
import { PARTNER_VISIBLE_DOCUMENT_STATUSES, type DocumentStatus } from "../../domain/loa/codes";
import { can, type Actor, type PolicySubject } from "../../domain/policy";
import { isUuid } from "../../domain/schemas/common";
import { caseSubject } from "../../domain/workflow/engine";
import type { Tx } from "../db";
import { authorize as assertCan, notFound } from "../errors";
import { loadDocuments, loadNoteTitles, loadRates, loaCaseSelect, type DocumentContext, type DocumentRow } from "./loa-store";

/**
 * Loads a case's LOA documents for the actor: another country's case is a 404, and partners see only documents
 * that have been offered to them (drafts and documents in review do not exist for them).
 */
export async function loadLoaContext(tx: Tx, actor: Actor, caseId: string, now: Date): Promise<DocumentContext & { subject: PolicySubject }> {
  if (!isUuid(caseId)) throw notFound("Case");
  const caseRow = await tx.case.findUnique({ where: { id: caseId }, select: loaCaseSelect });
  if (!caseRow) throw notFound("Case");
  const subject = caseSubject({ countryId: caseRow.countryId, agencyId: caseRow.implementingAgencyId });
  assertCan(actor, "viewCase", subject, "Case");
  const documents = (await loadDocuments(tx, caseId)).filter((doc) => visibleTo(actor, doc));
  return { caseRow, documents, rates: await loadRates(tx), noteTitles: await loadNoteTitles(tx), now, subject };
}

export const visibleTo = (actor: Actor, doc: Pick<DocumentRow, "status">) =>
  can(actor, "viewLoaInternals") || PARTNER_VISIBLE_DOCUMENT_STATUSES.includes(doc.status as DocumentStatus);

export function findDocument(documents: readonly DocumentRow[], number: string | number): DocumentRow {
  const n = typeof number === "number" ? number : /^\d{1,4}$/.test(number) ? Number(number) : NaN;
  const doc = documents.find((candidate) => candidate.number === n);
  if (!doc) throw notFound("Document");
  return doc;
}
