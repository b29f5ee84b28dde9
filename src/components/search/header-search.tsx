import { useTranslations } from "next-intl";

/** The site-wide search box in the header: a plain GET form to /search, so it works before any script loads. */
export function HeaderSearch() {
  const t = useTranslations("SearchHeader");
  return (
    // Last and full width on phones (one short row under the name), between the name and the user from tablets up.
    <form role="search" aria-label={t("label")} action="/search" method="get" className="order-last flex w-full items-center md:order-none md:w-auto">
      <label htmlFor="site-search-q" className="sr-only">
        {t("inputLabel")}
      </label>
      <input
        id="site-search-q"
        name="q"
        type="search"
        minLength={2}
        maxLength={200}
        required
        placeholder={t("placeholder")}
        className="min-w-0 flex-1 border-2 border-base-dark bg-white px-2 py-1.5 text-sm md:w-64 md:flex-none"
      />
      <button type="submit" className="rounded-e bg-primary px-3 py-2 text-sm font-bold text-white hover:bg-primary-dark">
        {t("submit")}
      </button>
    </form>
  );
}
