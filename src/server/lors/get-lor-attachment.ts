import "server-only";
import type { Actor } from "@/domain/policy";
import { isUuid } from "@/domain/schemas/common";
import { assertCan } from "../auth/actor";
import { db } from "../db";
import { notFound } from "../errors";
import { lorSubject } from "./lor-record";

/** A file attached to a letter, for someone allowed to see the letter; anything else is 404. */
export async function getLorAttachment(actor: Actor, lorId: string, attachmentId: string) {
  if (!isUuid(lorId) || !isUuid(attachmentId)) throw notFound("Attachment");
  const attachment = await db().lorAttachment.findFirst({
    where: { id: attachmentId, lorId },
    include: { lor: { select: { countryId: true, firstSubmittedAt: true, routedAgencyId: true } }, file: true },
  });
  if (!attachment) throw notFound("Attachment");
  assertCan(actor, "viewLor", lorSubject(attachment.lor), "Attachment");
  return {
    fileName: attachment.fileName,
    contentType: attachment.contentType,
    sizeBytes: attachment.sizeBytes,
    sha256: attachment.sha256,
    bytes: attachment.file.content,
  };
}
