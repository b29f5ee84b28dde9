// Cases as the workflow reads them, built by PostgreSQL as one JSON document per request: the case row with its country,
// agency, letters and review tasks, plus the SLA rules (and, under the row lock, the tail of the case's audit chain).
// tests/integration/case-rows.test.ts proves every row equal to Prisma's `include: caseInclude`, so a new column or
// relation that this loader misses fails there. Free of `server-only`: the seeds load cases the way the app does.
import { Prisma } from "../../generated/prisma/client";
import type { WorkflowContext } from "../../domain/workflow/case-workflow";
import { isUuid } from "../../domain/schemas/common";
import type { Tx } from "../db";
import { numericAsText, prismaRow, queryJson, type SqlClient } from "../json-rows";
import type { CaseRow } from "./case-store";

export type SlaRules = WorkflowContext["rules"];
export interface ChainTail {
  chainSeq: number;
  hash: string;
}

/**
 * The case (alias `c`) as JSON with the columns' own (snake_case) names: its row, its amounts again as text (the row's
 * numeric columns are JSON numbers, which JSON.parse would make floats), and its relations. json, not jsonb: building
 * jsonb costs the database five times as much.
 */
const CASE_JSON = Prisma.sql`json_build_object(
  'row', row_to_json(c),
  'amounts', ${numericAsText("c", ["initial_deposit", "initial_deposit_due", "closure_suspense_amount", "value"])},
  'country', (SELECT json_build_object('id', o.id, 'code', o.code, 'name', o.name, 'nato_plus', o.nato_plus,
                                       'standard_oed_days', o.standard_oed_days)
                FROM organizations o WHERE o.id = c.country_id),
  'implementing_agency', (SELECT json_build_object('id', o.id, 'code', o.code, 'name', o.name)
                            FROM organizations o WHERE o.id = c.implementing_agency_id),
  'lors', (SELECT coalesce(json_agg(json_build_object('id', l.id, 'subject', l.subject,
                                                      'originator_reference', l.originator_reference,
                                                      'request_type', l.request_type, 'status', l.status,
                                                      'completed_at', l.completed_at)
                                    ORDER BY l.completed_at), '[]')
             FROM letters_of_request l WHERE l.case_id = c.id),
  'review_tasks', (SELECT coalesce(json_agg(t ORDER BY t.round, t.office), '[]')
                     FROM (SELECT task.*, (SELECT json_build_object('id', u.id, 'name', u.name)
                                             FROM users u WHERE u.id = task.decided_by_id) AS decided_by
                             FROM review_tasks task WHERE task.case_id = c.id) t))`;

const RULES_JSON = Prisma.sql`(SELECT coalesce(json_agg(r ORDER BY r.key, r.effective_from), '[]') FROM sla_rules r)`;

const CASE_REVIVALS = {
  dates: [
    "openedAt", "updatedAt", "statusChangedAt", "statusDueAt", "agencyApprovedAt", "offerExpiresAt", "agencySignedAt",
    "countersignedAt", "offeredAt", "acceptedAt", "signedOn", "depositReceivedAt", "implementedAt", "closedAt",
    "supplyCompleteAt", "reopenedAt", "cnInformalEndsAt", "cnNotifiedAt", "cnPeriodEndsAt", "pausedStatusChangedAt",
    "pausedStatusDueAt",
  ] satisfies (keyof CaseRow)[],
  decimals: ["initialDeposit", "initialDepositDue", "closureSuspenseAmount", "value"] satisfies (keyof CaseRow)[],
};
const TASK_REVIVALS = { dates: ["openedAt", "dueAt", "decidedAt", "overdueFlaggedAt"] satisfies (keyof CaseRow["reviewTasks"][number])[] };
const LOR_REVIVALS = { dates: ["completedAt"] satisfies (keyof CaseRow["lors"][number])[] };
const RULE_REVIVALS = { dates: ["effectiveFrom", "effectiveTo", "createdAt"] satisfies (keyof SlaRules[number] | "createdAt")[] };

interface CaseJson {
  row: object;
  amounts: object;
  country: object;
  implementing_agency: object;
  lors: object[];
  review_tasks: object[];
}

function caseRowOf(json: CaseJson): CaseRow {
  return prismaRow<CaseRow>(
    {
      ...json.row,
      ...json.amounts,
      country: prismaRow(json.country),
      implementing_agency: json.implementing_agency,
      lors: json.lors.map((lor) => prismaRow(lor, LOR_REVIVALS)),
      review_tasks: json.review_tasks.map((task) => prismaRow(task, TASK_REVIVALS)),
    },
    CASE_REVIVALS,
  );
}

const rulesOf = (json: object[]): SlaRules => json.map((rule) => prismaRow(rule, RULE_REVIVALS));

/** Cases by id, in the order of `ids`, with the SLA rules: one statement. */
export async function loadCaseRows(client: SqlClient, ids: readonly string[]): Promise<{ rows: CaseRow[]; rules: SlaRules }> {
  const doc = await queryJson<{ rows: CaseJson[]; rules: object[] }>(
    client,
    Prisma.sql`SELECT json_build_object(
                 'rows', (SELECT coalesce(json_agg(${CASE_JSON} ORDER BY array_position(${[...ids]}::uuid[], c.id)), '[]')
                            FROM cases c WHERE c.id = ANY (${[...ids]}::uuid[])),
                 'rules', ${RULES_JSON})::text AS doc`,
  );
  return { rows: (doc?.rows ?? []).map(caseRowOf), rules: rulesOf(doc?.rules ?? []) };
}

/** One case with the SLA rules, or null (a malformed id is a missing case). */
export async function loadCaseRow(client: SqlClient, caseId: string): Promise<{ row: CaseRow; rules: SlaRules } | null> {
  if (!isUuid(caseId)) return null;
  const { rows, rules } = await loadCaseRows(client, [caseId]);
  return rows[0] ? { row: rows[0], rules } : null;
}

/**
 * Takes the case's row lock for the rest of the transaction and reads the case, the SLA rules and the tail of its audit
 * chain (null before its first event) in the same statement. Null when there is no such case.
 */
export async function lockAndLoadCase(tx: Tx, caseId: string): Promise<{ row: CaseRow; rules: SlaRules; chainTail: ChainTail | null } | null> {
  if (!isUuid(caseId)) return null;
  const doc = await queryJson<{ row: CaseJson; rules: object[]; chain_tail: ChainTail | null }>(
    tx,
    Prisma.sql`SELECT json_build_object(
                 'row', ${CASE_JSON},
                 'rules', ${RULES_JSON},
                 'chain_tail', (SELECT json_build_object('chainSeq', a.chain_seq, 'hash', a.hash)
                                  FROM audit_events a WHERE a.chain_key = 'case:' || c.id::text
                                 ORDER BY a.chain_seq DESC LIMIT 1))::text AS doc
                 FROM cases c WHERE c.id = ${caseId}::uuid
                  FOR UPDATE OF c`,
  );
  return doc ? { row: caseRowOf(doc.row), rules: rulesOf(doc.rules), chainTail: doc.chain_tail } : null;
}
