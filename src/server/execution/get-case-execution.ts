import "server-only";
import type { Actor } from "@/domain/policy";
import type { ExecutionView } from "@/domain/schemas/execution";
import { db } from "../db";
import { readCaseExecution } from "./execution-read";

/** The lines of the LOA in force with their progress and records; another country's case is a 404. */
export function getCaseExecution(actor: Actor, caseId: string): Promise<ExecutionView> {
  return readCaseExecution(db(), actor, caseId);
}
