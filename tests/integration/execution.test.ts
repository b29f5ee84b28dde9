// Execution per LOA line against PostgreSQL: twenty requisitions racing for one blanket line never overdraw it;
// shipments go out and are received, forward only and version-checked; a line is declared supply/services complete
// when accounted for or with a reason, and the last one moves the case to Supply/Services Complete in the same
// transaction; another country's case is a 404; bad input answers with field errors; the read costs the same few
// statements however much is recorded; and the demo seed tells its story through the same code.
import { randomUUID } from "node:crypto";
import Decimal from "decimal.js";
import { beforeAll, describe, expect, it } from "vitest";
import { milstripDocumentNumber } from "@/domain/execution/lines";
import type { LoaContent } from "@/domain/loa/content";
import { actorFromUser, type Actor } from "@/domain/policy";
import { readableDay } from "@/domain/readable-days";
import { isoDay } from "@/domain/sla";
import { verifyCaseChain } from "@/server/cases/get-case-audit";
import { listCaseEvents } from "@/server/cases/list-case-events";
import { performCaseAction } from "@/server/cases/perform-case-action";
import { completeLine } from "@/server/execution/complete-line";
import { readCaseExecution } from "@/server/execution/execution-read";
import { getCaseExecution } from "@/server/execution/get-case-execution";
import { loadLoaInForce } from "@/server/execution/loa-in-force";
import { recordObligation } from "@/server/execution/record-obligation";
import { recordServicePerformance } from "@/server/execution/record-service-performance";
import { recordShipment } from "@/server/execution/record-shipment";
import { submitRequisition } from "@/server/execution/submit-requisition";
import { updateShipmentStatus } from "@/server/execution/update-shipment-status";
import { createPrismaClient } from "@/server/prisma-client";
import { seedDemo, seedReference } from "../../prisma/seed";
import { DEMO_LOAS } from "../../prisma/demo-loas";
import { seedDemoExecution } from "../../prisma/demo-execution";
import { fillBasicLoa, loaLine, smallLoa } from "../factories/loa";
import { HAPPY_PATH, acceptInput, caseAudit, caseCast, openCase, outcomes, raceOnCase, type Cast } from "./case-helpers";
import { context, expectAppError, testPrisma } from "./helpers";
import { seedSlaRules } from "./lor-helpers";

const prisma = testPrisma();
beforeAll(() => seedSlaRules(prisma));

const DAY_MS = 86_400_000;
const today = () => isoDay(new Date());
const daysAgo = (n: number) => isoDay(new Date(Date.now() - n * DAY_MS));

/** Two blanket lines: $100,000 and $20,000 of spares from stock. */
const blanketLoa = (): LoaContent =>
  smallLoa({
    lines: [
      loaLine({ lineNumber: "001", genericCode: "N9B", maslNumber: "BLNKTTEST0001", description: "Spare parts (blanket)", value: "100000.00", sourceOfSupply: "S", typeOfAssistance: "3", deliveryTermCode: "2" }),
      loaLine({ lineNumber: "002", genericCode: "N9C", maslNumber: "BLNKTTEST0002", description: "Consumables (blanket)", value: "20000.00", sourceOfSupply: "S", typeOfAssistance: "3", deliveryTermCode: "2" }),
    ],
  });

/**
 * A case opened the real way and walked to Executing: the partner accepts with the deposit the LOA calls for, DSCA
 * implements it by emergency implementation (the deposit's own path is the money tests' business), the agency starts
 * execution. The default LOA (tests/factories/loa.ts): 001 10 EA at $25,000 (procured), 002 2 SE at $150,000 (stock),
 * 003 operator training, 6 months, $180,000.
 */
async function executingCase(cast: Cast, content: LoaContent = smallLoa(), caseType: "DEFINED_ORDER" | "BLANKET_ORDER" = "DEFINED_ORDER") {
  const opened = await openCase(cast, "Execution test case", { emptyLoa: true });
  if (caseType === "BLANKET_ORDER") await prisma.case.update({ where: { id: opened.caseId }, data: { caseType } });
  await fillBasicLoa(prisma, opened.caseId, content);
  for (const step of HAPPY_PATH) {
    if (step.to === "ACCEPTED") {
      const loa = await prisma.$transaction((tx) => loadLoaInForce(tx, opened.caseId));
      await opened.driver.do(cast.partner, "accept", acceptInput({ initialDeposit: loa!.schedule.initialDeposit }));
    } else if (step.to === "IMPLEMENTED") {
      await opened.driver.do(cast.dsca, "emergency-implement", { comment: "Implemented ahead of the deposit for the test" });
    } else {
      await opened.driver.do(cast[step.who] as Actor, step.action, step.input?.(cast) ?? {});
    }
    if (step.to === "EXECUTING") return opened;
  }
  throw new Error("The happy path never reached Executing");
}

