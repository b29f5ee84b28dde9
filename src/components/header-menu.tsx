"use client";

import { useEffect, useState, type ReactNode } from "react";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

/**
 * The header's layout with its phone menu. From 641 px up everything shows as before: the person and sign-out beside
 * the bell, the main navigation as a bar. On phones (≤ 640 px) only the name, the bell and a "Menu" button stay in the
 * first row; the button (a disclosure: aria-expanded, aria-controls) opens the navigation and the person's name, role
 * and sign-out below it. Following a link closes it again.
 */
export function HeaderMenu({ brand, search, bell, user, nav }: { brand: ReactNode; search: ReactNode; bell: ReactNode; user: ReactNode; nav: ReactNode }) {
  const t = useTranslations("Shell");
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  const [shownFor, setShownFor] = useState(pathname);
  if (shownFor !== pathname) {
    setShownFor(pathname);
    setOpen(false);
  }
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        setOpen(false);
        document.getElementById("main-menu-button")?.focus();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);
  const shown = open ? "block" : "hidden sm:block";
  return (
    <>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-3 gap-y-2 px-4 py-2 sm:py-3">
        {brand}
        {search}
        {/* On phones this group dissolves (display: contents): the bell and the button stay beside the name, the person
            drops into the opened menu under the search. */}
        <div className="contents text-sm sm:flex sm:items-center sm:gap-4 sm:text-end" data-testid="user-badge">
          <span className="ms-auto sm:ms-0">{bell}</span>
          <button
            type="button"
            id="main-menu-button"
            className="rounded border-2 border-primary px-3 py-1.5 text-sm font-bold text-primary hover:bg-primary-lighter sm:hidden"
            aria-expanded={open}
            aria-controls="main-menu-user main-menu"
            onClick={() => setOpen(!open)}
            data-testid="menu-button"
          >
            {open ? t("closeMenu") : t("menu")}
          </button>
          <div id="main-menu-user" className={`${open ? "flex" : "hidden sm:flex"} order-last w-full items-center justify-between gap-4 border-t border-base-lighter pt-2 sm:order-none sm:w-auto sm:border-0 sm:pt-0`}>
            {user}
          </div>
        </div>
      </div>
      <div id="main-menu" className={shown}>
        {nav}
      </div>
    </>
  );
}
