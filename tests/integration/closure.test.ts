// Reconciliation and closure against PostgreSQL: closure readiness computed from the recorded lines, SDRs and money;
// the closure certificate refused while lines or SDRs are open and the case refused closing while money or
// discrepancies are outstanding, every reason listed; ACC closing with its ULO moved to suspense while non-ACC is
// refused with ULOs; the final statement with a refund of excess funds; the certificate PDF identical on every
// download and fingerprinted on the audit trail; reopening; the annual review; another country's case a 404.
import { randomUUID } from "node:crypto";
import Decimal from "decimal.js";
import { beforeAll, describe, expect, it } from "vitest";
import { formatUsd } from "@/domain/money";
import { actorFromUser, type Actor } from "@/domain/policy";
import { isoDay } from "@/domain/sla";
import { verifyCaseChain } from "@/server/cases/get-case-audit";
import { listCaseEvents } from "@/server/cases/list-case-events";
import { completeAnnualReview } from "@/server/closure/complete-annual-review";
import { getClosureCertificate } from "@/server/closure/get-closure-certificate";
import { getClosureReadiness } from "@/server/closure/get-closure-readiness";
import { completeLine } from "@/server/execution/complete-line";
import { loadLoaInForce } from "@/server/execution/loa-in-force";
import { recordObligation } from "@/server/execution/record-obligation";
import { recordServicePerformance } from "@/server/execution/record-service-performance";
import { recordShipment } from "@/server/execution/record-shipment";
import { updateShipmentStatus } from "@/server/execution/update-shipment-status";
import { recordPayment } from "@/server/finance/record-payment";
import { decideSdr } from "@/server/sdr/decide-sdr";
import { fileSdr } from "@/server/sdr/file-sdr";
import { requestSdrReconsideration } from "@/server/sdr/request-sdr-reconsideration";
import { seedDemoClosure } from "../../prisma/demo-closure";
import { DEMO_LOAS } from "../../prisma/demo-loas";
import { PRICING_RATES, SLA_RULES, seedDemo, seedReference } from "../../prisma/seed";
import { fillBasicLoa, loaLine, smallLoa } from "../factories/loa";
import { HAPPY_PATH, acceptInput, caseAudit, caseCast, openCase, type Cast, type CaseDriver } from "./case-helpers";
import { context, expectAppError, testPrisma } from "./helpers";
import { actorFor, seedSlaRules } from "./lor-helpers";

const prisma = testPrisma();
let finance: Actor;

beforeAll(async () => {
  await seedSlaRules(prisma);
  await prisma.slaRule.createMany({ data: SLA_RULES, skipDuplicates: true });
  await prisma.pricingRate.createMany({ data: PRICING_RATES, skipDuplicates: true });
  finance = await actorFor(prisma, "FINANCE_OFFICER", undefined, "Fran Finance");
});

const DAY_MS = 86_400_000;
const today = () => isoDay(new Date());
const daysAgo = (n: number) => isoDay(new Date(Date.now() - n * DAY_MS));

/** Ten procured modules and a one-month course: small enough to read every number. */
const closureLoa = () =>
  smallLoa({
    lines: [
      loaLine({ lineNumber: "001", genericCode: "R7A", maslNumber: "5840015550001", description: "Radar spare modules", quantity: 10, unitOfIssue: "EA", unitCost: "10000.00", sourceOfSupply: "P", typeOfAssistance: "5", deliveryTermCode: "2" }),
      loaLine({ lineNumber: "002", genericCode: "R7T", maslNumber: "TRNGRADAR0001", description: "Operator course", quantity: 1, unitOfIssue: "LO", unitCost: "20000.00", sourceOfSupply: "S", typeOfAssistance: "3", monthsOfService: 1 }),
    ],
  });

interface Executing {
  caseId: string;
  driver: CaseDriver;
  deposit: string;
}

/**
 * A case walked to Executing on the closure LOA. With `deposit`, the initial deposit arrives in full (the case is
 * implemented by it); without, DSCA implements it by emergency, so nothing has been collected.
 */
