import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import { extractText } from "unpdf";
import { describe, expect, it } from "vitest";
import type { LoaPdfModel } from "@/domain/loa/pdf-model";
import { renderLoaPdf } from "@/server/loa/render-loa-pdf";

type Line = LoaPdfModel["lines"][number];

const vehicle: Line = {
  lineNumber: "001",
  masl: "F1K 1005000566753",
  description: "Joint Light Tactical Vehicle (JLTV), M1278A1 Heavy Guns Carrier, with basic issue items",
  quantity: "10 EA",
  unitCost: "$1,060,000.00",
  total: "$10,600,000.00",
  sourceOfSupply: "P",
  typeOfAssistance: "5",
  monthsOfService: "—",
  deliveryTermCode: "2",
  flags: "MDE",
  note: "Delivered to the purchaser's freight forwarder at the port of embarkation.",
  isSubline: false,
};
const armorKit: Line = {
  ...vehicle,
  lineNumber: "001a",
  masl: "F1K 1005000566760",
  description: "Armor kit (B-kit) for the vehicles on line 001",
  quantity: "10 EA",
  unitCost: "$45,000.00",
  total: "$450,000.00",
  flags: "",
  note: null,
  isSubline: true,
};
const spares: Line = {
  lineNumber: "002",
  masl: "R6B 0000000000000",
  description: "Spare and repair parts for the tactical vehicles",
  quantity: "—",
  unitCost: "—",
  total: "$2,000,000.00",
  sourceOfSupply: "X",
  typeOfAssistance: "4",
  monthsOfService: "—",
  deliveryTermCode: "4",
  flags: "",
  note: null,
  isSubline: false,
};
const training: Line = {
  lineNumber: "003",
  masl: "O1A 0000000000000",
  description: "Operator and maintenance training in the United States",
  quantity: "—",
  unitCost: "—",
  total: "$510,000.00",
  sourceOfSupply: "S",
  typeOfAssistance: "3",
  monthsOfService: "12",
  deliveryTermCode: "—",
  flags: "",
  note: null,
  isSubline: false,
};

const SCHEDULE = [
  ["March 15, 2027", "$1,398,495.50", "$4,195,486.50"],
  ["June 15, 2027", "$1,398,495.50", "$5,593,982.00"],
  ["September 15, 2027", "$1,398,495.50", "$6,992,477.50"],
  ["December 15, 2027", "$1,398,495.50", "$8,390,973.00"],
  ["March 15, 2028", "$1,398,495.50", "$9,789,468.50"],
  ["June 15, 2028", "$1,398,495.50", "$11,187,964.00"],
  ["September 15, 2028", "$1,398,495.50", "$12,586,459.50"],
  ["December 15, 2028", "$1,398,495.50", "$13,984,955.00"],
] as const;

function model(overrides: Partial<LoaPdfModel> = {}): LoaPdfModel {
  return {
    documentName: "BN-P-AAB",
    title: "Letter of Offer and Acceptance",
    caseIdentifier: "BN-P-AAB",
    purchaser: "Government of Bretonia, Ministry of Defence",
    implementingAgency: "Department of the Army",
    customerReference: "Based on Letter of Request MOD/LOG/2026/114 dated March 3, 2026",
    offerExpiration: "January 6, 2027",
    loaType: "Defined order",
    description: "Ten tactical vehicles with spare parts and operator training.",
    changeReason: null,
    termsOfSale: [{ term: "Cash Prior to Delivery", amount: "$13,984,955.00" }],
    initialDeposit: "$2,796,991.00",
    lines: [vehicle, armorKit, spares, training],
    costSummary: [
      { label: "Net estimated cost", amount: "$13,110,000.00" },
      { label: "Packing, crating and handling", amount: "$30,000.00" },
      { label: "Administrative charge", amount: "$498,180.00" },
      { label: "Transportation", amount: "$346,775.00" },
      { label: "Total estimated cost", amount: "$13,984,955.00" },
    ],
    paymentSchedule: SCHEDULE.map(([dueOn, amount, cumulative]) => ({ dueOn, amount, cumulative })),
    notes: [
      { title: "Estimated prices", text: "The prices on this LOA are estimates.\n\nThe purchaser pays the actual cost." },
      { title: "Transportation", text: "Items move through the Defense Transportation System. ".repeat(12) },
      { title: "Nonrecurring cost", text: "Line 001 is major defense equipment; nonrecurring cost recoupment is waived." },
    ],
    signatures: [
      { role: "U.S. Government", name: "Jane Q. Officer", title: "Director, Security Assistance", date: "" },
      { role: "Purchaser", name: "", title: "", date: "" },
    ],
    draft: true,
    footer: "Priced on 2026-11-22",
    ...overrides,
  };
}