let serial = 0;
/** A fresh, well-formed document number cut today (the test agency and country codes are not MILSTRIP's lengths). */
const documentNumber = () => milstripDocumentNumber({ serviceCode: "Y", countryCode: "QQ", day: today(), serial: (serial += 1) % 10_000 });

const requisition = (quantity: number, unitPrice: string, extra: Record<string, unknown> = {}) => ({
  documentNumber: documentNumber(),
  itemDescription: "Centrifugal pump impeller",
  quantity,
  unitPrice,
  priority: "05",
  ...extra,
});
const shipment = (quantity: number, extra: Record<string, unknown> = {}) => ({
  documentNumber: `SHP-${randomUUID().slice(0, 8).toUpperCase()}`,
  quantity,
  shippedOn: daysAgo(3),
  mode: "AIR",
  trackingReference: "TCN QQ2Y016160S001XXX",
  ...extra,
});
const receipt = (version: number, extra: Record<string, unknown> = {}) => ({
  expectedVersion: version,
  status: "RECEIVED",
  receivedOn: today(),
  receivedBy: "Maj. Teodor Anghel, Central Signal Depot",
  ...extra,
});
const measureOf = (line: { measures: { key: string; done: string; target: string }[] }, key: string) => line.measures.find((m) => m.key === key);

describe("requisitions on a blanket line", () => {
  it("20 concurrent requisitions never draw more than the line: 14 × $7,000 fit in $100,000, 6 get 409 with $2,000 remaining", async () => {
    const cast = await caseCast(prisma);
    const { caseId } = await executingCase(cast, blanketLoa(), "BLANKET_ORDER");
    const contexts = Array.from({ length: 20 }, () => context());
    const results = await raceOnCase(
      prisma,
      caseId,
      () => contexts.map((ctx) => submitRequisition(cast.partner, caseId, "001", requisition(1, "7000.00"), ctx)),
      5,
    );
    const { values, errors } = outcomes(results);
    expect(values).toHaveLength(14);
    expect(errors).toHaveLength(6);
    expect(errors.map((e) => [e.code, (e.extra as { remaining?: string } | undefined)?.remaining])).toEqual(Array(6).fill(["CONFLICT", "2000.00"]));

    const drawn = await prisma.requisition.aggregate({ where: { caseId, lineNumber: "001", status: { not: "CANCELLED" } }, _sum: { amount: true }, _count: true });
    expect(drawn._count).toBe(14);
    expect(drawn._sum.amount!.toFixed(2)).toBe("98000.00");
    expect(new Decimal(drawn._sum.amount!.toString()).lte("100000.00")).toBe(true);
    expect(await caseAudit(prisma, caseId, "requisition.submit")).toHaveLength(14);
    expect((await verifyCaseChain(caseId)).verification.verified).toBe(true);

    const view = await getCaseExecution(cast.partner, caseId);
    const line = view.lines.find((l) => l.lineNumber === "001")!;
    expect(line.remainingValue).toBe("2000.00");
    expect(measureOf(line, "ordered")).toMatchObject({ done: "98000.00", target: "100000.00", percent: "98.0" });
  });

  it("a requisition exactly the remaining value fits; one cent more is refused with what remains", async () => {
    const cast = await caseCast(prisma);
    const { caseId } = await executingCase(cast, blanketLoa(), "BLANKET_ORDER");
    await submitRequisition(cast.partner, caseId, "002", requisition(3, "5000.00"), context());
    const over = await expectAppError(submitRequisition(cast.partner, caseId, "002", requisition(1, "5000.01"), context()), "CONFLICT");
    expect(over.extra.remaining).toBe("5000.00");
    expect(over.message).toContain("$5,000.00 of $20,000.00 remains");
    const fit = await submitRequisition(cast.ia, caseId, "002", requisition(2, "2500.00"), context());
    expect(fit.requisition).toMatchObject({ amount: "5000.00", status: "OPEN", priority: "05" });
  });

  it("an Idempotency-Key makes a retried requisition one requisition with one answer", async () => {
    const cast = await caseCast(prisma);
    const { caseId } = await executingCase(cast, blanketLoa(), "BLANKET_ORDER");
    const body = requisition(2, "1250.00");
    const key = randomUUID();
    const first = await submitRequisition(cast.partner, caseId, "001", body, context(), { idempotencyKey: key });
    const again = await submitRequisition(cast.partner, caseId, "001", body, context(), { idempotencyKey: key });
    expect(first.replayed).toBe(false);
    expect(again).toEqual({ requisition: first.requisition, replayed: true });
    expect(await prisma.requisition.count({ where: { caseId } })).toBe(1);
    await expectAppError(submitRequisition(cast.partner, caseId, "001", { ...body, quantity: 3 }, context(), { idempotencyKey: key }), "VALIDATION_FAILED");
  });

  it("refuses requisitions on articles lines, bad document numbers and a number used twice", async () => {
    const cast = await caseCast(prisma);
    const blanket = await executingCase(cast, blanketLoa(), "BLANKET_ORDER");
    const defined = await executingCase(cast);
    await expectAppError(submitRequisition(cast.partner, defined.caseId, "001", requisition(1, "1.00"), context()), "CONFLICT");
    // Day 000 of the year is no day at all (future days are covered by the unit tests, whatever today is).
    const noDay = `YQQA23${today()[3]}000${"0001"}`;
    const badDate = await expectAppError(submitRequisition(cast.partner, blanket.caseId, "001", requisition(1, "1.00", { documentNumber: noDay }), context()), "VALIDATION_FAILED");
    expect(Object.keys(badDate.extra.fields!)).toEqual(["documentNumber"]);
    expect(badDate.extra.fields!.documentNumber).toMatch(/ordinal date/);
    const used = requisition(1, "1.00");
    await submitRequisition(cast.partner, blanket.caseId, "001", used, context());
    const twice = await expectAppError(submitRequisition(cast.partner, blanket.caseId, "001", { ...used }, context()), "VALIDATION_FAILED");
    expect(twice.extra.fields).toEqual({ documentNumber: `Document number ${used.documentNumber} is already used on this case` });
  });
});

