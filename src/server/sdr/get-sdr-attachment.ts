import "server-only";
import type { Actor } from "@/domain/policy";
import { isUuid } from "@/domain/schemas/common";
import { db } from "../db";
import { notFound } from "../errors";
import { sdrNumberOf, visibleSdrCase } from "./sdr-store";

/** A photo or document of a report, for someone who may see the case; anything else is 404. */
export async function getSdrAttachment(actor: Actor, caseId: string, number: string | number, attachmentId: string) {
  await visibleSdrCase(db(), actor, caseId);
  const sdrNumber = sdrNumberOf(number);
  if (sdrNumber === null || !isUuid(attachmentId)) throw notFound("Attachment");
  const attachment = await db().sdrAttachment.findFirst({
    where: { id: attachmentId, sdr: { caseId, number: sdrNumber } },
    include: { file: true },
  });
  if (!attachment) throw notFound("Attachment");
  return {
    fileName: attachment.fileName,
    contentType: attachment.contentType,
    sizeBytes: attachment.sizeBytes,
    sha256: attachment.sha256,
    bytes: attachment.file.content,
  };
}
