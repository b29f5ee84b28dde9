import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { FINANCING_TYPES, LOA_TYPES, LOR_REQUEST_TYPES, LOR_STATUSES, UNITS_OF_ISSUE } from "@/domain/lor/codes";
import {
  AcknowledgeLorInput,
  DisapproveLorInput,
  LorContentInput,
  LorListQuery,
  MarkCompleteInput,
  MarkInsufficientInput,
  RespondPriceAndAvailabilityInput,
  UpdateLorInput,
  WithdrawLorInput,
} from "@/domain/schemas/lor";
import { fieldErrorsFrom, type FieldErrors } from "@/server/errors";
import { completeLorContent } from "../factories/lor";

// ---- helpers ----

/** The field errors for input that must be refused. */
function errorsOf(schema: z.ZodType, input: unknown): FieldErrors {
  const result = schema.safeParse(input);
  if (result.success) throw new Error(`expected refusal, got ${JSON.stringify(result.data).slice(0, 300)}`);
  return fieldErrorsFrom(result.error);
}

/** The parsed value for input that must be accepted. */
function dataOf<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new Error(`expected acceptance, got ${JSON.stringify(fieldErrorsFrom(result.error))}`);
  return result.data;
}

/**
 * Builds LorContentInput input with `value` at a dotted path: "subject", "items.0.quantity", "pointsOfContact.0.name".
 * A row also gets one other filled field, so a blank value does not make the whole row blank (and dropped).
 */
function inputAt(path: string, value: unknown): Record<string, unknown> {
  const [head, index, leaf] = path.split(".");
  if (leaf === undefined) return { [head!]: value };
  expect(index).toBe("0");
  const keeper: Record<string, unknown> =
    head === "items"
      ? leaf === "quantity" ? { nomenclature: "Radar" } : { quantity: 1 }
      : leaf === "email" ? { name: "Ana" } : { email: "ana@mod.example" };
  return { [head!]: [{ ...keeper, [leaf]: value }] };
}

/** Reads back the value at a dotted path from parsed output. */
function valueAt(data: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], data);
}

const parseAt = (path: string, value: unknown) => LorContentInput.safeParse(inputAt(path, value));
const acceptedAt = (path: string, value: unknown) => valueAt(dataOf(LorContentInput, inputAt(path, value)), path);
const errorAt = (path: string, value: unknown) => errorsOf(LorContentInput, inputAt(path, value))[path];

// Every free-text field of the letter, with its limit, written out independently of the schema.
type TextField = { path: string; max: number; kind: "line" | "paragraphs" };
const TEXT_FIELDS: TextField[] = [
  { path: "subject", max: 200, kind: "line" },
  { path: "originatorReference", max: 64, kind: "line" },
  { path: "originatorName", max: 200, kind: "line" },
  { path: "originatorAddress", max: 1000, kind: "paragraphs" },
  { path: "blanketCategory", max: 200, kind: "line" },
  { path: "financingNotes", max: 2000, kind: "paragraphs" },
  { path: "deliveryNotes", max: 2000, kind: "paragraphs" },
  { path: "thirdPartyDetails", max: 4000, kind: "paragraphs" },
  { path: "soleSourceContractor", max: 200, kind: "line" },
  { path: "soleSourceJustification", max: 8000, kind: "paragraphs" },
  { path: "trainingNeeds", max: 4000, kind: "paragraphs" },
  { path: "logisticsNeeds", max: 4000, kind: "paragraphs" },
  { path: "transportationNeeds", max: 4000, kind: "paragraphs" },
  { path: "signatoryName", max: 120, kind: "line" },
  { path: "signatoryTitle", max: 120, kind: "line" },
  { path: "signatoryAuthority", max: 1000, kind: "paragraphs" },
  { path: "items.0.nomenclature", max: 200, kind: "line" },
  { path: "items.0.description", max: 4000, kind: "paragraphs" },
  { path: "pointsOfContact.0.name", max: 120, kind: "line" },
  { path: "pointsOfContact.0.title", max: 120, kind: "line" },
];
const LINE_FIELDS = TEXT_FIELDS.filter((f) => f.kind === "line");
const PARAGRAPH_FIELDS = TEXT_FIELDS.filter((f) => f.kind === "paragraphs");

// ---- the whole letter ----

