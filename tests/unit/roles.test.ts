import { describe, expect, it } from "vitest";
import {
  ORGANIZATION_KINDS,
  ROLE_LABELS,
  ORGANIZATION_KIND_LABELS,
  ROLES,
  isUsgRole,
  roleFitsOrganization,
  type OrganizationKind,
  type Role,
} from "@/domain/roles";

// Written out in full so any change to ROLE_ORGANIZATION_KINDS has to be reflected here.
const FITS: Record<Role, Record<OrganizationKind, boolean>> = {
  PARTNER_OFFICER: { PARTNER_COUNTRY: true, DSCA: false, STATE_PM: false, DTSA: false, IMPLEMENTING_AGENCY: false },
  DSCA_ANALYST: { PARTNER_COUNTRY: false, DSCA: true, STATE_PM: false, DTSA: false, IMPLEMENTING_AGENCY: false },
  STATE_REVIEWER: { PARTNER_COUNTRY: false, DSCA: false, STATE_PM: true, DTSA: false, IMPLEMENTING_AGENCY: false },
  DTSA_REVIEWER: { PARTNER_COUNTRY: false, DSCA: false, STATE_PM: false, DTSA: true, IMPLEMENTING_AGENCY: false },
  IA_CASE_MANAGER: { PARTNER_COUNTRY: false, DSCA: false, STATE_PM: false, DTSA: false, IMPLEMENTING_AGENCY: true },
  ADMIN: { PARTNER_COUNTRY: false, DSCA: true, STATE_PM: true, DTSA: true, IMPLEMENTING_AGENCY: true },
  AUDITOR: { PARTNER_COUNTRY: false, DSCA: true, STATE_PM: true, DTSA: true, IMPLEMENTING_AGENCY: true },
  FINANCE_OFFICER: { PARTNER_COUNTRY: false, DSCA: true, STATE_PM: false, DTSA: false, IMPLEMENTING_AGENCY: false },
  POLICY_OFFICER: { PARTNER_COUNTRY: false, DSCA: true, STATE_PM: false, DTSA: false, IMPLEMENTING_AGENCY: false },
};

describe("roleFitsOrganization", () => {
  it("knows the same roles and kinds as this table", () => {
    expect([...ROLES].sort()).toEqual(Object.keys(FITS).sort());
    for (const role of ROLES) expect(Object.keys(FITS[role]).sort()).toEqual([...ORGANIZATION_KINDS].sort());
  });

  const cases = ROLES.flatMap((role) => ORGANIZATION_KINDS.map((kind) => ({ role, kind, fits: FITS[role][kind] })));
  it.each(cases)("$role in a $kind organization: $fits", ({ role, kind, fits }) => {
    expect(roleFitsOrganization(role, kind)).toBe(fits);
  });

  it("no USG role fits a partner country, and only partner officers do", () => {
    for (const role of ROLES) expect(roleFitsOrganization(role, "PARTNER_COUNTRY")).toBe(role === "PARTNER_OFFICER");
  });
});

describe("isUsgRole and labels", () => {
  it.each(ROLES)("%s", (role) => {
    expect(isUsgRole(role)).toBe(role !== "PARTNER_OFFICER");
    expect(ROLE_LABELS[role]).toMatch(/\S/);
  });

  it("every organization kind has a label", () => {
    for (const kind of ORGANIZATION_KINDS) expect(ORGANIZATION_KIND_LABELS[kind]).toMatch(/\S/);
  });
});
