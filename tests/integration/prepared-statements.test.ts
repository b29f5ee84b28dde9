// The statements every request or transition runs are kept prepared on each connection (ADR 0036), so PostgreSQL
// parses them once per connection and can keep their plan; a list, whose best plan depends on its filters, is not.
// The use cases run here on a client with a single connection, so pg_prepared_statements (which lists only the
// asking session's statements) sees everything they prepared.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/server/prisma-client";
import { requireApiActor } from "@/server/auth/actor";
import { createApiToken } from "@/server/tokens/create-api-token";
import { getCase } from "@/server/cases/get-case";
import { listCases } from "@/server/cases/list-cases";
import { act, caseAt, caseCast, type Cast } from "./case-helpers";
import { context, testPrisma } from "./helpers";
import { seedSlaRules } from "./lor-helpers";

const prisma = testPrisma();
const oneConnection = createPrismaClient(process.env.DATABASE_URL!, 1);
const shared = globalThis as unknown as { cawewayPrisma?: PrismaClient };

/** Runs `work` with the app's client replaced by the single-connection one. */
async function onOneConnection<T>(work: () => Promise<T>): Promise<T> {
  const usual = shared.cawewayPrisma;
  shared.cawewayPrisma = oneConnection;
  try {
    return await work();
  } finally {
    shared.cawewayPrisma = usual;
  }
}

const prepared = () =>
  oneConnection.$queryRaw<{ name: string; statement: string }[]>`SELECT name, statement FROM pg_prepared_statements ORDER BY name`;

let cast: Cast;
beforeAll(async () => {
  await seedSlaRules(prisma);
  cast = await caseCast(prisma);
});
afterAll(() => oneConnection.$disconnect());

describe("prepared statements", () => {
  it("a transition's statements and the API's token read are prepared once and reused; a list is not prepared", async () => {
    const { driver } = await caseAt(cast, "IN_DEVELOPMENT");
    const { secret } = await createApiToken(cast.dsca, { name: "prepared", expiresInDays: 1 }, context());
    const request = () => new Request("http://localhost/api/v1/cases", { headers: { authorization: `Bearer ${secret}` } });
    const before = await getCase(cast.dsca, driver.caseId);

    const afterFirst = await onOneConnection(async () => {
      await requireApiActor(request(), context());
      await act(cast.dsca, driver.caseId, "suspend", { expectedVersion: before.version, comment: "Hold" });
      await act(cast.dsca, driver.caseId, "resume", { expectedVersion: before.version + 1 });
      await listCases(cast.dsca, { status: "IN_DEVELOPMENT" });
      return prepared();
    });
    const texts = afterFirst.map((s) => s.statement);
    expect(afterFirst.every((s) => /^cw_[0-9a-f]{32}$/.test(s.name))).toBe(true);
    for (const step of ["JOIN (api_tokens t", "FOR UPDATE OF c", "UPDATE cases c", "INSERT INTO audit_events", "FROM case_documents"]) {
      expect(texts.filter((text) => text.includes(step)), step).toHaveLength(1);
    }
    // The case list's statement runs unnamed: its plan is chosen for the filters of each request.
    expect(texts.some((text) => text.includes("WITH page AS MATERIALIZED"))).toBe(false);

    // The same steps again reuse what the connection prepared: nothing new is prepared.
    const afterSecond = await onOneConnection(async () => {
      await requireApiActor(request(), context());
      await act(cast.dsca, driver.caseId, "suspend", { expectedVersion: before.version + 2, comment: "Hold again" });
      await act(cast.dsca, driver.caseId, "resume", { expectedVersion: before.version + 3 });
      return prepared();
    });
    expect(afterSecond.map((s) => s.name)).toEqual(afterFirst.map((s) => s.name));
    const reread = await getCase(cast.dsca, driver.caseId);
    expect(reread.version).toBe(before.version + 4);
    expect(reread.status).toBe("IN_DEVELOPMENT");
  });
});
