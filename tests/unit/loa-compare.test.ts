import { describe, expect, it } from "vitest";
import {
  amountChange,
  compareVersions,
  describeComparison,
  formatFieldValue,
  listInWords,
  versionLabel,
  withoutInternals,
  type PricedVersion,
} from "@/domain/loa/compare";
import type { LoaContent, LoaLine } from "@/domain/loa/content";
import { notificationDetermination } from "@/domain/pricing/notification";
import { priceLoa } from "@/domain/pricing/price";
import type { RateRow } from "@/domain/pricing/rates";
import { EXAMPLE_A_DAY, content, day, exampleALines, flatRates, historyRates, line } from "./loa-fixtures";

// The version comparison (issue 18 item 7): two LOA versions, each priced on its own day, line by line — added,
// removed, changed and unchanged lines, each changed field with before and after, each line's price effect to the
// cent, and whether the case crosses or leaves a congressional-notification threshold.

/** A version priced as the server prices it (loa-store.ts priceContent): lines, summary and the notification test. */
function priced(c: LoaContent, { rates = flatRates(), on = EXAMPLE_A_DAY, natoPlus = false }: { rates?: RateRow[]; on?: Date; natoPlus?: boolean } = {}): PricedVersion {
  const p = priceLoa(c.lines, { rates, pricedOn: on });
  return { content: c, lines: p.lines, summary: p.summary, notification: notificationDetermination(c.lines, p, { natoPlus, rates, on }) };
}
const editLine = (base: LoaContent, number: string, changes: Partial<LoaLine>): LoaContent => ({
  ...base,
  lines: base.lines.map((l) => (l.lineNumber === number ? { ...l, ...changes } : l)),
});
const compare = (from: LoaContent, to: LoaContent, internals = true) => compareVersions(priced(from), priced(to), { internals });
const statuses = (from: LoaContent, to: LoaContent) => compare(from, to).lines.map((l) => [l.lineNumber, l.status]);
const names = { from: "the basic LOA", to: "Amendment 1" };

/** Stock items, not shipped: each line's loaded value is its total plus 3.8% administrative surcharge, nothing else. */
const plain = content([
  line("001", { quantity: 3, unitCost: "1234.57" }),
  line("002", { description: "Support equipment", quantity: 2, unitCost: "150000.00" }),
  line("003", { description: "Operator training", quantity: 1, unitOfIssue: "LO", unitCost: "180000.00" }),
]);

