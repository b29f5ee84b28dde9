import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { AuditQuery } from "@/domain/schemas/audit";
import { SignInInput } from "@/domain/schemas/auth";
import { ConfirmOrganizationInput, OrganizationListQuery } from "@/domain/schemas/organizations";
import { CreateApiTokenInput } from "@/domain/schemas/tokens";
import { CreateUserInput, UpdateUserInput, UserListQuery } from "@/domain/schemas/users";
import { fieldErrorsFrom, type FieldErrors } from "@/server/errors";

const ORG_ID = "0b0d2c3e-7f5a-4c1b-9d8e-2a3b4c5d6e7f";

/** The field errors for input that must fail. */
function errorsOf(schema: z.ZodType, input: unknown): FieldErrors {
  const result = schema.safeParse(input);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to be refused, got ${JSON.stringify(result.data)}`);
  return fieldErrorsFrom(result.error);
}

function dataOf<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new Error(`expected ${JSON.stringify(input)} to pass: ${JSON.stringify(fieldErrorsFrom(result.error))}`);
  return result.data;
}

type BadCase = { label: string; input: Record<string, unknown>; field: string; message: RegExp };

describe("CreateUserInput", () => {
  const good = {
    email: "dana.whitfield@dsca.example.gov",
    name: "Dana Whitfield",
    role: "DSCA_ANALYST",
    organizationId: ORG_ID,
    password: "a long enough password",
  };

  const bad: BadCase[] = [
    { label: "email without @", input: { email: "not-an-email" }, field: "email", message: /email address/ },
    { label: "email with spaces inside", input: { email: "dana whitfield@x.gov" }, field: "email", message: /email address/ },
    { label: "empty email", input: { email: "   " }, field: "email", message: /Email is required/ },
    { label: "missing email", input: { email: undefined }, field: "email", message: /Email is required/ },
    { label: "email over 254 characters", input: { email: `${"a".repeat(250)}@x.gov` }, field: "email", message: /at most 254/ },
    { label: "empty name", input: { name: "" }, field: "name", message: /Name is required/ },
    { label: "whitespace-only name", input: { name: " \t\n " }, field: "name", message: /Name is required/ },
    { label: "name of 10,000 characters", input: { name: "x".repeat(10_000) }, field: "name", message: /at most 120/ },
    { label: "NUL in name", input: { name: "Dana\u0000Whitfield" }, field: "name", message: /not allowed/ },
    { label: "escape in name", input: { name: "Dana\u001b[31m" }, field: "name", message: /not allowed/ },
    { label: "DEL in name", input: { name: "Dana\u007f" }, field: "name", message: /not allowed/ },
    { label: "RTL override in name", input: { name: "Dana \u202egpj.exe" }, field: "name", message: /not allowed/ },
    { label: "bidi isolate in name", input: { name: "Dana \u2066x\u2069" }, field: "name", message: /not allowed/ },
    { label: "name not a string", input: { name: 42 }, field: "name", message: /Name is required/ },
    { label: "unknown role", input: { role: "SUPERUSER" }, field: "role", message: /Role must be one of/ },
    { label: "lower-case role", input: { role: "admin" }, field: "role", message: /Role must be one of/ },
    { label: "non-uuid organizationId", input: { organizationId: "DSCA" }, field: "organizationId", message: /valid identifier/ },
    { label: "SQL in organizationId", input: { organizationId: "1' OR '1'='1" }, field: "organizationId", message: /valid identifier/ },
    { label: "short password", input: { password: "short" }, field: "password", message: /at least 12/ },
    { label: "11-character password", input: { password: "x".repeat(11) }, field: "password", message: /at least 12/ },
    { label: "password over 200", input: { password: "x".repeat(201) }, field: "password", message: /at most 200/ },
    { label: "missing password", input: { password: undefined }, field: "password", message: /Password is required/ },
  ];

  it.each(bad)("$label → message for $field", ({ input, field, message }) => {
    const fields = errorsOf(CreateUserInput, { ...good, ...input });
    expect(fields[field]).toMatch(message);
    expect(Object.keys(fields)).toEqual([field]);
  });

  it("refuses an unknown extra field such as status (.strict())", () => {
    const fields = errorsOf(CreateUserInput, { ...good, status: "active" });
    expect(fields.status).toMatch(/status cannot be set/);
  });

  it("reports every failing field at once", () => {
    const fields = errorsOf(CreateUserInput, { email: "x", name: "", role: "NOPE", organizationId: "1", password: "" });
    expect(Object.keys(fields).sort()).toEqual(["email", "name", "organizationId", "password", "role"]);
  });

  it("normalizes e-mail, whitespace and Unicode", () => {
    const data = dataOf(CreateUserInput, {
      ...good,
      email: "  Dana.Whitfield@DSCA.Example.GOV ",
      name: "  Jose\u0301   María\t\tLópez \n",
    });
    expect(data.email).toBe("dana.whitfield@dsca.example.gov");
    expect(data.name).toBe("Jos\u00e9 María López");
    expect(data.name.length).toBe("José María López".normalize("NFC").length);
    expect(data.password).toBe(good.password);
  });

  it("accepts the maximum name length after collapsing whitespace", () => {
    expect(dataOf(CreateUserInput, { ...good, name: `${"x".repeat(60)}     ${"y".repeat(59)}` }).name).toHaveLength(120);
  });

  it.each(["=cmd|' /C calc'!A0", "+SUM(1,2)", "-2+3", "@HYPERLINK(\"x\")", "Robert'); DROP TABLE users;--", "<script>alert(1)</script>"])(
    "keeps formula- or markup-like text %j verbatim as data",
    (name) => {
      expect(dataOf(CreateUserInput, { ...good, name }).name).toBe(name);
    },
  );
});

describe("UpdateUserInput", () => {
  const bad: BadCase[] = [
    { label: "missing expectedVersion", input: { role: "ADMIN" }, field: "expectedVersion", message: /whole number/ },
    { label: "fractional version", input: { expectedVersion: 1.5, active: true }, field: "expectedVersion", message: /whole number/ },
    { label: "negative version", input: { expectedVersion: -1, active: true }, field: "expectedVersion", message: /at least 1/ },
    { label: "zero version", input: { expectedVersion: 0, active: true }, field: "expectedVersion", message: /at least 1/ },
    { label: "string version", input: { expectedVersion: "2", active: true }, field: "expectedVersion", message: /whole number/ },
    { label: "NaN version", input: { expectedVersion: Number.NaN, active: true }, field: "expectedVersion", message: /whole number/ },
    { label: "nothing to change", input: { expectedVersion: 3 }, field: "role", message: /Change at least one/ },
    { label: "unknown role", input: { expectedVersion: 3, role: "ROOT" }, field: "role", message: /Role must be one of/ },
    { label: "non-uuid organization", input: { expectedVersion: 3, organizationId: "x" }, field: "organizationId", message: /valid identifier/ },
    { label: "active as a string", input: { expectedVersion: 3, active: "false" }, field: "active", message: /true or false/ },
  ];

  it.each(bad)("$label → message for $field", ({ input, field, message }) => {
    const fields = errorsOf(UpdateUserInput, input);
    expect(fields[field]).toMatch(message);
  });

  it("refuses unknown fields", () => {
    expect(errorsOf(UpdateUserInput, { expectedVersion: 1, active: false, name: "x" }).name).toMatch(/name cannot be set/);
  });

  it.each([
    { expectedVersion: 1, active: false },
    { expectedVersion: 7, role: "AUDITOR" },
    { expectedVersion: 2, organizationId: ORG_ID },
  ])("accepts %j", (input) => {
    expect(dataOf(UpdateUserInput, input)).toEqual(input);
  });
});

describe("CreateApiTokenInput", () => {
  const bad: BadCase[] = [
    { label: "empty name", input: { name: "" }, field: "name", message: /Token name is required/ },
    { label: "blank name", input: { name: "   " }, field: "name", message: /Token name is required/ },
    { label: "name over 80", input: { name: "t".repeat(81) }, field: "name", message: /at most 80/ },
    { label: "control character in name", input: { name: "ci\u0007" }, field: "name", message: /not allowed/ },
    { label: "expiresInDays 0", input: { name: "ci", expiresInDays: 0 }, field: "expiresInDays", message: /at least 1 day/ },
    { label: "expiresInDays 366", input: { name: "ci", expiresInDays: 366 }, field: "expiresInDays", message: /at most 365/ },
    { label: "expiresInDays 1.5", input: { name: "ci", expiresInDays: 1.5 }, field: "expiresInDays", message: /whole number/ },
    { label: "expiresInDays abc", input: { name: "ci", expiresInDays: "abc" }, field: "expiresInDays", message: /number of days/ },
    { label: "expiresInDays -5", input: { name: "ci", expiresInDays: -5 }, field: "expiresInDays", message: /at least 1 day/ },
  ];

  it.each(bad)("$label → message for $field", ({ input, field, message }) => {
    expect(errorsOf(CreateApiTokenInput, input)[field]).toMatch(message);
  });

  it("refuses unknown fields", () => {
    expect(errorsOf(CreateApiTokenInput, { name: "ci", scope: "admin" }).scope).toMatch(/scope cannot be set/);
  });

  it.each([
    { input: { name: "  CI   pipeline " }, expected: { name: "CI pipeline", expiresInDays: 90 } },
    { input: { name: "ci", expiresInDays: "30" }, expected: { name: "ci", expiresInDays: 30 } },
    { input: { name: "ci", expiresInDays: 1 }, expected: { name: "ci", expiresInDays: 1 } },
    { input: { name: "ci", expiresInDays: 365 }, expected: { name: "ci", expiresInDays: 365 } },
  ])("accepts $input", ({ input, expected }) => {
    expect(dataOf(CreateApiTokenInput, input)).toEqual(expected);
  });
});

describe("AuditQuery", () => {
  const bad: BadCase[] = [
    { label: "30 February", input: { from: "2026-02-30" }, field: "from", message: /real calendar date/ },
    { label: "29 February in a common year", input: { to: "2025-02-29" }, field: "to", message: /real calendar date/ },
    { label: "month 13", input: { from: "2026-13-01" }, field: "from", message: /real calendar date/ },
    { label: "day 00", input: { to: "2026-01-00" }, field: "to", message: /real calendar date/ },
    { label: "US-style date", input: { from: "01/31/2026" }, field: "from", message: /date like 2026-01-31/ },
    { label: "date with time", input: { from: "2026-01-31T00:00:00Z" }, field: "from", message: /date like/ },
    { label: "from after to", input: { from: "2026-03-02", to: "2026-03-01" }, field: "from", message: /on or before to/ },
    { label: "pageSize 101", input: { pageSize: 101 }, field: "pageSize", message: /at most 100/ },
    { label: "pageSize 0", input: { pageSize: "0" }, field: "pageSize", message: /at least 1/ },
    { label: "page 0", input: { page: 0 }, field: "page", message: /at least 1/ },
    { label: "page 1.5", input: { page: "1.5" }, field: "page", message: /whole number/ },
    { label: "page abc", input: { page: "abc" }, field: "page", message: /whole number/ },
    { label: "page too large", input: { page: 100_001 }, field: "page", message: /too large/ },
    { label: "unknown outcome", input: { outcome: "MAYBE" }, field: "outcome", message: /SUCCESS, FAILURE or DENIED/ },
    { label: "action over 80", input: { action: "a".repeat(81) }, field: "action", message: /at most 80/ },
    { label: "actor over 254", input: { actor: "a".repeat(255) }, field: "actor", message: /at most 254/ },
  ];

  it.each(bad)("$label → message for $field", ({ input, field, message }) => {
    expect(errorsOf(AuditQuery, input)[field]).toMatch(message);
  });

  it("fills defaults and normalizes filters", () => {
    expect(dataOf(AuditQuery, {})).toEqual({ page: 1, pageSize: 25 });
    expect(
      dataOf(AuditQuery, { page: "2", pageSize: "100", action: "  ", actor: "  Admin@Caseway.EXAMPLE ", outcome: "DENIED" }),
    ).toEqual({ page: 2, pageSize: 100, action: undefined, actor: "admin@caseway.example", outcome: "DENIED" });
  });

  it.each([
    { from: "2024-02-29", to: "2024-02-29" },
    { from: "2026-01-01", to: "2026-12-31" },
    { from: "2026-01-31" },
    { to: "2026-01-31" },
  ])("accepts the date range %j", (input) => {
    expect(dataOf(AuditQuery, input)).toMatchObject(input);
  });
});

describe("UserListQuery", () => {
  const bad: BadCase[] = [
    { label: "search over 100", input: { q: "q".repeat(101) }, field: "q", message: /at most 100/ },
    { label: "unknown role", input: { role: "KING" }, field: "role", message: /Role must be one of/ },
    { label: "unknown status", input: { status: "deleted" }, field: "status", message: /active, inactive or all/ },
    { label: "pageSize 101", input: { pageSize: "101" }, field: "pageSize", message: /at most 100/ },
    { label: "negative page", input: { page: "-1" }, field: "page", message: /at least 1/ },
  ];

  it.each(bad)("$label → message for $field", ({ input, field, message }) => {
    expect(errorsOf(UserListQuery, input)[field]).toMatch(message);
  });

  it("fills defaults and trims the search", () => {
    expect(dataOf(UserListQuery, {})).toEqual({ page: 1, pageSize: 25, status: "all" });
    expect(dataOf(UserListQuery, { q: "   " }).q).toBeUndefined();
    expect(dataOf(UserListQuery, { q: "  whit ", status: "inactive", role: "ADMIN", pageSize: "10" })).toEqual({
      q: "whit",
      status: "inactive",
      role: "ADMIN",
      page: 1,
      pageSize: 10,
    });
  });
});

describe("SignInInput", () => {
  const bad: BadCase[] = [
    { label: "bad email", input: { email: "admin", password: "x" }, field: "email", message: /email address/ },
    { label: "missing email", input: { password: "x" }, field: "email", message: /Email is required/ },
    { label: "empty password", input: { email: "a@b.gov", password: "" }, field: "password", message: /Password is required/ },
    { label: "missing password", input: { email: "a@b.gov" }, field: "password", message: /Password is required/ },
    { label: "password over 200", input: { email: "a@b.gov", password: "p".repeat(201) }, field: "password", message: /at most 200/ },
    { label: "password not a string", input: { email: "a@b.gov", password: 12345678 }, field: "password", message: /Password is required/ },
  ];

  it.each(bad)("$label → message for $field", ({ input, field, message }) => {
    expect(errorsOf(SignInInput, input)[field]).toMatch(message);
  });

  it("normalizes the e-mail but never the password", () => {
    expect(dataOf(SignInInput, { email: " Admin@Caseway.Example ", password: "  Pass Word  " })).toEqual({
      email: "admin@caseway.example",
      password: "  Pass Word  ",
    });
  });
});

describe("organization schemas", () => {
  it("OrganizationListQuery refuses unknown kinds and non-boolean verified", () => {
    expect(errorsOf(OrganizationListQuery, { kind: "EMBASSY" }).kind).toMatch(/kind must be one of/);
    expect(errorsOf(OrganizationListQuery, { verified: "yes" }).verified).toMatch(/true or false/);
    expect(dataOf(OrganizationListQuery, { kind: "DSCA", verified: "false" })).toEqual({ kind: "DSCA", verified: "false" });
  });

  it("ConfirmOrganizationInput needs a whole expectedVersion and nothing else", () => {
    expect(errorsOf(ConfirmOrganizationInput, {}).expectedVersion).toMatch(/whole number/);
    expect(errorsOf(ConfirmOrganizationInput, { expectedVersion: 0 }).expectedVersion).toMatch(/at least 1/);
    expect(errorsOf(ConfirmOrganizationInput, { expectedVersion: 1, verified: false }).verified).toMatch(/verified cannot be set/);
    expect(dataOf(ConfirmOrganizationInput, { expectedVersion: 4 })).toEqual({ expectedVersion: 4 });
  });
});
