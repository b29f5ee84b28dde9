import { formatRate } from "@/domain/pricing/price";
import { DEFAULT_LOCALE, intlLocaleOf } from "@/i18n/config";
import type { Formats } from "@/lib/format";

// Numbers the domain writes as decimal strings, in the reader's notation.

/** A decimal number written by the domain ("45.25") with the reader's decimal sign ("45,25" in French). */
export function localDecimal(digits: string, f: Formats): string {
  if (f.locale === DEFAULT_LOCALE) return digits;
  const sign = new Intl.NumberFormat(intlLocaleOf(f.locale)).formatToParts(1.5).find((part) => part.type === "decimal")?.value ?? ".";
  return digits.replace(".", sign);
}

/**
 * A rate held as a decimal fraction ("0.035") as the number of percent, exact to four places as the domain's
 * formatRate writes it ("3.5"), with the reader's decimal sign; the message adds the "%" where the language puts it.
 */
export function percentNumber(fraction: string, f: Formats): string {
  return localDecimal(formatRate(fraction).slice(0, -1), f);
}
