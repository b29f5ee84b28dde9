import "server-only";
import { verifyChain, type StoredChainEvent } from "@/domain/audit-chain";
import type { Actor } from "@/domain/policy";
import type { CaseAuditView } from "@/domain/schemas/cases";
import { assertCan } from "../auth/actor";
import { chainKeyFor } from "../audit";
import { db } from "../db";
import { assertCaseVisible } from "./case-access";

/** Loads a case's chained events and checks every link. */
export async function verifyCaseChain(caseId: string) {
  const rows = await db().auditEvent.findMany({ where: { chainKey: chainKeyFor({ type: "case", id: caseId }) }, orderBy: { chainSeq: "asc" } });
  const events: StoredChainEvent[] = rows.map((row) => ({
    id: row.id.toString(),
    chainKey: row.chainKey!,
    chainSeq: row.chainSeq!,
    prevHash: row.prevHash ?? "",
    hash: row.hash,
    occurredAt: row.occurredAt,
    action: row.action,
    outcome: row.outcome,
    actorUserId: row.actorUserId,
    actorEmail: row.actorEmail,
    actorRole: row.actorRole,
    actorOrganizationId: row.actorOrganizationId,
    targetType: row.targetType,
    targetId: row.targetId,
    details: row.details,
    ip: row.ip,
    userAgent: row.userAgent,
    requestId: row.requestId,
  }));
  return { events, verification: verifyChain(events) };
}

/** A case's audit trail with the result of verifying its hash chain (U.S. Government staff; another country's is 404). */
export async function getCaseAudit(actor: Actor, caseId: string): Promise<CaseAuditView> {
  const subject = await assertCaseVisible(actor, caseId);
  assertCan(actor, "viewCaseAudit", subject, "Case");
  const { events, verification } = await verifyCaseChain(caseId);
  return {
    verification,
    events: events.map((e) => ({
      id: e.id,
      chainSeq: e.chainSeq,
      occurredAt: e.occurredAt.toISOString(),
      action: e.action,
      outcome: e.outcome,
      actorEmail: e.actorEmail,
      actorRole: e.actorRole,
      details: e.details,
      prevHash: e.prevHash,
      hash: e.hash,
    })),
  };
}