describe("LorContentInput: a whole letter", () => {
  it("accepts the complete factory letter and keeps its content", () => {
    const content = completeLorContent({ requestedDeliveryBy: "2030-01-15" });
    const data = dataOf(LorContentInput, content);
    expect(data.subject).toBe(content.subject);
    expect(data.originatorAddress).toBe("12 Harbour Road\nPort Castellan");
    expect(data.items).toHaveLength(1);
    expect(data.items?.[0]?.quantity).toBe(4);
    expect(data.items?.[0]?.estimatedValue).toBe("120000000.00");
    expect(data.pointsOfContact?.[0]?.email).toBe("a.ferreira@mod.example");
    expect(data.requestedDeliveryBy).toBe("2030-01-15");
  });

  it("accepts an empty draft: every content field is optional", () => {
    expect(dataOf(LorContentInput, {})).toEqual({});
  });

  it("leaves omitted fields out of the output (so an update does not clear them)", () => {
    const data = dataOf(LorContentInput, { subject: "Radars" });
    expect(Object.keys(data)).toEqual(["subject"]);
  });

  it.each([null, "a letter", 42, [], true])("refuses a body that is not an object: %j", (body) => {
    expect(LorContentInput.safeParse(body).success).toBe(false);
  });
});

// ---- text fields ----

describe("text field limits", () => {
  it.each(TEXT_FIELDS)("$path accepts exactly $max characters", ({ path, max }) => {
    const value = "x".repeat(max);
    expect(acceptedAt(path, value)).toBe(value);
  });

  it.each(TEXT_FIELDS)("$path refuses $max + 1 characters, saying the limit", ({ path, max }) => {
    expect(errorAt(path, "x".repeat(max + 1))).toMatch(new RegExp(`at most ${max} characters`));
  });

  it.each(TEXT_FIELDS)("$path refuses a 1 MB string without crashing", ({ path, max }) => {
    const huge = "A".repeat(1024 * 1024);
    expect(errorAt(path, huge)).toMatch(new RegExp(`at most ${max}`));
  });

  it.each(TEXT_FIELDS)("$path: a 1 MB string of only whitespace is a blank field (null)", ({ path }) => {
    expect(acceptedAt(path, " \t\n".repeat(350_000))).toBeNull();
  });

  it.each(TEXT_FIELDS)("$path refuses a number instead of text", ({ path }) => {
    expect(parseAt(path, 12345).success).toBe(false);
  });

  it("counts the limit on the normalized text (200 composed é from 400 code units fits a 200-character subject)", () => {
    const decomposed = "e\u0301".repeat(200);
    expect(decomposed.length).toBe(400);
    expect(acceptedAt("subject", decomposed)).toBe("\u00e9".repeat(200));
  });

  it("counts the limit after collapsing whitespace in single-line fields", () => {
    expect(acceptedAt("originatorReference", `MOD${" ".repeat(500)}117`)).toBe("MOD 117");
  });
});

describe("blank text means 'not filled in yet'", () => {
  const blanks = ["", "   ", "\t", "\n\n", " \r\n \t "];
  const cases = TEXT_FIELDS.flatMap(({ path }) => blanks.map((blank) => ({ path, blank })));
  it.each(cases)("$path: $blank → null", ({ path, blank }) => {
    expect(acceptedAt(path, blank)).toBeNull();
  });

  it.each(TEXT_FIELDS)("$path: null clears the field", ({ path }) => {
    expect(acceptedAt(path, null)).toBeNull();
  });
});

describe("single-line fields: trimmed, inner whitespace collapsed", () => {
  it.each(LINE_FIELDS)("$path", ({ path }) => {
    expect(acceptedAt(path, "  Counterfire   radars \n and\ttraining  ")).toBe("Counterfire radars and training");
  });

  it("a line break in a single-line field becomes one space", () => {
    expect(acceptedAt("subject", "Radars\r\nand training")).toBe("Radars and training");
  });
});

describe("paragraph fields: line breaks kept", () => {
  it.each(PARAGRAPH_FIELDS)("$path keeps line breaks, normalizes CRLF, trims trailing spaces and blank-line runs", ({ path }) => {
    const input = "  Line one   \r\nLine two\r\n\r\n\r\n\r\nLine three\rLine four\n\n";
    expect(acceptedAt(path, input)).toBe("Line one\nLine two\n\nLine three\nLine four");
  });

  it("keeps indentation and tabs inside a paragraph", () => {
    expect(acceptedAt("trainingNeeds", "Courses:\n  - operators\n\t- maintainers")).toBe("Courses:\n  - operators\n\t- maintainers");
  });
});

describe("Unicode normalization (NFC)", () => {
  it.each(TEXT_FIELDS)("$path: e + combining acute → é", ({ path }) => {
    const value = acceptedAt(path, "Minist\u0065\u0301re de la D\u0065\u0301fense");
    expect(value).toBe("Minist\u00e9re de la D\u00e9fense");
    expect((value as string).length).toBe(23);
  });
});

