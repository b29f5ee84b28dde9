import "server-only";
import type { Actor } from "@/domain/policy";
import { LorListQuery } from "@/domain/schemas/lor";
import type { Prisma } from "../../generated/prisma/client";
import { assertCan } from "../auth/actor";
import { db } from "../db";
import { parseInput } from "../errors";
import { literalLike } from "../search";
import { lorInclude, toLorSummary } from "./lor-record";

const OPEN = ["DRAFT", "SUBMITTED", "UNDER_VALIDATION", "INSUFFICIENT", "ACTIONABLE", "COMPLETE"] as const;
const WITH_USG = ["SUBMITTED", "UNDER_VALIDATION", "ACTIONABLE"] as const;
const CLOCK_RUNNING = ["SUBMITTED", "UNDER_VALIDATION"] as const;

/**
 * Letters of request the actor may see: a partner officer their own country's (drafts included); U.S. Government staff
 * every letter submitted at least once. Filters: status (or OPEN / WITH_USG), request type, text, routing, overdue.
 */
export async function listLors(actor: Actor, query: unknown, now = new Date()) {
  assertCan(actor, "listLors");
  const { status, requestType, q, agency, overdue, sort, page, pageSize } = parseInput(LorListQuery, query);
  const scope: Prisma.LetterOfRequestWhereInput =
    actor.role === "PARTNER_OFFICER" ? { countryId: actor.organizationId } : { firstSubmittedAt: { not: null } };
  const statusFilter: Prisma.LetterOfRequestWhereInput =
    status === "OPEN"
      ? { status: { in: [...OPEN] } }
      : status === "WITH_USG"
        ? { status: { in: [...WITH_USG] } }
        : status
          ? { status }
          : {};
  const where: Prisma.LetterOfRequestWhereInput = {
    AND: [
      scope,
      statusFilter,
      requestType ? { requestType } : {},
      agency === "mine" ? { routedAgencyId: actor.organizationId } : agency === "unrouted" ? { routedAgencyId: null } : {},
      overdue === "true" ? { status: { in: [...CLOCK_RUNNING] }, validationDueAt: { lt: now } } : {},
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
  const orderBy: Prisma.LetterOfRequestOrderByWithRelationInput[] =
    sort === "due"
      ? [{ validationDueAt: { sort: "asc", nulls: "last" } }, { submittedAt: "asc" }]
      : sort === "received"
        ? [{ submittedAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }]
        : [{ updatedAt: "desc" }];
  const [total, rows] = await Promise.all([
    db().letterOfRequest.count({ where }),
    db().letterOfRequest.findMany({ where, include: lorInclude, orderBy, skip: (page - 1) * pageSize, take: pageSize }),
  ]);
  return { items: rows.map((row) => toLorSummary(row, now)), page, pageSize, total };
}
