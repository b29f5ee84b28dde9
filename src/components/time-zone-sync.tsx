"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { TIME_ZONE_CHOSEN_COOKIE, TIME_ZONE_COOKIE } from "@/i18n/config";

const YEAR = 365 * 24 * 3600;

/**
 * Tells the server the browser's time zone (a cookie), so pages show times in the reader's zone from the server
 * render on — unless the person chose a zone in their profile. When the page was rendered in another zone (the very
 * first visit, or the laptop crossed an ocean), it is rendered again once.
 */
export function TimeZoneSync({ renderedIn }: { renderedIn: string }) {
  const router = useRouter();
  useEffect(() => {
    const cookies = new Map(document.cookie.split("; ").map((pair) => [pair.split("=")[0], decodeURIComponent(pair.split("=")[1] ?? "")]));
    if (cookies.has(TIME_ZONE_CHOSEN_COOKIE)) return;
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone || cookies.get(TIME_ZONE_COOKIE) === zone) return;
    document.cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}; path=/; max-age=${YEAR}; samesite=lax`;
    if (zone !== renderedIn) router.refresh();
  }, [renderedIn, router]);
  return null;
}
