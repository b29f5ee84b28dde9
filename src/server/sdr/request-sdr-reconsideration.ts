import "server-only";
import type { Actor } from "@/domain/policy";
import { db } from "../db";
import type { RequestContext } from "../request-context";
import { requestReconsiderationInTx } from "./sdr-core";
import { sdrNumberOf } from "./sdr-store";

/** The partner asks once, within the window, for the decision to be reconsidered (see requestReconsiderationInTx). */
export async function requestSdrReconsideration(
  actor: Actor,
  caseId: string,
  number: string | number,
  input: unknown,
  context: RequestContext,
  now: Date = new Date(),
) {
  return db().$transaction((tx) => requestReconsiderationInTx(tx, actor, caseId, sdrNumberOf(number), input, context, now));
}
