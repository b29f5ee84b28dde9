// Steps of an Amendment or Modification (src/server/loa/perform-document-action.ts) inside the caller's transaction, at
// the moment the caller names. Free of `server-only` and `@/` imports: the demo seed (prisma/demo-changes.ts) walks
// backdated changes through it.
import { classifyChanges, confirmableTypes, CHANGE_PROPOSAL_LABELS, rateLockViolations } from "../../domain/loa/changes";
import { DOCUMENT_TYPE_LABELS, type DocumentStatus, type DocumentType } from "../../domain/loa/codes";
import { DOCUMENT_FLOW, approvedStatus, documentActionApplies } from "../../domain/loa/document-flow";
import { submissionProblems } from "../../domain/loa/validation";
import type { Actor } from "../../domain/policy";
import { DOCUMENT_ACTION_INPUTS, DOCUMENT_ACTIONS, type DocumentAction, type DocumentView } from "../../domain/schemas/loa";
import { RATE_KEYS, requireRate } from "../../domain/pricing/rates";
import { isoDay, startOfUtcDay } from "../../domain/sla";
import { recordAudit } from "../audit";
import { lockCase } from "../cases/case-store";
import type { Tx } from "../db";
import { AppError, authorize as assertCan, notFound, parseInput, versionConflict } from "../errors";
import type { RequestContext } from "../request-context";
import { lockRates, offerDocument } from "./case-loa-sync";
import { findDocument, loadLoaContext } from "./loa-access";
import { contentOf, documentInclude, loaCaseSelect, loadDocuments, priceContent, shapeOf, toDocumentView } from "./loa-store";
import { endedCaseReason } from "../../domain/loa/document-flow";
import { refreshCaseValue } from "./case-value";
import { recordDecisionSignature, signedDocumentOf } from "../signatures/decision-signatures";

const isDocumentAction = (action: string): action is DocumentAction => (DOCUMENT_ACTIONS as readonly string[]).includes(action);

/**
 * One step of an Amendment or Modification inside the caller's transaction: lock the case → authorize → compare the
 * document's version → check the step applies → apply it (confirm the type, approve, return, accept, withdraw) → audit.
 */
export async function performDocumentActionInTx(
  tx: Tx,
  actor: Actor,
  caseId: string,
  number: string,
  action: string,
  raw: unknown,
  context: RequestContext,
  now: Date,
): Promise<DocumentView> {
  const { step, input } = parseStep(action, raw);
  return applyStep(tx, actor, caseId, number, step, input, context, now);
}

export type StepInput = { expectedVersion: number } & Record<string, string>;

/** The action and its input, checked before any transaction is opened. */
export function parseStep(action: string, raw: unknown): { step: DocumentAction; input: StepInput } {
  if (!isDocumentAction(action)) throw new AppError("NOT_FOUND", `There is no document action called ${action}`);
  return { step: action, input: parseInput(DOCUMENT_ACTION_INPUTS[action], raw) as StepInput };
}