describe("hostile text", () => {
  const controls: [string, string][] = [
    ["NUL", "\u0000"],
    ["BEL", "\u0007"],
    ["backspace", "\u0008"],
    ["ANSI escape", "\u001b[31m"],
    ["unit separator", "\u001f"],
    ["DEL", "\u007f"],
    ["C1 NEL", "\u0085"],
    ["C1 CSI", "\u009b"],
  ];
  const controlCases = TEXT_FIELDS.flatMap(({ path }) => controls.map(([name, ch]) => ({ path, name, ch })));
  it.each(controlCases)("$path refuses $name", ({ path, ch }) => {
    expect(errorAt(path, `Radar${ch}s`)).toMatch(/not allowed/);
  });

  const bidi: [string, string][] = [
    ["RTL override U+202E", "\u202e"],
    ["LTR override U+202D", "\u202d"],
    ["RTL embedding U+202B", "\u202b"],
    ["LTR embedding U+202A", "\u202a"],
    ["pop directional U+202C", "\u202c"],
    ["LTR isolate U+2066", "\u2066"],
    ["RTL isolate U+2067", "\u2067"],
    ["first-strong isolate U+2068", "\u2068"],
    ["pop isolate U+2069", "\u2069"],
    ["LTR mark U+200E", "\u200e"],
    ["RTL mark U+200F", "\u200f"],
    ["Arabic letter mark U+061C", "\u061c"],
  ];
  const bidiCases = TEXT_FIELDS.flatMap(({ path }) => bidi.map(([name, ch]) => ({ path, name, ch })));
  it.each(bidiCases)("$path refuses $name", ({ path, ch }) => {
    expect(errorAt(path, `invoice${ch}fdp.exe`)).toMatch(/not allowed/);
  });

  const surrogates: [string, string][] = [
    ["lone high surrogate", "\ud800"],
    ["lone low surrogate", "\udfff"],
    ["reversed pair", "\udc00\ud83d"],
  ];
  const surrogateCases = TEXT_FIELDS.flatMap(({ path }) => surrogates.map(([name, s]) => ({ path, name, s })));
  it.each(surrogateCases)("$path refuses a $name", ({ path, s }) => {
    expect(errorAt(path, `abc${s}def`)).toMatch(/not allowed/);
  });

  // The app escapes on output; it does not mangle what the partner typed.
  const verbatim = [
    "=cmd|' /C calc'!A0",
    "+SUM(1)",
    "@x",
    "-2+3",
    "<script>alert(1)</script>",
    "'; DROP TABLE lors; --",
    "{{7*7}} ${7*7}",
  ];
  const verbatimCases = TEXT_FIELDS.flatMap(({ path }) => verbatim.map((text) => ({ path, text })));
  it.each(verbatimCases)("$path stores $text verbatim", ({ path, text }) => {
    expect(acceptedAt(path, text)).toBe(text);
  });

  const scripts = ["Радары контрбатарейной борьбы", "رادار مضاد للبطاريات", "对炮兵雷达", "Radars 🛰️📡 and 👩🏽‍✈️ pilots", "Ωmega Ελληνικά"];
  const scriptCases = TEXT_FIELDS.flatMap(({ path }) => scripts.map((text) => ({ path, text })));
  it.each(scriptCases)("$path accepts $text unchanged", ({ path, text }) => {
    expect(acceptedAt(path, text)).toBe(text);
  });
});

// ---- numbers, money, dates, choices ----

describe("item quantity", () => {
  const path = "items.0.quantity";
  const accepted: [unknown, number | null][] = [
    [1, 1],
    [4, 4],
    [1_000_000, 1_000_000],
    ["12", 12],
    [" 12 ", 12],
    ["1,000", 1000],
    ["1000000", 1_000_000],
    ["", null],
    ["   ", null],
    [null, null],
  ];
  it.each(accepted)("accepts %j as %j", (input, expected) => {
    expect(acceptedAt(path, input)).toBe(expected);
  });

  const refused: [unknown, RegExp][] = [
    [0, /at least 1/],
    ["0", /at least 1/],
    [-1, /at least 1/],
    ["-1", /at least 1/],
    [1.5, /whole number/],
    ["3.5", /whole number/],
    ["1e3", /whole number/],
    ["0x10", /whole number/],
    ["twelve", /whole number/],
    [1_000_001, /at most 1,000,000/],
    ["1000001", /at most 1,000,000/],
    [10_000_000_000, /at most 1,000,000/],
    [true, /whole number/],
    [false, /whole number/],
    [Number.POSITIVE_INFINITY, /whole number/],
    [Number.NaN, /whole number/],
    [[3], /whole number/],
    [{ value: 3 }, /whole number/],
  ];
  it.each(refused)("refuses %j (%s)", (input, message) => {
    expect(errorAt(path, input)).toMatch(message);
  });
});

