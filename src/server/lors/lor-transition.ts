import "server-only";
import type { LorStatus } from "@/domain/lor/codes";
import { lorTransition, type LorAction } from "@/domain/lor/workflow";
import { LOR_ACTION_PERMISSIONS } from "@/domain/lor/access";
import type { Actor } from "@/domain/policy";
import { isUuid } from "@/domain/schemas/common";
import type { Prisma } from "../../generated/prisma/client";
import { assertCan } from "../auth/actor";
import { recordAudit } from "../audit";
import { db, type Tx } from "../db";
import { AppError, notFound, versionConflict } from "../errors";
import type { RequestContext } from "../request-context";
import { loadLor, lockLor, lorSubject, toLorView, type LorRow } from "./lor-record";

export interface TransitionStep {
  /** Columns to set besides status and version. */
  data?: Prisma.LetterOfRequestUncheckedUpdateInput;
  /** Extra facts for the audit event (reasons, case opened…). */
  details?: Prisma.InputJsonObject;
}

export interface TransitionRequest {
  action: LorAction;
  auditAction: string;
  expectedVersion: number;
  /** Guards and side effects inside the transaction, after the status check; returns what to save. */
  apply?: (row: LorRow, tx: Tx, now: Date) => Promise<TransitionStep> | TransitionStep;
}

const jsonValue = (value: unknown): Prisma.InputJsonValue | null => {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object" && "toFixed" in (value as object)) return String(value);
  return value as Prisma.InputJsonValue;
};

/** The columns a transition sets, as they were and as they become, for the audit event. */
function beforeAfter(row: LorRow, data: Prisma.LetterOfRequestUncheckedUpdateInput, to: LorStatus) {
  const keys = Object.keys(data).filter((k) => !["validationSlaRuleId"].includes(k));
  const stored = row as unknown as Record<string, unknown>;
  const changes = data as Record<string, unknown>;
  return {
    before: Object.fromEntries([["status", row.status], ...keys.map((k) => [k, jsonValue(stored[k])])]) as Prisma.InputJsonObject,
    after: Object.fromEntries([["status", to], ...keys.map((k) => [k, jsonValue(changes[k])])]) as Prisma.InputJsonObject,
  };
}

/**
 * One LOR transition: load → authorize (404 for another country) → check the state machine → compare-and-set on the
 * version → audit, all in one transaction. The loser of a race gets 409 with the current version.
 */
export async function transitionLor(actor: Actor, lorId: string, request: TransitionRequest, context: RequestContext) {
  if (!isUuid(lorId)) throw notFound("Letter of request");
  return db().$transaction(async (tx) => {
    if (!(await lockLor(tx, lorId))) throw notFound("Letter of request");
    const row = await loadLor(tx, lorId);
    if (!row) throw notFound("Letter of request");
    assertCan(actor, "viewLor", lorSubject(row), "Letter of request");
    assertCan(actor, LOR_ACTION_PERMISSIONS[request.action], lorSubject(row), "Letter of request");
    if (row.version !== request.expectedVersion) throw versionConflict(row.version);
    const outcome = lorTransition(row.status as LorStatus, request.action, row.requestType);
    if (!outcome.ok) throw new AppError("CONFLICT", outcome.reason);
    const now = new Date();
    const step = (await request.apply?.(row, tx, now)) ?? {};
    const updated = await tx.letterOfRequest.updateMany({
      where: { id: lorId, version: request.expectedVersion },
      data: { ...step.data, status: outcome.to, version: { increment: 1 } } as Prisma.LetterOfRequestUncheckedUpdateManyInput,
    });
    if (updated.count === 0) {
      const current = await tx.letterOfRequest.findUnique({ where: { id: lorId }, select: { version: true } });
      throw versionConflict(current?.version ?? row.version);
    }
    await recordAudit(tx, {
      action: request.auditAction,
      outcome: "SUCCESS",
      actor,
      target: { type: "lor", id: lorId },
      details: { fromStatus: row.status, toStatus: outcome.to, ...beforeAfter(row, step.data ?? {}, outcome.to), ...step.details },
      context,
    });
    const after = await loadLor(tx, lorId);
    return toLorView(after!, now, actor);
  });
}