async function executingCase(cast: Cast, { deposit }: { deposit: boolean }): Promise<Executing> {
  const opened = await openCase(cast, "Closure test case", { emptyLoa: true });
  await fillBasicLoa(prisma, opened.caseId, closureLoa());
  let due = "0.00";
  for (const step of HAPPY_PATH) {
    if (step.to === "ACCEPTED") {
      const loa = await prisma.$transaction((tx) => loadLoaInForce(tx, opened.caseId));
      due = loa!.schedule.initialDeposit;
      await opened.driver.do(cast.partner, "accept", acceptInput({ initialDeposit: due }));
    } else if (step.to === "IMPLEMENTED") {
      if (deposit) await opened.driver.do(finance, "record-deposit", { amount: due, receivedOn: today(), wireReference: "FED-CLOSURE-0001" });
      else await opened.driver.do(cast.dsca, "emergency-implement", { comment: "Implemented ahead of the deposit for the test" });
    } else {
      await opened.driver.do(cast[step.who] as Actor, step.action, step.input?.(cast) ?? {});
    }
    if (step.to === "EXECUTING") return { caseId: opened.caseId, driver: opened.driver, deposit: deposit ? due : "0.00" };
  }
  throw new Error("The happy path never reached Executing");
}

/** Ships `quantity` modules on line 001 three days ago and has the partner receive them today. */
async function shipAndReceive(cast: Cast, caseId: string, quantity: number) {
  const shipped = await recordShipment(
    cast.ia,
    caseId,
    "001",
    { documentNumber: `SHP-${randomUUID().slice(0, 8).toUpperCase()}`, quantity, shippedOn: daysAgo(3), mode: "AIR", trackingReference: "TCN QQ2Y016160S001XXX" },
    context(),
  );
  return updateShipmentStatus(cast.partner, caseId, shipped.id, { expectedVersion: shipped.version, status: "RECEIVED", receivedOn: today(), receivedBy: "Central depot" }, context());
}

const course = (cast: Cast, caseId: string) =>
  recordServicePerformance(cast.ia, caseId, "002", { performedFrom: daysAgo(40), performedTo: daysAgo(10), units: "1", value: "20000.00", description: "Operator course delivered" }, context());

const complete = (cast: Cast, caseId: string, lineNumber: string, outcome: "SUPPLY_COMPLETE" | "CANCELLED" = "SUPPLY_COMPLETE") =>
  completeLine(cast.ia, caseId, lineNumber, { outcome, reason: "Closed out for the closure test" }, context());

/** Files an SDR and walks it to CLOSED: decision, the partner's one reconsideration, the final decision. */
async function settleSdr(cast: Cast, caseId: string, number: number, decision: { decision: string; creditAmount?: string; reason?: string }) {
  const sdr = await prisma.supplyDiscrepancyReport.findUniqueOrThrow({ where: { caseId_number: { caseId, number } } });
  const decided = await decideSdr(cast.ia, caseId, number, { expectedVersion: sdr.version, ...decision }, context());
  const asked = await requestSdrReconsideration(cast.partner, caseId, number, { expectedVersion: decided.version, reason: "We ask for a second look." }, context());
  return decideSdr(cast.ia, caseId, number, { expectedVersion: asked.version, ...decision }, context());
}

const fileDamage = (cast: Cast, caseId: string, shipmentId: string) =>
  fileSdr(cast.partner, caseId, { shipmentId, type: "DAMAGE", quantityAffected: 1, valueAffected: "500.00", description: "One module arrived with a cracked housing." }, [], context());

/** What the case row and its chain look like, to check a refusal changed nothing. */
async function snapshot(caseId: string) {
  const row = await prisma.case.findUniqueOrThrow({ where: { id: caseId }, select: { status: true, version: true, closureType: true } });
  return { ...row, events: await prisma.auditEvent.count({ where: { targetType: "case", targetId: caseId } }), statements: await prisma.billingStatement.count({ where: { caseId } }) };
}

