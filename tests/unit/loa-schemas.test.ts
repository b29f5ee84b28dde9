import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { DOCUMENT_ACTION_INPUTS, LoaDraftInput, LoaLineInput, PricingQuoteInput } from "@/domain/schemas/loa";

// What the LOA builder and the API accept (src/domain/schemas/loa.ts): forms and JSON normalize to exact values, and
// every refusal names the field it is about.

/** A line as the builder's form posts it: everything is text, blanks are "" and checkboxes are "on". */
const formLine = (overrides: Record<string, unknown> = {}) => ({
  lineNumber: "001",
  genericCode: " f1k ",
  maslNumber: "1005000566753",
  description: "  Tactical   vehicle ",
  quantity: "1,500",
  unitOfIssue: "EA",
  unitCost: "1,250.50",
  value: "",
  sourceOfSupply: "X",
  typeOfAssistance: "4",
  monthsOfService: "",
  deliveryTermCode: "2",
  mde: "on",
  sme: "",
  designConstruction: undefined,
  procurementShare: "0.5",
  ncPerUnit: "",
  ncWaived: "",
  ncWaiverReason: "",
  note: "",
  internalNote: "",
  priceOnlyIncrease: "",
  ...overrides,
});

const draft = (overrides: Record<string, unknown> = {}) => ({
  expectedVersion: 3,
  description: "Tactical vehicles",
  customerReference: "Based on LOR MOD/PROC/2026/117",
  termsOfSale: [{ term: "CASH_PRIOR_TO_DELIVERY", amount: "" }],
  initialDepositPercent: "20",
  paymentQuarters: "8",
  lines: [formLine()],
  notes: [{ key: "administrative-surcharge", title: "Administrative Surcharge", text: "…", internal: "" }],
  ...overrides,
});

/** Every refused field, as "lines.0.maslNumber". */
function refusedPaths(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input);
  if (result.success) throw new Error("expected the input to be refused");
  return result.error.issues.map((issue) => issue.path.join("."));
}
function messageAt(schema: z.ZodType, input: unknown, path: string): string {
  const result = schema.safeParse(input);
  if (result.success) throw new Error("expected the input to be refused");
  const issue = result.error.issues.find((i) => i.path.join(".") === path);
  if (!issue) throw new Error(`no issue at ${path}: ${JSON.stringify(result.error.issues)}`);
  return issue.message;
}

describe("LoaLineInput", () => {
  it("normalizes what a form posts", () => {
    expect(LoaLineInput.parse(formLine())).toEqual({
      lineNumber: "001",
      genericCode: "F1K",
      maslNumber: "1005000566753",
      description: "Tactical vehicle",
      quantity: 1500,
      unitOfIssue: "EA",
      unitCost: "1250.50",
      value: null,
      sourceOfSupply: "X",
      typeOfAssistance: "4",
      monthsOfService: null,
      deliveryTermCode: "2",
      mde: true,
      sme: false,
      designConstruction: false,
      procurementShare: "0.5",
      ncPerUnit: null,
      ncWaived: false,
      ncWaiverReason: null,
      note: null,
      internalNote: null,
      priceOnlyIncrease: false,
    });
  });

  it("accepts JSON types too: numbers, booleans, null", () => {
    const parsed = LoaLineInput.parse(formLine({ quantity: 10, unitCost: 1000000, value: null, mde: true, procurementShare: 0.25, deliveryTermCode: null }));
    expect(parsed).toMatchObject({ quantity: 10, unitCost: "1000000.00", value: null, mde: true, procurementShare: "0.25", deliveryTermCode: null });
  });

  it("upper-cases MASL codes", () => {
    expect(LoaLineInput.parse(formLine({ genericCode: "r7a", maslNumber: "abc0000000001" }))).toMatchObject({ genericCode: "R7A", maslNumber: "ABC0000000001" });
  });

  it.each([
    ["lineNumber", "1"],
    ["lineNumber", "001A"],
    ["genericCode", "F1"],
    ["maslNumber", "100500056675"],
    ["maslNumber", "1005-00-056-6753"],
    ["quantity", "1.5"],
    ["quantity", "-1"],
    ["unitOfIssue", "GAL"],
    ["unitCost", "0"],
    ["unitCost", "12,50"],
    ["value", "-5.00"],
    ["sourceOfSupply", "Q"],
    ["typeOfAssistance", "9"],
    ["deliveryTermCode", "7"],
    ["monthsOfService", "0"],
    ["procurementShare", "1.5"],
    ["procurementShare", "0.12345"],
    ["mde", "yes"],
  ])("refuses %s = %j, naming the field", (field, value) => {
    expect(refusedPaths(LoaLineInput, formLine({ [field]: value }))).toEqual([field]);
  });

  it.each([
    ["a float sum", 0.1 + 0.2],
    ["a third of a cent", "10.333"],
    ["a number with three decimals", 1250.505],
  ])("refuses %s as an amount: money has at most two decimals", (_label, amount) => {
    expect(refusedPaths(LoaLineInput, formLine({ unitCost: amount }))).toEqual(["unitCost"]);
    expect(messageAt(LoaLineInput, formLine({ unitCost: amount }), "unitCost")).toBe("Unit cost must be an amount in US dollars, like 1250000.00");
  });

  it("requires the MASL and the codes, with messages a person can act on", () => {
    const { genericCode: _g, maslNumber: _m, sourceOfSupply: _s, ...rest } = formLine();
    expect(refusedPaths(LoaLineInput, rest).sort()).toEqual(["genericCode", "maslNumber", "sourceOfSupply"]);
    expect(messageAt(LoaLineInput, formLine({ maslNumber: "12" }), "maslNumber")).toBe("MASL number must be 13 letters or digits, like 1005000566753");
  });

  it("refuses unknown keys, including a locked admin rate sent by the client", () => {
    const result = LoaLineInput.safeParse(formLine({ adminRate: "0.01" }));
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]).toMatchObject({ code: "unrecognized_keys", keys: ["adminRate"] });
  });
});