export async function applyStep(
  tx: Tx,
  actor: Actor,
  caseId: string,
  number: string,
  action: DocumentAction,
  input: StepInput,
  context: RequestContext,
  now: Date,
): Promise<DocumentView> {
  if (!(await lockCase(tx, caseId))) throw notFound("Case");
  const loa = await loadLoaContext(tx, actor, caseId, now);
  const doc = findDocument(loa.documents, number);
  assertCan(actor, DOCUMENT_FLOW[action].permission, loa.subject, "Document");
  if (doc.version !== input.expectedVersion) throw versionConflict(doc.version);
  const ended = endedCaseReason(loa.caseRow.status);
  if (ended && action !== "withdraw") throw new AppError("CONFLICT", ended);
  const state = { documentType: doc.documentType as DocumentType | null, status: doc.status as DocumentStatus };
  if (!documentActionApplies(action, state)) {
    throw new AppError("CONFLICT", doc.documentType === "BASIC"
      ? "The basic LOA moves with the case's own workflow actions"
      : `This document is ${doc.status.toLowerCase()}; it cannot be ${action === "return" ? "returned" : `${action}ed`} now`);
  }
  const bump = { version: { increment: 1 } };
  // The partner's acceptance of an Amendment is signed (ADR 0031), naming the document as it was offered.
  const signedDocument = action === "accept" ? signedDocumentOf(loa.caseRow.identifier, doc) : null;
  let details: Record<string, string | number | null> = {};

  if (action === "submit") {
    const base = loa.documents.find((other) => other.id === doc.baseDocumentId);
    if (!base) throw new AppError("CONFLICT", "This change has no document in force to compare with");
    const content = contentOf(doc);
    const classification = classifyChanges(contentOf(base), content);
    if (classification.proposal === "NONE") throw new AppError("CONFLICT", "Nothing differs from the document in force; there is no change to submit");
    const chosen = input.documentType as "MODIFICATION" | "AMENDMENT";
    if (!confirmableTypes(classification.proposal).includes(chosen)) {
      const message = `This change is classified as ${CHANGE_PROPOSAL_LABELS[classification.proposal]}: ${classification.reason} It cannot go as a ${DOCUMENT_TYPE_LABELS[chosen]}.`;
      throw new AppError("VALIDATION_FAILED", message, { fields: { documentType: message } });
    }
    const { priced } = priceContent(content, { rates: loa.rates, pricedOn: now, natoPlus: loa.caseRow.country.natoPlus === true, paymentsAfter: now });
    const problems = [
      ...submissionProblems(content, priced, shapeOf(loa.caseRow), loa.noteTitles),
      ...rateLockViolations(contentOf(base), content, requireRate(loa.rates, RATE_KEYS.adminSurcharge, now)).map((v) => v.message),
    ];
    if (problems.length) throw new AppError("VALIDATION_FAILED", `The change is not ready: ${problems.join("; ")}`);
    const all = await loadDocuments(tx, caseId);
    // Not counting itself: a change returned by DSCA keeps its type, and submitted again it keeps its number.
    const sameType = all.filter((other) => other.id !== doc.id && other.documentType === chosen && other.status !== "WITHDRAWN").length;
    await tx.caseDocument.update({
      where: { id: doc.id },
      data: {
        ...bump,
        status: "SUBMITTED",
        documentType: chosen,
        documentNumber: sameType + 1,
        changeReason: input.reason,
        pricedOn: startOfUtcDay(isoDay(now)),
        submittedAt: now,
      },
    });
    details = { documentType: chosen, proposal: classification.proposal, reason: input.reason ?? null };
  } else if (action === "approve") {
    const type = doc.documentType as DocumentType;
    if (approvedStatus(type) === "IMPLEMENTED") {
      // A Modification is in force at once: its new lines lock the rate of the day it is implemented, and its PDF
      // (with those rates) is stored and fingerprinted like an offered document's.
      await lockRates(tx, doc, now);
      const locked = await tx.caseDocument.findUniqueOrThrow({ where: { id: doc.id }, include: documentInclude });
      await offerDocument(tx, caseId, locked, now, "IMPLEMENTED");
    } else {
      await offerDocument(tx, caseId, doc, now);
    }
    details = { toStatus: approvedStatus(type) };
  } else if (action === "return") {
    await tx.caseDocument.update({ where: { id: doc.id }, data: { ...bump, status: "DRAFT", pricedOn: null, submittedAt: null } });
    details = { comment: input.comment ?? null };
  } else if (action === "accept") {
    await lockRates(tx, doc, now);
    await tx.caseDocument.update({
      where: { id: doc.id },
      data: { ...bump, status: "ACCEPTED", acceptedAt: now, acceptedByName: input.signerName, acceptedByTitle: input.signerTitle },
    });
    details = { signerName: input.signerName ?? null, signerTitle: input.signerTitle ?? null };
  } else {
    await tx.caseDocument.update({ where: { id: doc.id }, data: { ...bump, status: "WITHDRAWN" } });
  }

  // An accepted Amendment or implemented Modification is the new document in force: the case's value follows it.
  await refreshCaseValue(tx, caseId, now);
  const audited = await recordAudit(
    tx,
    { action: `loa.${action}`, outcome: "SUCCESS", actor, target: { type: "case", id: caseId }, details: { document: doc.number, ...details }, context },
    now,
  );
  if (signedDocument) {
    await recordDecisionSignature(tx, { caseId, identifier: loa.caseRow.identifier, decision: "loa.accept", actor, document: signedDocument, audited, now });
  }
  const saved = await tx.caseDocument.findUniqueOrThrow({ where: { id: doc.id }, include: documentInclude });
  const caseRow = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: loaCaseSelect });
  return toDocumentView(actor, saved, { ...loa, caseRow, documents: loa.documents.map((d) => (d.id === saved.id ? saved : d)) });
}