/** pdf.js may break a line into items differently from how it was written: compare with whitespace collapsed. */
const squash = (text: string) => text.replace(/\s+/g, " ");

async function pagesOf(pdf: Buffer): Promise<string[]> {
  const { text } = await extractText(new Uint8Array(pdf), { mergePages: false });
  return text.map(squash);
}

describe("renderLoaPdf", () => {
  it("renders a PDF with the case, lines, amounts, schedule, notes and signatures as extractable text", async () => {
    const pdf = await renderLoaPdf(model());
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = (await pagesOf(pdf)).join(" ");
    for (const expected of [
      "Letter of Offer and Acceptance",
      "BN-P-AAB",
      "Government of Bretonia, Ministry of Defence",
      "January 6, 2027",
      "F1K 1005000566753",
      "$1,060,000.00",
      "$10,600,000.00",
      "$13,110,000.00",
      "$30,000.00",
      "$498,180.00",
      "$346,775.00",
      "$13,984,955.00",
      "$2,796,991.00",
      "Estimated prices",
      "Transportation",
      "Nonrecurring cost",
      "Jane Q. Officer",
      "Priced on 2026-11-22",
      "DRAFT",
    ]) {
      expect(text).toContain(expected);
    }
    for (const line of ["001", "001a", "002", "003"]) expect(text).toMatch(new RegExp(`\\b${line}\\b`));
    for (const [dueOn, amount, cumulative] of SCHEDULE) {
      expect(text).toContain(dueOn);
      expect(text).toContain(amount);
      expect(text).toContain(cumulative);
    }
    expect(text).toContain("Armor kit (B-kit) for the vehicles on line 001");
  });

  it("is deterministic: the same model renders to the same bytes, with fixed metadata and no clock", async () => {
    const [a, b] = await Promise.all([renderLoaPdf(model()), renderLoaPdf(model())]);
    expect(a.equals(b)).toBe(true);
    // Info values are indirect objects; XMP metadata is stored uncompressed.
    const raw = a.toString("latin1");
    expect(raw.includes("(D:20000101000000Z)")).toBe(true);
    expect(raw.includes("<xmp:CreateDate>2000-01-01T00:00:00Z</xmp:CreateDate>")).toBe(true);
    expect(raw.includes("<xmp:CreatorTool>Caseway</xmp:CreatorTool>")).toBe(true);
    expect(raw.includes("/ModDate")).toBe(false);
    expect(raw.includes("PDFKit")).toBe(false);
  });

  it("renders the same bytes in another Node process", async () => {
    const renderer = fileURLToPath(new URL("../../src/server/loa/render-loa-pdf.ts", import.meta.url));
    const script = `
      const { renderLoaPdf } = await import(${JSON.stringify(renderer)});
      const { createHash } = await import("node:crypto");
      const model = JSON.parse(process.env.LOA_MODEL);
      process.stdout.write(createHash("sha256").update(await renderLoaPdf(model)).digest("hex"));`;
    const other = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      env: { ...process.env, LOA_MODEL: JSON.stringify(model()) },
      encoding: "utf8",
    });
    expect(other).toBe(createHash("sha256").update(await renderLoaPdf(model())).digest("hex"));
  });

  it("renders different bytes (and a different /ID) when one amount differs", async () => {
    const a = await renderLoaPdf(model());
    const b = await renderLoaPdf(model({ lines: [vehicle, armorKit, { ...spares, total: "$2,000,000.01" }, training] }));
    expect(a.equals(b)).toBe(false);
    const id = (pdf: Buffer) => /\/ID \[<([0-9a-f]+)>/.exec(pdf.toString("latin1"))?.[1];
    expect(id(a)).toMatch(/^[0-9a-f]{32}$/);
    expect(id(a)).not.toBe(id(b));
  });

  it("prints the DRAFT watermark only on drafts", async () => {
    const final = await pagesOf(await renderLoaPdf(model({ draft: false })));
    expect(final.join(" ")).not.toContain("DRAFT");
    const draft = await pagesOf(await renderLoaPdf(model({ draft: true, lines: manyLines(60) })));
    expect(draft.length).toBeGreaterThan(1);
    for (const page of draft) expect(page).toContain("DRAFT");
  });

  it("prints an electronic signature's key fingerprint whole, however wide its letters (a break at a hyphen misreads it)", async () => {
    // 43 base64url characters, as a real fingerprint; capitals and hyphens are the widest and the break points.
    const wideKids = ["RuQUmAiCAEtmv0K-utVwz0VfU-I-_iF8g_-z2C-VZ2A", "WMWMWMWMWM-WMWMWMWMWM-WMWMWMWMWM-WMWMWMWMWMW"];
    const signatures = wideKids.map((kid, i) => ({ role: i ? "DSCA" : "Agency", name: "A. Signer", title: "", date: "", signature: `e-signed\nkey ${kid}` }));
    const text = (await pagesOf(await renderLoaPdf(model({ draft: false, signatures })))).join(" ");
    for (const kid of wideKids) expect(text).toContain(`e-signed key ${kid}`);
  });

  it("prints an amendment's reason and says when there are no quarterly payments", async () => {
    const text = (
      await pagesOf(
        await renderLoaPdf(
          model({ title: "Amendment 1 to the Letter of Offer and Acceptance", documentName: "BN-P-AAB A01", changeReason: "Adds line 003 for training.", paymentSchedule: [] }),
        ),
      )
    ).join(" ");
    expect(text).toContain("Amendment 1 to the Letter of Offer and Acceptance");
    expect(text).toContain("BN-P-AAB A01");
    expect(text).toContain("Adds line 003 for training.");
    expect(text).toContain("No quarterly payments");
  });

  it("paginates a 300-line LOA with the table header and a page footer on every page", async () => {
    const pages = await pagesOf(await renderLoaPdf(model({ lines: manyLines(300), draft: false })));
    const n = pages.length;
    expect(n).toBeGreaterThanOrEqual(10);
    pages.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${n}`);
      expect(page).toContain("Priced on 2026-11-22");
    });
    // The line table continues on the following pages under its repeated header.
    expect(pages[1]).toMatch(/Line MASL Description Qty Unit cost Total SC TA MOS DTC/);
    const all = pages.join(" ");
    for (const line of ["001", "150", "299", "300", "300a"]) expect(all).toMatch(new RegExp(`\\b${line}\\b`));
  });
});

/** n lines (every tenth with a subline), descriptions and notes of varying length. */
function manyLines(n: number): Line[] {
  const lines: Line[] = [];
  for (let i = 1; i <= n; i++) {
    const lineNumber = String(i).padStart(3, "0");
    const base = [vehicle, spares, training][i % 3]!;
    lines.push({ ...base, lineNumber, note: i % 4 === 0 ? "Line note. ".repeat(1 + (i % 7)) : null });
    if (i % 10 === 0) lines.push({ ...armorKit, lineNumber: `${lineNumber}a` });
  }
  return lines;
}
