import { describe, expect, it } from "vitest";
import {
  LINE_NUMBER,
  SOURCES_OF_SUPPLY,
  TA_REQUIRED_TERM,
  TYPES_OF_ASSISTANCE,
  documentDisplayName,
  sourceAllowedFor,
  sourceMismatch,
  type SourceOfSupply,
  type TermOfSale,
  type TypeOfAssistance,
} from "@/domain/loa/codes";
import type { LoaContent, LoaLine, LoaNote } from "@/domain/loa/content";
import { requiredNoteKeys, submissionProblems, termsOfSaleBreakout, validateLoaContent, type LoaShape } from "@/domain/loa/validation";
import { priceLoa } from "@/domain/pricing/price";
import { EXAMPLE_A_DAY, blanketLine, content, exampleALines, flatRates, line } from "./loa-fixtures";

// The LOA's code tables and the rules an LOA must follow beyond each field's format (fms-domain.md §5, §7.3).

const DEFINED: LoaShape = { caseType: "DEFINED_ORDER", clssaPart: null };
const BLANKET: LoaShape = { caseType: "BLANKET_ORDER", clssaPart: null };
const FMSO_I: LoaShape = { caseType: "CLSSA", clssaPart: "FMSO_I" };
const FMSO_II: LoaShape = { caseType: "CLSSA", clssaPart: "FMSO_II" };

const issues = (lines: LoaLine[], shape: LoaShape = DEFINED, overrides: Partial<LoaContent> = {}) => validateLoaContent(content(lines, overrides), shape);
const paths = (lines: LoaLine[], shape: LoaShape = DEFINED, overrides: Partial<LoaContent> = {}) => issues(lines, shape, overrides).map((i) => i.path);

describe("type of assistance × source of supply (fms-domain.md §5.3)", () => {
  // Written from the §5.3 table, column by column: S P R X E F. "—" in the table (Z, N, A, M) restricts nothing.
  const TABLE: Record<TypeOfAssistance, string> = {
    "3": "S . R . E .",
    "4": ". . . X . .",
    "5": ". P . . . .",
    "6": "S . R . E .",
    "7": ". P . . . .",
    "8": "S . R . E .",
    U: ". P . . . .",
    V: "S . . . . .",
    Z: "S P R X E F",
    N: "S P R X E F",
    A: "S P R X E F",
    M: "S P R X E F",
  };
  const COLUMNS: SourceOfSupply[] = ["S", "P", "R", "X", "E", "F"];
  const cells = Object.entries(TABLE).flatMap(([ta, row]) => row.split(" ").map((cell, i) => [ta as TypeOfAssistance, COLUMNS[i]!, cell !== "."] as const));

  it("covers every code: 12 types of assistance × 6 sources", () => {
    expect([...TYPES_OF_ASSISTANCE].sort()).toEqual(Object.keys(TABLE).sort());
    expect([...SOURCES_OF_SUPPLY].sort()).toEqual([...COLUMNS].sort());
    expect(cells).toHaveLength(72);
  });

  it.each(cells)("TA %s with source %s allowed: %s", (ta, source, allowed) => {
    expect(sourceAllowedFor(ta, source)).toBe(allowed);
    const message = sourceMismatch(ta, source);
    if (allowed) expect(message).toBeNull();
    else expect(message).toMatch(new RegExp(`^Type of assistance ${ta} needs source of supply .*; this line has ${source}$`));
  });

  it("a mismatch is reported on the line's type of assistance, naming the allowed sources", () => {
    const result = issues([line("001"), line("002", { typeOfAssistance: "5", sourceOfSupply: "S" })]);
    expect(result).toEqual([{ path: "lines.1.typeOfAssistance", message: "Line 002: Type of assistance 5 needs source of supply P; this line has S" }]);
    expect(issues([line("001", { typeOfAssistance: "3", sourceOfSupply: "X" })])[0]!.message).toContain("S, R, E");
  });
});