describe("LoaDraftInput", () => {
  it("parses a whole draft from the builder", () => {
    const parsed = LoaDraftInput.parse(draft());
    expect(parsed).toMatchObject({
      expectedVersion: 3,
      termsOfSale: [{ term: "CASH_PRIOR_TO_DELIVERY", amount: null }],
      initialDepositPercent: "20",
      paymentQuarters: 8,
      clssaPart: null,
      linkedCaseIdentifier: null,
      notes: [{ key: "administrative-surcharge", internal: false }],
    });
    expect(parsed.lines[0]).toMatchObject({ genericCode: "F1K", unitCost: "1250.50" });
  });

  it("names the field inside a line or a term of sale", () => {
    expect(refusedPaths(LoaDraftInput, draft({ lines: [formLine(), formLine({ lineNumber: "002", maslNumber: "x" })] }))).toEqual(["lines.1.maslNumber"]);
    expect(refusedPaths(LoaDraftInput, draft({ termsOfSale: [{ term: "BARTER", amount: "" }] }))).toEqual(["termsOfSale.0.term"]);
    expect(refusedPaths(LoaDraftInput, draft({ termsOfSale: [{ term: "FMS_CREDIT", amount: "1.005" }, { term: "CASH_PRIOR_TO_DELIVERY" }] }))).toEqual([
      "termsOfSale.0.amount",
    ]);
  });

  it.each([
    ["initialDepositPercent", "101"],
    ["initialDepositPercent", "20.125"],
    ["paymentQuarters", "41"],
    ["paymentQuarters", "2.5"],
    ["expectedVersion", 0],
    ["clssaPart", "FMSO_III"],
  ])("refuses %s = %j", (field, value) => {
    expect(refusedPaths(LoaDraftInput, draft({ [field]: value }))).toEqual([field]);
  });

  it("needs the version it edits", () => {
    const { expectedVersion: _v, ...unversioned } = draft();
    expect(refusedPaths(LoaDraftInput, unversioned)).toEqual(["expectedVersion"]);
  });

  it("an empty deposit is 0% and empty quarters are 8", () => {
    expect(LoaDraftInput.parse(draft({ initialDepositPercent: "", paymentQuarters: "" }))).toMatchObject({ initialDepositPercent: "0", paymentQuarters: 8 });
  });

  it("caps the number of lines at 1,000", () => {
    const lines = Array.from({ length: 1001 }, (_, i) => formLine({ lineNumber: String((i % 999) + 1).padStart(3, "0") }));
    expect(refusedPaths(LoaDraftInput, draft({ lines }))).toEqual(["lines"]);
  });

  it("refuses unknown keys at the top and inside notes", () => {
    expect(refusedPaths(LoaDraftInput, draft({ total: "1.00" }))).toEqual([""]);
    expect(refusedPaths(LoaDraftInput, draft({ notes: [{ title: "x", text: "", internal: false, author: "me" }] }))).toEqual(["notes.0"]);
  });
});

