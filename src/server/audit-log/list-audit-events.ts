import "server-only";
import type { Actor } from "@/domain/policy";
import { AuditQuery, type AuditEventView } from "@/domain/schemas/audit";
import type { Prisma } from "../../generated/prisma/client";
import { assertCan } from "../auth/actor";
import { db } from "../db";
import { parseInput } from "../errors";
import { literalLike } from "../search";

export async function listAuditEvents(actor: Actor, query: unknown) {
  assertCan(actor, "viewAuditLog");
  const q = parseInput(AuditQuery, query);
  const where: Prisma.AuditEventWhereInput = {
    ...(q.action ? { action: { startsWith: literalLike(q.action) } } : {}),
    ...(q.actor ? { actorEmail: { contains: literalLike(q.actor) } } : {}),
    ...(q.outcome ? { outcome: q.outcome } : {}),
    ...(q.userId ? { OR: [{ actorUserId: q.userId }, { targetType: "user", targetId: q.userId }] } : {}),
    ...(q.from || q.to
      ? {
          occurredAt: {
            ...(q.from ? { gte: new Date(`${q.from}T00:00:00Z`) } : {}),
            ...(q.to ? { lt: new Date(new Date(`${q.to}T00:00:00Z`).getTime() + 86_400_000) } : {}),
          },
        }
      : {}),
  };
  const [total, rows] = await Promise.all([
    db().auditEvent.count({ where }),
    db().auditEvent.findMany({
      where,
      orderBy: { id: "desc" },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    }),
  ]);
  const items: AuditEventView[] = rows.map((e) => ({
    id: e.id.toString(),
    occurredAt: e.occurredAt.toISOString(),
    actorUserId: e.actorUserId,
    actorEmail: e.actorEmail,
    actorRole: e.actorRole,
    action: e.action,
    targetType: e.targetType,
    targetId: e.targetId,
    outcome: e.outcome,
    ip: e.ip,
    requestId: e.requestId,
    details: e.details ?? null,
  }));
  return { items, page: q.page, pageSize: q.pageSize, total };
}
