// Binding steps name the document they commit to (issue 13): which document each step binds, the confirmation's words,
// and the check the server makes against what the person confirmed.
import { describe, expect, it } from "vitest";
import { CASE_ACTION_INPUTS } from "@/domain/schemas/cases";
import {
  BINDING_EVENTS,
  acknowledgementMismatch,
  bindingConfirmation,
  boundDocumentOf,
  isBindingEvent,
  type BindableDocument,
} from "@/domain/workflow/binding-confirmation";
import { CASE_EVENTS } from "@/domain/workflow/case-workflow";

const SHA = "1a2b3c4d".repeat(8);

function doc(overrides: Partial<BindableDocument>): BindableDocument {
  return {
    number: 1,
    documentType: "BASIC",
    status: "DRAFT",
    version: 3,
    name: "BN-P-AAB Basic LOA",
    totalEstimatedCost: "6830101.73",
    pdfSha256: null,
    ...overrides,
  };
}

describe("which document a binding step commits to", () => {
  it("the binding steps are exactly these", () => {
    expect([...BINDING_EVENTS].sort()).toEqual(["accept", "approve-loa", "close", "concur", "concur-with-comment", "countersign", "offer", "sign"]);
    expect(isBindingEvent("return-for-rework")).toBe(false);
    expect(isBindingEvent("suspend")).toBe(false);
  });

  it.each([
    ["approve-loa", "DRAFT"],
    ["concur", "SUBMITTED"],
    ["concur-with-comment", "SUBMITTED"],
    ["sign", "SUBMITTED"],
    ["countersign", "SUBMITTED"],
    ["offer", "SUBMITTED"],
    ["accept", "OFFERED"],
  ] as const)("%s binds the basic LOA while it is %s", (event, status) => {
    const documents = [doc({ number: 1, status: "SUPERSEDED" }), doc({ number: 2, status })];
    expect(boundDocumentOf(event, documents)?.number).toBe(2);
    expect(boundDocumentOf(event, [doc({ number: 1, status: "WITHDRAWN" })])).toBeNull();
  });

  it("closing binds the latest document in force, an Amendment or Modification included", () => {
    const documents = [
      doc({ number: 1, status: "ACCEPTED" }),
      doc({ number: 3, documentType: "MODIFICATION", status: "IMPLEMENTED", name: "BN-P-AAB M01" }),
      doc({ number: 2, documentType: "AMENDMENT", status: "ACCEPTED", name: "BN-P-AAB A01" }),
      doc({ number: 4, documentType: "AMENDMENT", status: "OFFERED", name: "BN-P-AAB A02" }),
    ];
    expect(boundDocumentOf("close", documents)?.name).toBe("BN-P-AAB M01");
  });

  it("an Amendment on offer is not what the partner's acceptance of the basic LOA binds", () => {
    expect(boundDocumentOf("accept", [doc({ number: 2, documentType: "AMENDMENT", status: "OFFERED" })])).toBeNull();
  });
});

describe("the confirmation's words", () => {
  it("names the document, its version, its total and its SHA-256, and what the step commits to", () => {
    const offered = doc({ status: "OFFERED", pdfSha256: SHA });
    const confirmation = bindingConfirmation("accept", CASE_EVENTS.accept.label, offered);
    expect(confirmation.title).toBe("Check before you accept the offer");
    expect(confirmation.summary).toBe(`BN-P-AAB Basic LOA, version 3, total $6,830,101.73, SHA-256 ${SHA}`);
    expect(confirmation.document).toEqual({ name: "BN-P-AAB Basic LOA", version: 3, total: "$6,830,101.73", sha256: SHA });
    expect(confirmation.commitment).toMatch(/accepts this LOA/);
    expect(confirmation.sha256Note).toBeNull();
    expect(confirmation.acknowledgement).toEqual({ number: 1, version: 3, sha256: SHA });
  });

  it("before the offer there is no hash yet, and it says so", () => {
    const confirmation = bindingConfirmation("sign", CASE_EVENTS.sign.label, doc({ status: "SUBMITTED" }));
    expect(confirmation.summary).toBe("BN-P-AAB Basic LOA, version 3, total $6,830,101.73");
    expect(confirmation.sha256Note).toMatch(/None yet/);
    expect(confirmation.acknowledgement).toEqual({ number: 1, version: 3, sha256: null });
  });

  it.each(BINDING_EVENTS)("%s has its own plain-words commitment", (event) => {
    const confirmation = bindingConfirmation(event, CASE_EVENTS[event].label, doc({}));
    expect(confirmation.commitment.length).toBeGreaterThan(40);
    expect(confirmation.title).toMatch(/^Check before you [a-z]/);
  });

  it("without a document it says so and acknowledges nothing", () => {
    const confirmation = bindingConfirmation("close", CASE_EVENTS.close.label, null);
    expect(confirmation.document).toBeNull();
    expect(confirmation.acknowledgement).toBeNull();
    expect(confirmation.sha256Note).toMatch(/could not find/);
  });
});

