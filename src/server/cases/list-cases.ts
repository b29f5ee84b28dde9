import "server-only";
import type { Actor } from "@/domain/policy";
import { CaseListQuery } from "@/domain/schemas/cases";
import type { Prisma } from "../../generated/prisma/client";
import { assertCan } from "../auth/actor";
import { db } from "../db";
import { parseInput } from "../errors";
import { literalLike } from "../search";
import { toCaseView } from "./case-record";
import { caseInclude } from "./case-store";

/** The cases an actor may see: a partner officer their own country's, U.S. Government staff all. */
export function caseScope(actor: Actor): Prisma.CaseWhereInput {
  return actor.role === "PARTNER_OFFICER" ? { countryId: actor.organizationId } : {};
}

/**
 * Overdue: a review past its due date, or the office that must act past the target for the case's state. Offers past
 * their expiration date are not "overdue" — they expire.
 */
export function overdueWhere(now: Date): Prisma.CaseWhereInput {
  return {
    OR: [
      { status: "IN_REVIEW", reviewTasks: { some: { status: "OPEN", dueAt: { lt: now } } } },
      { status: { notIn: ["OFFERED", "IN_REVIEW"] }, statusDueAt: { lt: now } },
    ],
  };
}

/** Cases the actor may see, filtered by status, agency, country, overdue and search text. Newest first. */
export async function listCases(actor: Actor, query: unknown) {
  assertCan(actor, "listCases");
  const { status, agency, country, overdue, q, page, pageSize } = parseInput(CaseListQuery, query);
  const now = new Date();
  const where: Prisma.CaseWhereInput = {
    AND: [
      caseScope(actor),
      status ? { status } : {},
      agency ? { implementingAgency: { code: agency } } : {},
      country ? { country: { code: country } } : {},
      overdue === true ? overdueWhere(now) : overdue === false ? { NOT: overdueWhere(now) } : {},
      q
        ? {
            OR: [
              { identifier: { contains: literalLike(q.toUpperCase()) } },
              { lors: { some: { subject: { contains: literalLike(q), mode: "insensitive" } } } },
            ],
          }
        : {},
    ],
  };
  const [total, rows] = await Promise.all([
    db().case.count({ where }),
    db().case.findMany({ where, include: caseInclude, orderBy: { openedAt: "desc" }, skip: (page - 1) * pageSize, take: pageSize }),
  ]);
  const rules = await db().slaRule.findMany();
  const items = rows.map((row) => toCaseView(row, actor, { now, rules, countryOedDays: row.country.standardOedDays ?? null }));
  return { items, page, pageSize, total };
}
