import { describe, expect, it } from "vitest";
import {
  CHECKLIST,
  CHECKLIST_KEYS,
  MANDATORY_CRITERIA_COUNT,
  MIN_CONFIGURATION_LENGTH,
  checklistLabel,
  evaluateChecklist,
  type ChecklistInput,
  type ChecklistResult,
} from "@/domain/lor/checklist";
import { LorContentInput } from "@/domain/schemas/lor";
import { completeLorContent } from "../factories/lor";

const TODAY = "2026-06-15";

/** The factory letter, parsed as the server would, with a preferred agency and a signed letter: every criterion met. */
function complete(overrides: Partial<ChecklistInput> = {}): ChecklistInput {
  const parsed = LorContentInput.parse(completeLorContent({ preferredAgencyCode: "P", requestedDeliveryBy: "2030-01-15" }));
  return { ...parsed, attachmentKinds: ["SIGNED_LETTER"], ...overrides };
}

const missingKeys = (result: ChecklistResult) => result.missing.map((c) => c.key);
const criterion = (result: ChecklistResult, key: string) => {
  const found = result.criteria.find((c) => c.key === key);
  if (!found) throw new Error(`no criterion ${key}`);
  return found;
};

// Written out independently of CHECKLIST: the 13 mandatory and 5 recommended criteria.
const MANDATORY = [
  "reference",
  "originator",
  "requestType",
  "caseReference",
  "loaType",
  "items",
  "configuration",
  "financing",
  "delivery",
  "thirdParty",
  "soleSource",
  "pointOfContact",
  "signatory",
];
const RECOMMENDED = ["preferredAgency", "training", "logistics", "transportation", "signedLetter"];

describe("the checklist", () => {
  it("has 13 mandatory and 5 recommended criteria", () => {
    expect(MANDATORY_CRITERIA_COUNT).toBe(13);
    expect(CHECKLIST.filter((c) => c.mandatory).map((c) => c.key)).toEqual(MANDATORY);
    expect(CHECKLIST.filter((c) => !c.mandatory).map((c) => c.key)).toEqual(RECOMMENDED);
    expect(new Set(CHECKLIST_KEYS).size).toBe(18);
  });

  it("every criterion has a label, and checklistLabel finds it", () => {
    for (const c of CHECKLIST) {
      expect(c.label.length).toBeGreaterThan(3);
      expect(checklistLabel(c.key)).toBe(c.label);
    }
    expect(checklistLabel("noSuchKey")).toBe("noSuchKey");
  });
});

describe("a complete letter", () => {
  it("scores 100 and is ready, with nothing missing", () => {
    const result = evaluateChecklist(complete(), TODAY);
    expect(result.score).toBe(100);
    expect(result.ready).toBe(true);
    expect(result.missing).toEqual([]);
    expect(result.criteria).toHaveLength(18);
    for (const c of result.criteria.filter((c) => c.applicable)) {
      expect(c.met, c.key).toBe(true);
      expect(c.problem, c.key).toBeNull();
    }
  });

  it("an LOA request does not need an existing case (not applicable, neither met nor missing)", () => {
    const c = criterion(evaluateChecklist(complete(), TODAY), "caseReference");
    expect(c).toMatchObject({ applicable: false, met: false, problem: null });
  });

  it("the factory letter as-is (no preferred agency, no signed letter) is ready but scores 88 = floor(15 × 100 / 17)", () => {
    const parsed = LorContentInput.parse(completeLorContent({ requestedDeliveryBy: "2030-01-15" }));
    const result = evaluateChecklist(parsed, TODAY);
    expect(result.ready).toBe(true);
    expect(result.score).toBe(88);
  });
});

