// What the closure events write beside the case row, in the same transaction as the workflow event (commitCaseEvent
// in src/server/cases/case-store.ts calls this after the event is audited, with the case locked):
// - submit-closure stores the closure type chosen with the certificate;
// - close writes the final statement through billing's writeStatement (final = true: amount due = final bill −
//   collections − credits; negative is the refund of excess funds), records under ACC the ULO moved to the Case
//   Closure Suspense Account, and audits both and the closure certificate's SHA-256 on the case's chain;
// - reopen records when, and clears the closure type and suspense amount for the next closure.
// Free of `server-only` and `@/` imports: the demo seed closes its case through the same code.
import Decimal from "decimal.js";
import { createHash } from "node:crypto";
import type { Actor } from "../../domain/policy";
import { isoDay } from "../../domain/sla";
import type { CaseEvent, EventInput } from "../../domain/workflow/case-workflow";
import { recordAudit } from "../audit";
import type { Tx } from "../db";
import { AppError } from "../errors";
import { writeStatement } from "../finance/finance-store";
import type { RequestContext } from "../request-context";
import { certificateFileName, loadClosureCertificateModel } from "./closure-certificate";
import { loadClosureData } from "./closure-data";
import { renderClosureCertificate } from "./render-closure-certificate";

export const CLOSURE_EVENTS_WITH_EFFECTS: readonly CaseEvent[] = ["submit-closure", "close", "reopen"];

export async function applyClosureEvent(
  tx: Tx,
  caseId: string,
  action: CaseEvent,
  input: EventInput,
  actor: Actor,
  context: RequestContext,
  now: Date,
): Promise<void> {
  if (action === "submit-closure") {
    await tx.case.update({ where: { id: caseId }, data: { closureType: input.closureType!, closureSuspenseAmount: null } });
  } else if (action === "reopen") {
    await tx.case.update({ where: { id: caseId }, data: { reopenedAt: now, closureType: null, closureSuspenseAmount: null } });
  } else if (action === "close") {
    await closeAccounts(tx, caseId, actor, context, now);
  }
}

async function closeAccounts(tx: Tx, caseId: string, actor: Actor, context: RequestContext, now: Date) {
  const data = await loadClosureData(tx, caseId, now);
  if (!data) return;
  const { readiness, caseRow } = data;
  const day = isoDay(now);
  // Through billing's own door: the row, its "statement.issue" event, and the one-per-case-and-day rule.
  const statement = await writeStatement(tx, caseId, readiness.statement.figures, { dueOn: day, issuedOn: day, final: true }, { actor, context }, now);
  if (!statement) {
    throw new AppError("CONFLICT", `This case already has a final statement dated ${day}; close it again on a later day`);
  }
  const target = { type: "case", id: caseId };
  const suspense = caseRow.closureType === "ACC" ? readiness.suspenseAmount : null;
  await tx.case.update({ where: { id: caseId }, data: { closureSuspenseAmount: suspense } });
  if (suspense !== null && new Decimal(suspense).gt(0)) {
    await recordAudit(
      tx,
      {
        action: "closure.suspense",
        outcome: "SUCCESS",
        actor,
        target,
        details: {
          amount: suspense,
          lines: readiness.lines.filter((line) => new Decimal(line.unliquidated).gt(0)).map((line) => ({ lineNumber: line.lineNumber, unliquidated: line.unliquidated })),
          statementId: statement.id,
        },
        context,
      },
      now,
    );
  }

  const model = await loadClosureCertificateModel(tx, caseId);
  if (!model) return;
  const bytes = await renderClosureCertificate(model);
  await recordAudit(
    tx,
    {
      action: "closure.certificate",
      outcome: "SUCCESS",
      actor,
      target,
      details: {
        fileName: certificateFileName(caseRow.identifier),
        sha256: createHash("sha256").update(bytes).digest("hex"),
        closureType: caseRow.closureType,
        finalBill: readiness.statement.finalBill,
        refund: readiness.statement.refund,
      },
      context,
    },
    now,
  );
}
