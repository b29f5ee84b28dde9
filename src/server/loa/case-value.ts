// The case's stored value (ADR 0027): lists sort by it and dashboards sum it, so it is kept in the transaction of every
// change that moves a document's lines, prices or status rather than priced on each read.
// Free of `server-only`: the demo seed and the backfill command run it too.
import { valueDocumentOf } from "../../domain/loa/document-flow";
import { priceLoa } from "../../domain/pricing/price";
import { MissingRateError, type RateRow } from "../../domain/pricing/rates";
import type { Tx } from "../db";
import { contentOf, loadDocuments, loadRates, pricingDayOf, type DocumentRow } from "./loa-store";

/** The value a case's documents give it (null: no priced LOA yet, or rates missing for its pricing day). */
export function caseValueOf(documents: readonly DocumentRow[], rates: readonly RateRow[], now: Date): string | null {
  const doc = valueDocumentOf(documents);
  if (!doc || doc.lines.length === 0) return null;
  try {
    return priceLoa(contentOf(doc).lines, { rates, pricedOn: pricingDayOf(doc, now) }).summary.totalEstimatedCost;
  } catch (error) {
    // A draft priced on a day without rates cannot be valued; the builder shows that problem where it can be fixed.
    if (error instanceof MissingRateError) return null;
    throw error;
  }
}

/** Recomputes and stores the case's value; touches the row only when the value changed (no updated_at churn). */
export async function refreshCaseValue(tx: Tx, caseId: string, now: Date): Promise<void> {
  const value = caseValueOf(await loadDocuments(tx, caseId), await loadRates(tx), now);
  await tx.$executeRaw`UPDATE cases SET value = ${value}::numeric WHERE id = ${caseId}::uuid AND value IS DISTINCT FROM ${value}::numeric`;
}
