// Cases as the workflow reads them, built by PostgreSQL as one JSON document per request: the case row with its country,
// agency, letters and review tasks, plus the SLA rules (and, under the row lock, the tail of the case's audit chain).
// tests/integration/case-rows.test.ts proves every row equal to Prisma's `include: caseInclude`, so a new column or
// relation that this loader misses fails there. Free of `server-only`: the seeds load cases the way the app does.
import { Prisma } from "../../generated/prisma/client";
import type { WorkflowContext } from "../../domain/workflow/case-workflow";
import { isUuid } from "../../domain/schemas/common";
import type { Tx } from "../db";
import { positional, prepared, prismaRow, queryJson, type Revival, type SqlClient } from "../json-rows";
import type { CaseRow } from "./case-store";

export type SlaRules = WorkflowContext["rules"];
export interface ChainTail {
  chainSeq: number;
  hash: string;
}

type CaseScalars = Omit<CaseRow, "country" | "implementingAgency" | "lors" | "reviewTasks">;
type TaskScalars = Omit<CaseRow["reviewTasks"][number], "decidedBy">;
type LorFields = CaseRow["lors"][number];

/**
 * Every column of a case, in the order the query writes them (see positional() in ../json-rows.ts); a column missed
 * here is a compile error, and case-rows.test.ts proves the values equal to Prisma's.
 */
const CASE_COLUMNS = {
  id: "as-is", identifier: "as-is", countryId: "as-is", implementingAgencyId: "as-is", designator: "as-is",
  caseType: "as-is", status: "as-is", openedFromLorId: "as-is", openedById: "as-is", openedAt: "date", version: "as-is",
  updatedAt: "date", statusChangedAt: "date", statusDueAt: "date", statusSlaRuleId: "as-is", suspendedFromStatus: "as-is",
  pausedStatusChangedAt: "date", pausedStatusDueAt: "date", pausedStatusSlaRuleId: "as-is", reviewRound: "as-is",
  loaPreparerIds: "as-is", agencyApprovedAt: "date", offerExpiresAt: "date", agencySignedAt: "date",
  countersignedAt: "date", offeredAt: "date", acceptedAt: "date", signerName: "as-is", signerTitle: "as-is",
  signedOn: "date", initialDeposit: "decimal", depositReceivedAt: "date", implementedAt: "date",
  emergencyImplementation: "as-is", closedAt: "date", initialDepositDue: "decimal", supplyCompleteAt: "date",
  closureType: "as-is", closureSuspenseAmount: "decimal", value: "decimal", lorToOfferDays: "as-is", reopenedAt: "date",
  cnStatus: "as-is", cnHeldFromStatus: "as-is", cnInformalEndsAt: "date", cnNotifiedAt: "date", cnPeriodEndsAt: "date",
  clssaPart: "as-is", linkedCaseId: "as-is", inboxRev: "as-is", searchText: "as-is",
} as const satisfies Record<keyof CaseScalars, Revival>;

const TASK_COLUMNS = {
  id: "as-is", caseId: "as-is", round: "as-is", office: "as-is", status: "as-is", openedAt: "date", dueAt: "date",
  slaRuleId: "as-is", decision: "as-is", decidedById: "as-is", decidedAt: "date", comment: "as-is",
  commentVisibility: "as-is", overdueFlaggedAt: "date",
} as const satisfies Record<keyof TaskScalars, Revival>;

const LOR_COLUMNS = {
  id: "as-is", subject: "as-is", originatorReference: "as-is", requestType: "as-is", status: "as-is", completedAt: "date",
} as const satisfies Record<keyof LorFields, Revival>;

const caseArray = positional<CaseScalars>("c", CASE_COLUMNS);
const taskArray = positional<TaskScalars>("task", TASK_COLUMNS);
const lorArray = positional<LorFields>("l", LOR_COLUMNS);

/**
 * The case (alias `c`) as one JSON array: its columns, then its country, agency, letters and review tasks (each task's
 * columns, then its decider). json, not jsonb: building jsonb costs the database five times as much.
 */
const CASE_JSON = Prisma.sql`json_build_array(
  ${caseArray.sql},
  (SELECT json_build_object('id', o.id, 'code', o.code, 'name', o.name, 'natoPlus', o.nato_plus,
                            'standardOedDays', o.standard_oed_days)
     FROM organizations o WHERE o.id = c.country_id),
  (SELECT json_build_object('id', o.id, 'code', o.code, 'name', o.name) FROM organizations o WHERE o.id = c.implementing_agency_id),
  (SELECT coalesce(json_agg(${lorArray.sql} ORDER BY l.completed_at), '[]') FROM letters_of_request l WHERE l.case_id = c.id),
  (SELECT coalesce(json_agg(json_build_array(${taskArray.sql},
                                             (SELECT json_build_object('id', u.id, 'name', u.name) FROM users u WHERE u.id = task.decided_by_id))
                            ORDER BY task.round, task.office), '[]')
     FROM review_tasks task WHERE task.case_id = c.id))`;

