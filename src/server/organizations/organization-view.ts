import type { OrganizationView } from "@/domain/schemas/organizations";

type OrganizationRow = Omit<OrganizationView, "verifiedAt" | "effectiveFrom" | "effectiveTo"> & {
  verifiedAt: Date | null;
  effectiveFrom: Date;
  effectiveTo: Date | null;
};

export function toOrganizationView(o: OrganizationRow): OrganizationView {
  return {
    id: o.id,
    kind: o.kind,
    code: o.code,
    name: o.name,
    shortName: o.shortName,
    natoMember: o.natoMember,
    natoPlus: o.natoPlus,
    standardOedDays: o.standardOedDays,
    verified: o.verified,
    verifiedAt: o.verifiedAt?.toISOString() ?? null,
    source: o.source,
    effectiveFrom: o.effectiveFrom.toISOString(),
    effectiveTo: o.effectiveTo?.toISOString() ?? null,
    version: o.version,
  };
}
