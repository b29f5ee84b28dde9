// What the workflow must know about an accepted case's money and lines (WorkflowContext.afterAcceptance): the deposit
// due and received, the lines still open, and why the case cannot close yet. Loaded only for states after the offer,
// so transitions earlier in a case's life pay nothing for it. Free of `server-only`: the demo seed uses it.
import Decimal from "decimal.js";
import { toAmount } from "../../domain/money";
import type { AfterAcceptanceFacts } from "../../domain/workflow/case-workflow";
import type { CaseStatus } from "../../domain/workflow/states";
import type { Tx } from "../db";
import { loadLoaInForce } from "./loa-in-force";

/** From the offer on: the accept form needs the deposit the offered LOA calls for. */
export const AFTER_ACCEPTANCE_STATUSES: readonly CaseStatus[] = [
  "OFFERED",
  "ACCEPTED",
  "IMPLEMENTED",
  "EXECUTING",
  "SUPPLY_SERVICES_COMPLETE",
  "CLOSURE_PENDING",
  "CLOSED",
  "SUSPENDED",
];

export async function loadAfterAcceptanceFacts(tx: Tx, caseId: string): Promise<AfterAcceptanceFacts | undefined> {
  const [loa, caseRow, deposits, completions] = await Promise.all([
    loadLoaInForce(tx, caseId),
    tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { initialDepositDue: true } }),
    tx.caseDeposit.aggregate({ where: { caseId }, _sum: { amount: true } }),
    tx.lineCompletion.findMany({ where: { caseId }, select: { lineNumber: true } }),
  ]);
  if (!loa) return undefined;
  const complete = new Set(completions.map((c) => c.lineNumber));
  return {
    initialDepositDue: caseRow.initialDepositDue?.toFixed(2) ?? loa.schedule.initialDeposit,
    depositsReceived: toAmount(new Decimal(deposits._sum.amount?.toString() ?? "0")),
    openLines: loa.lines.filter((entry) => !complete.has(entry.line.lineNumber)).map((entry) => entry.line.lineNumber),
    closureBlockers: [],
  };
}
