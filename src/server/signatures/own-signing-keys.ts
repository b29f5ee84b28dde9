import "server-only";
import type { Actor } from "@/domain/policy";
import { RevokeSigningKeyInput, type SigningKeyView } from "@/domain/schemas/signing-keys";
import { assertCan } from "../auth/actor";
import { recordAudit } from "../audit";
import { db } from "../db";
import { AppError, parseInput, refusedBy } from "../errors";
import type { RequestContext } from "../request-context";
import { revokeSigningKey } from "./decision-signatures";

/** Keys listed: a person rotates rarely; the newest this many are plenty for a page and the API. */
const KEYS_SHOWN = 50;

/** The signed-in person's own signing keys, newest first (by the (user_id, created_at) index). */
export async function listOwnSigningKeys(actor: Actor): Promise<{ items: SigningKeyView[] }> {
  assertCan(actor, "manageOwnSigningKey");
  const keys = await db().signingKey.findMany({
    where: { userId: actor.userId },
    orderBy: { createdAt: "desc" },
    take: KEYS_SHOWN,
    select: { kid: true, createdAt: true, retiredAt: true, revokedAt: true, revokedReason: true },
  });
  return {
    items: keys.map((key) => ({
      kid: key.kid,
      createdAt: key.createdAt.toISOString(),
      retiredAt: key.retiredAt?.toISOString() ?? null,
      revokedAt: key.revokedAt?.toISOString() ?? null,
      revokedReason: key.revokedReason,
      current: key.retiredAt === null,
    })),
  };
}

/**
 * Revokes one of the person's own keys — they believe it compromised (ADR 0031): signatures dated from now on with it
 * do not verify; earlier ones verify with a dated note; the next decision makes a new key. Someone else's key, or an
 * unknown one, is NOT_FOUND; a key already revoked is a CONFLICT. Audited in the same transaction.
 */
export async function revokeOwnSigningKey(actor: Actor, input: unknown, context: RequestContext): Promise<SigningKeyView> {
  assertCan(actor, "manageOwnSigningKey");
  const { kid, reason } = parseInput(RevokeSigningKeyInput, input);
  const now = new Date();
  return db().$transaction(async (tx) => {
    const key = await tx.signingKey.findUnique({ where: { kid }, select: { userId: true, revokedAt: true } });
    if (!key) throw new AppError("NOT_FOUND", "Signing key not found");
    // Another person's key: as if it did not exist, and the refusal is audited.
    if (key.userId !== actor.userId) throw refusedBy(actor, "manageOwnSigningKey", "not-found", "Signing key");
    if (key.revokedAt) throw new AppError("CONFLICT", "This key is already revoked");
    await revokeSigningKey(tx, kid, reason, now);
    await recordAudit(tx, { action: "signing-key.revoke", outcome: "SUCCESS", actor, target: { type: "user", id: actor.userId }, details: { kid, reason }, context }, now);
    const revoked = await tx.signingKey.findUniqueOrThrow({ where: { kid }, select: { kid: true, createdAt: true, retiredAt: true, revokedAt: true, revokedReason: true } });
    return {
      kid: revoked.kid,
      createdAt: revoked.createdAt.toISOString(),
      retiredAt: revoked.retiredAt?.toISOString() ?? null,
      revokedAt: revoked.revokedAt?.toISOString() ?? null,
      revokedReason: revoked.revokedReason,
      current: false,
    };
  });
}
