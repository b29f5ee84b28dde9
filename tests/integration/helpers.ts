// Shared helpers for the integration suite: a Prisma client of its own, actors, request contexts and error checks.
import { randomUUID } from "node:crypto";
import { afterAll, expect } from "vitest";
import { actorFromUser, type ActingUser, type Actor } from "@/domain/policy";
import { AppError, type ErrorCode } from "@/server/errors";
import { createPrismaClient } from "@/server/prisma-client";
import type { RequestContext } from "@/server/request-context";

/** A separate client for arranging data and inspecting rows; the use cases use db(). Closed after the file. */
export function testPrisma() {
  const prisma = createPrismaClient(process.env.DATABASE_URL!, 4);
  afterAll(() => prisma.$disconnect());
  return prisma;
}

/** A short random suffix for e-mails, codes and names, so test files never collide. */
export function unique(): string {
  return randomUUID().replace(/-/g, "").slice(0, 10);
}

export function uniqueEmail(label = "user"): string {
  return `${label}.${unique()}@test.example`;
}

/** A partner-country code that fits VARCHAR(8) and cannot clash with real two-letter FMS codes. */
export function uniqueCode(): string {
  return `Z${unique().slice(0, 7).toUpperCase()}`;
}

export function context(overrides: Partial<RequestContext> = {}): RequestContext {
  return { requestId: `test-${randomUUID()}`, ip: "192.0.2.10", userAgent: "vitest", ...overrides };
}

/** The Actor a signed-in user would be (no session or token behind it). */
export const actorOf = (user: ActingUser): Actor => actorFromUser(user);

/** Awaits a promise that must reject with an AppError of the given code, and returns the error. */
export async function expectAppError(promise: Promise<unknown>, code: ErrorCode): Promise<AppError> {
  let outcome: { value: unknown } | undefined;
  let caught: unknown;
  try {
    outcome = { value: await promise };
  } catch (error) {
    caught = error;
  }
  if (outcome) throw new Error(`Expected AppError ${code}, but it resolved with ${String(JSON.stringify(outcome.value))}`);
  expect(caught).toBeInstanceOf(AppError);
  const error = caught as AppError;
  expect({ code: error.code, message: error.message }).toMatchObject({ code });
  return error;
}
