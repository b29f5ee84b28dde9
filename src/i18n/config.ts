// Languages and time zones (issue 16, ADR 0032). Pure: no Next.js, no I/O, so the domain, the server and tests share it.

export const LOCALES = ["en", "fr", "es", "ar"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Each language named in itself, as a language menu should. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", fr: "Français", es: "Español", ar: "العربية" };

/** Cookies that carry the reader's choice (or the browser's, for the zone) to every request without a database read. */
export const LOCALE_COOKIE = "caseway-locale";
export const TIME_ZONE_COOKIE = "caseway-tz";
/** Set when the zone was chosen in the profile, so the browser's own zone does not overwrite it. */
export const TIME_ZONE_CHOSEN_COOKIE = "caseway-tz-chosen";

export const isLocale = (value: unknown): value is Locale => typeof value === "string" && (LOCALES as readonly string[]).includes(value);

export const directionOf = (locale: Locale): "ltr" | "rtl" => (locale === "ar" ? "rtl" : "ltr");

/**
 * The tag Intl formats with. Arabic keeps Latin digits: amounts, case identifiers and the numbers a person types into
 * Caseway's forms are all in Latin digits, and a page that mixed the two would make them harder to compare.
 */
export const intlLocaleOf = (locale: Locale): string => (locale === "ar" ? "ar-u-nu-latn" : locale === "en" ? "en-US" : locale);

/** The tag next-intl runs with: the language itself, but Arabic with Latin digits (see intlLocaleOf). */
export const messagesLocaleOf = (locale: Locale): string => (locale === "ar" ? "ar-u-nu-latn" : locale);

/**
 * The language of a tag next-intl hands back (it runs with intlLocaleOf's tag, "ar-u-nu-latn" for Arabic, so that the
 * numbers inside messages use the same digits on the server and in every browser).
 */
export const localeOf = (tag: string | null | undefined): Locale => {
  const language = (tag ?? "").split("-")[0];
  return isLocale(language) ? language : DEFAULT_LOCALE;
};

/**
 * The first of the browser's languages that Caseway speaks (by quality, then order), else English.
 * "fr-CA;q=0.8" counts as French; "*" and malformed entries are skipped.
 */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return { language: tag.trim().toLowerCase().split("-")[0] ?? "", quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  return ranked.map((entry) => entry.language).find(isLocale) ?? DEFAULT_LOCALE;
}

/** Whether this runtime knows the IANA zone (so it is safe to format with). */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== "string" || value.length === 0 || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** Every zone this runtime knows, for the profile's choice. */
export const timeZones = (): string[] => (typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : ["UTC"]);
