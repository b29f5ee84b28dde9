import "server-only";
import type { Actor } from "@/domain/policy";
import type { Prisma } from "../generated/prisma/client";
import type { Tx } from "./db";
import type { RequestContext } from "./request-context";

export type AuditOutcome = "SUCCESS" | "FAILURE" | "DENIED";

export interface AuditEntry {
  action: string;
  outcome: AuditOutcome;
  actor?: Pick<Actor, "userId" | "email" | "role" | "organizationId"> | null;
  /** For events without a signed-in actor, e.g. a failed sign-in: the e-mail that was tried. */
  actorEmail?: string;
  target?: { type: string; id: string };
  details?: Prisma.InputJsonValue;
  context: RequestContext;
}

/** Appends an audit event inside the caller's transaction, so the event exists exactly when the change does. */
export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      action: entry.action,
      outcome: entry.outcome,
      actorUserId: entry.actor?.userId ?? null,
      actorEmail: entry.actor?.email ?? entry.actorEmail ?? null,
      actorRole: entry.actor?.role ?? null,
      actorOrganizationId: entry.actor?.organizationId ?? null,
      targetType: entry.target?.type ?? null,
      targetId: entry.target?.id ?? null,
      details: entry.details,
      ip: entry.context.ip,
      userAgent: entry.context.userAgent,
      requestId: entry.context.requestId,
    },
  });
}