describe("compareVersions: lines", () => {
  it("identical versions: every line unchanged, nothing to issue, every difference zero", () => {
    const result = compare(plain, structuredClone(plain));
    expect(result.identical).toBe(true);
    expect(result.lines.map((l) => l.status)).toEqual(["UNCHANGED", "UNCHANGED", "UNCHANGED"]);
    expect(result.lines.every((l) => l.fields.length === 0 && l.lineChange === null && l.loadedValue.difference === "0.00")).toBe(true);
    expect(result.counts).toEqual({ ADDED: 0, REMOVED: 0, CHANGED: 0, UNCHANGED: 3 });
    expect(result.documentChanges).toEqual([]);
    expect(result.classification).toEqual({ proposal: "NONE", reason: "Nothing differs from the document in force." });
    expect(Object.values(result.costSummary).map((c) => c.difference)).toEqual(["0.00", "0.00", "0.00", "0.00", "0.00"]);
    expect(result.notification).toMatchObject({ effect: "NOT_REQUIRED", requiredBefore: false, requiredAfter: false });
  });

  it("an added line: no before, its whole price is the difference, and it is a scope change (Amendment)", () => {
    const to = { ...plain, lines: [...plain.lines, line("004", { description: "Additional spares", quantity: 2, unitCost: "25000.00" })] };
    const result = compare(plain, to);
    expect(statuses(plain, to)).toEqual([["001", "UNCHANGED"], ["002", "UNCHANGED"], ["003", "UNCHANGED"], ["004", "ADDED"]]);
    const added = result.lines[3]!;
    expect(added).toMatchObject({ before: null, after: expect.objectContaining({ description: "Additional spares" }), fields: [] });
    expect(added.lineChange).toMatchObject({ kind: "SCOPE", field: "line", description: "Adds line 004 (Additional spares)" });
    // 50,000.00 + 3.8% = 51,900.00
    expect(added.lineTotal).toEqual({ before: null, after: "50000.00", difference: "50000.00" });
    expect(added.loadedValue).toEqual({ before: null, after: "51900.00", difference: "51900.00" });
    expect(added.adminRate).toEqual({ before: null, after: "0.038" });
    expect(result.costSummary.totalEstimatedCost.difference).toBe("51900.00");
    expect(result.classification.proposal).toBe("AMENDMENT");
    expect(result.counts).toMatchObject({ ADDED: 1, UNCHANGED: 3 });
  });

  it("an added line with major defense equipment needs a new LOA", () => {
    const to = { ...plain, lines: [...plain.lines, line("004", { mde: true })] };
    const result = compare(plain, to);
    expect(result.lines[3]!.lineChange).toMatchObject({ kind: "NEW_LOA" });
    expect(result.lines[3]!.countsToward).toEqual(["TOTAL", "MDE"]);
    expect(result.classification.proposal).toBe("NEW_LOA");
  });

  it("a removed line: no after, and the case loses its whole price", () => {
    const to = { ...plain, lines: plain.lines.filter((l) => l.lineNumber !== "003") };
    const result = compare(plain, to);
    const removed = result.lines.find((l) => l.lineNumber === "003")!;
    expect(removed).toMatchObject({ status: "REMOVED", after: null, lineChange: expect.objectContaining({ kind: "SCOPE", description: "Removes line 003" }) });
    // 180,000.00 + 3.8% (6,840.00)
    expect(removed.lineTotal).toEqual({ before: "180000.00", after: null, difference: "-180000.00" });
    expect(removed.loadedValue).toEqual({ before: "186840.00", after: null, difference: "-186840.00" });
    expect(result.costSummary.totalEstimatedCost.difference).toBe("-186840.00");
    expect(result.classification.proposal).toBe("AMENDMENT");
  });

  it("a changed quantity: the field with before and after, and the price difference to the cent", () => {
    const result = compare(plain, editLine(plain, "001", { quantity: 4 }));
    const changed = result.lines[0]!;
    expect(changed.status).toBe("CHANGED");
    expect(changed.fields).toEqual([
      { field: "quantity", label: "quantity", kind: "SCOPE", before: "3", after: "4", description: "Increases line 001's quantity from 3 to 4" },
    ]);
    expect(changed.before?.quantity).toBe(3);
    expect(changed.after?.quantity).toBe(4);
    // 3 × 1,234.57 = 3,703.71 (+ 140.74 admin, 140.74098 rounded); 4 × 1,234.57 = 4,938.28 (+ 187.65 admin).
    expect(changed.lineTotal).toEqual({ before: "3703.71", after: "4938.28", difference: "1234.57" });
    expect(changed.loadedValue).toEqual({ before: "3844.45", after: "5125.93", difference: "1281.48" });
    expect(result.costSummary.administrativeSurcharge.difference).toBe("46.91");
    expect(result.costSummary.totalEstimatedCost.difference).toBe("1281.48");
    expect(result.lines.slice(1).map((l) => l.status)).toEqual(["UNCHANGED", "UNCHANGED"]);
    expect(result.classification.proposal).toBe("AMENDMENT");
  });

  it("several fields of one line: each with its own kind from the classifier, in the classifier's order", () => {
    const result = compare(plain, editLine(plain, "002", { unitCost: "160000.00", description: "Support equipment, updated", sourceOfSupply: "R" }));
    expect(result.lines[1]!.fields.map((f) => [f.field, f.label, f.kind, f.before, f.after])).toEqual([
      ["unitCost", "unit cost", "PRICE", "150000.00", "160000.00"],
      ["sourceOfSupply", "source of supply", "PRICE", "S", "R"],
      ["description", "description", "ADMINISTRATIVE", "Support equipment", "Support equipment, updated"],
    ]);
    expect(result.lines[1]!.lineTotal.difference).toBe("20000.00");
    expect(result.classification.proposal).toBe("MODIFICATION");
  });

  it("document-level changes are listed apart from the lines", () => {
    const result = compare(plain, { ...plain, paymentQuarters: 12, customerReference: "Based on LOR 117 and LOR 121" });
    expect(result.documentChanges.map((c) => [c.kind, c.field])).toEqual([
      ["PRICE", "paymentSchedule"],
      ["ADMINISTRATIVE", "customerReference"],
    ]);
    expect(result.lines.every((l) => l.status === "UNCHANGED")).toBe(true);
    expect(result.identical).toBe(false);
  });

  it("an unchanged line priced on another day shows the price effect of the rates alone", () => {
    // The same content at 3.5% (2017) and at 3.8% (2026): no field differs, the surcharge does.
    const result = compareVersions(priced(plain, { rates: historyRates(), on: day("2017-03-01") }), priced(plain, { rates: historyRates(), on: EXAMPLE_A_DAY }), { internals: true });
    expect(result.lines.map((l) => l.status)).toEqual(["UNCHANGED", "UNCHANGED", "UNCHANGED"]);
    expect(result.lines[2]!.adminRate).toEqual({ before: "0.035", after: "0.038" });
    // 180,000 × 0.3% = 540.00
    expect(result.lines[2]!.loadedValue.difference).toBe("540.00");
    expect(result.identical).toBe(false);
    expect(result.classification.proposal).toBe("NONE");
  });

  it("lines come in LOA order, sublines after their header, whichever version has them", () => {
    const from = content([line("002"), line("001")]);
    const to = content([line("001"), line("001a"), line("003")]);
    expect(statuses(from, to)).toEqual([["001", "UNCHANGED"], ["001a", "ADDED"], ["002", "REMOVED"], ["003", "ADDED"]]);
  });

  it("a subline counts toward the MDE test when its header is MDE; the header is marked", () => {
    const from = content([line("001", { mde: true }), line("001a"), line("001b")]);
    const to = editLine(from, "001b", { quantity: 2 });
    const result = compare(from, to);
    expect(result.lines.map((l) => [l.lineNumber, l.isHeader, l.countsToward])).toEqual([
      ["001", true, ["TOTAL", "MDE"]],
      ["001a", false, ["TOTAL", "MDE"]],
      ["001b", false, ["TOTAL", "MDE"]],
    ]);
    // The header's price is the sum of its sublines', so it moves with them.
    expect(result.lines[0]!.lineTotal.difference).toBe("1000.00");
    expect(result.costSummary.netEstimatedCost.difference).toBe("1000.00");
  });
});

