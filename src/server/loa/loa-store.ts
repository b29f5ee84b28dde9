// The LOA documents' storage and the one place a stored document becomes content, prices and a view.
// Free of `server-only` so the demo seed and the case workflow's transaction use the same code as the app.
import Decimal from "decimal.js";
import { classifyChanges } from "../../domain/loa/changes";
import {
  documentDisplayName,
  type ClssaPart,
  type DeliveryTermCode,
  type DocumentStatus,
  type DocumentType,
  type SourceOfSupply,
  type TypeOfAssistance,
} from "../../domain/loa/codes";
import type { LoaContent, LoaLine, LoaNote, TermOfSaleShare } from "../../domain/loa/content";
import { availableDocumentActions, endedCaseReason } from "../../domain/loa/document-flow";
import { submissionProblems, termsOfSaleBreakout, type LoaShape } from "../../domain/loa/validation";
import type { LoaType } from "../../domain/lor/codes";
import { can, type Actor } from "../../domain/policy";
import type { DocumentSummaryView, DocumentView, PricingQuoteView } from "../../domain/schemas/loa";
import { notificationDetermination } from "../../domain/pricing/notification";
import { paymentSchedule } from "../../domain/pricing/payment-schedule";
import { priceLoa } from "../../domain/pricing/price";
import type { RateRow } from "../../domain/pricing/rates";
import { isoDay, startOfUtcDay } from "../../domain/sla";
import { caseSubject } from "../../domain/workflow/engine";
import type { Prisma } from "../../generated/prisma/client";
import type { Tx } from "../db";

export const documentInclude = { lines: { orderBy: { position: "asc" } } } satisfies Prisma.CaseDocumentInclude;
export type DocumentRow = Prisma.CaseDocumentGetPayload<{ include: typeof documentInclude }>;

export const loaCaseSelect = {
  id: true,
  identifier: true,
  caseType: true,
  status: true,
  clssaPart: true,
  countryId: true,
  implementingAgencyId: true,
  offerExpiresAt: true,
  signerName: true,
  signerTitle: true,
  signedOn: true,
  agencySignedAt: true,
  countersignedAt: true,
  country: { select: { code: true, name: true, natoPlus: true } },
  implementingAgency: { select: { code: true, name: true } },
  linkedCase: { select: { identifier: true } },
} satisfies Prisma.CaseSelect;
export type LoaCaseRow = Prisma.CaseGetPayload<{ select: typeof loaCaseSelect }>;

const amount = (value: Prisma.Decimal | null) => (value === null ? null : value.toFixed(2));
const fraction = (value: Prisma.Decimal | null) => (value === null ? null : new Decimal(value.toString()).toString());

export function lineOf(row: DocumentRow["lines"][number]): LoaLine {
  return {
    lineNumber: row.lineNumber,
    genericCode: row.genericCode,
    maslNumber: row.maslNumber,
    description: row.description,
    quantity: row.quantity,
    unitOfIssue: row.unitOfIssue,
    unitCost: amount(row.unitCost),
    value: amount(row.value),
    sourceOfSupply: row.sourceOfSupply as SourceOfSupply,
    typeOfAssistance: row.typeOfAssistance as TypeOfAssistance,
    monthsOfService: row.monthsOfService,
    deliveryTermCode: row.deliveryTermCode as DeliveryTermCode | null,
    mde: row.mde,
    sme: row.sme,
    designConstruction: row.designConstruction,
    procurementShare: fraction(row.procurementShare),
    ncPerUnit: amount(row.ncPerUnit),
    ncWaived: row.ncWaived,
    ncWaiverReason: row.ncWaiverReason,
    note: row.note,
    internalNote: row.internalNote,
    adminRate: fraction(row.adminRate),
    rateLockedOn: row.rateLockedOn ? isoDay(row.rateLockedOn) : null,
    priceOnlyIncrease: row.priceOnlyIncrease,
  };
}

export function contentOf(row: DocumentRow): LoaContent {
  return {
    description: row.description,
    customerReference: row.customerReference,
    termsOfSale: row.termsOfSale as unknown as TermOfSaleShare[],
    initialDepositPercent: new Decimal(row.initialDepositPercent.toString()).toString(),
    paymentQuarters: row.paymentQuarters,
    lines: row.lines.map(lineOf),
    notes: row.notes as unknown as LoaNote[],
  };
}