describe("removing each mandatory field makes the letter not ready", () => {
  type Removal = { name: string; key: string; change: Partial<ChecklistInput>; alsoMissing?: string[]; problem: RegExp };
  const removals: Removal[] = [
    { name: "no reference number", key: "reference", change: { originatorReference: null }, problem: /reference number/ },
    { name: "blank subject", key: "reference", change: { subject: "   " }, problem: /subject/ },
    { name: "no originating office", key: "originator", change: { originatorName: null }, problem: /office/ },
    { name: "no office address", key: "originator", change: { originatorAddress: "" }, problem: /address/ },
    { name: "no request type", key: "requestType", change: { requestType: null }, problem: /P&A data, an LOA/ },
    {
      name: "an amendment without the case it amends",
      key: "caseReference",
      change: { requestType: "AMENDMENT", relatedCaseIdentifier: null },
      problem: /existing case/,
    },
    {
      name: "a modification without the case it modifies",
      key: "caseReference",
      change: { requestType: "MODIFICATION" },
      problem: /existing case/,
    },
    { name: "no LOA type", key: "loaType", change: { loaType: null }, problem: /defined line, blanket order or CLSSA/ },
    { name: "no items", key: "items", change: { items: [] }, alsoMissing: ["configuration"], problem: /at least one item/ },
    {
      name: "an item without quantity",
      key: "items",
      change: { items: [{ nomenclature: "Radar", description: "x".repeat(30), quantity: null, unitOfIssue: "EA" }] },
      problem: /item 1 needs quantity/i,
    },
    {
      name: "an item without nomenclature or unit",
      key: "items",
      change: { items: [{ nomenclature: " ", description: "x".repeat(30), quantity: 2, unitOfIssue: null }] },
      problem: /item 1 needs nomenclature, unit of issue/i,
    },
    {
      name: "an item whose description is too short",
      key: "configuration",
      change: { items: [{ nomenclature: "Radar", description: "Radar, standard", quantity: 2, unitOfIssue: "EA" }] },
      problem: /configuration of item 1 \(at least 20 characters\)/,
    },
    { name: "no financing", key: "financing", change: { financing: null }, problem: /national funds, FMF or both/ },
    { name: "no delivery date", key: "delivery", change: { requestedDeliveryBy: null }, problem: /date you need delivery/ },
    { name: "third party not stated", key: "thirdParty", change: { thirdPartyInvolvement: null }, problem: /anyone other than/ },
    { name: "sole source not stated", key: "soleSource", change: { soleSourceRequested: undefined }, problem: /specific contractor/ },
    { name: "no point of contact", key: "pointOfContact", change: { pointsOfContact: [] }, problem: /at least one point of contact/ },
    { name: "no signatory name", key: "signatory", change: { signatoryName: null }, problem: /official who signs/ },
    { name: "no signatory title", key: "signatory", change: { signatoryTitle: null }, problem: /title/ },
    { name: "no signatory authority", key: "signatory", change: { signatoryAuthority: null }, problem: /authority/ },
  ];

  it("the table covers all 13 mandatory criteria", () => {
    expect([...new Set(removals.map((r) => r.key))].sort()).toEqual([...MANDATORY].sort());
  });

  it.each(removals)("$name → not ready, $key missing", ({ key, change, alsoMissing = [], problem }) => {
    const result = evaluateChecklist(complete(change), TODAY);
    expect(result.ready).toBe(false);
    expect(missingKeys(result).sort()).toEqual([key, ...alsoMissing].sort());
    const missing = result.missing.find((c) => c.key === key)!;
    expect(missing.mandatory).toBe(true);
    expect(missing.met).toBe(false);
    expect(missing.problem).toMatch(problem);
    expect(missing.problem!.trim().length).toBeGreaterThan(10);
    expect(missing.label).toBe(checklistLabel(key));
    expect(result.score).toBeLessThan(100);
  });
});

describe("recommended criteria never block submission", () => {
  const removals: { key: string; change: Partial<ChecklistInput> }[] = [
    { key: "preferredAgency", change: { preferredAgencyCode: null } },
    { key: "training", change: { trainingNeeds: null } },
    { key: "logistics", change: { logisticsNeeds: "  " } },
    { key: "transportation", change: { transportationNeeds: undefined } },
    { key: "signedLetter", change: { attachmentKinds: ["SPECIFICATION", "OTHER"] } },
  ];

  it.each(removals)("without $key: still ready, score 94 = floor(16 × 100 / 17), criterion unmet with a hint", ({ key, change }) => {
    const result = evaluateChecklist(complete(change), TODAY);
    expect(result.ready).toBe(true);
    expect(result.missing).toEqual([]);
    expect(result.score).toBe(94);
    const c = criterion(result, key);
    expect(c).toMatchObject({ mandatory: false, applicable: true, met: false });
    expect(c.problem).toBeTruthy();
  });

  it("without any of them: still ready, score 70 = floor(12 × 100 / 17)", () => {
    const change = Object.assign({}, ...removals.map((r) => r.change)) as Partial<ChecklistInput>;
    const result = evaluateChecklist(complete(change), TODAY);
    expect(result.ready).toBe(true);
    expect(result.score).toBe(70);
  });
});

