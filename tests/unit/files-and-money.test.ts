import { describe, expect, it } from "vitest";
import { ATTACHMENT_TYPES, detectContentType, formatBytes, safeFileName, type AttachmentContentType } from "@/domain/files";
import { MAX_AMOUNT, formatUsd, sumAmounts } from "@/domain/money";

const bytes = (...values: (number | string)[]) =>
  new Uint8Array(values.flatMap((v) => (typeof v === "string" ? [...Buffer.from(v, "latin1")] : [v])));

const PDF = bytes("%PDF-1.7\n%âãÏÓ\n1 0 obj");
const PNG = bytes(0x89, "PNG", 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, "IHDR");
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, "JFIF");

describe("detectContentType", () => {
  it.each([
    ["PDF", PDF, "application/pdf"],
    ["PNG", PNG, "image/png"],
    ["JPEG (JFIF)", JPEG, "image/jpeg"],
    ["JPEG (EXIF)", bytes(0xff, 0xd8, 0xff, 0xe1, 0, 0, "Exif"), "image/jpeg"],
    ["bare %PDF- header", bytes("%PDF-"), "application/pdf"],
  ])("detects %s from its first bytes", (_name, content, expected) => {
    expect(detectContentType(content)).toBe(expected);
  });

  it("judges by content, not by name: a PDF renamed .png is still a PDF", () => {
    const upload = { name: "photo.png", claimedType: "image/png", content: PDF };
    expect(detectContentType(upload.content)).toBe("application/pdf");
    expect(safeFileName(upload.name, detectContentType(upload.content)!)).toBe("photo.png.pdf");
  });

  it("a PDF with HTML after the header is still judged a PDF (served as a download, not a page)", () => {
    expect(detectContentType(bytes("%PDF-1.4\n<html><script>alert(1)</script>"))).toBe("application/pdf");
  });

  it.each([
    ["empty", new Uint8Array()],
    ["HTML", bytes("<!DOCTYPE html><html><body>hi</body></html>")],
    ["HTML with BOM", bytes(0xef, 0xbb, 0xbf, "<html>")],
    ["SVG", bytes('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
    ["XML", bytes('<?xml version="1.0"?><svg/>')],
    ["ZIP / DOCX", bytes("PK", 0x03, 0x04, 0x14, 0)],
    ["Windows EXE", bytes("MZ", 0x90, 0, 3, 0)],
    ["ELF", bytes(0x7f, "ELF", 2, 1, 1)],
    ["GIF89a", bytes("GIF89a", 1, 0, 1, 0)],
    ["GIF87a", bytes("GIF87a")],
    ["WebP", bytes("RIFF", 0, 0, 0, 0, "WEBP")],
    ["plain text", bytes("Letter of Request")],
    ["PDF header without the dash", bytes("%PDF1.7")],
    ["lower-case %pdf-", bytes("%pdf-1.7")],
    ["PDF header after a space", bytes(" %PDF-1.7")],
    ["truncated PNG signature", bytes(0x89, "PNG", 0x0d, 0x0a, 0x1a)],
    ["PNG signature with one byte wrong", bytes(0x89, "PNG", 0x0d, 0x0a, 0x1a, 0x0b)],
    ["two JPEG bytes only", bytes(0xff, 0xd8)],
    ["a single byte", bytes(0x25)],
  ])("%s → null", (_name, content) => {
    expect(detectContentType(content)).toBeNull();
  });
});

describe("safeFileName", () => {
  const pdf: AttachmentContentType = "application/pdf";

  it.each([
    ["a plain name", "Signed LOR 2026-117.pdf", pdf, "Signed LOR 2026-117.pdf"],
    ["a Unix path", "../../etc/passwd.pdf", pdf, "passwd.pdf"],
    ["a Windows path", "C:\\Users\\ana\\Desktop\\letter.pdf", pdf, "letter.pdf"],
    ["a mixed path", "..\\../..\\secret.pdf", pdf, "secret.pdf"],
    ["the wrong extension", "photo.png", pdf, "photo.png.pdf"],
    ["no extension", "scan", "image/jpeg", "scan.jpg"],
    ["a .jpeg extension, kept", "scan.jpeg", "image/jpeg", "scan.jpeg"],
    ["an upper-case extension, lower-cased", "SCAN.JPG", "image/jpeg", "SCAN.jpg"],
    ["a double extension", "report.pdf.exe", pdf, "report.pdf.exe.pdf"],
    ["accented letters", "Ministe\u0301re de la De\u0301fense.pdf", pdf, "Ministere de la Defense.pdf"],
    ["composed accents", "Überweisung für März.pdf", pdf, "Uberweisung fur Marz.pdf"],
    ["quotes and semicolons", 'a"b;c\'d.pdf', pdf, "a_b_c_d.pdf"],
    ["spaces before the extension", "letter   .pdf", pdf, "letter.pdf"],
    ["leading dots (hidden file)", ".htaccess", pdf, "htaccess.pdf"],
  ] as const)("%s: %j → %j", (_name, original, type, expected) => {
    expect(safeFileName(original, type)).toBe(expected);
  });

  it("removes control characters and header-splitting line breaks", () => {
    const name = safeFileName('x"\r\nContent-Type: text/html\r\n\r\n<script>.pdf', pdf);
    expect(name).not.toMatch(/[\r\n"<>;:]/);
    expect(name.endsWith(".pdf")).toBe(true);
    expect(safeFileName("rep\u0000ort\u0007\u001b.pdf", pdf)).toBe("rep_ort.pdf");
  });

  it("defeats the right-to-left override spoof: invoice\\u202Efdp.exe as a PDF ends in .pdf", () => {
    const name = safeFileName("invoice\u202Efdp.exe", pdf);
    expect(name).not.toContain("\u202e");
    expect(name.endsWith(".pdf")).toBe(true);
    expect(name).toBe("invoice_fdp.exe.pdf");
  });

  it.each([
    ["\u2066", "isolate"],
    ["\u200f", "RTL mark"],
    ["\u200b", "zero-width space"],
    ["\ufeff", "BOM"],
  ])("removes %s (%s)", (ch) => {
    expect(safeFileName(`a${ch}b.pdf`, pdf)).toMatch(/^[A-Za-z0-9 ._()-]+$/);
  });

  it.each([
    "x".repeat(500) + ".pdf",
    "x".repeat(500),
    "y".repeat(99) + ".jpeg",
    "é".repeat(300) + ".png",
    `${"a ".repeat(200)}.pdf`,
  ])("caps the length at 100 and keeps the extension (%#)", (original) => {
    for (const type of Object.keys(ATTACHMENT_TYPES) as AttachmentContentType[]) {
      const name = safeFileName(original, type);
      expect(name.length).toBeLessThanOrEqual(100);
      expect(name.length).toBeGreaterThan(4);
      expect(name.toLowerCase()).toMatch(type === "image/jpeg" ? /\.jpe?g$/ : new RegExp(`\\${ATTACHMENT_TYPES[type]}$`));
    }
  });

  it.each(["", "   ", "/", "../", "....", "\u202e", "...pdf", "\u0000\u0000", "/etc/", " . . "])(
    "never returns an empty name: %j",
    (original) => {
      const name = safeFileName(original, pdf);
      expect(name.endsWith(".pdf")).toBe(true);
      expect(name.length).toBeGreaterThan(".pdf".length);
      expect(name).not.toMatch(/^[\s.]/);
    },
  );

  it("a name that is nothing but path separators becomes attachment.pdf", () => {
    expect(safeFileName("", pdf)).toBe("attachment.pdf");
    expect(safeFileName("../", pdf)).toBe("attachment.pdf");
    expect(safeFileName("....", "image/png")).toBe("attachment.png");
  });

  it("only ever emits plain ASCII letters, digits, space and ._()-", () => {
    const nasty = ['<img src=x onerror=alert(1)>.pdf', "%00.pdf", "a/b\\c:d*e?f|g.pdf", "файл.pdf", "تقرير.pdf", "📄 letter.pdf"];
    for (const original of nasty) expect(safeFileName(original, pdf)).toMatch(/^[A-Za-z0-9 ._()-]+$/);
  });

  // Regression: a stem entirely in another script once became "pdf.pdf" (the leading-dot strip ate the extension).
  it.each(["отчет.pdf", "تقرير.pdf", "报告.pdf"])("a non-Latin name %j falls back to attachment.pdf, not pdf.pdf", (original) => {
    expect(safeFileName(original, pdf)).toBe("attachment.pdf");
  });
});

describe("formatBytes", () => {
  it.each([
    [0, "0 bytes"],
    [1023, "1023 bytes"],
    [1024, "1 KB"],
    [10 * 1024 * 1024, "10.0 MB"],
  ])("%i → %s", (size, expected) => {
    expect(formatBytes(size)).toBe(expected);
  });
});

describe("formatUsd", () => {
  it.each([
    [null, "—"],
    [undefined, "—"],
    ["", "—"],
    ["0", "$0.00"],
    ["5", "$5.00"],
    ["0.1", "$0.10"],
    ["999.99", "$999.99"],
    ["-5", "-$5.00"],
  ])("%j → %s", (amount, expected) => {
    expect(formatUsd(amount)).toBe(expected);
  });

  it.each([
    ["1234567.5", "$1,234,567.50"],
    ["1000", "$1,000.00"],
    ["120000000.00", "$120,000,000.00"],
    ["999999999999.99", "$999,999,999,999.99"],
    ["-1250000", "-$1,250,000.00"],
  ])("groups thousands: %s → %s", (amount, expected) => {
    expect(formatUsd(amount)).toBe(expected);
  });

  it("keeps cents exact for the largest amount (no float rounding)", () => {
    expect(formatUsd(MAX_AMOUNT.toFixed(2))).toBe("$999,999,999,999.99");
    expect(formatUsd("9007199254740993.01")).toBe("$9,007,199,254,740,993.01");
  });
});

describe("sumAmounts", () => {
  it.each([
    [[], "0.00"],
    [["0.10", "0.20"], "0.30"],
    [["0.1", "0.2"], "0.30"],
    [Array.from({ length: 10 }, () => "0.10"), "1.00"],
    [["1250000.50", null, undefined, "", "0.50"], "1250001.00"],
    [["999999999999.99", "0.01"], "1000000000000.00"],
    [["999999999999.99", "999999999999.99"], "1999999999999.98"],
    [["120000000.00", "4500000.25", "0.75"], "124500001.00"],
  ])("%j → %s", (amounts, expected) => {
    expect(sumAmounts(amounts)).toBe(expected);
  });

  it("is exact where floating point is not", () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sumAmounts(["0.1", "0.2"])).toBe("0.30");
    expect(sumAmounts(Array.from({ length: 1000 }, () => "0.01"))).toBe("10.00");
  });
});
