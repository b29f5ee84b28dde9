// Case-page notes of the after-acceptance events print days as readers write them ("Nov 3, 2026"), never ISO text
// (issue 18): every execution event's note, for details of the shape its use case records, as the agency and as the
// partner reads it.
import { describe, expect, it } from "vitest";
import { EXECUTION_EVENTS } from "@/domain/execution/timeline";
import { readableDay, readableDays } from "@/domain/readable-days";

const ISO_DAY = /\d{4}-\d{2}-\d{2}/;

/** Representative details of each event, every day field set (the days the use cases record as ISO days). */
const DETAILS: Record<string, Record<string, unknown>> = {
  "statement.issue": { final: false, issuedOn: "2026-09-01", dueOn: "2026-09-15", amountDue: "500000.00", billedCumulative: "1699246.50" },
  "payment.record": { amount: "250000.00", valueDate: "2026-11-03", reference: "BN-MOF-7781" },
  "obligation.record": { lineNumber: "001", contractNumber: "W15P7T-26-C-0142", awardedOn: "2026-03-01", amount: "4960000.00" },
  "requisition.submit": { lineNumber: "002", documentNumber: "PBNA236169A001", quantity: 500, itemDescription: "Hydraulic filter element", unitPrice: "86.50", amount: "43250.00", priority: "12", remaining: "356750.00" },
  "shipment.record": { lineNumber: "001", quantity: 300, shippedOn: "2026-11-03", mode: "AIR", documentNumber: "BBNA226100S001", trackingReference: "TCN BN2B0161000001", requisitionDocumentNumber: "PBNA236169A001" },
  "shipment.status": { lineNumber: "001", documentNumber: "BBNA226100S001", shipmentStatus: "RECEIVED", receivedOn: "2026-11-13", receivedBy: "Maj. Teodor Anghel" },
  "service.record": { lineNumber: "003", units: "2", unitLabel: "months", performedFrom: "2026-03-01", performedTo: "2026-04-30", value: "56000.00", description: "Field service" },
  "line.complete": { lineNumber: "002", outcome: "CANCELLED", reason: "Requirement withdrawn", cancelledRequisitions: ["PBNA236169A001"] },
  "sdr.file": { reference: "SDR-BN-2026-0001", type: "SHORTAGE", quantityAffected: 2, valueAffected: "12400.00", shipmentDocumentNumber: "BBNA226100S001", attachments: [] },
  "sdr.decide": { reference: "SDR-BN-2026-0001", decision: "CREDIT", creditAmount: "12400.00", final: false, reason: "Shortage confirmed." },
  "sdr.reconsider": { reference: "SDR-BN-2026-0001", reason: "The credit leaves out freight." },
  "sdr.accept": { reference: "SDR-BN-2026-0001" },
  "sdr.attach": { reference: "SDR-BN-2026-0001", attachments: [{ fileName: "packing-list.pdf" }] },
  "sdr.comment": { reference: "SDR-BN-2026-0001", commentVisibility: "PARTNER_VISIBLE" },
  "review.annual": { reviewYear: 2026, loaMatchesDeliveries: true, loaMatchesContracts: false, scheduleAdjusted: false, notes: "Checked on site." },
  "closure.suspense": { amount: "1500.00", lines: [{ lineNumber: "001", unliquidated: "1500.00" }] },
  "closure.certificate": { finalBill: "4960000.00", refund: "1000.00", sha256: "ab".repeat(32) },
};

describe("execution-event notes", () => {
  it("have representative details for every execution event", () => {
    expect(Object.keys(DETAILS).sort()).toEqual(Object.keys(EXECUTION_EVENTS).sort());
  });

  it.each(Object.keys(EXECUTION_EVENTS))("%s prints no ISO day, for the agency or the partner", (action) => {
    for (const partner of [false, true]) {
      const note = EXECUTION_EVENTS[action]!.note?.(DETAILS[action]!, { partner }) ?? "";
      expect(note, `${action} (${partner ? "partner" : "agency"})`).not.toMatch(ISO_DAY);
      expect(note).not.toMatch(/undefined|null/);
    }
  });

  it("write days as readers do", () => {
    expect(EXECUTION_EVENTS["shipment.record"]!.note!(DETAILS["shipment.record"]!, { partner: true })).toContain("300 shipped on Nov 3, 2026 by air");
    expect(EXECUTION_EVENTS["statement.issue"]!.note!(DETAILS["statement.issue"]!, { partner: true })).toBe(
      "Quarterly statement issued Sep 1, 2026; amount due $500,000.00 by Sep 15, 2026; billed to date $1,699,246.50",
    );
  });
});

describe("readableDay", () => {
  it.each([
    ["2026-11-03", "Nov 3, 2026"],
    ["2026-01-31", "Jan 31, 2026"],
    ["2026-11-03T00:00:00.000Z", "Nov 3, 2026"],
    ["2026-13-40", "2026-13-40"],
    ["next week", "next week"],
    [2026, "2026"],
    [undefined, ""],
    [null, ""],
  ] as const)("%s reads %s", (value, expected) => {
    expect(readableDay(value)).toBe(expected);
  });

  it("agrees with readableDays on a note", () => {
    expect(readableDays(`shipped on 2026-11-03, due 2026-12-15`)).toBe(`shipped on ${readableDay("2026-11-03")}, due ${readableDay("2026-12-15")}`);
  });
});
