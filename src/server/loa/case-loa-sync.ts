// The basic LOA moves with the case's workflow (fms-domain.md §4.2): frozen for review at the agency's approval,
// back to a draft when returned, rendered and fingerprinted when offered, rate-locked when accepted. These run inside
// the case event's transaction (commitCaseEvent), so the case and its document never disagree.
// Free of `server-only`: the demo seed walks cases through the same code.
import { createHash } from "node:crypto";
import type { CaseEvent } from "../../domain/workflow/case-workflow";
import type { CaseStatus } from "../../domain/workflow/states";
import { submissionProblems } from "../../domain/loa/validation";
import type { Actor } from "../../domain/policy";
import { requireRate, RATE_KEYS } from "../../domain/pricing/rates";
import { isoDay, startOfUtcDay } from "../../domain/sla";
import { basicLoaMove, caseMoveMayMoveBasicLoa } from "../../domain/loa/document-flow";
import type { DocumentStatus } from "../../domain/loa/codes";
import { Prisma } from "../../generated/prisma/client";
import type { Tx } from "../db";
import { prepared } from "../json-rows";
import { pdfModelOf } from "./loa-pdf";
import { signatureStampsFor } from "../signatures/decision-signatures";
import {
  contentColumns,
  contentOf,
  documentInclude,
  loadDocuments,
  loadNoteTitles,
  loadRates,
  loaCaseSelect,
  priceContent,
  replaceLines,
  shapeOf,
  toDocumentView,
  type DocumentRow,
  type LoaCaseRow,
} from "./loa-store";
import { refreshCaseValue } from "./case-value";
import { renderLoaPdf } from "./render-loa-pdf";


/** What the workflow needs to know about the LOA before the agency approves it (WorkflowContext.loa). */
export async function loaReadiness(tx: Tx, caseId: string, now: Date): Promise<{ problems: string[]; notificationRequired: boolean }> {
  const caseRow = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: loaCaseSelect });
  const draft = (await loadDocuments(tx, caseId)).find((doc) => doc.documentType === "BASIC" && doc.status === "DRAFT");
  if (!draft) return { problems: ["There is no LOA draft to approve"], notificationRequired: false };
  const content = contentOf(draft);
  const rates = await loadRates(tx);
  try {
    const { priced, quote } = priceContent(content, { rates, pricedOn: startOfUtcDay(isoDay(now)), natoPlus: caseRow.country.natoPlus === true, paymentsAfter: now });
    return {
      problems: submissionProblems(content, priced, shapeOf(caseRow), await loadNoteTitles(tx)),
      notificationRequired: quote.notification.required,
    };
  } catch (error) {
    return { problems: [error instanceof Error ? error.message : String(error)], notificationRequired: false };
  }
}

/**
 * Moves the basic LOA to match where the case went. Most moves leave it alone, so its status is read first (one small
 * statement) and the documents with their lines only when it moves.
 */
export async function syncLoaWithCase(tx: Tx, caseId: string, event: CaseEvent, before: CaseStatus, after: CaseStatus, actor: Actor | null, now: Date) {
  if (!caseMoveMayMoveBasicLoa(event, before, after)) return;
  // The basic LOA in play: the latest basic document not superseded or withdrawn.
  const [current] = await tx.$queryRaw<{ id: string; status: DocumentStatus }[]>(
    prepared(Prisma.sql`SELECT id, status::text AS status FROM case_documents
                         WHERE case_id = ${caseId}::uuid AND document_type = 'BASIC' AND status NOT IN ('SUPERSEDED', 'WITHDRAWN')
                         ORDER BY number DESC LIMIT 1`),
  );
  const move = current && basicLoaMove(event, before, after, current.status);
  if (!current || !move) return;
  const documents = await loadDocuments(tx, caseId);
  // The caller holds the case's row lock, so the document read above is still the one in play.
  const basic = documents.find((doc) => doc.id === current.id);
  if (!basic) return;
  const update = (data: Parameters<typeof tx.caseDocument.update>[0]["data"]) =>
    tx.caseDocument.update({ where: { id: basic.id }, data: { ...data, version: { increment: 1 } } });

  switch (move) {
    case "submit":
      await update({ status: "SUBMITTED", pricedOn: startOfUtcDay(isoDay(now)), submittedAt: now });
      break;
    case "reopen":
      await update({ status: "DRAFT", pricedOn: null, submittedAt: null });
      break;
    case "restate":
      // A restated or counter-offered LOA is a new version; the offered one (and its PDF) stays on record.
      await update({ status: "SUPERSEDED" });
      await copyDocument(tx, basic, documents, { documentType: "BASIC", documentNumber: 0, createdById: actor?.userId ?? basic.createdById });
      break;
    case "offer":
      await offerDocument(tx, caseId, basic, now);
      break;
    case "accept": {
      await lockRates(tx, basic, now);
      const acceptance = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { signerName: true, signerTitle: true } });
      await update({ status: "ACCEPTED", acceptedAt: now, acceptedByName: acceptance.signerName, acceptedByTitle: acceptance.signerTitle });
      break;
    }
    case "implement":
      await update({ status: "IMPLEMENTED", implementedAt: now });
      break;
    case "withdraw":
      await update({ status: "WITHDRAWN" });
      break;
  }
  await refreshCaseValue(tx, caseId, now);
}

