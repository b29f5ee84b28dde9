import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Actor } from "@/domain/policy";
import { getLabels } from "@/i18n/labels";
import { navigationFor } from "@/lib/navigation";
import { HeaderMenu } from "./header-menu";
import { NotificationBell } from "./notifications/notification-bell";
import { HeaderSearch } from "./search/header-search";

/**
 * `signOut` is the route's server action, passed in: components never import from src/app. On phones the navigation,
 * the person's name and role and sign-out sit behind a "Menu" button (HeaderMenu); the bell stays in sight.
 */
export async function SiteHeader({ actor, signOut, unreadNotices }: { actor: Actor; signOut: () => Promise<void>; unreadNotices: number }) {
  const items = navigationFor(actor);
  const [t, label] = await Promise.all([getTranslations("Shell"), getLabels()]);
  return (
    <header className="border-b-4 border-primary bg-white">
      <HeaderMenu
        brand={
          <Link href="/" className="no-underline visited:text-primary-darker">
            <span className="block text-xl font-bold text-primary-darker sm:text-2xl">Caseway</span>
            <span className="hidden text-xs text-base-dark sm:block">{t("tagline")}</span>
          </Link>
        }
        search={<HeaderSearch />}
        bell={<NotificationBell initialCount={unreadNotices} />}
        user={
          <>
            <div className="sm:max-w-[20rem]">
              <p className="font-bold" data-testid="user-name">
                {actor.name}
              </p>
              <p className="text-base-dark">
                <span data-testid="user-role">{label("role", actor.role)}</span> ·{" "}
                <span data-testid="user-organization">{actor.organizationName}</span>
                {actor.countryCode && <span> ({actor.countryCode})</span>}
              </p>
            </div>
            <form action={signOut}>
              <button type="submit" className="rounded border-2 border-primary px-3 py-1.5 font-bold text-primary hover:bg-primary-lighter">
                {t("signOut")}
              </button>
            </form>
          </>
        }
        nav={
          <nav aria-label={t("mainNav")} className="bg-primary-darker">
            <ul className="mx-auto flex max-w-6xl flex-col px-2 sm:flex-row sm:flex-wrap sm:gap-x-1">
              {items.map((item) => (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    className="block px-3 py-2.5 font-bold text-white no-underline visited:text-white hover:bg-primary-dark hover:text-white"
                  >
                    {t(`nav.${item.key}`)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        }
      />
    </header>
  );
}
