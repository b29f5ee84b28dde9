// The LOA content of each demo case (fictional items; MASL numbers are made-up 13-character examples). Written to the
// case's basic draft before the demo walks the case, so the agency's approval, the offer's PDF and the rate lock
// run through the app's own code.
import { emptyLine, type LoaContent, type LoaLine } from "../src/domain/loa/content";
import type { PrismaClient } from "../src/generated/prisma/client";
import { contentColumns, replaceLines } from "../src/server/loa/loa-store";
import { LOA_NOTE_TEXTS } from "./loa-note-texts";

const line = (fields: Partial<LoaLine> & Pick<LoaLine, "lineNumber" | "genericCode" | "maslNumber" | "description">): LoaLine => ({
  ...emptyLine(fields.lineNumber),
  ...fields,
});

const NOTE_TITLES: Record<string, string> = {
  "administrative-surcharge": "Administrative Surcharge",
  "accessorial-charges": "Accessorial Charges",
  "contract-administration-services-cas-surcharge": "Contract Administration Services (CAS) Surcharge",
  "nonrecurring-cost-apply-estimated": "Nonrecurring Cost (NC) - Apply (Estimated)",
  "transportation-services-through-dts": "Transportation Services through DTS",
};
const notes = (...keys: string[]) => [
  ...keys.map((key) => ({ key, title: NOTE_TITLES[key]!, text: LOA_NOTE_TEXTS[key]!, internal: false })),
  {
    key: null,
    title: "Pricing basis (internal)",
    text: "Unit prices from the FY2026 contract option; spares share estimated from two prior buys. Not for release to the purchaser.",
    internal: true,
  },
];
const STANDARD_NOTES = notes(
  "administrative-surcharge",
  "accessorial-charges",
  "contract-administration-services-cas-surcharge",
  "transportation-services-through-dts",
);

