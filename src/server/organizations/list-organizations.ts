import "server-only";
import type { Actor } from "@/domain/policy";
import { OrganizationListQuery } from "@/domain/schemas/organizations";
import { assertCan } from "../auth/actor";
import { db } from "../db";
import { parseInput } from "../errors";
import { toOrganizationView } from "./organization-view";

const KIND_ORDER = ["DSCA", "STATE_PM", "DTSA", "IMPLEMENTING_AGENCY", "PARTNER_COUNTRY"];

/** Every organization for USG staff; a partner officer gets only their own country. */
export async function listOrganizations(actor: Actor, query: unknown = {}) {
  assertCan(actor, "listOrganizations");
  const { kind, verified } = parseInput(OrganizationListQuery, query);
  const rows = await db().organization.findMany({
    where: {
      ...(kind ? { kind } : {}),
      ...(verified ? { verified: verified === "true" } : {}),
      ...(actor.role === "PARTNER_OFFICER" ? { id: actor.organizationId } : {}),
    },
    orderBy: [{ code: "asc" }],
  });
  return rows
    .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.code.localeCompare(b.code))
    .map(toOrganizationView);
}
