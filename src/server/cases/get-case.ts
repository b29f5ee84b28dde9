import "server-only";
import type { Actor } from "@/domain/policy";
import { isUuid } from "@/domain/schemas/common";
import { assertCan } from "../auth/actor";
import { db } from "../db";
import { notFound } from "../errors";
import { caseInclude, toCaseView } from "./case-view";

/** One case; another country's answers 404. */
export async function getCase(actor: Actor, caseId: string) {
  if (!isUuid(caseId)) throw notFound("Case");
  const row = await db().case.findUnique({ where: { id: caseId }, include: caseInclude });
  if (!row) throw notFound("Case");
  assertCan(actor, "viewCase", { organizationId: row.countryId }, "Case");
  return toCaseView(row);
}
