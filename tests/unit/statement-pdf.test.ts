import { describe, expect, it } from "vitest";
import { statementPdfModel } from "@/domain/execution/statement-pdf";
import { renderStatementPdf } from "@/server/finance/render-statement-pdf";

// The billing statement PDF uses the LOA's deterministic renderer approach: the same statement, the same bytes.

const stored = {
  id: "0b4c6a4e-7d7c-4a55-9f63-2d0a9a3c1e11",
  dueOn: "2027-03-15",
  issuedOn: "2027-01-15",
  final: false,
  scheduleCumulative: "1699246.50",
  forecastCumulative: "110000.00",
  billedCumulative: "1699246.50",
  collected: "1199246.50",
  credits: "0.00",
  amountDue: "500000.00",
};
const facts = { identifier: "BN-B-AAC", purchaser: "Bandaria (fictional demo customer)", implementingAgency: "Department of the Army" };

describe("statement PDF", () => {
  it("renders the same statement to the same bytes, and a different one to different bytes", async () => {
    const first = await renderStatementPdf(statementPdfModel(stored, facts));
    const second = await renderStatementPdf(statementPdfModel({ ...stored }, { ...facts }));
    expect(first.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(first.equals(second)).toBe(true);
    const other = await renderStatementPdf(statementPdfModel({ ...stored, amountDue: "499999.99" }, facts));
    expect(other.equals(first)).toBe(false);
  });

  it("carries no wall-clock date", async () => {
    const text = (await renderStatementPdf(statementPdfModel(stored, facts))).toString("latin1");
    // Info values are indirect objects; XMP metadata is stored uncompressed.
    expect(text).toContain("(D:20000101000000Z)");
    expect(text).toContain("<xmp:CreateDate>2000-01-01T00:00:00Z</xmp:CreateDate>");
    expect(text).not.toContain("/ModDate");
    expect(text).not.toContain("PDFKit");
  });
});
