import "server-only";
import type { Actor } from "@/domain/policy";
import type { RecordServiceFields, ServiceRecordView } from "@/domain/schemas/execution";
import { db } from "../db";
import type { RequestContext } from "../request-context";
import { recordServicePerformanceTx } from "./execution-store";

/** The agency records months or events of service performed on a services line, with its audit event. */
export function recordServicePerformance(
  actor: Actor,
  caseId: string,
  lineNumber: string,
  rawInput: unknown,
  context: RequestContext,
  now: Date = new Date(),
): Promise<ServiceRecordView> {
  return db().$transaction((tx) => recordServicePerformanceTx(tx, actor, caseId, lineNumber, rawInput as RecordServiceFields, context, now));
}
