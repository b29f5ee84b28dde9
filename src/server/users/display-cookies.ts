import "server-only";
import { cookies } from "next/headers";
import type { DisplayPreferencesView } from "@/domain/schemas/display-preferences";
import { LOCALE_COOKIE, TIME_ZONE_CHOSEN_COOKIE, TIME_ZONE_COOKIE } from "@/i18n/config";
import { savedDisplayPreferences } from "./display-preferences";

// The reader's language and zone travel in cookies so every request (public pages included) knows them without a
// database read (ADR 0032). They are preferences, not credentials: readable by the page (the browser writes the zone
// it is in), a year long, same-site.
const YEAR = 365 * 24 * 3600;
const options = { path: "/", maxAge: YEAR, sameSite: "lax" as const };

export async function setLocaleCookie(locale: string | null) {
  const jar = await cookies();
  if (locale) jar.set(LOCALE_COOKIE, locale, { ...options, httpOnly: true });
  else jar.delete(LOCALE_COOKIE);
}

/** A chosen zone wins over the browser's; with none chosen, the browser reports its own (TimeZoneSync). */
export async function setTimeZoneCookies(timeZone: string | null) {
  const jar = await cookies();
  if (timeZone) {
    jar.set(TIME_ZONE_COOKIE, timeZone, options);
    jar.set(TIME_ZONE_CHOSEN_COOKIE, "1", options);
  } else {
    jar.delete(TIME_ZONE_CHOSEN_COOKIE);
  }
}

export async function applyDisplayPreferences(preferences: DisplayPreferencesView) {
  await setLocaleCookie(preferences.locale);
  await setTimeZoneCookies(preferences.timeZone);
}

/**
 * At sign-in: the person's saved language and zone replace whatever this browser had, so they follow the person from
 * device to device. Nothing saved leaves the browser's own guess in place.
 */
export async function restoreDisplayPreferences(userId: string) {
  const saved = await savedDisplayPreferences(userId);
  if (saved.locale) await setLocaleCookie(saved.locale);
  await setTimeZoneCookies(saved.timeZone);
}
