import "server-only";
import { ROLE_LABELS, roleFitsOrganization, type Role } from "@/domain/roles";
import type { Organization } from "../../generated/prisma/client";
import { db } from "../db";
import { fieldError } from "../errors";

/**
 * The organization a user with `role` will belong to: it must exist and be of a kind the role allows (a partner
 * officer works for a purchaser, a DSCA analyst for DSCA…). `blame` names the field the person should change.
 */
export async function organizationForRole(
  role: Role,
  organizationId: string,
  blame: "role" | "organizationId",
  known?: Organization,
): Promise<Organization> {
  const organization =
    known?.id === organizationId ? known : await db().organization.findUnique({ where: { id: organizationId } });
  if (!organization) throw fieldError("organizationId", "Choose an existing organization");
  if (!roleFitsOrganization(role, organization.kind)) {
    throw fieldError(blame, `A ${ROLE_LABELS[role].toLowerCase()} cannot belong to ${organization.name}`);
  }
  return organization;
}