describe("the server's check of what was confirmed", () => {
  const current = doc({ status: "OFFERED", pdfSha256: SHA });

  it("the same document, version and hash pass", () => {
    expect(acknowledgementMismatch({ number: 1, version: 3, sha256: SHA }, current)).toBeNull();
  });

  it.each([
    ["another document", { number: 2, version: 3, sha256: SHA }, /now applies to/],
    ["an older version", { number: 1, version: 2, sha256: SHA }, /now version 3, not version 2/],
    ["another hash", { number: 1, version: 3, sha256: "f".repeat(64) }, /SHA-256/],
    ["no hash for an offered document", { number: 1, version: 3 }, /SHA-256/],
  ] as const)("%s is refused in plain words", (_what, acknowledged, message) => {
    expect(acknowledgementMismatch(acknowledged, current)).toMatch(message);
  });

  it("a hash for a document that has none is refused", () => {
    expect(acknowledgementMismatch({ number: 1, version: 3, sha256: SHA }, doc({ status: "SUBMITTED" }))).toMatch(/SHA-256/);
  });

  it("no document any more is refused", () => {
    expect(acknowledgementMismatch({ number: 1, version: 3 }, null)).toMatch(/no LOA document/);
  });
});

describe("the action inputs", () => {
  it.each(BINDING_EVENTS)("%s takes an optional acknowledgedDocument, checked for shape", (event) => {
    const base = { expectedVersion: 2, ...(event === "accept" ? { signerName: "A", signerTitle: "B", signedOn: "2026-03-02", initialDeposit: "1" } : {}) };
    expect(CASE_ACTION_INPUTS[event].safeParse(base).success).toBe(true);
    const parsed = CASE_ACTION_INPUTS[event].parse({ ...base, acknowledgedDocument: { number: 1, version: 3, sha256: SHA.toUpperCase() } });
    expect(parsed.acknowledgedDocument).toEqual({ number: 1, version: 3, sha256: SHA });
    for (const bad of [{ number: 1 }, { number: 1, version: "3" }, { number: 1, version: 3, sha256: "abc" }, { number: 1, version: 3, extra: true }]) {
      expect(CASE_ACTION_INPUTS[event].safeParse({ ...base, acknowledgedDocument: bad }).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it("other actions refuse it as an unknown field", () => {
    expect(CASE_ACTION_INPUTS["return-for-rework"].safeParse({ expectedVersion: 2, comment: "x", acknowledgedDocument: { number: 1, version: 1 } }).success).toBe(false);
  });

  it("review-not-required takes STATE_PM or DTSA and no comment visibility", () => {
    const schema = CASE_ACTION_INPUTS["review-not-required"];
    expect(schema.parse({ expectedVersion: 1, office: "STATE_PM", comment: "Why" })).toMatchObject({ office: "STATE_PM" });
    expect(schema.safeParse({ expectedVersion: 1, office: "DSCA", comment: "Why" }).success).toBe(false);
    expect(schema.safeParse({ expectedVersion: 1, office: "DTSA", comment: "Why", commentVisibility: "PARTNER_VISIBLE" }).success).toBe(false);
  });
});