describe("money", () => {
  const paths = ["items.0.estimatedValue", "blanketValue"];
  const accepted: [unknown, string | null][] = [
    ["1,250,000.50", "1250000.50"],
    ["$300", "300.00"],
    ["$1,250", "1250.00"],
    [0.1, "0.10"],
    [300, "300.00"],
    [1250000.5, "1250000.50"],
    ["0.01", "0.01"],
    ["  42.5 ", "42.50"],
    ["999999999999.99", "999999999999.99"],
    ["", null],
    ["   ", null],
    [null, null],
  ];
  const acceptedCases = paths.flatMap((path) => accepted.map(([input, expected]) => ({ path, input, expected })));
  it.each(acceptedCases)("$path accepts $input as $expected", ({ path, input, expected }) => {
    expect(acceptedAt(path, input)).toBe(expected);
  });

  const refused: [unknown, RegExp][] = [
    ["1.234", /amount in US dollars/],
    [1.234, /amount in US dollars/],
    [0.1 + 0.2, /amount in US dollars/],
    ["-5", /amount in US dollars/],
    [-5, /amount in US dollars/],
    ["$-5", /amount in US dollars/],
    ["0", /at least \$0\.01/],
    ["0.00", /at least \$0\.01/],
    [0, /at least \$0\.01/],
    ["1000000000000", /amount in US dollars|trillion/],
    ["1000000000000.00", /amount in US dollars|trillion/],
    [1e12, /amount in US dollars|trillion/],
    [1e21, /amount in US dollars|trillion/],
    ["1e3", /amount in US dollars/],
    ["abc", /amount in US dollars/],
    ["USD 300", /amount in US dollars/],
    [true, /amount in US dollars/],
    [Number.NaN, /amount in US dollars/],
    [Number.POSITIVE_INFINITY, /amount in US dollars/],
  ];
  const refusedCases = paths.flatMap((path) => refused.map(([input, message]) => ({ path, input, message })));
  it.each(refusedCases)("$path refuses $input", ({ path, input, message }) => {
    expect(errorAt(path, input)).toMatch(message);
  });

  // Regression: every comma used to be stripped, so "12,50" (a decimal comma) became $1,250.00.
  it("refuses a decimal comma such as 12,50 instead of reading it as 1250.00", () => {
    expect(parseAt("blanketValue", "12,50").success).toBe(false);
  });
});

describe("dates", () => {
  const paths = ["requestedDeliveryBy", "signedOn"];
  const accepted: [unknown, string | null][] = [
    ["2028-02-29", "2028-02-29"],
    ["2000-02-29", "2000-02-29"],
    ["1990-01-01", "1990-01-01"],
    ["2100-12-31", "2100-12-31"],
    [" 2027-07-04 ", "2027-07-04"],
    ["", null],
    [null, null],
  ];
  const acceptedCases = paths.flatMap((path) => accepted.map(([input, expected]) => ({ path, input, expected })));
  it.each(acceptedCases)("$path accepts $input", ({ path, input, expected }) => {
    expect(acceptedAt(path, input)).toBe(expected);
  });

  const refused: unknown[] = [
    "2026-02-30",
    "2027-02-29",
    "2100-02-29",
    "2026-04-31",
    "2026-13-01",
    "2026-00-10",
    "2026-01-00",
    "2026-1-5",
    "26-01-05",
    "1989-12-31",
    "2101-01-01",
    "15/06/2026",
    "2026/06/15",
    "2026-06-15T00:00:00Z",
    "２０２６-06-15",
    "tomorrow",
    20260615,
    true,
  ];
  const refusedCases = paths.flatMap((path) => refused.map((input) => ({ path, input })));
  it.each(refusedCases)("$path refuses $input", ({ path, input }) => {
    expect(errorAt(path, input)).toMatch(/YYYY-MM-DD/);
  });
});

