import "server-only";
import type { Actor } from "@/domain/policy";
import { startOfNextUtcDay, startOfUtcDay } from "@/domain/sla";
import { CaseListQuery, type CaseListFilters, type CaseSort } from "@/domain/schemas/cases";
import type { CaseStatus } from "@/domain/workflow/states";
import { Prisma } from "../../generated/prisma/client";
import { assertCan } from "../auth/actor";
import { db } from "../db";
import { AppError, parseInput } from "../errors";
import { literalLike } from "../search";
import { toCaseView } from "./case-record";
import { loadCasePage } from "./case-rows";
import { workflowContextFor } from "./case-store";

const DAY_MS = 86_400_000;

/** The cases an actor may see (alias `c`): a partner officer their own country's, U.S. Government staff all. */
function caseScope(actor: Actor): Prisma.Sql {
  return actor.role === "PARTNER_OFFICER" ? Prisma.sql`c.country_id = ${actor.organizationId}::uuid` : Prisma.sql`TRUE`;
}

const OPEN_REVIEW_PAST_DUE = (now: Date) =>
  Prisma.sql`EXISTS (SELECT 1 FROM review_tasks t WHERE t.case_id = c.id AND t.status = 'OPEN' AND t.due_at < ${now})`;

/**
 * Overdue: a review past its due date, or the office that must act past the target for the case's state. Offers past
 * their expiration date are not "overdue" — they expire. A suspended case is never overdue: its clocks are paused
 * (resume extends them), and its open reviews count only in review. Never NULL, so its negation (overdue=false) keeps
 * the cases without a target.
 */
function overdueCondition(now: Date): Prisma.Sql {
  return Prisma.sql`((c.status = 'IN_REVIEW' AND ${OPEN_REVIEW_PAST_DUE(now)})
    OR (c.status NOT IN ('OFFERED', 'IN_REVIEW', 'SUSPENDED') AND c.status_due_at IS NOT NULL AND c.status_due_at < ${now}))`;
}

/** Stored IN_REVIEW that reads as READY_TO_SIGN: the formal period ended and no review is open (all concurred). */
const reviewPeriodOver = (now: Date) =>
  Prisma.sql`(c.review_round > 0 AND c.cn_status = 'FORMALLY_NOTIFIED' AND c.cn_period_ends_at IS NOT NULL AND c.cn_period_ends_at <= ${now}
    AND NOT EXISTS (SELECT 1 FROM review_tasks t WHERE t.case_id = c.id AND t.status = 'OPEN'))`;

/**
 * The status as reads show it (clock events that fell due applied, see toCaseView), so a filter agrees with the status
 * each listed case shows even before the clock job has recorded the change.
 */
function statusCondition(status: CaseStatus, now: Date): Prisma.Sql {
  const offerOver = Prisma.sql`(c.status = 'OFFERED' AND c.offer_expires_at IS NOT NULL AND c.offer_expires_at <= ${now})`;
  switch (status) {
    case "OFFERED":
      return Prisma.sql`(c.status = 'OFFERED' AND NOT ${offerOver})`;
    case "EXPIRED":
      return Prisma.sql`(c.status = 'EXPIRED' OR ${offerOver})`;
    case "IN_REVIEW":
      return Prisma.sql`(c.status = 'IN_REVIEW' AND NOT ${reviewPeriodOver(now)})`;
    case "READY_TO_SIGN":
      return Prisma.sql`(c.status = 'READY_TO_SIGN' OR (c.status = 'IN_REVIEW' AND ${reviewPeriodOver(now)}))`;
    default:
      return Prisma.sql`c.status = ${status}::"CaseStatus"`;
  }
}

/**
 * With an office named, the cases where that office has work now (from the derived inbox, ADR 0019); `late` narrows
 * to its work past (true) or within (false) the office's target — the bottleneck view's counts.
 */
function officeWork(office: string, now: Date, late: boolean | undefined): Prisma.Sql {
  const lateness =
    late === true ? Prisma.sql`AND e.due_at < ${now}` : late === false ? Prisma.sql`AND (e.due_at IS NULL OR e.due_at >= ${now})` : Prisma.empty;
  return Prisma.sql`EXISTS (SELECT 1 FROM case_inbox_entries e
     WHERE e.case_id = c.id AND e.inbox = ${office} AND e.user_id IS NULL
       AND (e.valid_from IS NULL OR e.valid_from <= ${now}) AND (e.valid_until IS NULL OR e.valid_until > ${now}) ${lateness})`;
}

/**
 * The list's filters as one SQL condition on `cases c` (also the CSV export's, src/server/export/export-cases.ts).
 * SQL rather than Prisma's where: the page's ids, its cases and the total are then one statement (issue 11).
 */
