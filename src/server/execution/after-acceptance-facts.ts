// What the workflow must know about an accepted case's money and lines (WorkflowContext.afterAcceptance): the deposit
// due and received, the lines still open, and why the case cannot close yet. Loaded only for states after the offer,
// so transitions earlier in a case's life pay nothing for it. Free of `server-only`: the demo seed uses it.
import { toAmount } from "../../domain/money";
import type { AfterAcceptanceFacts } from "../../domain/workflow/case-workflow";
import type { CaseStatus } from "../../domain/workflow/states";
import type { Tx } from "../db";
import { loadClosureData } from "../closure/closure-data";
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
];

/** Where closing is the next step: only these pay for the closure readiness (src/server/closure/closure-data.ts). */
export const CLOSURE_FACT_STATUSES: readonly CaseStatus[] = ["SUPPLY_SERVICES_COMPLETE", "CLOSURE_PENDING"];

/** A suspended case is judged by the state it was suspended from (a case suspended in development has no money yet). */
export function needsAfterAcceptanceFacts(row: { status: CaseStatus; suspendedFromStatus: CaseStatus | null }): boolean {
  const status = row.status === "SUSPENDED" ? row.suspendedFromStatus : row.status;
  return status !== null && status !== "SUSPENDED" && AFTER_ACCEPTANCE_STATUSES.includes(status);
}

interface CaseMoneyRow {
  status: CaseStatus;
  initial_deposit_due: string | null;
  offer_expires_at: Date | null;
  nato_plus: boolean | null;
  deposits_received: string;
  completed_lines: string[];
}

/** Two statements: the case's documents, and one row with its deposits and closed-out lines. */
export async function loadAfterAcceptanceFacts(tx: Tx, caseId: string, now: Date = new Date()): Promise<AfterAcceptanceFacts | undefined> {
  const [row] = await tx.$queryRaw<CaseMoneyRow[]>`
    SELECT c.status::text AS status, c.initial_deposit_due::text AS initial_deposit_due, c.offer_expires_at, o.nato_plus,
           (SELECT COALESCE(SUM(d.amount), 0)::text FROM case_deposits d WHERE d.case_id = c.id) AS deposits_received,
           ARRAY(SELECT l.line_number::text FROM line_completions l WHERE l.case_id = c.id) AS completed_lines
      FROM cases c JOIN organizations o ON o.id = c.country_id
     WHERE c.id = ${caseId}::uuid`;
  if (!row) return undefined;
  const loa = await loadLoaInForce(tx, caseId, { offerExpiresAt: row.offer_expires_at, country: { natoPlus: row.nato_plus } });
  if (!loa) return undefined;
  const complete = new Set(row.completed_lines);
  const closure = CLOSURE_FACT_STATUSES.includes(row.status) ? (await loadClosureData(tx, caseId, now))?.readiness : undefined;
  return {
    initialDepositDue: row.initial_deposit_due !== null ? toAmount(row.initial_deposit_due) : loa.schedule.initialDeposit,
    depositsReceived: toAmount(row.deposits_received),
    openLines: loa.lines.filter((entry) => !complete.has(entry.line.lineNumber)).map((entry) => entry.line.lineNumber),
    closureBlockers: closure?.blockers ?? [],
    ...(closure ? { closure: { submitBlockers: closure.submitBlockers, unliquidatedObligations: closure.unliquidatedObligations } } : {}),
  };
}
