// The initial deposit that arrived, written by the workflow's "record-deposit" event in its transaction (see
// commitCaseEvent in src/server/cases/case-store.ts): the case event on the hash chain and the money row exist
// together or not at all. Free of `server-only`: the demo seed records deposits through the same code.
import type { Tx } from "../db";
import { startOfUtcDay } from "../../domain/sla";

export interface DepositRecord {
  caseId: string;
  /** Exact two-decimal amount ("1250000.00"). */
  amount: string;
  /** The value date of the wire (YYYY-MM-DD). */
  valueDate: string;
  wireReference: string;
  recordedById: string;
}

export async function insertDeposit(tx: Tx, deposit: DepositRecord, now: Date): Promise<{ id: string }> {
  return tx.caseDeposit.create({
    data: { ...deposit, valueDate: startOfUtcDay(deposit.valueDate), recordedAt: now },
    select: { id: true },
  });
}