describe("PricingQuoteInput", () => {
  it("fills the defaults and lets quotes skip the MASL and description", () => {
    const { genericCode: _g, maslNumber: _m, description: _d, ...bare } = formLine();
    const quote = PricingQuoteInput.parse({ lines: [bare] });
    expect(quote).toMatchObject({ caseType: "DEFINED_ORDER", natoPlus: false, lines: [{ quantity: 1500 }] });
    expect(quote.pricedOn).toBeUndefined();
    expect(PricingQuoteInput.parse({ natoPlus: "on", pricedOn: "2018-06-01", lines: [bare] })).toMatchObject({ natoPlus: true, pricedOn: "2018-06-01" });
  });

  it.each([
    [{ lines: [] }, "lines"],
    [{ lines: [formLine()], pricedOn: "01/06/2018" }, "pricedOn"],
    [{ lines: [formLine()], pricedOn: "2018-02-30" }, "pricedOn"],
    [{ lines: [formLine()], caseType: "LEASE" }, "caseType"],
    [{ lines: [formLine({ quantity: "ten" })] }, "lines.0.quantity"],
  ])("refuses %j at %s", (input, path) => {
    expect(refusedPaths(PricingQuoteInput, input)).toEqual([path]);
  });

  it("refuses unknown keys (no smuggled rates)", () => {
    expect(refusedPaths(PricingQuoteInput, { lines: [formLine()], adminRate: "0.01" })).toEqual([""]);
  });
});

describe("DOCUMENT_ACTION_INPUTS", () => {
  it("submit needs a document type and a reason of at least 10 characters", () => {
    const submit = DOCUMENT_ACTION_INPUTS.submit;
    expect(submit.parse({ expectedVersion: 2, documentType: "AMENDMENT", reason: "  Adds line 004 for follow-on spares " })).toEqual({
      expectedVersion: 2,
      documentType: "AMENDMENT",
      reason: "Adds line 004 for follow-on spares",
    });
    expect(refusedPaths(submit, { expectedVersion: 2, documentType: "NEW_LOA", reason: "Adds MDE line 004" })).toEqual(["documentType"]);
    expect(messageAt(submit, { expectedVersion: 2, documentType: "MODIFICATION", reason: "price" }, "reason")).toBe(
      "Reason for the change must be at least 10 characters",
    );
  });

  it("accept needs the signer's name and title", () => {
    expect(refusedPaths(DOCUMENT_ACTION_INPUTS.accept, { expectedVersion: 5, signerName: "Col. A. Example" }).sort()).toEqual(["signerTitle"]);
    expect(DOCUMENT_ACTION_INPUTS.accept.parse({ expectedVersion: 5, signerName: "Col. A. Example", signerTitle: "Director of Procurement" })).toMatchObject({
      signerName: "Col. A. Example",
    });
  });

  it("return needs a comment", () => {
    expect(refusedPaths(DOCUMENT_ACTION_INPUTS.return, { expectedVersion: 1, comment: "   " })).toEqual(["comment"]);
  });

  it.each(["submit", "approve", "return", "accept", "withdraw"] as const)("%s needs expectedVersion and refuses unknown keys", (action) => {
    expect(refusedPaths(DOCUMENT_ACTION_INPUTS[action], {})).toContain("expectedVersion");
    const valid = { submit: { documentType: "MODIFICATION", reason: "Price increase on line 002" }, return: { comment: "Fix line 2" }, accept: { signerName: "A", signerTitle: "B" } }[
      action as string
    ];
    expect(refusedPaths(DOCUMENT_ACTION_INPUTS[action], { expectedVersion: 1, ...valid, extra: true })).toEqual([""]);
  });
});