describe("shipments and receipt", () => {
  it("the agency ships, the partner receives and names who received it; progress and both timelines show it", async () => {
    const cast = await caseCast(prisma);
    const { caseId } = await executingCase(cast);
    await recordObligation(cast.ia, caseId, "001", { contractNumber: "W15P7T-26-C-0142", awardedOn: daysAgo(10), amount: "250000.00" }, context());
    const sent = await recordShipment(cast.ia, caseId, "001", shipment(4), context());
    expect(sent).toMatchObject({ quantity: 4, value: "100000.00", status: "SHIPPED", version: 1, trackingReference: "TCN QQ2Y016160S001XXX" });

    // In transit is the agency's to say; the partner may only receive.
    await expectAppError(updateShipmentStatus(cast.partner, caseId, sent.id, { expectedVersion: 1, status: "IN_TRANSIT" }, context()), "FORBIDDEN");
    const moving = await updateShipmentStatus(cast.ia, caseId, sent.id, { expectedVersion: 1, status: "IN_TRANSIT" }, context());
    expect(moving).toMatchObject({ status: "IN_TRANSIT", version: 2 });
    const received = await updateShipmentStatus(cast.partner, caseId, sent.id, receipt(2), context());
    expect(received).toMatchObject({ status: "RECEIVED", receivedOn: today(), receivedBy: "Maj. Teodor Anghel, Central Signal Depot", version: 3 });
    await expectAppError(updateShipmentStatus(cast.ia, caseId, sent.id, { expectedVersion: 3, status: "IN_TRANSIT" }, context()), "CONFLICT");

    const partnerView = await getCaseExecution(cast.partner, caseId);
    const line = partnerView.lines.find((l) => l.lineNumber === "001")!;
    expect(line.measures.map((m) => [m.key, m.done, m.target, m.percent])).toEqual([
      ["shipped", "4", "10", "40.0"],
      ["delivered", "4", "10", "40.0"],
    ]);
    expect(line.obligations).toEqual([expect.objectContaining({ contractNumber: "W15P7T-26-C-0142", amount: null })]);
    expect(line.shipments[0]).toMatchObject({ trackingReference: "TCN QQ2Y016160S001XXX", status: "RECEIVED" });
    expect(line.expenditures).toBe("100000.00");
    const agencyLine = (await getCaseExecution(cast.ia, caseId)).lines.find((l) => l.lineNumber === "001")!;
    expect(measureOf(agencyLine, "ordered")).toMatchObject({ done: "250000.00", target: "250000.00" });
    expect(agencyLine.obligations[0]!.amount).toBe("250000.00");

    const partnerEvents = await listCaseEvents(cast.partner, caseId);
    const notes = partnerEvents.filter((e) => e.action.startsWith("shipment.") || e.action === "obligation.record").map((e) => e.note);
    expect(notes).toEqual([
      `Line 001: contract W15P7T-26-C-0142 awarded on ${readableDay(daysAgo(10))}`,
      expect.stringContaining("Line 001: 4 shipped on"),
      expect.stringContaining("is now in transit"),
      expect.stringContaining(`received on ${readableDay(today())} by Maj. Teodor Anghel, Central Signal Depot`),
    ]);
    expect(partnerEvents.every((e) => e.toStatus === null || !e.action.startsWith("shipment."))).toBe(true);
    expect((await verifyCaseChain(caseId)).verification.verified).toBe(true);
  });

  it("a stale version is a 409 with the current version", async () => {
    const cast = await caseCast(prisma);
    const { caseId } = await executingCase(cast);
    const sent = await recordShipment(cast.ia, caseId, "002", shipment(1), context());
    await updateShipmentStatus(cast.ia, caseId, sent.id, { expectedVersion: 1, status: "IN_TRANSIT" }, context());
    const stale = await expectAppError(updateShipmentStatus(cast.partner, caseId, sent.id, receipt(1), context()), "VERSION_CONFLICT");
    expect(stale.extra.currentVersion).toBe(2);
  });

  it.each([
    ["more than remains unshipped", "001", shipment(11), "quantity", "Only 10 of 10 remain unshipped on line 001"],
    ["a ship date in the future", "001", shipment(1, { shippedOn: isoDay(new Date(Date.now() + DAY_MS)) }), "shippedOn", "The ship date cannot be in the future"],
    ["a requisition on an articles line", "001", shipment(1, { requisitionId: randomUUID() }), "requisitionId", "There is no such requisition on this case"],
    ["no tracking reference", "001", shipment(1, { trackingReference: "" }), "trackingReference", "Tracking reference is required"],
    ["a negative quantity", "001", shipment(-2), "quantity", "Quantity must be at least 1"],
  ])("a shipment with %s answers a field error", async (_name, line, body, field, message) => {
    const cast = await caseCast(prisma);
    const { caseId } = await executingCase(cast);
    const error = await expectAppError(recordShipment(cast.ia, caseId, line, body, context()), "VALIDATION_FAILED");
    expect(error.extra.fields).toEqual({ [field]: message });
  });

  it("receipts: not in the future, not before the ship date, not without who received it", async () => {
    const cast = await caseCast(prisma);
    const { caseId } = await executingCase(cast);
    const sent = await recordShipment(cast.ia, caseId, "001", shipment(2, { shippedOn: daysAgo(3) }), context());
    for (const [body, field, message] of [
      [receipt(1, { receivedOn: isoDay(new Date(Date.now() + DAY_MS)) }), "receivedOn", "The date received cannot be in the future"],
      [receipt(1, { receivedOn: daysAgo(4) }), "receivedOn", `The date received cannot be before the ship date (${daysAgo(3)})`],
      [receipt(1, { receivedBy: "" }), "receivedBy", "Name who received it: the receiving officer or the freight forwarder"],
    ] as const) {
      const error = await expectAppError(updateShipmentStatus(cast.partner, caseId, sent.id, body, context()), "VALIDATION_FAILED");
      expect(error.extra.fields).toEqual({ [field]: message });
    }
    expect(await prisma.shipment.findUniqueOrThrow({ where: { id: sent.id }, select: { status: true, version: true } })).toEqual({ status: "SHIPPED", version: 1 });
  });

  it("blanket shipments fill their requisition, which is marked shipped once filled", async () => {
    const cast = await caseCast(prisma);
    const { caseId } = await executingCase(cast, blanketLoa(), "BLANKET_ORDER");
    const { requisition: ordered } = await submitRequisition(cast.partner, caseId, "001", requisition(5, "1000.00"), context());
    const noRequisition = await expectAppError(recordShipment(cast.ia, caseId, "001", shipment(1), context()), "VALIDATION_FAILED");
    expect(Object.keys(noRequisition.extra.fields!)).toEqual(["requisitionId"]);
    const wrongLine = await expectAppError(recordShipment(cast.ia, caseId, "002", shipment(1, { requisitionId: ordered.id }), context()), "VALIDATION_FAILED");
    expect(wrongLine.extra.fields!.requisitionId).toContain("is on line 001, not 002");

    const first = await recordShipment(cast.ia, caseId, "001", shipment(3, { requisitionId: ordered.id }), context());
    expect(first).toMatchObject({ value: "3000.00", requisitionDocumentNumber: ordered.documentNumber });
    expect((await prisma.requisition.findUniqueOrThrow({ where: { id: ordered.id } })).status).toBe("OPEN");
    const tooMany = await expectAppError(recordShipment(cast.ia, caseId, "001", shipment(3, { requisitionId: ordered.id }), context()), "VALIDATION_FAILED");
    expect(tooMany.extra.fields).toEqual({ quantity: `Only 2 of 5 remain unshipped on requisition ${ordered.documentNumber}` });
    await recordShipment(cast.ia, caseId, "001", shipment(2, { requisitionId: ordered.id }), context());
    expect((await prisma.requisition.findUniqueOrThrow({ where: { id: ordered.id } })).status).toBe("SHIPPED");
    await expectAppError(recordShipment(cast.ia, caseId, "001", shipment(1, { requisitionId: ordered.id }), context()), "CONFLICT");

    const line = (await getCaseExecution(cast.partner, caseId)).lines.find((l) => l.lineNumber === "001")!;
    expect(line.requisitions[0]).toMatchObject({ status: "SHIPPED", shippedQuantity: 5 });
    expect(measureOf(line, "shipped")).toMatchObject({ done: "5000.00", target: "100000.00", percent: "5.0" });
    expect(line.sscProblems).toEqual([]);
  });
});

