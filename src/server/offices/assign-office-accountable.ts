import "server-only";
import type { Actor } from "@/domain/policy";
import { AssignOfficeAccountableInput, OFFICE_KEY_PATTERN, type OfficeView } from "@/domain/schemas/offices";
import { assertCan } from "../auth/actor";
import { recordAudit } from "../audit";
import { db } from "../db";
import { AppError, notFound, parseInput } from "../errors";
import type { RequestContext } from "../request-context";
import { listOffices } from "./list-offices";

/** Names the person accountable for an office's queue: an active member of that office, recorded with its audit event. */
export async function assignOfficeAccountable(actor: Actor, office: string, input: unknown, context: RequestContext): Promise<OfficeView> {
  assertCan(actor, "assignOfficeAccountable");
  if (!OFFICE_KEY_PATTERN.test(office)) throw notFound("Office");
  const { userId } = parseInput(AssignOfficeAccountableInput, input);
  const offices = await listOffices(actor);
  const target = offices.find((o) => o.office === office);
  if (!target) throw notFound("Office");
  if (!target.eligible.some((person) => person.id === userId)) {
    const message = `Choose an active member of ${target.officeName}`;
    throw new AppError("VALIDATION_FAILED", message, { fields: { userId: message } });
  }
  await db().$transaction(async (tx) => {
    const before = await tx.officeAccountable.findUnique({ where: { inbox: office } });
    await tx.officeAccountable.upsert({
      where: { inbox: office },
      create: { inbox: office, userId, assignedById: actor.userId },
      update: { userId, assignedById: actor.userId, assignedAt: new Date() },
    });
    await recordAudit(tx, {
      action: "office.accountable-assigned",
      outcome: "SUCCESS",
      actor,
      target: { type: "office", id: office },
      details: { before: before?.userId ?? null, after: userId },
      context,
    });
  });
  return (await listOffices(actor)).find((o) => o.office === office)!;
}
