// A CSV file as a web ReadableStream that reads the database one batch at a time, only when the consumer asks for more
// (ADR 0025): memory holds one batch whatever the number of rows, and a slow download slows the queries instead of
// piling rows up in the server. The first chunk is the BOM and the header row.
import "server-only";
import { CSV_BOM, csvRow, type CsvCell } from "@/domain/csv";
import { log } from "../log";

export const DEFAULT_BATCH_SIZE = 1000;

export interface CsvSource<Cursor> {
  header: readonly string[];
  /** The rows after `cursor` (null: from the start), at most `limit` of them, as cells, and the cursor after the last. */
  fetchBatch: (cursor: Cursor | null, limit: number) => Promise<{ rows: CsvCell[][]; cursor: Cursor | null }>;
  batchSize?: number;
  /** Named in the log when a batch fails half-way through a download. */
  label: string;
}

export function csvStream<Cursor>({ header, fetchBatch, batchSize = DEFAULT_BATCH_SIZE, label }: CsvSource<Cursor>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: Cursor | null = null;
  let started = false;
  let done = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(CSV_BOM + csvRow(header)));
          return;
        }
        if (done) {
          controller.close();
          return;
        }
        try {
          const batch = await fetchBatch(cursor, batchSize);
          cursor = batch.cursor;
          // A short batch is the last one; a full one may be followed by an empty one, which closes the stream.
          if (batch.rows.length < batchSize || cursor === null) done = true;
          if (batch.rows.length > 0) controller.enqueue(encoder.encode(batch.rows.map(csvRow).join("")));
          else controller.close();
        } catch (error) {
          // The 200 and the first rows are already sent: erroring the stream aborts the response, so the client sees an
          // incomplete download (no final chunk) rather than a file that looks whole.
          log.error({ err: error, export: label }, "a CSV export failed part-way");
          controller.error(error);
        }
      },
    },
    // Nothing is read ahead: pull() runs only when the consumer has asked for a chunk.
    { highWaterMark: 0 },
  );
}

/** The HTTP answer: the stream as an attachment, with the row count for a progress bar. */
export function csvResponse(stream: ReadableStream<Uint8Array>, { filename, total }: { filename: string; total: number }): Response {
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "x-total-count": String(total),
      "access-control-expose-headers": "X-Total-Count, Content-Disposition",
      "x-content-type-options": "nosniff",
    },
  });
}

export const exportFileName = (what: string, now: Date) => `caseway-${what}-${now.toISOString().slice(0, 10)}.csv`;
