// The LOA save (src/server/loa/save-loa-draft.ts) inside the caller's transaction, at the moment the caller names.
// Free of `server-only` and `@/` imports: the demo seed (prisma/demo-changes.ts) walks backdated changes through it.
import Decimal from "decimal.js";
import { rateLockViolations, withLockedRates } from "../../domain/loa/changes";
import type { LoaContent } from "../../domain/loa/content";
import { validateLoaContent } from "../../domain/loa/validation";
import type { Actor } from "../../domain/policy";
import type { DocumentView, LoaDraftInput } from "../../domain/schemas/loa";
import { MissingRateError, RATE_KEYS, requireRate } from "../../domain/pricing/rates";
import { recordAudit } from "../audit";
import { lockCase } from "../cases/case-store";
import type { Tx } from "../db";
import { AppError, authorize as assertCan, notFound, versionConflict, type FieldErrors } from "../errors";
import type { RequestContext } from "../request-context";
import { copyDocument } from "./case-loa-sync";
import { refreshCaseValue } from "./case-value";
import { loadLoaContext } from "./loa-access";
import { contentColumns, contentOf, documentInclude, loaCaseSelect, priceContent, replaceLines, shapeOf, toDocumentView, type DocumentRow } from "./loa-store";
import { endedCaseReason, inForceOf, offeredChangeOf, offeredChangeReason, workingDraftOf } from "../../domain/loa/document-flow";

/**
 * Saves the working LOA inside the caller's transaction: lock the case → authorize (another country's case is 404,
 * another agency's 403) → compare the version → validate the whole content (field-named errors, nothing half-saved)
 * → after acceptance, start an Amendment/Modification draft and enforce the rate lock → save the lines → audit.
 */
export async function saveLoaDraftInTx(
  tx: Tx,
  actor: Actor,
  caseId: string,
  input: LoaDraftInput,
  context: RequestContext,
  now: Date,
): Promise<DocumentView> {
  if (!(await lockCase(tx, caseId))) throw notFound("Case");
  const loa = await loadLoaContext(tx, actor, caseId, now);
  assertCan(actor, "viewLoaInternals", loa.subject, "Case");
  assertCan(actor, "editLoa", loa.subject, "Case");

  const ended = endedCaseReason(loa.caseRow.status);
  if (ended) throw new AppError("CONFLICT", ended);
  const draft = workingDraftOf(loa.documents);
  const offeredChange = draft ? null : offeredChangeOf(loa.documents);
  if (offeredChange) throw new AppError("CONFLICT", offeredChangeReason(loa.caseRow.identifier, offeredChange));
  const base = inForceOf(loa.documents);
  const target = draft ?? base;
  if (!target) throw new AppError("CONFLICT", "This LOA has been offered and is waiting for the partner; it cannot be edited now");
  if (target.status === "SUBMITTED") throw new AppError("CONFLICT", "This LOA is in review; it can change again if a reviewer returns it");
  if (target.version !== input.expectedVersion) throw versionConflict(target.version);

  const isBasic = target.documentType === "BASIC" && target.status === "DRAFT";
  const clssa = await clssaColumns(tx, loa.caseRow, input, isBasic);
  const shape = shapeOf({ caseType: loa.caseRow.caseType, clssaPart: clssa?.clssaPart ?? loa.caseRow.clssaPart });
  const changeBase = isBasic ? null : draft ? (loa.documents.find((doc) => doc.id === draft.baseDocumentId) ?? base) : base;
  const content: LoaContent = {
    description: input.description,
    customerReference: input.customerReference,
    termsOfSale: input.termsOfSale,
    initialDepositPercent: new Decimal(input.initialDepositPercent).toString(),
    paymentQuarters: input.paymentQuarters,
    notes: input.notes,
    lines: withLockedRates(input.lines, changeBase ? contentOf(changeBase).lines : null),
  };

  const errors: FieldErrors = {};
  for (const issue of validateLoaContent(content, shape)) errors[issue.path] ??= issue.message;
  if (changeBase) {
    const current = currentAdminRate(loa.rates, now);
    for (const violation of rateLockViolations(contentOf(changeBase), content, current)) {
      const index = content.lines.findIndex((line) => line.lineNumber === violation.lineNumber);
      errors[`lines.${index}.${violation.field}`] ??= violation.message;
    }
  }
  try {
    priceContent(content, { rates: loa.rates, pricedOn: now, natoPlus: loa.caseRow.country.natoPlus === true, paymentsAfter: now });
  } catch (error) {
    if (error instanceof MissingRateError) throw new AppError("CONFLICT", error.message);
    throw error;
  }
  if (Object.keys(errors).length) {
    throw new AppError("VALIDATION_FAILED", `The LOA has ${Object.keys(errors).length} problem(s); nothing was saved`, { fields: errors });
  }

  let doc: DocumentRow = target;
  if (!draft) {
    doc = await copyDocument(tx, target, loa.documents, { documentType: null, documentNumber: null, createdById: actor.userId });
  }
  const updated = await tx.caseDocument.updateMany({
    where: { id: doc.id, version: doc.version },
    data: { ...contentColumns(content), version: { increment: 1 } },
  });
  if (updated.count === 0) throw versionConflict(doc.version + 1);
  await replaceLines(tx, doc.id, content.lines);
  await refreshCaseValue(tx, caseId, now);
  if (clssa) await tx.case.update({ where: { id: caseId }, data: clssa });

  await recordAudit(
    tx,
    {
      action: draft ? "loa.save" : "loa.change-started",
      outcome: "SUCCESS",
      actor,
      target: { type: "case", id: caseId },
      details: { document: doc.number, lines: content.lines.length, ...(draft ? {} : { baseDocument: target.number }) },
      context,
    },
    now,
  );
  const saved = await tx.caseDocument.findUniqueOrThrow({ where: { id: doc.id }, include: documentInclude });
  const caseRow = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: loaCaseSelect });
  const documents = loa.documents.filter((d) => d.id !== saved.id).concat(saved);
  return toDocumentView(actor, saved, { ...loa, caseRow, documents });
}

