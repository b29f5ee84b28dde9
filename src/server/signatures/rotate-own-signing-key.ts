import "server-only";
import type { Actor } from "@/domain/policy";
import { assertCan } from "../auth/actor";
import { recordAudit } from "../audit";
import { db } from "../db";
import type { RequestContext } from "../request-context";
import { rotateSigningKey, signingKeyFor } from "./decision-signatures";

export interface RotatedSigningKey {
  /** The new key's id: its RFC 7638 thumbprint, the fingerprint printed on LOAs and checked in evidence bundles. */
  kid: string;
  createdAt: string;
  /** How many keys were retired (0 when the person had never signed). */
  retired: number;
}

/**
 * Rotates the actor's signing key (ADR 0031): the key in use is retired — it keeps verifying the signatures it made —
 * and a new one is made at once, so its fingerprint can be shown. Audited, in one transaction.
 */
export async function rotateOwnSigningKey(actor: Actor, context: RequestContext): Promise<RotatedSigningKey> {
  assertCan(actor, "manageOwnSigningKey");
  const now = new Date();
  return db().$transaction(async (tx) => {
    const retired = await rotateSigningKey(tx, actor.userId, now);
    const key = await signingKeyFor(tx, actor.userId, now);
    await recordAudit(
      tx,
      { action: "signing-key.rotate", outcome: "SUCCESS", actor, target: { type: "user", id: actor.userId }, details: { kid: key.kid, retired }, context },
      now,
    );
    return { kid: key.kid, createdAt: key.createdAt.toISOString(), retired };
  });
}
