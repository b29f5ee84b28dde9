import type { z } from "zod";
import { decide, type Actor, type PolicyAction, type PolicySubject } from "../domain/policy";

// Error codes mapped to HTTP status in one place. Server actions turn them into form messages; route handlers into
// `{ "error": { "code", "message", "fields"? } }`.
export const ERROR_STATUS = {
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
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export type FieldErrors = Record<string, string>;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: {
      fields?: FieldErrors;
      currentVersion?: number;
      retryAfterSeconds?: number;
      /** On a 409 for a requisition over a blanket line's value: what the line has left, in US dollars. */
      remaining?: string;
    } = {},
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/**
 * A refusal by the policy table: a role that may not act (403) or a record the actor may not know exists (404, e.g.
 * another country's case). The doors answer it like any AppError and record it in the audit log (src/server/refusals.ts);
 * a 404 for a record that does not exist at all is a plain notFound() and is not audited.
 */
export class RefusalError extends AppError {
  constructor(
    code: "FORBIDDEN" | "NOT_FOUND",
    message: string,
    readonly refusal: { actor: Actor; policyAction: string; what: string },
  ) {
    super(code, message);
    this.name = "RefusalError";
  }
}

export const FORBIDDEN_MESSAGE = "You do not have permission to do that";

export function refusedBy(actor: Actor, policyAction: string, decision: "forbidden" | "not-found", what = "Record", message = FORBIDDEN_MESSAGE) {
  return decision === "not-found"
    ? new RefusalError("NOT_FOUND", `${what} not found`, { actor, policyAction, what })
    : new RefusalError("FORBIDDEN", message, { actor, policyAction, what });
}

/** Enforces the policy table: another country's record answers 404, not 403, and either refusal is audited by the door. */
export function authorize(actor: Actor, action: PolicyAction, subject: PolicySubject = {}, what = "Record"): void {
  const decision = decide(actor, action, subject);
  if (decision !== "allow") throw refusedBy(actor, action, decision, what);
}

/** The first message for each field, keyed by its dotted path ("" for the whole input). */
export function fieldErrorsFrom(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      // Name each field the client may not set, so the message lands beside it.
      for (const name of issue.keys) fields[[...issue.path.map(String), name].join(".")] ??= `${name} cannot be set here`;
      continue;
    }
    const key = issue.path.map(String).join(".") || "_";
    fields[key] ??= issue.message;
  }
  return fields;
}

export function validationError(error: z.ZodError): AppError {
  const fields = fieldErrorsFrom(error);
  const count = Object.keys(fields).length;
  return new AppError("VALIDATION_FAILED", count === 1 ? "One field needs attention" : `${count} fields need attention`, {
    fields,
  });
}

/** Parses input with a zod schema, throwing a 422 that names every failing field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(result.error);
  return result.data;
}

/** A 422 about one field, for rules zod cannot check alone (they need the database). */
export const fieldError = (field: string, message: string) =>
  new AppError("VALIDATION_FAILED", "One field needs attention", { fields: { [field]: message } });

export const notFound = (what = "Record") => new AppError("NOT_FOUND", `${what} not found`);

export function versionConflict(currentVersion: number) {
  return new AppError(
    "VERSION_CONFLICT",
    "Someone else changed this record since you loaded it. Reload to see the current version.",
    { currentVersion },
  );
}
