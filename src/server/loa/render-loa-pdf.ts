// Lays out a Letter of Offer and Acceptance (LoaPdfModel, already worded and formatted) as a PDF with pdfkit.
// Deterministic: the same model always renders to the same bytes, so an offered LOA's stored PDF and its SHA-256 can
// be reproduced and checked (docs/decisions/0011-loa-pdf-with-pdfkit.md). No wall clock, no random ID:
//   - Creator and Producer are "Caseway", Title the document name, CreationDate a constant (2000-01-01), no ModDate;
//   - the trailer /ID is derived from the model (SHA-256 of its canonical JSON), not from the time;
//   - Public Sans comes from @fontsource/public-sans and is subset by pdfkit (subset tags derive from the font's id);
//   - streams are compressed with Node's zlib, which is deterministic for the same input and zlib build.
// No `import "server-only"` here: unit tests and the benchmark import this file directly.
// Its fonts, determinism helpers and layout primitives are exported for Caseway's other deterministic PDFs (billing
// statements, the closure certificate), so they print alike.
import { createHash } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import zlib from "node:zlib";
import PDFDocument from "pdfkit";
import type { LoaPdfModel } from "@/domain/loa/pdf-model";

type Doc = PDFKit.PDFDocument;
type Line = LoaPdfModel["lines"][number];

/**
 * pdfkit writes a creation date into the Info dictionary and the XMP metadata (which it always adds from PDF 1.4):
 * a constant, so no wall clock leaks into the bytes. The document's real dates are printed on its pages.
 */
export const FIXED_DATE = new Date(Date.UTC(2000, 0, 1, 0, 0, 0));

/** Bump when the layout changes on purpose: it is part of the trailer /ID. */
const LAYOUT_VERSION = "loa-pdf/1";

// US Letter, portrait, in points.
const PAGE_WIDTH = 612;
export const PAGE_HEIGHT = 792;
export const MARGIN_X = 40;
export const MARGIN_TOP = 52;
export const MARGIN_BOTTOM = 52;
export const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X;
export const LEFT = MARGIN_X;
export const RIGHT = PAGE_WIDTH - MARGIN_X;
/** Content never goes below this; the footer lives underneath. */
const BOTTOM = PAGE_HEIGHT - MARGIN_BOTTOM;

export const INK = "#111111";
export const MUTED = "#555555";
export const RULE = "#8a8f98";
const HAIRLINE = "#c9ccd1";
export const BAND = "#e6e8eb";
const WATERMARK = "#9aa0a6";

export const REGULAR = "PublicSans";
export const BOLD = "PublicSans-Bold";

// ---------------------------------------------------------------------------------------------------------------------
// Fonts

interface Fonts {
  regular: Buffer;
  bold: Buffer;
}

let fonts: Fonts | undefined;

/**
 * Public Sans from @fontsource/public-sans, read once per process (also for the other deterministic PDFs, e.g. the
 * closure certificate, so every Caseway PDF embeds the same font the same way). The package ships WOFF/WOFF2 only; fontkit reads
 * WOFF but inflates tables with a pure-JavaScript inflater on every table access (most of a render's time), so the
 * WOFF files are unpacked to plain TrueType here, once, with Node's zlib.
 */
export function loadFonts(): Fonts {
  if (!fonts) {
    const dir = fontDirectory();
    fonts = {
      regular: woffToSfnt(fs.readFileSync(path.join(dir, "public-sans-latin-400-normal.woff"))),
      bold: woffToSfnt(fs.readFileSync(path.join(dir, "public-sans-latin-700-normal.woff"))),
    };
  }
  return fonts;
}

/**
 * Resolved through Node's resolver from this module first (vitest, tsx, Next.js using the app's node_modules);
 * a bundler may turn `require.resolve` into a module id, so the result is checked, and the project's node_modules
 * under the working directory is the fallback.
 */
function fontDirectory(): string {
  const candidates: string[] = [];
  try {
    const resolved: unknown = createRequire(import.meta.url).resolve("@fontsource/public-sans/package.json");
    if (typeof resolved === "string") candidates.push(path.join(path.dirname(resolved), "files"));
  } catch {
    // Fall through to the working directory.
  }
  candidates.push(path.join(process.cwd(), "node_modules", "@fontsource", "public-sans", "files"));
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, "public-sans-latin-400-normal.woff")));
  if (!found) throw new Error(`Public Sans not found (looked in ${candidates.join(", ")}); is @fontsource/public-sans installed?`);
  return found;
}

