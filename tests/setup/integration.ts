// Runs in every integration worker before the test files: points db() at the test database.
import { afterAll, inject, vi } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");

// src/server/auth/actor.ts imports ./next-auth (next-auth + next/headers) for the browser-session helpers. The
// integration tests call the use cases directly with an explicit RequestContext, so a stub is enough here; the real
// browser session is covered by the Playwright suite.
vi.mock("@/server/auth/next-auth", () => ({
  auth: async () => null,
  signIn: async () => {
    throw new Error("signIn is not available in integration tests");
  },
  signOut: async () => {
    throw new Error("signOut is not available in integration tests");
  },
  handlers: {},
}));

// Each test file gets its own worker; close the shared db() pool when the file is done.
afterAll(async () => {
  const { db } = await import("@/server/db");
  await db().$disconnect();
});
