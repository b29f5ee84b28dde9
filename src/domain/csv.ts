// CSV for spreadsheet users (ADR 0025): RFC 4180 fields and CRLF line endings, a UTF-8 byte-order mark so Excel reads the
// file as UTF-8 (country and person names are not ASCII), and every text cell neutralised against formula injection
// (OWASP "CSV Injection"): a cell that starts with =, +, -, @, a tab or a carriage return is what Excel, LibreOffice and
// Google Sheets evaluate as a formula (`=HYPERLINK(...)`, `@SUM(...)`, `-2+3+cmd|...`), and any text a partner typed
// (a letter's subject, a reference) can start that way. Such a cell gets a leading apostrophe, which spreadsheets show
// as text and which survives a round trip through any CSV parser as part of the value.
//
// Numbers are the one exception: a money amount may be negative (a credit), and "'-125.00" would be text that a
// spreadsheet no longer sums. So amounts go in columns of their own as `csvNumber(...)` cells, and such a cell is left
// as it is only when it is a plain decimal number (NUMBER_PATTERN: an optional minus, digits, an optional fraction —
// no exponent, no plus sign, no spaces). A "number" that does not match is treated as text and neutralised like any
// other cell, so the exception can never carry a formula.
// Pure: no I/O.

/** The UTF-8 byte-order mark, first in every file. */
export const CSV_BOM = "\uFEFF";
/** RFC 4180 line ending. */
export const CSV_EOL = "\r\n";

/** A plain decimal number: what a numeric cell must be to be written without the formula guard. */
export const NUMBER_PATTERN = /^-?\d+(\.\d+)?$/;

/** A number cell, e.g. an amount in US dollars as exact text ("-125.50"); see the note at the top of the file. */
export interface CsvNumber {
  readonly csvNumber: string;
}

/** A cell: text (neutralised), a number, or empty (null / undefined). */
export type CsvCell = string | number | CsvNumber | null | undefined;

export const csvNumber = (value: string | number): CsvNumber => ({ csvNumber: String(value) });

/** Characters that make a spreadsheet treat the cell as a formula when they come first. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** The OWASP rule: a leading apostrophe on a cell that a spreadsheet would otherwise evaluate. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The value a cell stands for once neutralised (what a CSV parser reads back). */
export function cellText(cell: CsvCell): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") {
    const text = Number.isFinite(cell) ? String(cell) : "";
    return NUMBER_PATTERN.test(text) ? text : neutralise(text);
  }
  if (typeof cell === "object") return NUMBER_PATTERN.test(cell.csvNumber) ? cell.csvNumber : neutralise(cell.csvNumber);
  return neutralise(cell);
}

const NEEDS_QUOTES = /[",\r\n]/;

/** One field, RFC 4180: quoted when it holds a comma, a double quote, CR or LF; inner quotes doubled. */
export function csvField(cell: CsvCell): string {
  const text = cellText(cell);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One record with its CRLF. A record of a single empty field is written `""`: an empty line would be read back as no
 * record at all.
 */
export function csvRow(cells: readonly CsvCell[]): string {
  const fields = cells.map(csvField);
  const line = fields.length === 1 && fields[0] === "" ? '""' : fields.join(",");
  return line + CSV_EOL;
}

/** A whole (small) document: BOM, header, rows. Streams build the same from csvRow (src/server/export). */
export function csvDocument(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return CSV_BOM + csvRow(header) + rows.map(csvRow).join("");
}

/** A date as YYYY-MM-DD (UTC, the date the record carries), or empty. */
export function csvDate(value: Date | string | null | undefined): string {
  if (!value) return "";
  const date = typeof value === "string" ? new Date(value) : value;
  return Number.isNaN(date.getTime()) ? "" : date.toISOString().slice(0, 10);
}
