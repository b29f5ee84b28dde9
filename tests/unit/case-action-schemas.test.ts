import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { CASE_ACTION_INPUTS, CaseListQuery, TaskListQuery } from "@/domain/schemas/cases";
import { ACTOR_EVENTS, TIMED_EVENTS, type CaseEvent } from "@/domain/workflow/case-workflow";
import { transition } from "@/domain/workflow/engine";
import { AGENCY_ID, caseIn, context, dsca, partner } from "./case-fixtures";

/** What each action needs besides expectedVersion, written out independently of the schemas. */
const REQUIRED_FIELDS: Partial<Record<CaseEvent, Record<string, unknown>>> = {
  "assign-agency": { agencyId: AGENCY_ID },
  "set-notification-requirement": { required: true },
  accept: { signerName: "Col. A. Signer", signerTitle: "Director", signedOn: "2026-03-02", initialDeposit: "1250.50" },
  "record-deposit": { amount: "1250.50", receivedOn: "2026-03-02", wireReference: "FED-2026-0042" },
  "submit-closure": { closureType: "ACC" },
  "review-not-required": { office: "DTSA" },
};
/** Actions whose comment is always U.S. Government-only: they take no visibility. */
const INTERNAL_ONLY: readonly CaseEvent[] = ["review-not-required"];

const minimal = (event: CaseEvent) => ({ expectedVersion: 3, ...REQUIRED_FIELDS[event] });

function issues(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  expect(result.success, JSON.stringify(input)).toBe(false);
  return result.error!.issues;
}
const paths = (list: { path: PropertyKey[] }[]) => list.map((i) => i.path.join("."));

describe("case action inputs", () => {
  it("there is one schema per action people take, and none for the clock's events", () => {
    expect(Object.keys(CASE_ACTION_INPUTS).sort()).toEqual([...ACTOR_EVENTS].sort());
    for (const event of TIMED_EVENTS) expect(CASE_ACTION_INPUTS[event]).toBeUndefined();
  });

  it.each(ACTOR_EVENTS)("%s: the minimal input passes", (event) => {
    const result = CASE_ACTION_INPUTS[event].safeParse(minimal(event));
    expect(result.error?.issues ?? []).toEqual([]);
    expect(result.data).toMatchObject({ expectedVersion: 3 });
  });

  it.each(ACTOR_EVENTS)("%s: unknown fields are refused, by name", (event) => {
    const found = issues(CASE_ACTION_INPUTS[event], { ...minimal(event), status: "CLOSED", decidedById: "x" });
    const unknown = found.find((i) => i.code === "unrecognized_keys");
    expect(unknown).toBeDefined();
    expect(unknown!.message).toContain("status");
    expect(unknown!.message).toContain("decidedById");
  });

  it.each(ACTOR_EVENTS)("%s: fields of other actions are refused too", (event) => {
    const foreign = event === "accept" ? { agencyId: AGENCY_ID } : { signerName: "Someone" };
    const unknown = issues(CASE_ACTION_INPUTS[event], { ...minimal(event), ...foreign }).find((i) => i.code === "unrecognized_keys");
    expect(unknown?.message).toContain(Object.keys(foreign)[0]);
  });

  it.each(ACTOR_EVENTS)("%s: expectedVersion is required and a whole number ≥ 1", (event) => {
    const { expectedVersion: _omit, ...rest } = minimal(event);
    for (const bad of [rest, { ...rest, expectedVersion: 0 }, { ...rest, expectedVersion: 1.5 }, { ...rest, expectedVersion: "3" }, { ...rest, expectedVersion: null }]) {
      expect(paths(issues(CASE_ACTION_INPUTS[event], bad))).toContain("expectedVersion");
    }
  });

  it.each(ACTOR_EVENTS.filter((e) => !INTERNAL_ONLY.includes(e)))("%s: takes an optional comment and its visibility", (event) => {
    const parsed = CASE_ACTION_INPUTS[event].parse({ ...minimal(event), comment: "  Reason\r\n\r\n\r\nsecond  ", commentVisibility: "PARTNER_VISIBLE" });
    expect(parsed).toMatchObject({ comment: "Reason\n\nsecond", commentVisibility: "PARTNER_VISIBLE" });
    expect(paths(issues(CASE_ACTION_INPUTS[event], { ...minimal(event), commentVisibility: "EVERYONE" }))).toEqual(["commentVisibility"]);
    expect(paths(issues(CASE_ACTION_INPUTS[event], { ...minimal(event), comment: "x".repeat(4001) }))).toEqual(["comment"]);
  });

  it("a blank comment is no comment, so an action that needs one is refused naming the comment", () => {
    const parsed = CASE_ACTION_INPUTS["return-for-rework"].parse({ expectedVersion: 1, comment: "  \n  " });
    expect(parsed.comment ?? null).toBeNull();
    const result = transition(caseIn("IN_REVIEW"), "return-for-rework", dsca(), parsed, context());
    expect(result).toMatchObject({ ok: false, kind: "invalid-input", field: "comment" });
  });
});

