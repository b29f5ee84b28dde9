import "server-only";
import type { EmailMode, NotificationKind } from "@/domain/notifications/kinds";
import { preferencesFor, receivableKinds } from "@/domain/notifications/preferences";
import type { Actor } from "@/domain/policy";
import { UpdateNotificationPreferencesInput, type NotificationPreferencesView } from "@/domain/schemas/notification-preferences";
import { assertCan } from "../auth/actor";
import { recordAudit } from "../audit";
import { db } from "../db";
import { AppError, parseInput } from "../errors";
import type { RequestContext } from "../request-context";

/**
 * Changes how the signed-in person gets e-mail for the kinds they send; kinds left out keep their setting. Only their
 * own settings: the person is the actor, never an id from the request. A kind their role never receives is refused
 * beside its field. Audited ("notification.preferences", before and after) in the same transaction as the change.
 */
export async function updateNotificationPreferences(actor: Actor, input: unknown, context: RequestContext): Promise<NotificationPreferencesView> {
  assertCan(actor, "manageOwnNotificationPreferences");
  const { preferences } = parseInput(UpdateNotificationPreferencesInput, input);
  const receivable = new Set<string>(receivableKinds(actor.role));
  const fields: Record<string, string> = {};
  for (const kind of Object.keys(preferences)) {
    if (!receivable.has(kind)) fields[`preferences.${kind}`] = "Your role does not receive this kind of notification";
  }
  if (Object.keys(fields).length > 0) {
    throw new AppError("VALIDATION_FAILED", Object.keys(fields).length === 1 ? "One field needs attention" : `${Object.keys(fields).length} fields need attention`, { fields });
  }
  const wanted = Object.entries(preferences) as [NotificationKind, EmailMode][];

  return db().$transaction(async (tx) => {
    const before = await tx.notificationPreference.findMany({ where: { userId: actor.userId }, select: { kind: true, email: true } });
    const previous = new Map(before.map((r) => [r.kind, r.email as EmailMode]));
    // Compared with what is in effect (a saved row or the default), so saving an unchanged form records nothing.
    const effective = new Map(preferencesFor(actor.role, previous).flatMap((g) => g.items.map((i) => [i.kind, i.email] as const)));
    const changed = wanted.filter(([kind, email]) => effective.get(kind) !== email);
    for (const [kind, email] of changed) {
      await tx.notificationPreference.upsert({
        where: { userId_kind: { userId: actor.userId, kind } },
        create: { userId: actor.userId, kind, email },
        update: { email },
      });
    }
    const after = new Map(previous);
    for (const [kind, email] of changed) after.set(kind, email);
    if (changed.length > 0) {
      await recordAudit(tx, {
        action: "notification.preferences",
        outcome: "SUCCESS",
        actor,
        target: { type: "user", id: actor.userId },
        details: {
          changes: changed.map(([kind, email]) => ({ kind, from: effective.get(kind) ?? null, to: email })),
        },
        context,
      });
    }
    return { groups: preferencesFor(actor.role, after) };
  });
}
