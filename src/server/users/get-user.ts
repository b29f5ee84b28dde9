import "server-only";
import type { Actor } from "@/domain/policy";
import { assertCan } from "../auth/actor";
import { db } from "../db";
import { notFound } from "../errors";
import { toUserView, userInclude } from "./user-view";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function getUser(actor: Actor, userId: string) {
  assertCan(actor, "viewUser");
  if (!UUID.test(userId)) throw notFound("User");
  const user = await db().user.findUnique({ where: { id: userId }, include: userInclude });
  if (!user) throw notFound("User");
  return toUserView(user);
}

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
