import "server-only";
import type { Actor } from "@/domain/policy";
import { isUuid } from "@/domain/schemas/common";
import { caseSubject } from "@/domain/workflow/engine";
import { assertCan } from "../auth/actor";
import { db } from "../db";
import { notFound } from "../errors";
import { toCaseView } from "./case-record";
import { loadCaseRow } from "./case-rows";
import { loadWorkflowContext, snapshotOf } from "./case-store";

/** One case as the actor may see it, with their available actions; another country's answers 404. */
export async function getCase(actor: Actor, caseId: string) {
  if (!isUuid(caseId)) throw notFound("Case");
  const loaded = await loadCaseRow(db(), caseId);
  if (!loaded) throw notFound("Case");
  assertCan(actor, "viewCase", caseSubject(snapshotOf(loaded.row)), "Case");
  return toCaseView(loaded.row, actor, await loadWorkflowContext(db(), loaded.row, new Date(), loaded.rules));
}
