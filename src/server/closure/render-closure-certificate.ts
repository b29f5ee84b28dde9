// Lays out the closure certificate (ClosureCertificateModel, already worded) as a one- or two-page PDF with pdfkit,
// deterministically as the LOA is (src/server/loa/render-loa-pdf.ts, ADR 0011): the same fonts, a constant creation
// date, the trailer /ID derived from the model, and no wall clock — the same model always gives the same bytes.
// Free of `server-only` and `@/` imports: closing a case renders it to record its SHA-256 (the demo seed too).
import { deterministicPdf } from "../loa/render-loa-pdf";
import type { ClosureCertificateModel } from "./closure-certificate";

type Doc = PDFKit.PDFDocument;

/** Bump when the layout changes on purpose: it is part of the trailer /ID. */
const LAYOUT_VERSION = "closure-certificate/1";

const PAGE_WIDTH = 612;
const PAGE_HEIGHT = 792;
const MARGIN_X = 48;
const MARGIN_TOP = 56;
const BOTTOM = PAGE_HEIGHT - 60;
const LEFT = MARGIN_X;
const RIGHT = PAGE_WIDTH - MARGIN_X;
const WIDTH = RIGHT - LEFT;

const INK = "#111111";
const MUTED = "#555555";
const RULE = "#8a8f98";
const HAIRLINE = "#c9ccd1";
const BAND = "#e6e8eb";
const REGULAR = "PublicSans";
const BOLD = "PublicSans-Bold";

interface Style {
  font?: typeof REGULAR | typeof BOLD;
  size: number;
  color?: string;
}

const style = (doc: Doc, s: Style) => doc.font(s.font ?? REGULAR).fontSize(s.size).fillColor(s.color ?? INK);

function height(doc: Doc, text: string, width: number, s: Style): number {
  style(doc, s);
  return doc.heightOfString(text || " ", { width, lineGap: 1 });
}

/** Text in a box with a fixed height, so pdfkit never breaks pages on its own (the layout measures first). */
function put(doc: Doc, text: string, x: number, y: number, width: number, s: Style, align: "left" | "right" | "center" = "left") {
  style(doc, s);
  doc.text(text, x, y, { width, align, lineGap: 1, height: PAGE_HEIGHT });
}

function hline(doc: Doc, y: number, color = HAIRLINE, width = 0.5) {
  doc.save().lineWidth(width).strokeColor(color).moveTo(LEFT, y).lineTo(RIGHT, y).stroke().restore();
}

class Cursor {
  y = MARGIN_TOP;
  constructor(private readonly doc: Doc) {}
  ensure(needed: number) {
    if (this.y + needed > BOTTOM) {
      this.doc.addPage();
      this.y = MARGIN_TOP;
    }
  }
}

function section(doc: Doc, cursor: Cursor, title: string, keepWith: number) {
  cursor.ensure(26 + keepWith);
  cursor.y += 8;
  doc.save().rect(LEFT, cursor.y, WIDTH, 16).fill(BAND).restore();
  hline(doc, cursor.y, RULE, 0.75);
  put(doc, title.toUpperCase(), LEFT + 6, cursor.y + 4.5, WIDTH - 12, { font: BOLD, size: 8 });
  cursor.y += 22;
}

/** Label-over-value pairs, two to a row. */
function fields(doc: Doc, cursor: Cursor, pairs: [string, string][]) {
  const gap = 18;
  const width = (WIDTH - gap) / 2;
  for (let i = 0; i < pairs.length; i += 2) {
    const row = pairs.slice(i, i + 2);
    const rowHeight = Math.max(...row.map(([label, value]) => height(doc, label.toUpperCase(), width, { font: BOLD, size: 6.5 }) + 2 + height(doc, value, width, { size: 9.5 })));
    cursor.ensure(rowHeight + 8);
    row.forEach(([label, value], j) => {
      const x = LEFT + j * (width + gap);
      put(doc, label.toUpperCase(), x, cursor.y, width, { font: BOLD, size: 6.5, color: MUTED });
      put(doc, value, x, cursor.y + height(doc, label.toUpperCase(), width, { font: BOLD, size: 6.5 }) + 2, width, { size: 9.5 });
    });
    cursor.y += rowHeight + 4;
    hline(doc, cursor.y);
    cursor.y += 5;
  }
}

function paragraph(doc: Doc, cursor: Cursor, text: string, s: Style) {
  const h = height(doc, text, WIDTH, s);
  cursor.ensure(h + 4);
  put(doc, text, LEFT, cursor.y, WIDTH, s);
  cursor.y += h + 4;
}

const COLUMNS = [
  { header: "Line", width: 34, align: "left" as const },
  { header: "Description", width: 0, align: "left" as const },
  { header: "Outcome", width: 110, align: "left" as const },
  { header: "LOA value", width: 80, align: "right" as const },
  { header: "Delivered", width: 80, align: "right" as const },
].map((column, _i, all) => ({ ...column, width: column.width || WIDTH - all.reduce((sum, c) => sum + c.width, 0) }));