describe("types of assistance that need a term of sale", () => {
  // Written from §5.3/§5.4 and the terms-of-sale reference table.
  const REQUIRED: Record<TypeOfAssistance, TermOfSale | null> = {
    "3": null,
    "4": null,
    "5": null,
    "6": "PAYMENT_ON_DELIVERY",
    "7": "DEPENDABLE_UNDERTAKING",
    "8": "PAYMENT_ON_DELIVERY",
    U: null,
    V: null,
    Z: "FMS_CREDIT",
    N: "FMS_CREDIT_NON_REPAYABLE",
    A: "EDA_GRANT",
    M: "MAP_MERGER",
  };

  it.each(TYPES_OF_ASSISTANCE)("TA %s", (ta) => {
    expect(TA_REQUIRED_TERM[ta] ?? null).toBe(REQUIRED[ta]);
  });

  it("TA 7 without a Dependable Undertaking is refused on that line's type of assistance", () => {
    const ta7 = line("002", { typeOfAssistance: "7", sourceOfSupply: "P" });
    const result = issues([line("001"), ta7]);
    expect(result).toEqual([{ path: "lines.1.typeOfAssistance", message: "Line 002: type of assistance 7 needs the term of sale Dependable Undertaking" }]);
  });

  it("TA 7 passes once Dependable Undertaking is one of the terms", () => {
    const ta7 = line("001", { typeOfAssistance: "7", sourceOfSupply: "P" });
    const terms = [
      { term: "CASH_PRIOR_TO_DELIVERY" as const, amount: "500.00" },
      { term: "DEPENDABLE_UNDERTAKING" as const, amount: null },
    ];
    expect(issues([ta7], DEFINED, { termsOfSale: terms })).toEqual([]);
  });
});

describe("line shape per LOA type", () => {
  it("a defined line needs quantity, unit cost and unit of issue, and no dollar value", () => {
    expect(paths([line("001")])).toEqual([]);
    expect(paths([line("001", { quantity: null, unitCost: null, unitOfIssue: null })])).toEqual(["lines.0.quantity", "lines.0.unitCost", "lines.0.unitOfIssue"]);
    expect(paths([line("001", { value: "1000.00" })])).toEqual(["lines.0.value"]);
  });

  it("a blanket line needs a value and refuses quantities", () => {
    expect(paths([blanketLine("001", "2000000.00")], BLANKET)).toEqual([]);
    expect(paths([blanketLine("001", "2000000.00", { value: null })], BLANKET)).toEqual(["lines.0.value"]);
    const withQuantity = issues([line("001", { value: "2000000.00" })], BLANKET);
    expect(withQuantity).toEqual([{ path: "lines.0.quantity", message: "Line 001: a blanket order line has a dollar value, not item quantities" }]);
  });

  it("CLSSA lines carry a value too", () => {
    const fmsoI = { typeOfAssistance: "U" as const, sourceOfSupply: "P" as const };
    expect(paths([blanketLine("001", "5000000.00", fmsoI)], FMSO_I)).toEqual([]);
    expect(paths([line("001", fmsoI)], FMSO_I)).toEqual(["lines.0.value", "lines.0.quantity"]);
  });

  it("FMSO I lines must be TA U with source P; FMSO II lines TA V with source S", () => {
    const u = blanketLine("001", "5000000.00", { typeOfAssistance: "U", sourceOfSupply: "P" });
    const v = blanketLine("001", "5000000.00", { typeOfAssistance: "V", sourceOfSupply: "S" });
    expect(issues([u], FMSO_I)).toEqual([]);
    expect(issues([v], FMSO_II)).toEqual([]);
    expect(issues([v], FMSO_I)).toContainEqual({ path: "lines.0.typeOfAssistance", message: "Line 001: an FMSO I line uses type of assistance U with source P" });
    expect(issues([u], FMSO_II)).toContainEqual({ path: "lines.0.typeOfAssistance", message: "Line 001: an FMSO II line uses type of assistance V with source S" });
    // A stock line under TA 3 is a valid line in general, but not on an FMSO I case.
    expect(paths([blanketLine("001", "5000000.00")], FMSO_I)).toEqual(["lines.0.typeOfAssistance"]);
  });
});