describe("contracts and services", () => {
  it.each([
    ["a negative amount", { amount: "-1.00" }, "amount"],
    ["an amount with three decimals", { amount: "10.005" }, "amount"],
    ["an award date in the future", { awardedOn: isoDay(new Date(Date.now() + DAY_MS)) }, "awardedOn"],
    ["more than the line's value", { amount: "250000.01" }, "amount"],
  ])("a contract with %s answers a field error", async (_name, change, field) => {
    const cast = await caseCast(prisma);
    const { caseId } = await executingCase(cast);
    const error = await expectAppError(
      recordObligation(cast.ia, caseId, "001", { contractNumber: "W15P7T-26-C-0001", awardedOn: daysAgo(1), amount: "1000.00", ...change }, context()),
      "VALIDATION_FAILED",
    );
    expect(Object.keys(error.extra.fields!)).toEqual([field]);
  });

  it("services are counted in months against the LOA; more months than remain is a field error", async () => {
    const cast = await caseCast(prisma);
    const { caseId } = await executingCase(cast);
    const month = (units: string, value: string) => ({ performedFrom: daysAgo(40), performedTo: daysAgo(10), units, value, description: "Operator training" });
    await recordServicePerformance(cast.ia, caseId, "003", month("4", "120000.00"), context());
    const over = await expectAppError(recordServicePerformance(cast.ia, caseId, "003", month("2.5", "1.00"), context()), "VALIDATION_FAILED");
    expect(over.extra.fields).toEqual({ units: "Only 2 of 6 months remain to perform on line 003" });
    await expectAppError(recordServicePerformance(cast.ia, caseId, "001", month("1", "1.00"), context()), "CONFLICT");
    const line = (await getCaseExecution(cast.partner, caseId)).lines.find((l) => l.lineNumber === "003")!;
    expect(line.measures.map((m) => [m.key, m.done, m.target])).toEqual([
      ["performed", "4", "6"],
      ["performedValue", "120000.00", "180000.00"],
    ]);
    expect(line.sscProblems).toEqual(["4 of 6 months of service performed"]);
  });
});

