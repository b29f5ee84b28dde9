import "server-only";
import { createHash } from "node:crypto";
import type { Actor } from "@/domain/policy";
import { db } from "../db";
import { renderDocument } from "./case-loa-sync";
import { findDocument, loadLoaContext } from "./loa-access";
import { documentName } from "./loa-store";

export interface DocumentPdf {
  bytes: Buffer;
  filename: string;
  sha256: string;
  /** The offered file as stored (its hash is on record), or a fresh render with the DRAFT mark. */
  offered: boolean;
}

/** An offered document's stored PDF, byte for byte; before the offer, a DRAFT render of the current version. */
export async function getDocumentPdf(actor: Actor, caseId: string, number: string | number): Promise<DocumentPdf> {
  const client = db();
  const context = await loadLoaContext(client, actor, caseId, new Date());
  const doc = findDocument(context.documents, number);
  const filename = `${documentName(context.caseRow.identifier, doc).replace(/[^A-Za-z0-9-]+/g, "_")}.pdf`;
  if (doc.pdfFileId) {
    const file = await client.storedFile.findUniqueOrThrow({ where: { id: doc.pdfFileId } });
    return { bytes: Buffer.from(file.content), filename, sha256: doc.pdfSha256!, offered: true };
  }
  const bytes = await renderDocument(client, caseId, doc, { draft: true });
  return { bytes, filename: filename.replace(/\.pdf$/, "_DRAFT.pdf"), sha256: createHash("sha256").update(bytes).digest("hex"), offered: false };
}
