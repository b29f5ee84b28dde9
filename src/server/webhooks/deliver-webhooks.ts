import "server-only";
import { randomUUID } from "node:crypto";
import { readsPartnerWording, feedScopeOfOrganization } from "@/domain/notifications/feed";
import {
  afterFailure,
  DELIVERY_TIMEOUT_MS,
  EVENT_ID_HEADER,
  isSuccessStatus,
  MAX_CONSECUTIVE_FAILURES,
  SIGNATURE_HEADER,
  signWebhook,
} from "@/domain/notifications/webhooks";
import type { OrganizationKind } from "@/domain/roles";
import { recordAudit } from "../audit";
import { db, type Tx } from "../db";
import { log } from "../log";
import type { RequestContext } from "../request-context";
import { decryptSecret } from "./secret-box";
import { TARGET_TYPE } from "./webhook-store";

/** Deliveries claimed per round, and sent at once within a round. */
const BATCH = 20;
const CONCURRENCY = 6;
/** Rounds per run: a backlog is drained over a few runs rather than by one endless job. */
const MAX_ROUNDS = 10;
/**
 * A claimed delivery is pushed this far into the future before it is sent: another worker skips it meanwhile, and if
 * this one dies mid-send it is simply due again afterwards (at least once; receivers de-duplicate by Caseway-Event-Id).
 */
const LEASE_MS = 60_000;

const jobContext = (): RequestContext => ({ requestId: `webhook-${randomUUID()}`, ip: null, userAgent: "caseway-webhooks" });

interface Claimed {
  id: string;
  subscription_id: string;
  event_id: bigint;
  attempts: number;
  created_at: Date;
}

export interface DeliveryRun {
  attempted: number;
  succeeded: number;
  failed: number;
}

/**
 * Sends the webhook deliveries that are due: claims a batch (FOR UPDATE SKIP LOCKED, so several instances share the
 * work and never send the same delivery at once), POSTs each signed payload with a 10-second timeout and no redirects,
 * and records each outcome: 2xx succeeds; anything else is retried with exponential backoff until 24 hours after it was
 * queued, then FAILED. Fifteen failures in a row, or a FAILED delivery, turn the subscription off and tell its owner.
 */
export async function deliverWebhooks(now: Date = new Date(), fetchImpl: typeof fetch = fetch): Promise<DeliveryRun> {
  const run: DeliveryRun = { attempted: 0, succeeded: 0, failed: 0 };
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const claimed = await db().$queryRaw<Claimed[]>`
      UPDATE webhook_deliveries d SET next_attempt_at = ${new Date(now.getTime() + LEASE_MS)}, updated_at = ${now}
       WHERE d.id IN (
         SELECT q.id FROM webhook_deliveries q JOIN webhook_subscriptions s ON s.id = q.subscription_id
          WHERE q.status = 'PENDING' AND q.next_attempt_at <= ${now} AND s.active
          ORDER BY q.next_attempt_at LIMIT ${BATCH}
          FOR UPDATE OF q SKIP LOCKED)
      RETURNING d.id, d.subscription_id, d.event_id, d.attempts, d.created_at`;
    if (claimed.length === 0) break;
    const prepared = await prepare(claimed);
    for (let at = 0; at < prepared.length; at += CONCURRENCY) {
      await Promise.all(
        prepared.slice(at, at + CONCURRENCY).map(async (delivery) => {
          const outcome = await send(delivery, now, fetchImpl);
          await record(delivery, outcome, now);
          run.attempted++;
          if (outcome.ok) run.succeeded++;
          else run.failed++;
        }),
      );
    }
    if (claimed.length < BATCH) break;
  }
  return run;
}

interface Prepared extends Claimed {
  url: string;
  /** Null when it cannot be decrypted (AUTH_SECRET changed): the attempt fails without sending anything unsigned. */
  secret: string | null;
  eventId: string;
  body: string;
}

/** The claimed deliveries' subscriptions and events in two reads, and each payload in the subscription's wording. */
async function prepare(claimed: Claimed[]): Promise<Prepared[]> {
  const client = db();
  const [subscriptions, events] = await Promise.all([
    client.webhookSubscription.findMany({
      where: { id: { in: [...new Set(claimed.map((c) => c.subscription_id))] } },
      select: { id: true, url: true, secretCiphertext: true, organization: { select: { id: true, kind: true } } },
    }),
    client.outboxEvent.findMany({
      where: { id: { in: [...new Set(claimed.map((c) => c.event_id))] } },
      select: { id: true, kind: true, occurredAt: true, feedSeq: true, targetType: true, targetId: true, link: true, subject: true, caseId: true, title: true, partnerTitle: true },
    }),
  ]);
  const subscriptionById = new Map(subscriptions.map((s) => [s.id, s]));
  const eventById = new Map(events.map((e) => [e.id, e]));
  const prepared: Prepared[] = [];
  for (const delivery of claimed) {
    const subscription = subscriptionById.get(delivery.subscription_id);
    const event = eventById.get(delivery.event_id);
    if (!subscription || !event) continue; // deleted meanwhile: its deliveries went with it
    const partner = readsPartnerWording(feedScopeOfOrganization({ id: subscription.organization.id, kind: subscription.organization.kind as OrganizationKind }));
    const title = partner ? event.partnerTitle : event.title;
    if (title === null) continue; // never queued for such a subscription (queue-deliveries.ts); never sent either
    const payload = {
      id: String(event.id),
      type: event.kind,
      occurredAt: event.occurredAt.toISOString(),
      data: {
        record: { type: event.targetType, id: event.targetId, link: event.link },
        subject: event.subject,
        caseIdentifier: event.caseId ? event.subject : null,
        title,
        sequence: String(event.feedSeq),
      },
    };
    prepared.push({ ...delivery, url: subscription.url, secret: readSecret(subscription.secretCiphertext), eventId: String(event.id), body: JSON.stringify(payload) });
  }
  return prepared;
}