describe("supply/services complete", () => {
  it("lines close out when accounted for or with a reason; the last one moves the case to Supply/Services Complete", async () => {
    const cast = await caseCast(prisma);
    const { caseId } = await executingCase(cast);
    const deliver = async (line: string, quantity: number) => {
      const sent = await recordShipment(cast.ia, caseId, line, shipment(quantity), context());
      return updateShipmentStatus(cast.partner, caseId, sent.id, receipt(1), context());
    };
    await deliver("001", 10);
    await deliver("002", 1);
    const onTheWay = await recordShipment(cast.ia, caseId, "002", shipment(1), context());

    // The case's own event is refused while lines are open, naming them.
    const version = (await prisma.case.findUniqueOrThrow({ where: { id: caseId } })).version;
    const early = await expectAppError(performCaseAction(cast.ia, caseId, "declare-supply-complete", { expectedVersion: version }, context()), "CONFLICT");
    expect(early.message).toBe("Every line must be supply/services complete or cancelled first; still open: lines 001, 002, 003");

    // Accounted for: no reason needed.
    expect(await completeLine(cast.ia, caseId, "001", { outcome: "SUPPLY_COMPLETE" }, context())).toMatchObject({ caseStatus: "EXECUTING" });
    await expectAppError(completeLine(cast.ia, caseId, "001", { outcome: "SUPPLY_COMPLETE" }, context()), "CONFLICT");
    await expectAppError(recordShipment(cast.ia, caseId, "001", shipment(1), context()), "CONFLICT");

    // Not accounted for: refused with every unmet condition named, then accepted with a reason.
    const short = await expectAppError(completeLine(cast.ia, caseId, "002", { outcome: "SUPPLY_COMPLETE" }, context()), "CONFLICT");
    expect(short.message).toBe(
      "Line 002 is not yet accounted for: 1 of 2 SE delivered (received by the partner); 1 SE shipped but not yet received. Give a reason to declare it supply/services complete anyway.",
    );
    await completeLine(cast.ia, caseId, "002", { outcome: "SUPPLY_COMPLETE", reason: "Second set arriving by sea; the partner confirmed receipt will follow." }, context());

    // Only the agency closes out lines.
    await expectAppError(completeLine(cast.partner, caseId, "003", { outcome: "CANCELLED", reason: "x" }, context()), "FORBIDDEN");
    await recordServicePerformance(cast.ia, caseId, "003", { performedFrom: daysAgo(200), performedTo: daysAgo(20), units: "6", value: "180000.00", description: "Operator training, six months" }, context());
    const last = await completeLine(cast.ia, caseId, "003", { outcome: "SUPPLY_COMPLETE" }, context());
    expect(last).toMatchObject({ lineNumber: "003", caseStatus: "SUPPLY_SERVICES_COMPLETE", completion: { outcome: "SUPPLY_COMPLETE", reason: null } });

    const row = await prisma.case.findUniqueOrThrow({ where: { id: caseId } });
    expect(row.status).toBe("SUPPLY_SERVICES_COMPLETE");
    expect(row.version).toBe(version + 1);
    expect(row.supplyCompleteAt).not.toBeNull();
    const trail = (await caseAudit(prisma, caseId)).map((e) => e.action);
    expect(trail.slice(-2)).toEqual(["line.complete", "case.declare-supply-complete"]);
    expect((await verifyCaseChain(caseId)).verification.verified).toBe(true);

    // Nothing more is recorded, but what is on its way is still received.
    await expectAppError(recordObligation(cast.ia, caseId, "001", { contractNumber: "X-1", awardedOn: today(), amount: "1.00" }, context()), "CONFLICT");
    expect((await updateShipmentStatus(cast.partner, caseId, onTheWay.id, receipt(1), context())).status).toBe("RECEIVED");

    const view = await getCaseExecution(cast.partner, caseId);
    expect(view.lines.map((l) => [l.lineNumber, l.status, l.completion?.reason ?? null])).toEqual([
      ["001", "SUPPLY_COMPLETE", null],
      ["002", "SUPPLY_COMPLETE", "Second set arriving by sea; the partner confirmed receipt will follow."],
      ["003", "SUPPLY_COMPLETE", null],
    ]);
    expect(view).toMatchObject({ status: "SUPPLY_SERVICES_COMPLETE", acceptsRecords: false, acceptsReceipts: true });
    const milestones = (await listCaseEvents(cast.partner, caseId)).map((e) => e.label);
    expect(milestones.filter((l) => l === "Line closed out")).toHaveLength(3);
    expect(milestones).toContain("Supply and services complete");
  });

  it("cancelling a blanket line needs a reason and cancels its open requisitions; the case completes on an implemented case too", async () => {
    const cast = await caseCast(prisma);
    const opened = await openCase(cast, "Blanket to cancel", { emptyLoa: true });
    await prisma.case.update({ where: { id: opened.caseId }, data: { caseType: "BLANKET_ORDER" } });
    await fillBasicLoa(prisma, opened.caseId, blanketLoa());
    for (const step of HAPPY_PATH.slice(0, 8)) await opened.driver.do(cast[step.who] as Actor, step.action, step.input?.(cast) ?? {});
    const loa = await prisma.$transaction((tx) => loadLoaInForce(tx, opened.caseId));
    await opened.driver.do(cast.partner, "accept", acceptInput({ initialDeposit: loa!.schedule.initialDeposit }));
    await opened.driver.do(cast.dsca, "emergency-implement", { comment: "Implemented ahead of the deposit for the test" });
    const caseId = opened.caseId;

    const { requisition: open } = await submitRequisition(cast.partner, caseId, "002", requisition(10, "100.00"), context());
    const noReason = await expectAppError(completeLine(cast.ia, caseId, "002", { outcome: "CANCELLED" }, context()), "VALIDATION_FAILED");
    expect(noReason.extra.fields).toEqual({ reason: "Give the reason for cancelling line 002" });
    const refused = await expectAppError(completeLine(cast.ia, caseId, "002", { outcome: "SUPPLY_COMPLETE" }, context()), "CONFLICT");
    expect(refused.message).toContain(`1 requisition still open (${open.documentNumber})`);
    const cancelled = await completeLine(cast.ia, caseId, "002", { outcome: "CANCELLED", reason: "Consumables now bought locally." }, context());
    expect(cancelled).toMatchObject({ caseStatus: "IMPLEMENTED", cancelledRequisitions: [open.documentNumber] });
    expect((await prisma.requisition.findUniqueOrThrow({ where: { id: open.id } })).status).toBe("CANCELLED");

    // Line 001 has nothing requisitioned: it is accounted for, and it is the last — execution starts and completes.
    const last = await completeLine(cast.ia, caseId, "001", { outcome: "SUPPLY_COMPLETE" }, context());
    expect(last.caseStatus).toBe("SUPPLY_SERVICES_COMPLETE");
    const trail = (await caseAudit(prisma, caseId)).map((e) => e.action);
    expect(trail.slice(-3)).toEqual(["line.complete", "case.start-execution", "case.declare-supply-complete"]);
  });
});