describe("closing with deliveries, discrepancies or money outstanding", () => {
  it("is refused with every reason listed, at each step, until each is settled", async () => {
    const cast = await caseCast(prisma);
    const { caseId, driver } = await executingCase(cast, { deposit: false });
    await recordObligation(cast.ia, caseId, "001", { contractNumber: "W15P7T-26-C-0142", awardedOn: daysAgo(30), amount: "50000.00" }, context());
    const shipment = await shipAndReceive(cast, caseId, 10);
    await course(cast, caseId);
    await fileDamage(cast, caseId, shipment.id);

    // Executing: both lines open, SDR 1 undecided, nothing collected against what was delivered.
    const early = await getClosureReadiness(cast.partner, caseId);
    expect(early.ready).toBe(false);
    expect(early.blockers).toHaveLength(4);
    expect(early.blockers.slice(0, 3)).toEqual([
      "Line 001 is not supply/services complete",
      "Line 002 is not supply/services complete",
      "SDR 1 is open: the implementing agency has not decided it yet",
    ]);
    const bill = early.statement.finalBill;
    expect(new Decimal(bill).gt(0)).toBe(true);
    expect(early.blockers[3]).toBe(`Final bill of ${formatUsd(bill)} is unpaid: ${formatUsd(bill)} is still due after collections and credits`);
    expect(early.statement).toMatchObject({ collections: "0.00", credits: "0.00", amountDue: bill, refund: "0.00" });
    expect(early.unliquidatedObligations).toBe("0.00");
    expect(early.criteria.map((c) => [c.key, c.met])).toEqual([
      ["lines", false],
      ["sdrs", false],
      ["obligations", true],
      ["finalBill", false],
      ["target", false],
      ["annualReview", false],
    ]);

    // The last line closed out moves the case to Supply/Services Complete; the certificate still waits for SDR 1.
    await complete(cast, caseId, "001");
    expect((await complete(cast, caseId, "002")).caseStatus).toBe("SUPPLY_SERVICES_COMPLETE");
    await driver.reload(prisma);
    const before = await snapshot(caseId);
    const waiting = await expectAppError(driver.attempt(cast.ia, "submit-closure", { closureType: "ACC" }), "CONFLICT");
    expect(waiting.message).toBe("The closure certificate cannot be submitted yet: SDR 1 is open: the implementing agency has not decided it yet");
    expect(await snapshot(caseId)).toEqual(before);

    // Decided, SDR 1 stays open while the partner may still ask for reconsideration; once the final decision is in, it is settled.
    const sdr = await prisma.supplyDiscrepancyReport.findUniqueOrThrow({ where: { caseId_number: { caseId, number: 1 } } });
    const decided = await decideSdr(cast.ia, caseId, 1, { expectedVersion: sdr.version, decision: "CREDIT", creditAmount: "500.00" }, context());
    const contest = await expectAppError(driver.attempt(cast.ia, "submit-closure", { closureType: "ACC" }), "CONFLICT");
    expect(contest.message).toMatch(/SDR 1 is open: the partner may ask for reconsideration until /);
    const asked = await requestSdrReconsideration(cast.partner, caseId, 1, { expectedVersion: decided.version, reason: "The credit should cover the freight too." }, context());
    await decideSdr(cast.ia, caseId, 1, { expectedVersion: asked.version, decision: "CREDIT", creditAmount: "500.00" }, context());
    expect((await driver.do(cast.ia, "submit-closure", { closureType: "ACC" })).status).toBe("CLOSURE_PENDING");
    expect((await prisma.case.findUniqueOrThrow({ where: { id: caseId } })).closureType).toBe("ACC");

    // Closure pending: a second report is filed and nothing has been paid. DSCA's close names both, and changes nothing.
    await fileDamage(cast, caseId, shipment.id);
    const pending = await getClosureReadiness(cast.dsca, caseId);
    const due = new Decimal(bill).minus("500.00").toFixed(2);
    expect(pending.statement).toMatchObject({ credits: "500.00", amountDue: due });
    expect(pending.blockers).toEqual([
      "SDR 2 is open: the implementing agency has not decided it yet",
      `Final bill of ${formatUsd(bill)} is unpaid: ${formatUsd(due)} is still due after collections and credits`,
    ]);
    const closing = await snapshot(caseId);
    const refused = await expectAppError(driver.attempt(cast.dsca, "close"), "CONFLICT");
    expect(refused.message).toBe(`The case cannot close yet: ${pending.blockers.join("; ")}`);
    expect(await snapshot(caseId)).toEqual(closing);

    // Settle both: SDR 2 rejected for good, the amount due paid to the cent. Then it closes, and nothing is due.
    await settleSdr(cast, caseId, 2, { decision: "REJECTED", reason: "The damage was caused after receipt." });
    // DSCA's My tasks follows the money: "close" is not there while a cent is due, and the payment that settles the
    // bill puts it there in the same transaction (no case event happens).
    const dscaWork = async () =>
      (await prisma.caseInboxEntry.findMany({ where: { caseId, inbox: "DSCA_ANALYST" }, select: { actions: true } })).flatMap((e) => e.actions);
    await recordPayment(finance, caseId, { amount: new Decimal(due).minus("0.01").toFixed(2), valueDate: today(), reference: "BN-TREAS-1" }, context());
    const oneCent = await expectAppError(driver.attempt(cast.dsca, "close"), "CONFLICT");
    expect(oneCent.message).toContain("$0.01 is still due");
    expect(await dscaWork()).not.toContain("close");
    await recordPayment(finance, caseId, { amount: "0.01", valueDate: today(), reference: "BN-TREAS-2" }, context());
    expect(await dscaWork()).toContain("close");
    const closed = await driver.do(cast.dsca, "close");
    expect(closed.status).toBe("CLOSED");

    const statement = await prisma.billingStatement.findFirstOrThrow({ where: { caseId, final: true } });
    expect({ billed: statement.billedCumulative.toFixed(2), collected: statement.collected.toFixed(2), credits: statement.credits.toFixed(2), due: statement.amountDue.toFixed(2) }).toEqual({
      billed: bill,
      collected: due,
      credits: "500.00",
      due: "0.00",
    });
    const view = await getClosureReadiness(cast.partner, caseId);
    expect(view).toMatchObject({ status: "CLOSED", ready: true, blockers: [], closureType: "ACC", suspenseAmount: "0.00", finalStatement: { amountDue: "0.00", billedCumulative: bill } });
    expect(view.certificate?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await verifyCaseChain(caseId)).verification.verified).toBe(true);
  });
});