function currentAdminRate(rates: Parameters<typeof requireRate>[0], now: Date) {
  try {
    return requireRate(rates, RATE_KEYS.adminSurcharge, now);
  } catch (error) {
    if (error instanceof MissingRateError) throw new AppError("CONFLICT", error.message);
    throw error;
  }
}

/** CLSSA cases say which part they are; an FMSO II case names the same country's FMSO I case it draws on. */
async function clssaColumns(tx: Tx, caseRow: { id: string; caseType: string; countryId: string }, input: LoaDraftInput, isBasic: boolean) {
  if (caseRow.caseType !== "CLSSA") {
    if (input.clssaPart || input.linkedCaseIdentifier) throw fieldErrorFor("clssaPart", "Only CLSSA cases have an FMSO part");
    return null;
  }
  if (!isBasic) return null;
  if (input.clssaPart !== "FMSO_II") {
    if (input.linkedCaseIdentifier) throw fieldErrorFor("linkedCaseIdentifier", "Only an FMSO II case links to an FMSO I case");
    return { clssaPart: input.clssaPart, linkedCaseId: null };
  }
  if (!input.linkedCaseIdentifier) throw fieldErrorFor("linkedCaseIdentifier", "Name the FMSO I case this FMSO II case draws on, like BN-B-AAA");
  const linked = await tx.case.findUnique({
    where: { identifier: input.linkedCaseIdentifier.toUpperCase() },
    select: { id: true, countryId: true, caseType: true, clssaPart: true },
  });
  if (!linked || linked.countryId !== caseRow.countryId || linked.caseType !== "CLSSA" || linked.clssaPart !== "FMSO_I") {
    throw fieldErrorFor("linkedCaseIdentifier", `${input.linkedCaseIdentifier} is not an FMSO I case of the same country`);
  }
  return { clssaPart: "FMSO_II" as const, linkedCaseId: linked.id };
}

const fieldErrorFor = (field: string, message: string) => new AppError("VALIDATION_FAILED", message, { fields: { [field]: message } });
