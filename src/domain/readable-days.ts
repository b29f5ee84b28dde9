// Calendar days as people write them ("Nov 3, 2026"), not as ISO text ("2026-11-03"). Pure string work: an ISO day
// names a calendar day with no time zone, so no Date (and no shift into the server's or reader's zone) is involved.
// The same words as formatDate in src/lib/format.ts (en-US, short month), which the pages use for stored dates.

const ISO_DAY = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
/** An ISO day alone, or the day of an ISO timestamp ("2026-11-03T00:00:00.000Z"). */
const ONE_DAY = /^(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]+(?:Z|[+-]\d{2}:\d{2})?)?$/;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "Nov 3, 2026" for a real month and day; null for something that only looks like a day ("2026-13-40"). */
function written(year: string, month: string, dayOfMonth: string): string | null {
  const m = Number(month);
  const d = Number(dayOfMonth);
  return m >= 1 && m <= 12 && d >= 1 && d <= 31 ? `${MONTHS[m - 1]} ${d}, ${year}` : null;
}

/**
 * One day from an event's details, as a reader writes it: "2026-11-03" → "Nov 3, 2026". Anything that is not an ISO
 * day comes back as plain text (a number as its digits, a missing value as ""), so a note never prints "undefined".
 */
export function readableDay(value: unknown): string {
  if (typeof value === "number") return String(value);
  if (typeof value !== "string") return "";
  const match = ONE_DAY.exec(value);
  return (match && written(match[1]!, match[2]!, match[3]!)) ?? value;
}

/**
 * Calendar days written as ISO ("2026-03-01") anywhere in a note, as a reader writes them ("Mar 1, 2026"). For notes
 * assembled elsewhere; the execution notes (src/domain/execution/*-events.ts) print their days with readableDay.
 */
export function readableDays(note: string): string {
  return note.replace(ISO_DAY, (match, year: string, month: string, dayOfMonth: string) => written(year, month, dayOfMonth) ?? match);
}
