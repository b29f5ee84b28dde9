import "server-only";
import type { Actor } from "@/domain/policy";
import { WebhookListQuery, type WebhookView } from "@/domain/schemas/webhooks";
import { db } from "../db";
import { authorize, parseInput } from "../errors";
import { toWebhookView, WHAT } from "./webhook-store";

/** An organization's subscriptions, newest first: the caller's own, or (administrators) the one they name. */
export async function listWebhooks(actor: Actor, query: unknown = {}): Promise<{ organizationId: string; items: WebhookView[] }> {
  authorize(actor, "manageWebhooks", {}, WHAT);
  const { organizationId: named } = parseInput(WebhookListQuery, query);
  const organizationId = named ?? actor.organizationId;
  authorize(actor, "manageWebhooks", { organizationId }, WHAT);
  const rows = await db().webhookSubscription.findMany({
    where: { organizationId },
    orderBy: { createdAt: "desc" },
    take: 100,
    include: { organization: { select: { name: true, kind: true } } },
  });
  return { organizationId, items: rows.map(toWebhookView) };
}
