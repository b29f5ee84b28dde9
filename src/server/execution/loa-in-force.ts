// The LOA document in force on a case after acceptance — the latest accepted or implemented basic LOA, Amendment or
// Modification — with its lines priced at their locked rates. Execution, billing and closure all measure against it.
// Free of `server-only`: the demo seed uses it.
import { lineKindOf, type LineKind } from "../../domain/execution/line-kind";
import type { LoaLine } from "../../domain/loa/content";
import type { PaymentSchedule } from "../../domain/pricing/payment-schedule";
import type { PricedLine } from "../../domain/pricing/price";
import type { Tx } from "../db";
import { contentOf, loadDocuments, loadRates, pricingDayOf, priceContent, type DocumentRow } from "../loa/loa-store";

export interface LineInForce {
  line: LoaLine;
  priced: PricedLine;
  kind: LineKind;
}

export interface LoaInForce {
  document: DocumentRow;
  /** Executable lines: sublines and lines without sublines (a header line's amounts are its sublines' sums). */
  lines: LineInForce[];
  schedule: PaymentSchedule;
  totalEstimatedCost: string;
}

const IN_FORCE = new Set(["ACCEPTED", "IMPLEMENTED"]);

/**
 * The latest accepted or implemented document; before the first acceptance, the basic LOA on offer (what the partner
 * is about to accept, so the accept form can show the deposit it calls for). An Amendment on offer is not in force.
 */
/** What pricing the LOA in force needs from the case; a caller that has already read it passes it in. */
export interface LoaCaseFacts {
  offerExpiresAt: Date | null;
  country: { natoPlus: boolean | null };
}

export async function loadLoaInForce(tx: Tx, caseId: string, known?: LoaCaseFacts): Promise<LoaInForce | null> {
  const [all, caseRow] = await Promise.all([
    loadDocuments(tx, caseId),
    known ??
      tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { offerExpiresAt: true, country: { select: { natoPlus: true } } } }),
  ]);
  const documents = [...all].reverse();
  const document =
    documents.find((doc) => IN_FORCE.has(doc.status)) ?? documents.find((doc) => doc.documentType === "BASIC" && doc.status === "OFFERED");
  if (!document) return null;
  const content = contentOf(document);
  const pricedOn = pricingDayOf(document, document.acceptedAt ?? new Date());
  const { priced, schedule } = priceContent(content, {
    rates: await loadRates(tx),
    pricedOn,
    natoPlus: caseRow.country.natoPlus === true,
    // The same schedule the partner accepted (toDocumentView): quarterly calls after the offer expiration date.
    paymentsAfter: caseRow.offerExpiresAt ?? pricedOn,
  });
  const lines = content.lines
    .map((line, index) => ({ line, priced: priced.lines[index]!, kind: lineKindOf(line) }))
    .filter((entry) => !entry.priced.isHeader);
  return { document, lines, schedule, totalEstimatedCost: priced.summary.totalEstimatedCost };
}
