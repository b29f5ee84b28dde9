import "server-only";
import type { Actor } from "@/domain/policy";
import { UpdateDisplayPreferencesInput, type DisplayPreferencesView } from "@/domain/schemas/display-preferences";
import { isLocale, isTimeZone } from "@/i18n/config";
import { assertCan } from "../auth/actor";
import { recordAudit } from "../audit";
import { db } from "../db";
import { parseInput } from "../errors";
import type { RequestContext } from "../request-context";

const view = (row: { locale: string | null; timeZone: string | null }): DisplayPreferencesView => ({
  locale: isLocale(row.locale) ? row.locale : null,
  timeZone: isTimeZone(row.timeZone) ? row.timeZone : null,
});

/** The signed-in person's own language and time zone (null: the browser's). */
export async function getDisplayPreferences(actor: Actor): Promise<DisplayPreferencesView> {
  assertCan(actor, "manageOwnDisplayPreferences");
  const user = await db().user.findUniqueOrThrow({ where: { id: actor.userId }, select: { locale: true, timeZone: true } });
  return view(user);
}

/** A user's saved choices by id, for sign-in (which has no actor yet) to restore them to the browser. */
export async function savedDisplayPreferences(userId: string): Promise<DisplayPreferencesView> {
  const user = await db().user.findUnique({ where: { id: userId }, select: { locale: true, timeZone: true } });
  return user ? view(user) : { locale: null, timeZone: null };
}

/**
 * Changes the person's own language and/or time zone; a field left out keeps its value. Only their own: the person is
 * the actor, never an id from the request. Audited ("user.display_preferences", before and after) in the same
 * transaction; saving the same values again changes and records nothing.
 */
export async function updateDisplayPreferences(actor: Actor, input: unknown, context: RequestContext): Promise<DisplayPreferencesView> {
  assertCan(actor, "manageOwnDisplayPreferences");
  const wanted = parseInput(UpdateDisplayPreferencesInput, input);
  return db().$transaction(async (tx) => {
    const before = view(await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { locale: true, timeZone: true } }));
    const after: DisplayPreferencesView = {
      locale: wanted.locale === undefined ? before.locale : wanted.locale,
      timeZone: wanted.timeZone === undefined ? before.timeZone : wanted.timeZone,
    };
    if (after.locale === before.locale && after.timeZone === before.timeZone) return before;
    await tx.user.update({ where: { id: actor.userId }, data: { locale: after.locale, timeZone: after.timeZone } });
    await recordAudit(tx, {
      action: "user.display_preferences",
      outcome: "SUCCESS",
      actor,
      target: { type: "user", id: actor.userId },
      details: { before: { ...before }, after: { ...after } },
      context,
    });
    return after;
  });
}