describe("accept", () => {
  const schema = CASE_ACTION_INPUTS.accept;
  const base = minimal("accept");

  it.each(["signerName", "signerTitle", "signedOn", "initialDeposit"])("requires %s", (field) => {
    const { [field]: _omit, ...rest } = base as Record<string, unknown>;
    expect(paths(issues(schema, rest))).toEqual([field]);
    expect(paths(issues(schema, { ...rest, [field]: "" }))).toEqual([field]);
  });

  it.each(["2026-02-30", "2026-13-01", "02/03/2026", "2026-3-2", "1989-12-31", "tomorrow"])("refuses signedOn %s (not a real YYYY-MM-DD date)", (signedOn) => {
    expect(paths(issues(schema, { ...base, signedOn }))).toEqual(["signedOn"]);
  });

  it("keeps a real date, trimmed", () => {
    expect(schema.parse({ ...base, signedOn: " 2024-02-29 " }).signedOn).toBe("2024-02-29");
  });

  it.each([
    ["1250.50", "1250.50"],
    ["1,250.50", "1250.50"],
    ["$1,250,000", "1250000.00"],
    ["0", "0.00"],
    [1250.5, "1250.50"],
  ] as const)("reads the deposit %s as the exact decimal %s", (initialDeposit, expected) => {
    expect(schema.parse({ ...base, initialDeposit }).initialDeposit).toBe(expected);
  });

  it.each(["12,50", "1,25", "1.234", "-5", "abc", "1e6", ""])("refuses the deposit %s", (initialDeposit) => {
    expect(paths(issues(schema, { ...base, initialDeposit }))).toEqual(["initialDeposit"]);
  });

  it("says a decimal comma is not a thousands separator", () => {
    expect(issues(schema, { ...base, initialDeposit: "12,50" })[0]!.message).toMatch(/dot for cents/i);
  });

  it("normalizes the signer's name and refuses control characters", () => {
    expect(schema.parse({ ...base, signerName: "  Col.   A.  Signer " }).signerName).toBe("Col. A. Signer");
    expect(paths(issues(schema, { ...base, signerName: "Col.\u202eA" }))).toEqual(["signerName"]);
  });

  it("a parsed acceptance is accepted by the workflow as is", () => {
    const parsed = schema.parse({ ...base, signedOn: "2026-03-02" });
    const result = transition(caseIn("OFFERED"), "accept", partner(), parsed, context());
    expect(result.ok && result.next.acceptance).toEqual({ signerName: "Col. A. Signer", signerTitle: "Director", signedOn: "2026-03-02", initialDeposit: "1250.50" });
  });
});

describe("set-notification-requirement", () => {
  const schema = CASE_ACTION_INPUTS["set-notification-requirement"];

  it.each([
    [true, true],
    [false, false],
    ["true", true],
    ["false", false],
  ] as const)("reads %j as %s", (required, expected) => {
    expect(schema.parse({ expectedVersion: 1, required }).required).toBe(expected);
  });

  it.each([undefined, null, "yes", "1", 1, "TRUE", ""])("refuses %j", (required) => {
    expect(paths(issues(schema, { expectedVersion: 1, required }))).toEqual(["required"]);
  });
});

describe("assign-agency and record-deposit", () => {
  it("assign-agency needs an agency id", () => {
    const schema = CASE_ACTION_INPUTS["assign-agency"];
    expect(paths(issues(schema, { expectedVersion: 1 }))).toEqual(["agencyId"]);
    expect(issues(schema, { expectedVersion: 1, agencyId: "" })[0]!.message).toMatch(/choose/i);
    expect(paths(issues(schema, { expectedVersion: 1, agencyId: "navy" }))).toEqual(["agencyId"]);
  });

  it("record-deposit needs a positive amount, a real date and the wire reference", () => {
    const schema = CASE_ACTION_INPUTS["record-deposit"];
    expect(paths(issues(schema, { expectedVersion: 1 })).sort()).toEqual(["amount", "receivedOn", "wireReference"]);
    expect(paths(issues(schema, { ...minimal("record-deposit"), wireReference: "  " }))).toEqual(["wireReference"]);
    expect(paths(issues(schema, { ...minimal("record-deposit"), amount: "10.005" }))).toEqual(["amount"]);
    expect(paths(issues(schema, { ...minimal("record-deposit"), amount: "-5" }))).toEqual(["amount"]);
    expect(paths(issues(schema, { ...minimal("record-deposit"), amount: "0" }))).toEqual(["amount"]);
    expect(paths(issues(schema, { ...minimal("record-deposit"), receivedOn: "2026-02-29" }))).toEqual(["receivedOn"]);
    expect(schema.parse({ ...minimal("record-deposit"), amount: "1,000" }).amount).toBe("1000.00");
  });
});

describe("case list query", () => {
  it("reads filters from a query string, blanks as not given", () => {
    expect(CaseListQuery.parse({ status: "IN_REVIEW", agency: "P", country: "SR", overdue: "true", q: " radar ", page: "2" })).toMatchObject({
      status: "IN_REVIEW",
      agency: "P",
      country: "SR",
      overdue: true,
      q: "radar",
      page: 2,
      pageSize: 25,
    });
    expect(CaseListQuery.parse({ status: "", agency: "", country: "", overdue: "", q: "" })).toEqual({ page: 1, pageSize: 25 });
    expect(CaseListQuery.parse({ overdue: "false" }).overdue).toBe(false);
    expect(TaskListQuery.parse({ overdue: "on" }).overdue).toBe(true);
  });

  it.each([
    [{ status: "DONE" }, "status"],
    [{ agency: "navy" }, "agency"],
    [{ country: "SAU" }, "country"],
    [{ overdue: "maybe" }, "overdue"],
    [{ pageSize: "500" }, "pageSize"],
  ])("refuses %j", (query, field) => {
    expect(paths(issues(CaseListQuery, query))).toEqual([field]);
  });
});
