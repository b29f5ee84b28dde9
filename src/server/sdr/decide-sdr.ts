import "server-only";
import type { Actor } from "@/domain/policy";
import { db } from "../db";
import type { RequestContext } from "../request-context";
import { decideSdrInTx } from "./sdr-core";
import { sdrNumberOf } from "./sdr-store";

/** The implementing agency's case manager decides a report, version-checked (see decideSdrInTx). */
export async function decideSdr(actor: Actor, caseId: string, number: string | number, input: unknown, context: RequestContext, now: Date = new Date()) {
  return db().$transaction((tx) => decideSdrInTx(tx, actor, caseId, sdrNumberOf(number), input, context, now));
}