describe("choices", () => {
  const enums: { path: string; values: readonly string[] }[] = [
    { path: "requestType", values: LOR_REQUEST_TYPES },
    { path: "loaType", values: LOA_TYPES },
    { path: "financing", values: FINANCING_TYPES },
    { path: "items.0.unitOfIssue", values: UNITS_OF_ISSUE },
  ];

  it("the vocabularies are the ones the domain defines", () => {
    expect([...LOR_REQUEST_TYPES]).toEqual(["PRICE_AND_AVAILABILITY", "LOA", "AMENDMENT", "MODIFICATION"]);
    expect([...LOA_TYPES]).toEqual(["DEFINED_ORDER", "BLANKET_ORDER", "CLSSA"]);
    expect([...FINANCING_TYPES]).toEqual(["NATIONAL_FUNDS", "FMF", "MIXED"]);
  });

  const valid = enums.flatMap(({ path, values }) => values.map((value) => ({ path, value })));
  it.each(valid)("$path accepts $value", ({ path, value }) => {
    expect(acceptedAt(path, value)).toBe(value);
  });

  const invalid = enums.flatMap(({ path, values }) =>
    [values[0]!.toLowerCase(), ` ${values[0]!}x`, "OTHER", 1, true].map((value) => ({ path, value })),
  );
  it.each(invalid)("$path refuses $value and lists the choices", ({ path, value }) => {
    expect(errorAt(path, value)).toMatch(/must be one of: /);
  });

  it.each(enums)("$path: blank → null", ({ path }) => {
    expect(acceptedAt(path, "")).toBeNull();
    expect(acceptedAt(path, "  ")).toBeNull();
  });

  const booleans = ["thirdPartyInvolvement", "soleSourceRequested"];
  it.each(booleans)("%s accepts true, false, null and blank", (path) => {
    expect(acceptedAt(path, true)).toBe(true);
    expect(acceptedAt(path, false)).toBe(false);
    expect(acceptedAt(path, null)).toBeNull();
    expect(acceptedAt(path, "")).toBeNull();
  });
  it.each(booleans.flatMap((path) => ["yes", 1, 0, "1"].map((value) => ({ path, value }))))(
    "$path refuses $value",
    ({ path, value }) => {
      expect(errorAt(path, value)).toMatch(/yes \(true\) or no \(false\)/);
    },
  );
});

describe("case and agency codes", () => {
  it.each([
    [" bn-b-zaa ", "BN-B-ZAA"],
    ["SR-P-AAB", "SR-P-AAB"],
    ["", null],
  ])("relatedCaseIdentifier %j → %j", (input, expected) => {
    expect(acceptedAt("relatedCaseIdentifier", input)).toBe(expected);
  });
  it.each(["BN-BZAA", "BNB-ZAA", "BN-B-ZA", "BN-B-ZAAA", "BN-1-ZAA", "BN-B-ZA;", "BN–B–ZAA"])(
    "relatedCaseIdentifier refuses %j",
    (input) => {
      expect(errorAt("relatedCaseIdentifier", input)).toMatch(/case identifier like BN-B-ZAA/);
    },
  );

  it.each([
    ["p", "P"],
    [" b ", "B"],
    ["ABCDEFGH", "ABCDEFGH"],
    ["", null],
  ])("preferredAgencyCode %j → %j", (input, expected) => {
    expect(acceptedAt("preferredAgencyCode", input)).toBe(expected);
  });
  it.each(["ABCDEFGHI", "P; DROP", "P-1", "Ä"])("preferredAgencyCode refuses %j", (input) => {
    expect(errorAt("preferredAgencyCode", input)).toMatch(/agency code/);
  });
});

describe("points of contact", () => {
  it("lower-cases and trims the email", () => {
    expect(acceptedAt("pointsOfContact.0.email", "  A.Ferreira@MOD.Example ")).toBe("a.ferreira@mod.example");
  });
  it.each(["not-an-email", "a b@x.gov", "a@", "@x.gov"])("refuses email %j", (email) => {
    expect(errorAt("pointsOfContact.0.email", email)).toMatch(/email address/);
  });
  it("refuses an email over 254 characters", () => {
    expect(errorAt("pointsOfContact.0.email", `${"a".repeat(250)}@x.gov`)).toMatch(/at most 254/);
  });
  it.each(["+1 555 0100", "(0)20 7946-0958", "+44.20.7946.0958"])("accepts phone %j", (phone) => {
    expect(acceptedAt("pointsOfContact.0.phone", phone)).toBe(phone);
  });
  it.each(["call me", "1234", "+1 555 0100 ext 5", "+".repeat(2) + "15550100", "5".repeat(41), "555\u202e0100"])(
    "refuses phone %j",
    (phone) => {
      expect(errorAt("pointsOfContact.0.phone", phone)).toMatch(/Phone may contain/);
    },
  );
});

// ---- lists ----

