import "server-only";
import type { Actor } from "@/domain/policy";
import { db } from "../db";
import type { RequestContext } from "../request-context";
import { fileSdrInTx } from "./sdr-core";
import { checkUploads, type UploadedFile } from "./sdr-store";

/** The partner files a Supply Discrepancy Report against a received shipment, with photos or PDFs (see fileSdrInTx). */
export async function fileSdr(actor: Actor, caseId: string, input: unknown, files: readonly UploadedFile[], context: RequestContext, now: Date = new Date()) {
  const uploads = checkUploads(files);
  return db().$transaction((tx) => fileSdrInTx(tx, actor, caseId, input, uploads, context, now));
}
