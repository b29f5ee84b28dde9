// A case's closure readiness as the API and the page show it (ClosureView): the checklist, its numbers and every
// blocker, the lines, the final statement as it stands (and as recorded once closed), the 24-month target, the annual
// reviews and the certificate once closed. Partners see it all but the case manager's review notes.
import type { Actor } from "../../domain/policy";
import type { ClosureView } from "../../domain/schemas/closure";
import { isoDay } from "../../domain/sla";
import type { Tx } from "../db";
import { notFound } from "../errors";
import { statementPdfUrl } from "../finance/finance-store";
import { loadClosureData } from "./closure-data";

export const closureCertificateUrl = (caseId: string) => `/api/v1/cases/${caseId}/closure-certificate`;

export async function loadClosureView(tx: Tx, actor: Actor, caseId: string, now: Date): Promise<ClosureView> {
  const data = await loadClosureData(tx, caseId, now);
  if (!data) throw notFound("Case");
  const { caseRow, readiness } = data;
  const closed = caseRow.status === "CLOSED";
  const partner = actor.role === "PARTNER_OFFICER";
  const [reviews, finalStatement, certificate] = await Promise.all([
    tx.annualCaseReview.findMany({ where: { caseId }, orderBy: { reviewYear: "desc" } }),
    closed ? tx.billingStatement.findFirst({ where: { caseId, final: true }, orderBy: [{ dueOn: "desc" }, { createdAt: "desc" }] }) : null,
    closed
      ? tx.auditEvent.findFirst({
          where: { targetType: "case", targetId: caseId, action: "closure.certificate", outcome: "SUCCESS" },
          orderBy: { id: "desc" },
          select: { details: true },
        })
      : null,
  ]);
  // Partners read U.S. Government staff by office only, as on the timeline.
  const reviewers = new Map(
    (
      await tx.user.findMany({
        where: { id: { in: [...new Set(reviews.map((r) => r.completedById))] } },
        select: { id: true, name: true, organization: { select: { name: true, shortName: true } } },
      })
    ).map((u) => {
      const office = u.organization.shortName ?? u.organization.name;
      return [u.id, partner ? office : `${u.name}, ${office}`];
    }),
  );
  const sha256 = (certificate?.details as { sha256?: unknown } | null | undefined)?.sha256;
  return {
    caseId,
    identifier: caseRow.identifier,
    status: caseRow.status,
    version: caseRow.version,
    closureType: caseRow.closureType,
    ready: readiness.ready,
    blockers: readiness.blockers,
    submitBlockers: readiness.submitBlockers,
    criteria: readiness.criteria,
    lines: readiness.lines.map((line) => ({
      lineNumber: line.lineNumber,
      description: line.description,
      kind: line.kind,
      state: line.state,
      completedAt: line.completedAt?.toISOString() ?? null,
      obligated: partner ? null : line.obligated,
      expended: line.expended,
      unliquidated: partner ? null : line.unliquidated,
      billed: line.billed,
    })),
    unliquidatedObligations: readiness.unliquidatedObligations,
    suspenseAmount: closed ? (caseRow.closureSuspenseAmount ?? "0.00") : readiness.suspenseAmount,
    statement: {
      finalBill: readiness.statement.finalBill,
      deposits: readiness.statement.deposits,
      payments: readiness.statement.payments,
      collections: readiness.statement.collections,
      credits: readiness.statement.credits,
      amountDue: readiness.statement.amountDue,
      refund: readiness.statement.refund,
    },
    finalStatement: finalStatement
      ? {
          id: finalStatement.id,
          issuedOn: isoDay(finalStatement.issuedOn),
          billedCumulative: finalStatement.billedCumulative.toFixed(2),
          collected: finalStatement.collected.toFixed(2),
          credits: finalStatement.credits.toFixed(2),
          amountDue: finalStatement.amountDue.toFixed(2),
          pdfUrl: statementPdfUrl(caseId, finalStatement.id),
        }
      : null,
    target: readiness.target
      ? {
          supplyCompleteAt: readiness.target.supplyCompleteAt.toISOString(),
          targetDate: readiness.target.targetDate.toISOString(),
          monthsElapsed: readiness.target.monthsElapsed,
          months: readiness.target.months,
          overdue: readiness.target.overdue,
        }
      : null,
    annualReview: {
      year: readiness.annualReview.year,
      done: readiness.annualReview.done,
      completedAt: readiness.annualReview.completedAt?.toISOString() ?? null,
    },
    annualReviews: reviews.map((review) => ({
      id: review.id,
      reviewYear: review.reviewYear,
      loaMatchesDeliveries: review.loaMatchesDeliveries,
      loaMatchesContracts: review.loaMatchesContracts,
      scheduleAdjusted: review.scheduleAdjusted,
      notes: partner ? null : review.notes || null,
      completedBy: reviewers.get(review.completedById) ?? null,
      completedAt: review.completedAt.toISOString(),
    })),
    closedAt: closed ? (caseRow.closedAt?.toISOString() ?? null) : null,
    reopenedAt: caseRow.reopenedAt?.toISOString() ?? null,
    certificate: closed ? { url: closureCertificateUrl(caseId), sha256: typeof sha256 === "string" ? sha256 : null } : null,
  };
}
