// Changes to accepted LOAs for the demo (issue 18 item 7): without them the version comparison has nothing to show on
// a fresh start. Two implemented cases, walked like the other demo cases (prisma/demo-cases.ts), then changed through
// the app's own LOA use cases (save-loa-draft, perform-document-action) with backdated clocks:
// - Bandaria's coastal radars (Navy): Amendment 1 adds line 004 (installation kits for two more harbour sites) and
//   raises line 002's price; DSCA approved it, the partner accepted it. Its comparison shows an added and a changed
//   line with their price effect, for the agency, DSCA and the partner.
// - Saudi Arabia's maintenance trainers (Army): Modification 1 raises line 002's price, submitted and waiting for
//   DSCA's review (in DSCA's change inbox).
// Created after every other demo seed, so no identifier they print or tests rely on moves. Idempotent: skipped once
// the change cases exist.
import type { LoaContent } from "../src/domain/loa/content";
import { LoaDraftInput } from "../src/domain/schemas/loa";
import type { PrismaClient } from "../src/generated/prisma/client";
import { performDocumentActionInTx } from "../src/server/loa/document-action-core";
import { saveLoaDraftInTx } from "../src/server/loa/save-loa-draft-core";
import { walkDemoCase, type DemoCase } from "./demo-cases";
import { DEMO_LOAS } from "./demo-loas";
import { demoActors, demoClock } from "./demo-steps";

const CHANGES_CONTEXT = { requestId: "demo-seed-changes", ip: null, userAgent: null };

const DSCA = "dsca@caseway.example";
const STATE = "state@caseway.example";
const DTSA = "dtsa@caseway.example";
const NAVY = "navy@caseway.example";
const ARMY = "army@caseway.example";
const BN = "partner.bn@caseway.example";
const SR = "partner.sr@caseway.example";

/** The demo's amended case: its LOA's description, how tests and the README find it. */
export const AMENDED_DEMO_DESCRIPTION = DEMO_LOAS.coastalRadars.description;
export const AMENDMENT_REASON =
  "Adds line 004, installation kits for the two harbour sites Bandaria added, and raises line 002 for the contractor's revised spares price.";
const MODIFICATION_REASON = "Raises line 002 for the publisher's revised price of the technical publications.";

/** Accepted and implemented: offered, accepted, deposit received (the deposit implements the case). */
const implemented = (agency: "P" | "B", manager: string, partner: string, signer: string[], wire: string, ago: number): DemoCase["steps"] => [
  ["assign-agency", DSCA, ago + 70, { agencyId: agency }],
  ["approve-loa", manager, ago + 40],
  ["concur", STATE, ago + 36],
  ["concur", DSCA, ago + 34],
  ["concur", DTSA, ago + 32],
  ["sign", manager, ago + 30],
  ["countersign", DSCA, ago + 29],
  ["offer", manager, ago + 28],
  ["accept", partner, ago + 12, { signerName: signer[0]!, signerTitle: signer[1]!, signedOn: "", initialDeposit: "" }],
  ["record-deposit", DSCA, ago, { amount: "", receivedOn: "", wireReference: wire }],
];

const RADARS: DemoCase = {
  country: "BN",
  agency: "P",
  openedDaysAgo: 180,
  loa: "coastalRadars",
  steps: implemented("P", NAVY, BN, ["Capt. Ilse Moreau", "Naval Logistics Command"], "BN-MOF-FMS-20588", 100),
};

const TRAINERS: DemoCase = {
  country: "SR",
  agency: "B",
  openedDaysAgo: 120,
  loa: "trainers",
  steps: implemented("B", ARMY, SR, ["Brig. Gen. Khalid Al-Otaibi", "Director, Land Forces Procurement"], "SA-MOF-FMS-88120", 40),
};

type Lines = LoaContent["lines"];
const withLine = (lines: Lines, number: string, change: Partial<Lines[number]>): Lines =>
  lines.map((line) => (line.lineNumber === number ? { ...line, ...change } : line));

/** The amended radars LOA: line 002 costs more, line 004 is new (at the rate of the day it is accepted). */
const RADARS_AMENDED: LoaContent = {
  ...DEMO_LOAS.coastalRadars,
  lines: [
    ...withLine(DEMO_LOAS.coastalRadars.lines, "002", { unitCost: "465000.00" }),
    {
      ...DEMO_LOAS.coastalRadars.lines[1]!,
      lineNumber: "004",
      genericCode: "N4K",
      maslNumber: "5840016880004",
      description: "Shore-site radar installation kit",
      quantity: 2,
      unitOfIssue: "KT",
      unitCost: "185000.00",
    },
  ],
};

const TRAINERS_MODIFIED: LoaContent = {
  ...DEMO_LOAS.trainers,
  lines: withLine(DEMO_LOAS.trainers.lines, "002", { unitCost: "104500.00" }),
};

/** The PUT body the LOA builder would send for this content on top of the version it shows. */
const draftBody = (content: LoaContent, expectedVersion: number): LoaDraftInput =>
  LoaDraftInput.parse({
    expectedVersion,
    description: content.description,
    customerReference: content.customerReference,
    termsOfSale: content.termsOfSale,
    initialDepositPercent: content.initialDepositPercent,
    paymentQuarters: content.paymentQuarters,
    lines: content.lines.map(({ adminRate: _rate, rateLockedOn: _locked, ...line }) => line),
    notes: content.notes,
  });

export async function seedDemoChanges(prisma: PrismaClient, now = new Date()) {
  if (await prisma.auditEvent.count({ where: { targetType: "case", requestId: CHANGES_CONTEXT.requestId } })) return;
  const actor = demoActors(prisma);
  const { at } = demoClock(now);
  const radars = await walkDemoCase(prisma, RADARS, now, actor, CHANGES_CONTEXT);
  const trainers = await walkDemoCase(prisma, TRAINERS, now, actor, CHANGES_CONTEXT);

  /** One step of a change, in its own transaction at its own moment, as a person would have taken it. */
  const step = async (caseId: string, by: string, ago: number, action: string, input: Record<string, unknown>) => {
    const who = await actor(by);
    return prisma.$transaction((tx) => performDocumentActionInTx(tx, who, caseId, "2", action, input, CHANGES_CONTEXT, at(ago)));
  };
  const startChange = async (caseId: string, by: string, ago: number, content: LoaContent) => {
    const inForce = await prisma.caseDocument.findUniqueOrThrow({ where: { caseId_number: { caseId, number: 1 } }, select: { version: true } });
    const who = await actor(by);
    return prisma.$transaction((tx) => saveLoaDraftInTx(tx, who, caseId, draftBody(content, inForce.version), CHANGES_CONTEXT, at(ago)));
  };

  const amendment = await startChange(radars, NAVY, 60, RADARS_AMENDED);
  const submitted = await step(radars, NAVY, 58, "submit", { expectedVersion: amendment.version, documentType: "AMENDMENT", reason: AMENDMENT_REASON });
  const offered = await step(radars, DSCA, 52, "approve", { expectedVersion: submitted.version });
  await step(radars, BN, 45, "accept", { expectedVersion: offered.version, signerName: "Capt. Ilse Moreau", signerTitle: "Naval Logistics Command" });

  const modification = await startChange(trainers, ARMY, 3, TRAINERS_MODIFIED);
  await step(trainers, ARMY, 2, "submit", { expectedVersion: modification.version, documentType: "MODIFICATION", reason: MODIFICATION_REASON });
}
