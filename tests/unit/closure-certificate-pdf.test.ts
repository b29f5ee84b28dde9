// The closure certificate renders deterministically, like the LOA (ADR 0011): the same model gives the same bytes, a
// changed model different ones, and the PDF says what the model says — for the partner, without contract amounts.
import { createHash } from "node:crypto";
import { extractText } from "unpdf";
import { describe, expect, it } from "vitest";
import type { ClosureCertificateModel } from "@/server/closure/closure-certificate";
import { renderClosureCertificate } from "@/server/closure/render-closure-certificate";

const model: ClosureCertificateModel = {
  title: "Case Closure Certificate",
  documentName: "BN-B-AAC closure certificate",
  caseIdentifier: "BN-B-AAC",
  purchaser: "Bandaria (BN)",
  implementingAgency: "U.S. Army (B)",
  caseType: "Defined line (specific items)",
  closureType: "Accelerated Case Closure (ACC)",
  closureExplanation: "Close now even if some contract obligations are not yet settled.",
  dates: [
    ["Implemented", "June 1, 2024"],
    ["Supply/services complete", "October 31, 2024"],
    ["Closure certificate submitted", "August 7, 2026"],
    ["Closed", "September 1, 2026"],
    ["Months from supply/services complete to closure", "22 (ACC target: 24)"],
    ["Final statement issued", "September 1, 2026"],
  ],
  lines: [
    { lineNumber: "001", description: "Radio test set", outcome: "SSC September 11, 2024", lineValue: "$375,550.00", expended: "$370,000.00" },
    { lineNumber: "002", description: "Field calibration course", outcome: "SSC October 31, 2024", lineValue: "$60,000.00", expended: "$58,750.00" },
  ],
  statement: [
    ["Payment schedule (whole case)", "$457,855.15"],
    ["Final bill (expenditures and obligations held, with surcharges)", "$453,935.00"],
    ["Collected (deposits and payments)", "$457,855.15"],
    ["Credits (supply discrepancy reports)", "$0.00"],
    ["Refund of excess funds", "$3,920.15"],
  ],
  outcome: "Excess funds of $3,920.15 are returned to Bandaria.",
  suspense: "$1,250.00 of unliquidated obligations moved to the Case Closure Suspense Account.",
  closedBy: "Defense Security Cooperation Agency",
  footer: "BN-B-AAC closure certificate · Closed September 1, 2026 · Caseway",
};

const sha = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

describe("the closure certificate PDF", () => {
  it("is the same bytes for the same model, and different for a different one", async () => {
    const [a, b] = [await renderClosureCertificate(model), await renderClosureCertificate({ ...model })];
    expect(a.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(sha(a)).toBe(sha(b));
    const other = await renderClosureCertificate({ ...model, outcome: "The final bill is settled in full; nothing is owed either way." });
    expect(sha(other)).not.toBe(sha(a));
  });

  it("prints the case, the closure type, the dates, the lines, the final statement and the refund", async () => {
    const { text } = await extractText(new Uint8Array(await renderClosureCertificate(model)), { mergePages: true });
    for (const expected of ["Case Closure Certificate", "BN-B-AAC", "Accelerated Case Closure (ACC)", "October 31, 2024", "Radio test set", "$58,750.00", "$453,935.00", "Excess funds of $3,920.15", "$1,250.00 of unliquidated obligations", "Defense Security Cooperation Agency"]) {
      expect(text).toContain(expected);
    }
  });
});
