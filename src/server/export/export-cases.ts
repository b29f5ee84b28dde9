// CSV export of the case list (ADR 0025): the list's filters, country scoping and order (newest first, `id` breaking
// ties), streamed in keyset batches. Each batch is the list's own read — ids by the list's SQL condition, then the
// cases built as JSON by PostgreSQL (case-rows.ts) and shown through toCaseView — so a row says what the list says
// (the status with due clocks applied, "waiting on" without internal steps for partners).
import "server-only";
import { csvDate, csvNumber, type CsvCell } from "@/domain/csv";
import { LOA_TYPE_LABELS } from "@/domain/lor/codes";
import type { Actor } from "@/domain/policy";
import { CaseListQuery } from "@/domain/schemas/cases";
import { CASE_STATUS_LABELS } from "@/domain/workflow/states";
import { Prisma } from "../../generated/prisma/client";
import { assertCan } from "../auth/actor";
import { toCaseView } from "../cases/case-record";
import { loadCaseRows } from "../cases/case-rows";
import { workflowContextFor } from "../cases/case-store";
import { caseListCondition } from "../cases/list-cases";
import { db } from "../db";
import { parseInput } from "../errors";
import type { RequestContext } from "../request-context";
import { csvStream, exportFileName } from "./csv-stream";
import { AGING_LABELS, recordExport } from "./export-common";

export const CASE_EXPORT_HEADER = [
  "Case",
  "Country code",
  "Country",
  "Implementing agency code",
  "Implementing agency",
  "Type",
  "Value (USD)",
  "Status",
  "Waiting on",
  "Status due",
  "Status aging",
  "Opened",
  "Status changed",
  "Offer expires",
  "Accepted",
  "Initial deposit (USD)",
  "Letter of request",
] as const;

/**
 * Starts an export: authorizes as the list does, counts the rows (for X-Total-Count), records the disclosure and
 * returns the stream, which reads nothing more until it is consumed.
 */
export async function exportCases(actor: Actor, query: unknown, context: RequestContext, { batchSize }: { batchSize?: number } = {}) {
  assertCan(actor, "listCases");
  // The export keeps its own order (newest first, for its keyset batches); the list's sort does not apply.
  const { page: _page, pageSize: _pageSize, sort: _sort, dir: _dir, ...filters } = parseInput(CaseListQuery, query);
  const now = new Date();
  const condition = caseListCondition(actor, filters, now);
  const [counted] = await db().$queryRaw<{ total: bigint }[]>`SELECT count(*) AS total FROM cases c WHERE ${condition}`;
  const total = Number(counted?.total ?? 0);
  await recordExport(actor, "case.export", filters, total, context);
  const stream = csvStream<{ id: string; openedAt: Date }>({
    label: "cases",
    header: CASE_EXPORT_HEADER,
    batchSize,
    fetchBatch: async (cursor, limit) => {
      // Newest first, the id breaking ties: each batch starts strictly after the last row of the one before.
      const after = cursor
        ? Prisma.sql`AND (c.opened_at < ${cursor.openedAt} OR (c.opened_at = ${cursor.openedAt} AND c.id > ${cursor.id}::uuid))`
        : Prisma.empty;
      const page = await db().$queryRaw<{ id: string; openedAt: Date }[]>`
        SELECT c.id, c.opened_at AS "openedAt" FROM cases c WHERE ${condition} ${after} ORDER BY c.opened_at DESC, c.id ASC LIMIT ${limit}`;
      if (page.length === 0) return { rows: [], cursor: null };
      const { rows, rules } = await loadCaseRows(db(), page.map((c) => c.id));
      const cells = rows.map((row) => caseCells(toCaseView(row, actor, workflowContextFor(row, rules, now))));
      return { rows: cells, cursor: page[page.length - 1]! };
    },
  });
  return { stream, total, filename: exportFileName("cases", now) };
}

function caseCells(view: ReturnType<typeof toCaseView>): CsvCell[] {
  const letter = view.letters[0];
  return [
    view.identifier,
    view.country.code,
    view.country.name,
    view.implementingAgency.code,
    view.implementingAgency.name,
    LOA_TYPE_LABELS[view.caseType].split(" (")[0],
    view.value === null ? null : csvNumber(view.value),
    CASE_STATUS_LABELS[view.status],
    view.waitingOn,
    csvDate(view.statusAging?.dueAt),
    view.statusAging ? AGING_LABELS[view.statusAging.state] : "",
    csvDate(view.openedAt),
    csvDate(view.statusChangedAt),
    csvDate(view.milestones.offerExpiresAt),
    csvDate(view.milestones.acceptedAt),
    view.acceptance ? csvNumber(view.acceptance.initialDeposit) : null,
    letter ? (letter.subject ?? letter.originatorReference) : "",
  ];
}
