// Builders for the LOA integration tests: the PUT body from a content or a document view, thin wrappers around the
// LOA use cases with a fresh request context, stored-row look-ups and the text of a PDF.
import { createHash } from "node:crypto";
import { extractText } from "unpdf";
import type { LoaContent, LoaLine, LoaNote } from "@/domain/loa/content";
import type { Actor } from "@/domain/policy";
import type { DocumentView } from "@/domain/schemas/loa";
import type { PrismaClient } from "@/generated/prisma/client";
import { getWorkingLoa } from "@/server/loa/get-working-loa";
import { performDocumentAction } from "@/server/loa/perform-document-action";
import { saveLoaDraft } from "@/server/loa/save-loa-draft";
import { context } from "./helpers";

type Db = PrismaClient;

/** Content as the PUT body carries it: the form never sends a locked rate. */
type ContentLike = Pick<LoaContent, "description" | "customerReference" | "termsOfSale" | "initialDepositPercent" | "paymentQuarters"> & {
  lines: readonly (Omit<LoaLine, "internalNote"> & { internalNote?: string | null })[];
  notes: readonly LoaNote[];
};

export function draftInput(content: ContentLike, expectedVersion: number, extra: Record<string, unknown> = {}) {
  return {
    expectedVersion,
    description: content.description,
    customerReference: content.customerReference,
    termsOfSale: content.termsOfSale.map((share) => ({ term: share.term, amount: share.amount })),
    initialDepositPercent: content.initialDepositPercent,
    paymentQuarters: content.paymentQuarters,
    lines: content.lines.map(({ adminRate: _rate, rateLockedOn: _locked, ...line }) => ({ ...line, internalNote: line.internalNote ?? null })),
    notes: content.notes.map((note) => ({ ...note })),
    ...extra,
  };
}

/** A document view's content (lines in the order shown), to edit and send back. */
export function contentOfView(view: DocumentView): ContentLike {
  return {
    description: view.description,
    customerReference: view.customerReference,
    termsOfSale: view.termsOfSaleInput,
    initialDepositPercent: view.initialDepositPercent,
    paymentQuarters: view.paymentQuarters,
    lines: view.lines.map((line) => ({ ...line, unitOfIssue: line.unitOfIssue, internalNote: line.internalNote ?? null })) as ContentLike["lines"],
    notes: view.notes,
  };
}

export const save = (actor: Actor, caseId: string, body: unknown) => saveLoaDraft(actor, caseId, body, context());

export const working = (actor: Actor, caseId: string) => getWorkingLoa(actor, caseId);

/** Saves `edit(current content)` on top of the working LOA with the version it shows. */
export async function saveEdit(actor: Actor, caseId: string, edit: (content: ContentLike) => ContentLike, extra: Record<string, unknown> = {}) {
  const current = await working(actor, caseId);
  return save(actor, caseId, draftInput(edit(contentOfView(current.document)), current.document.version, extra));
}

export const docAction = (actor: Actor, caseId: string, number: number, action: string, input: Record<string, unknown>) =>
  performDocumentAction(actor, caseId, String(number), action, input, context());

export const documentRow = (prisma: Db, caseId: string, number: number) =>
  prisma.caseDocument.findUniqueOrThrow({ where: { caseId_number: { caseId, number } }, include: { lines: { orderBy: { position: "asc" } } } });

export const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** All the text of a PDF, pages joined (a copy of the bytes is parsed: pdf.js takes ownership of its buffer). */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const { text } = await extractText(new Uint8Array(bytes), { mergePages: true });
  return text;
}

export const todayIso = () => new Date().toISOString().slice(0, 10);
export const dayStart = (offsetDays = 0) => new Date(`${todayIso()}T00:00:00Z`).getTime() + offsetDays * 86_400_000;
