import "server-only";
import type { Actor } from "@/domain/policy";
import { CaseListQuery, type CaseListFilters, type CaseSort } from "@/domain/schemas/cases";
import type { CaseStatus } from "@/domain/workflow/states";
import type { Prisma } from "../../generated/prisma/client";
import { assertCan } from "../auth/actor";
import { db } from "../db";
import { AppError, parseInput } from "../errors";
import { literalLike } from "../search";
import { toCaseView } from "./case-record";
import { loadCaseRows } from "./case-rows";
import { workflowContextFor } from "./case-store";

const DAY_MS = 86_400_000;

/** The cases an actor may see: a partner officer their own country's, U.S. Government staff all. */
export function caseScope(actor: Actor): Prisma.CaseWhereInput {
  return actor.role === "PARTNER_OFFICER" ? { countryId: actor.organizationId } : {};
}

/**
 * Overdue: a review past its due date, or the office that must act past the target for the case's state. Offers past
 * their expiration date are not "overdue" — they expire. A suspended case is never overdue: its clocks are paused
 * (resume extends them), and its open reviews count only in review.
 */
export function overdueWhere(now: Date): Prisma.CaseWhereInput {
  return {
    OR: [
      { status: "IN_REVIEW", reviewTasks: { some: { status: "OPEN", dueAt: { lt: now } } } },
      // `not: null` keeps the negation (overdue=false) from dropping cases without a target: NOT (NULL < now) is NULL.
      { status: { notIn: ["OFFERED", "IN_REVIEW", "SUSPENDED"] }, statusDueAt: { not: null, lt: now } },
    ],
  };
}

/** Stored IN_REVIEW that reads as READY_TO_SIGN: the formal period ended and no review is open (all concurred). */
const reviewPeriodOver = (now: Date): Prisma.CaseWhereInput => ({
  reviewRound: { gt: 0 },
  cnStatus: "FORMALLY_NOTIFIED",
  cnPeriodEndsAt: { not: null, lte: now },
  reviewTasks: { none: { status: "OPEN" } },
});

/**
 * The status as reads show it (clock events that fell due applied, see toCaseView), so a filter agrees with the status
 * each listed case shows even before the clock job has recorded the change.
 */
export function statusWhere(status: CaseStatus, now: Date): Prisma.CaseWhereInput {
  const offerOver: Prisma.CaseWhereInput = { status: "OFFERED", offerExpiresAt: { not: null, lte: now } };
  switch (status) {
    case "OFFERED":
      return { status, NOT: offerOver };
    case "EXPIRED":
      return { OR: [{ status }, offerOver] };
    case "IN_REVIEW":
      return { status, NOT: reviewPeriodOver(now) };
    case "READY_TO_SIGN":
      return { OR: [{ status }, { status: "IN_REVIEW", ...reviewPeriodOver(now) }] };
    default:
      return { status };
  }
}

/** The list's filters as a where clause (also the CSV export's, src/server/export/export-cases.ts). */
export function caseListWhere(actor: Actor, filters: CaseListFilters, now: Date): Prisma.CaseWhereInput {
  const { status, agency, country, overdue, q, openedFrom, openedTo, waitingOn } = filters;
  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);
  // With an office named, "overdue" is that office's target (the bottleneck view's count); otherwise the case's.
  const officeWork = (late?: boolean): Prisma.CaseWhereInput => ({
    inboxEntries: {
      some: {
        inbox: waitingOn,
        userId: null,
        AND: [{ OR: [{ validFrom: null }, { validFrom: { lte: now } }] }, { OR: [{ validUntil: null }, { validUntil: { gt: now } }] }],
        ...(late === true ? { dueAt: { lt: now } } : late === false ? { OR: [{ dueAt: null }, { dueAt: { gte: now } }] } : {}),
      },
    },
  });
  return {
    AND: [
      caseScope(actor),
      status ? statusWhere(status, now) : {},
      agency ? { implementingAgency: { code: agency } } : {},
      country ? { country: { code: country } } : {},
      waitingOn ? officeWork(overdue) : overdue === true ? overdueWhere(now) : overdue === false ? { NOT: overdueWhere(now) } : {},
      // The identifier and the letters' subjects, in one trigram-indexed column kept by the database.
      q ? { searchText: { contains: literalLike(q), mode: "insensitive" } } : {},
      openedFrom ? { openedAt: { gte: startOfDay(openedFrom) } } : {},
      openedTo ? { openedAt: { lt: new Date(startOfDay(openedTo).getTime() + DAY_MS) } } : {},
      // Whole days in the current status, as the dashboard's age buckets count them (floor of the elapsed time).
      filters.minDaysInStatus !== undefined ? { statusChangedAt: { lte: daysAgo(filters.minDaysInStatus) } } : {},
      filters.maxDaysInStatus !== undefined ? { statusChangedAt: { gt: daysAgo(filters.maxDaysInStatus + 1) } } : {},
      filters.minLorToOfferDays !== undefined ? { lorToOfferDays: { gte: filters.minLorToOfferDays } } : {},
      filters.maxLorToOfferDays !== undefined ? { lorToOfferDays: { lte: filters.maxLorToOfferDays } } : {},
    ],
  };
}

const startOfDay = (day: string) => new Date(`${day}T00:00:00Z`);

/** Each sort with the tie-break that makes pages stable; every leading column has an index (ADR 0027). */
function caseOrder(sort: CaseSort, dir: "asc" | "desc"): Prisma.CaseOrderByWithRelationInput[] {
  switch (sort) {
    case "identifier":
      return [{ identifier: dir }];
    case "country":
      return [{ country: { name: dir } }, { identifier: dir }];
    case "agency":
      return [{ implementingAgency: { name: dir } }, { identifier: dir }];
    case "type":
      return [{ caseType: dir }, { openedAt: "desc" }, { id: "asc" }];
    case "status":
      return [{ status: dir }, { openedAt: "desc" }, { id: "asc" }];
    case "due":
      // No target sorts last either way: it is never the most urgent, nor the least.
      return [{ statusDueAt: { sort: dir, nulls: "last" } }, { id: "asc" }];
    case "value":
      return [{ value: { sort: dir, nulls: "last" } }, { id: "asc" }];
    case "opened":
      return [{ openedAt: dir }, { id: "asc" }];
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
  const where = caseListWhere(actor, filters, now);
  // The page's ids by Prisma's filters, then those cases built as JSON by the database (the include would decode them
  // column by column, several times the cost).
  const [total, { rows, rules }] = await Promise.all([
    db().case.count({ where }),
    db()
      .case.findMany({ where, select: { id: true }, orderBy: caseOrder(sort, dir ?? DEFAULT_SORT_DIRECTION[sort]), skip: (page - 1) * pageSize, take: pageSize })
      .then((page) => loadCaseRows(db(), page.map((c) => c.id))),
  ]);
  const items = rows.map((row) => toCaseView(row, actor, workflowContextFor(row, rules, now)));
  return { items, page, pageSize, total, sort, dir: dir ?? DEFAULT_SORT_DIRECTION[sort] };
}
