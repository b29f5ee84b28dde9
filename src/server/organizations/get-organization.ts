import "server-only";
import type { Actor } from "@/domain/policy";
import { can } from "@/domain/policy";
import { assertCan } from "../auth/actor";
import { db } from "../db";
import { notFound } from "../errors";
import { isUuid } from "@/domain/schemas/common";
import { toOrganizationView } from "./organization-view";

/** One organization with the people in it. A partner asking for another country gets 404. */
export async function getOrganization(actor: Actor, organizationId: string) {
  if (!isUuid(organizationId)) throw notFound("Organization");
  const organization = await db().organization.findUnique({
    where: { id: organizationId },
    include: { verifiedBy: { select: { name: true } } },
  });
  if (!organization) throw notFound("Organization");
  assertCan(actor, "viewOrganization", { organizationId: organization.id }, "Organization");
  const members = can(actor, "viewOrganizationMembers", { organizationId: organization.id })
    ? await db().user.findMany({
        where: { organizationId: organization.id, active: true },
        select: { id: true, name: true, email: true, role: true },
        orderBy: { name: "asc" },
      })
    : [];
  return { ...toOrganizationView(organization), verifiedByName: organization.verifiedBy?.name ?? null, members };
}