describe("compareVersions: congressional notification", () => {
  // Worked example A (fms-domain.md §7.4): 10 MDE vehicles load to $11,294,300.00, under the $14M threshold; 14 load to
  // 14 × 1,060,000 = 14,840,000 + 2.75% transport 408,100 + 3.8% admin 563,920 = $15,812,020.00, over it.
  const ten = content(exampleALines(10));
  const fourteen = content(exampleALines(14));

  it("crossing a threshold: the later version needs notification, and says why", () => {
    const result = compare(ten, fourteen);
    expect(result.notification).toMatchObject({ effect: "CROSSES", requiredBefore: false, requiredAfter: true });
    expect(result.notification.reasons).toEqual(["Major defense equipment $15,812,020.00 is at or above the $14,000,000.00 threshold"]);
    expect(result.notification.tests.find((t) => t.basis === "MDE")).toEqual({
      basis: "MDE",
      label: "Major defense equipment",
      valueBefore: "11294300.00",
      valueAfter: "15812020.00",
      thresholdBefore: "14000000.00",
      thresholdAfter: "14000000.00",
      metBefore: false,
      metAfter: true,
      headroomAfter: "-1812020.00",
    });
    expect(result.lines[0]!.loadedValue).toEqual({ before: "11294300.00", after: "15812020.00", difference: "4517720.00" });
    expect(result.costSummary.totalEstimatedCost).toEqual({ before: "13984955.00", after: "18502675.00", difference: "4517720.00" });
  });

  it("leaving a threshold: the later version no longer needs notification", () => {
    const result = compare(fourteen, ten);
    expect(result.notification).toMatchObject({ effect: "LEAVES", requiredBefore: true, requiredAfter: false, reasons: [] });
    expect(result.costSummary.totalEstimatedCost.difference).toBe("-4517720.00");
  });

  it("still required, and never required", () => {
    expect(compare(fourteen, editLine(fourteen, "003", { unitCost: "600000.00" })).notification.effect).toBe("STILL_REQUIRED");
    expect(compare(ten, editLine(ten, "003", { unitCost: "600000.00" })).notification.effect).toBe("NOT_REQUIRED");
  });

  it("a NATO+ purchaser's higher threshold is not crossed by the same change", () => {
    const result = compareVersions(priced(ten, { natoPlus: true }), priced(fourteen, { natoPlus: true }), { internals: true });
    expect(result.notification.effect).toBe("NOT_REQUIRED");
    expect(result.notification.tests.find((t) => t.basis === "MDE")).toMatchObject({ thresholdAfter: "25000000.00", metAfter: false, headroomAfter: "9187980.00" });
  });
});