/** WOFF 1.0 (W3C) to the OpenType/TrueType file it wraps: same tables, inflated, 4-byte aligned. */
function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString("latin1", 0, 4) !== "wOFF") throw new Error("Not a WOFF 1.0 font");
  const flavor = woff.readUInt32BE(4);
  const numTables = woff.readUInt16BE(12);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const entry = 44 + i * 20;
    const offset = woff.readUInt32BE(entry + 4);
    const compLength = woff.readUInt32BE(entry + 8);
    const origLength = woff.readUInt32BE(entry + 12);
    const stored = woff.subarray(offset, offset + compLength);
    return {
      tag: woff.subarray(entry, entry + 4),
      checksum: woff.readUInt32BE(entry + 16),
      data: compLength < origLength ? zlib.inflateSync(stored) : stored,
    };
  });
  let entrySelector = 0;
  while (2 ** (entrySelector + 1) <= numTables) entrySelector++;
  const searchRange = 2 ** entrySelector * 16;
  const header = Buffer.alloc(12 + numTables * 16);
  header.writeUInt32BE(flavor, 0);
  header.writeUInt16BE(numTables, 4);
  header.writeUInt16BE(searchRange, 6);
  header.writeUInt16BE(entrySelector, 8);
  header.writeUInt16BE(numTables * 16 - searchRange, 10);
  const parts: Buffer[] = [header];
  let offset = header.length;
  tables.forEach((table, i) => {
    const record = 12 + i * 16;
    table.tag.copy(header, record);
    header.writeUInt32BE(table.checksum, record + 4);
    header.writeUInt32BE(offset, record + 8);
    header.writeUInt32BE(table.data.length, record + 12);
    const padded = Buffer.alloc((table.data.length + 3) & ~3);
    table.data.copy(padded);
    parts.push(padded);
    offset += padded.length;
  });
  return Buffer.concat(parts);
}

// ---------------------------------------------------------------------------------------------------------------------
// Determinism helpers

/** JSON with object keys sorted, so two equal models hash alike whatever order their keys were set in. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/**
 * A PDFKit document that renders the same bytes for the same model: no default font (pdfkit would load Helvetica; every
 * text call sets Public Sans first), a fixed creation date, and the trailer /ID derived from the renderer's layout
 * version and the model rather than from the time. `done` resolves to the bytes once the caller ends the document.
 * Shared by the LOA, the billing statement and the closure certificate.
 */
export function deterministicPdf(options: {
  documentName: string;
  title: string;
  layoutVersion: string;
  model: unknown;
  /** The page margins, when the document's layout has its own (the LOA's otherwise). */
  margins?: { top: number; bottom: number; x: number };
}): { doc: PDFKit.PDFDocument; done: Promise<Buffer> } {
  const margins = options.margins ?? { top: MARGIN_TOP, bottom: MARGIN_BOTTOM, x: MARGIN_X };
  const { regular, bold } = loadFonts();
  const doc = new PDFDocument({
    size: "LETTER",
    layout: "portrait",
    margins: { top: margins.top, bottom: margins.bottom, left: margins.x, right: margins.x },
    bufferPages: true,
    compress: true,
    pdfVersion: "1.7",
    lang: "en-US",
    displayTitle: true,
    font: null as unknown as string,
    info: { Title: options.documentName, Subject: options.title, Creator: "Caseway", Producer: "Caseway", CreationDate: FIXED_DATE },
  });
  const digest = createHash("sha256").update(options.layoutVersion).update("\n").update(canonicalJson(options.model)).digest();
  (doc as unknown as { _id: Uint8Array })._id = new Uint8Array(digest.subarray(0, 16));
  doc.registerFont(REGULAR, regular);
  doc.registerFont(BOLD, bold);

  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  return { doc, done };
}

// ---------------------------------------------------------------------------------------------------------------------
// Layout primitives

export interface TextStyle {
  font?: typeof REGULAR | typeof BOLD;
  size: number;
  color?: string;
}

function applyStyle(doc: Doc, style: TextStyle): Doc {
  return doc
    .font(style.font ?? REGULAR)
    .fontSize(style.size)
    .fillColor(style.color ?? INK);
}

