"use client";

import { useSyncExternalStore } from "react";
import { formatDateTime } from "@/lib/format";

// The server does not know the reader's time zone, so it renders UTC (with the zone named); once the page is live in
// the browser the same instant is shown in the reader's own zone, still named ("Dec 5, 2026, 17:49 EST"). The
// <time> element keeps the exact instant for machines and assistive technology either way.

const noSubscription = () => () => undefined;
/** True in the browser after hydration, false on the server and during hydration (so both render the same text). */
const useHydrated = () =>
  useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

let local: Intl.DateTimeFormat | undefined;
/** Built on first use in the browser, where the default time zone is the reader's. */
const localFormat = () =>
  (local ??= new Intl.DateTimeFormat("en-US", {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZoneName: "short",
  }));

/** When something happened, in the reader's time zone (UTC until the page is live in their browser). */
export function LocalTime({ value, className }: { value: string; className?: string }) {
  const hydrated = useHydrated();
  const utc = formatDateTime(value);
  return (
    <time dateTime={value} className={className} title={hydrated ? utc : undefined}>
      {hydrated ? localFormat().format(new Date(value)) : utc}
    </time>
  );
}