describe("existing case reference", () => {
  it.each(["AMENDMENT", "MODIFICATION"] as const)("%s with a case identifier is met and counts (score 100 of 18 criteria)", (requestType) => {
    const result = evaluateChecklist(complete({ requestType, relatedCaseIdentifier: "BN-B-ZAA" }), TODAY);
    expect(criterion(result, "caseReference")).toMatchObject({ applicable: true, met: true, problem: null });
    expect(result.score).toBe(100);
    expect(result.ready).toBe(true);
  });

  it.each(["LOA", "PRICE_AND_AVAILABILITY", null] as const)("does not apply to %s, even with an identifier given", (requestType) => {
    const result = evaluateChecklist(complete({ requestType, relatedCaseIdentifier: "BN-B-ZAA" }), TODAY);
    expect(criterion(result, "caseReference").applicable).toBe(false);
  });

  it("an amendment missing its case: 16 of 18 met counting the signed letter gap → floor(16 × 100 / 18) = 88", () => {
    const result = evaluateChecklist(complete({ requestType: "AMENDMENT", attachmentKinds: [] }), TODAY);
    expect(missingKeys(result)).toEqual(["caseReference"]);
    expect(result.score).toBe(88);
  });
});

describe("blanket orders", () => {
  const blanket = (overrides: Partial<ChecklistInput> = {}) =>
    complete({
      loaType: "BLANKET_ORDER",
      items: [],
      blanketValue: "5000000.00",
      blanketCategory: "Spare parts for F-16 aircraft",
      ...overrides,
    });

  it("need a value and a category instead of items, and skip configuration", () => {
    const result = evaluateChecklist(blanket(), TODAY);
    expect(result.ready).toBe(true);
    expect(result.score).toBe(100);
    expect(criterion(result, "items").met).toBe(true);
    expect(criterion(result, "configuration")).toMatchObject({ applicable: false, met: false, problem: null });
  });

  it("with 16 applicable criteria, one recommended gap scores floor(15 × 100 / 16) = 93", () => {
    expect(evaluateChecklist(blanket({ trainingNeeds: null }), TODAY).score).toBe(93);
  });

  it.each([
    ["no value", { blanketValue: null }, /dollar value/],
    ["no category", { blanketCategory: "" }, /category/],
  ] as const)("%s → items missing", (_name, change, problem) => {
    const result = evaluateChecklist(blanket(change), TODAY);
    expect(result.ready).toBe(false);
    expect(missingKeys(result)).toEqual(["items"]);
    expect(result.missing[0]!.problem).toMatch(problem);
  });

  it("listed items do not stand in for the blanket value", () => {
    const withItems = blanket({ blanketValue: null, items: complete().items });
    expect(missingKeys(evaluateChecklist(withItems, TODAY))).toEqual(["items"]);
  });

  it("a defined order does not accept a blanket value instead of items", () => {
    const result = evaluateChecklist(complete({ items: [], blanketValue: "100.00", blanketCategory: "Spares" }), TODAY);
    expect(missingKeys(result).sort()).toEqual(["configuration", "items"]);
  });
});

describe("conditional details", () => {
  it.each([
    ["MIXED without notes", { financing: "MIXED", financingNotes: null }, false],
    ["MIXED with blank notes", { financing: "MIXED", financingNotes: "  \n " }, false],
    ["MIXED with notes", { financing: "MIXED", financingNotes: "60% national funds, 40% FMF" }, true],
    ["FMF without notes", { financing: "FMF", financingNotes: null }, true],
    ["national funds", { financing: "NATIONAL_FUNDS" }, true],
  ] as const)("financing: %s → met %s", (_name, change, met) => {
    const result = evaluateChecklist(complete(change), TODAY);
    expect(criterion(result, "financing").met).toBe(met);
    expect(result.ready).toBe(met);
    if (!met) expect(criterion(result, "financing").problem).toMatch(/split/);
  });

  it.each([
    ["yes without details", { thirdPartyInvolvement: true, thirdPartyDetails: null }, false],
    ["yes with details", { thirdPartyInvolvement: true, thirdPartyDetails: "A contractor from another country installs it" }, true],
    ["no", { thirdPartyInvolvement: false, thirdPartyDetails: null }, true],
  ] as const)("third party: %s → met %s", (_name, change, met) => {
    const result = evaluateChecklist(complete(change), TODAY);
    expect(criterion(result, "thirdParty").met).toBe(met);
    if (!met) expect(criterion(result, "thirdParty").problem).toMatch(/third parties/);
  });

  it.each([
    ["yes with nothing else", { soleSourceRequested: true }, [/contractor/, /Justify/]],
    ["yes with contractor only", { soleSourceRequested: true, soleSourceContractor: "Acme Radar" }, [/Justify/]],
    ["yes with justification only", { soleSourceRequested: true, soleSourceJustification: "Fleet commonality" }, [/contractor/]],
  ] as const)("sole source: %s → missing", (_name, change, problems) => {
    const result = evaluateChecklist(complete(change), TODAY);
    expect(missingKeys(result)).toEqual(["soleSource"]);
    for (const problem of problems) expect(criterion(result, "soleSource").problem).toMatch(problem);
  });

  it("sole source yes with contractor and justification is met", () => {
    const change = { soleSourceRequested: true, soleSourceContractor: "Acme Radar", soleSourceJustification: "Fleet commonality" };
    expect(evaluateChecklist(complete(change), TODAY).ready).toBe(true);
  });
});

