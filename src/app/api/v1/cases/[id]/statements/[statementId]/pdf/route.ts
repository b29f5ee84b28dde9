import { apiRoute } from "@/server/api/handler";
import { getStatementPdf } from "@/server/finance/get-statement-pdf";

export const GET = apiRoute<{ id: string; statementId: string }>(async (actor, { params }) => {
  const pdf = await getStatementPdf(actor, params.id, params.statementId);
  return new Response(new Uint8Array(pdf.bytes), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${pdf.filename}"`,
      "content-length": String(pdf.bytes.length),
      "cache-control": "private, no-store",
      "x-content-sha256": pdf.sha256,
    },
  });
});