type Outcome = { ok: true; status: number } | { ok: false; status: number | null; error: string };

function readSecret(stored: string): string | null {
  try {
    return decryptSecret(stored);
  } catch {
    return null;
  }
}

async function send(delivery: Prepared, now: Date, fetchImpl: typeof fetch): Promise<Outcome> {
  const timestamp = Math.floor(now.getTime() / 1000);
  if (delivery.secret === null) return { ok: false, status: null, error: "The signing secret could not be read (was AUTH_SECRET changed?): make a new signing secret" };
  try {
    const response = await fetchImpl(delivery.url, {
      method: "POST",
      redirect: "manual",
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
      headers: {
        "content-type": "application/json",
        "user-agent": "Caseway-Webhooks/1",
        [SIGNATURE_HEADER]: signWebhook(delivery.secret, timestamp, delivery.body),
        [EVENT_ID_HEADER]: delivery.eventId,
      },
      body: delivery.body,
    });
    await response.body?.cancel().catch(() => {});
    if (isSuccessStatus(response.status)) return { ok: true, status: response.status };
    const redirect = response.status >= 300 && response.status < 400 ? " (redirects are not followed)" : "";
    return { ok: false, status: response.status, error: `The receiver answered ${response.status}${redirect}` };
  } catch (caught) {
    const timedOut = caught instanceof Error && (caught.name === "TimeoutError" || caught.name === "AbortError");
    const cause = caught instanceof Error && caught.cause instanceof Error ? `: ${caught.cause.message}` : "";
    const error = timedOut ? `No answer within ${DELIVERY_TIMEOUT_MS / 1000} seconds` : `Could not connect${cause || (caught instanceof Error ? `: ${caught.message}` : "")}`;
    return { ok: false, status: null, error: error.slice(0, 500) };
  }
}

async function record(delivery: Prepared, outcome: Outcome, now: Date): Promise<void> {
  try {
    await db().$transaction(async (tx) => {
      if (outcome.ok) {
        await tx.webhookDelivery.update({
          where: { id: delivery.id },
          data: { status: "SUCCEEDED", attempts: { increment: 1 }, lastStatusCode: outcome.status, lastError: null, deliveredAt: now },
        });
        await tx.webhookSubscription.updateMany({ where: { id: delivery.subscription_id, consecutiveFailures: { gt: 0 } }, data: { consecutiveFailures: 0 } });
        return;
      }
      const next = afterFailure(delivery.created_at, delivery.attempts + 1, now, Math.random());
      await tx.webhookDelivery.update({
        where: { id: delivery.id },
        data: {
          status: next.status,
          attempts: { increment: 1 },
          lastStatusCode: outcome.status,
          lastError: outcome.error,
          ...(next.status === "PENDING" ? { nextAttemptAt: next.nextAttemptAt } : {}),
        },
      });
      const subscription = await tx.webhookSubscription.update({
        where: { id: delivery.subscription_id },
        data: { consecutiveFailures: { increment: 1 } },
        select: { id: true, active: true, consecutiveFailures: true, createdById: true, organizationId: true },
      });
      const reason =
        next.status === "FAILED"
          ? "A delivery still failed 24 hours after it was queued"
          : subscription.consecutiveFailures >= MAX_CONSECUTIVE_FAILURES
            ? `${subscription.consecutiveFailures} deliveries in a row failed`
            : null;
      if (subscription.active && reason) await disable(tx, subscription, reason, now);
    });
  } catch (caught) {
    // The lease makes it due again shortly: the next run records a fresh attempt.
    log.error({ err: caught, deliveryId: delivery.id }, "could not record a webhook delivery's outcome");
  }
}

/** Turns a failing subscription off, audits it, and tells its owner through the outbox, in the same transaction. */
async function disable(
  tx: Tx,
  subscription: { id: string; consecutiveFailures: number; createdById: string; organizationId: string },
  reason: string,
  now: Date,
): Promise<void> {
  const turnedOff = await tx.webhookSubscription.updateMany({
    where: { id: subscription.id, active: true },
    data: { active: false, disabledAt: now, disabledReason: `Turned off automatically: ${reason}`.slice(0, 300), version: { increment: 1 } },
  });
  if (turnedOff.count === 0) return;
  const title = `A webhook subscription was turned off: ${reason.toLowerCase()}. Check the receiver, then turn it back on.`;
  await recordAudit(
    tx,
    {
      action: "webhook.disable",
      outcome: "SUCCESS",
      actor: null,
      target: { type: TARGET_TYPE, id: subscription.id },
      details: { reason, consecutiveFailures: subscription.consecutiveFailures, organizationId: subscription.organizationId },
      context: jobContext(),
    },
    now,
  );
  await tx.outboxEvent.create({
    data: {
      kind: "webhook-disabled",
      targetType: TARGET_TYPE,
      targetId: subscription.id,
      actorUserId: null,
      occurredAt: now,
      // The dispatch reads title and ownerId; the organization travels too, for wording a partner owner may read.
      facts: { title, partnerTitle: title, ownerId: subscription.createdById, organizationId: subscription.organizationId },
    },
    select: { id: true },
  });
}
