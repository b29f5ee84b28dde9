import "server-only";
import { createHash } from "node:crypto";
import type { Actor } from "@/domain/policy";
import { assertCan } from "../auth/actor";
import { assertCaseVisible } from "../cases/case-access";
import { db } from "../db";
import { AppError } from "../errors";
import { certificateFileName, loadClosureCertificateModel } from "./closure-certificate";
import { renderClosureCertificate } from "./render-closure-certificate";

export interface ClosureCertificatePdf {
  bytes: Buffer;
  filename: string;
  sha256: string;
}

/**
 * The closed case's closure certificate, rendered from what closing recorded: the same bytes on every download, and
 * the SHA-256 recorded on the case's audit trail when it closed. Before the case closes there is none (404).
 */
export async function getClosureCertificate(actor: Actor, caseId: string): Promise<ClosureCertificatePdf> {
  const model = await db().$transaction(
    async (tx) => {
      const subject = await assertCaseVisible(actor, caseId, tx);
      assertCan(actor, "viewExecution", subject, "Case");
      return loadClosureCertificateModel(tx, caseId);
    },
    { isolationLevel: "RepeatableRead" },
  );
  if (!model) throw new AppError("NOT_FOUND", "There is no closure certificate until the case is closed");
  const bytes = await renderClosureCertificate(model);
  return { bytes, filename: certificateFileName(model.caseIdentifier), sha256: createHash("sha256").update(bytes).digest("hex") };
}

/** The certificate as a download, with its SHA-256 so a recipient can check it against the case's audit trail. */
export function certificateResponse(pdf: ClosureCertificatePdf): Response {
  return new Response(new Uint8Array(pdf.bytes), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${pdf.filename}"`,
      "content-length": String(pdf.bytes.length),
      "cache-control": "private, no-store",
      "x-content-sha256": pdf.sha256,
    },
  });
}
