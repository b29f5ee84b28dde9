// LOA content for tests: the pricing rates and note library the LOA code reads, and a small, complete basic LOA
// written straight into a case's draft (no audit event, like the demo seed's fillBasicDraft), so a case can be
// approved by its agency without each test building an LOA through the API.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { emptyLine, type LoaContent, type LoaLine, type LoaNote } from "../../src/domain/loa/content";
import type { PrismaClient } from "../../src/generated/prisma/client";
import { fillBasicDraft } from "../../prisma/demo-loas";
import { LOA_NOTE_TEXTS } from "../../prisma/loa-note-texts";
import { PRICING_RATES } from "../../prisma/seed";

const referenceDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "../../prisma/reference");

/** The seed's effective-dated pricing rates and thresholds, and the LOA note library. Idempotent. */
export async function seedLoaReference(prisma: PrismaClient) {
  await prisma.pricingRate.createMany({ data: PRICING_RATES, skipDuplicates: true });
  const notes = parse(fs.readFileSync(path.join(referenceDir, "loa-notes.csv"), "utf8"), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
  }) as Record<string, string>[];
  await prisma.loaNoteTemplate.createMany({
    data: notes.map((row) => ({
      key: row.key!,
      title: row.title!,
      whenRequired: row.when_required!,
      inputBy: row.input_by!,
      text: LOA_NOTE_TEXTS[row.key!] ?? "",
      historic: /Historic\.?$/.test(row.when_required!.trim()),
      source: "Test factory (prisma/reference/loa-notes.csv)",
    })),
    skipDuplicates: true,
  });
}

export const loaLine = (fields: Partial<LoaLine> & Pick<LoaLine, "lineNumber">): LoaLine => ({
  ...emptyLine(fields.lineNumber),
  genericCode: "T1A",
  maslNumber: `TESTITEM${fields.lineNumber.padStart(5, "0")}`.slice(0, 13),
  description: `Test item ${fields.lineNumber}`,
  ...fields,
});

export const NOTE_TITLES: Record<string, string> = {
  "administrative-surcharge": "Administrative Surcharge",
  "accessorial-charges": "Accessorial Charges",
  "contract-administration-services-cas-surcharge": "Contract Administration Services (CAS) Surcharge",
  "nonrecurring-cost-apply-estimated": "Nonrecurring Cost (NC) - Apply (Estimated)",
  "transportation-services-through-dts": "Transportation Services through DTS",
};

export const libraryNote = (key: string): LoaNote => ({ key, title: NOTE_TITLES[key] ?? key, text: LOA_NOTE_TEXTS[key] ?? key, internal: false });

export const INTERNAL_NOTE_TEXT = "Pricing basis: contract option year 2 plus escalation. Not for release to the purchaser.";

/** The notes every LOA with procured, stock-issued and shipped lines must carry, and one internal note. */
export const STANDARD_NOTES: LoaNote[] = [
  libraryNote("administrative-surcharge"),
  libraryNote("accessorial-charges"),
  libraryNote("contract-administration-services-cas-surcharge"),
  libraryNote("transportation-services-through-dts"),
  { key: null, title: "Pricing basis (internal)", text: INTERNAL_NOTE_TEXT, internal: true },
];

export const INTERNAL_LINE_NOTE = "Unit price from the 2026 option exercise; escalation 3%.";

/**
 * A small defined-order LOA that passes `submissionProblems`: a procured, shipped line (CAS, transport), a stock line
 * (PC&H) and a service; total about $0.8M, far below every notification threshold.
 */
export function smallLoa(overrides: Partial<LoaContent> = {}): LoaContent {
  return {
    description: "Counterfire radar spares, support equipment and operator training.",
    customerReference: "Based on TEST-LOR-001 dated 2026-01-05",
    termsOfSale: [{ term: "CASH_PRIOR_TO_DELIVERY", amount: null }],
    initialDepositPercent: "20",
    paymentQuarters: 4,
    lines: [
      loaLine({
        lineNumber: "001",
        genericCode: "R7A",
        maslNumber: "5840015550001",
        description: "Radar spare modules",
        quantity: 10,
        unitOfIssue: "EA",
        unitCost: "25000.00",
        sourceOfSupply: "P",
        typeOfAssistance: "5",
        deliveryTermCode: "2",
        monthsOfService: 24,
        internalNote: INTERNAL_LINE_NOTE,
      }),
      loaLine({
        lineNumber: "002",
        genericCode: "R7S",
        maslNumber: "5840015550002",
        description: "Support equipment from stock",
        quantity: 2,
        unitOfIssue: "SE",
        unitCost: "150000.00",
        sourceOfSupply: "S",
        typeOfAssistance: "3",
        deliveryTermCode: "3",
      }),
      loaLine({
        lineNumber: "003",
        genericCode: "R7T",
        maslNumber: "TRNGRADAR0001",
        description: "Operator training",
        quantity: 1,
        unitOfIssue: "LO",
        unitCost: "180000.00",
        sourceOfSupply: "S",
        typeOfAssistance: "3",
        monthsOfService: 6,
      }),
    ],
    notes: STANDARD_NOTES,
    ...overrides,
  };
}

/** Fills the case's basic LOA draft with complete content (reference data seeded first). No audit event. */
export async function fillBasicLoa(prisma: PrismaClient, caseId: string, content: LoaContent = smallLoa()) {
  await seedLoaReference(prisma);
  await fillBasicDraft(prisma, caseId, content);
}

/** Line 004: two more radar spare modules (procured, shipped) — the line the change tests add to an accepted LOA. */
export const additionalSparesLine = loaLine({
  lineNumber: "004",
  genericCode: "R7B",
  maslNumber: "5840015550004",
  description: "Additional radar spare modules",
  quantity: 2,
  unitOfIssue: "EA",
  unitCost: "25000.00",
  sourceOfSupply: "P",
  typeOfAssistance: "5",
  deliveryTermCode: "2",
});
