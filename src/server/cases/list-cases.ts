import "server-only";
import type { Actor } from "@/domain/policy";
import { CaseListQuery } from "@/domain/schemas/cases";
import type { Prisma } from "../../generated/prisma/client";
import { assertCan } from "../auth/actor";
import { db } from "../db";
import { parseInput } from "../errors";
import { literalLike } from "../search";
import { caseInclude, toCaseView } from "./case-view";

/** Cases the actor may see: a partner officer their own country's, U.S. Government staff all. Newest first. */
export async function listCases(actor: Actor, query: unknown) {
  assertCan(actor, "listCases");
  const { status, q, page, pageSize } = parseInput(CaseListQuery, query);
  const where: Prisma.CaseWhereInput = {
    AND: [
      actor.role === "PARTNER_OFFICER" ? { countryId: actor.organizationId } : {},
      status ? { status } : {},
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
  return { items: rows.map(toCaseView), page, pageSize, total };
}
