import "server-only";
import type { Actor } from "@/domain/policy";
import type { ObligationView, RecordObligationFields } from "@/domain/schemas/execution";
import { db } from "../db";
import type { RequestContext } from "../request-context";
import { recordObligationTx } from "./execution-store";

/** The agency records a contract award (obligation) on a line, in one transaction with its audit event. */
export function recordObligation(
  actor: Actor,
  caseId: string,
  lineNumber: string,
  rawInput: unknown,
  context: RequestContext,
  now: Date = new Date(),
): Promise<ObligationView> {
  return db().$transaction((tx) => recordObligationTx(tx, actor, caseId, lineNumber, rawInput as RecordObligationFields, context, now));
}
