import "server-only";
import type { Actor } from "@/domain/policy";
import { assertCan } from "../auth/actor";
import { db } from "../db";

/** Implementing agencies in force today, for choosing a preferred or routed agency. */
export async function listImplementingAgencies(actor: Actor) {
  assertCan(actor, "listImplementingAgencies");
  return db().organization.findMany({
    where: { kind: "IMPLEMENTING_AGENCY", OR: [{ effectiveTo: null }, { effectiveTo: { gt: new Date() } }] },
    select: { id: true, code: true, name: true, shortName: true, verified: true },
    orderBy: { code: "asc" },
  });
}