const RULES_JSON = Prisma.sql`(SELECT coalesce(json_agg(r ORDER BY r.key, r.effective_from), '[]') FROM sla_rules r)`;

const RULE_REVIVALS = { dates: ["effectiveFrom", "effectiveTo", "createdAt"] satisfies (keyof SlaRules[number] | "createdAt")[] };

type CaseJson = [
  columns: unknown[],
  country: CaseRow["country"],
  agency: CaseRow["implementingAgency"],
  lors: unknown[][],
  tasks: [columns: unknown[], decidedBy: CaseRow["reviewTasks"][number]["decidedBy"]][],
];

function caseRowOf([columns, country, implementingAgency, lors, tasks]: CaseJson): CaseRow {
  const row = caseArray.decode(columns) as CaseRow;
  row.country = country;
  row.implementingAgency = implementingAgency;
  row.lors = lors.map((lor) => lorArray.decode(lor));
  row.reviewTasks = tasks.map(([columns, decidedBy]) => {
    const task = taskArray.decode(columns) as CaseRow["reviewTasks"][number];
    task.decidedBy = decidedBy;
    return task;
  });
  return row;
}

const rulesOf = (json: object[]): SlaRules => json.map((rule) => prismaRow(rule, RULE_REVIVALS));

/** The cases whose ids an array expression holds, as a JSON array in the array's order. */
const casesInOrder = (ids: Prisma.Sql) =>
  Prisma.sql`(SELECT coalesce(json_agg(${CASE_JSON} ORDER BY array_position(${ids}, c.id)), '[]') FROM cases c WHERE c.id = ANY (${ids}))`;

/** Cases by id, in the order of `ids`, with the SLA rules: one statement. */
export async function loadCaseRows(client: SqlClient, ids: readonly string[]): Promise<{ rows: CaseRow[]; rules: SlaRules }> {
  const doc = await queryJson<{ rows: CaseJson[]; rules: object[] }>(
    client,
    prepared(Prisma.sql`SELECT json_build_object('rows', ${casesInOrder(Prisma.sql`${[...ids]}::uuid[]`)}, 'rules', ${RULES_JSON})::text AS doc`),
  );
  return { rows: (doc?.rows ?? []).map(caseRowOf), rules: rulesOf(doc?.rules ?? []) };
}

/**
 * A page of a list in one statement: `pageIds` (an ARRAY(SELECT c.id … ORDER BY … LIMIT …) expression) chooses the
 * cases and their order, `total` (a scalar count) counts the whole list, and the cases come with the SLA rules.
 */
export async function loadCasePage(client: SqlClient, pageIds: Prisma.Sql, total: Prisma.Sql): Promise<{ total: number; rows: CaseRow[]; rules: SlaRules }> {
  const doc = await queryJson<{ total: number; rows: CaseJson[]; rules: object[] }>(
    client,
    // MATERIALIZED: the ids are read twice below (membership and order), and an inlined subquery would run twice.
    Prisma.sql`WITH page AS MATERIALIZED (SELECT ${pageIds} AS ids)
               SELECT json_build_object('total', ${total}, 'rows', ${casesInOrder(Prisma.sql`page.ids`)}, 'rules', ${RULES_JSON})::text AS doc
                 FROM page`,
  );
  return { total: Number(doc?.total ?? 0), rows: (doc?.rows ?? []).map(caseRowOf), rules: rulesOf(doc?.rules ?? []) };
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
    prepared(Prisma.sql`SELECT json_build_object(
                 'row', ${CASE_JSON},
                 'rules', ${RULES_JSON},
                 'chain_tail', (SELECT json_build_object('chainSeq', a.chain_seq, 'hash', a.hash)
                                  FROM audit_events a WHERE a.chain_key = 'case:' || c.id::text
                                 ORDER BY a.chain_seq DESC LIMIT 1))::text AS doc
                 FROM cases c WHERE c.id = ${caseId}::uuid
                  FOR UPDATE OF c`),
  );
  return doc ? { row: caseRowOf(doc.row), rules: rulesOf(doc.rules), chainTail: doc.chain_tail } : null;
}
