"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useLiveEvents } from "../live/live-provider";

/** The count as the badge shows it: the server counts up to 100. */
const shown = (count: number) => (count >= 100 ? "99+" : String(count));

/**
 * The header's bell: unread notices, updated live (a notice arriving, or read in another tab) without a reload.
 * Screen readers hear the link's name with the count, and a polite announcement when a new notice arrives.
 */
export function NotificationBell({ initialCount }: { initialCount: number }) {
  const t = useTranslations("NoticesBell");
  const [count, setCount] = useState(initialCount);
  const [announcement, setAnnouncement] = useState("");
  // A server render (navigation, refresh) brings a fresh count: take it.
  const [rendered, setRendered] = useState(initialCount);
  if (rendered !== initialCount) {
    setRendered(initialCount);
    setCount(initialCount);
  }

  useLiveEvents((event) => {
    if (event.type !== "notice" && event.type !== "ready") return;
    void fetch("/api/v1/me/notifications/unread-count", { cache: "no-store" })
      .then((response) => (response.ok ? (response.json() as Promise<{ unreadCount: number }>) : null))
      .then((body) => {
        if (!body) return;
        setCount((before) => {
          if (body.unreadCount > before) setAnnouncement(t("announcement", { count: shown(body.unreadCount) }));
          return body.unreadCount;
        });
      })
      .catch(() => {}); // offline for a moment: the next event or page view catches up
  });

  const name = count === 0 ? t("nameNone") : t("name", { count: shown(count) });
  return (
    <>
      <Link
        href="/notifications"
        aria-label={name}
        data-testid="notification-bell"
        data-unread={count}
        className="relative inline-flex h-11 w-11 items-center justify-center rounded text-primary-darker hover:bg-primary-lighter focus-visible:outline-4"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-7 w-7" fill="currentColor">
          <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
        </svg>
        {count > 0 && (
          <span aria-hidden="true" className="absolute -end-1 -top-1 min-w-6 rounded-full bg-secondary-dark px-1.5 text-center text-xs font-bold leading-6 text-white">
            {shown(count)}
          </span>
        )}
      </Link>
      <span role="status" className="sr-only">
        {announcement}
      </span>
    </>
  );
}