export function caseListCondition(actor: Actor, filters: CaseListFilters, now: Date): Prisma.Sql {
  const { status, agency, country, overdue, q, openedFrom, openedTo, waitingOn } = filters;
  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const conditions: Prisma.Sql[] = [caseScope(actor)];
  if (status) conditions.push(statusCondition(status, now));
  if (agency) conditions.push(Prisma.sql`c.implementing_agency_id IN (SELECT o.id FROM organizations o WHERE o.code = ${agency})`);
  if (country) conditions.push(Prisma.sql`c.country_id IN (SELECT o.id FROM organizations o WHERE o.code = ${country})`);
  if (waitingOn) conditions.push(officeWork(waitingOn, now, overdue));
  else if (overdue === true) conditions.push(overdueCondition(now));
  else if (overdue === false) conditions.push(Prisma.sql`NOT ${overdueCondition(now)}`);
  // The identifier and the letters' subjects, in one trigram-indexed column kept by the database.
  if (q) conditions.push(Prisma.sql`c.search_text ILIKE ${`%${literalLike(q)}%`}`);
  if (openedFrom) conditions.push(Prisma.sql`c.opened_at >= ${startOfUtcDay(openedFrom)}`);
  if (openedTo) conditions.push(Prisma.sql`c.opened_at < ${startOfNextUtcDay(openedTo)}`);
  // Whole days in the current status, as the dashboard's age buckets count them (floor of the elapsed time).
  if (filters.minDaysInStatus !== undefined) conditions.push(Prisma.sql`c.status_changed_at <= ${daysAgo(filters.minDaysInStatus)}`);
  if (filters.maxDaysInStatus !== undefined) conditions.push(Prisma.sql`c.status_changed_at > ${daysAgo(filters.maxDaysInStatus + 1)}`);
  if (filters.minLorToOfferDays !== undefined) conditions.push(Prisma.sql`c.lor_to_offer_days >= ${filters.minLorToOfferDays}`);
  if (filters.maxLorToOfferDays !== undefined) conditions.push(Prisma.sql`c.lor_to_offer_days <= ${filters.maxLorToOfferDays}`);
  return Prisma.join(conditions, " AND ");
}

/** The organization a sort by name reads, joined (not a subquery per row: a sort over every case reads them all). */
const SORT_BY_COUNTRY = Prisma.sql`cases c JOIN organizations sort_org ON sort_org.id = c.country_id`;
const SORT_BY_AGENCY = Prisma.sql`cases c JOIN organizations sort_org ON sort_org.id = c.implementing_agency_id`;
const CASES = Prisma.sql`cases c`;

/**
 * Each sort (its FROM and ORDER BY) with the tie-break that makes pages stable; every leading column has an index
 * (ADR 0027).
 */
function caseOrder(sort: CaseSort, direction: "asc" | "desc"): { from: Prisma.Sql; orderBy: Prisma.Sql } {
  const dir = Prisma.raw(direction === "asc" ? "ASC" : "DESC");
  switch (sort) {
    case "identifier":
      return { from: CASES, orderBy: Prisma.sql`c.identifier ${dir}` };
    case "country":
      return { from: SORT_BY_COUNTRY, orderBy: Prisma.sql`sort_org.name ${dir}, c.identifier ${dir}` };
    case "agency":
      return { from: SORT_BY_AGENCY, orderBy: Prisma.sql`sort_org.name ${dir}, c.identifier ${dir}` };
    case "type":
      return { from: CASES, orderBy: Prisma.sql`c.case_type ${dir}, c.opened_at DESC, c.id ASC` };
    case "status":
      return { from: CASES, orderBy: Prisma.sql`c.status ${dir}, c.opened_at DESC, c.id ASC` };
    case "due":
      // No target sorts last either way: it is never the most urgent, nor the least.
      return { from: CASES, orderBy: Prisma.sql`c.status_due_at ${dir} NULLS LAST, c.id ASC` };
    case "value":
      return { from: CASES, orderBy: Prisma.sql`c.value ${dir} NULLS LAST, c.id ASC` };
    case "opened":
      return { from: CASES, orderBy: Prisma.sql`c.opened_at ${dir}, c.id ASC` };
  }
}

/** The direction a column sorts in when its heading is first chosen: newest, largest and most urgent first. */
export const DEFAULT_SORT_DIRECTION: Record<CaseSort, "asc" | "desc"> = {
  opened: "desc",
  identifier: "asc",
  country: "asc",
  agency: "asc",
  type: "asc",
  status: "asc",
  due: "asc",
  value: "desc",
};

/** Cases the actor may see, filtered as the list and the dashboards' drill-downs ask, sorted by any column (newest first). */
export async function listCases(actor: Actor, query: unknown) {
  assertCan(actor, "listCases");
  const { page, pageSize, sort = "opened", dir, ...filters } = parseInput(CaseListQuery, query);
  // A partner sees a case's value only once an LOA is offered to them; ordering by it would reveal the rest.
  if (sort === "value" && actor.role === "PARTNER_OFFICER") {
    throw new AppError("VALIDATION_FAILED", "Sorting by value is not available for partner accounts", { fields: { sort: "Sorting by value is not available for partner accounts" } });
  }
  const now = new Date();
  const condition = caseListCondition(actor, filters, now);
  // One statement: the page's ids in order, those cases built as JSON (case-rows.ts), and the total.
  const order = caseOrder(sort, dir ?? DEFAULT_SORT_DIRECTION[sort]);
  const pageIds = Prisma.sql`ARRAY(SELECT c.id FROM ${order.from} WHERE ${condition}
                                   ORDER BY ${order.orderBy} LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize})`;
  const { total, rows, rules } = await loadCasePage(db(), pageIds, Prisma.sql`(SELECT count(*) FROM cases c WHERE ${condition})`);
  const items = rows.map((row) => toCaseView(row, actor, workflowContextFor(row, rules, now)));
  return { items, page, pageSize, total, sort, dir: dir ?? DEFAULT_SORT_DIRECTION[sort] };
}
