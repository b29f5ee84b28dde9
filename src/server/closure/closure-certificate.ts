// The closure certificate of a closed case, as the words and numbers its PDF prints (render-closure-certificate.ts).
// Built only from what closing recorded — the case row, its final statement, the lines' SSC declarations and the
// audit events of the submission and the closure — and nothing from the clock, so the same closed case always gives
// the same model, and the renderer the same bytes. Free of `server-only` and `@/` imports: closing records the
// certificate's SHA-256 in the same transaction (closure-effects.ts).
import { CLOSURE_TYPE_EXPLANATIONS, CLOSURE_TYPE_LABELS, type ClosureType } from "../../domain/execution/closure";
import { LOA_TYPE_LABELS, type LoaType } from "../../domain/lor/codes";
import { formatUsd } from "../../domain/money";
import type { Tx } from "../db";
import { loadClosureData } from "./closure-data";

export interface ClosureCertificateModel {
  title: string;
  documentName: string;
  caseIdentifier: string;
  purchaser: string;
  implementingAgency: string;
  caseType: string;
  closureType: string;
  closureExplanation: string;
  dates: [label: string, value: string][];
  /** Per line, what the partner may read: no contract amounts (the ULO is given for the case as a whole). */
  lines: { lineNumber: string; description: string; outcome: string; lineValue: string; expended: string }[];
  statement: [label: string, amount: string][];
  /** The refund of excess funds, the final bill settled, or (never at a closure) an amount still due. */
  outcome: string;
  suspense: string;
  closedBy: string;
  footer: string;
}

const LONG_DATE = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
const longDate = (date: Date | null) => (date ? LONG_DATE.format(date) : "—");

/** File name of the certificate download. */
export const certificateFileName = (identifier: string) => `${identifier.replace(/[^A-Za-z0-9-]+/g, "_")}_closure_certificate.pdf`;

/** The model of a CLOSED case's certificate; null while the case is not closed (or has no final statement). */
export async function loadClosureCertificateModel(tx: Tx, caseId: string): Promise<ClosureCertificateModel | null> {
  const caseRow = await tx.case.findUnique({
    where: { id: caseId },
    select: {
      status: true,
      identifier: true,
      caseType: true,
      closureType: true,
      closureSuspenseAmount: true,
      closedAt: true,
      implementedAt: true,
      country: { select: { name: true, code: true } },
      implementingAgency: { select: { name: true, code: true } },
    },
  });
  if (!caseRow || caseRow.status !== "CLOSED" || !caseRow.closedAt) return null;
  const closedAt = caseRow.closedAt;
  const [statement, events, data] = await Promise.all([
    tx.billingStatement.findFirst({ where: { caseId, final: true }, orderBy: [{ dueOn: "desc" }, { createdAt: "desc" }] }),
    tx.auditEvent.findMany({
      where: { targetType: "case", targetId: caseId, action: { in: ["case.submit-closure", "case.close"] }, outcome: "SUCCESS" },
      orderBy: { id: "desc" },
      take: 4,
      select: { action: true, occurredAt: true, actorUserId: true },
    }),
    loadClosureData(tx, caseId, closedAt),
  ]);
  if (!statement || !data) return null;
  const submitted = events.find((e) => e.action === "case.submit-closure") ?? null;
  const closing = events.find((e) => e.action === "case.close") ?? null;
  const closer = closing?.actorUserId
    ? await tx.user.findUnique({ where: { id: closing.actorUserId }, select: { organization: { select: { name: true } } } })
    : null;

  const readiness = data.readiness;
  const closureType = (caseRow.closureType ?? "NON_ACC") as ClosureType;
  const amountDue = statement.amountDue.toFixed(2);
  const due = statement.amountDue;
  const documentName = `${caseRow.identifier} closure certificate`;
  const suspense = caseRow.closureSuspenseAmount?.toFixed(2) ?? "0.00";
  return {
    title: "Case Closure Certificate",
    documentName,
    caseIdentifier: caseRow.identifier,
    purchaser: `${caseRow.country.name} (${caseRow.country.code})`,
    implementingAgency: `${caseRow.implementingAgency.name} (${caseRow.implementingAgency.code})`,
    caseType: LOA_TYPE_LABELS[caseRow.caseType as LoaType] ?? caseRow.caseType,
    closureType: CLOSURE_TYPE_LABELS[closureType],
    closureExplanation: CLOSURE_TYPE_EXPLANATIONS[closureType],
    dates: [
      ["Implemented", longDate(caseRow.implementedAt)],
      ["Supply/services complete", longDate(readiness.target?.supplyCompleteAt ?? null)],
      ["Closure certificate submitted", longDate(submitted?.occurredAt ?? null)],
      ["Closed", longDate(closedAt)],
      [
        "Months from supply/services complete to closure",
        readiness.target ? `${readiness.target.monthsElapsed} (ACC target: ${readiness.target.months})` : "—",
      ],
      ["Final statement issued", longDate(statement.issuedOn)],
    ],
    lines: readiness.lines.map((line) => ({
      lineNumber: line.lineNumber,
      description: line.description,
      outcome: line.state === "CANCELLED" ? `Cancelled ${longDate(line.completedAt)}` : line.state === "SSC" ? `SSC ${longDate(line.completedAt)}` : "Open",
      lineValue: formatUsd(data.input.lines.find((l) => l.lineNumber === line.lineNumber)?.lineValue ?? "0"),
      expended: formatUsd(line.expended),
    })),
    statement: [
      ["Payment schedule (whole case)", formatUsd(statement.scheduleCumulative.toFixed(2))],
      ["Final bill (expenditures and obligations held, with surcharges)", formatUsd(statement.billedCumulative.toFixed(2))],
      ["Collected (deposits and payments)", formatUsd(statement.collected.toFixed(2))],
      ["Credits (supply discrepancy reports)", formatUsd(statement.credits.toFixed(2))],
      [due.isNegative() ? "Refund of excess funds" : "Amount due", formatUsd(due.isNegative() ? due.negated().toFixed(2) : amountDue)],
    ],
    outcome: due.isNegative()
      ? `Excess funds of ${formatUsd(due.negated().toFixed(2))} are returned to ${caseRow.country.name}.`
      : due.isZero()
        ? "The final bill is settled in full; nothing is owed either way."
        : `${formatUsd(amountDue)} remains due from ${caseRow.country.name}.`,
    suspense:
      closureType === "ACC"
        ? `${formatUsd(suspense)} of unliquidated obligations moved to the Case Closure Suspense Account.`
        : "None: every obligation was settled before closure.",
    // The office, not the person: the partner reads U.S. Government staff by office only (as on the timeline).
    closedBy: closer ? closer.organization.name : "—",
    footer: `${documentName} · Closed ${longDate(closedAt)} · Dates in UTC · Caseway`,
  };
}
