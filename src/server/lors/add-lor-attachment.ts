import "server-only";
import { createHash } from "node:crypto";
import { detectContentType, formatBytes, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_LOR, safeFileName } from "@/domain/files";
import type { LorStatus } from "@/domain/lor/codes";
import { lorTransition } from "@/domain/lor/workflow";
import type { Actor } from "@/domain/policy";
import { isUuid } from "@/domain/schemas/common";
import { AttachmentKindSchema } from "@/domain/schemas/lor";
import { assertCan } from "../auth/actor";
import { recordAudit } from "../audit";
import { db } from "../db";
import { AppError, fieldError, notFound, parseInput } from "../errors";
import type { RequestContext } from "../request-context";
import { attachmentUrl, loadLor, lockLor, lorSubject } from "./lor-record";
import { z } from "zod";

const AttachmentMeta = z.object({ kind: AttachmentKindSchema });

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * Attaches a PDF, PNG or JPEG (decided by its first bytes) of at most 10 MB to a letter the partner may still change.
 * The file is stored under a server-generated id; the uploader's name is kept, cleaned, only for display.
 */
export async function addLorAttachment(actor: Actor, lorId: string, meta: unknown, file: UploadedFile | null, context: RequestContext) {
  if (!isUuid(lorId)) throw notFound("Letter of request");
  const { kind } = parseInput(AttachmentMeta, meta);
  if (!file || file.bytes.length === 0) throw fieldError("file", "Choose a file to attach");
  if (file.bytes.length > MAX_ATTACHMENT_BYTES) {
    throw fieldError("file", `The file is ${formatBytes(file.bytes.length)}; attachments can be at most ${formatBytes(MAX_ATTACHMENT_BYTES)}`);
  }
  const contentType = detectContentType(file.bytes);
  if (!contentType) throw fieldError("file", "Attach a PDF, PNG or JPEG file. The file's contents are not one of these.");
  return db().$transaction(async (tx) => {
    if (!(await lockLor(tx, lorId))) throw notFound("Letter of request");
    const lor = await loadLor(tx, lorId);
    if (!lor) throw notFound("Letter of request");
    assertCan(actor, "viewLor", lorSubject(lor), "Letter of request");
    assertCan(actor, "editLor", lorSubject(lor), "Letter of request");
    const outcome = lorTransition(lor.status as LorStatus, "edit", lor.requestType);
    if (!outcome.ok) throw new AppError("CONFLICT", outcome.reason);
    if (lor.attachments.length >= MAX_ATTACHMENTS_PER_LOR) {
      throw fieldError("file", `A letter can have at most ${MAX_ATTACHMENTS_PER_LOR} attachments; remove one first`);
    }
    const stored = await tx.storedFile.create({ data: { content: file.bytes as Uint8Array<ArrayBuffer> }, select: { id: true } });
    const attachment = await tx.lorAttachment.create({
      data: {
        lorId,
        kind,
        fileName: safeFileName(file.name, contentType),
        contentType,
        sizeBytes: file.bytes.length,
        sha256: createHash("sha256").update(file.bytes).digest("hex"),
        fileId: stored.id,
        uploadedById: actor.userId,
      },
    });
    await recordAudit(tx, {
      action: "lor.attachment_add",
      outcome: "SUCCESS",
      actor,
      target: { type: "lor", id: lorId },
      details: { attachmentId: attachment.id, kind, fileName: attachment.fileName, contentType, sizeBytes: attachment.sizeBytes, sha256: attachment.sha256 },
      context,
    });
    return {
      id: attachment.id,
      kind: attachment.kind,
      fileName: attachment.fileName,
      contentType,
      sizeBytes: attachment.sizeBytes,
      sha256: attachment.sha256,
      uploadedAt: attachment.createdAt.toISOString(),
      downloadUrl: attachmentUrl(lorId, attachment.id),
    };
  });
}
