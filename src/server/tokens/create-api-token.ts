import "server-only";
import { randomBytes } from "node:crypto";
import type { Actor } from "@/domain/policy";
import { CreateApiTokenInput } from "@/domain/schemas/tokens";
import { assertCan, hashApiToken } from "../auth/actor";
import { recordAudit } from "../audit";
import { db } from "../db";
import { AppError, parseInput } from "../errors";
import type { RequestContext } from "../request-context";
import { activeTokensOf, toApiTokenView } from "./token-view";

const MAX_ACTIVE_TOKENS = 20;

/** Creates a personal API token. The secret is returned once and only its SHA-256 is stored. */
export async function createApiToken(actor: Actor, input: unknown, context: RequestContext) {
  assertCan(actor, "manageOwnApiTokens");
  const { name, expiresInDays } = parseInput(CreateApiTokenInput, input);
  const secret = `cwt_${randomBytes(32).toString("base64url")}`;
  const now = new Date();
  return db().$transaction(async (tx) => {
    const active = await tx.apiToken.count({ where: activeTokensOf(actor.userId, now) });
    if (active >= MAX_ACTIVE_TOKENS) {
      throw new AppError("CONFLICT", `You already have ${MAX_ACTIVE_TOKENS} active tokens. Revoke one first.`);
    }
    const token = await tx.apiToken.create({
      data: {
        userId: actor.userId,
        name,
        tokenHash: hashApiToken(secret),
        prefix: secret.slice(0, 10),
        createdAt: now,
        expiresAt: new Date(now.getTime() + expiresInDays * 86_400_000),
      },
    });
    await recordAudit(tx, {
      action: "api_token.create",
      outcome: "SUCCESS",
      actor,
      target: { type: "api_token", id: token.id },
      details: { name, prefix: token.prefix, expiresAt: token.expiresAt?.toISOString() ?? null },
      context,
    });
    return { ...toApiTokenView(token), secret };
  });
}