function heightOf(doc: Doc, text: string, width: number, style: TextStyle, lineGap = 0): number {
  if (text === "") return 0;
  applyStyle(doc, style);
  return doc.heightOfString(text, { width, lineGap });
}

/**
 * Draws text at a position. The box is given a height (the row's, or the page's), which stops pdfkit from breaking
 * the page on its own: callers measure first and start a new page themselves, so a table row is never split.
 */
export function textAt(
  doc: Doc,
  text: string,
  x: number,
  y: number,
  width: number,
  style: TextStyle,
  options: { align?: "left" | "right" | "center"; lineGap?: number; height?: number } = {},
): void {
  if (text === "") return;
  applyStyle(doc, style);
  doc.text(text, x, y, { width, align: options.align ?? "left", lineGap: options.lineGap ?? 0, height: options.height ?? PAGE_HEIGHT });
}

/** textAt, returning the height the text took. */
export function textBlock(doc: Doc, text: string, x: number, y: number, width: number, style: TextStyle, align: "left" | "center" = "left"): number {
  textAt(doc, text, x, y, width, style, { align });
  return heightOf(doc, text, width, style);
}

/**
 * A value that should stay on one line (amounts, codes): the font size that fits the width, down to `minSize`
 * (text width is proportional to the size, so one measurement does), and whether it then fits.
 */
export function fitLine(doc: Doc, text: string, width: number, style: TextStyle, minSize = 5.5): { style: TextStyle; fits: boolean } {
  applyStyle(doc, style);
  const natural = doc.widthOfString(text);
  if (natural <= width) return { style, fits: true };
  const size = Math.max(minSize, Math.floor(((style.size * width) / natural) * 4) / 4);
  return { style: { ...style, size }, fits: (natural * size) / style.size <= width };
}

function fittedSize(doc: Doc, text: string, width: number, style: TextStyle, minSize = 5.5): number {
  return fitLine(doc, text, width, style, minSize).style.size;
}

export function hline(doc: Doc, x1: number, x2: number, y: number, color = HAIRLINE, width = 0.5): void {
  doc.save().lineWidth(width).strokeColor(color).moveTo(x1, y).lineTo(x2, y).stroke().restore();
}

export function fillRect(doc: Doc, x: number, y: number, w: number, h: number, color: string): void {
  doc.save().rect(x, y, w, h).fill(color).restore();
}

/** The vertical cursor. Everything is laid out top-down; `ensure` starts a new page when a block would not fit. */
export class Cursor {
  y = MARGIN_TOP;
  /** Redrawn at the top of each page the current table continues on. */
  private repeatHeader: (() => void) | null = null;

  constructor(private readonly doc: Doc) {}

  newPage(): void {
    this.doc.addPage();
    this.y = MARGIN_TOP;
    this.repeatHeader?.();
  }

  ensure(height: number): void {
    if (this.y + height > BOTTOM && this.y > MARGIN_TOP + 0.5) this.newPage();
  }

