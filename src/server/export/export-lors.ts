// CSV export of the letter list (ADR 0025): the list's filters, scoping (partners their own country's letters, drafts
// included; U.S. Government staff every letter submitted at least once) and sort choice, with `id` breaking ties,
// streamed in keyset batches. Each batch is the list's own read: ids by the list's SQL condition and order, then the
// letters built as JSON by PostgreSQL (lor-rows.ts) and shown through toLorView for the caller.
import "server-only";
import { csvDate, csvNumber, type CsvCell } from "@/domain/csv";
import { LOA_TYPE_LABELS, LOR_REQUEST_TYPE_LABELS, LOR_STATUS_LABELS } from "@/domain/lor/codes";
import type { Actor } from "@/domain/policy";
import { LorListQuery } from "@/domain/schemas/lor";
import { Prisma } from "../../generated/prisma/client";
import { assertCan } from "../auth/actor";
import { db } from "../db";
import { parseInput } from "../errors";
import { lorListCondition, lorListOrderBy, lorSortKeys, type LorSortKey } from "../lors/list-lors";
import { toLorView } from "../lors/lor-record";
import { loadLorRows } from "../lors/lor-rows";
import type { RequestContext } from "../request-context";
import { csvStream, exportFileName } from "./csv-stream";
import { AGING_LABELS, recordExport } from "./export-common";

export const LOR_EXPORT_HEADER = [
  "Subject",
  "Originator reference",
  "Country code",
  "Country",
  "Request type",
  "LOA type",
  "Status",
  "Routed to agency",
  "Case",
  "Checklist complete (%)",
  "Validation due",
  "Validation aging",
  "Requested value (USD)",
  "Items estimated value (USD)",
  "P&A estimated value (USD)",
  "Created",
  "Submitted",
  "Completed",
  "Last changed",
] as const;

/** The last row a batch sent: its id and the values of its sort columns (by column name). */
type Cursor = Record<string, unknown>;

/**
 * The rows strictly after `last` in the keys' order (every key NULLS LAST, the last key `id`): the OR of "equal on the
 * keys before, past on this one", as the row comparison `(k1, k2, id) > (v1, v2, v3)` would be were it NULL-aware.
 */
function keysetAfter(keys: readonly LorSortKey[], last: Cursor): Prisma.Sql {
  const column = (key: LorSortKey) => Prisma.raw(`l.${key.column}`);
  // Typed: a text parameter would not compare with a uuid column.
  const valueOf = (key: LorSortKey) => Prisma.sql`${last[key.column]}::${Prisma.raw(key.column === "id" ? "uuid" : "timestamptz")}`;
  const equal = (key: LorSortKey) =>
    last[key.column] === null ? Prisma.sql`${column(key)} IS NULL` : Prisma.sql`${column(key)} = ${valueOf(key)}`;
  const alternatives: Prisma.Sql[] = [];
  for (const [i, key] of keys.entries()) {
    // NULLs sort last: nothing comes after a NULL in this key, and every NULL comes after a value.
    if (last[key.column] === null) continue;
    const op = Prisma.raw(key.direction === "asc" ? ">" : "<");
    const beyond = Prisma.sql`${column(key)} ${op} ${valueOf(key)}`;
    const past = key.nullable ? Prisma.sql`(${beyond} OR ${column(key)} IS NULL)` : beyond;
    alternatives.push(Prisma.join([...keys.slice(0, i).map(equal), past], " AND ", "(", ")"));
  }
  // The last key is the id, never NULL, so there is always an alternative.
  const after = Prisma.join(alternatives, " OR ", "(", ")");
  // A plain bound on a NOT NULL first key lets PostgreSQL start its index scan there instead of filtering.
  const [first] = keys;
  if (!first || first.nullable) return after;
  return Prisma.sql`${column(first)} ${Prisma.raw(first.direction === "asc" ? ">=" : "<=")} ${valueOf(first)} AND ${after}`;
}

/** Starts an export: authorizes as the list does, counts (X-Total-Count), records the disclosure, returns the stream. */
export async function exportLors(actor: Actor, query: unknown, context: RequestContext, { batchSize }: { batchSize?: number } = {}) {
  assertCan(actor, "listLors");
  const { page: _page, pageSize: _pageSize, ...filters } = parseInput(LorListQuery, query);
  const now = new Date();
  const condition = lorListCondition(actor, filters, now);
  const keys = lorSortKeys(filters.sort);
  const keyColumns = Prisma.raw(keys.map((key) => `l.${key.column}`).join(", "));
  const orderBy = lorListOrderBy(filters.sort);
  const [counted] = await db().$queryRaw<{ total: bigint }[]>`SELECT count(*) AS total FROM letters_of_request l WHERE ${condition}`;
  const total = Number(counted?.total ?? 0);
  await recordExport(actor, "lor.export", filters, total, context);
  const stream = csvStream<Cursor>({
    label: "letters of request",
    header: LOR_EXPORT_HEADER,
    batchSize,
    fetchBatch: async (cursor, limit) => {
      const after = cursor ? Prisma.sql`AND ${keysetAfter(keys, cursor)}` : Prisma.empty;
      const page = await db().$queryRaw<Cursor[]>`
        SELECT ${keyColumns} FROM letters_of_request l WHERE ${condition} ${after} ORDER BY ${orderBy} LIMIT ${limit}`;
      if (page.length === 0) return { rows: [], cursor: null };
      const rows = await loadLorRows(db(), page.map((l) => l.id as string));
      return { rows: rows.map((row) => lorCells(toLorView(row, now, actor))), cursor: page[page.length - 1]! };
    },
  });
  return { stream, total, filename: exportFileName("letters-of-request", now) };
}

const amount = (value: string | null | undefined): CsvCell => (value ? csvNumber(value) : null);

function lorCells(view: ReturnType<typeof toLorView>): CsvCell[] {
  return [
    view.subject,
    view.originatorReference,
    view.country.code,
    view.country.name,
    view.requestType ? LOR_REQUEST_TYPE_LABELS[view.requestType] : "",
    view.loaType ? LOA_TYPE_LABELS[view.loaType].split(" (")[0] : "",
    LOR_STATUS_LABELS[view.status],
    view.routedAgency?.name ?? "",
    view.case?.identifier ?? "",
    view.checklist.score,
    csvDate(view.validation?.dueAt),
    view.validation ? AGING_LABELS[view.validation.state] : "",
    amount(view.blanketValue),
    view.items.length > 0 ? amount(view.itemsTotal) : null,
    amount(view.priceAndAvailability?.estimatedValue),
    csvDate(view.createdAt),
    csvDate(view.submittedAt),
    csvDate(view.completedAt),
    csvDate(view.updatedAt),
  ];
}