/** The columns of a document's lines, in order. */
export function lineRows(documentId: string, lines: readonly LoaLine[]): Prisma.CaseDocumentLineCreateManyInput[] {
  return lines.map((line, position) => ({
    documentId,
    position,
    lineNumber: line.lineNumber,
    genericCode: line.genericCode,
    maslNumber: line.maslNumber,
    description: line.description,
    quantity: line.quantity,
    unitOfIssue: line.unitOfIssue,
    unitCost: line.unitCost,
    value: line.value,
    sourceOfSupply: line.sourceOfSupply,
    typeOfAssistance: line.typeOfAssistance,
    monthsOfService: line.monthsOfService,
    deliveryTermCode: line.deliveryTermCode,
    mde: line.mde,
    sme: line.sme,
    designConstruction: line.designConstruction,
    procurementShare: line.procurementShare,
    ncPerUnit: line.ncPerUnit,
    ncWaived: line.ncWaived,
    ncWaiverReason: line.ncWaiverReason,
    note: line.note,
    internalNote: line.internalNote,
    adminRate: line.adminRate,
    rateLockedOn: line.rateLockedOn ? startOfUtcDay(line.rateLockedOn) : null,
    priceOnlyIncrease: line.priceOnlyIncrease,
  }));
}

/** The document columns content maps to. */
export function contentColumns(content: LoaContent) {
  return {
    description: content.description,
    customerReference: content.customerReference,
    termsOfSale: content.termsOfSale as unknown as Prisma.InputJsonArray,
    initialDepositPercent: content.initialDepositPercent,
    paymentQuarters: content.paymentQuarters,
    notes: content.notes as unknown as Prisma.InputJsonArray,
  };
}

export async function replaceLines(tx: Tx, documentId: string, lines: readonly LoaLine[]) {
  await tx.caseDocumentLine.deleteMany({ where: { documentId } });
  if (lines.length) await tx.caseDocumentLine.createMany({ data: lineRows(documentId, lines) });
}

export async function loadRates(tx: Tx): Promise<RateRow[]> {
  const rows = await tx.pricingRate.findMany({ orderBy: [{ key: "asc" }, { effectiveFrom: "asc" }] });
  return rows.map((row) => ({ key: row.key, value: new Decimal(row.value.toString()).toString(), effectiveFrom: row.effectiveFrom, effectiveTo: row.effectiveTo }));
}

export async function loadNoteTitles(tx: Tx): Promise<Record<string, string>> {
  const notes = await tx.loaNoteTemplate.findMany({ select: { key: true, title: true } });
  return Object.fromEntries(notes.map((note) => [note.key, note.title]));
}

export const loadDocuments = (tx: Tx, caseId: string) =>
  tx.caseDocument.findMany({ where: { caseId }, include: documentInclude, orderBy: { number: "asc" } });

export const shapeOf = (row: Pick<LoaCaseRow, "caseType" | "clssaPart">): LoaShape => ({
  caseType: row.caseType as LoaType,
  clssaPart: row.clssaPart as ClssaPart | null,
});

/** The day a document is priced on: frozen once it leaves the draft; today while it is being drafted. */
export const pricingDayOf = (document: Pick<DocumentRow, "pricedOn">, now: Date) => document.pricedOn ?? startOfUtcDay(isoDay(now));

/** Prices content: every charge, the notification determination and the payment schedule. */
export function priceContent(content: LoaContent, options: { rates: readonly RateRow[]; pricedOn: Date; natoPlus: boolean; paymentsAfter: Date }) {
  const priced = priceLoa(content.lines, { rates: options.rates, pricedOn: options.pricedOn });
  const notification = notificationDetermination(content.lines, priced, { natoPlus: options.natoPlus, rates: options.rates, on: options.pricedOn });
  const schedule = paymentSchedule({
    total: priced.summary.totalEstimatedCost,
    termsOfSale: content.termsOfSale,
    initialDepositPercent: content.initialDepositPercent,
    quarters: content.paymentQuarters,
    startsAfter: options.paymentsAfter,
  });
  const quote: PricingQuoteView = { pricedOn: isoDay(options.pricedOn), ...priced, notification };
  return { priced, quote, schedule, breakout: termsOfSaleBreakout(content.termsOfSale, priced.summary.totalEstimatedCost) };
}

