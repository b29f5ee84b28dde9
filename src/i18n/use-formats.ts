// No "use client": next-intl's hooks work in server components that are not async, and in client components alike.
import { useLocale, useTimeZone } from "next-intl";
import { formatsFor, type Formats } from "@/lib/format";
import { localeOf } from "./config";

/** The reader's formats in a client component: the same language and zone the server rendered with, so hydration agrees. */
export function useFormats(): Formats {
  const locale = useLocale();
  const timeZone = useTimeZone() ?? "UTC";
  return formatsFor(localeOf(locale), timeZone);
}