describe("who may see and do what", () => {
  it("another country's partner gets 404 for every read and write; another agency's manager 403; the partner cannot ship", async () => {
    const cast = await caseCast(prisma);
    const { caseId } = await executingCase(cast);
    const sent = await recordShipment(cast.ia, caseId, "001", shipment(1), context());
    const outsider = cast.foreignPartner;
    await expectAppError(getCaseExecution(outsider, caseId), "NOT_FOUND");
    await expectAppError(submitRequisition(outsider, caseId, "001", requisition(1, "1.00"), context()), "NOT_FOUND");
    await expectAppError(updateShipmentStatus(outsider, caseId, sent.id, receipt(1), context()), "NOT_FOUND");
    await expectAppError(recordShipment(outsider, caseId, "001", shipment(1), context()), "NOT_FOUND");
    await expectAppError(recordShipment(cast.otherIa, caseId, "001", shipment(1), context()), "FORBIDDEN");
    await expectAppError(recordShipment(cast.partner, caseId, "001", shipment(1), context()), "FORBIDDEN");
    await expectAppError(recordObligation(cast.dsca, caseId, "001", { contractNumber: "X-1", awardedOn: today(), amount: "1.00" }, context()), "FORBIDDEN");
    // Missing things are 404s too.
    await expectAppError(getCaseExecution(cast.ia, randomUUID()), "NOT_FOUND");
    await expectAppError(getCaseExecution(cast.ia, "not-a-uuid"), "NOT_FOUND");
    await expectAppError(recordShipment(cast.ia, caseId, "009", shipment(1), context()), "NOT_FOUND");
    await expectAppError(updateShipmentStatus(cast.ia, caseId, randomUUID(), { expectedVersion: 1, status: "IN_TRANSIT" }, context()), "NOT_FOUND");
    // Nothing the refusals touched was written.
    expect(await prisma.shipment.count({ where: { caseId } })).toBe(1);
  });

  it("writes wait for implementation: an offered case takes no execution records", async () => {
    const cast = await caseCast(prisma);
    const opened = await openCase(cast, "Offered only");
    for (const step of HAPPY_PATH.slice(0, 8)) await opened.driver.do(cast[step.who] as Actor, step.action, step.input?.(cast) ?? {});
    const error = await expectAppError(recordShipment(cast.ia, opened.caseId, "001", shipment(1), context()), "CONFLICT");
    expect(error.message).toBe("Shipments can be recorded only while the case is implemented or executing; this case is offered");
  });
});

