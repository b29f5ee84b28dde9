import { describe, expect, it } from "vitest";
import { AuditQuery } from "@/domain/schemas/audit";
import { CreateApiTokenInput } from "@/domain/schemas/tokens";
import { CreateUserInput, UpdateUserInput, UserListQuery } from "@/domain/schemas/users";
import { fieldErrorsFrom } from "@/server/errors";
import type { z } from "zod";

const errors = (schema: z.ZodType, input: unknown) => {
  const result = schema.safeParse(input);
  if (result.success) throw new Error(`expected a failure for ${JSON.stringify(input)}`);
  return fieldErrorsFrom(result.error);
};

describe("filter forms send empty fields for 'any'", () => {
  it("the user search treats empty role and status as not given", () => {
    expect(UserListQuery.parse({ q: "", role: "", status: "" })).toEqual({ page: 1, pageSize: 25, status: "all" });
  });

  it("the audit filter treats empty outcome, dates and user as not given", () => {
    expect(AuditQuery.parse({ action: "", actor: "", outcome: "", from: "", to: "", userId: "" })).toEqual({
      page: 1,
      pageSize: 25,
    });
  });

  it("still refuses values that are present and wrong", () => {
    expect(errors(UserListQuery, { role: "KING" }).role).toMatch(/Role must be one of/);
    expect(errors(AuditQuery, { outcome: "MAYBE" }).outcome).toMatch(/SUCCESS, FAILURE or DENIED/);
    expect(errors(AuditQuery, { userId: "nope" }).userId).toMatch(/valid identifier/);
  });
});

describe("search text cannot carry characters the database or screen would choke on", () => {
  it.each([
    ["a NUL", "a\u0000b"],
    ["a right-to-left override", "a\u202eb"],
    ["a lone surrogate", "a\ud800b"],
  ])("refuses %s in the user search and the audit filters", (_label, text) => {
    expect(errors(UserListQuery, { q: text }).q).toMatch(/not allowed/);
    expect(errors(AuditQuery, { actor: text }).actor).toMatch(/not allowed/);
    expect(errors(AuditQuery, { action: text }).action).toMatch(/not allowed/);
  });
});

describe("form messages a person understands", () => {
  it("asks to choose a role and an organization when none was picked", () => {
    const fields = errors(CreateUserInput, { email: "a@b.gov", name: "A", role: "", organizationId: "", password: "x".repeat(12) });
    expect(fields.role).toBe("Choose a role");
    expect(fields.organizationId).toBe("Choose an organization");
  });

  it("refuses a lone surrogate in a token name instead of failing later", () => {
    expect(errors(CreateApiTokenInput, { name: "a\ud800b" }).name).toMatch(/not allowed/);
  });
});

describe("numbers that arrive as JSON or form text", () => {
  it.each([true, null, "3.5", "", "12abc"])("token expiry %j is refused or defaulted, never coerced", (value) => {
    const result = CreateApiTokenInput.safeParse({ name: "ci", expiresInDays: value });
    if (value === "") expect(result.success && result.data.expiresInDays).toBe(90);
    else expect(result.success).toBe(false);
  });

  it("caps expectedVersion at the database's integer range", () => {
    expect(errors(UpdateUserInput, { expectedVersion: 2 ** 31, active: true }).expectedVersion).toMatch(/too large/);
    expect(UpdateUserInput.parse({ expectedVersion: 2 ** 31 - 1, active: true }).expectedVersion).toBe(2 ** 31 - 1);
  });
});
