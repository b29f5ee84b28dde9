// Roles and organizations, in plain language for the UI and as data for the rules.

export const ROLES = [
  "PARTNER_OFFICER",
  "DSCA_ANALYST",
  "STATE_REVIEWER",
  "DTSA_REVIEWER",
  "IA_CASE_MANAGER",
  "ADMIN",
  "AUDITOR",
  "FINANCE_OFFICER",
  "POLICY_OFFICER",
] as const;
export type Role = (typeof ROLES)[number];

export const ORGANIZATION_KINDS = ["PARTNER_COUNTRY", "DSCA", "STATE_PM", "DTSA", "IMPLEMENTING_AGENCY"] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const ROLE_LABELS: Record<Role, string> = {
  PARTNER_OFFICER: "Partner-nation officer",
  DSCA_ANALYST: "DSCA analyst",
  STATE_REVIEWER: "State Department reviewer",
  DTSA_REVIEWER: "DTSA reviewer",
  IA_CASE_MANAGER: "Implementing-agency case manager",
  ADMIN: "Administrator",
  AUDITOR: "Auditor",
  FINANCE_OFFICER: "Finance officer (DFAS)",
  POLICY_OFFICER: "Policy officer (DSCA)",
};

export const ORGANIZATION_KIND_LABELS: Record<OrganizationKind, string> = {
  PARTNER_COUNTRY: "Partner country or organization",
  DSCA: "Defense Security Cooperation Agency",
  STATE_PM: "Department of State, Bureau of Political-Military Affairs",
  DTSA: "Defense Technology Security Administration",
  IMPLEMENTING_AGENCY: "Implementing agency",
};

/**
 * Which kind of organization a person in each role belongs to. A partner officer works for a purchaser;
 * everyone else works for a U.S. Government office. Administrators and auditors sit in any USG office.
 */
export const ROLE_ORGANIZATION_KINDS: Record<Role, readonly OrganizationKind[]> = {
  PARTNER_OFFICER: ["PARTNER_COUNTRY"],
  DSCA_ANALYST: ["DSCA"],
  STATE_REVIEWER: ["STATE_PM"],
  DTSA_REVIEWER: ["DTSA"],
  IA_CASE_MANAGER: ["IMPLEMENTING_AGENCY"],
  ADMIN: ["DSCA", "STATE_PM", "DTSA", "IMPLEMENTING_AGENCY"],
  AUDITOR: ["DSCA", "STATE_PM", "DTSA", "IMPLEMENTING_AGENCY"],
  // DFAS Indianapolis bills and collects for DSCA (fms-domain.md §4.4: "DFAS (deposit, billing, close)").
  FINANCE_OFFICER: ["DSCA"],
  // DSCA's policy staff draft the memos that change rates and clocks (fms-domain.md §7.2).
  POLICY_OFFICER: ["DSCA"],
};

export function roleFitsOrganization(role: Role, kind: OrganizationKind): boolean {
  return ROLE_ORGANIZATION_KINDS[role].includes(kind);
}

export function isUsgRole(role: Role): boolean {
  return role !== "PARTNER_OFFICER";
}