/** A new draft version of a document: same content and lines (with their locked rates), next number on the case. */
export async function copyDocument(
  tx: Tx,
  source: DocumentRow,
  documents: readonly { number: number }[],
  fields: { documentType: "BASIC" | null; documentNumber: number | null; createdById: string },
) {
  const created = await tx.caseDocument.create({
    data: {
      caseId: source.caseId,
      number: Math.max(0, ...documents.map((doc) => doc.number)) + 1,
      ...fields,
      status: "DRAFT",
      // The working LOA's version carries on from the document it copies: a save still holding that document's version
      // is then stale against every version of the copy, never mistaken for one of them.
      version: source.version + 1,
      baseDocumentId: fields.documentType === "BASIC" ? null : source.id,
      ...contentColumns(contentOf(source)),
    },
  });
  await replaceLines(tx, created.id, contentOf(source).lines);
  return tx.caseDocument.findUniqueOrThrow({ where: { id: created.id }, include: documentInclude });
}

/**
 * Offering freezes the partner's copy: the PDF is rendered without the DRAFT mark, its bytes are stored and its
 * SHA-256 recorded, so every later download is the same file and anyone can check it. A Modification, which is in
 * force without an offer, freezes its copy the same way when it is implemented (`status` IMPLEMENTED).
 */
export async function offerDocument(tx: Tx, caseId: string, doc: DocumentRow, now: Date, status: "OFFERED" | "IMPLEMENTED" = "OFFERED") {
  const moment = status === "OFFERED" ? { offeredAt: now } : { implementedAt: now };
  const offered = { ...doc, status, ...moment, pricedOn: doc.pricedOn ?? startOfUtcDay(isoDay(now)) };
  const bytes = await renderDocument(tx, caseId, offered, { draft: false });
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const file = await tx.storedFile.create({ data: { content: new Uint8Array(bytes) } });
  await tx.caseDocument.update({
    where: { id: doc.id },
    data: { status, ...moment, pricedOn: offered.pricedOn, pdfFileId: file.id, pdfSha256: sha256, version: { increment: 1 } },
  });
  return sha256;
}

/** Renders a document as the partner would see it; `draft` adds the DRAFT watermark. */
export async function renderDocument(tx: Tx, caseId: string, doc: DocumentRow, options: { draft: boolean }): Promise<Buffer> {
  const caseRow: LoaCaseRow = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: loaCaseSelect });
  const documents = await loadDocuments(tx, caseId);
  const context = { caseRow, documents, rates: await loadRates(tx), noteTitles: {}, now: doc.pricedOn ?? new Date() };
  const view = toDocumentView("print", doc, context);
  const stamps = doc.documentType === "BASIC" ? await signatureStampsFor(tx, caseId, doc) : undefined;
  return renderLoaPdf(pdfModelOf(caseRow, view, { ...options, stamps }));
}

/** Each line without a locked rate takes the administrative rate in force on the day of acceptance (or implementation). */
export async function lockRates(tx: Tx, doc: DocumentRow, now: Date) {
  const rate = requireRate(await loadRates(tx), RATE_KEYS.adminSurcharge, now);
  await tx.caseDocumentLine.updateMany({ where: { documentId: doc.id, adminRate: null }, data: { adminRate: rate, rateLockedOn: startOfUtcDay(isoDay(now)) } });
  // A price-only increase is a one-time statement about that change; the next change must say so again.
  await tx.caseDocumentLine.updateMany({ where: { documentId: doc.id, priceOnlyIncrease: true }, data: { priceOnlyIncrease: false } });
}
