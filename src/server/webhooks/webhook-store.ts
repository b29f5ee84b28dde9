import "server-only";
import { webhookUrlProblem } from "@/domain/notifications/webhooks";
import type { Actor } from "@/domain/policy";
import { isUuid } from "@/domain/schemas/common";
import type { WebhookDeliveryView, WebhookView } from "@/domain/schemas/webhooks";
import { env } from "@/env";
import type { Tx } from "../db";
import { authorize, fieldError, notFound } from "../errors";

export const WHAT = "Webhook subscription";
export const TARGET_TYPE = "webhook_subscription";

const subscriptionSelect = {
  id: true,
  organizationId: true,
  url: true,
  kinds: true,
  secretCiphertext: true,
  active: true,
  consecutiveFailures: true,
  disabledAt: true,
  disabledReason: true,
  createdById: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  organization: { select: { name: true, kind: true } },
} as const;

export interface SubscriptionRow {
  id: string;
  organizationId: string;
  url: string;
  kinds: string[];
  secretCiphertext: string;
  active: boolean;
  consecutiveFailures: number;
  disabledAt: Date | null;
  disabledReason: string | null;
  createdById: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  organization: { name: string; kind: string };
}

/**
 * Loads a subscription and enforces manageWebhooks on its organization: a missing one is a plain 404, another
 * organization's answers 404 too and is audited as a refusal by the door. `lock` takes its row lock for a change.
 */
export async function loadSubscription(tx: Tx, actor: Actor, id: string, lock = false): Promise<SubscriptionRow> {
  // A role that manages no webhooks is refused before anything is read: it cannot even learn whether the id exists.
  authorize(actor, "manageWebhooks", {}, WHAT);
  if (!isUuid(id)) throw notFound(WHAT);
  if (lock) await tx.$queryRaw`SELECT id FROM webhook_subscriptions WHERE id = ${id}::uuid FOR UPDATE`;
  const row = await tx.webhookSubscription.findUnique({ where: { id }, select: subscriptionSelect });
  if (!row) throw notFound(WHAT);
  authorize(actor, "manageWebhooks", { organizationId: row.organizationId }, WHAT);
  return row;
}

export function toWebhookView(row: Omit<SubscriptionRow, "secretCiphertext" | "createdById">): WebhookView {
  return {
    id: row.id,
    organizationId: row.organizationId,
    organizationName: row.organization.name,
    url: row.url,
    kinds: row.kinds,
    active: row.active,
    consecutiveFailures: row.consecutiveFailures,
    disabledAt: row.disabledAt?.toISOString() ?? null,
    disabledReason: row.disabledReason,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

export function toDeliveryView(row: {
  id: string;
  eventId: bigint;
  status: "PENDING" | "SUCCEEDED" | "FAILED";
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  nextAttemptAt: Date;
  deliveredAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  event: { kind: string };
}): WebhookDeliveryView {
  return {
    id: row.id,
    eventId: String(row.eventId),
    kind: row.event.kind,
    status: row.status,
    attempts: row.attempts,
    lastStatusCode: row.lastStatusCode,
    lastError: row.lastError,
    nextAttemptAt: row.status === "PENDING" ? row.nextAttemptAt.toISOString() : null,
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Refuses a target URL the deployment does not allow (https only in production), naming the field. */
export function assertUrlAllowed(url: string): void {
  const problem = webhookUrlProblem(url, {
    production: env().NODE_ENV === "production",
    allowHttpLocal: process.env.WEBHOOK_ALLOW_HTTP_LOCAL === "1",
  });
  if (problem) throw fieldError("url", problem);
}

/** Where a URL points, for the audit log: scheme and host only (a path may carry a receiver's own token). */
export function urlForAudit(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return "(invalid)";
  }
}
