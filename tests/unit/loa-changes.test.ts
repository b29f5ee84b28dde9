import { describe, expect, it } from "vitest";
import { classifyChanges, confirmableTypes, rateLockViolations } from "@/domain/loa/changes";
import type { LoaContent, LoaLine } from "@/domain/loa/content";
import { blanketLine, content, exampleALines, line } from "./loa-fixtures";

// Amendment, Modification or new LOA (fms-domain.md §7.1, §8): each difference from the document in force is
// administrative, price-only or scope, and the rate lock keeps locked lines from growing.

/** Example A as accepted: every line locked at 3.5%. */
const accepted = content(exampleALines().map((l) => ({ ...l, adminRate: "0.035", rateLockedOn: "2018-01-10" })));
const editLine = (base: LoaContent, number: string, changes: Partial<LoaLine>): LoaContent => ({
  ...base,
  lines: base.lines.map((l) => (l.lineNumber === number ? { ...l, ...changes } : l)),
});
const kinds = (base: LoaContent, draft: LoaContent) => classifyChanges(base, draft).changes.map((c) => [c.kind, c.lineNumber, c.field]);

describe("classifyChanges", () => {
  it("no difference: nothing to issue", () => {
    expect(classifyChanges(accepted, structuredClone(accepted))).toEqual({ changes: [], proposal: "NONE", reason: "Nothing differs from the document in force." });
  });

  it.each([
    ["line description", { description: "Tactical vehicle, up-armored" }, "description"],
    ["line note", { note: "Delivered in two lots" }, "note"],
    ["months of service", { monthsOfService: 24 }, "monthsOfService"],
    ["unit of issue", { unitOfIssue: "SE" }, "unitOfIssue"],
  ] as const)("a %s change is administrative → Modification", (_label, changes, field) => {
    const result = classifyChanges(accepted, editLine(accepted, "001", changes));
    expect(result.changes).toEqual([expect.objectContaining({ kind: "ADMINISTRATIVE", lineNumber: "001", field })]);
    expect(result.proposal).toBe("MODIFICATION");
    expect(result.reason).toMatch(/^Only administrative details change/);
  });

  it("case description, customer reference and LOA notes are administrative too", () => {
    const draft = { ...accepted, description: "Vehicles, spares and training", customerReference: "Based on LOR 117 and LOR 121", notes: [{ key: null, title: "Delivery", text: "In two lots", internal: false }] };
    expect(kinds(accepted, draft)).toEqual([
      ["ADMINISTRATIVE", null, "description"],
      ["ADMINISTRATIVE", null, "customerReference"],
      ["ADMINISTRATIVE", null, "notes"],
    ]);
    expect(classifyChanges(accepted, draft).proposal).toBe("MODIFICATION");
  });

  it("a unit cost change is price-only → Modification, and says before and after", () => {
    const result = classifyChanges(accepted, editLine(accepted, "001", { unitCost: "1100000.00" }));
    expect(result.changes).toEqual([
      { kind: "PRICE", lineNumber: "001", field: "unitCost", before: "1000000.00", after: "1100000.00", description: "Changes line 001's unit cost" },
    ]);
    expect(result.proposal).toBe("MODIFICATION");
    expect(result.reason).toMatch(/^Only prices, payments or descriptions change/);
  });

  it("a payment-schedule change is price-only", () => {
    expect(kinds(accepted, { ...accepted, paymentQuarters: 12 })).toEqual([["PRICE", null, "paymentSchedule"]]);
    expect(classifyChanges(accepted, { ...accepted, initialDepositPercent: "25" }).proposal).toBe("MODIFICATION");
  });

  it.each([
    ["more vehicles", { quantity: 14 }, "Increases line 001's quantity from 10 to 14"],
    ["fewer vehicles", { quantity: 8 }, "Reduces line 001's quantity from 10 to 8"],
  ])("%s is a scope change → Amendment", (_label, changes, description) => {
    const result = classifyChanges(accepted, editLine(accepted, "001", changes));
    expect(result.changes).toEqual([expect.objectContaining({ kind: "SCOPE", field: "quantity", description })]);
    expect(result.proposal).toBe("AMENDMENT");
    expect(result.reason).toBe(`${description}: a change of scope needs the purchaser's acceptance.`);
  });

  it("a different item (MASL) on a line is scope", () => {
    expect(kinds(accepted, editLine(accepted, "002", { maslNumber: "0000000SPARE2" }))).toEqual([["SCOPE", "002", "maslNumber"]]);
  });

  it("an added line and a removed line are scope", () => {
    const added = { ...accepted, lines: [...accepted.lines, line("004", { description: "Follow-on spares" })] };
    expect(classifyChanges(accepted, added)).toMatchObject({ proposal: "AMENDMENT", changes: [{ kind: "SCOPE", lineNumber: "004", description: "Adds line 004 (Follow-on spares)" }] });
    const removed = { ...accepted, lines: accepted.lines.filter((l) => l.lineNumber !== "003") };
    expect(classifyChanges(accepted, removed)).toMatchObject({ proposal: "AMENDMENT", changes: [{ kind: "SCOPE", lineNumber: "003", description: "Removes line 003" }] });
  });

  it("a terms-of-sale change is scope: the purchaser must accept it", () => {
    const draft = { ...accepted, termsOfSale: [{ term: "FMS_CREDIT" as const, amount: null }] };
    expect(classifyChanges(accepted, draft)).toMatchObject({
      proposal: "AMENDMENT",
      changes: [{ kind: "SCOPE", field: "termsOfSale", before: "CASH_PRIOR_TO_DELIVERY", after: "FMS_CREDIT" }],
    });
    const newAmount = { ...accepted, termsOfSale: [{ term: "FMS_CREDIT" as const, amount: "1000.00" }, { term: "CASH_PRIOR_TO_DELIVERY" as const, amount: null }] };
    expect(classifyChanges(accepted, newAmount).proposal).toBe("AMENDMENT");
  });

  it.each([
    ["a new MDE line", { mde: true }, "major defense"],
    ["a new SME line", { sme: true }, "significant military"],
  ])("%s needs a new LOA", (_label, flags, wording) => {
    const draft = { ...accepted, lines: [...accepted.lines, line("004", flags)] };
    const result = classifyChanges(accepted, draft);
    expect(result.changes).toEqual([expect.objectContaining({ kind: "NEW_LOA", lineNumber: "004" })]);
    expect(result.changes[0]!.description).toContain(wording);
    expect(result.proposal).toBe("NEW_LOA");
    expect(result.reason).toMatch(/new LOA \(SAMM C6\.7\)\.$/);
  });

  it("flagging an existing line MDE or SME needs a new LOA; clearing the flag is scope", () => {
    expect(classifyChanges(accepted, editLine(accepted, "002", { sme: true }))).toMatchObject({ proposal: "NEW_LOA", changes: [{ kind: "NEW_LOA", field: "sme" }] });
    expect(classifyChanges(accepted, editLine(accepted, "002", { mde: true }))).toMatchObject({ proposal: "NEW_LOA", changes: [{ kind: "NEW_LOA", field: "mde" }] });
    expect(classifyChanges(accepted, editLine(accepted, "001", { mde: false }))).toMatchObject({ proposal: "AMENDMENT", changes: [{ kind: "SCOPE", field: "mde" }] });
  });

  it("the strongest change decides: new LOA over scope over price over administrative", () => {
    let draft = editLine(accepted, "003", { description: "Operator and maintainer training" });
    expect(classifyChanges(accepted, draft).proposal).toBe("MODIFICATION");
    draft = editLine(draft, "002", { unitCost: "2100000.00" });
    expect(classifyChanges(accepted, draft).proposal).toBe("MODIFICATION");
    draft = editLine(draft, "001", { quantity: 12 });
    expect(classifyChanges(accepted, draft).proposal).toBe("AMENDMENT");
    draft = { ...draft, lines: [...draft.lines, line("004", { mde: true })] };
    expect(classifyChanges(accepted, draft).proposal).toBe("NEW_LOA");
    expect(classifyChanges(accepted, draft).changes).toHaveLength(4);
  });

  it("a blanket value increase is scope unless marked as a price change on the same items", () => {
    const base = content([blanketLine("002", "2000000.00", { adminRate: "0.035" })]);
    expect(kinds(base, editLine(base, "002", { value: "2600000.00" }))).toEqual([["SCOPE", "002", "value"]]);
    expect(kinds(base, editLine(base, "002", { value: "2600000.00", priceOnlyIncrease: true }))).toEqual([["PRICE", "002", "value"]]);
    // The flag speaks only of value: more quantity on a defined line is more scope whatever it says.
    expect(kinds(accepted, editLine(accepted, "001", { quantity: 12, priceOnlyIncrease: true }))).toEqual([["SCOPE", "001", "quantity"]]);
    // Marking a decrease "price only" does not make it one: less value is less scope.
    expect(kinds(base, editLine(base, "002", { value: "1500000.00", priceOnlyIncrease: true }))).toEqual([["SCOPE", "002", "value"]]);
  });
});

