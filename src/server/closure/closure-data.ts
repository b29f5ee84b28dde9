// The data closure readiness is computed from (src/domain/execution/closure.ts), read in a handful of per-case queries:
// billing's facts (the LOA in force, what was obligated and expended on each line, credits), the deposits and
// payments, the SSC declarations, the SDRs not yet closed with the reconsideration window in force, the annual
// reviews. Free of `server-only` and `@/` imports: the workflow's facts and the demo seed use it.
import Decimal from "decimal.js";
import { closureReadiness, type ClosureInput, type ClosureLineInput, type ClosureReadiness, type ClosureType } from "../../domain/execution/closure";
import { reconsiderationDeadline, SDR_RULE_KEYS, type SdrPolicyRule } from "../../domain/execution/sdr";
import { toAmount } from "../../domain/money";
import type { CaseStatus } from "../../domain/workflow/states";
import { isoDay, startOfUtcDay } from "../../domain/sla";
import type { Tx } from "../db";
import { loadBillingFacts } from "../finance/finance-store";

const NO_SCHEDULE = { initialDeposit: "0.00", rows: [] };

export interface ClosureCaseRow {
  id: string;
  identifier: string;
  status: CaseStatus;
  countryId: string;
  implementingAgencyId: string;
  closureType: ClosureType | null;
  closureSuspenseAmount: string | null;
  supplyCompleteAt: Date | null;
  closedAt: Date | null;
  reopenedAt: Date | null;
  version: number;
}

export interface ClosureData {
  caseRow: ClosureCaseRow;
  input: ClosureInput;
  readiness: ClosureReadiness;
}

/** Deposits and payments received by `day`, apart (billing's facts give only their sum): what the page shows. */
async function moneyReceived(tx: Tx, caseId: string, day: string) {
  const by = startOfUtcDay(day);
  const [deposits, payments] = await Promise.all([
    tx.caseDeposit.aggregate({ where: { caseId, valueDate: { lte: by } }, _sum: { amount: true } }),
    tx.payment.aggregate({ where: { caseId, valueDate: { lte: by } }, _sum: { amount: true } }),
  ]);
  const amount = (value: { toString(): string } | null | undefined) => toAmount(new Decimal(value?.toString() ?? "0"));
  return { deposits: amount(deposits._sum.amount), payments: amount(payments._sum.amount) };
}

/**
 * Everything closure readiness reads for one case, and the readiness itself, at `now`. Lines, obligations,
 * expenditures and credits come from billing's facts (src/server/finance/finance-store.ts), so the closure page and
 * the final statement count exactly what the statements count. Null when there is no such case.
 */
export async function loadClosureData(tx: Tx, caseId: string, now: Date): Promise<ClosureData | null> {
  const caseRecord = await tx.case.findUnique({
    where: { id: caseId },
    select: {
      id: true,
      identifier: true,
      status: true,
      countryId: true,
      implementingAgencyId: true,
      closureType: true,
      closureSuspenseAmount: true,
      supplyCompleteAt: true,
      closedAt: true,
      reopenedAt: true,
      version: true,
    },
  });
  if (!caseRecord) return null;
  const day = isoDay(now);
  const [billing, completions, sdrs, reconsiderationRules, received, reviews] = await Promise.all([
    loadBillingFacts(tx, caseId, day),
    tx.lineCompletion.findMany({ where: { caseId }, select: { lineNumber: true, cancelled: true, declaredAt: true } }),
    tx.supplyDiscrepancyReport.findMany({
      where: { caseId, status: { not: "CLOSED" } },
      select: { number: true, status: true, decidedAt: true, reconsiderationRequestedAt: true },
      orderBy: { number: "asc" },
    }),
    tx.slaRule.findMany({ where: { key: SDR_RULE_KEYS.reconsideration } }),
    moneyReceived(tx, caseId, day),
    tx.annualCaseReview.findMany({ where: { caseId }, select: { reviewYear: true, completedAt: true } }),
  ]);

  const completed = new Map(completions.map((c) => [c.lineNumber, c]));
  const progress = new Map((billing?.lines ?? []).map((line) => [line.lineNumber, line]));
  const lines: ClosureLineInput[] = (billing?.loa.lines ?? []).map((entry) => {
    const completion = completed.get(entry.line.lineNumber);
    return {
      ...progress.get(entry.line.lineNumber)!,
      description: entry.line.description,
      kind: entry.kind,
      completion: completion ? { cancelled: completion.cancelled, declaredAt: completion.declaredAt } : null,
    };
  });
  const policy: SdrPolicyRule[] = reconsiderationRules.map((rule) => ({ ...rule, dayKind: rule.dayKind }));
  const status = caseRecord.status as CaseStatus;
  // The ACC clock starts when the last line became SSC; the lines' own dates stand in if the case row has none.
  const allComplete = lines.length > 0 && lines.every((line) => line.completion);
  const lastCompletion = allComplete ? new Date(Math.max(...lines.map((line) => line.completion!.declaredAt.getTime()))) : null;

  const input: ClosureInput = {
    now,
    status,
    closureType: caseRecord.closureType,
    lines,
    schedule: billing?.loa.schedule ?? NO_SCHEDULE,
    sdrs: sdrs.map((sdr) => ({
      number: sdr.number,
      status: sdr.status,
      reconsiderationLastDay:
        sdr.status === "DECIDED" && sdr.reconsiderationRequestedAt === null ? (reconsiderationDeadline(sdr, { rules: policy, rates: [] })?.lastDay ?? null) : null,
    })),
    ...received,
    credits: billing?.credits ?? "0.00",
    supplyCompleteAt: caseRecord.supplyCompleteAt ?? lastCompletion,
    closedAt: status === "CLOSED" ? caseRecord.closedAt : null,
    annualReviews: reviews.map((review) => ({ year: review.reviewYear, completedAt: review.completedAt })),
  };
  return {
    caseRow: {
      ...caseRecord,
      status,
      closureSuspenseAmount: caseRecord.closureSuspenseAmount?.toFixed(2) ?? null,
    },
    input,
    readiness: closureReadiness(input),
  };
}