describe("line numbers and sublines", () => {
  it.each(["001", "999", "001a", "012z"])("%s is a line number", (n) => expect(LINE_NUMBER.test(n)).toBe(true));
  it.each(["1", "01", "0001", "001A", "001aa", "a001", " 001"])("%j is not", (n) => expect(LINE_NUMBER.test(n)).toBe(false));

  it("a subline needs its parent line", () => {
    const result = issues([line("001"), line("002a")]);
    expect(result).toEqual([{ path: "lines.1.lineNumber", message: "Line 002a: subline 002a needs line 002" }]);
  });

  it("a header takes its amounts from its sublines and is not itself shape-checked", () => {
    const header = line("001", { quantity: null, unitCost: null, unitOfIssue: null });
    expect(paths([header, line("001a"), line("001b")])).toEqual([]);
    const withAmounts = issues([{ ...header, unitCost: "10.00" }, line("001a")]);
    expect(withAmounts).toEqual([{ path: "lines.0.unitCost", message: expect.stringContaining("takes its amounts from them") }]);
  });

  it("sublines are checked like any line", () => {
    expect(paths([line("001", { quantity: null, unitCost: null, unitOfIssue: null }), line("001a", { unitCost: null })])).toEqual(["lines.1.unitCost"]);
  });

  it("a line number used twice is reported on the second use", () => {
    expect(issues([line("001"), line("002"), line("001")])).toEqual([{ path: "lines.2.lineNumber", message: "Line 001: the line number is used twice" }]);
  });
});

describe("nonrecurring cost and procurement share", () => {
  const mde = { mde: true, ncPerUnit: "50000.00" };

  it("NC on an MDE line with a quantity is fine", () => {
    expect(paths([line("001", mde)])).toEqual([]);
  });

  it("NC applies only to major defense equipment", () => {
    expect(paths([line("001", { ...mde, mde: false })])).toEqual(["lines.0.ncPerUnit"]);
  });

  it("NC is per unit, so the line needs a quantity", () => {
    expect(issues([blanketLine("001", "1000000.00", mde)], BLANKET)).toEqual([
      { path: "lines.0.ncPerUnit", message: "Line 001: nonrecurring cost is charged per unit, so the line needs a quantity" },
    ]);
  });

  it("a waiver needs a reason and something to waive", () => {
    expect(paths([line("001", { ...mde, ncWaived: true, ncWaiverReason: "Standardization with NATO" })])).toEqual([]);
    expect(paths([line("001", { ...mde, ncWaived: true, ncWaiverReason: "   " })])).toEqual(["lines.0.ncWaiverReason"]);
    expect(paths([line("001", { mde: true, ncWaived: true, ncWaiverReason: "Loss of sale" })])).toEqual(["lines.0.ncWaived"]);
  });

  it("a procurement share belongs on source X only", () => {
    expect(paths([line("001", { sourceOfSupply: "X", typeOfAssistance: "4", procurementShare: "0.6" })])).toEqual([]);
    expect(paths([line("001", { sourceOfSupply: "P", typeOfAssistance: "5", procurementShare: "0.6" })])).toEqual(["lines.0.procurementShare"]);
  });

  it("a term of sale listed twice is reported on the second", () => {
    const terms = [
      { term: "FMS_CREDIT" as const, amount: "100.00" },
      { term: "FMS_CREDIT" as const, amount: null },
    ];
    expect(issues([line("001")], DEFINED, { termsOfSale: terms })).toEqual([{ path: "termsOfSale.1.term", message: "FMS Credit is listed twice" }]);
  });
});

