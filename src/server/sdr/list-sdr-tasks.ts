import "server-only";
import type { Actor } from "@/domain/policy";
import { sdrReference, type SdrStatus, type SdrType } from "@/domain/execution/sdr";
import { SdrTaskQuery, type SdrTaskPageView } from "@/domain/schemas/sdr";
import { db } from "../db";
import { parseInput } from "../errors";
import { assertCan } from "../auth/actor";
import { loadSdrPolicy, sdrAging } from "./sdr-store";

interface TaskRow {
  id: string;
  case_id: string;
  number: number;
  type: string;
  status: string;
  value_affected: string;
  filed_at: Date;
  due_at: Date;
  decided_at: Date | null;
  reconsideration_requested_at: Date | null;
  sla_rule_id: string | null;
  identifier: string;
  country: string;
}

/**
 * The reports waiting on the actor's agency (submitted, or with reconsideration requested), earliest due first, a page
 * at a time. Agency case managers only: they decide. The query walks the partial index of open reports in due order
 * (migration 20261205164500_sdr_open_due_index) and keeps those whose case is the agency's; its status condition is
 * written as the index's literals so the planner can use it whatever the parameters.
 */
export async function listSdrTasks(actor: Actor, query: unknown = {}, now: Date = new Date()): Promise<SdrTaskPageView> {
  assertCan(actor, "viewExecution");
  const { page, pageSize } = parseInput(SdrTaskQuery, query);
  if (actor.role !== "IA_CASE_MANAGER") return { items: [], page, pageSize, total: 0, overdue: 0 };
  const agencyId = actor.organizationId;
  const [rows, counts, policy] = await Promise.all([
    db().$queryRaw<TaskRow[]>`
      SELECT s.id, s.case_id, s.number, s.type::text AS type, s.status::text AS status, s.value_affected::text AS value_affected,
             s.filed_at, s.due_at, s.decided_at, s.reconsideration_requested_at, s.sla_rule_id, c.identifier, o.name AS country
        FROM supply_discrepancy_reports s
        JOIN cases c ON c.id = s.case_id
        JOIN organizations o ON o.id = c.country_id
       WHERE s.status IN ('SUBMITTED', 'RECONSIDERATION_REQUESTED')
         AND c.implementing_agency_id = ${agencyId}::uuid
       ORDER BY s.due_at, s.id
       LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    db().$queryRaw<{ total: bigint; overdue: bigint }[]>`
      SELECT count(*) AS total, count(*) FILTER (WHERE s.due_at < ${now}) AS overdue
        FROM supply_discrepancy_reports s
        JOIN cases c ON c.id = s.case_id
       WHERE s.status IN ('SUBMITTED', 'RECONSIDERATION_REQUESTED')
         AND c.implementing_agency_id = ${agencyId}::uuid`,
    loadSdrPolicy(db()),
  ]);
  return {
    items: rows.map((row) => ({
      sdrId: row.id,
      caseId: row.case_id,
      caseIdentifier: row.identifier,
      country: row.country,
      number: row.number,
      reference: sdrReference(row.identifier, row.number),
      type: row.type as SdrType,
      status: row.status as SdrStatus,
      valueAffected: row.value_affected,
      filedAt: row.filed_at.toISOString(),
      dueAt: row.due_at.toISOString(),
      aging: sdrAging(
        {
          status: row.status as SdrStatus,
          filedAt: row.filed_at,
          dueAt: row.due_at,
          decidedAt: row.decided_at,
          reconsiderationRequestedAt: row.reconsideration_requested_at,
          slaRuleId: row.sla_rule_id,
        },
        policy.rules,
        now,
      ),
    })),
    page,
    pageSize,
    total: Number(counts[0]?.total ?? 0),
    overdue: Number(counts[0]?.overdue ?? 0),
  };
}