describe("ACC and non-ACC", () => {
  it("non-ACC is refused while obligations are unliquidated; ACC closes and moves them to the suspense account", async () => {
    const cast = await caseCast(prisma);
    const { caseId, driver } = await executingCase(cast, { deposit: false });
    // A contract for all ten modules, but only four shipped: six modules' worth of the contract is unliquidated.
    await recordObligation(cast.ia, caseId, "001", { contractNumber: "W15P7T-26-C-0143", awardedOn: daysAgo(60), amount: "100000.00" }, context());
    await shipAndReceive(cast, caseId, 4);
    await complete(cast, caseId, "001");
    await complete(cast, caseId, "002", "CANCELLED");
    await driver.reload(prisma);

    const readiness = await getClosureReadiness(cast.ia, caseId);
    const line = readiness.lines.find((l) => l.lineNumber === "001")!;
    const ulo = new Decimal(line.obligated!).minus(line.expended).toFixed(2);
    expect(line.unliquidated).toBe(ulo);
    expect(new Decimal(ulo).gt(0)).toBe(true);
    expect(readiness.unliquidatedObligations).toBe(ulo);
    expect(readiness.criteria.find((c) => c.key === "obligations")).toMatchObject({ met: false, blocking: false });
    // Contract amounts stay inside the U.S. Government: the partner sees the case's total ULO, not each line's.
    const partnerView = await getClosureReadiness(cast.partner, caseId);
    expect(partnerView.lines.map((l) => [l.obligated, l.unliquidated])).toEqual([[null, null], [null, null]]);
    expect(partnerView.unliquidatedObligations).toBe(ulo);
    // The final bill funds the ULO too (held in suspense): more than the deliveries alone.
    expect(new Decimal(readiness.statement.finalBill).gt(line.expended)).toBe(true);

    const nonAcc = await expectAppError(driver.attempt(cast.ia, "submit-closure", { closureType: "NON_ACC" }), "VALIDATION_FAILED");
    expect(nonAcc.extra.fields?.closureType).toContain(`Unliquidated obligations of ${formatUsd(ulo)} remain`);
    expect((await driver.do(cast.ia, "submit-closure", { closureType: "ACC" })).status).toBe("CLOSURE_PENDING");

    await recordPayment(finance, caseId, { amount: readiness.statement.amountDue, valueDate: today(), reference: "BN-TREAS-ACC" }, context());
    await driver.do(cast.dsca, "close");
    const row = await prisma.case.findUniqueOrThrow({ where: { id: caseId } });
    expect({ status: row.status, closureType: row.closureType, suspense: row.closureSuspenseAmount?.toFixed(2) }).toEqual({ status: "CLOSED", closureType: "ACC", suspense: ulo });
    const [suspense] = await caseAudit(prisma, caseId, "closure.suspense");
    expect(suspense!.details).toMatchObject({ amount: ulo, lines: [{ lineNumber: "001", unliquidated: ulo }] });
    const events = await listCaseEvents(cast.partner, caseId);
    expect(events.map((e) => e.label)).toEqual(expect.arrayContaining(["Unliquidated obligations moved to the Case Closure Suspense Account", "Closure certificate issued", "Case closed"]));
    expect(events.find((e) => e.action === "closure.suspense")?.note).toBe(`${formatUsd(ulo)} held under Accelerated Case Closure until the obligations settle (line 001)`);
    expect((await getClosureReadiness(cast.partner, caseId)).suspenseAmount).toBe(ulo);
  });
});