describe("terms-of-sale breakout (fms-domain.md §5.4)", () => {
  const TOTAL = "13984955.00";

  it("needs at least one term", () => {
    expect(termsOfSaleBreakout([], TOTAL)).toEqual({ rows: [], problem: "Choose at least one term of sale" });
  });

  it("a single term carries the whole total", () => {
    expect(termsOfSaleBreakout([{ term: "CASH_PRIOR_TO_DELIVERY", amount: null }], TOTAL)).toEqual({
      rows: [{ term: "CASH_PRIOR_TO_DELIVERY", amount: TOTAL, balance: true }],
      problem: null,
    });
  });

  it('the last term may be "Balance": it takes what the others leave', () => {
    const result = termsOfSaleBreakout(
      [
        { term: "FMS_CREDIT", amount: "10000000.00" },
        { term: "CASH_PRIOR_TO_DELIVERY", amount: null },
      ],
      TOTAL,
    );
    expect(result).toEqual({
      rows: [
        { term: "FMS_CREDIT", amount: "10000000.00", balance: false },
        { term: "CASH_PRIOR_TO_DELIVERY", amount: "3984955.00", balance: true },
      ],
      problem: null,
    });
  });

  it("fully stated amounts must add up to the total exactly, to the cent", () => {
    const stated = (last: string) =>
      termsOfSaleBreakout(
        [
          { term: "FMS_CREDIT", amount: "10000000.00" },
          { term: "CASH_PRIOR_TO_DELIVERY", amount: last },
        ],
        TOTAL,
      );
    expect(stated("3984955.00").problem).toBeNull();
    expect(stated("3984954.99").problem).toBe(
      'The terms of sale add up to $13984954.99 but the total estimated cost is $13984955.00; make the last one "Balance" or correct the amounts',
    );
    expect(stated("3984955.01").problem).toBe("The terms of sale add up to $13984955.01, more than the total estimated cost $13984955.00");
  });

  it("stated amounts over the total are refused even with a Balance row", () => {
    const result = termsOfSaleBreakout(
      [
        { term: "FMS_CREDIT", amount: "14000000.00" },
        { term: "CASH_PRIOR_TO_DELIVERY", amount: null },
      ],
      TOTAL,
    );
    expect(result.rows).toEqual([]);
    expect(result.problem).toContain("more than the total estimated cost");
  });

  it("only the last term may be left without an amount", () => {
    const result = termsOfSaleBreakout(
      [
        { term: "FMS_CREDIT", amount: "1000000.00" },
        { term: "MAP_MERGER", amount: null },
        { term: "CASH_PRIOR_TO_DELIVERY", amount: null },
      ],
      TOTAL,
    );
    expect(result).toEqual({ rows: [], problem: 'Give the dollar amount under MAP Merger; only the last term may be "Balance"' });
  });
});

describe("notes the LOA must carry", () => {
  const keysFor = (lines: LoaLine[], shape: LoaShape = DEFINED) => {
    const loa = content(lines);
    return requiredNoteKeys(loa, priceLoa(lines, { rates: flatRates(), pricedOn: EXAMPLE_A_DAY }), shape);
  };

  it("example A needs the admin, accessorial, CAS, NC and DTS notes", () => {
    expect(keysFor(exampleALines())).toEqual([
      "administrative-surcharge",
      "accessorial-charges",
      "contract-administration-services-cas-surcharge",
      "nonrecurring-cost-apply-estimated",
      "transportation-services-through-dts",
    ]);
  });

  it("services from stock that ship nothing need only the administrative surcharge note", () => {
    expect(keysFor([line("001")])).toEqual(["administrative-surcharge"]);
  });

  it("stock picked up by the purchaser (DTC 4) pays PC&H but no DTS transportation", () => {
    expect(keysFor([line("001", { deliveryTermCode: "4" })])).toEqual(["administrative-surcharge", "accessorial-charges"]);
  });

  it("a waived NC needs the waiver note instead of the NC note", () => {
    const waived = line("001", { mde: true, ncPerUnit: "50000.00", ncWaived: true, ncWaiverReason: "Standardization" });
    expect(keysFor([waived])).toEqual(["administrative-surcharge", "nonrecurring-cost-waiver-approved"]);
  });

  it("an FMSO I case needs the FMSO I purpose note; FMSO II does not", () => {
    const u = blanketLine("001", "5000000.00", { typeOfAssistance: "U", sourceOfSupply: "P" });
    expect(keysFor([u], FMSO_I)).toContain("cooperative-logistics-supply-support-arrangement-clssa-fmso-i-purpose");
    const v = blanketLine("001", "5000000.00", { typeOfAssistance: "V", sourceOfSupply: "S" });
    expect(keysFor([v], FMSO_II)).not.toContain("cooperative-logistics-supply-support-arrangement-clssa-fmso-i-purpose");
  });
});