describe("compareVersions for a partner (internals: false)", () => {
  const withNotes: LoaContent = {
    ...plain,
    lines: plain.lines.map((l) => (l.lineNumber === "001" ? { ...l, internalNote: "Option year 2 price" } : l)),
    notes: [
      { key: null, title: "Pricing basis (internal)", text: "Not for release.", internal: true },
      { key: "administrative-surcharge", title: "Administrative Surcharge", text: "Applies.", internal: false },
    ],
  };
  const internalOnly: LoaContent = {
    ...withNotes,
    lines: withNotes.lines.map((l) => (l.lineNumber === "001" ? { ...l, internalNote: "Option year 3 price" } : l)),
    notes: [{ ...withNotes.notes[0]!, text: "Revised, still not for release." }, withNotes.notes[1]!],
  };

  it("U.S. Government staff see a change of internal notes", () => {
    const result = compare(withNotes, internalOnly, true);
    expect(result.lines[0]!.fields.map((f) => [f.field, f.before, f.after])).toEqual([["internalNote", "Option year 2 price", "Option year 3 price"]]);
    expect(result.documentChanges.map((c) => c.field)).toEqual(["notes"]);
  });

  it("the partner sees no trace of them: no field, no note change, no proposal, and no internal text anywhere", () => {
    const result = compare(withNotes, internalOnly, false);
    expect(result.lines.map((l) => l.status)).toEqual(["UNCHANGED", "UNCHANGED", "UNCHANGED"]);
    expect(result.documentChanges).toEqual([]);
    expect(result.classification.proposal).toBe("NONE");
    expect(result.identical).toBe(true);
    const text = JSON.stringify(result);
    expect(text).not.toContain("Option year");
    expect(text).not.toContain("not for release");
  });

  it("withoutInternals keeps everything the partner's LOA prints", () => {
    const stripped = withoutInternals(withNotes);
    expect(stripped.lines.map((l) => l.internalNote)).toEqual([null, null, null]);
    expect(stripped.notes.map((n) => n.title)).toEqual(["Administrative Surcharge"]);
    expect(stripped.lines.map((l) => l.unitCost)).toEqual(withNotes.lines.map((l) => l.unitCost));
  });
});

