import "server-only";
import type { Actor } from "@/domain/policy";
import { isUuid } from "@/domain/schemas/common";
import type { WebhookDeliveryView } from "@/domain/schemas/webhooks";
import { recordAudit } from "../audit";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import type { RequestContext } from "../request-context";
import { loadSubscription, TARGET_TYPE, toDeliveryView } from "./webhook-store";

/**
 * Sends one delivery again: it is queued afresh (pending, due now, its attempts and 24-hour retry window restarted;
 * the log keeps its last outcome until the next attempt) and the delivery job sends it within a moment.
 */
export async function redeliverWebhook(actor: Actor, subscriptionId: string, deliveryId: string, context: RequestContext): Promise<WebhookDeliveryView> {
  return db().$transaction(async (tx) => {
    const subscription = await loadSubscription(tx, actor, subscriptionId, true);
    if (!isUuid(deliveryId)) throw notFound("Delivery");
    const delivery = await tx.webhookDelivery.findUnique({ where: { id: deliveryId }, select: { id: true, subscriptionId: true, status: true, eventId: true } });
    if (!delivery || delivery.subscriptionId !== subscription.id) throw notFound("Delivery");
    if (!subscription.active) throw new AppError("CONFLICT", "This subscription is turned off. Turn it on first; its pending deliveries then resume.");
    const now = new Date();
    const queued = await tx.webhookDelivery.update({
      where: { id: delivery.id },
      data: { status: "PENDING", attempts: 0, nextAttemptAt: now, createdAt: now, deliveredAt: null },
      include: { event: { select: { kind: true } } },
    });
    await recordAudit(tx, {
      action: "webhook.redeliver",
      outcome: "SUCCESS",
      actor,
      target: { type: TARGET_TYPE, id: subscription.id },
      details: { deliveryId: delivery.id, eventId: String(delivery.eventId), previousStatus: delivery.status },
      context,
    });
    return toDeliveryView(queued);
  });
}
