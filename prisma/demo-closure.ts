// The closure demo: the radio test sets case (testSetsClosed, Army, executing for about 900 days) taken all the way to
// Closed under Accelerated Case Closure, through the app's own store functions with backdated clocks, so every step is
// on its hash-chained timeline exactly as if people had done it:
//   ~900 days ago  contracts on both lines; the 20 test sets shipped in two lots and received by the Bandarian Army;
//   ~800 days ago  the calibration course performed; both lines declared supply/services complete → the case is SSC;
//   quarterly      statements issued by the billing job's own code and paid by Bandaria;
//   ~180 days ago  the annual case review; the final balance paid;
//   ~120 days ago  the closure certificate under ACC: $1,250.00 of the course contract (the instructors' last travel
//                  voucher) is still unliquidated and moves to the Case Closure Suspense Account;
//    ~95 days ago  DSCA closes the case: final statement, closure certificate.
// Idempotent: a case already closed, or with lines already closed out, is left alone.
import { demoActors, demoClock, runDemoSteps, type DemoStep } from "./demo-steps";
import Decimal from "decimal.js";
import { issueDayOf, statementDueOnFor } from "../src/domain/execution/billing";
import { milstripDocumentNumber, type ShipmentMode } from "../src/domain/execution/lines";
import type { Actor } from "../src/domain/policy";
import { isoDay } from "../src/domain/sla";
import type { CaseEvent, EventInput } from "../src/domain/workflow/case-workflow";
import type { PrismaClient } from "../src/generated/prisma/client";
import { commitCaseEvent, loadCase, loadWorkflowContext, lockCase } from "../src/server/cases/case-store";
import { insertAnnualReview } from "../src/server/closure/annual-review-store";
import { loadClosureData } from "../src/server/closure/closure-data";
import {
  completeLineTx,
  recordObligationTx,
  recordServicePerformanceTx,
  recordShipmentTx,
  updateShipmentStatusTx,
} from "../src/server/execution/execution-store";
import { issueDueStatements, loadCaseFinances, recordPaymentOnCase } from "../src/server/finance/finance-store";
import type { DemoCaseIds } from "./demo-cases";

const DAY = 86_400_000;
const DEMO_CONTEXT = { requestId: "demo-seed-closure", ip: null, userAgent: null };

const ARMY = "army@caseway.example";
const BN = "partner.bn@caseway.example";
const DSCA = "dsca@caseway.example";
const FINANCE = "finance@caseway.example";
const DEPOT = "Maj. Teodor Anghel, Bandarian Army Central Signal Depot";

type Step = DemoStep;

function executionSteps(caseId: string): Step[] {
  const numbers = new Map<string, string>();
  const ship = (key: string, ago: number, quantity: number, mode: ShipmentMode, trackingReference: string, serial: string): Step => ({
    ago,
    by: ARMY,
    run: (tx, actor, now, day) => {
      const documentNumber = milstripDocumentNumber({ serviceCode: "B", countryCode: "BN", deliveryTerm: "2", typeOfAssistance: "5", day: day(ago), serial });
      numbers.set(key, documentNumber);
      return recordShipmentTx(tx, actor, caseId, "001", { documentNumber, quantity, shippedOn: day(ago), mode, trackingReference }, DEMO_CONTEXT, now);
    },
  });
  const move = (key: string, ago: number, by: string, status: "IN_TRANSIT" | "RECEIVED"): Step => ({
    ago,
    by,
    run: async (tx, actor, now, day) => {
      const shipment = await tx.shipment.findFirstOrThrow({ where: { caseId, documentNumber: numbers.get(key)! }, select: { id: true, version: true } });
      return updateShipmentStatusTx(
        tx,
        actor,
        caseId,
        shipment.id,
        { expectedVersion: shipment.version, status, ...(status === "RECEIVED" ? { receivedOn: day(ago), receivedBy: DEPOT } : {}) },
        DEMO_CONTEXT,
        now,
      );
    },
  });
  const complete = (ago: number, lineNumber: string): Step => ({
    ago,
    by: ARMY,
    run: (tx, actor, now) => completeLineTx(tx, actor, caseId, lineNumber, { outcome: "SUPPLY_COMPLETE" }, DEMO_CONTEXT, now),
  });
  return [
    {
      ago: 905,
      by: ARMY,
      run: (tx, actor, now, day) =>
        recordObligationTx(tx, actor, caseId, "001", { contractNumber: "W15P7T-24-C-0311", awardedOn: day(905), amount: "370000.00" }, DEMO_CONTEXT, now),
    },
    {
      ago: 900,
      by: ARMY,
      run: (tx, actor, now, day) =>
        recordObligationTx(tx, actor, caseId, "002", { contractNumber: "W15P7T-24-C-0388", awardedOn: day(900), amount: "60000.00" }, DEMO_CONTEXT, now),
    },
    ship("lot-1", 880, 12, "AIR", "TCN BN2B014880S001XXX, flight AMC 4R2-117", "S001"),
    move("lot-1", 878, ARMY, "IN_TRANSIT"),
    move("lot-1", 872, BN, "RECEIVED"),
    ship("lot-2", 850, 8, "SEA", "Container MAEU 552031-8, bill of lading MAEU240850318", "S002"),
    move("lot-2", 846, ARMY, "IN_TRANSIT"),
    move("lot-2", 820, BN, "RECEIVED"),
    complete(815, "001"),
    {
      ago: 770,
      by: ARMY,
      run: (tx, actor, now, day) =>
        recordServicePerformanceTx(
          tx,
          actor,
          caseId,
          "002",
          {
            performedFrom: day(800),
            performedTo: day(772),
            units: "1",
            // The contract was for $60,000.00; $1,250.00 of instructor travel is not yet invoiced.
            value: "58750.00",
            description: "Field calibration course for 16 technicians at the Central Signal Depot",
          },
          DEMO_CONTEXT,
          now,
        ),
    },
    // The last line closed out moves the case to Supply/Services Complete (the ACC clock starts).
    complete(765, "002"),
  ];
}

