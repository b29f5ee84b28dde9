import "server-only";
import type { Actor } from "@/domain/policy";
import { recordAudit } from "../audit";
import { db } from "../db";
import type { RequestContext } from "../request-context";
import { loadSubscription, TARGET_TYPE, urlForAudit } from "./webhook-store";

/** Deletes a subscription and its delivery log; nothing more is sent to it. */
export async function deleteWebhook(actor: Actor, id: string, context: RequestContext): Promise<{ id: string; deleted: true }> {
  return db().$transaction(async (tx) => {
    const row = await loadSubscription(tx, actor, id, true);
    await tx.webhookSubscription.delete({ where: { id: row.id } });
    await recordAudit(tx, {
      action: "webhook.delete",
      outcome: "SUCCESS",
      actor,
      target: { type: TARGET_TYPE, id: row.id },
      details: { organizationId: row.organizationId, url: urlForAudit(row.url), kinds: row.kinds },
      context,
    });
    return { id: row.id, deleted: true as const };
  });
}
