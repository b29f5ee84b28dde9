import "server-only";
import type { Actor } from "@/domain/policy";
import { ConfirmOrganizationInput } from "@/domain/schemas/organizations";
import { assertCan } from "../auth/actor";
import { recordAudit } from "../audit";
import { db } from "../db";
import { notFound, parseInput, versionConflict } from "../errors";
import type { RequestContext } from "../request-context";
import { isUuid } from "@/domain/schemas/common";
import { toOrganizationView } from "./organization-view";

/** An administrator confirms a reference code that was seeded unverified, after checking it against SAMM. */
export async function confirmOrganization(actor: Actor, organizationId: string, input: unknown, context: RequestContext) {
  assertCan(actor, "confirmReferenceData");
  if (!isUuid(organizationId)) throw notFound("Organization");
  const { expectedVersion } = parseInput(ConfirmOrganizationInput, input);
  return db().$transaction(async (tx) => {
    const before = await tx.organization.findUnique({ where: { id: organizationId } });
    if (!before) throw notFound("Organization");
    if (before.version !== expectedVersion) throw versionConflict(before.version);
    if (before.verified) return toOrganizationView(before); // already confirmed: keep who confirmed it first
    const updated = await tx.organization.updateMany({
      where: { id: organizationId, version: expectedVersion },
      data: { verified: true, verifiedAt: new Date(), verifiedById: actor.userId, version: { increment: 1 } },
    });
    if (updated.count === 0) throw versionConflict(before.version);
    const after = await tx.organization.findUniqueOrThrow({ where: { id: organizationId } });
    await recordAudit(tx, {
      action: "reference.confirm",
      outcome: "SUCCESS",
      actor,
      target: { type: "organization", id: organizationId },
      details: { code: after.code, kind: after.kind, before: { verified: before.verified }, after: { verified: true } },
      context,
    });
    return toOrganizationView(after);
  });
}
