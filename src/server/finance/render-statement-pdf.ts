// Lays out a billing statement (StatementPdfModel, already worded and formatted) with the LOA's deterministic pdfkit
// approach (src/server/loa/render-loa-pdf.ts, ADR 0011): constant dates, a trailer /ID from the model, the same
// embedded Public Sans and layout primitives — so the same statement always renders to the same bytes.
// No `import "server-only"`: unit tests import it directly.
import type { StatementPdfModel } from "@/domain/execution/statement-pdf";
import {
  BOLD,
  CONTENT_WIDTH,
  Cursor,
  deterministicPdf,
  INK,
  LEFT,
  MUTED,
  PAGE_HEIGHT,
  REGULAR,
  RIGHT,
  RULE,
  fieldGrid,
  fillRect,
  hline,
  sectionHeading,
  textAt,
  textBlock,
  titleBlock,
} from "../loa/render-loa-pdf";

/** Bump when the layout changes on purpose: it is part of the trailer /ID. */
const LAYOUT_VERSION = "statement-pdf/1";
const ROW_HEIGHT = 20;
const AMOUNT_WIDTH = 150;

function billTable(doc: PDFKit.PDFDocument, cursor: Cursor, model: StatementPdfModel): void {
  cursor.ensure(ROW_HEIGHT * model.rows.length);
  model.rows.forEach((row, index) => {
    const last = index === model.rows.length - 1;
    if (last) {
      fillRect(doc, LEFT, cursor.y, CONTENT_WIDTH, ROW_HEIGHT, "#e6e8eb");
      hline(doc, LEFT, RIGHT, cursor.y, INK, 1);
    }
    const style = { font: row.emphasis ? BOLD : REGULAR, size: last ? 11 : 9.5, color: INK } as const;
    textAt(doc, row.label, LEFT + 6, cursor.y + 5, CONTENT_WIDTH - AMOUNT_WIDTH - 18, style);
    textAt(doc, row.amount, RIGHT - AMOUNT_WIDTH - 6, cursor.y + 5, AMOUNT_WIDTH, style, { align: "right" });
    cursor.y += ROW_HEIGHT;
    hline(doc, LEFT, RIGHT, cursor.y, last ? INK : RULE, last ? 1 : 0.5);
  });
  cursor.y += 8;
}

export async function renderStatementPdf(model: StatementPdfModel): Promise<Buffer> {
  const { doc, done } = deterministicPdf({ documentName: model.documentName, title: model.title, layoutVersion: LAYOUT_VERSION, model });

  const cursor = new Cursor(doc);
  titleBlock(doc, cursor, model);
  fieldGrid(doc, cursor, [
    [
      ["Case identifier", model.caseIdentifier],
      ["Statement", model.kind],
    ],
    [
      ["Purchaser", model.purchaser],
      ["Implementing agency", model.implementingAgency],
    ],
    [
      ["Statement date", model.statementDate],
      ["Payment due", model.dueDate],
    ],
  ]);
  sectionHeading(doc, cursor, "Statement of account (cumulative, US dollars)", ROW_HEIGHT * model.rows.length);
  billTable(doc, cursor, model);
  cursor.y += textBlock(doc, model.instruction, LEFT, cursor.y, CONTENT_WIDTH, { size: 10, color: INK });
  cursor.y += 8;
  textBlock(
    doc,
    "The bill is the greater of the payment schedule and the forecast from obligations, deliveries and services, so the " +
      "bill, not the schedule, sets the amount due. Payments are applied to the oldest amount billed first.",
    LEFT,
    cursor.y,
    CONTENT_WIDTH,
    { size: 8, color: MUTED },
  );

  // Footer on each page, written without letting pdfkit add a page.
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const margins = { ...doc.page.margins };
    doc.page.margins.bottom = 0;
    const footerY = PAGE_HEIGHT - 36;
    hline(doc, LEFT, RIGHT, footerY - 5, RULE, 0.5);
    textAt(doc, model.footer, LEFT, footerY, CONTENT_WIDTH - 92, { size: 7, color: MUTED });
    textAt(doc, `Page ${i - start + 1} of ${count}`, RIGHT - 80, footerY, 80, { size: 7, color: MUTED }, { align: "right" });
    doc.page.margins = margins;
  }
  doc.end();
  return done;
}
