import "server-only";
import type { Actor } from "@/domain/policy";
import { AUDIT_COUNT_CAP, AuditQuery, type AuditEventView } from "@/domain/schemas/audit";
import { startOfNextUtcDay, startOfUtcDay } from "@/domain/sla";
import { Prisma } from "../../generated/prisma/client";
import { assertCan } from "../auth/actor";
import { db } from "../db";
import { parseInput } from "../errors";
import { countUpTo, queryRows } from "../json-rows";
import { literalLike } from "../search";

/**
 * The filters as one condition on `audit_events e`, each served by an index (migration 20261206510000_audit_log_at_scale).
 * SQL rather than Prisma's where: Prisma sends the outcome as text cast to the enum, a value the planner cannot see
 * when it plans, so it could not use the partial index of refusals and failures.
 */
function auditCondition(q: AuditQuery): Prisma.Sql | null {
  const conditions: Prisma.Sql[] = [];
  // The event filter is a prefix ("case." is every case event); the person filter is any part of the e-mail address.
  if (q.action) conditions.push(Prisma.sql`e.action LIKE ${`${literalLike(q.action)}%`}`);
  if (q.actor) conditions.push(Prisma.sql`e.actor_email LIKE ${`%${literalLike(q.actor)}%`}`);
  if (q.outcome) conditions.push(Prisma.sql`e.outcome = ${q.outcome}::"AuditOutcome"`);
  if (q.userId) conditions.push(Prisma.sql`(e.actor_user_id = ${q.userId}::uuid OR (e.target_type = 'user' AND e.target_id = ${q.userId}))`);
  if (q.from) conditions.push(Prisma.sql`e.occurred_at >= ${startOfUtcDay(q.from)}`);
  if (q.to) conditions.push(Prisma.sql`e.occurred_at < ${startOfNextUtcDay(q.to)}`);
  return conditions.length > 0 ? Prisma.join(conditions, " AND ") : null;
}

type AuditRow = Omit<AuditEventView, "occurredAt"> & { occurredAt: Date };

/**
 * A page of the audit log, newest first. The total is exact up to `countCap` (AUDIT_COUNT_CAP) and `more` says when
 * more events match: counting every match of a broad filter would read most of the log on every page.
 */
export async function listAuditEvents(actor: Actor, query: unknown, { countCap = AUDIT_COUNT_CAP }: { countCap?: number } = {}) {
  assertCan(actor, "viewAuditLog");
  const q = parseInput(AuditQuery, query);
  const condition = auditCondition(q);
  const where = condition ? Prisma.sql`WHERE ${condition}` : Prisma.empty;
  // Unfiltered, the newest ids come from the primary key (an index-only read); filtered, from whichever index serves the
  // filter, in any order (ordering those would walk the primary key past every event that does not match).
  const countOrder = condition ? Prisma.empty : Prisma.sql`ORDER BY e.id DESC`;
  const [counted, rows] = await Promise.all([
    countUpTo(db(), Prisma.sql`SELECT 1 FROM audit_events e ${where} ${countOrder}`, countCap),
    queryRows<AuditRow>(
      db(),
      Prisma.sql`SELECT e.id::text AS id, e.occurred_at AS "occurredAt", e.actor_user_id AS "actorUserId", e.actor_email AS "actorEmail",
                        e.actor_role::text AS "actorRole", e.action, e.target_type AS "targetType", e.target_id AS "targetId",
                        e.outcome::text AS outcome, e.ip, e.request_id AS "requestId", e.details
                   FROM audit_events e
                  ${where}
                  ORDER BY e.id DESC
                  LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
    ),
  ]);
  const items: AuditEventView[] = rows.map((row) => ({ ...row, occurredAt: row.occurredAt.toISOString(), details: row.details ?? null }));
  return { items, page: q.page, pageSize: q.pageSize, total: counted.count, more: counted.more };
}