describe("lists of items and contacts", () => {
  const item = { nomenclature: "Radar", quantity: 1, unitOfIssue: "EA" };
  const contact = { name: "Col. Ana Ferreira", email: "a@mod.example" };

  it("accepts 200 items and refuses 201", () => {
    expect(dataOf(LorContentInput, { items: Array.from({ length: 200 }, () => item) }).items).toHaveLength(200);
    expect(errorsOf(LorContentInput, { items: Array.from({ length: 201 }, () => item) }).items).toMatch(/At most 200 items/);
  });

  it("accepts 10 points of contact and refuses 11", () => {
    expect(dataOf(LorContentInput, { pointsOfContact: Array.from({ length: 10 }, () => contact) }).pointsOfContact).toHaveLength(10);
    expect(errorsOf(LorContentInput, { pointsOfContact: Array.from({ length: 11 }, () => contact) }).pointsOfContact).toMatch(
      /At most 10 points of contact/,
    );
  });

  it("drops item rows that are entirely blank and keeps the others in order", () => {
    const blank = { nomenclature: "", description: " \n ", quantity: "", unitOfIssue: "", estimatedValue: "  " };
    const data = dataOf(LorContentInput, { items: [blank, { nomenclature: "First" }, {}, { estimatedValue: "5" }, blank] });
    expect(data.items).toEqual([{ nomenclature: "First" }, { estimatedValue: "5.00" }]);
  });

  it("drops blank contact rows", () => {
    const data = dataOf(LorContentInput, { pointsOfContact: [{ name: " ", title: "", email: "", phone: "" }, contact] });
    expect(data.pointsOfContact).toEqual([{ name: "Col. Ana Ferreira", email: "a@mod.example" }]);
  });

  it("a list of only blank rows becomes an empty list", () => {
    expect(dataOf(LorContentInput, { items: [{}, { nomenclature: "" }] }).items).toEqual([]);
  });

  it("names the failing row and field", () => {
    const errors = errorsOf(LorContentInput, { items: [item, { ...item, quantity: 0 }] });
    expect(Object.keys(errors)).toEqual(["items.1.quantity"]);
  });

  it.each([
    ["items", "a radar"],
    ["items", { nomenclature: "x" }],
    ["pointsOfContact", "a@b.c"],
  ])("refuses %s that is not a list", (path, value) => {
    expect(errorsOf(LorContentInput, { [path]: value })[path]).toMatch(/must be a list/);
  });
});

// ---- what a client may not set ----