describe("the read", () => {
  it("costs the same statements with one record or forty", async () => {
    const counting = createPrismaClient(process.env.DATABASE_URL!, 2, { logQueries: true });
    const statements: string[] = [];
    (counting as unknown as { $on(event: "query", cb: (e: { query: string }) => void): void }).$on("query", (e) => statements.push(e.query));
    try {
      const cast = await caseCast(prisma);
      const { caseId } = await executingCase(cast, blanketLoa(), "BLANKET_ORDER");
      const measure = async () => {
        statements.length = 0;
        await readCaseExecution(counting, cast.partner, caseId);
        return statements.length;
      };
      const { requisition: first } = await submitRequisition(cast.partner, caseId, "001", requisition(1, "10.00"), context());
      await recordShipment(cast.ia, caseId, "001", shipment(1, { requisitionId: first.id }), context());
      const few = await measure();
      for (let i = 0; i < 20; i += 1) {
        const { requisition: r } = await submitRequisition(cast.partner, caseId, i % 2 ? "001" : "002", requisition(2, "10.00"), context());
        await recordShipment(cast.ia, caseId, r.lineNumber, shipment(1, { requisitionId: r.id }), context());
      }
      const many = await measure();
      expect(few).toBeGreaterThan(0);
      expect(many).toBe(few);
      expect(few).toBeLessThanOrEqual(12);
    } finally {
      await counting.$disconnect();
    }
  });
});

