import "server-only";
import type { Actor } from "@/domain/policy";
import { db } from "../db";
import type { RequestContext } from "../request-context";
import { acceptDecisionInTx } from "./sdr-core";
import { sdrNumberOf } from "./sdr-store";

/** The partner accepts the agency's decision as final, so the report closes (see acceptDecisionInTx). */
export async function acceptSdrDecision(
  actor: Actor,
  caseId: string,
  number: string | number,
  input: unknown,
  context: RequestContext,
  now: Date = new Date(),
) {
  return db().$transaction((tx) => acceptDecisionInTx(tx, actor, caseId, sdrNumberOf(number), input, context, now));
}