export const DEMO_LOAS = {
  patrolBoats: {
    description: "Coastal patrol boat weapon systems with installation support, spares and operator training.",
    customerReference: "Based on RSNF/LOR/2026/044 dated 2026-08-02",
    termsOfSale: [{ term: "CASH_PRIOR_TO_DELIVERY", amount: null }],
    initialDepositPercent: "25",
    paymentQuarters: 8,
    lines: [
      line({ lineNumber: "001", genericCode: "N4A", maslNumber: "1010015551234", description: "Mk 38 Mod 3 25 mm gun weapon system", quantity: 4, unitOfIssue: "EA", unitCost: "3650000.00", sourceOfSupply: "P", typeOfAssistance: "5", deliveryTermCode: "3", monthsOfService: 36, mde: true, ncPerUnit: "42000.00", internalNote: "Contract option price plus 4% escalation." }),
      line({ lineNumber: "002", genericCode: "N9S", maslNumber: "1010015559876", description: "Initial spares and repair parts", quantity: 1, unitOfIssue: "LO", unitCost: "1200000.00", sourceOfSupply: "X", typeOfAssistance: "4", deliveryTermCode: "3", procurementShare: "0.6" }),
      line({ lineNumber: "003", genericCode: "N7T", maslNumber: "TRNGOPER00001", description: "Operator and maintainer training", quantity: 1, unitOfIssue: "LO", unitCost: "640000.00", sourceOfSupply: "S", typeOfAssistance: "3", monthsOfService: 12 }),
    ],
    notes: notes(
      "administrative-surcharge",
      "accessorial-charges",
      "contract-administration-services-cas-surcharge",
      "nonrecurring-cost-apply-estimated",
      "transportation-services-through-dts",
    ),
  },
  nightVision: {
    description: "Night-vision devices for the Bandarian Navy's boarding teams, with spares and training.",
    customerReference: "Based on BN-NAVY-2026-017 dated 2026-06-11",
    termsOfSale: [{ term: "CASH_PRIOR_TO_DELIVERY", amount: null }],
    initialDepositPercent: "20",
    paymentQuarters: 6,
    lines: [
      line({ lineNumber: "001", genericCode: "E3N", maslNumber: "5855015432100", description: "AN/PVS-31A binocular night-vision device", quantity: 1200, unitOfIssue: "EA", unitCost: "4850.00", sourceOfSupply: "P", typeOfAssistance: "5", deliveryTermCode: "2" }),
      line({ lineNumber: "002", genericCode: "E3S", maslNumber: "5855015439999", description: "Spare image-intensifier tubes and batteries", quantity: 1, unitOfIssue: "LO", unitCost: "350000.00", sourceOfSupply: "X", typeOfAssistance: "4", deliveryTermCode: "2" }),
      line({ lineNumber: "003", genericCode: "E3T", maslNumber: "TRNGNVD000001", description: "Operator and maintainer training", quantity: 1, unitOfIssue: "LO", unitCost: "180000.00", sourceOfSupply: "S", typeOfAssistance: "3", monthsOfService: 12 }),
    ],
    notes: STANDARD_NOTES,
  },
  radios: {
    description: "Tactical radios, installation kits and field support for the Bandarian Army.",
    customerReference: "Based on BA-ARMY-2026-003 dated 2026-02-20",
    termsOfSale: [
      { term: "FMS_CREDIT_NON_REPAYABLE", amount: "2000000.00" },
      { term: "CASH_PRIOR_TO_DELIVERY", amount: null },
    ],
    initialDepositPercent: "20",
    paymentQuarters: 8,
    lines: [
      line({ lineNumber: "001", genericCode: "B2R", maslNumber: "5820016660001", description: "Handheld tactical radio sets", quantity: 800, unitOfIssue: "EA", unitCost: "6200.00", sourceOfSupply: "P", typeOfAssistance: "5", deliveryTermCode: "2" }),
      line({ lineNumber: "002", genericCode: "B2K", maslNumber: "5820016660002", description: "Vehicle installation kits" }),
      line({ lineNumber: "002a", genericCode: "B2K", maslNumber: "5820016660003", description: "Installation kit, light vehicles", quantity: 150, unitOfIssue: "KT", unitCost: "2400.00", sourceOfSupply: "S", typeOfAssistance: "3", deliveryTermCode: "2" }),
      line({ lineNumber: "002b", genericCode: "B2K", maslNumber: "5820016660004", description: "Installation kit, command vehicles", quantity: 40, unitOfIssue: "KT", unitCost: "5100.00", sourceOfSupply: "S", typeOfAssistance: "3", deliveryTermCode: "2" }),
      line({ lineNumber: "003", genericCode: "B9F", maslNumber: "FLDSPT0000001", description: "Contractor field service representatives", quantity: 24, unitOfIssue: "MO", unitCost: "28000.00", sourceOfSupply: "P", typeOfAssistance: "5", monthsOfService: 24 }),
    ],
    notes: STANDARD_NOTES,
  },
  trainers: {
    description: "Maintenance trainers and technical publications.",
    customerReference: "Based on SA-LF-2026-112 dated 2026-07-30",
    termsOfSale: [{ term: "CASH_PRIOR_TO_DELIVERY", amount: null }],
    initialDepositPercent: "30",
    paymentQuarters: 4,
    lines: [
      line({ lineNumber: "001", genericCode: "B6M", maslNumber: "6910017770001", description: "Engine maintenance trainer", quantity: 2, unitOfIssue: "EA", unitCost: "1450000.00", sourceOfSupply: "P", typeOfAssistance: "5", deliveryTermCode: "3" }),
      line({ lineNumber: "002", genericCode: "B6P", maslNumber: "TECHPUBS00001", description: "Technical publications", quantity: 1, unitOfIssue: "SE", unitCost: "95000.00", sourceOfSupply: "S", typeOfAssistance: "3", deliveryTermCode: "3" }),
      line({ lineNumber: "003", genericCode: "B6S", maslNumber: "6910017770009", description: "Trainer spares", quantity: 1, unitOfIssue: "LO", unitCost: "210000.00", sourceOfSupply: "S", typeOfAssistance: "3", deliveryTermCode: "4" }),
    ],
    notes: STANDARD_NOTES,
  },
  coastalRadars: {
    description: "Coastal surveillance radars for the Bandarian Navy's harbour sites, with spares and operator training.",
    customerReference: "Based on BN-NAVY-2026-004 dated 2026-03-09",
    termsOfSale: [{ term: "CASH_PRIOR_TO_DELIVERY", amount: null }],
    initialDepositPercent: "25",
    paymentQuarters: 6,
    lines: [
      line({ lineNumber: "001", genericCode: "N4R", maslNumber: "5840016880001", description: "Coastal surveillance radar set", quantity: 4, unitOfIssue: "EA", unitCost: "2400000.00", sourceOfSupply: "P", typeOfAssistance: "5", deliveryTermCode: "3", mde: true }),
      line({ lineNumber: "002", genericCode: "N4S", maslNumber: "5840016880002", description: "Radar spares and repair parts", quantity: 1, unitOfIssue: "LO", unitCost: "420000.00", sourceOfSupply: "S", typeOfAssistance: "3", deliveryTermCode: "3" }),
      line({ lineNumber: "003", genericCode: "N4T", maslNumber: "TRNGRADAR0001", description: "Radar operator and maintainer training", quantity: 1, unitOfIssue: "LO", unitCost: "260000.00", sourceOfSupply: "S", typeOfAssistance: "3", monthsOfService: 6 }),
    ],
    notes: STANDARD_NOTES,
  },
  spareParts: {
    description: "Blanket order for ship spare parts and consumables, requisitioned as the fleet needs them.",
    customerReference: "Based on BN-NAVY-2025-017 dated 2025-11-04",
    termsOfSale: [{ term: "CASH_PRIOR_TO_DELIVERY", amount: null }],
    initialDepositPercent: "25",
    paymentQuarters: 8,
    lines: [
      line({ lineNumber: "001", genericCode: "N9B", maslNumber: "BLNKTSPARES01", description: "Ship spare parts and repair parts (blanket)", value: "1800000.00", sourceOfSupply: "S", typeOfAssistance: "3", deliveryTermCode: "2" }),
      line({ lineNumber: "002", genericCode: "N9C", maslNumber: "BLNKTCONSUM01", description: "Consumables and expendables (blanket)", value: "400000.00", sourceOfSupply: "S", typeOfAssistance: "3", deliveryTermCode: "2" }),
    ],
    notes: STANDARD_NOTES,
  },
  testSets: {
    description: "Radio test sets and a field calibration course.",
    customerReference: "Based on BA-ARMY-2024-009 dated 2024-01-15",
    termsOfSale: [{ term: "CASH_PRIOR_TO_DELIVERY", amount: null }],
    initialDepositPercent: "50",
    paymentQuarters: 2,
    lines: [
      line({ lineNumber: "001", genericCode: "B2T", maslNumber: "6625016660010", description: "Radio test set", quantity: 20, unitOfIssue: "EA", unitCost: "18500.00", sourceOfSupply: "P", typeOfAssistance: "5", deliveryTermCode: "2" }),
      line({ lineNumber: "002", genericCode: "B2C", maslNumber: "TRNGCALIB0001", description: "Field calibration course", quantity: 1, unitOfIssue: "LO", unitCost: "60000.00", sourceOfSupply: "S", typeOfAssistance: "3", monthsOfService: 1 }),
    ],
    notes: STANDARD_NOTES,
  },
} satisfies Record<string, LoaContent>;

/** Writes the content into the case's basic LOA draft. */
export async function fillBasicDraft(prisma: PrismaClient, caseId: string, content: LoaContent) {
  await prisma.$transaction(async (tx) => {
    const draft = await tx.caseDocument.findFirstOrThrow({ where: { caseId, documentType: "BASIC", status: "DRAFT" } });
    await tx.caseDocument.update({ where: { id: draft.id }, data: { ...contentColumns(content), version: { increment: 1 } } });
    await replaceLines(tx, draft.id, content.lines);
  });
}
