import { getLocale, getTranslations } from "next-intl/server";
import { LOCALES, LOCALE_NAMES, localeOf } from "@/i18n/config";

/**
 * The language menu, on every page: each language named in itself (and marked with its own lang), so a reader finds
 * theirs whatever the page is in. A button applies it (no change of context on selection alone, WCAG 3.2.2); the
 * route's server action is passed in, as components never import from src/app.
 */
export async function LocaleSwitcher({ choose }: { choose: (form: FormData) => Promise<void> }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("Shell")]);
  return (
    <form action={choose} className="flex items-center gap-1 py-1" data-testid="locale-switcher">
      <label htmlFor="locale-select" className="sr-only">
        {t("language")}
      </label>
      <select
        id="locale-select"
        name="locale"
        defaultValue={localeOf(locale)}
        className="rounded border border-base-light bg-white px-1 py-0.5 text-xs"
      >
        {LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LOCALE_NAMES[code]}
          </option>
        ))}
      </select>
      <button type="submit" className="rounded border border-primary px-2 py-0.5 text-xs font-bold text-primary hover:bg-primary-lighter">
        {t("changeLanguage")}
      </button>
    </form>
  );
}
