// A policy series, its group and its value as the reader says them. The series and groups are the domain's
// (src/domain/policy-rows.ts), named in English there; the catalogue holds each one by key, and the English name stays
// the fallback for a series the catalogue does not know yet.
import { policySeries } from "@/domain/policy-rows";

type Translator = ((key: string, values?: Record<string, string | number>) => string) & { has: (key: string) => boolean };

/** Each group of series by one series in it (the domain names groups only in English). */
const GROUP_MEMBERS: Record<string, string> = {
  pricing: "ADMIN_SURCHARGE",
  thresholds: "CN_MDE_NATO_PLUS",
  periods: "CN_INFORMAL_REVIEW",
  targets: "LOR_VALIDATION",
  sdrs: "SDR_FILING_WINDOW",
};

/** `t` translates the "PolicySeriesNames" namespace. */
export function seriesLabel(t: Translator, key: string, fallback: string): string {
  return t.has(`series.${key}`) ? t(`series.${key}`) : fallback;
}

export function groupLabel(t: Translator, group: string): string {
  const key = Object.keys(GROUP_MEMBERS).find((name) => policySeries(GROUP_MEMBERS[name]!)?.group === group);
  return key && t.has(`group.${key}`) ? t(`group.${key}`) : group;
}

/** A clock's value in words ("20 calendar days"); rates and amounts keep the server's figure ("3.5%", "$14,000,000"). */
export function policyValue(t: Translator, row: { days: number | null; dayKind: "CALENDAR" | "BUSINESS" | null; display: string }): string {
  if (row.days === null || row.dayKind === null) return row.display;
  return t("days", { kind: row.dayKind, n: String(row.days), count: row.days });
}
