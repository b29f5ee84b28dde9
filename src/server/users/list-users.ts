import "server-only";
import type { Actor } from "@/domain/policy";
import { UserListQuery } from "@/domain/schemas/users";
import type { Prisma } from "../../generated/prisma/client";
import { assertCan } from "../auth/actor";
import { db } from "../db";
import { parseInput } from "../errors";
import { literalLike } from "../search";
import { toUserView, userInclude } from "./user-view";

export async function listUsers(actor: Actor, query: unknown) {
  assertCan(actor, "listUsers");
  const { q, role, status, page, pageSize } = parseInput(UserListQuery, query);
  const where: Prisma.UserWhereInput = {
    ...(role ? { role } : {}),
    ...(status === "all" ? {} : { active: status === "active" }),
    ...(q
      ? {
          OR: [
            { email: { contains: literalLike(q), mode: "insensitive" } },
            { name: { contains: literalLike(q), mode: "insensitive" } },
            { organization: { name: { contains: literalLike(q), mode: "insensitive" } } },
            { organization: { code: { equals: q.toUpperCase() } } },
          ],
        }
      : {}),
  };
  const [total, rows] = await Promise.all([
    db().user.count({ where }),
    db().user.findMany({
      where,
      include: userInclude,
      orderBy: [{ active: "desc" }, { name: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
  ]);
  return { items: rows.map(toUserView), page, pageSize, total };
}
