import { apiRoute } from "@/server/api/handler";
import { csvResponse } from "@/server/export/csv-stream";
import { exportCases } from "@/server/export/export-cases";

// The case list as CSV, streamed (ADR 0025): the list's filters, X-Total-Count for progress.
export const GET = apiRoute(async (actor, { query, context }) => {
  const { stream, total, filename } = await exportCases(actor, query, context);
  return csvResponse(stream, { filename, total });
});
