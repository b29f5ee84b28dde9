import "server-only";
import type { Actor } from "@/domain/policy";
import { db } from "../db";
import type { RequestContext } from "../request-context";
import { commentOnSdrInTx } from "./sdr-core";
import { sdrNumberOf } from "./sdr-store";

/** A comment on a report, U.S. Government-only or visible to the partner (see commentOnSdrInTx). */
export async function addSdrComment(actor: Actor, caseId: string, number: string | number, input: unknown, context: RequestContext, now: Date = new Date()) {
  return db().$transaction((tx) => commentOnSdrInTx(tx, actor, caseId, sdrNumberOf(number), input, context, now));
}
