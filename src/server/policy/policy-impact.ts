// The impact preview of a proposed rate or threshold (issue 13): every open LOA document (draft, in review or offered —
// not yet accepted) whose total or notification requirement the proposal would change, compared as each would stand
// on the effective date. Computed once per proposal (and again on request), a batch of documents at a time, and kept in
// policy_change_impacts so the preview pages through it; at 100,000 cases that is some 40,000 documents.
// Free of `server-only` and `@/` imports: the demo seed computes its proposal's preview the way the app does.
import Decimal from "decimal.js";
import { notificationDetermination } from "../../domain/pricing/notification";
import { priceLoa } from "../../domain/pricing/price";
import { MissingRateError, RATE_KEYS, rateOn, type RateRow } from "../../domain/pricing/rates";
import { earliestEffectiveDay } from "../../domain/policy-rows";
import type { Prisma, PrismaClient } from "../../generated/prisma/client";
import { documentName, lineOf, loadRates } from "../loa/loa-store";

export interface ImpactTotals {
  pricedOn: Date;
  documents: number;
  notificationChanges: number;
  totalBefore: string;
  totalAfter: string;
}

/** Documents whose price can still change: accepted lines keep their locked rates. */
export const OPEN_DOCUMENT_STATUSES = ["DRAFT", "SUBMITTED", "OFFERED"] as const;
const BATCH = 500;

/** The day the preview compares on: the effective date, or today if that has come. */
export const impactDay = (effectiveFrom: Date, now: Date) => {
  const today = earliestEffectiveDay(now);
  return effectiveFrom > today ? effectiveFrom : today;
};

const documentInclude = {
  lines: { orderBy: { position: "asc" } },
  case: { select: { identifier: true, country: { select: { natoPlus: true } } } },
} satisfies Prisma.CaseDocumentInclude;
type ImpactDocument = Prisma.CaseDocumentGetPayload<{ include: typeof documentInclude }>;

/**
 * A document's total and notification requirement as it would stand on `day` with `rates`: a draft is priced that day;
 * a document in review or offered keeps the pricing day frozen when it left the draft, but its lines not yet accepted
 * take the administrative surcharge in force when the partner accepts (the rate lock), i.e. on `day` at the earliest.
 * Null when it cannot be priced with these rates (a row missing on that day).
 */
function standing(doc: ImpactDocument, rates: readonly RateRow[], day: Date) {
  const adminRate = rateOn(rates, RATE_KEYS.adminSurcharge, day);
  const lines = doc.lines.map(lineOf).map((line) => (line.adminRate !== null ? line : { ...line, adminRate }));
  const pricedOn = doc.pricedOn ?? day;
  try {
    const priced = priceLoa(lines, { rates, pricedOn });
    const notification = notificationDetermination(lines, priced, { natoPlus: doc.case.country.natoPlus === true, rates, on: pricedOn });
    return { total: priced.summary.totalEstimatedCost, notification: notification.required };
  } catch (error) {
    if (error instanceof MissingRateError) return null;
    throw error;
  }
}

/**
 * (Re)computes a pricing-rate proposal's impact. Outside a transaction on purpose: it reads every open document, a batch
 * at a time, and marks the preview complete (impactComputedAt) only at the end, so a page never shows half of it as all.
 */
export async function computePolicyImpact(
  client: PrismaClient,
  change: { id: string; key: string; value: Prisma.Decimal | null; effectiveFrom: Date },
  now = new Date(),
) {
  await client.policyChange.update({ where: { id: change.id }, data: { impactComputedAt: null } });
  await client.policyChangeImpact.deleteMany({ where: { policyChangeId: change.id } });
  if (change.value !== null) {
    const before = await loadRates(client);
    const after: RateRow[] = [...before, { key: change.key, value: new Decimal(change.value.toString()).toString(), effectiveFrom: change.effectiveFrom, effectiveTo: null }];
    const day = impactDay(change.effectiveFrom, now);
    let cursor: string | null = null;
    for (;;) {
      const docs: ImpactDocument[] = await client.caseDocument.findMany({
        where: { status: { in: [...OPEN_DOCUMENT_STATUSES] }, ...(cursor ? { id: { gt: cursor } } : {}) },
        orderBy: { id: "asc" },
        take: BATCH,
        include: documentInclude,
      });
      const impacts = docs.flatMap((doc): Prisma.PolicyChangeImpactCreateManyInput[] => {
        const was = standing(doc, before, day);
        const will = standing(doc, after, day);
        if (!was || !will || (was.total === will.total && was.notification === will.notification)) return [];
        return [
          {
            policyChangeId: change.id,
            documentId: doc.id,
            caseId: doc.caseId,
            caseIdentifier: doc.case.identifier,
            documentName: documentName(doc.case.identifier, doc),
            documentStatus: doc.status,
            totalBefore: was.total,
            totalAfter: will.total,
            notificationBefore: was.notification,
            notificationAfter: will.notification,
          },
        ];
      });
      if (impacts.length > 0) await client.policyChangeImpact.createMany({ data: impacts, skipDuplicates: true });
      if (docs.length < BATCH) break;
      cursor = docs[docs.length - 1]!.id;
    }
  }
  await client.policyChange.update({ where: { id: change.id }, data: { impactComputedAt: new Date() } });
}

/** The preview's totals, in one aggregate over the stored rows. */
export async function impactTotals(
  client: PrismaClient,
  change: { id: string; effectiveFrom: Date; impactComputedAt: Date | null },
  now = new Date(),
): Promise<ImpactTotals | null> {
  if (!change.impactComputedAt) return null;
  const [row] = await client.$queryRaw<{ documents: bigint; notification_changes: bigint; total_before: string | null; total_after: string | null }[]>`
    SELECT count(*) AS documents,
           count(*) FILTER (WHERE notification_before <> notification_after) AS notification_changes,
           sum(total_before)::text AS total_before,
           sum(total_after)::text AS total_after
      FROM policy_change_impacts WHERE policy_change_id = ${change.id}::uuid`;
  const money = (value: string | null | undefined) => new Decimal(value ?? "0").toFixed(2);
  return {
    pricedOn: impactDay(change.effectiveFrom, now),
    documents: Number(row?.documents ?? 0),
    notificationChanges: Number(row?.notification_changes ?? 0),
    totalBefore: money(row?.total_before),
    totalAfter: money(row?.total_after),
  };
}