describe("what stops an LOA from going to review", () => {
  const TITLES = { "administrative-surcharge": "Administrative Surcharge", "accessorial-charges": "Accessorial Charges" };
  const note = (key: string): LoaNote => ({ key, title: key, text: "…", internal: false });
  const problems = (loa: LoaContent, shape: LoaShape = DEFINED) =>
    submissionProblems(loa, priceLoa(loa.lines, { rates: flatRates(), pricedOn: EXAMPLE_A_DAY }), shape, TITLES);
  const exampleNotes = [
    "administrative-surcharge",
    "accessorial-charges",
    "contract-administration-services-cas-surcharge",
    "nonrecurring-cost-apply-estimated",
    "transportation-services-through-dts",
  ].map(note);

  it("example A with its notes is ready", () => {
    expect(problems(content(exampleALines(), { notes: exampleNotes }))).toEqual([]);
  });

  it("an empty LOA needs lines, a description and the admin note", () => {
    expect(problems(content([], { description: "  " }))).toEqual([
      "Add at least one line",
      "Write the case description",
      'Add the note "Administrative Surcharge": this LOA must carry it',
    ]);
  });

  it("a missing note is named by its library title (or its key when the title is unknown)", () => {
    const withoutAccessorial = exampleNotes.filter((n) => n.key !== "accessorial-charges" && n.key !== "transportation-services-through-dts");
    expect(problems(content(exampleALines(), { notes: withoutAccessorial }))).toEqual([
      'Add the note "Accessorial Charges": this LOA must carry it',
      'Add the note "transportation-services-through-dts": this LOA must carry it',
    ]);
  });

  it("line issues and a broken breakout are listed in plain words", () => {
    const loa = content([line("001", { typeOfAssistance: "7", sourceOfSupply: "P" })], {
      notes: exampleNotes,
      termsOfSale: [
        { term: "FMS_CREDIT", amount: null },
        { term: "CASH_PRIOR_TO_DELIVERY", amount: null },
      ],
    });
    expect(problems(loa)).toEqual([
      "Line 001: type of assistance 7 needs the term of sale Dependable Undertaking",
      'Give the dollar amount under FMS Credit; only the last term may be "Balance"',
    ]);
  });

  it("a CLSSA case must say which part it is", () => {
    const loa = content([blanketLine("001", "5000000.00")], { notes: exampleNotes });
    expect(problems(loa, { caseType: "CLSSA", clssaPart: null })).toEqual(["Say whether this CLSSA case is FMSO I or FMSO II"]);
  });
});

describe("document names (fms-domain.md §5.1)", () => {
  it.each([
    ["AMENDMENT", 2, "BN-B-ZAA A02"],
    ["MODIFICATION", 3, "BN-B-ZAA M03"],
    ["AMENDMENT", 12, "BN-B-ZAA A12"],
  ] as const)("%s %d is %s", (type, number, name) => {
    expect(documentDisplayName("BN-B-ZAA", type, number)).toBe(name);
  });

  it("the basic LOA carries the case identifier without an amendment or modification number", () => {
    expect(documentDisplayName("BN-B-ZAA", "BASIC", 0)).toMatch(/^BN-B-ZAA(?! [AM]\d)/);
  });
});