describe("requested delivery date", () => {
  it.each([
    ["today", TODAY, false],
    ["yesterday", "2026-06-14", false],
    ["last year", "2025-12-31", false],
    ["tomorrow", "2026-06-16", true],
    ["in four years", "2030-01-15", true],
  ] as const)("%s (%s) → met %s", (_name, requestedDeliveryBy, met) => {
    const result = evaluateChecklist(complete({ requestedDeliveryBy }), TODAY);
    expect(criterion(result, "delivery").met).toBe(met);
    expect(result.ready).toBe(met);
    if (!met) expect(criterion(result, "delivery").problem).toMatch(/future/);
  });

  it("compares with the `today` passed in, not the clock", () => {
    const lor = complete({ requestedDeliveryBy: "2026-06-16" });
    expect(evaluateChecklist(lor, "2026-06-15").ready).toBe(true);
    expect(evaluateChecklist(lor, "2026-06-16").ready).toBe(false);
    expect(evaluateChecklist(lor, "2027-01-01").ready).toBe(false);
  });
});

describe("points of contact and items, row by row", () => {
  it.each([
    ["no email", [{ name: "Ana Ferreira", email: null }], /contact 1 needs a name and an email/i],
    ["no name", [{ name: "  ", email: "a@mod.example" }], /contact 1 needs a name and an email/i],
    ["second one incomplete", [{ name: "Ana", email: "a@mod.example" }, { name: "Ben", phone: "+1 555 0101" }], /contact 2/i],
  ] as const)("contact with %s → missing", (_name, pointsOfContact, problem) => {
    const result = evaluateChecklist(complete({ pointsOfContact }), TODAY);
    expect(missingKeys(result)).toEqual(["pointOfContact"]);
    expect(criterion(result, "pointOfContact").problem).toMatch(problem);
  });

  it("problems start with a capital letter", () => {
    const result = evaluateChecklist(complete({ pointsOfContact: [{ name: "Ana" }] }), TODAY);
    expect(criterion(result, "pointOfContact").problem).toBe("Contact 1 needs a name and an email");
  });

  it("a quantity of 0 counts as missing", () => {
    const items = [{ nomenclature: "Radar", description: "x".repeat(30), quantity: 0, unitOfIssue: "EA" as const }];
    expect(criterion(evaluateChecklist(complete({ items }), TODAY), "items").problem).toMatch(/item 1 needs quantity/i);
  });

  it("lists at most three item problems, then how many more", () => {
    const items = Array.from({ length: 5 }, () => ({ description: "x".repeat(30), quantity: 1, unitOfIssue: "EA" as const }));
    const problem = criterion(evaluateChecklist(complete({ items }), TODAY), "items").problem!;
    expect(problem).toMatch(/^Item 1 needs nomenclature; item 2 needs nomenclature; item 3 needs nomenclature; and 2 more$/);
  });

  it("names the second item when only it lacks detail", () => {
    const good = complete().items![0]!;
    const result = evaluateChecklist(complete({ items: [good, { ...good, description: "short" }] }), TODAY);
    expect(missingKeys(result)).toEqual(["configuration"]);
    expect(criterion(result, "configuration").problem).toMatch(/item 2/);
    expect(criterion(result, "configuration").problem).not.toMatch(/item 1/);
  });

  it(`configuration needs ${MIN_CONFIGURATION_LENGTH} characters after trimming`, () => {
    const good = complete().items![0]!;
    const withDescription = (description: string) =>
      criterion(evaluateChecklist(complete({ items: [{ ...good, description }] }), TODAY), "configuration").met;
    expect(MIN_CONFIGURATION_LENGTH).toBe(20);
    expect(withDescription("x".repeat(20))).toBe(true);
    expect(withDescription("x".repeat(19))).toBe(false);
    expect(withDescription(`   ${"x".repeat(19)}         `)).toBe(false);
  });
});

