import "server-only";
import type { Actor } from "@/domain/policy";
import type { DocumentSummaryView } from "@/domain/schemas/loa";
import { db } from "../db";
import { loadLoaContext } from "./loa-access";
import { contentOf, priceContent, pricingDayOf, summaryView } from "./loa-store";

/** The case's LOA documents, oldest first: the partner sees only what was offered to them. */
export async function listDocuments(actor: Actor, caseId: string): Promise<DocumentSummaryView[]> {
  const now = new Date();
  const context = await loadLoaContext(db(), actor, caseId, now);
  return context.documents.map((doc) => {
    const pricedOn = pricingDayOf(doc, now);
    const { priced } = priceContent(contentOf(doc), { rates: context.rates, pricedOn, natoPlus: context.caseRow.country.natoPlus === true, paymentsAfter: pricedOn });
    return summaryView(context.caseRow, doc, priced.summary.totalEstimatedCost);
  });
}