describe("fields a client must not set", () => {
  const forbidden = [
    "status",
    "countryId",
    "country",
    "id",
    "version",
    "createdAt",
    "updatedAt",
    "submittedAt",
    "acknowledgedAt",
    "completedAt",
    "caseId",
    "routedAgencyId",
    "statusReason",
    "organizationId",
    "createdById",
    "checklist",
  ];

  it.each(forbidden)("LorContentInput refuses %s, naming it as unrecognized", (field) => {
    const result = LorContentInput.safeParse({ subject: "Radars", [field]: "x" });
    expect(result.success).toBe(false);
    const issue = result.error!.issues.find((i) => i.code === "unrecognized_keys");
    expect(issue).toBeDefined();
    expect(issue && "keys" in issue ? issue.keys : []).toContain(field);
    expect(fieldErrorsFrom(result.error!)[field]).toBe(`${field} cannot be set here`);
  });

  it.each(forbidden)("UpdateLorInput refuses %s", (field) => {
    expect(errorsOf(UpdateLorInput, { expectedVersion: 3, [field]: "x" })[field]).toBe(`${field} cannot be set here`);
  });

  it("LorContentInput refuses expectedVersion (only updates carry one)", () => {
    expect(errorsOf(LorContentInput, { expectedVersion: 1 }).expectedVersion).toMatch(/cannot be set/);
  });

  it("names every forbidden field at once", () => {
    const errors = errorsOf(LorContentInput, { status: "COMPLETE", countryId: "x", caseId: "y" });
    expect(Object.keys(errors).sort()).toEqual(["caseId", "countryId", "status"]);
  });

  it("refuses unknown fields inside an item and a contact, with their row", () => {
    const errors = errorsOf(LorContentInput, {
      items: [{ nomenclature: "Radar", unitPrice: "1.00" }],
      pointsOfContact: [{ name: "Ana", userId: "x" }],
    });
    expect(errors["items.0.unitPrice"]).toBe("unitPrice cannot be set here");
    expect(errors["pointsOfContact.0.userId"]).toBe("userId cannot be set here");
  });

  it("refuses a __proto__ key from JSON and does not pollute Object.prototype", () => {
    const body: unknown = JSON.parse('{"subject":"Radars","__proto__":{"status":"COMPLETE","polluted":true}}');
    const result = LorContentInput.safeParse(body);
    expect(result.success).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

// ---- the other LOR inputs ----

describe("UpdateLorInput", () => {
  it("requires expectedVersion and validates content like a new letter", () => {
    expect(dataOf(UpdateLorInput, { expectedVersion: 1, subject: "  New   subject " })).toEqual({
      expectedVersion: 1,
      subject: "New subject",
    });
    expect(errorsOf(UpdateLorInput, { subject: "x" }).expectedVersion).toMatch(/whole number/);
    expect(errorsOf(UpdateLorInput, { expectedVersion: 1, subject: "x".repeat(201) }).subject).toMatch(/at most 200/);
  });

  it.each([
    [0, /at least 1/],
    [-1, /at least 1/],
    [1.5, /whole number/],
    ["1", /whole number/],
    [2_147_483_648, /too large/],
    [null, /whole number/],
  ])("refuses expectedVersion %j", (expectedVersion, message) => {
    expect(errorsOf(UpdateLorInput, { expectedVersion }).expectedVersion).toMatch(message);
  });

  it("null clears a field, omitted leaves it out", () => {
    expect(dataOf(UpdateLorInput, { expectedVersion: 2, trainingNeeds: null })).toEqual({ expectedVersion: 2, trainingNeeds: null });
  });
});

describe("MarkInsufficientInput", () => {
  it("accepts reasons and checklist keys, normalizing the reasons", () => {
    expect(
      dataOf(MarkInsufficientInput, { expectedVersion: 4, criteria: ["items", "delivery"], reasons: "  Give a date.\r\nList items.  " }),
    ).toEqual({ expectedVersion: 4, criteria: ["items", "delivery"], reasons: "Give a date.\nList items." });
  });

  it.each([
    [undefined, /Reasons is required/],
    ["", /Reasons is required/],
    [" \n\t ", /Reasons is required/],
    ["x".repeat(4001), /at most 4000/],
    ["Fix \u0000 this", /not allowed/],
    ["Fix \u202e this", /not allowed/],
    ["Fix \ud800 this", /not allowed/],
    [42, /Reasons is required/],
  ])("refuses reasons %j", (reasons, message) => {
    expect(errorsOf(MarkInsufficientInput, { expectedVersion: 1, reasons }).reasons).toMatch(message);
  });

  it("accepts reasons of exactly 4000 characters", () => {
    expect(dataOf(MarkInsufficientInput, { expectedVersion: 1, reasons: "x".repeat(4000) }).reasons).toHaveLength(4000);
  });

  it.each([[["items; drop"]], [["items", ""]], [[1]], ["items"], [Array.from({ length: 31 }, () => "items")]])(
    "refuses criteria %j",
    (criteria) => {
      expect(MarkInsufficientInput.safeParse({ expectedVersion: 1, reasons: "Fix it", criteria }).success).toBe(false);
    },
  );

  it("refuses a status the client tries to set", () => {
    expect(errorsOf(MarkInsufficientInput, { expectedVersion: 1, reasons: "x", status: "DRAFT" }).status).toMatch(/cannot be set/);
  });
});

describe("DisapproveLorInput", () => {
  it("requires a reason", () => {
    expect(errorsOf(DisapproveLorInput, { expectedVersion: 1 }).reason).toMatch(/Reason is required/);
    expect(errorsOf(DisapproveLorInput, { expectedVersion: 1, reason: "   " }).reason).toMatch(/Reason is required/);
    expect(dataOf(DisapproveLorInput, { expectedVersion: 1, reason: " Not eligible. " }).reason).toBe("Not eligible.");
  });

  it.each([
    ["RTL override", "\u202e"],
    ["NUL", "\u0000"],
    ["pop isolate", "\u2069"],
  ])("refuses a reason containing %s", (_name, ch) => {
    expect(errorsOf(DisapproveLorInput, { expectedVersion: 1, reason: `Denied${ch}x` }).reason).toMatch(/not allowed/);
  });

  // Regression: reasons once allowed direction marks and C1 controls that every other text field refuses.
  it.each([
    ["RTL mark U+200F", "\u200f"],
    ["LTR mark U+200E", "\u200e"],
    ["Arabic letter mark U+061C", "\u061c"],
    ["C1 control CSI U+009B", "\u009b"],
  ])("refuses a reason containing %s, like every other text field", (_name, ch) => {
    expect(DisapproveLorInput.safeParse({ expectedVersion: 1, reason: `Denied${ch}x` }).success).toBe(false);
  });
});

describe("RespondPriceAndAvailabilityInput", () => {
  it("normalizes the estimate and the availability", () => {
    expect(
      dataOf(RespondPriceAndAvailabilityInput, {
        expectedVersion: 2,
        estimatedValue: "$48,500,000",
        availability: "  24 months\r\nafter LOA  ",
      }),
    ).toEqual({ expectedVersion: 2, estimatedValue: "48500000.00", availability: "24 months\nafter LOA" });
  });

  it.each([
    [{ availability: "24 months" }, "estimatedValue"],
    [{ estimatedValue: "", availability: "24 months" }, "estimatedValue"],
    [{ estimatedValue: "-1", availability: "24 months" }, "estimatedValue"],
    [{ estimatedValue: "1000000000000", availability: "24 months" }, "estimatedValue"],
    [{ estimatedValue: "100" }, "availability"],
    [{ estimatedValue: "100", availability: "  " }, "availability"],
    [{ estimatedValue: "100", availability: "x".repeat(2001) }, "availability"],
    [{ estimatedValue: "100", availability: "ok", price: "1" }, "price"],
  ])("refuses %j on %s", (body, field) => {
    expect(errorsOf(RespondPriceAndAvailabilityInput, { expectedVersion: 1, ...body })).toHaveProperty([field]);
  });
});

describe("WithdrawLorInput, AcknowledgeLorInput, MarkCompleteInput", () => {
  it("withdrawal reason is optional and blank means none", () => {
    expect(dataOf(WithdrawLorInput, { expectedVersion: 1 })).toEqual({ expectedVersion: 1 });
    expect(dataOf(WithdrawLorInput, { expectedVersion: 1, reason: " " })).toEqual({ expectedVersion: 1, reason: null });
    expect(errorsOf(WithdrawLorInput, { expectedVersion: 1, reason: "x".repeat(4001) }).reason).toMatch(/at most 4000/);
    expect(errorsOf(WithdrawLorInput, { expectedVersion: 1, reason: "a\u202eb" }).reason).toMatch(/not allowed/);
  });

  it("agency codes are upper-cased, blank means none", () => {
    expect(dataOf(AcknowledgeLorInput, { expectedVersion: 1, implementingAgencyCode: " b " }).implementingAgencyCode).toBe("B");
    expect(dataOf(AcknowledgeLorInput, { expectedVersion: 1, implementingAgencyCode: "" }).implementingAgencyCode).toBeNull();
    expect(dataOf(MarkCompleteInput, { expectedVersion: 1, implementingAgencyCode: "p" }).implementingAgencyCode).toBe("P");
    expect(errorsOf(MarkCompleteInput, { expectedVersion: 1, implementingAgencyCode: "P P" }).implementingAgencyCode).toMatch(
      /agency code/,
    );
  });

  it.each([WithdrawLorInput, AcknowledgeLorInput, MarkCompleteInput])("requires expectedVersion (%#)", (schema) => {
    expect(errorsOf(schema, {}).expectedVersion).toMatch(/whole number/);
  });

  it("MarkCompleteInput refuses a case identifier the client tries to choose", () => {
    expect(errorsOf(MarkCompleteInput, { expectedVersion: 1, caseIdentifier: "SR-B-AAA" }).caseIdentifier).toMatch(/cannot be set/);
  });
});

describe("LorListQuery", () => {
  it("defaults to page 1 of 25", () => {
    expect(dataOf(LorListQuery, {})).toEqual({ page: 1, pageSize: 25 });
  });

  it.each([...LOR_STATUSES, "OPEN", "WITH_USG"])("accepts status %s", (status) => {
    expect(dataOf(LorListQuery, { status }).status).toBe(status);
  });

  it.each([
    [{ status: "open" }, "status"],
    [{ status: "ALL" }, "status"],
    [{ requestType: "P&A" }, "requestType"],
    [{ agency: "all" }, "agency"],
    [{ overdue: "yes" }, "overdue"],
    [{ sort: "name" }, "sort"],
    [{ q: "x".repeat(101) }, "q"],
    [{ q: "radar\u202e" }, "q"],
    [{ q: "radar\u0000" }, "q"],
    [{ page: "0" }, "page"],
    [{ page: "1.5" }, "page"],
    [{ pageSize: "101" }, "pageSize"],
  ])("refuses %j", (query, field) => {
    expect(errorsOf(LorListQuery, query)).toHaveProperty([field]);
  });

  it("blank filters mean 'any', search text is trimmed", () => {
    expect(
      dataOf(LorListQuery, { status: "", requestType: "", agency: "", overdue: "", sort: "", q: "  counterfire radar  " }),
    ).toEqual({ page: 1, pageSize: 25, q: "counterfire radar" });
  });

  it("reads numbers from the query string", () => {
    expect(dataOf(LorListQuery, { page: "3", pageSize: "100", agency: "unrouted", overdue: "true", sort: "due" })).toEqual({
      page: 3,
      pageSize: 100,
      agency: "unrouted",
      overdue: "true",
      sort: "due",
    });
  });
});
