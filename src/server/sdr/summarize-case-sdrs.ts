import "server-only";
import Decimal from "decimal.js";
import { SDR_OPEN_STATUSES } from "@/domain/execution/sdr";
import { toAmount } from "@/domain/money";
import type { Actor } from "@/domain/policy";
import type { CaseSdrSummaryView } from "@/domain/schemas/sdr";
import { db } from "../db";
import { visibleSdrCase } from "./sdr-store";

/** The counts, credits and next due date the case overview shows (src/components/sdr/sdr-summary.tsx). */
export async function summarizeCaseSdrs(actor: Actor, caseId: string, now: Date = new Date()): Promise<CaseSdrSummaryView> {
  await visibleSdrCase(db(), actor, caseId);
  const open = { caseId, status: { in: [...SDR_OPEN_STATUSES] } };
  const [byStatus, credits, next, overdue] = await Promise.all([
    db().supplyDiscrepancyReport.groupBy({ by: ["status"], where: { caseId }, _count: { _all: true } }),
    db().supplyDiscrepancyReport.aggregate({ where: { caseId, decision: "CREDIT" }, _sum: { creditAmount: true } }),
    db().supplyDiscrepancyReport.aggregate({ where: open, _min: { dueAt: true } }),
    db().supplyDiscrepancyReport.count({ where: { ...open, dueAt: { lt: now } } }),
  ]);
  const count = (status: string) => byStatus.find((g) => g.status === status)?._count._all ?? 0;
  return {
    caseId,
    total: byStatus.reduce((sum, g) => sum + g._count._all, 0),
    open: count("SUBMITTED") + count("RECONSIDERATION_REQUESTED"),
    overdue,
    decided: count("DECIDED"),
    closed: count("CLOSED"),
    credits: toAmount(new Decimal(credits._sum.creditAmount?.toString() ?? "0")),
    nextDueAt: next._min.dueAt?.toISOString() ?? null,
  };
}
