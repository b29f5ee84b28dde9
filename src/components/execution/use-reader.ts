import { useLocale, useTimeZone, useTranslations } from "next-intl";
import { DEFAULT_LOCALE, isLocale } from "@/i18n/config";
import type { LabelTable } from "@/i18n/label-tables";
import { formatsFor, type Formats } from "@/lib/format";

// The reader's formats and domain labels for the after-acceptance components that server pages render and that hold no
// "use client" directive: next-intl's hooks work on either side, while useFormats and useLabels are client-only modules.

export function useReaderFormats(): Formats {
  const locale = useLocale();
  const timeZone = useTimeZone() ?? "UTC";
  return formatsFor(isLocale(locale) ? locale : DEFAULT_LOCALE, timeZone);
}

export function useReaderLabels() {
  const t = useTranslations("Labels");
  return (table: LabelTable, value: string) => t(`${table}.${value}` as never);
}