function linesTable(doc: Doc, cursor: Cursor, model: ClosureCertificateModel) {
  const header = () => {
    doc.save().rect(LEFT, cursor.y, WIDTH, 14).fill(BAND).restore();
    let x = LEFT;
    for (const column of COLUMNS) {
      put(doc, column.header, x + 3, cursor.y + 4, column.width - 6, { font: BOLD, size: 6.75 }, column.align);
      x += column.width;
    }
    cursor.y += 16;
  };
  header();
  for (const line of model.lines) {
    const cells = [line.lineNumber, line.description, line.outcome, line.lineValue, line.expended];
    const rowHeight = Math.max(...cells.map((text, i) => height(doc, text, COLUMNS[i]!.width - 6, { size: 7.5 }))) + 6;
    if (cursor.y + rowHeight > BOTTOM) {
      doc.addPage();
      cursor.y = MARGIN_TOP;
      header();
    }
    let x = LEFT;
    cells.forEach((text, i) => {
      put(doc, text, x + 3, cursor.y + 2, COLUMNS[i]!.width - 6, { size: 7.5 }, COLUMNS[i]!.align);
      x += COLUMNS[i]!.width;
    });
    cursor.y += rowHeight;
    hline(doc, cursor.y);
  }
  cursor.y += 4;
}

function amounts(doc: Doc, cursor: Cursor, rows: [string, string][]) {
  const amountWidth = 140;
  rows.forEach(([label, amount], i) => {
    const last = i === rows.length - 1;
    const s: Style = { font: last ? BOLD : REGULAR, size: 9 };
    const h = Math.max(height(doc, label, WIDTH - amountWidth - 18, s), 11);
    cursor.ensure(h + 6);
    put(doc, label, LEFT + 6, cursor.y, WIDTH - amountWidth - 18, s);
    put(doc, amount, RIGHT - amountWidth - 6, cursor.y, amountWidth, s, "right");
    cursor.y += h + 3;
    hline(doc, cursor.y, last ? RULE : HAIRLINE);
    cursor.y += 3;
  });
}

function furniture(doc: Doc, model: ClosureCertificateModel) {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const margins = { ...doc.page.margins };
    doc.page.margins.bottom = 0;
    doc.page.margins.top = 0;
    const y = PAGE_HEIGHT - 40;
    hline(doc, y - 5, RULE);
    put(doc, model.footer, LEFT, y, WIDTH - 90, { size: 7, color: MUTED });
    put(doc, `Page ${i - start + 1} of ${count}`, RIGHT - 80, y, 80, { size: 7, color: MUTED }, "right");
    doc.page.margins = margins;
  }
}

export async function renderClosureCertificate(model: ClosureCertificateModel): Promise<Buffer> {
  const { doc, done } = deterministicPdf({
    documentName: model.documentName,
    title: model.title,
    layoutVersion: LAYOUT_VERSION,
    model,
    margins: { top: MARGIN_TOP, bottom: PAGE_HEIGHT - BOTTOM, x: MARGIN_X },
  });

  const cursor = new Cursor(doc);
  hline(doc, cursor.y, INK, 2);
  cursor.y += 10;
  put(doc, model.title, LEFT, cursor.y, WIDTH, { font: BOLD, size: 18 }, "center");
  cursor.y += height(doc, model.title, WIDTH, { font: BOLD, size: 18 }) + 2;
  put(doc, `Case ${model.caseIdentifier}`, LEFT, cursor.y, WIDTH, { font: BOLD, size: 12, color: MUTED }, "center");
  cursor.y += 20;
  hline(doc, cursor.y, INK, 0.75);
  cursor.y += 10;

  fields(doc, cursor, [
    ["Case identifier", model.caseIdentifier],
    ["Type", model.caseType],
    ["Purchaser", model.purchaser],
    ["Implementing agency", model.implementingAgency],
    ["Closure type", model.closureType],
    ["Closed by", model.closedBy],
  ]);
  paragraph(doc, cursor, model.closureExplanation, { size: 8.5, color: MUTED });

  section(doc, cursor, "Dates", 40);
  fields(doc, cursor, model.dates);

  section(doc, cursor, "Lines", 40);
  linesTable(doc, cursor, model);

  section(doc, cursor, "Unliquidated obligations", 20);
  paragraph(doc, cursor, model.suspense, { size: 9.5 });

  section(doc, cursor, "Final statement", 16 * model.statement.length);
  amounts(doc, cursor, model.statement);
  cursor.y += 4;
  paragraph(doc, cursor, model.outcome, { font: BOLD, size: 10 });

  section(doc, cursor, "Certification", 40);
  paragraph(
    doc,
    cursor,
    "Every line of the LOA in force is supply/services complete or cancelled, no supply discrepancy report is open, and the " +
      "final statement above is settled as shown. This certificate is issued from Caseway's records of the case; its " +
      "SHA-256 fingerprint is recorded on the case's audit trail.",
    { size: 9 },
  );

  furniture(doc, model);
  doc.end();
  return done;
}
