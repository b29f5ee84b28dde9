import "server-only";
import { randomUUID } from "node:crypto";
import { applyDueClocks } from "@/domain/workflow/engine";
import { recordAudit } from "../audit";
import { db } from "../db";
import type { RequestContext } from "../request-context";
import { refreshCaseInboxes } from "./case-inbox";
import { caseColumns, loadCase, loadWorkflowContext, lockCase, recordCaseClockEvents, snapshotOf } from "./case-store";

export interface ClockRunResult {
  casesChanged: string[];
  reviewsFlaggedOverdue: number;
}

const clockContext = (): RequestContext => ({ requestId: `clock-${randomUUID()}`, ip: null, userAgent: "caseway-clock" });

/**
 * Records what the clock has made true by `now`: offers past their expiration date expire, congressional review periods
 * that ended clear the notification, and review tasks past their due date are flagged overdue (not while the case is
 * suspended: its clocks are paused). Each case changes in its own transaction under its row lock with a version bump,
 * so it is safe to run on several instances at once, late, or twice: a second run finds nothing left to do. Reads
 * never depend on it (they derive the same state from the dates).
 */
export async function applyCaseClocks(now: Date = new Date(), caseIds?: readonly string[]): Promise<ClockRunResult> {
  const due = await db().case.findMany({
    where: {
      ...(caseIds ? { id: { in: [...caseIds] } } : {}),
      OR: [
        { status: "OFFERED", offerExpiresAt: { lte: now } },
        // A suspended case's clocks are paused: nothing falls due on it, and resume moves its dates on.
        { status: { not: "SUSPENDED" }, cnStatus: "FORMALLY_NOTIFIED", cnPeriodEndsAt: { lte: now } },
        { status: { not: "SUSPENDED" }, reviewTasks: { some: { status: "OPEN", dueAt: { lte: now }, overdueFlaggedAt: null } } },
      ],
    },
    select: { id: true },
  });
  const result: ClockRunResult = { casesChanged: [], reviewsFlaggedOverdue: 0 };
  for (const { id } of due) {
    await db().$transaction(async (tx) => {
      if (!(await lockCase(tx, id))) return;
      const row = (await loadCase(tx, id))!;
      const context = clockContext();
      const workflowContext = await loadWorkflowContext(tx, row, now);
      const clocks = applyDueClocks(snapshotOf(row), workflowContext);
      if (clocks.applied.length > 0) {
        await tx.case.update({ where: { id }, data: { ...caseColumns(clocks.snapshot), version: { increment: 1 } } });
        await recordCaseClockEvents(tx, id, clocks.applied, context, now);
        await refreshCaseInboxes(tx, [id], now);
        result.casesChanged.push(id);
      }
      const suspended = row.status === "SUSPENDED";
      const overdue = suspended ? [] : row.reviewTasks.filter((t) => t.status === "OPEN" && t.dueAt <= now && !t.overdueFlaggedAt);
      for (const task of overdue) {
        await tx.reviewTask.update({ where: { id: task.id }, data: { overdueFlaggedAt: now } });
        await recordAudit(
          tx,
          {
            action: "case.review-overdue",
            outcome: "SUCCESS",
            actorEmail: "clock",
            target: { type: "case", id },
            details: { event: "review-overdue", reviewOffice: task.office, reviewRound: task.round, dueAt: task.dueAt.toISOString() },
            context,
          },
          now,
        );
        result.reviewsFlaggedOverdue += 1;
      }
    });
  }
  return result;
}
