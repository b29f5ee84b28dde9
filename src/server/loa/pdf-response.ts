import "server-only";
import type { DocumentPdf } from "./get-document-pdf";

/** The PDF as a download; the offered file carries its SHA-256 so a recipient can check it against the case page. */
export function pdfResponse(pdf: DocumentPdf): Response {
  return new Response(new Uint8Array(pdf.bytes), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${pdf.filename}"`,
      "content-length": String(pdf.bytes.length),
      "cache-control": "private, no-store",
      "x-content-sha256": pdf.sha256,
      "x-loa-offered": String(pdf.offered),
    },
  });
}
