import "server-only";
import type { Actor } from "@/domain/policy";
import { CaseListQuery } from "@/domain/schemas/cases";
import type { CaseStatus } from "@/domain/workflow/states";
import type { Prisma } from "../../generated/prisma/client";
import { assertCan } from "../auth/actor";
import { db } from "../db";
import { parseInput } from "../errors";
import { literalLike } from "../search";
import { toCaseView } from "./case-record";
import { loadCaseRows } from "./case-rows";
import { workflowContextFor } from "./case-store";

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
export function caseListWhere(actor: Actor, filters: Omit<ReturnType<typeof CaseListQuery.parse>, "page" | "pageSize">, now: Date): Prisma.CaseWhereInput {
  const { status, agency, country, overdue, q } = filters;
  return {
    AND: [
      caseScope(actor),
      status ? statusWhere(status, now) : {},
      agency ? { implementingAgency: { code: agency } } : {},
      country ? { country: { code: country } } : {},
      overdue === true ? overdueWhere(now) : overdue === false ? { NOT: overdueWhere(now) } : {},
      // The identifier and the letters' subjects, in one trigram-indexed column kept by the database.
      q ? { searchText: { contains: literalLike(q), mode: "insensitive" } } : {},
    ],
  };
}

/** Cases the actor may see, filtered by status, agency, country, overdue and search text. Newest first. */
export async function listCases(actor: Actor, query: unknown) {
  assertCan(actor, "listCases");
  const { page, pageSize, ...filters } = parseInput(CaseListQuery, query);
  const now = new Date();
  const where = caseListWhere(actor, filters, now);
  // The page's ids by Prisma's filters, then those cases built as JSON by the database (the include would decode them
  // column by column, several times the cost).
  const [total, { rows, rules }] = await Promise.all([
    db().case.count({ where }),
    db()
      .case.findMany({ where, select: { id: true }, orderBy: { openedAt: "desc" }, skip: (page - 1) * pageSize, take: pageSize })
      .then((page) => loadCaseRows(db(), page.map((c) => c.id))),
  ]);
  const items = rows.map((row) => toCaseView(row, actor, workflowContextFor(row, rules, now)));
  return { items, page, pageSize, total };
}
