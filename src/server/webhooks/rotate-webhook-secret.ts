import "server-only";
import type { Actor } from "@/domain/policy";
import { WebhookVersionInput, type WebhookWithSecret } from "@/domain/schemas/webhooks";
import { recordAudit } from "../audit";
import { db } from "../db";
import { authorize, parseInput, versionConflict } from "../errors";
import type { RequestContext } from "../request-context";
import { encryptSecret, newWebhookSecret } from "./secret-box";
import { TARGET_TYPE, WHAT, loadSubscription, toWebhookView } from "./webhook-store";

/** Replaces the signing secret; the new one is returned once and signs every delivery from now on, retries included. */
export async function rotateWebhookSecret(actor: Actor, id: string, input: unknown, context: RequestContext): Promise<WebhookWithSecret> {
  authorize(actor, "manageWebhooks", {}, WHAT);
  const { expectedVersion } = parseInput(WebhookVersionInput, input);
  const secret = newWebhookSecret();
  return db().$transaction(async (tx) => {
    const before = await loadSubscription(tx, actor, id, true);
    if (before.version !== expectedVersion) throw versionConflict(before.version);
    const updated = await tx.webhookSubscription.update({
      where: { id: before.id },
      data: { secretCiphertext: encryptSecret(secret), version: { increment: 1 } },
      include: { organization: { select: { name: true, kind: true } } },
    });
    await recordAudit(tx, { action: "webhook.rotate-secret", outcome: "SUCCESS", actor, target: { type: TARGET_TYPE, id: before.id }, details: {}, context });
    return { ...toWebhookView(updated), secret };
  });
}
