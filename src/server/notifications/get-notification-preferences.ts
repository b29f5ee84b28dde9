import "server-only";
import type { EmailMode } from "@/domain/notifications/kinds";
import { preferencesFor } from "@/domain/notifications/preferences";
import type { Actor } from "@/domain/policy";
import type { NotificationPreferencesView } from "@/domain/schemas/notification-preferences";
import { assertCan } from "../auth/actor";
import { db } from "../db";

/** The signed-in person's e-mail settings for every kind of notice their role can receive (their choice or the default). */
export async function getNotificationPreferences(actor: Actor): Promise<NotificationPreferencesView> {
  assertCan(actor, "manageOwnNotificationPreferences");
  const rows = await db().notificationPreference.findMany({ where: { userId: actor.userId }, select: { kind: true, email: true } });
  return { groups: preferencesFor(actor.role, new Map(rows.map((r) => [r.kind, r.email as EmailMode]))) };
}
