import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  AppError,
  ERROR_STATUS,
  fieldErrorsFrom,
  notFound,
  parseInput,
  validationError,
  versionConflict,
  type ErrorCode,
} from "@/server/errors";

describe("ERROR_STATUS", () => {
  const expected: Record<ErrorCode, number> = {
    BAD_REQUEST: 400,
    VALIDATION_FAILED: 422,
    UNAUTHENTICATED: 401,
    FORBIDDEN: 403,
    NOT_FOUND: 404,
    CONFLICT: 409,
    PAYLOAD_TOO_LARGE: 413,
    UNSUPPORTED_MEDIA_TYPE: 415,
    VERSION_CONFLICT: 409,
    RATE_LIMITED: 429,
    INTERNAL: 500,
    UNAVAILABLE: 503,
  };

  it("has exactly the expected codes", () => {
    expect(ERROR_STATUS).toEqual(expected);
  });

  it.each(Object.entries(expected) as [ErrorCode, number][])("AppError(%s).status is %i", (code, status) => {
    const error = new AppError(code, "message");
    expect(error.status).toBe(status);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("AppError");
    expect(error.code).toBe(code);
    expect(error.extra).toEqual({});
  });
});

const Schema = z
  .object({
    name: z.string().min(1, { error: "Name is required" }).max(3, { error: "Name is too long" }),
    address: z.object({ city: z.string({ error: "City is required" }) }),
    tags: z.array(z.string({ error: "Tag must be text" })),
  })
  .strict();

describe("fieldErrorsFrom", () => {
  it("keys messages by dotted path and keeps the first message per field", () => {
    const result = Schema.safeParse({ name: "", address: {}, tags: ["ok", 5] });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(fieldErrorsFrom(result.error)).toEqual({
      name: "Name is required",
      "address.city": "City is required",
      "tags.1": "Tag must be text",
    });
  });

  it("uses _ for errors about the whole input", () => {
    const result = Schema.safeParse("not an object");
    if (result.success) throw new Error("expected failure");
    expect(Object.keys(fieldErrorsFrom(result.error))).toEqual(["_"]);
  });

  it("keeps only the first of several messages for one field", () => {
    const twoChecks = z.object({
      code: z.string().min(5, { error: "first" }).regex(/^[A-Z]+$/, { error: "second" }),
    });
    const result = twoChecks.safeParse({ code: "ab" });
    if (result.success) throw new Error("expected failure");
    expect(result.error.issues).toHaveLength(2);
    expect(fieldErrorsFrom(result.error)).toEqual({ code: "first" });
  });
});

describe("validationError and parseInput", () => {
  it("one failing field → 422 'One field needs attention'", () => {
    const result = Schema.safeParse({ name: "abcd", address: { city: "x" }, tags: [] });
    if (result.success) throw new Error("expected failure");
    const error = validationError(result.error);
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.status).toBe(422);
    expect(error.message).toBe("One field needs attention");
    expect(error.extra.fields).toEqual({ name: "Name is too long" });
  });

  it("several failing fields → count in the message", () => {
    const result = Schema.safeParse({ name: "", tags: "x" });
    if (result.success) throw new Error("expected failure");
    const error = validationError(result.error);
    expect(error.message).toBe("3 fields need attention");
    expect(Object.keys(error.extra.fields ?? {}).sort()).toEqual(["address", "name", "tags"]);
  });

  it("parseInput returns the parsed (transformed) output", () => {
    const trimmed = z.object({ q: z.string().trim() });
    expect(parseInput(trimmed, { q: "  hi  ", extra: 1 })).toEqual({ q: "hi" });
  });

  it("parseInput throws an AppError naming each failing field", () => {
    let caught: unknown;
    try {
      parseInput(Schema, { name: "", address: { city: "Riyadh" }, tags: [] });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    const error = caught as AppError;
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.extra.fields).toEqual({ name: "Name is required" });
  });
});

describe("helpers", () => {
  it("notFound names the record and maps to 404", () => {
    expect(notFound("User").message).toBe("User not found");
    expect(notFound().message).toBe("Record not found");
    expect(notFound().status).toBe(404);
    expect(notFound().code).toBe("NOT_FOUND");
  });

  it("versionConflict carries the current version and maps to 409", () => {
    const error = versionConflict(7);
    expect(error.code).toBe("VERSION_CONFLICT");
    expect(error.status).toBe(409);
    expect(error.extra.currentVersion).toBe(7);
    expect(error.message).toMatch(/Reload/);
  });
});