describe("the demo seed", () => {
  it("tells the radios and spare-parts stories through the store functions, once", async () => {
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
    await seedDemoExecution(prisma, ids, new Date());
    const counts = async () => ({
      shipments: await prisma.shipment.count({ where: { caseId: { in: [ids.radiosExecuting, ids.sparesBlanket] } } }),
      requisitions: await prisma.requisition.count({ where: { caseId: ids.sparesBlanket } }),
    });
    const before = await counts();
    await seedDemoExecution(prisma, ids, new Date());
    expect(await counts()).toEqual(before);

    const partner = await prisma.user.findUniqueOrThrow({ where: { email: "partner.bn@caseway.example" }, include: { organization: true } });
    const bn = actorFromUser(partner);

    const radios = await readCaseExecution(prisma, bn, ids.radiosExecuting);
    const line = (n: string) => radios.lines.find((l) => l.lineNumber === n)!;
    expect(line("001").shipments.map((s) => s.status).sort()).toEqual(["IN_TRANSIT", "RECEIVED"]);
    expect(line("001").shipments.find((s) => s.status === "RECEIVED")!.receivedBy).toMatch(/Bandarian Army/);
    expect(line("001").shipments.find((s) => s.status === "IN_TRANSIT")!.trackingReference).toMatch(/MAEU/);
    expect(measureOf(line("001"), "delivered")).toMatchObject({ done: "300", target: "800" });
    expect(line("001").obligations[0]!.amount).toBeNull();
    expect(measureOf(line("002a"), "shipped")!.done).toBe("90");
    expect(measureOf(line("002b"), "shipped")!.done).toBe("10");
    expect(measureOf(line("003"), "performed")).toMatchObject({ done: "3", target: "24" });
    expect(radios.lines.every((l) => l.status === "OPEN")).toBe(true);

    const spares = await readCaseExecution(prisma, bn, ids.sparesBlanket);
    const requisitions = spares.lines.flatMap((l) => l.requisitions);
    expect(requisitions).toHaveLength(5);
    expect(requisitions.filter((r) => r.status === "OPEN").map((r) => r.itemDescription).sort()).toEqual(["Gasket kit, assorted sizes", "Radar waveguide assembly"]);
    expect(spares.lines.flatMap((l) => l.shipments).filter((s) => s.status === "RECEIVED")).toHaveLength(4);
    expect(spares.lines.find((l) => l.lineNumber === "001")!.remainingValue).toBe("1304700.00");
    for (const caseId of [ids.radiosExecuting, ids.sparesBlanket]) expect((await verifyCaseChain(caseId)).verification.verified).toBe(true);
  });
});
