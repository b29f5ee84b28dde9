import "server-only";
import type { Actor } from "@/domain/policy";
import { isUuid } from "@/domain/schemas/common";
import { assertCan } from "../auth/actor";
import { db } from "../db";
import { notFound } from "../errors";
import { loadLor, lorSubject, toLorView } from "./lor-record";

/** One letter; another country's, or an unsent draft for U.S. Government staff, answers 404. */
export async function getLor(actor: Actor, lorId: string) {
  if (!isUuid(lorId)) throw notFound("Letter of request");
  const row = await loadLor(db(), lorId);
  if (!row) throw notFound("Letter of request");
  assertCan(actor, "viewLor", lorSubject(row), "Letter of request");
  return toLorView(row, new Date(), actor);
}
