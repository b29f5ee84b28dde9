import "server-only";
import { getLocale, getTimeZone } from "next-intl/server";
import { formatsFor, type Formats } from "@/lib/format";
import { localeOf } from "./config";

/** The request reader's formats, for server components and server-side renderers (PDFs, e-mails use their own). */
export async function getFormats(): Promise<Formats> {
  const [locale, timeZone] = await Promise.all([getLocale(), getTimeZone()]);
  return formatsFor(localeOf(locale), timeZone);
}