describe("describeComparison: the summary in plain language", () => {
  it("adds, changes, the case value and the notification effect, in that order", () => {
    const ten = content(exampleALines(10));
    const to = { ...ten, lines: [...editLine(editLine(ten, "001", { quantity: 14 }), "002", { quantity: 2 }).lines, line("004")] };
    const [what, value, notification] = describeComparison(compare(ten, to), names);
    expect(what).toBe("Compared with the basic LOA, Amendment 1 adds line 004 and changes the quantity of line 001 and the quantity of line 002.");
    // Line 001 +4,517,720.00 (above); line 002 doubles: 4,020,000 + PC&H 60,000 + transport 110,550 + admin 152,760 =
    // 4,343,310.00, up 2,171,655.00; line 004 is 1,000 + 38 admin. Together +6,690,413.00 on 13,984,955.00.
    expect(value).toBe("The case value rises by $6,690,413.00 to $20,675,368.00.");
    expect(notification).toBe("It now needs congressional notification: major defense equipment $15,812,020.00 is at or above the $14,000,000.00 threshold.");
  });

  it("a removal, several fields of a line and a document change", () => {
    const to = { ...editLine(plain, "002", { unitCost: "140000.00", unitOfIssue: "SE" }), description: "New words" };
    const result = compare(plain, { ...to, lines: to.lines.filter((l) => l.lineNumber !== "003") });
    expect(describeComparison(result, { from: "Amendment 1", to: "Modification 1" })).toEqual([
      "Compared with Amendment 1, Modification 1 removes line 003, changes the unit cost and unit of issue of line 002 and changes the case description.",
      "The case value falls by $207,600.00 to $294,484.45.",
      "Neither version needs congressional notification.",
    ]);
  });

  it("identical versions say so", () => {
    expect(describeComparison(compare(plain, plain), names)).toEqual([
      "Amendment 1 has the same lines, fields and notes as the basic LOA.",
      "The case value stays at $502,084.45.",
      "Neither version needs congressional notification.",
    ]);
  });

  it("the same content priced on another day explains the difference", () => {
    const result = compareVersions(priced(plain, { rates: historyRates(), on: day("2017-03-01") }), priced(plain, { rates: historyRates(), on: EXAMPLE_A_DAY }), { internals: true });
    expect(describeComparison(result, names)[1]).toMatch(/^The case value rises by \$1,451\.11 to \$502,084\.45 because the two are priced on different days\.$/);
  });

  it("leaving and staying above a threshold", () => {
    expect(describeComparison(compare(content(exampleALines(14)), content(exampleALines(10))), names)[2]).toBe(
      "It no longer needs congressional notification: no threshold is reached.",
    );
    expect(describeComparison(compare(content(exampleALines(14)), content(exampleALines(15))), names)[2]).toMatch(/^It still needs congressional notification: major defense equipment/);
  });
});

describe("helpers", () => {
  it("amountChange subtracts exactly, a missing side counting as zero", () => {
    expect(amountChange("0.10", "0.30")).toEqual({ before: "0.10", after: "0.30", difference: "0.20" });
    expect(amountChange("999999999999.99", "0.01").difference).toBe("-999999999999.98");
    expect(amountChange(null, "12.34").difference).toBe("12.34");
    expect(amountChange("12.34", null).difference).toBe("-12.34");
  });

  it.each([
    ["unitCost", "1234567.5", "$1,234,567.50"],
    ["value", "0.00", "$0.00"],
    ["ncPerUnit", null, "none"],
    ["procurementShare", "0.6", "60%"],
    ["mde", "true", "Yes"],
    ["ncWaived", "false", "No"],
    ["quantity", "14", "14"],
    ["sourceOfSupply", "P", "P"],
  ] as const)("formatFieldValue(%s, %s) is %s", (field, value, shown) => {
    expect(formatFieldValue(field, value)).toBe(shown);
  });

  it("versionLabel and listInWords", () => {
    expect([versionLabel("BASIC", 0), versionLabel("AMENDMENT", 1), versionLabel("MODIFICATION", 2), versionLabel(null, null)]).toEqual([
      "the basic LOA",
      "Amendment 1",
      "Modification 2",
      "the proposed change",
    ]);
    expect([listInWords([]), listInWords(["a"]), listInWords(["a", "b"]), listInWords(["a", "b", "c"])]).toEqual(["", "a", "a and b", "a, b and c"]);
  });
});
