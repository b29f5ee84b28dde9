"use client";

import { useFormats } from "@/i18n/use-formats";

// The server knows the reader's language and time zone (next-intl's, from the cookie the browser sets), so the server
// and the browser render the same text: the instant in the reader's zone, zone named ("Dec 5, 2026, 17:49 EST"), with
// the zone's IANA name as the title. The <time> element keeps the exact instant for machines and assistive technology.

/** When something happened, in the reader's time zone. */
export function LocalTime({ value, className }: { value: string; className?: string }) {
  const f = useFormats();
  return (
    <time dateTime={value} className={className} title={f.timeZone}>
      {f.dateTime(value)}
    </time>
  );
}
