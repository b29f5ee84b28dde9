import "server-only";
import type { Actor } from "@/domain/policy";
import { db } from "../db";
import type { RequestContext } from "../request-context";
import { attachToSdrInTx } from "./sdr-core";
import { checkUploads, sdrNumberOf, type UploadedFile } from "./sdr-store";

/** Photos or PDFs added to a report after filing, checked by their content like the LOR attachments (see attachToSdrInTx). */
export async function addSdrAttachments(
  actor: Actor,
  caseId: string,
  number: string | number,
  files: readonly UploadedFile[],
  context: RequestContext,
  now: Date = new Date(),
) {
  const uploads = checkUploads(files);
  return db().$transaction((tx) => attachToSdrInTx(tx, actor, caseId, sdrNumberOf(number), uploads, context, now));
}
