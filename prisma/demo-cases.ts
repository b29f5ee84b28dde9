// Demo cases for the embedded demo database, walked through the real workflow (the same commitCaseEvent the app uses,
// with backdated clocks) so their states, review tasks, due dates and hash-chained audit trails are genuine. One case
// per situation a reviewer wants to see: in review with an overdue office and a notification under way, offered to a
// partner, executing, and returned for rework. Idempotent: skipped once any demo case exists.
import { demoActors } from "./demo-steps";
import { businessDaysBefore } from "../src/domain/sla";
import type { CaseEvent, EventInput } from "../src/domain/workflow/case-workflow";
import type { PrismaClient } from "../src/generated/prisma/client";
import { commitCaseEvent, loadCase, loadWorkflowContext } from "../src/server/cases/case-store";
import { openCase } from "../src/server/cases/open-case";
import type { RequestContext } from "../src/server/request-context";
import { DEMO_LOAS, fillBasicDraft } from "./demo-loas";

const DAY = 86_400_000;
const DEMO_CONTEXT = { requestId: "demo-seed-cases", ip: null, userAgent: null };

/** When a step happened: calendar days ago, or business days ago (so a review's aging is the same any weekday). */
type Ago = number | { businessDays: number };
export type Step = [event: CaseEvent, by: string, ago: Ago, input?: EventInput];

export type DemoCaseKey = "radiosExecuting" | "sparesBlanket" | "testSetsClosed";
/** The demo cases the after-acceptance seeds build on, by key. */
export type DemoCaseIds = Record<DemoCaseKey, string>;

export interface DemoCase {
  /** How the after-acceptance demo seeds (execution, SDRs, money, closure) find the case. */
  key?: DemoCaseKey;
  country: string;
  agency: string;
  openedDaysAgo: number;
  caseType?: "DEFINED_ORDER" | "BLANKET_ORDER";
  /** The LOA the agency drafts before approving it. */
  loa: keyof typeof DEMO_LOAS;
  steps: Step[];
}

const DSCA = "dsca@caseway.example";
const STATE = "state@caseway.example";
const DTSA = "dtsa@caseway.example";
const NAVY = "navy@caseway.example";
const ARMY = "army@caseway.example";
const BN = "partner.bn@caseway.example";

const DEMO_CASES: DemoCase[] = [
  {
    // In review: DSCA concurred, DTSA overdue, State pending; notification with State for clearance.
    country: "SR",
    agency: "P",
    openedDaysAgo: 60,
    loa: "patrolBoats",
    steps: [
      ["assign-agency", DSCA, 58, { agencyId: "P" }],
      ["set-notification-requirement", DSCA, 50, { required: true, comment: "MDE value exceeds the $14M threshold for non-NATO+ purchasers." }],
      ["approve-loa", NAVY, 38],
      ["concur-with-comment", DSCA, 30, { comment: "Pricing notes reviewed; note 12 wording updated.", commentVisibility: "USG_INTERNAL" }],
      ["send-notification-to-state", DSCA, 29],
    ],
  },
  {
    // Offered to Bandaria, with a partner-visible State comment and an internal DSCA one.
    country: "BN",
    agency: "P",
    openedDaysAgo: 80,
    loa: "nightVision",
    steps: [
      ["assign-agency", DSCA, 78, { agencyId: "P" }],
      ["approve-loa", NAVY, 40],
      ["concur", DTSA, 36],
      ["concur-with-comment", STATE, 33, { comment: "Approved. End-use monitoring applies to the night-vision devices.", commentVisibility: "PARTNER_VISIBLE" }],
      ["concur-with-comment", DSCA, 31, { comment: "Internal: CPD confirmed the payment schedule with the country director.", commentVisibility: "USG_INTERNAL" }],
      ["sign", NAVY, 28],
      ["countersign", DSCA, 27],
      ["offer", NAVY, 26],
    ],
  },
  {
    // Accepted, implemented and executing: a Defined Order case mid-delivery (prisma/demo-execution.ts).
    key: "radiosExecuting",
    country: "BN",
    agency: "B",
    openedDaysAgo: 200,
    loa: "radios",
    steps: [
      ["assign-agency", DSCA, 198, { agencyId: "B" }],
      ["approve-loa", ARMY, 150],
      ["concur", STATE, 146],
      ["concur", DSCA, 143],
      ["concur", DTSA, 140],
      ["sign", ARMY, 138],
      ["countersign", DSCA, 137],
      ["offer", ARMY, 136],
      ["accept", BN, 120, { signerName: "Col. Ana Varga", signerTitle: "Director of Armaments", signedOn: "", initialDeposit: "" }],
      ["record-deposit", DSCA, 110, { amount: "", receivedOn: "", wireReference: "BN-MOF-FMS-20417" }],
      ["start-execution", ARMY, 100],
    ],
  },
  {
    // A Blanket Order case executing, with requisitions drawn against its lines (prisma/demo-execution.ts).
    key: "sparesBlanket",
    country: "BN",
    agency: "P",
    openedDaysAgo: 400,
    caseType: "BLANKET_ORDER",
    loa: "spareParts",
    steps: [
      ["assign-agency", DSCA, 398, { agencyId: "P" }],
      ["approve-loa", NAVY, 360],
      ["concur", STATE, 356],
      ["concur", DSCA, 354],
      ["concur", DTSA, 352],
      ["sign", NAVY, 350],
      ["countersign", DSCA, 349],
      ["offer", NAVY, 348],
      ["accept", BN, 330, { signerName: "Capt. Ilse Moreau", signerTitle: "Naval Logistics Command", signedOn: "", initialDeposit: "" }],
      ["record-deposit", DSCA, 320, { amount: "", receivedOn: "", wireReference: "BN-MOF-FMS-19822" }],
      ["start-execution", NAVY, 315],
    ],
  },
  {
    // Delivered, billed, paid and closed under Accelerated Case Closure (prisma/demo-closure.ts finishes it).
    key: "testSetsClosed",
    country: "BN",
    agency: "B",
    openedDaysAgo: 1000,
    loa: "testSets",
    steps: [
      ["assign-agency", DSCA, 998, { agencyId: "B" }],
      ["approve-loa", ARMY, 960],
      ["concur", STATE, 956],
      ["concur", DSCA, 954],
      ["concur", DTSA, 952],
      ["sign", ARMY, 950],
      ["countersign", DSCA, 949],
      ["offer", ARMY, 948],
      ["accept", BN, 930, { signerName: "Col. Ana Varga", signerTitle: "Director of Armaments", signedOn: "", initialDeposit: "" }],
      ["record-deposit", DSCA, 920, { amount: "", receivedOn: "", wireReference: "BN-MOF-FMS-17305" }],
      ["start-execution", ARMY, 910],
    ],
  },
  {
    // In review for eight business days: State is amber (80% of its 10-business-day target), DTSA on track.
    country: "SR",
    agency: "P",
    openedDaysAgo: 30,
    loa: "trainers",
    steps: [
      ["assign-agency", DSCA, 28, { agencyId: "P" }],
      ["approve-loa", NAVY, { businessDays: 8 }],
      ["concur", DSCA, { businessDays: 3 }],
    ],
  },
  {
    // Returned for rework by State: back with the agency.
    country: "SR",
    agency: "B",
    openedDaysAgo: 40,
    loa: "trainers",
    steps: [
      ["assign-agency", DSCA, 39, { agencyId: "B" }],
      ["approve-loa", ARMY, 20],
      ["concur", DTSA, 15],
      ["return-for-rework", STATE, 12, { comment: "Delivery term code does not match the transportation plan; please correct line 003.", commentVisibility: "PARTNER_VISIBLE" }],
    ],
  },
];