describe("confirmableTypes: a person may confirm the proposal or something stronger, never weaker", () => {
  it.each([
    ["NONE", []],
    ["MODIFICATION", ["MODIFICATION", "AMENDMENT"]],
    ["AMENDMENT", ["AMENDMENT"]],
    ["NEW_LOA", ["AMENDMENT"]],
  ] as const)("%s → %j", (proposal, types) => {
    expect(confirmableTypes(proposal)).toEqual(types);
  });
});

describe("rateLockViolations (DSCA 13-60, 18-48, 24-08)", () => {
  it("more quantity on a locked line is refused: keep the locked rate and add a new line", () => {
    const violations = rateLockViolations(accepted, editLine(accepted, "001", { quantity: 14 }), "0.038");
    expect(violations).toEqual([
      {
        lineNumber: "001",
        field: "quantity",
        message:
          "Line 001 was accepted at 3.5% and keeps that rate; more scope must go on a new line at the current rate (3.8%). Keep the quantity at 10 and add a line for the extra 4.",
      },
    ]);
  });

  it("the extra quantity on a new line at the current rate passes", () => {
    const draft = { ...accepted, lines: [...accepted.lines, { ...exampleALines()[0]!, lineNumber: "004", quantity: 4 }] };
    expect(rateLockViolations(accepted, draft, "0.038")).toEqual([]);
  });

  it("more value on a locked blanket line is refused unless it is a price-only increase", () => {
    const base = content([blanketLine("002", "2000000.00", { adminRate: "0.035" })]);
    const [violation] = rateLockViolations(base, editLine(base, "002", { value: "2500000.00" }), "0.032");
    expect(violation).toMatchObject({ lineNumber: "002", field: "value" });
    expect(violation!.message).toContain("accepted at 3.5%");
    expect(violation!.message).toContain("new line");
    expect(rateLockViolations(base, editLine(base, "002", { value: "2500000.00", priceOnlyIncrease: true }), "0.032")).toEqual([]);
  });

  it("price-only does not excuse more quantity on a defined line", () => {
    expect(rateLockViolations(accepted, editLine(accepted, "001", { quantity: 11, priceOnlyIncrease: true }), "0.038")).toHaveLength(1);
  });

  it("lines without a locked rate may grow freely", () => {
    const unlocked = content(exampleALines());
    expect(rateLockViolations(unlocked, editLine(unlocked, "001", { quantity: 20 }), "0.038")).toEqual([]);
  });

  it("reductions and price changes on a locked line are fine", () => {
    expect(rateLockViolations(accepted, editLine(accepted, "001", { quantity: 6, unitCost: "1200000.00" }), "0.032")).toEqual([]);
  });

  describe("moving an item to a new line to get a lower rate", () => {
    const spares = (lineNumber: string, value: string, adminRate: string | null) =>
      blanketLine(lineNumber, value, { genericCode: "R7A", maslNumber: "0000000SPARES", adminRate });
    const base = content([spares("001", "2000000.00", "0.035")]);

    it("reducing the locked line and re-adding the same MASL on a new line at a lower current rate is refused", () => {
      const draft = content([spares("001", "500000.00", "0.035"), spares("002", "1500000.00", null)]);
      expect(rateLockViolations(base, draft, "0.032")).toEqual([
        {
          lineNumber: "002",
          field: "lineNumber",
          message: "Line 002 re-adds R7A 0000000SPARES, which line 001 reduces: moving the same item to a new line to get a lower rate is not allowed",
        },
      ]);
    });

    it("removing the locked line and re-adding the same MASL on a new line at a lower current rate is refused too", () => {
      const draft = content([spares("002", "2000000.00", null)]);
      const violations = rateLockViolations(base, draft, "0.032");
      expect(violations).toEqual([expect.objectContaining({ lineNumber: "002", field: "lineNumber" })]);
      expect(violations[0]!.message).toContain("which line 001 removes");
    });

    it("judges the line actually reduced: one already at the current rate gains nothing by moving", () => {
      // 001 stays at 3.5% untouched; 002 (same item, locked at today's 3.2%) is cut and its item re-added on 003.
      const twoLocks = content([spares("001", "2000000.00", "0.035"), spares("002", "800000.00", "0.032")]);
      const draft = content([spares("001", "2000000.00", "0.035"), spares("002", "300000.00", "0.032"), spares("003", "500000.00", null)]);
      expect(rateLockViolations(twoLocks, draft, "0.032")).toEqual([]);
    });

    it("a different MASL on the new line is a genuine new item", () => {
      const draft = content([spares("001", "500000.00", "0.035"), blanketLine("002", "1500000.00")]);
      expect(rateLockViolations(base, draft, "0.032")).toEqual([]);
    });

    it("when the current rate is higher, moving the item gains nothing and is not refused", () => {
      const draft = content([spares("001", "500000.00", "0.035"), spares("002", "1500000.00", null)]);
      expect(rateLockViolations(base, draft, "0.038")).toEqual([]);
    });

    it("adding the same MASL without reducing the locked line is ordinary new scope", () => {
      const draft = content([spares("001", "2000000.00", "0.035"), spares("002", "500000.00", null)]);
      expect(rateLockViolations(base, draft, "0.032")).toEqual([]);
    });
  });
});
