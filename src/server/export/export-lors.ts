// CSV export of the letter list (ADR 0025): the list's filters, scoping (partners their own country's letters, drafts
// included; U.S. Government staff every letter submitted at least once) and sort choice, with `id` breaking ties,
// streamed in keyset batches. Each batch is the list's own read: ids by the list's where clause, then the letters
// built as JSON by PostgreSQL (lor-rows.ts) and shown through toLorView for the caller.
import "server-only";
import { csvDate, csvNumber, type CsvCell } from "@/domain/csv";
import { LOA_TYPE_LABELS, LOR_REQUEST_TYPE_LABELS, LOR_STATUS_LABELS } from "@/domain/lor/codes";
import type { Actor } from "@/domain/policy";
import { LorListQuery } from "@/domain/schemas/lor";
import type { Prisma } from "../../generated/prisma/client";
import { assertCan } from "../auth/actor";
import { db } from "../db";
import { parseInput } from "../errors";
import { lorListOrder, lorListWhere } from "../lors/list-lors";
import { toLorView } from "../lors/lor-record";
import { loadLorRows } from "../lors/lor-rows";
import type { RequestContext } from "../request-context";
import { csvStream, exportFileName } from "./csv-stream";
import { AGING_LABELS, recordExport } from "./export-common";
import { keysetAfter, keysetKeys, keysetOrderBy } from "./keyset";

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

/** The list's sort columns that may be NULL (drafts have no submission, letters off the clock no due date). */
const NULLABLE_SORT_KEYS = ["submittedAt", "validationDueAt"];

/** Starts an export: authorizes as the list does, counts (X-Total-Count), records the disclosure, returns the stream. */
export async function exportLors(actor: Actor, query: unknown, context: RequestContext, { batchSize }: { batchSize?: number } = {}) {
  assertCan(actor, "listLors");
  const { page: _page, pageSize: _pageSize, ...filters } = parseInput(LorListQuery, query);
  const now = new Date();
  const where = lorListWhere(actor, filters, now);
  const keys = keysetKeys(lorListOrder(filters.sort), NULLABLE_SORT_KEYS);
  const select = Object.fromEntries(keys.map((k) => [k.field, true])) as Prisma.LetterOfRequestSelect;
  const total = await db().letterOfRequest.count({ where });
  await recordExport(actor, "lor.export", filters, total, context);
  const stream = csvStream<Record<string, unknown>>({
    label: "letters of request",
    header: LOR_EXPORT_HEADER,
    batchSize,
    fetchBatch: async (cursor, limit) => {
      const page = (await db().letterOfRequest.findMany({
        where: cursor ? { AND: [where, keysetAfter(keys, cursor) as Prisma.LetterOfRequestWhereInput] } : where,
        select,
        orderBy: keysetOrderBy(keys) as Prisma.LetterOfRequestOrderByWithRelationInput[],
        take: limit,
      })) as Record<string, unknown>[];
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
