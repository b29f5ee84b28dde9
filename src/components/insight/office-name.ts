// An office as the reader says it: the U.S. Government offices by their translated names, an implementing agency by
// its own name (a proper name, as the server gives it). The server's English name stays the fallback.

import { officeName as englishOfficeName } from "@/domain/insight/dashboard";

const OFFICE_KEYS = ["DSCA_ANALYST", "STATE_REVIEWER", "DTSA_REVIEWER", "FINANCE_OFFICER", "IA_CASE_MANAGER"] as const;
type OfficeKey = (typeof OFFICE_KEYS)[number];

/** `t` is a translator for the "InsightOffice" namespace; `office` is the inbox key ("DTSA_REVIEWER", "IA_CASE_MANAGER:<id>"). */
export function officeNameFor(t: (key: OfficeKey) => string, office: string, officeName: string): string {
  const role = office.split(":")[0] ?? "";
  if (role === "IA_CASE_MANAGER") return officeName === englishOfficeName("IA_CASE_MANAGER:", new Map()) ? t("IA_CASE_MANAGER") : officeName;
  return (OFFICE_KEYS as readonly string[]).includes(role) ? t(role as OfficeKey) : officeName;
}