  withRepeatedHeader(draw: () => void, body: () => void): void {
    this.repeatHeader = draw;
    try {
      body();
    } finally {
      this.repeatHeader = null;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Sections

const SECTION_BAND_HEIGHT = 16;

export function sectionHeading(doc: Doc, cursor: Cursor, title: string, keepWith: number): void {
  cursor.ensure(SECTION_BAND_HEIGHT + 6 + keepWith);
  if (cursor.y > MARGIN_TOP + 0.5) cursor.y += 6;
  fillRect(doc, LEFT, cursor.y, CONTENT_WIDTH, SECTION_BAND_HEIGHT, BAND);
  hline(doc, LEFT, RIGHT, cursor.y, RULE, 0.75);
  textAt(doc, title.toUpperCase(), LEFT + 6, cursor.y + 4.5, CONTENT_WIDTH - 12, { font: BOLD, size: 8, color: INK });
  cursor.y += SECTION_BAND_HEIGHT + 6;
}

export function titleBlock(doc: Doc, cursor: Cursor, model: Pick<LoaPdfModel, "title" | "documentName">): void {
  hline(doc, LEFT, RIGHT, cursor.y, INK, 2);
  cursor.y += 10;
  cursor.y += textBlock(doc, model.title, LEFT, cursor.y, CONTENT_WIDTH, { font: BOLD, size: 17 }, "center");
  cursor.y += 4;
  cursor.y += textBlock(doc, model.documentName, LEFT, cursor.y, CONTENT_WIDTH, { font: BOLD, size: 12, color: MUTED }, "center");
  cursor.y += 8;
  hline(doc, LEFT, RIGHT, cursor.y, INK, 0.75);
  cursor.y += 10;
}

const LABEL: TextStyle = { font: BOLD, size: 6.5, color: MUTED };
const VALUE: TextStyle = { size: 9.5 };

/** Label-over-value fields, two per row (or one across the full width). */
export function fieldGrid(doc: Doc, cursor: Cursor, rows: [label: string, value: string][][]): void {
  const gap = 18;
  for (const row of rows) {
    const width = (CONTENT_WIDTH - gap * (row.length - 1)) / row.length;
    const height = Math.max(
      ...row.map(([label, value]) => heightOf(doc, label.toUpperCase(), width, LABEL) + 2 + heightOf(doc, value || "—", width, VALUE, 1)),
    );
    cursor.ensure(height + 8);
    row.forEach(([label, value], i) => {
      const x = LEFT + i * (width + gap);
      const labelHeight = textBlock(doc, label.toUpperCase(), x, cursor.y, width, LABEL);
      textAt(doc, value || "—", x, cursor.y + labelHeight + 2, width, VALUE, { lineGap: 1 });
    });
    cursor.y += height + 4;
    hline(doc, LEFT, RIGHT, cursor.y);
    cursor.y += 5;
  }
}

function paragraphs(doc: Doc, cursor: Cursor, text: string, style: TextStyle, x = LEFT, width = CONTENT_WIDTH): void {
  const blocks = text
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter((block) => block !== "");
  for (const block of blocks) {
    flowText(doc, cursor, block, style, x, width);
    cursor.y += 4;
  }
}

/**
 * Text that may run over a page: kept with at least two lines on the current page, then pdfkit breaks it across
 * pages at the bottom margin (running header and footer are drawn afterwards, so a page it adds needs nothing more).
 */
function flowText(doc: Doc, cursor: Cursor, text: string, style: TextStyle, x: number, width: number, lineGap = 1.5): void {
  applyStyle(doc, style);
  const lineHeight = doc.currentLineHeight(true) + lineGap;
  const total = heightOf(doc, text, width, style, lineGap);
  cursor.ensure(Math.min(total, lineHeight * 2));
  applyStyle(doc, style);
  doc.text(text, x, cursor.y, { width, lineGap });
  cursor.y = doc.y;
}

function termsOfSale(doc: Doc, cursor: Cursor, model: LoaPdfModel): void {
  const amountWidth = 130;
  const termWidth = CONTENT_WIDTH - amountWidth - 12;
  for (const { term, amount } of model.termsOfSale) {
    const height = Math.max(heightOf(doc, term, termWidth, { size: 9 }), 11);
    cursor.ensure(height + 6);
    textAt(doc, term, LEFT + 6, cursor.y, termWidth, { size: 9 });
    const size = fittedSize(doc, amount, amountWidth, { size: 9 });
    textAt(doc, amount, RIGHT - amountWidth - 6, cursor.y, amountWidth, { size }, { align: "right" });
    cursor.y += height + 3;
    hline(doc, LEFT, RIGHT, cursor.y);
    cursor.y += 3;
  }
  const label = "Initial deposit";
  cursor.ensure(16);
  textAt(doc, label, LEFT + 6, cursor.y, termWidth, { font: BOLD, size: 9 });
  const size = fittedSize(doc, model.initialDeposit, amountWidth, { font: BOLD, size: 9 });
  textAt(doc, model.initialDeposit, RIGHT - amountWidth - 6, cursor.y, amountWidth, { font: BOLD, size }, { align: "right" });
  cursor.y += 14;
}

// ---------------------------------------------------------------------------------------------------------------------
// Lines table

interface Column {
  key: "lineNumber" | "masl" | "description" | "quantity" | "unitCost" | "total" | "sourceOfSupply" | "typeOfAssistance" | "monthsOfService" | "deliveryTermCode";
  header: string;
  width: number;
  align: "left" | "right" | "center";
}

const LINE_COLUMNS: Column[] = (() => {
  const columns: (Omit<Column, "width"> & { width: number | null })[] = [
    { key: "lineNumber", header: "Line", width: 32, align: "left" },
    { key: "masl", header: "MASL", width: 80, align: "left" },
    { key: "description", header: "Description", width: null, align: "left" },
    { key: "quantity", header: "Qty", width: 38, align: "right" },
    { key: "unitCost", header: "Unit cost", width: 64, align: "right" },
    { key: "total", header: "Total", width: 70, align: "right" },
    { key: "sourceOfSupply", header: "SC", width: 18, align: "center" },
    { key: "typeOfAssistance", header: "TA", width: 18, align: "center" },
    { key: "monthsOfService", header: "MOS", width: 23, align: "center" },
    { key: "deliveryTermCode", header: "DTC", width: 23, align: "center" },
  ];
  const used = columns.reduce((sum, c) => sum + (c.width ?? 0), 0);
  return columns.map((c) => ({ ...c, width: c.width ?? CONTENT_WIDTH - used }));
})();

const CELL_PAD_X = 3;
const CELL_PAD_Y = 3.5;
const CELL: TextStyle = { size: 7.5 };
const CELL_BOLD: TextStyle = { font: BOLD, size: 7.5 };
const FLAGS: TextStyle = { font: BOLD, size: 6.5, color: INK };
const LINE_NOTE: TextStyle = { size: 6.75, color: MUTED };
const SUBLINE_INDENT = 8;

function columnX(index: number): number {
  let x = LEFT;
  for (let i = 0; i < index; i++) x += LINE_COLUMNS[i]!.width;
  return x;
}

function drawLinesHeader(doc: Doc, cursor: Cursor): void {
  const height = 15;
  fillRect(doc, LEFT, cursor.y, CONTENT_WIDTH, height, BAND);
  hline(doc, LEFT, RIGHT, cursor.y, RULE, 0.75);
  hline(doc, LEFT, RIGHT, cursor.y + height, RULE, 0.75);
  LINE_COLUMNS.forEach((column, i) => {
    textAt(doc, column.header, columnX(i) + CELL_PAD_X, cursor.y + 4.5, column.width - 2 * CELL_PAD_X, { font: BOLD, size: 6.75 }, {
      align: column.align,
    });
  });
  cursor.y += height;
}

interface CellBlock {
  text: string;
  style: TextStyle;
  lineGap: number;
  /** Offset from the top of the cell's text area. */
  dy: number;
}

interface RowLayout {
  line: Line;
  height: number;
  cells: { column: Column; x: number; width: number; blocks: CellBlock[] }[];
}

/**
 * Measures a row before drawing it. The description cell stacks description, flags and the line note; other cells
 * hold one value, shrunk to stay on one line where it can (wrapping, and a taller row, if it still cannot).
 */
function layoutRow(doc: Doc, line: Line): RowLayout {
  let content = 0;
  const cells = LINE_COLUMNS.map((column, i) => {
    const indent = !line.isSubline ? 0 : column.key === "description" ? SUBLINE_INDENT : column.key === "lineNumber" ? 5 : 0;
    const x = columnX(i) + CELL_PAD_X + indent;
    const width = column.width - 2 * CELL_PAD_X - indent;
    const blocks: CellBlock[] = [];
    let dy = 0;
    const add = (text: string | null, style: TextStyle, lineGap: number, gapBefore: number) => {
      if (!text) return;
      if (blocks.length > 0) dy += gapBefore;
      blocks.push({ text, style, lineGap, dy });
      dy += heightOf(doc, text, width, style, lineGap);
    };
    if (column.key === "description") {
      add(line.description, CELL, 0.5, 0);
      add(line.flags, FLAGS, 0, 2);
      add(line.note, LINE_NOTE, 0.5, 2);
    } else {
      const value = line[column.key];
      const fitted = fitLine(doc, value, width, column.key === "lineNumber" && !line.isSubline ? CELL_BOLD : CELL, 6.25);
      if (fitted.fits) {
        // One line: its height without running the line wrapper.
        blocks.push({ text: value, style: fitted.style, lineGap: 0.5, dy: 0 });
        applyStyle(doc, fitted.style);
        dy = doc.currentLineHeight(true) + 0.5;
      } else {
        add(value, fitted.style, 0.5, 0);
      }
    }
    content = Math.max(content, dy);
    return { column, x, width, blocks };
  });
  return { line, height: content + 2 * CELL_PAD_Y, cells };
}

function drawLineRow(doc: Doc, cursor: Cursor, row: RowLayout): void {
  const y = cursor.y + CELL_PAD_Y;
  for (const cell of row.cells) {
    for (const block of cell.blocks) {
      // The row's height bounds every block, so pdfkit never breaks the page inside a row.
      textAt(doc, block.text, cell.x, y + block.dy, cell.width, block.style, {
        align: cell.column.align,
        lineGap: block.lineGap,
        height: row.height,
      });
    }
  }
  cursor.y += row.height;
  hline(doc, LEFT, RIGHT, cursor.y, row.line.isSubline ? HAIRLINE : RULE, row.line.isSubline ? 0.4 : 0.5);
}

/**
 * A row is never split across pages. Validation bounds a line's text (description 500 characters, note 2,000), and
 * the tallest such row takes about three quarters of a page.
 */
function linesTable(doc: Doc, cursor: Cursor, model: LoaPdfModel): void {
  const rows = model.lines.map((line) => layoutRow(doc, line));
  // The heading stays with the table header and the first row.
  sectionHeading(doc, cursor, "Items and services", rows.length > 0 ? 15 + rows[0]!.height : 14);
  if (rows.length === 0) {
    cursor.ensure(14);
    textAt(doc, "No lines.", LEFT + 6, cursor.y, CONTENT_WIDTH - 12, { size: 9, color: MUTED });
    cursor.y += 14;
    return;
  }
  cursor.ensure(15 + rows[0]!.height);
  drawLinesHeader(doc, cursor);
  cursor.withRepeatedHeader(
    () => drawLinesHeader(doc, cursor),
    () => {
      for (const row of rows) {
        cursor.ensure(row.height);
        drawLineRow(doc, cursor, row);
      }
    },
  );
  cursor.y += 4;
}

// ---------------------------------------------------------------------------------------------------------------------
// Cost summary, payment schedule, notes, signatures

/** The last row is the total: bold, under a rule. */
function costSummary(doc: Doc, cursor: Cursor, model: LoaPdfModel): void {
  const blockWidth = 380;
  const x = RIGHT - blockWidth;
  const amountWidth = 120;
  const labelWidth = blockWidth - amountWidth - 12;
  model.costSummary.forEach(({ label, amount }, i) => {
    const isTotal = i === model.costSummary.length - 1 && model.costSummary.length > 1;
    const style: TextStyle = isTotal ? { font: BOLD, size: 9.5 } : { size: 9 };
    const height = Math.max(heightOf(doc, label, labelWidth, style), 11);
    cursor.ensure(height + 8);
    if (isTotal) {
      hline(doc, x, RIGHT, cursor.y, INK, 1);
      cursor.y += 3;
    }
    textAt(doc, label, x + 6, cursor.y, labelWidth, style);
    const size = fittedSize(doc, amount, amountWidth, style);
    textAt(doc, amount, RIGHT - amountWidth - 6, cursor.y, amountWidth, { ...style, size }, { align: "right" });
    cursor.y += height + 3;
    if (!isTotal) hline(doc, x, RIGHT, cursor.y);
    cursor.y += isTotal ? 0 : 3;
  });
  cursor.y += 6;
}

const SCHEDULE_COLUMNS = [
  { header: "Payment", width: 62, align: "left" },
  { header: "Due on", width: CONTENT_WIDTH - 62 - 2 * 160, align: "left" },
  { header: "Amount", width: 160, align: "right" },
  { header: "Cumulative", width: 160, align: "right" },
] as const;
const SCHEDULE_WIDTH = SCHEDULE_COLUMNS.reduce((sum, c) => sum + c.width, 0);

function scheduleRow(doc: Doc, cursor: Cursor, cells: string[], style: TextStyle, height: number): void {
  let x = LEFT;
  SCHEDULE_COLUMNS.forEach((column, i) => {
    const width = column.width - 2 * 6;
    const text = cells[i] ?? "";
    const size = fittedSize(doc, text, width, style);
    textAt(doc, text, x + 6, cursor.y + (height - 9) / 2, width, { ...style, size }, { align: column.align, height });
    x += column.width;
  });
  cursor.y += height;
}

function paymentSchedule(doc: Doc, cursor: Cursor, model: LoaPdfModel): void {
  if (model.paymentSchedule.length === 0) {
    cursor.ensure(14);
    textAt(doc, "No quarterly payments are scheduled.", LEFT + 6, cursor.y, CONTENT_WIDTH - 12, { size: 9 });
    cursor.y += 16;
    return;
  }
  const header = () => {
    fillRect(doc, LEFT, cursor.y, SCHEDULE_WIDTH, 15, BAND);
    hline(doc, LEFT, LEFT + SCHEDULE_WIDTH, cursor.y, RULE, 0.75);
    hline(doc, LEFT, LEFT + SCHEDULE_WIDTH, cursor.y + 15, RULE, 0.75);
    scheduleRow(
      doc,
      cursor,
      SCHEDULE_COLUMNS.map((c) => c.header),
      { font: BOLD, size: 6.75 },
      15,
    );
  };
  const rowHeight = 14;
  cursor.ensure(15 + rowHeight);
  header();
  cursor.withRepeatedHeader(header, () => {
    model.paymentSchedule.forEach((payment, i) => {
      cursor.ensure(rowHeight);
      scheduleRow(doc, cursor, [String(i + 1), payment.dueOn, payment.amount, payment.cumulative], { size: 8.5 }, rowHeight);
      hline(doc, LEFT, LEFT + SCHEDULE_WIDTH, cursor.y);
    });
  });
  cursor.y += 8;
}

function notes(doc: Doc, cursor: Cursor, model: LoaPdfModel): void {
  const titleStyle: TextStyle = { font: BOLD, size: 9 };
  const textStyle: TextStyle = { size: 8.5 };
  model.notes.forEach((note, i) => {
    const title = note.title;
    const titleHeight = heightOf(doc, title, CONTENT_WIDTH, titleStyle);
    applyStyle(doc, textStyle);
    const twoLines = note.text ? (doc.currentLineHeight(true) + 1.5) * 2 : 0;
    cursor.ensure(titleHeight + 3 + twoLines);
    if (i > 0) cursor.y += 4;
    textAt(doc, title, LEFT, cursor.y, CONTENT_WIDTH, titleStyle);
    cursor.y += titleHeight + 3;
    if (note.text) paragraphs(doc, cursor, note.text, textStyle);
  });
}

/** Label, model field (the signature's only when signed electronically), and the height of the field: room to sign. */
const SIGNATURE_FIELDS = [
  ["Signature", "signature", 36],
  ["Name", "name", 24],
  ["Title", "title", 24],
  ["Date", "date", 24],
] as const;
const SIGNATURE_FIELDS_HEIGHT = SIGNATURE_FIELDS.reduce((sum, [, , height]) => sum + height, 0);
const SIGNATURE_ROLE: TextStyle = { font: BOLD, size: 8 };

/** Two blocks side by side; a block's fields are ruled lines, with the value above when the model has one. */
function signatures(doc: Doc, cursor: Cursor, model: LoaPdfModel): void {
  const gap = 28;
  const width = (CONTENT_WIDTH - gap) / 2;
  const labelWidth = 50;
  for (let i = 0; i < model.signatures.length; i += 2) {
    const pair = model.signatures.slice(i, i + 2);
    const roleHeight = Math.max(...pair.map((signature) => heightOf(doc, signature.role.toUpperCase(), width, SIGNATURE_ROLE)));
    const blockHeight = roleHeight + 6 + SIGNATURE_FIELDS_HEIGHT;
    cursor.ensure(blockHeight + 8);
    pair.forEach((signature, j) => {
      const x = LEFT + j * (width + gap);
      let y = cursor.y;
      textAt(doc, signature.role.toUpperCase(), x, y, width, SIGNATURE_ROLE);
      y += roleHeight + 6;
      for (const [label, key, height] of SIGNATURE_FIELDS) {
        const value = signature[key] ?? "";
        const base = y + height - 6;
        textAt(doc, label, x, base - 9, labelWidth, { size: 7, color: MUTED });
        // Each line of a value stays on one line (a key fingerprint broken at a hyphen would not read back), so each
        // is fitted to the width on its own; the last sits just above the rule, and they are drawn in reading order.
        const lines = value === "" ? [] : value.split("\n").map((line) => ({ line, size: fittedSize(doc, line, width - labelWidth, { size: 9 }, 4) }));
        let lineTop = base - 2 - lines.reduce((sum, { size }, i) => sum + size * (i === lines.length - 1 ? 1 : 1.25), 0);
        for (const { line, size } of lines) {
          textAt(doc, line, x + labelWidth, lineTop, width - labelWidth, { size });
          lineTop += size * 1.25;
        }
        hline(doc, x + labelWidth, x + width, base, INK, 0.6);
        y += height;
      }
    });
    cursor.y += blockHeight + 8;
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Page furniture: running header (page 2 on), footer, DRAFT watermark

function pageFurniture(doc: Doc, model: LoaPdfModel): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    // Writing in the margins must not make pdfkit add a page.
    const margins = { ...doc.page.margins };
    doc.page.margins.bottom = 0;
    doc.page.margins.top = 0;

    if (i > start) {
      textAt(doc, model.title, LEFT, 28, CONTENT_WIDTH * 0.6, { size: 7.5, color: MUTED });
      textAt(doc, model.documentName, LEFT + CONTENT_WIDTH * 0.4, 28, CONTENT_WIDTH * 0.6, { font: BOLD, size: 7.5 }, { align: "right" });
      hline(doc, LEFT, RIGHT, 39, RULE, 0.5);
    }

    const footerY = PAGE_HEIGHT - 36;
    hline(doc, LEFT, RIGHT, footerY - 5, RULE, 0.5);
    const pageLabel = `Page ${i - start + 1} of ${count}`;
    const labelWidth = 80;
    const footer = fitLine(doc, model.footer, CONTENT_WIDTH - labelWidth - 12, { size: 7, color: MUTED }, 6);
    textAt(doc, model.footer, LEFT, footerY, CONTENT_WIDTH - labelWidth - 12, footer.style);
    textAt(doc, pageLabel, RIGHT - labelWidth, footerY, labelWidth, { size: 7, color: MUTED }, { align: "right" });

    if (model.draft) watermark(doc);
    doc.page.margins = margins;
  }
}

function watermark(doc: Doc): void {
  const size = 150;
  doc.save();
  doc.rotate(-50, { origin: [PAGE_WIDTH / 2, PAGE_HEIGHT / 2] });
  doc.font(BOLD).fontSize(size).fillColor(WATERMARK).fillOpacity(0.14);
  const width = doc.widthOfString("DRAFT");
  const height = doc.currentLineHeight();
  doc.text("DRAFT", PAGE_WIDTH / 2 - width / 2, PAGE_HEIGHT / 2 - height / 2, { lineBreak: false });
  doc.restore();
}

// ---------------------------------------------------------------------------------------------------------------------

export async function renderLoaPdf(model: LoaPdfModel): Promise<Buffer> {
  const { doc, done } = deterministicPdf({ documentName: model.documentName, title: model.title, layoutVersion: LAYOUT_VERSION, model });

  const cursor = new Cursor(doc);
  titleBlock(doc, cursor, model);
  const fields: [string, string][][] = [
    [
      ["Case identifier", model.caseIdentifier],
      ["LOA type", model.loaType],
    ],
    [
      ["Purchaser", model.purchaser],
      ["Implementing agency", model.implementingAgency],
    ],
    [
      ["Offer expires", model.offerExpiration],
      ["Document", model.documentName],
    ],
    [["Customer reference", model.customerReference]],
  ];
  fieldGrid(doc, cursor, fields);

  if (model.description.trim()) {
    sectionHeading(doc, cursor, "Description", 24);
    paragraphs(doc, cursor, model.description, { size: 9 });
  }
  if (model.changeReason?.trim()) {
    sectionHeading(doc, cursor, "Reason for change", 24);
    paragraphs(doc, cursor, model.changeReason, { size: 9 });
  }
  sectionHeading(doc, cursor, "Terms of sale", 30);
  termsOfSale(doc, cursor, model);

  linesTable(doc, cursor, model);

  sectionHeading(doc, cursor, "Estimated cost summary", 16 * Math.min(model.costSummary.length, 6));
  costSummary(doc, cursor, model);

  sectionHeading(doc, cursor, "Estimated payment schedule", 30);
  paymentSchedule(doc, cursor, model);

  if (model.notes.length > 0) {
    sectionHeading(doc, cursor, "Notes", 36);
    notes(doc, cursor, model);
  }

  if (model.signatures.length > 0) {
    sectionHeading(doc, cursor, "Signatures", 24 + SIGNATURE_FIELDS_HEIGHT);
    signatures(doc, cursor, model);
  }

  pageFurniture(doc, model);
  doc.end();
  return done;
}
