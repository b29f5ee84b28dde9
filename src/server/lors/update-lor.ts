import "server-only";
import type { LorStatus } from "@/domain/lor/codes";
import { lorTransition } from "@/domain/lor/workflow";
import { LOR_ACTION_PERMISSIONS } from "@/domain/lor/access";
import type { Actor } from "@/domain/policy";
import { isUuid } from "@/domain/schemas/common";
import { UpdateLorInput } from "@/domain/schemas/lor";
import { assertCan } from "../auth/actor";
import { recordAudit } from "../audit";
import { db } from "../db";
import { AppError, notFound, parseInput, versionConflict } from "../errors";
import type { RequestContext } from "../request-context";
import { contentData } from "./lor-content";
import { changedFields, contentSnapshot, loadLor, lockLor, lorSubject, toLorView } from "./lor-record";

/** Saves changes to a draft or an insufficient letter. Only fields that changed are audited, before and after. */
export async function updateLor(actor: Actor, lorId: string, input: unknown, context: RequestContext) {
  if (!isUuid(lorId)) throw notFound("Letter of request");
  const { expectedVersion, ...content } = parseInput(UpdateLorInput, input);
  return db().$transaction(async (tx) => {
    if (!(await lockLor(tx, lorId))) throw notFound("Letter of request");
    const before = await loadLor(tx, lorId);
    if (!before) throw notFound("Letter of request");
    assertCan(actor, "viewLor", lorSubject(before), "Letter of request");
    assertCan(actor, LOR_ACTION_PERMISSIONS.edit, lorSubject(before), "Letter of request");
    if (before.version !== expectedVersion) throw versionConflict(before.version);
    const outcome = lorTransition(before.status as LorStatus, "edit", before.requestType);
    if (!outcome.ok) throw new AppError("CONFLICT", outcome.reason);
    const data = await contentData(tx, content);
    const updated = await tx.letterOfRequest.updateMany({
      where: { id: lorId, version: expectedVersion },
      data: { ...(data as object), version: { increment: 1 } },
    });
    if (updated.count === 0) {
      const current = await tx.letterOfRequest.findUnique({ where: { id: lorId }, select: { version: true } });
      throw versionConflict(current?.version ?? before.version);
    }
    const after = (await loadLor(tx, lorId))!;
    const diff = changedFields(contentSnapshot(before), contentSnapshot(after));
    await recordAudit(tx, {
      action: "lor.update",
      outcome: "SUCCESS",
      actor,
      target: { type: "lor", id: lorId },
      details: { changedFields: diff.fields, before: diff.before, after: diff.after },
      context,
    });
    return toLorView(after, new Date(), actor);
  });
}
