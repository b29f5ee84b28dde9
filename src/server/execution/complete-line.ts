import "server-only";
import type { Actor } from "@/domain/policy";
import type { CompleteLineFields, CompleteLineResult } from "@/domain/schemas/execution";
import { db } from "../db";
import type { RequestContext } from "../request-context";
import { completeLineTx } from "./execution-store";

/**
 * The agency declares a line supply/services complete (or cancels it) with a reason when it is not accounted for; the
 * last open line moves the case to Supply/Services Complete in the same transaction.
 */
export function completeLine(
  actor: Actor,
  caseId: string,
  lineNumber: string,
  rawInput: unknown,
  context: RequestContext,
  now: Date = new Date(),
): Promise<CompleteLineResult> {
  return db().$transaction((tx) => completeLineTx(tx, actor, caseId, lineNumber, rawInput as CompleteLineFields, context, now));
}
