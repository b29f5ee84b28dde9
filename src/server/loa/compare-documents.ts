import "server-only";
import { compareVersions, describeComparison, versionLabel, type PricedVersion } from "@/domain/loa/compare";
import type { DocumentType } from "@/domain/loa/codes";
import { inForceOf } from "@/domain/loa/document-flow";
import { can, type Actor } from "@/domain/policy";
import { CompareDocumentsQuery, type DocumentComparisonView } from "@/domain/schemas/loa";
import { isoDay } from "@/domain/sla";
import { db } from "../db";
import { AppError, parseInput } from "../errors";
import { loadLoaContext } from "./loa-access";
import { contentOf, priceContent, pricingDayOf, summaryView, type DocumentContext, type DocumentRow } from "./loa-store";

/**
 * Two versions of a case's LOA side by side (issue 18 item 7), each priced on its own pricing day. Another country's
 * case is a 404 (loadLoaContext); a partner compares only documents offered to them — a draft's number is a 404 for
 * them, exactly as GET /documents/{number} answers — and never sees internal notes or the classifier's proposal.
 */
export async function compareDocuments(actor: Actor, caseId: string, query: unknown): Promise<DocumentComparisonView> {
  const context = await loadLoaContext(db(), actor, caseId, new Date());
  // Parsed after the case is authorized, so another country's case answers 404 whatever the query says.
  const { from, to } = parseInput(CompareDocumentsQuery, query);
  const { documents } = context;
  const later = to !== undefined ? pick(documents, to, "to") : defaultLater(documents);
  const earlier = from !== undefined ? pick(documents, from, "from") : defaultEarlier(documents, later);

  const internals = can(actor, "viewLoaInternals");
  const before = priced(earlier, context);
  const after = priced(later, context);
  const comparison = compareVersions(before.version, after.version, { internals });
  const side = (row: DocumentRow, version: typeof before) => ({
    ...summaryView(context.caseRow, row, version.version.summary.totalEstimatedCost),
    label: versionLabel(row.documentType as DocumentType | null, row.documentNumber),
    pricedOnUsed: isoDay(version.pricedOn),
  });
  const fromView = side(earlier, before);
  const toView = side(later, after);
  return {
    caseId: context.caseRow.id,
    caseIdentifier: context.caseRow.identifier,
    from: fromView,
    to: toView,
    ...comparison,
    summary: describeComparison(comparison, { from: fromView.label, to: toView.label }),
    classification: internals ? comparison.classification : null,
  };
}

/** A number the caller named: a document they cannot see does not exist for them (the same plain 404 as findDocument). */
function pick(documents: readonly DocumentRow[], number: number, field: "from" | "to"): DocumentRow {
  const doc = documents.find((candidate) => candidate.number === number);
  if (!doc) throw new AppError("NOT_FOUND", `Document ${number} not found`, { fields: { [field]: `This case has no document ${number}` } });
  return doc;
}

/** The latest version that still counts: a withdrawn change is only compared when asked for by number. */
function defaultLater(documents: readonly DocumentRow[]): DocumentRow {
  const latest = [...documents].reverse().find((doc) => doc.status !== "WITHDRAWN") ?? documents.at(-1);
  if (!latest) throw new AppError("NOT_FOUND", "Document not found");
  return latest;
}

/** The document in force; when that is the latest version itself, the version before it (so the default shows a change). */
function defaultEarlier(documents: readonly DocumentRow[], later: DocumentRow): DocumentRow {
  const inForce = inForceOf(documents);
  if (inForce && inForce.number !== later.number) return inForce;
  const previous = [...documents].reverse().find((doc) => doc.number < later.number && doc.status !== "WITHDRAWN");
  return previous ?? later;
}

function priced(row: DocumentRow, context: DocumentContext): { version: PricedVersion; pricedOn: Date } {
  const content = contentOf(row);
  const pricedOn = pricingDayOf(row, context.now);
  const { priced: prices, quote } = priceContent(content, {
    rates: context.rates,
    pricedOn,
    natoPlus: context.caseRow.country.natoPlus === true,
    paymentsAfter: context.caseRow.offerExpiresAt ?? pricedOn,
  });
  return { version: { content, lines: prices.lines, summary: prices.summary, notification: quote.notification }, pricedOn };
}
