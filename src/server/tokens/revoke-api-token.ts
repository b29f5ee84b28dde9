import "server-only";
import type { Actor } from "@/domain/policy";
import { assertCan } from "../auth/actor";
import { recordAudit } from "../audit";
import { db } from "../db";
import { notFound, refusedBy } from "../errors";
import type { RequestContext } from "../request-context";
import { isUuid } from "@/domain/schemas/common";
import { toApiTokenView } from "./token-view";

/** Revokes one of the actor's own tokens. Someone else's token is not found (and the attempt is audited). Revoking twice is harmless. */
export async function revokeApiToken(actor: Actor, tokenId: string, context: RequestContext) {
  assertCan(actor, "manageOwnApiTokens");
  if (!isUuid(tokenId)) throw notFound("API token");
  return db().$transaction(async (tx) => {
    const token = await tx.apiToken.findUnique({ where: { id: tokenId } });
    if (!token) throw notFound("API token");
    if (token.userId !== actor.userId) throw refusedBy(actor, "manageOwnApiTokens", "not-found", "API token");
    if (token.revokedAt) return toApiTokenView(token);
    const revoked = await tx.apiToken.update({ where: { id: tokenId }, data: { revokedAt: new Date() } });
    await recordAudit(tx, {
      action: "api_token.revoke",
      outcome: "SUCCESS",
      actor,
      target: { type: "api_token", id: tokenId },
      details: { name: token.name, prefix: token.prefix },
      context,
    });
    return toApiTokenView(revoked);
  });
}