describe("the final statement, the certificate and reopening", () => {
  it("refunds excess funds, serves the same certificate bytes each time, reopens with a reason, and hides it all from another country", async () => {
    const cast = await caseCast(prisma);
    const { caseId, driver, deposit } = await executingCase(cast, { deposit: true });
    await expectAppError(getClosureCertificate(cast.partner, caseId), "NOT_FOUND");
    await course(cast, caseId);
    await complete(cast, caseId, "002");
    await complete(cast, caseId, "001", "CANCELLED");
    await driver.reload(prisma);
    expect((await driver.do(cast.ia, "submit-closure", { closureType: "NON_ACC" })).status).toBe("CLOSURE_PENDING");

    const pending = await getClosureReadiness(cast.partner, caseId);
    const refund = new Decimal(deposit).minus(pending.statement.finalBill).toFixed(2);
    expect(new Decimal(refund).gt(0)).toBe(true);
    expect(pending.statement).toMatchObject({ deposits: deposit, payments: "0.00", refund, amountDue: new Decimal(refund).negated().toFixed(2) });
    expect(pending.ready).toBe(true);

    await driver.do(cast.dsca, "close");
    const statement = await prisma.billingStatement.findFirstOrThrow({ where: { caseId, final: true } });
    expect(statement.amountDue.toFixed(2)).toBe(new Decimal(refund).negated().toFixed(2));
    expect(isoDay(statement.dueOn)).toBe(today());
    const closed = await getClosureReadiness(cast.partner, caseId);
    expect(closed.finalStatement).toMatchObject({ amountDue: `-${refund}`, collected: deposit });
    expect(closed.closureType).toBe("NON_ACC");
    const issued = await listCaseEvents(cast.partner, caseId);
    expect(issued.find((e) => e.action === "statement.issue")?.note).toContain(`refund of excess funds $`);

    // The certificate: a PDF, byte-identical on two downloads, its SHA-256 the one recorded at closing.
    const first = await getClosureCertificate(cast.partner, caseId);
    const second = await getClosureCertificate(cast.dsca, caseId);
    expect(first.bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(Buffer.compare(first.bytes, second.bytes)).toBe(0);
    const [recorded] = await caseAudit(prisma, caseId, "closure.certificate");
    expect((recorded!.details as { sha256: string }).sha256).toBe(first.sha256);
    expect(closed.certificate).toEqual({ url: `/api/v1/cases/${caseId}/closure-certificate`, sha256: first.sha256 });

    // Another country's officer finds nothing.
    await expectAppError(getClosureReadiness(cast.foreignPartner, caseId), "NOT_FOUND");
    await expectAppError(getClosureCertificate(cast.foreignPartner, caseId), "NOT_FOUND");
    await expectAppError(completeAnnualReview(cast.foreignPartner, caseId, { loaMatchesDeliveries: true, loaMatchesContracts: true, scheduleAdjusted: true }, context()), "NOT_FOUND");

    // Reopening: DSCA alone, with a reason; back to execution, the closure undone, the certificate gone.
    await expectAppError(driver.attempt(cast.ia, "reopen", { comment: "Late spares" }), "FORBIDDEN");
    const noReason = await expectAppError(driver.attempt(cast.dsca, "reopen"), "VALIDATION_FAILED");
    expect(noReason.extra.fields).toHaveProperty("comment");
    const reopened = await driver.do(cast.dsca, "reopen", { comment: "A billing adjustment from the contractor arrived after closure.", commentVisibility: "PARTNER_VISIBLE" });
    expect(reopened).toMatchObject({ status: "EXECUTING", milestones: { closedAt: null } });
    const row = await prisma.case.findUniqueOrThrow({ where: { id: caseId } });
    expect(row).toMatchObject({ closureType: null, closureSuspenseAmount: null });
    expect(row.reopenedAt).not.toBeNull();
    await expectAppError(getClosureCertificate(cast.partner, caseId), "NOT_FOUND");
    const view = await getClosureReadiness(cast.partner, caseId);
    expect(view).toMatchObject({ status: "EXECUTING", closedAt: null, certificate: null, closureType: null });
    expect(view.reopenedAt).not.toBeNull();
    const timeline = await listCaseEvents(cast.partner, caseId);
    expect(timeline.at(-1)).toMatchObject({ label: "Case reopened", comment: "A billing adjustment from the contractor arrived after closure." });
    expect((await verifyCaseChain(caseId)).verification.verified).toBe(true);
  });
});

describe("the annual case review", () => {
  it("is the case's agency manager's, once a year, with notes for anything not confirmed; partners see the outcome, not the notes", async () => {
    const cast = await caseCast(prisma);
    const { caseId } = await executingCase(cast, { deposit: false });
    const all = { loaMatchesDeliveries: true, loaMatchesContracts: true, scheduleAdjusted: true };

    await expectAppError(completeAnnualReview(cast.partner, caseId, all, context()), "FORBIDDEN");
    await expectAppError(completeAnnualReview(cast.otherIa, caseId, all, context()), "FORBIDDEN");
    await expectAppError(completeAnnualReview(cast.dsca, caseId, all, context()), "FORBIDDEN");
    await expectAppError(completeAnnualReview(cast.foreignPartner, caseId, all, context()), "NOT_FOUND");
    const noNotes = await expectAppError(completeAnnualReview(cast.ia, caseId, { ...all, scheduleAdjusted: false }, context()), "VALIDATION_FAILED");
    expect(Object.keys(noNotes.extra.fields!)).toEqual(["notes"]);
    expect(await prisma.annualCaseReview.count({ where: { caseId } })).toBe(0);

    const view = await completeAnnualReview(cast.ia, caseId, { ...all, scheduleAdjusted: false, notes: "Schedule left as is until the contract mod settles." }, context());
    const year = new Date().getUTCFullYear();
    expect(view.annualReview).toMatchObject({ year, done: true });
    expect(view.criteria.find((c) => c.key === "annualReview")).toMatchObject({ met: true, blocking: false });
    const again = await expectAppError(completeAnnualReview(cast.ia, caseId, all, context()), "CONFLICT");
    expect(again.message).toContain(`for ${year} was already completed`);

    expect((await getClosureReadiness(cast.partner, caseId)).annualReviews).toEqual([
      expect.objectContaining({ reviewYear: year, scheduleAdjusted: false, notes: null, completedBy: expect.any(String) }),
    ]);
    expect((await getClosureReadiness(cast.dsca, caseId)).annualReviews[0]!.notes).toBe("Schedule left as is until the contract mod settles.");
    const [audited] = await caseAudit(prisma, caseId, "review.annual");
    expect(audited!.details).toMatchObject({ reviewYear: year, scheduleAdjusted: false });
    const partnerEvent = (await listCaseEvents(cast.partner, caseId)).find((e) => e.action === "review.annual");
    expect(partnerEvent?.note).toBe(`Review for ${year}; LOA matches deliveries; LOA matches contracts; payment schedule not adjusted`);
  });
});

describe("the demo seed", () => {
  it("takes the test sets case from execution to Closed under ACC through the store functions, once", async () => {
    await seedReference(prisma);
    await seedDemo(prisma);
    const idOf = async (description: string) =>
      (
        await prisma.case.findFirstOrThrow({
          where: { country: { code: "BN" }, documents: { some: { documentType: "BASIC", description } } },
          orderBy: { openedAt: "desc" },
          select: { id: true },
        })
      ).id;
    const ids = {
      radiosExecuting: await idOf(DEMO_LOAS.radios.description),
      sparesBlanket: await idOf(DEMO_LOAS.spareParts.description),
      testSetsClosed: await idOf(DEMO_LOAS.testSets.description),
    };
    await seedDemoClosure(prisma, ids, new Date());
    const events = await prisma.auditEvent.count({ where: { targetType: "case", targetId: ids.testSetsClosed } });
    await seedDemoClosure(prisma, ids, new Date());
    expect(await prisma.auditEvent.count({ where: { targetType: "case", targetId: ids.testSetsClosed } })).toBe(events);

    const partner = actorFromUser(await prisma.user.findUniqueOrThrow({ where: { email: "partner.bn@caseway.example" }, include: { organization: true } }));
    const view = await getClosureReadiness(partner, ids.testSetsClosed);
    expect(view).toMatchObject({ status: "CLOSED", closureType: "ACC", ready: true, blockers: [], suspenseAmount: "1250.00", unliquidatedObligations: "1250.00" });
    expect(view.lines.map((l) => l.state)).toEqual(["SSC", "SSC"]);
    expect(view.target).toMatchObject({ overdue: false });
    expect(view.target!.monthsElapsed).toBeLessThan(24);
    expect(view.annualReviews).toHaveLength(1);
    expect(new Decimal(view.finalStatement!.amountDue).lte(0)).toBe(true);
    expect(view.certificate?.sha256).toMatch(/^[0-9a-f]{64}$/);
    const certificate = await getClosureCertificate(partner, ids.testSetsClosed);
    expect(certificate.sha256).toBe(view.certificate!.sha256);
    const timeline = (await listCaseEvents(partner, ids.testSetsClosed)).map((e) => e.action);
    expect(timeline).toEqual(expect.arrayContaining(["shipment.record", "line.complete", "case.declare-supply-complete", "statement.issue", "payment.record", "review.annual", "case.submit-closure", "case.close", "closure.suspense", "closure.certificate"]));
    expect((await verifyCaseChain(ids.testSetsClosed)).verification.verified).toBe(true);
  });
});
