import { DEFAULT_LOCALE, intlLocaleOf, type Locale } from "@/i18n/config";

// Two kinds of date: an instant (something happened at 14:05 UTC) is shown in the reader's time zone with the zone
// named; a calendar date (an offer expiry date, a delivery day — stored as midnight UTC) is the same day for every
// reader, so it is formatted in UTC. The hour cycle is h23, not `hour12: false`: Node formats midnight as "24:05" with
// the latter and browsers as "00:05", and a component rendered on both sides must produce the same text.

const DASH = "—";
type DateInput = Date | string | null | undefined;

/** Every format a page needs, for one language and time zone (the request's: src/i18n/server.ts, use-formats.ts). */
export interface Formats {
  locale: Locale;
  timeZone: string;
  /** A calendar date: "Feb 28, 2027" · "28 févr. 2027" (never shifted by the reader's zone). */
  date(value: DateInput): string;
  /** An instant's day in the reader's zone. */
  day(value: DateInput): string;
  /** An instant, in the reader's zone, zone named: "Dec 5, 2026, 03:05 GMT+3". */
  dateTime(value: DateInput): string;
  /** A count: "1,234" · "1 234". */
  number(value: number | bigint): string;
  /** An exact decimal amount of dollars ("1250000.00"): "$1,250,000.00" · "1 250 000,00 $US"; never through a float. */
  usd(amount: string | null | undefined): string;
  /** A compact amount for charts: "$1.3M" · "1,3 M$US". */
  usdCompact(amount: number): string;
  /** Items joined as the language joins them: "DSCA, State and DTSA" · "DSCA, State et DTSA". */
  and(items: readonly string[]): string;
}

const cache = new Map<string, Formats>();

export function formatsFor(locale: Locale, timeZone: string): Formats {
  const key = `${locale}|${timeZone}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const tag = intlLocaleOf(locale);
  const date = new Intl.DateTimeFormat(tag, { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
  const day = new Intl.DateTimeFormat(tag, { year: "numeric", month: "short", day: "numeric", timeZone });
  const dateTime = new Intl.DateTimeFormat(tag, {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZoneName: "short",
    timeZone,
  });
  const number = new Intl.NumberFormat(tag);
  const usd = new Intl.NumberFormat(tag, { style: "currency", currency: "USD" });
  const usdCompact = new Intl.NumberFormat(tag, { style: "currency", currency: "USD", notation: "compact", maximumFractionDigits: 1 });
  // English without the serial comma ("DSCA, State and DTSA"), as the domain has always written it.
  const and = new Intl.ListFormat(locale === DEFAULT_LOCALE ? "en-GB" : tag, { type: "conjunction" });
  const formats: Formats = {
    locale,
    timeZone,
    date: (value) => (value ? date.format(new Date(value)) : DASH),
    day: (value) => (value ? day.format(new Date(value)) : DASH),
    dateTime: (value) => (value ? dateTime.format(new Date(value)) : DASH),
    number: (value) => number.format(value),
    // Intl formats a decimal string exactly (no float), so amounts over 2^53 cents keep every digit.
    usd: (amount) => (amount === null || amount === undefined || amount === "" ? DASH : usd.format(amount as Intl.StringNumericLiteral)),
    usdCompact: (amount) => usdCompact.format(amount),
    and: (items) => and.format(items),
  };
  cache.set(key, formats);
  return formats;
}

/** English, UTC: for what has no reader (logs, CSV, the LOA's English legal text) and code not yet given a reader's formats. */
export const UTC_ENGLISH = formatsFor(DEFAULT_LOCALE, "UTC");

export function formatDateTime(value: DateInput): string {
  return UTC_ENGLISH.dateTime(value);
}

export function formatDate(value: DateInput): string {
  return UTC_ENGLISH.date(value);
}
