// CSV encoding (src/domain/csv.ts): RFC 4180 quoting, CRLF, the BOM, and the OWASP formula-injection rule with its one
// exception for plain numbers. Properties with fast-check (ADR 0012): whatever the cells, the file parses back with a
// real CSV parser (csv-parse) to exactly the cells as the rule leaves them.
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CSV_BOM, cellText, csvDate, csvDocument, csvField, csvNumber, csvRow, neutralise, type CsvCell } from "@/domain/csv";

const readBack = (text: string): string[][] => parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];

describe("RFC 4180 fields", () => {
  it.each([
    ["plain", "plain"],
    ["", ""],
    ["a,b", '"a,b"'],
    ['say "yes"', '"say ""yes"""'],
    ['"', '""""'],
    ["line\nbreak", '"line\nbreak"'],
    ["line\r\nbreak", '"line\r\nbreak"'],
    ["  spaced  ", "  spaced  "],
    ["Forças Armadas — Ñandú 🚀", "Forças Armadas — Ñandú 🚀"],
  ])("%j is written %j", (cell, field) => {
    expect(csvField(cell)).toBe(field);
  });

  it("writes empty cells for null and undefined", () => {
    expect(csvRow(["a", null, undefined, "b"])).toBe("a,,,b\r\n");
  });

  it("ends every record with CRLF, and writes a record of one empty field as \"\" so it is not read as no record", () => {
    expect(csvRow(["a", "b"])).toBe("a,b\r\n");
    expect(csvRow([""])).toBe('""\r\n');
    expect(csvRow([null])).toBe('""\r\n');
    expect(readBack(csvRow([""]))).toEqual([[""]]);
  });

  it("starts a document with the UTF-8 byte-order mark, then the header", () => {
    const doc = csvDocument(["Case", "Country"], [["SR-P-AAA", "Saudi Arabia"]]);
    expect(doc.startsWith(CSV_BOM)).toBe(true);
    expect(new TextEncoder().encode(doc).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(doc).toBe("\uFEFFCase,Country\r\nSR-P-AAA,Saudi Arabia\r\n");
  });
});

describe("formula injection (OWASP)", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ["+1", "'+1"],
    ["-1", "'-1"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tTAB", "'\tTAB"],
    ["\rCR", "'\rCR"],
    ['=HYPERLINK("http://evil.example","click")', `'=HYPERLINK("http://evil.example","click")`],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
  ])("text %j reads back as %j", (cell, value) => {
    expect(cellText(cell)).toBe(value);
    expect(readBack(csvRow([cell, "x"]))).toEqual([[value, "x"]]);
  });

  it.each(["a=1", "1-2", " =1", "SR-P-AAA", "O'Brien", "'quoted"])("leaves %j alone: the dangerous character is not first", (cell) => {
    expect(cellText(cell)).toBe(cell);
  });

  it("neutralises text cells even when they look like numbers: a reference typed as -12 is text", () => {
    expect(cellText("-12")).toBe("'-12");
  });

  it("leaves plain numbers alone, negative amounts included, so spreadsheets still sum them", () => {
    expect(cellText(csvNumber("-125.50"))).toBe("-125.50");
    expect(cellText(csvNumber("1234567.89"))).toBe("1234567.89");
    expect(cellText(csvNumber("0"))).toBe("0");
    expect(cellText(-3)).toBe("-3");
    expect(cellText(42.5)).toBe("42.5");
    expect(csvRow([csvNumber("-1.00"), "-1.00"])).toBe("-1.00,'-1.00\r\n");
  });

  it.each(["-1+1", "=1", "+5", "-1e5", "- 5", "-5 ", "1,000", "@1", "-.5"])("treats the number cell %j as text: it is not a plain number", (value) => {
    expect(cellText(csvNumber(value))).toBe(neutralise(value));
  });

  it("writes non-finite numbers as empty cells", () => {
    expect(cellText(Number.NaN)).toBe("");
    expect(cellText(Number.POSITIVE_INFINITY)).toBe("");
  });
});

describe("dates", () => {
  it("are YYYY-MM-DD in UTC, empty when missing or invalid", () => {
    expect(csvDate(new Date("2026-12-05T23:59:59.999Z"))).toBe("2026-12-05");
    expect(csvDate("2026-01-02T00:00:00.000Z")).toBe("2026-01-02");
    expect(csvDate(null)).toBe("");
    expect(csvDate("not a date")).toBe("");
  });
});

// Any Unicode text (full code points, so always well-formed), biased towards the characters that matter here.
const special = fc.constantFrom("=", "+", "-", "@", "\t", "\r", "\n", "\r\n", '"', ",", "'", " ", "\uFEFF", "é", "🚀");
const text = fc.oneof(
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.array(fc.oneof(special, fc.string({ maxLength: 3 })), { maxLength: 8 }).map((parts) => parts.join("")),
);
const amount = fc
  .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.integer({ min: 0, max: 99 }))
  .map(([negative, whole, cents]) => csvNumber(`${negative ? "-" : ""}${whole}.${String(cents).padStart(2, "0")}`));
const cell: fc.Arbitrary<CsvCell> = fc.oneof(text, amount, fc.constant(null), fc.integer(), fc.string({ maxLength: 6 }).map(csvNumber));

describe("properties", () => {
  it("every encoded row parses back (csv-parse) to the original cells after the neutralisation rule", () => {
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 8 }), (cells) => {
        expect(readBack(CSV_BOM + csvRow(cells))).toEqual([cells.map(cellText)]);
      }),
      { numRuns: 2000 },
    );
  });

  it("a whole document of rows of the same width parses back row for row", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((width) => fc.tuple(fc.array(text, { minLength: width, maxLength: width }), fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 10 }))),
        ([header, rows]) => {
          expect(readBack(csvDocument(header, rows))).toEqual([header.map(cellText), ...rows.map((row) => row.map(cellText))]);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("no field, once read back, starts with a formula character unless it is a plain number cell", () => {
    fc.assert(
      fc.property(text, (value) => {
        expect(cellText(value)).not.toMatch(/^[=+\-@\t\r]/);
      }),
      { numRuns: 2000 },
    );
  });

  it("plain amounts are never changed, so their column sums", () => {
    fc.assert(
      fc.property(amount, (value) => {
        expect(cellText(value)).toBe(value.csvNumber);
      }),
    );
  });

  it("neutralising is the only change: dropping the added apostrophe gives the original text", () => {
    fc.assert(
      fc.property(text, (value) => {
        const out = cellText(value);
        expect(out === value || out === `'${value}`).toBe(true);
      }),
    );
  });
});