/** Fires a workflow event on the case at `moment`, through the same commit as the app. */
async function fire(prisma: PrismaClient, caseId: string, actor: Actor, event: CaseEvent, input: EventInput, moment: Date) {
  await prisma.$transaction(async (tx) => {
    await lockCase(tx, caseId);
    const row = (await loadCase(tx, caseId))!;
    const context = await loadWorkflowContext(tx, row, moment);
    await commitCaseEvent(tx, row, actor, event, { ...input, expectedVersion: row.version }, context, DEMO_CONTEXT);
  });
}

export async function seedDemoClosure(prisma: PrismaClient, ids: DemoCaseIds, now: Date): Promise<void> {
  const caseId = ids.testSetsClosed;
  const current = await prisma.case.findUniqueOrThrow({ where: { id: caseId }, select: { status: true, implementedAt: true } });
  if (current.status !== "EXECUTING" || (await prisma.lineCompletion.count({ where: { caseId } })) > 0) return;

  const actor = demoActors(prisma);
  const { at } = demoClock(now);

  // Execution: contracts, shipments, receipts, the course, and both lines closed out.
  await runDemoSteps(prisma, executionSteps(caseId), now, actor);

  // Billing: the job's statements on the quarterly issue days of the first year, each paid in full by its due date.
  const finance = await actor(FINANCE);
  const implemented = current.implementedAt ?? at(920);
  let moment = new Date(implemented.getTime() + DAY);
  for (let quarter = 0; quarter < 4 && moment.getTime() < at(200).getTime(); quarter++) {
    const { dueOn } = await issueDueStatements(prisma, moment, { caseIds: [caseId], context: DEMO_CONTEXT });
    const paidAt = new Date(Math.min(new Date(`${dueOn}T12:00:00.000Z`).getTime(), at(200).getTime()));
    const owed = await loadCaseFinances(prisma, caseId, paidAt);
    if (new Decimal(owed.account.balance).gt(0)) {
      await recordPaymentOnCase(
        prisma,
        finance,
        caseId,
        { amount: owed.account.balance, valueDate: isoDay(paidAt), reference: `BN-MOF-FMS-${20400 + quarter}`, statementId: owed.statements[0]?.id },
        DEMO_CONTEXT,
        paidAt,
      );
    }
    // The next quarterly issue day (15 Jan/Apr/Jul/Oct) after this statement's, at the job's hour.
    moment = new Date(`${issueDayOf(statementDueOnFor(isoDay(new Date(new Date(`${dueOn}T00:00:00Z`).getTime() + 45 * DAY))))}T06:05:00.000Z`);
  }

  // The annual case review, the year before closure.
  const army = await actor(ARMY);
  await prisma.$transaction(async (tx) => {
    await lockCase(tx, caseId);
    await insertAnnualReview(
      tx,
      army,
      caseId,
      {
        loaMatchesDeliveries: true,
        loaMatchesContracts: true,
        scheduleAdjusted: true,
        notes: "All 20 test sets received and the course delivered; contract W15P7T-24-C-0388 awaits the instructors' final travel voucher ($1,250.00).",
      },
      DEMO_CONTEXT,
      at(180),
    );
  });

  // Bandaria pays whatever the final bill still asks beyond what was collected, before the certificate goes in.
  const beforeClosure = at(130);
  const data = await prisma.$transaction((tx) => loadClosureData(tx, caseId, beforeClosure));
  const due = new Decimal(data!.readiness.statement.amountDue);
  if (due.gt(0)) {
    await recordPaymentOnCase(prisma, finance, caseId, { amount: due.toFixed(2), valueDate: isoDay(beforeClosure), reference: "BN-MOF-FMS-20499" }, DEMO_CONTEXT, beforeClosure);
  }

  // The closure certificate under ACC (the course contract's ULO moves to suspense), and DSCA closes the case.
  await fire(prisma, caseId, army, "submit-closure", { closureType: "ACC" }, at(120));
  await fire(prisma, caseId, await actor(DSCA), "close", {}, at(95));
}
