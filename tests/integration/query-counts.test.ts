// How many SQL statements a request issues, pinned at the level issue 11 reached, so a later change that adds an N+1
// or reads back what it just wrote fails here (the figures are ceilings; lower is welcome — then lower the ceiling).
// The use cases' shared client (db()) is replaced, for this file only, by one that reports every statement.
import { beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/server/prisma-client";
import { actorForApiToken, requireApiActor } from "@/server/auth/actor";
import { createApiToken } from "@/server/tokens/create-api-token";
import { getCase } from "@/server/cases/get-case";
import { listCases } from "@/server/cases/list-cases";
import { listMyTasks } from "@/server/cases/list-my-tasks";
import { listLors } from "@/server/lors/list-lors";
import { listLorTasks } from "@/server/lors/list-lor-tasks";
import { listChangeTasks } from "@/server/loa/list-change-tasks";
import { listOfferedAmendments } from "@/server/loa/list-offered-amendments";
import { act, caseAt, caseCast, type Cast } from "./case-helpers";
import { context, testPrisma } from "./helpers";
import { seedSlaRules } from "./lor-helpers";

const counting = createPrismaClient(process.env.DATABASE_URL!, 4, { logQueries: true });
const statements: string[] = [];
(counting as unknown as { $on(event: "query", cb: (e: { query: string }) => void): void }).$on("query", (e) => statements.push(e.query));
(globalThis as unknown as { cawewayPrisma: unknown }).cawewayPrisma = counting;

const prisma = testPrisma();

/** The statements `work` issued (the count, and the text for the failure message). */
async function measure(work: () => Promise<unknown>) {
  statements.length = 0;
  await work();
  // Something was measured: a client that reported nothing would pass every ceiling below.
  expect(statements.length).toBeGreaterThan(0);
  return { count: statements.length, text: statements.join("\n") };
}

let cast: Cast;
beforeAll(async () => {
  await seedSlaRules(prisma);
  cast = await caseCast(prisma);
  // Enough cases that a per-row query would show: ten in development for the agency, each with its letter and LOA.
  for (let i = 0; i < 10; i += 1) await caseAt(cast, "IN_DEVELOPMENT");
});

describe("statements per request", () => {
  it("a workflow transition (suspend, then resume) is four statements after BEGIN (the locked case read with its rules and chain tail, the update with its inbox, the audit event with its outbox row and the work it gave, COMMIT), and a resume one more: the status of the LOA it brings back, to see whether the LOA moves", async () => {
    const { driver } = await caseAt(cast, "IN_DEVELOPMENT");
    const before = await getCase(cast.dsca, driver.caseId);
    const suspend = await measure(() => act(cast.dsca, driver.caseId, "suspend", { expectedVersion: before.version, comment: "Hold" }));
    expect(suspend.count, suspend.text).toBeLessThanOrEqual(4);
    const resume = await measure(() => act(cast.dsca, driver.caseId, "resume", { expectedVersion: before.version + 1 }));
    expect(resume.count, resume.text).toBeLessThanOrEqual(5);
    // The answer is built from what was written, not read back: it shows the new version and state.
    const reread = await getCase(cast.dsca, driver.caseId);
    expect(reread.version).toBe(before.version + 2);
    expect(reread.status).toBe("IN_DEVELOPMENT");
  });

  it("a case list page is one statement whatever the page size or filters (its ids, its cases and the total)", async () => {
    const small = await measure(() => listCases(cast.partner, { pageSize: "2" }));
    const large = await measure(() => listCases(cast.partner, { pageSize: "50" }));
    expect(small.count, small.text).toBe(1);
    const filtered = await measure(() => listCases(cast.ia, { pageSize: "50", status: "IN_DEVELOPMENT", overdue: "false", sort: "country" }));
    expect(filtered.count, filtered.text).toBe(1);
    expect(large.count, large.text).toBe(small.count);
  });

  it("My tasks is one statement (the page and its counts), however many tasks", async () => {
    const page = await measure(() => listMyTasks(cast.ia, { pageSize: "50" }));
    expect(page.count, page.text).toBe(1);
    const result = await listMyTasks(cast.ia, { pageSize: "50" });
    expect(result.items.length).toBeGreaterThanOrEqual(10);
  });

  it("each other section of My tasks, and the partner's offered Amendments, is two statements (the page and its count)", async () => {
    // The cast's ten letters were validated when their cases opened; DSCA's list holds whatever else waits.
    for (const [label, work] of [
      ["letters to validate (DSCA)", () => listLorTasks(cast.dsca, { pageSize: "50" })],
      ["letters to validate (agency)", () => listLorTasks(cast.ia, { pageSize: "50" })],
      ["changes to approve", () => listChangeTasks(cast.dsca, { pageSize: "50" })],
      ["offered Amendments", () => listOfferedAmendments(cast.partner, { pageSize: "50" })],
    ] as const) {
      const measured = await measure(work);
      expect(measured.count, `${label}\n${measured.text}`).toBeLessThanOrEqual(2);
    }
  });

  it("a letter list page is one statement whatever the page size or filters (its ids, its letters and the total)", async () => {
    const small = await measure(() => listLors(cast.partner, { pageSize: "2" }));
    const large = await measure(() => listLors(cast.partner, { pageSize: "50" }));
    expect(small.count, small.text).toBe(1);
    const filtered = await measure(() => listLors(cast.dsca, { pageSize: "50", status: "OPEN", q: "a", sort: "due" }));
    expect(filtered.count, filtered.text).toBe(1);
    expect(large.count, large.text).toBe(small.count);
  });

  it("an API token authenticates in one statement, with the caller's lockout (its last use is recorded at most now and then)", async () => {
    const { secret } = await createApiToken(cast.dsca, { name: "counting", expiresInDays: 1 }, context());
    await actorForApiToken(secret); // the first use records lastUsedAt
    const again = await measure(() => actorForApiToken(secret));
    expect(again.count, again.text).toBeLessThanOrEqual(1);
    // As the API authenticates a request: the caller's lockout is read in the same statement.
    const request = new Request("http://localhost/api/v1/cases", { headers: { authorization: `Bearer ${secret}` } });
    const viaApi = await measure(() => requireApiActor(request, context()));
    expect(viaApi.count, viaApi.text).toBeLessThanOrEqual(1);
  });

  it("a case read is one statement: the case with its relations and the rules", async () => {
    const { driver } = await caseAt(cast, "IN_REVIEW");
    const read = await measure(() => getCase(cast.dsca, driver.caseId));
    expect(read.count, read.text).toBeLessThanOrEqual(1);
  });
});
