import "server-only";
import { OPEN_STATUSES, VALIDATION_CLOCK_STATUSES, WITH_USG_STATUSES } from "@/domain/lor/workflow";
import type { Actor } from "@/domain/policy";
import { LorListQuery } from "@/domain/schemas/lor";
import type { Prisma } from "../../generated/prisma/client";
import { assertCan } from "../auth/actor";
import { db } from "../db";
import { parseInput } from "../errors";
import { literalLike } from "../search";
import { lorScope, toLorSummary } from "./lor-record";
import { loadLorRows } from "./lor-rows";


/**
 * Letters of request the actor may see: a partner officer their own country's (drafts included); U.S. Government staff
 * every letter submitted at least once. Filters: status (or OPEN / WITH_USG), request type, text, routing, overdue.
 */
export async function listLors(actor: Actor, query: unknown, now = new Date()) {
  assertCan(actor, "listLors");
  const { page, pageSize, ...filters } = parseInput(LorListQuery, query);
  const where = lorListWhere(actor, filters, now);
  const orderBy = lorListOrder(filters.sort);
  // The page's ids by Prisma's filters, then those letters built as JSON by the database (lor-rows.ts).
  const [total, rows] = await Promise.all([
    db().letterOfRequest.count({ where }),
    db()
      .letterOfRequest.findMany({ where, select: { id: true }, orderBy, skip: (page - 1) * pageSize, take: pageSize })
      .then((found) => loadLorRows(db(), found.map((l) => l.id))),
  ]);
  return { items: rows.map((row) => toLorSummary(row, now)), page, pageSize, total };
}

type LorListFilters = Omit<ReturnType<typeof LorListQuery.parse>, "page" | "pageSize">;

/** The list's filters as a where clause (also the CSV export's, src/server/export/export-lors.ts). */
export function lorListWhere(actor: Actor, filters: LorListFilters, now: Date): Prisma.LetterOfRequestWhereInput {
  const { status, requestType, q, agency, overdue } = filters;
  const statusFilter: Prisma.LetterOfRequestWhereInput =
    status === "OPEN"
      ? { status: { in: [...OPEN_STATUSES] } }
      : status === "WITH_USG"
        ? { status: { in: [...WITH_USG_STATUSES] } }
        : status
          ? { status }
          : {};
  return {
    AND: [
      lorScope(actor),
      statusFilter,
      requestType ? { requestType } : {},
      agency === "mine" ? { routedAgencyId: actor.organizationId } : agency === "unrouted" ? { routedAgencyId: null } : {},
      overdue === "true" ? { status: { in: [...VALIDATION_CLOCK_STATUSES] }, validationDueAt: { lt: now } } : {},
      q
        ? {
            OR: [
              { subject: { contains: literalLike(q), mode: "insensitive" } },
              { originatorReference: { contains: literalLike(q), mode: "insensitive" } },
              { originatorName: { contains: literalLike(q), mode: "insensitive" } },
              { country: { code: { equals: q.toUpperCase() } } },
              { case: { identifier: { equals: q.toUpperCase() } } },
            ],
          }
        : {},
    ],
  };
}

/** The list's order for a sort choice. */
export function lorListOrder(sort: LorListFilters["sort"]): Prisma.LetterOfRequestOrderByWithRelationInput[] {
  return sort === "due"
    ? [{ validationDueAt: { sort: "asc", nulls: "last" } }, { submittedAt: "asc" }]
    : sort === "received"
      ? [{ submittedAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }]
      : [{ updatedAt: "desc" }];
}
