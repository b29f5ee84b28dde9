import Link from "next/link";
import type { Actor } from "@/domain/policy";
import { ROLE_LABELS } from "@/domain/roles";
import { navigationFor } from "@/lib/navigation";
import { HeaderMenu } from "./header-menu";
import { NotificationBell } from "./notifications/notification-bell";
import { HeaderSearch } from "./search/header-search";

/**
 * `signOut` is the route's server action, passed in: components never import from src/app. On phones the navigation,
 * the person's name and role and sign-out sit behind a "Menu" button (HeaderMenu); the bell stays in sight.
 */
export function SiteHeader({ actor, signOut, unreadNotices }: { actor: Actor; signOut: () => Promise<void>; unreadNotices: number }) {
  const items = navigationFor(actor);
  return (
    <header className="border-b-4 border-primary bg-white">
      <HeaderMenu
        brand={
          <Link href="/" className="no-underline visited:text-primary-darker">
            <span className="block text-xl font-bold text-primary-darker sm:text-2xl">Caseway</span>
            <span className="hidden text-xs text-base-dark sm:block">Foreign Military Sales case management</span>
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
                <span data-testid="user-role">{ROLE_LABELS[actor.role]}</span> ·{" "}
                <span data-testid="user-organization">{actor.organizationName}</span>
                {actor.countryCode && <span> ({actor.countryCode})</span>}
              </p>
            </div>
            <form action={signOut}>
              <button type="submit" className="rounded border-2 border-primary px-3 py-1.5 font-bold text-primary hover:bg-primary-lighter">
                Sign out
              </button>
            </form>
          </>
        }
        nav={
          <nav aria-label="Main" className="bg-primary-darker">
            <ul className="mx-auto flex max-w-6xl flex-col px-2 sm:flex-row sm:flex-wrap sm:gap-x-1">
              {items.map((item) => (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    className="block px-3 py-2.5 font-bold text-white no-underline visited:text-white hover:bg-primary-dark hover:text-white"
                  >
                    {item.label}
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
