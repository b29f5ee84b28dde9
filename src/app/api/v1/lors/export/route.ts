import { apiRoute } from "@/server/api/handler";
import { csvResponse } from "@/server/export/csv-stream";
import { exportLors } from "@/server/export/export-lors";

// The letter list as CSV, streamed (ADR 0025): the list's filters and sort, X-Total-Count for progress.
export const GET = apiRoute(async (actor, { query, context }) => {
  const { stream, total, filename } = await exportLors(actor, query, context);
  return csvResponse(stream, { filename, total });
});
