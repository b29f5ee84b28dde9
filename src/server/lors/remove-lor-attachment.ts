import "server-only";
import type { LorStatus } from "@/domain/lor/codes";
import { lorTransition } from "@/domain/lor/workflow";
import type { Actor } from "@/domain/policy";
import { isUuid } from "@/domain/schemas/common";
import { assertCan } from "../auth/actor";
import { recordAudit } from "../audit";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import type { RequestContext } from "../request-context";
import { lockLor, lorSubject } from "./lor-record";

/** Removes an attachment while the letter can still be changed (draft or insufficient). */
export async function removeLorAttachment(actor: Actor, lorId: string, attachmentId: string, context: RequestContext) {
  if (!isUuid(lorId) || !isUuid(attachmentId)) throw notFound("Attachment");
  return db().$transaction(async (tx) => {
    if (!(await lockLor(tx, lorId))) throw notFound("Attachment");
    const attachment = await tx.lorAttachment.findFirst({
      where: { id: attachmentId, lorId },
      include: { lor: { select: { countryId: true, firstSubmittedAt: true, routedAgencyId: true, status: true, requestType: true } } },
    });
    if (!attachment) throw notFound("Attachment");
    assertCan(actor, "viewLor", lorSubject(attachment.lor), "Attachment");
    assertCan(actor, "editLor", lorSubject(attachment.lor), "Attachment");
    const outcome = lorTransition(attachment.lor.status as LorStatus, "edit", attachment.lor.requestType);
    if (!outcome.ok) throw new AppError("CONFLICT", outcome.reason);
    await tx.lorAttachment.delete({ where: { id: attachmentId } });
    await tx.storedFile.delete({ where: { id: attachment.fileId } });
    await recordAudit(tx, {
      action: "lor.attachment_remove",
      outcome: "SUCCESS",
      actor,
      target: { type: "lor", id: lorId },
      details: { attachmentId, kind: attachment.kind, fileName: attachment.fileName, sha256: attachment.sha256 },
      context,
    });
    return { id: attachmentId, removed: true };
  });
}
