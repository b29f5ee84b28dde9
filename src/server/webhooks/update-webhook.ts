import "server-only";
import type { Actor } from "@/domain/policy";
import { UpdateWebhookInput, type WebhookView } from "@/domain/schemas/webhooks";
import { recordAudit } from "../audit";
import { db } from "../db";
import { authorize, parseInput, versionConflict } from "../errors";
import type { RequestContext } from "../request-context";
import { TARGET_TYPE, WHAT, assertUrlAllowed, loadSubscription, toWebhookView, urlForAudit } from "./webhook-store";

/**
 * Changes a subscription's address, kinds or state. Turning it back on clears the failure count and the reason it was
 * turned off; its pending deliveries resume. Compare-and-set on the version: a stale one answers 409.
 */
export async function updateWebhook(actor: Actor, id: string, input: unknown, context: RequestContext): Promise<WebhookView> {
  authorize(actor, "manageWebhooks", {}, WHAT);
  const { expectedVersion, url, kinds, active } = parseInput(UpdateWebhookInput, input);
  if (url !== undefined) assertUrlAllowed(url);
  return db().$transaction(async (tx) => {
    const before = await loadSubscription(tx, actor, id, true);
    if (before.version !== expectedVersion) throw versionConflict(before.version);
    const reenabling = active === true && !before.active;
    const updated = await tx.webhookSubscription.update({
      where: { id: before.id },
      data: {
        ...(url !== undefined ? { url } : {}),
        ...(kinds !== undefined ? { kinds } : {}),
        ...(active !== undefined ? { active } : {}),
        ...(reenabling ? { consecutiveFailures: 0, disabledAt: null, disabledReason: null } : {}),
        ...(active === false && before.active ? { disabledAt: new Date(), disabledReason: `Turned off by ${actor.name}` } : {}),
        version: { increment: 1 },
      },
      include: { organization: { select: { name: true, kind: true } } },
    });
    await recordAudit(tx, {
      action: "webhook.update",
      outcome: "SUCCESS",
      actor,
      target: { type: TARGET_TYPE, id: before.id },
      details: {
        before: { url: urlForAudit(before.url), kinds: before.kinds, active: before.active },
        after: { url: urlForAudit(updated.url), kinds: updated.kinds, active: updated.active },
        ...(reenabling ? { failuresReset: before.consecutiveFailures } : {}),
      },
      context,
    });
    return toWebhookView(updated);
  });
}
