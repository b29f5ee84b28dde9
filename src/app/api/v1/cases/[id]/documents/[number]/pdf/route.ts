import { apiRoute } from "@/server/api/handler";
import { getDocumentPdf } from "@/server/loa/get-document-pdf";
import { pdfResponse } from "@/server/loa/pdf-response";

export const GET = apiRoute<{ id: string; number: string }>(async (actor, { params }) => pdfResponse(await getDocumentPdf(actor, params.id, params.number)));
