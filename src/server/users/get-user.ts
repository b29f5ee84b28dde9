import "server-only";
import type { Actor } from "@/domain/policy";
import { isUuid } from "@/domain/schemas/common";
import { assertCan } from "../auth/actor";
import { db } from "../db";
import { notFound } from "../errors";
import { toUserView, userInclude } from "./user-view";

export async function getUser(actor: Actor, userId: string) {
  assertCan(actor, "viewUser");
  if (!isUuid(userId)) throw notFound("User");
  const user = await db().user.findUnique({ where: { id: userId }, include: userInclude });
  if (!user) throw notFound("User");
  return toUserView(user);
}
