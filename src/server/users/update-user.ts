import "server-only";
import type { Actor } from "@/domain/policy";
import { isUuid } from "@/domain/schemas/common";
import { UpdateUserInput } from "@/domain/schemas/users";
import { assertCan } from "../auth/actor";
import { recordAudit } from "../audit";
import { db } from "../db";
import { notFound, parseInput, versionConflict } from "../errors";
import type { RequestContext } from "../request-context";
import { organizationForRole } from "./organization-for-role";
import { toUserView, userInclude } from "./user-view";

/**
 * Changes a user's role, organization or active flag with compare-and-set on the version. Deactivating ends every
 * open session and revokes nothing else: the user's tokens stop working because the user is inactive.
 */
export async function updateUser(actor: Actor, userId: string, input: unknown, context: RequestContext) {
  // Authorize before any lookup, so a caller without the right cannot even learn which user ids exist.
  assertCan(actor, "viewUser");
  if (!isUuid(userId)) throw notFound("User");
  const change = parseInput(UpdateUserInput, input);
  if (change.active !== undefined) assertCan(actor, "deactivateUser", { userId });
  if (change.role !== undefined || change.organizationId !== undefined) assertCan(actor, "changeUserRole", { userId });
  const before = await db().user.findUnique({ where: { id: userId }, include: userInclude });
  if (!before) throw notFound("User");

  const role = change.role ?? before.role;
  const organization = await organizationForRole(
    role,
    change.organizationId ?? before.organizationId,
    change.role ? "role" : "organizationId",
    before.organization,
  );

  const active = change.active ?? before.active;
  if (before.version !== change.expectedVersion) throw versionConflict(before.version);
  if (active === before.active && role === before.role && organization.id === before.organizationId) {
    return toUserView(before); // nothing changes: no new version, no audit noise
  }

  return db().$transaction(async (tx) => {
    const now = new Date();
    const updated = await tx.user.updateMany({
      where: { id: userId, version: change.expectedVersion },
      data: {
        role,
        organizationId: organization.id,
        active,
        deactivatedAt: active ? null : (before.deactivatedAt ?? now),
        version: { increment: 1 },
      },
    });
    if (updated.count === 0) {
      const current = await tx.user.findUnique({ where: { id: userId }, select: { version: true } });
      throw versionConflict(current?.version ?? before.version);
    }
    if (!active) {
      await tx.session.updateMany({ where: { userId, endedAt: null }, data: { endedAt: now, endReason: "user_deactivated" } });
    }
    const after = await tx.user.findUniqueOrThrow({ where: { id: userId }, include: userInclude });
    const action =
      before.active !== after.active ? (after.active ? "user.reactivate" : "user.deactivate") : "user.change_role";
    await recordAudit(tx, {
      action,
      outcome: "SUCCESS",
      actor,
      target: { type: "user", id: userId },
      details: {
        before: { role: before.role, organization: before.organization.code, active: before.active },
        after: { role: after.role, organization: after.organization.code, active: after.active },
      },
      context,
    });
    return toUserView(after);
  });
}
