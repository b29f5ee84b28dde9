import "server-only";
import { OPEN_STATUSES, VALIDATION_CLOCK_STATUSES, WITH_USG_STATUSES } from "@/domain/lor/workflow";
import type { Actor } from "@/domain/policy";
import { LorListQuery } from "@/domain/schemas/lor";
import { Prisma } from "../../generated/prisma/client";
import { assertCan } from "../auth/actor";
import { db } from "../db";
import { parseInput } from "../errors";
import { literalLike } from "../search";
import { lorScopeCondition, toLorSummary } from "./lor-record";
import { loadLorPage } from "./lor-rows";

/**
 * Letters of request the actor may see: a partner officer their own country's (drafts included); U.S. Government staff
 * every letter submitted at least once. Filters: status (or OPEN / WITH_USG), request type, text, routing, overdue.
 */
export async function listLors(actor: Actor, query: unknown, now = new Date()) {
  assertCan(actor, "listLors");
  const { page, pageSize, ...filters } = parseInput(LorListQuery, query);
  const base = lorFilterCondition(actor, filters, now);
  const search = filters.q ? lorSearchArms(filters.q) : null;
  // One statement: the page's ids in order, those letters built as JSON (lor-rows.ts), and the total.
  const pageIds = Prisma.sql`ARRAY(${lorPageIds(base, search, filters.sort, pageSize, (page - 1) * pageSize)})`;
  const count = Prisma.sql`(SELECT count(*) FROM letters_of_request l WHERE ${withSearch(base, search)})`;
  const { total, rows } = await loadLorPage(db(), pageIds, count);
  return { items: rows.map((row) => toLorSummary(row, now)), page, pageSize, total };
}

export type LorListFilters = Omit<ReturnType<typeof LorListQuery.parse>, "page" | "pageSize">;

// An enum array parameter rather than `status::text IN (…)`: a cast column could not use the (status, …) indexes.
const statusIn = (statuses: readonly string[]) => Prisma.sql`l.status = ANY (${[...statuses]}::"LorStatus"[])`;

/**
 * The list's filters as one SQL condition on `letters_of_request l` (also the CSV export's,
 * src/server/export/export-lors.ts). SQL rather than Prisma's where: the page's ids, its letters and the total are
 * then one statement (issue 11).
 */
export function lorListCondition(actor: Actor, filters: LorListFilters, now: Date): Prisma.Sql {
  return withSearch(lorFilterCondition(actor, filters, now), filters.q ? lorSearchArms(filters.q) : null);
}

/** The filters, and any one of the search's alternatives. */
const withSearch = (base: Prisma.Sql, search: Prisma.Sql[] | null) =>
  search ? Prisma.sql`${base} AND (${Prisma.join(search, " OR ")})` : base;

/** Every filter but the text search. */
function lorFilterCondition(actor: Actor, filters: LorListFilters, now: Date): Prisma.Sql {
  const { status, requestType, agency, overdue } = filters;
  const conditions: Prisma.Sql[] = [lorScopeCondition(actor)];
  if (status === "OPEN") conditions.push(statusIn(OPEN_STATUSES));
  else if (status === "WITH_USG") conditions.push(statusIn(WITH_USG_STATUSES));
  else if (status) conditions.push(Prisma.sql`l.status = ${status}::"LorStatus"`);
  if (requestType) conditions.push(Prisma.sql`l.request_type = ${requestType}::"LorRequestType"`);
  if (agency === "mine") conditions.push(Prisma.sql`l.routed_agency_id = ${actor.organizationId}::uuid`);
  else if (agency === "unrouted") conditions.push(Prisma.sql`l.routed_agency_id IS NULL`);
  // Only overdue=true narrows the list.
  if (overdue === "true") conditions.push(Prisma.sql`(${statusIn(VALIDATION_CLOCK_STATUSES)} AND l.validation_due_at < ${now})`);
  return Prisma.join(conditions, " AND ");
}

/**
 * What the text search matches, as alternatives: the words in the subject, partner reference or originator's name; the
 * country code; the case identifier. Each has its own index (three trigram, country, case) and the code and identifier
 * are single-id lookups (`IN (subquery)` arms could not join a BitmapOr), so the total is counted through the indexes.
 * A letter's country is always a partner country, whose codes are unique.
 */
