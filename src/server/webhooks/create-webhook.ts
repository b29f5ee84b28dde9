import "server-only";
import type { Actor } from "@/domain/policy";
import { CreateWebhookInput, type WebhookWithSecret } from "@/domain/schemas/webhooks";
import { recordAudit } from "../audit";
import { db } from "../db";
import { AppError, authorize, fieldError, parseInput } from "../errors";
import type { RequestContext } from "../request-context";
import { newWebhookSecret, encryptSecret } from "./secret-box";
import { assertUrlAllowed, TARGET_TYPE, toWebhookView, urlForAudit, WHAT } from "./webhook-store";

const MAX_PER_ORGANIZATION = 10;

/**
 * Subscribes an organization's system to its events: the caller's own organization, or (administrators) the one they
 * name. The signing secret is returned once and stored encrypted; the audit event never holds it.
 */
export async function createWebhook(actor: Actor, input: unknown, context: RequestContext): Promise<WebhookWithSecret> {
  authorize(actor, "manageWebhooks", {}, WHAT);
  const { organizationId: named, url, kinds } = parseInput(CreateWebhookInput, input);
  const organizationId = named ?? actor.organizationId;
  // Another organization's subscription is not the caller's to make: 404 as for any of its records.
  authorize(actor, "manageWebhooks", { organizationId }, WHAT);
  assertUrlAllowed(url);
  const secret = newWebhookSecret();
  return db().$transaction(async (tx) => {
    const organization = await tx.organization.findUnique({ where: { id: organizationId }, select: { id: true } });
    if (!organization) throw fieldError("organizationId", "No such organization");
    const existing = await tx.webhookSubscription.count({ where: { organizationId } });
    if (existing >= MAX_PER_ORGANIZATION) throw new AppError("CONFLICT", `An organization may have at most ${MAX_PER_ORGANIZATION} webhook subscriptions. Delete one first.`);
    const created = await tx.webhookSubscription.create({
      data: { organizationId, url, kinds, secretCiphertext: encryptSecret(secret), createdById: actor.userId },
      include: { organization: { select: { name: true, kind: true } } },
    });
    await recordAudit(tx, {
      action: "webhook.create",
      outcome: "SUCCESS",
      actor,
      target: { type: TARGET_TYPE, id: created.id },
      details: { organizationId, url: urlForAudit(url), kinds },
      context,
    });
    return { ...toWebhookView(created), secret };
  });
}
