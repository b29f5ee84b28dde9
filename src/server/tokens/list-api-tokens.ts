import "server-only";
import type { Actor } from "@/domain/policy";
import { assertCan } from "../auth/actor";
import { db } from "../db";
import { toApiTokenView } from "./token-view";

export async function listApiTokens(actor: Actor) {
  assertCan(actor, "manageOwnApiTokens");
  const tokens = await db().apiToken.findMany({
    where: { userId: actor.userId },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
  });
  return tokens.map(toApiTokenView);
}
