import "server-only";
import { getTranslations } from "next-intl/server";
import type { LabelTable } from "./label-tables";

/**
 * The reader's words for a domain value: `const label = await getLabels(); label("caseStatus", status)`.
 * Client components use useLabels() from ./use-labels.
 */
export async function getLabels() {
  const t = await getTranslations("Labels");
  return (table: LabelTable, value: string) => t(`${table}.${value}` as never);
}
