import "server-only";
import type { Actor } from "@/domain/policy";
import type { ClosureView } from "@/domain/schemas/closure";
import { assertCan } from "../auth/actor";
import { assertCaseVisible } from "../cases/case-access";
import { db } from "../db";
import { loadClosureView } from "./closure-view";

/**
 * A case's closure readiness for the partner of its country and for U.S. Government staff (another country's case is
 * a 404): computed from the data, every criterion with its numbers and every blocker. One repeatable-read
 * transaction, so the lines, the money and the SDRs agree with each other.
 */
export async function getClosureReadiness(actor: Actor, caseId: string, now: Date = new Date()): Promise<ClosureView> {
  return db().$transaction(
    async (tx) => {
      const subject = await assertCaseVisible(actor, caseId, tx);
      assertCan(actor, "viewExecution", subject, "Case");
      return loadClosureView(tx, actor, caseId, now);
    },
    { isolationLevel: "RepeatableRead" },
  );
}
