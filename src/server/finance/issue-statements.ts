import "server-only";
import type { Actor } from "@/domain/policy";
import type { IssueStatementsResult } from "@/domain/schemas/finance";
import { assertCan } from "../auth/actor";
import { db } from "../db";
import type { RequestContext } from "../request-context";
import { issueDueStatements } from "./finance-store";

/**
 * A finance officer issues the statements the day calls for now, instead of waiting for the daily job. The same code
 * as the job: a case that already has its statement gets nothing more, so pressing twice issues nothing twice.
 */
export async function issueStatements(actor: Actor, context: RequestContext, now: Date = new Date()): Promise<IssueStatementsResult> {
  assertCan(actor, "issueStatements");
  return issueDueStatements(db(), now, { actor, context });
}

/** The daily job (src/server/jobs/job-runner.ts): the clock issues them. */
export const runStatementJob = (now: Date = new Date()) => issueDueStatements(db(), now);
