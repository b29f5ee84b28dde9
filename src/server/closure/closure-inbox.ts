// Whether DSCA has "close" waiting in My tasks depends on the closure blockers (the workflow's guard), and those
// change without a case event: a payment, a credit, an SDR decided. A write that may clear the last blocker calls
// this in its transaction, under the case's lock, so the inbox row appears the moment the case can close.
// Free of `server-only` and `@/` imports: the stores that would call it (finance, SDRs) are seed-importable too.
import { writeCaseInbox } from "../cases/case-inbox";
import { loadCase, loadWorkflowContext, snapshotOf } from "../cases/case-store";
import type { Tx } from "../db";
import { CLOSURE_FACT_STATUSES } from "../execution/after-acceptance-facts";

/** Rewrites the inbox rows of a case waiting to be closed (or for its certificate), with the blockers as they now stand. */
export async function refreshClosureInbox(tx: Tx, caseId: string, now: Date): Promise<void> {
  const row = await loadCase(tx, caseId);
  if (!row || !CLOSURE_FACT_STATUSES.includes(row.status)) return;
  const context = await loadWorkflowContext(tx, row, now);
  await writeCaseInbox(tx, caseId, snapshotOf(row), row, context);
}
