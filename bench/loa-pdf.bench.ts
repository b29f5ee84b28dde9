// Renders a ten-page Letter of Offer and Acceptance and reports median and p95 against the 1.5 s target, next to two
// baselines measured in the same run on the same machine: a small LOA (3 lines; the renderer's fixed cost) and a bare
// pdfkit document holding the same text with no layout (how fast this machine runs pdfkit at all).
//   npx tsx bench/loa-pdf.bench.ts [--runs 30] [--warmup 5]
// Exits 0 whatever the timings (it reports; it does not gate), non-zero only if rendering throws.
import { parseArgs } from "node:util";
import PDFDocument from "pdfkit";
import type { LoaPdfModel } from "../src/domain/loa/pdf-model";
import { renderLoaPdf } from "../src/server/loa/render-loa-pdf";

const TARGET_MS = 1500;
/** With the mix below (a note on every fourth line, a subline on every tenth: 154 rows) this gives ten pages. */
const TEN_PAGE_LINES = 140;

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "30" },
    warmup: { type: "string", default: "5" },
  },
});
const runs = Math.max(1, Number(values.runs));
const warmup = Math.max(0, Number(values.warmup));

type Line = LoaPdfModel["lines"][number];

const vehicle: Line = {
  lineNumber: "001",
  masl: "F1K 1005000566753",
  description: "Joint Light Tactical Vehicle (JLTV), M1278A1 Heavy Guns Carrier, with basic issue items and technical manuals",
  quantity: "10 EA",
  unitCost: "$1,060,000.00",
  total: "$10,600,000.00",
  sourceOfSupply: "P",
  typeOfAssistance: "5",
  monthsOfService: "—",
  deliveryTermCode: "2",
  flags: "MDE",
  note: null,
  isSubline: false,
};
const spares: Line = {
  ...vehicle,
  masl: "R6B 0000000000000",
  description: "Spare and repair parts for the tactical vehicles",
  quantity: "—",
  unitCost: "—",
  total: "$2,000,000.00",
  sourceOfSupply: "X",
  typeOfAssistance: "4",
  deliveryTermCode: "4",
  flags: "",
};
const training: Line = {
  ...spares,
  masl: "O1A 0000000000000",
  description: "Operator and maintenance training in the United States",
  total: "$510,000.00",
  sourceOfSupply: "S",
  typeOfAssistance: "3",
  monthsOfService: "12",
  deliveryTermCode: "—",
};
const subline: Line = { ...vehicle, masl: "F1K 1005000566760", description: "Armor kit (B-kit)", unitCost: "$45,000.00", total: "$450,000.00", flags: "", isSubline: true };

function lines(n: number): Line[] {
  const out: Line[] = [];
  for (let i = 1; i <= n; i++) {
    const lineNumber = String(i).padStart(3, "0");
    const base = [vehicle, spares, training][i % 3]!;
    out.push({ ...base, lineNumber, note: i % 4 === 0 ? "Delivered to the purchaser's freight forwarder at the port of embarkation." : null });
    if (i % 10 === 0) out.push({ ...subline, lineNumber: `${lineNumber}a` });
  }
  return out;
}

function model(lineCount: number): LoaPdfModel {
  return {
    documentName: "BN-P-AAB",
    title: "Letter of Offer and Acceptance",
    caseIdentifier: "BN-P-AAB",
    purchaser: "Government of Bretonia, Ministry of Defence",
    implementingAgency: "Department of the Army",
    customerReference: "Based on Letter of Request MOD/LOG/2026/114 dated March 3, 2026",
    offerExpiration: "January 6, 2027",
    loaType: "Defined order",
    description: "Tactical vehicles with spare parts and operator training.",
    changeReason: null,
    termsOfSale: [{ term: "Cash Prior to Delivery", amount: "$13,984,955.00" }],
    initialDeposit: "$2,796,991.00",
    lines: lines(lineCount),
    costSummary: [
      { label: "Net estimated cost", amount: "$13,110,000.00" },
      { label: "Packing, crating and handling", amount: "$30,000.00" },
      { label: "Administrative charge", amount: "$498,180.00" },
      { label: "Transportation", amount: "$346,775.00" },
      { label: "Total estimated cost", amount: "$13,984,955.00" },
    ],
    paymentSchedule: Array.from({ length: 8 }, (_, i) => ({ dueOn: `Quarter ${i + 1}`, amount: "$1,398,495.50", cumulative: "$13,984,955.00" })),
    notes: [
      { title: "Estimated prices", text: "The prices on this LOA are estimates. The purchaser pays the actual cost." },
      { title: "Transportation", text: "Items move through the Defense Transportation System. ".repeat(10) },
    ],
    signatures: [
      { role: "U.S. Government", name: "Jane Q. Officer", title: "Director, Security Assistance", date: "" },
      { role: "Purchaser", name: "", title: "", date: "" },
    ],
    draft: true,
    footer: "Priced on 2026-11-22",
  };
}

/** The same strings as the model, written by pdfkit with a standard font and no layout of ours. */
function barePdfkit(m: LoaPdfModel): Promise<Buffer> {
  const doc = new PDFDocument({ size: "LETTER", info: { CreationDate: new Date(0) } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.fontSize(8);
  for (const l of m.lines) {
    doc.text([l.lineNumber, l.masl, l.description, l.flags, l.note ?? "", l.quantity, l.unitCost, l.total].join("  "));
  }
  for (const row of [...m.costSummary.map((c) => `${c.label} ${c.amount}`), ...m.notes.map((n) => `${n.title} ${n.text}`)]) doc.text(row);
  doc.end();
  return done;
}

const pageCount = (pdf: Buffer) => pdf.toString("latin1").match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;

async function measure(render: () => Promise<Buffer>): Promise<{ median: number; p95: number; pages: number; bytes: number }> {
  let last = await render();
  for (let i = 0; i < warmup; i++) last = await render();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    last = await render();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!;
  return { median: at(0.5), p95: at(0.95), pages: pageCount(last), bytes: last.length };
}

const tenPage = model(TEN_PAGE_LINES);
const small = model(3);
const fmt = (ms: number) => `${ms.toFixed(1).padStart(7)} ms`;

console.log(`LOA PDF benchmark — Node ${process.version}, ${runs} runs after ${warmup} warm-up runs`);
const loa = await measure(() => renderLoaPdf(tenPage));
const one = await measure(() => renderLoaPdf(small));
const bare = await measure(() => barePdfkit(tenPage));
const row = (label: string, r: { median: number; p95: number }) => console.log(`  ${label.padEnd(58)} median ${fmt(r.median)}   p95 ${fmt(r.p95)}`);
row(`ten-page LOA (${tenPage.lines.length} lines, ${loa.pages} pages, ${(loa.bytes / 1024).toFixed(0)} KiB)`, loa);
row(`baseline: small LOA (${small.lines.length} lines, ${one.pages} pages)`, one);
row(`baseline: bare pdfkit, same text, no layout (${bare.pages} pages)`, bare);
console.log(`  ten-page LOA / bare pdfkit: ${(loa.median / bare.median).toFixed(1)}×`);
console.log(`${loa.p95 <= TARGET_MS ? "PASS" : "OVER TARGET"}: p95 ${loa.p95.toFixed(1)} ms against a target of ≤ ${TARGET_MS} ms`);
