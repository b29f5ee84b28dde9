import type { Metadata, Viewport } from "next";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import "@fontsource/public-sans/400.css";
import "@fontsource/public-sans/700.css";
import "./globals.css";
import { AreaMessages } from "@/components/area-messages";
import { ClassificationBanner } from "@/components/classification-banner";
import { GovBanner } from "@/components/gov-banner";
import { LocaleSwitcher } from "@/components/locale-switcher";
import { TimeZoneSync } from "@/components/time-zone-sync";
import { directionOf, localeOf } from "@/i18n/config";
import { chooseLocaleAction } from "./display-actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Shell");
  return { title: { default: "Caseway", template: "%s | Caseway" }, description: t("description") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

/** Federal-site footer links, on every page (public ones included). */
const FOOTER_LINKS = [
  ["/accessibility", "accessibility"],
  ["/privacy", "privacy"],
  ["/help", "help"],
] as const;

// Every page reads the session and the database; nothing is prerendered at build time.
export const dynamic = "force-dynamic";

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [requested, timeZone, t] = await Promise.all([getLocale(), getTimeZone(), getTranslations("Shell")]);
  const locale = localeOf(requested);
  return (
    <html lang={locale} dir={directionOf(locale)}>
      <body className="flex min-h-screen flex-col">
        <AreaMessages>
          <a
            href="#main-content"
            className="sr-only z-50 bg-white p-2 focus:not-sr-only focus:absolute focus:start-2 focus:top-2"
          >
            {t("skipToContent")}
          </a>
          <TimeZoneSync renderedIn={timeZone} />
          <ClassificationBanner position="top" />
          <GovBanner languages={<LocaleSwitcher choose={chooseLocaleAction} />} />
          <div className="flex flex-1 flex-col">{children}</div>
          <footer className="bg-primary-darker px-4 py-6 text-sm text-white">
            <div className="mx-auto flex max-w-6xl flex-col gap-2 sm:flex-row sm:justify-between">
              <p>{t.rich("footerBrand", { strong: (chunks) => <strong>{chunks}</strong> })}</p>
              <p>{t("footerAudit")}</p>
            </div>
            <nav aria-label={t("footerNav")} className="mx-auto mt-4 max-w-6xl">
              <ul className="flex flex-wrap gap-x-6 gap-y-2">
                {FOOTER_LINKS.map(([href, key]) => (
                  <li key={href}>
                    <a href={href} className="text-white visited:text-white hover:text-primary-lighter">
                      {t(`footerLinks.${key}`)}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </footer>
          <ClassificationBanner position="bottom" />
        </AreaMessages>
      </body>
    </html>
  );
}
