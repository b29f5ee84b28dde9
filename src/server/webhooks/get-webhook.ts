import "server-only";
import type { Actor } from "@/domain/policy";
import { WebhookDeliveryQuery, type WebhookDetailView } from "@/domain/schemas/webhooks";
import { db } from "../db";
import { authorize, parseInput } from "../errors";
import { WHAT, loadSubscription, toDeliveryView, toWebhookView } from "./webhook-store";

/** One subscription with a page of its delivery log, newest first (index on subscription_id, created_at desc). */
export async function getWebhook(actor: Actor, id: string, query: unknown = {}): Promise<WebhookDetailView> {
  authorize(actor, "manageWebhooks", {}, WHAT);
  const { page, pageSize } = parseInput(WebhookDeliveryQuery, query);
  const client = db();
  const row = await loadSubscription(client, actor, id);
  const [items, total] = await Promise.all([
    client.webhookDelivery.findMany({
      where: { subscriptionId: row.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      include: { event: { select: { kind: true } } },
    }),
    client.webhookDelivery.count({ where: { subscriptionId: row.id } }),
  ]);
  return { ...toWebhookView(row), deliveries: { items: items.map(toDeliveryView), page, pageSize, total } };
}
