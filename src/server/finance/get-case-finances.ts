import "server-only";
import type { Actor } from "@/domain/policy";
import type { CaseFinancesView } from "@/domain/schemas/finance";
import { assertCan } from "../auth/actor";
import { assertCaseVisible } from "../cases/case-access";
import { db } from "../db";
import { loadCaseFinances } from "./finance-store";

/**
 * A case's money as the actor may see it (the partner their own country's, U.S. Government staff every case): the
 * initial deposit's standing, statements with what is still unpaid on each, payments, the balance, arrears and the
 * next due date. Read in one repeatable-read transaction, so the figures agree with each other.
 */
export async function getCaseFinances(actor: Actor, caseId: string, now: Date = new Date()): Promise<CaseFinancesView> {
  return db().$transaction(
    async (tx) => {
      const subject = await assertCaseVisible(actor, caseId, tx);
      assertCan(actor, "viewFinances", subject, "Case");
      return loadCaseFinances(tx, caseId, now);
    },
    { isolationLevel: "RepeatableRead" },
  );
}
