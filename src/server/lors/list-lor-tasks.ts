import "server-only";
import type { LorRequestType, LorStatus } from "@/domain/lor/codes";
import { validationTaskAging } from "@/domain/lor/validation-task";
import { can, type Actor } from "@/domain/policy";
import { TaskSectionQuery, type LorTaskPageView } from "@/domain/schemas/tasks";
import type { DayKind } from "@/domain/sla";
import { Prisma } from "../../generated/prisma/client";
import { assertCan } from "../auth/actor";
import { db } from "../db";
import { parseInput } from "../errors";

interface LorTaskRow {
  id: string;
  subject: string | null;
  status: string;
  request_type: string | null;
  submitted_at: Date;
  validation_due_at: Date | null;
  country: { id: string; code: string; name: string };
  agency: { id: string; code: string; name: string } | null;
  rule_days: number | null;
  rule_day_kind: string | null;
  rule_amber_percent: number | null;
}

/**
 * The letters of request waiting for the actor's validation (submitted, or acknowledged and under validation), earliest
 * due first, a page at a time, with the validation clock. Who validates is the policy's validateLor: DSCA analysts see
 * every such letter (they may validate any, and route them); an agency's case managers those routed to their agency —
 * an unrouted letter stays with DSCA until someone routes or takes it, rather than sitting in every agency's list.
 * Two statements, each on a partial index of the letters awaiting validation (migration 20261205193000_task_sections);
 * the status condition is written as the index's literals so the planner can match it.
 */
export async function listLorTasks(actor: Actor, query: unknown = {}, now: Date = new Date()): Promise<LorTaskPageView> {
  assertCan(actor, "listMyTasks");
  const { page, pageSize } = parseInput(TaskSectionQuery, query);
  if (!can(actor, "validateLor", {})) return { items: [], page, pageSize, total: 0, overdue: 0 };
  const scope = actor.role === "IA_CASE_MANAGER" ? Prisma.sql`AND l.routed_agency_id = ${actor.organizationId}::uuid` : Prisma.empty;
  const [rows, counts] = await Promise.all([
    db().$queryRaw<LorTaskRow[]>`
      SELECT l.id, l.subject, l.status::text AS status, l.request_type::text AS request_type, l.submitted_at, l.validation_due_at,
             json_build_object('id', co.id, 'code', co.code, 'name', co.name) AS country,
             CASE WHEN ag.id IS NULL THEN NULL ELSE json_build_object('id', ag.id, 'code', ag.code, 'name', ag.name) END AS agency,
             r.days AS rule_days, r.day_kind::text AS rule_day_kind, r.amber_percent AS rule_amber_percent
        FROM letters_of_request l
        JOIN organizations co ON co.id = l.country_id
        LEFT JOIN organizations ag ON ag.id = l.routed_agency_id
        LEFT JOIN sla_rules r ON r.id = l.validation_sla_rule_id
       WHERE l.status IN ('SUBMITTED', 'UNDER_VALIDATION') ${scope}
       ORDER BY l.validation_due_at, l.id
       LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    db().$queryRaw<{ total: bigint; overdue: bigint }[]>`
      SELECT count(*) AS total, count(*) FILTER (WHERE l.validation_due_at < ${now}) AS overdue
        FROM letters_of_request l
       WHERE l.status IN ('SUBMITTED', 'UNDER_VALIDATION') ${scope}`,
  ]);
  return {
    items: rows.map((row) => ({
      lorId: row.id,
      subject: row.subject,
      country: row.country,
      routedAgency: row.agency,
      status: row.status as LorStatus,
      requestType: row.request_type as LorRequestType | null,
      submittedAt: row.submitted_at.toISOString(),
      aging: (() => {
        const rule =
          row.rule_days === null ? null : { days: row.rule_days, dayKind: row.rule_day_kind as DayKind, amberPercent: row.rule_amber_percent! };
        const aging = validationTaskAging(row.submitted_at, row.validation_due_at, rule, now);
        return aging && { ...aging, dueAt: aging.dueAt.toISOString() };
      })(),
    })),
    page,
    pageSize,
    total: Number(counts[0]?.total ?? 0),
    overdue: Number(counts[0]?.overdue ?? 0),
  };
}
