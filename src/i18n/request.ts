import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, TIME_ZONE_COOKIE, isLocale, isTimeZone, localeFromAcceptLanguage, messagesLocaleOf } from "./config";
import { messagesFor } from "./messages";

/**
 * The reader's language and time zone for this request (ADR 0032): the language chosen (a cookie, restored from the
 * profile at sign-in) or else the browser's Accept-Language; the zone chosen in the profile or reported by the browser
 * (src/components/time-zone-sync.tsx), else UTC until the browser has reported it.
 */
export default getRequestConfig(async () => {
  const [jar, heads] = await Promise.all([cookies(), headers()]);
  const chosen = jar.get(LOCALE_COOKIE)?.value;
  const locale = isLocale(chosen) ? chosen : localeFromAcceptLanguage(heads.get("accept-language"));
  const zone = jar.get(TIME_ZONE_COOKIE)?.value;
  return {
    // Arabic runs as "ar-u-nu-latn": Latin digits in messages too (ADR 0032). localeOf() maps it back to "ar".
    locale: messagesLocaleOf(locale),
    timeZone: isTimeZone(zone) ? zone : "UTC",
    messages: messagesFor(locale),
  };
});