/** Walks the demo cases; answers their ids by key, or null when they already exist (the seed is idempotent). */
export async function seedDemoCases(prisma: PrismaClient, now = new Date()): Promise<DemoCaseIds | null> {
  if (await prisma.auditEvent.count({ where: { targetType: "case", requestId: DEMO_CONTEXT.requestId } })) return null;
  const ids: Partial<DemoCaseIds> = {};
  const actor = demoActors(prisma);
  for (const demo of DEMO_CASES) {
    const caseId = await walkDemoCase(prisma, demo, now, actor);
    if (demo.key) ids[demo.key] = caseId;
  }
  return ids as DemoCaseIds;
}

/**
 * Opens one demo case, fills its basic LOA and walks its steps with backdated clocks; answers its id. `context` names
 * the seed that made it (its request id is how that seed knows it already ran).
 */
export async function walkDemoCase(
  prisma: PrismaClient,
  demo: DemoCase,
  now: Date,
  actor = demoActors(prisma),
  context: RequestContext = DEMO_CONTEXT,
): Promise<string> {
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
  const when = (ago: Ago) => (typeof ago === "number" ? at(ago) : businessDaysBefore(now, ago.businessDays));
  const organization = (kind: "PARTNER_COUNTRY" | "IMPLEMENTING_AGENCY", code: string) =>
    prisma.organization.findUniqueOrThrow({ where: { kind_code: { kind, code } } });

  const country = await organization("PARTNER_COUNTRY", demo.country);
  const agency = await organization("IMPLEMENTING_AGENCY", demo.agency);
  const opener = await actor(DSCA);
  const caseId = await prisma.$transaction(
    async (tx) =>
      (
        await openCase(
          tx,
          opener,
          { lorId: null, country, agency, caseType: demo.caseType ?? "DEFINED_ORDER" },
          context,
          at(demo.openedDaysAgo),
        )
      ).id,
  );
  await fillBasicDraft(prisma, caseId, DEMO_LOAS[demo.loa]);
  for (const [event, by, ago, input = {}] of demo.steps) {
    await prisma.$transaction(async (tx) => {
      const row = (await loadCase(tx, caseId))!;
      const moment = when(ago);
      const day = moment.toISOString().slice(0, 10);
      const filled: EventInput = {
        ...input,
        ...(input.agencyId ? { agencyId: (await organization("IMPLEMENTING_AGENCY", input.agencyId)).id } : {}),
        ...(input.signedOn === "" ? { signedOn: day } : {}),
        ...(input.receivedOn === "" ? { receivedOn: day } : {}),
      };
      const workflow = await loadWorkflowContext(tx, row, moment);
      // "" asks for exactly what the LOA calls for: the deposit the partner promises, and then the deposit that arrives.
      const depositDue = workflow.afterAcceptance?.initialDepositDue;
      if (input.initialDeposit === "" && depositDue) filled.initialDeposit = depositDue;
      if (input.amount === "" && depositDue) filled.amount = depositDue;
      await commitCaseEvent(tx, row, await actor(by), event, { ...filled, expectedVersion: row.version }, workflow, context);
    });
  }
  return caseId;
}