export function documentName(caseIdentifier: string, doc: Pick<DocumentRow, "documentType" | "documentNumber">) {
  return documentDisplayName(caseIdentifier, doc.documentType as DocumentType | null, doc.documentNumber ?? 0);
}

export function summaryView(caseRow: Pick<LoaCaseRow, "identifier">, doc: DocumentRow, total: string): DocumentSummaryView {
  return {
    number: doc.number,
    documentType: doc.documentType as DocumentType | null,
    documentNumber: doc.documentNumber,
    name: documentName(caseRow.identifier, doc),
    status: doc.status as DocumentStatus,
    version: doc.version,
    pricedOn: doc.pricedOn ? isoDay(doc.pricedOn) : null,
    totalEstimatedCost: total,
    changeReason: doc.changeReason,
    pdfSha256: doc.pdfSha256,
    offeredAt: doc.offeredAt?.toISOString() ?? null,
    acceptedAt: doc.acceptedAt?.toISOString() ?? null,
    implementedAt: doc.implementedAt?.toISOString() ?? null,
    updatedAt: doc.updatedAt.toISOString(),
  };
}

export interface DocumentContext {
  caseRow: LoaCaseRow;
  documents: DocumentRow[];
  rates: RateRow[];
  noteTitles: Record<string, string>;
  now: Date;
}

/**
 * The document as the API and screens show it. Partners never get internal notes or internal pricing notes; the
 * problems list and change classification are for agency and DSCA staff.
 */
/** `"print"` is the printed LOA: what the partner receives, with no internal notes and no actions. */
export function toDocumentView(actor: Actor | "print", doc: DocumentRow, context: DocumentContext): DocumentView {
  const { caseRow } = context;
  const content = contentOf(doc);
  const pricedOn = pricingDayOf(doc, context.now);
  const { quote, schedule, breakout, priced } = priceContent(content, {
    rates: context.rates,
    pricedOn,
    natoPlus: caseRow.country.natoPlus === true,
    paymentsAfter: caseRow.offerExpiresAt ?? pricedOn,
  });
  const internals = actor !== "print" && can(actor, "viewLoaInternals");
  const shape = shapeOf(caseRow);
  const isChange = doc.documentType !== "BASIC";
  const base = isChange ? context.documents.find((other) => other.id === doc.baseDocumentId) ?? null : null;
  const classification = base && internals ? classifyChanges(contentOf(base), content) : null;
  const subject = caseSubject({ countryId: caseRow.countryId, agencyId: caseRow.implementingAgencyId });
  return {
    ...summaryView(caseRow, doc, priced.summary.totalEstimatedCost),
    caseId: caseRow.id,
    caseIdentifier: caseRow.identifier,
    caseType: caseRow.caseType as LoaType,
    clssaPart: caseRow.clssaPart as ClssaPart | null,
    linkedCaseIdentifier: caseRow.linkedCase?.identifier ?? null,
    description: content.description,
    customerReference: content.customerReference,
    offerExpiresAt: caseRow.offerExpiresAt?.toISOString() ?? null,
    termsOfSale: breakout.rows,
    termsOfSaleInput: content.termsOfSale,
    initialDepositPercent: content.initialDepositPercent,
    paymentQuarters: content.paymentQuarters,
    lines: content.lines.map((line) => (internals ? line : { ...line, internalNote: undefined })),
    notes: internals ? content.notes : content.notes.filter((note) => !note.internal),
    pricing: quote,
    paymentSchedule: schedule,
    problems: internals && doc.status === "DRAFT" ? submissionProblems(content, priced, shape, context.noteTitles) : [],
    changes: classification && base ? { baseNumber: base.number, proposal: classification.proposal, reason: classification.reason, items: classification.changes } : null,
    availableActions:
      actor === "print"
        ? []
        : availableDocumentActions(
            { documentType: doc.documentType as DocumentType | null, status: doc.status as DocumentStatus },
            (permission) => can(actor, permission, subject),
          ).filter((action) => action === "withdraw" || !endedCaseReason(caseRow.status)),
  };
}

