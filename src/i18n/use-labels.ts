// No "use client": next-intl's hooks work in server components that are not async, and in client components alike.
import { useTranslations } from "next-intl";
import type { LabelTable } from "./label-tables";

/** The reader's words for a domain value in a client component: `const label = useLabels(); label("lorStatus", s)`. */
export function useLabels() {
  const t = useTranslations("Labels");
  return (table: LabelTable, value: string) => t(`${table}.${value}` as never);
}