function lorSearchArms(q: string): Prisma.Sql[] {
  const contains = `%${literalLike(q)}%`;
  // Codes and identifiers are stored upper case; upper-cased here as the Prisma filter did (JS, not SQL, rules).
  const code = q.toUpperCase();
  return [
    Prisma.sql`(l.subject ILIKE ${contains} OR l.originator_reference ILIKE ${contains} OR l.originator_name ILIKE ${contains})`,
    Prisma.sql`l.country_id = (SELECT o.id FROM organizations o WHERE o.kind = 'PARTNER_COUNTRY' AND o.code = ${code})`,
    Prisma.sql`l.case_id = (SELECT c.id FROM cases c WHERE c.identifier = ${code})`,
  ];
}

/**
 * The ids of one page of the list, in order. A text search takes each alternative's first rows (by its own index,
 * sorted) and merges them: asked as one OR, the planner expects the country arm to match a seventh of the letters
 * whatever the words, walks a sort index testing every letter, and so reads the whole table for a rare word (0.6 s at
 * 100,000 letters). Apart, each alternative is planned on its own estimate.
 */
function lorPageIds(base: Prisma.Sql, search: Prisma.Sql[] | null, sort: LorListFilters["sort"], limit: number, offset: number): Prisma.Sql {
  const orderBy = lorListOrderBy(sort);
  if (!search) return Prisma.sql`SELECT l.id FROM letters_of_request l WHERE ${base} ORDER BY ${orderBy} LIMIT ${limit} OFFSET ${offset}`;
  const firstRows = search.map(
    (arm) => Prisma.sql`(SELECT ${SORT_COLUMNS} FROM letters_of_request l WHERE ${base} AND ${arm} ORDER BY ${orderBy} LIMIT ${limit + offset})`,
  );
  return Prisma.sql`SELECT l.id FROM (${Prisma.join(firstRows, " UNION ")}) l ORDER BY ${orderBy} LIMIT ${limit} OFFSET ${offset}`;
}

/** The columns the list sorts by. */
const SORT_COLUMN_NAMES = ["updated_at", "validation_due_at", "submitted_at", "created_at", "id"] as const;

/** A column the list sorts by. NULLs always sort last: a draft has no submission, a letter off the clock no due date. */
export interface LorSortKey {
  column: (typeof SORT_COLUMN_NAMES)[number];
  direction: "asc" | "desc";
  nullable: boolean;
}

const BY_ID: LorSortKey = { column: "id", direction: "asc", nullable: false };

/** Every column a sort may use, for a subquery that the list sorts afterwards. */
const SORT_COLUMNS = Prisma.raw(SORT_COLUMN_NAMES.map((column) => `l.${column}`).join(", "));

/**
 * The list's order for a sort choice, `id` breaking ties so that pages (and the export's keyset batches) are stable:
 * most urgent validation first, latest received first, or (by default) latest changed first.
 */
export function lorSortKeys(sort: LorListFilters["sort"]): readonly LorSortKey[] {
  switch (sort) {
    case "due":
      return [{ column: "validation_due_at", direction: "asc", nullable: true }, { column: "submitted_at", direction: "asc", nullable: true }, BY_ID];
    case "received":
      return [{ column: "submitted_at", direction: "desc", nullable: true }, { column: "created_at", direction: "desc", nullable: false }, BY_ID];
    default:
      return [{ column: "updated_at", direction: "desc", nullable: false }, BY_ID];
  }
}

/**
 * The ORDER BY of a sort choice. NULLS LAST is written only for the columns that may be NULL: on a NOT NULL column it
 * changes nothing but would keep a DESC index (NULLS FIRST) from serving the order.
 */
export function lorListOrderBy(sort: LorListFilters["sort"]): Prisma.Sql {
  const terms = lorSortKeys(sort).map(
    (key) => `l.${key.column} ${key.direction === "asc" ? "ASC" : "DESC"}${key.nullable ? " NULLS LAST" : ""}`,
  );
  return Prisma.raw(terms.join(", "));
}