describe("scores", () => {
  it("the empty letter scores 0 and lists the 12 applicable mandatory criteria as missing", () => {
    const result = evaluateChecklist({}, TODAY);
    expect(result.score).toBe(0);
    expect(result.ready).toBe(false);
    expect(missingKeys(result)).toEqual(MANDATORY.filter((k) => k !== "caseReference"));
    for (const c of result.missing) expect(c.problem, c.key).toMatch(/\S{3,}/);
    expect(criterion(result, "caseReference").applicable).toBe(false);
  });

  it("an empty amendment lists all 13 mandatory criteria", () => {
    const result = evaluateChecklist({ requestType: "AMENDMENT" }, TODAY);
    expect(missingKeys(result)).toEqual(MANDATORY.filter((k) => k !== "requestType"));
    // 18 applicable, 1 met (request type) → floor(100 / 18) = 5
    expect(result.score).toBe(5);
  });

  it("hand-computed: subject and reference only → 1 of 17 met → floor(100 / 17) = 5", () => {
    expect(evaluateChecklist({ subject: "Radars", originatorReference: "MOD/1" }, TODAY).score).toBe(5);
  });

  it("hand-computed: 10 of 17 met → 58, 9 of 17 met → 52 (rounded down, never up)", () => {
    const lor: ChecklistInput = {
      subject: "Radars",
      originatorReference: "MOD/1",
      originatorName: "MoD",
      originatorAddress: "1 Road",
      requestType: "LOA",
      loaType: "DEFINED_ORDER",
      financing: "FMF",
      thirdPartyInvolvement: false,
      soleSourceRequested: false,
      trainingNeeds: "None",
      logisticsNeeds: "None",
      preferredAgencyCode: "B",
    };
    // met: reference, originator, requestType, loaType, financing, thirdParty, soleSource, training, logistics, preferredAgency = 10
    // 10 of 17 → floor(1000 / 17) = 58
    expect(evaluateChecklist(lor, TODAY).score).toBe(58);
    // drop one: 9 of 17 → floor(900 / 17) = 52
    expect(evaluateChecklist({ ...lor, preferredAgencyCode: null }, TODAY).score).toBe(52);
  });

  it("the score is always a whole percent between 0 and 100", () => {
    const variants: ChecklistInput[] = [{}, complete(), complete({ items: [] }), { requestType: "MODIFICATION" }, complete({ loaType: "BLANKET_ORDER" })];
    for (const lor of variants) {
      const { score } = evaluateChecklist(lor, TODAY);
      expect(Number.isInteger(score)).toBe(true);
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(100);
    }
  });
});

describe("a letter returned as insufficient, still unchanged", () => {
  const returned = { criteria: ["configuration", "training"], reasons: "Describe the radar configuration" };

  it("counts each rejected item as not met, with the validator's reasons, and scores accordingly", () => {
    const result = evaluateChecklist(complete(), TODAY, returned);
    // 17 applicable, 2 rejected: floor(15 × 100 / 17).
    expect(result.score).toBe(88);
    for (const key of returned.criteria) {
      expect(criterion(result, key)).toMatchObject({ met: false, problem: "The validator found this insufficient: Describe the radar configuration" });
    }
    // A rejected mandatory item blocks submission like any missing one; a rejected recommendation does not.
    expect(missingKeys(result)).toEqual(["configuration"]);
    expect(result.ready).toBe(false);
  });

  it("a rejected item that does not apply stays not applicable; without a return nothing is held against the letter", () => {
    const result = evaluateChecklist(complete(), TODAY, { criteria: ["caseReference"], reasons: "x" });
    expect(criterion(result, "caseReference")).toMatchObject({ applicable: false, met: false, problem: null });
    expect(result.score).toBe(100);
    expect(evaluateChecklist(complete(), TODAY, null).score).toBe(100);
  });
});
