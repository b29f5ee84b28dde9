// At volume: 35,000 cases waiting on DSCA — past the ~32k bind parameters at which the old in-memory My tasks failed
// with a 500 — answer My tasks, the case lists and the letter lists correctly, a page at a time. The rows are written
// in bulk (what the app would store for cases just opened from complete letters), the derived inbox is rebuilt the
// way a release does at startup, and everything is removed afterwards so the rest of the suite keeps its own scale.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/domain/policy";
import { dueDate } from "@/domain/sla";
import { listCases } from "@/server/cases/list-cases";
import { listMyTasks } from "@/server/cases/list-my-tasks";
import { rebuildCaseInboxes } from "@/server/cases/case-inbox";
import { listLors } from "@/server/lors/list-lors";
import { searchEverything } from "@/server/full-text-search/search-everything";
import { SEARCH_COUNT_CAP } from "@/domain/schemas/search";
import { testPrisma } from "./helpers";
import { dscaActor, newAgency, newCountry, partnerOf, seedSlaRules } from "./lor-helpers";

const prisma = testPrisma();
const PER_AGENCY = 17_500;
const CASES = 2 * PER_AGENCY;

let country: { id: string; code: string };
let partner: Actor;
let dsca: Actor;
let expectedOverdue = 0;

beforeAll(async () => {
  await seedSlaRules(prisma);
  country = await newCountry(prisma);
  const agencies = [await newAgency(prisma), await newAgency(prisma)];
  partner = await partnerOf(prisma, country.id);
  dsca = await dscaActor(prisma);
  const rule = await prisma.slaRule.findFirst({ where: { key: "CASE_ASSIGNMENT" }, orderBy: { effectiveFrom: "desc" } });
  if (!rule) throw new Error("The CASE_ASSIGNMENT rule is missing");
  // Opened over the last 60 days, each due under the assignment rule the way the app computes it (business days).
  const changedAt = Array.from({ length: PER_AGENCY }, (_, n) => new Date(Date.now() - (n % 1440) * 3_600_000));
  const dueAt = changedAt.map((at) => dueDate(at, rule));
  // Three-letter designators AAA…ZZZ: 17,576 per country and agency, so two agencies hold 35,000 cases.
  for (const agency of agencies) {
    await prisma.$executeRaw`
      WITH numbered AS (
        SELECT n - 1 AS n, changed_at, due_at
          FROM unnest(${changedAt}::timestamptz[], ${dueAt}::timestamptz[]) WITH ORDINALITY AS t(changed_at, due_at, n))
      INSERT INTO cases (id, identifier, country_id, implementing_agency_id, designator, case_type, status, opened_by_id,
                         opened_at, updated_at, status_changed_at, status_due_at, status_sla_rule_id)
      SELECT gen_random_uuid(), ${country.code} || '-' || ${agency.code} || '-' || designator, ${country.id}::uuid,
             ${agency.id}::uuid, designator, 'DEFINED_ORDER', 'OPENED', ${dsca.userId}::uuid, changed_at, changed_at,
             changed_at, due_at, ${rule.id}::uuid
        FROM (SELECT *, chr(65 + (n / 676)::int) || chr(65 + ((n / 26) % 26)::int) || chr(65 + (n % 26)::int) AS designator FROM numbered) d`;
  }
  await prisma.$executeRaw`
    INSERT INTO letters_of_request (id, country_id, status, subject, request_type, loa_type, created_by_id, case_id,
                                    first_submitted_at, submitted_at, completed_at, updated_at)
    SELECT gen_random_uuid(), country_id, 'COMPLETE', 'Spare parts for ' || identifier, 'LOA', 'DEFINED_ORDER',
           ${partner.userId}::uuid, id, opened_at, opened_at, opened_at, opened_at
      FROM cases WHERE country_id = ${country.id}::uuid`;
  await prisma.$executeRaw`UPDATE cases c SET opened_from_lor_id = l.id FROM letters_of_request l WHERE l.case_id = c.id AND c.country_id = ${country.id}::uuid`;
  await prisma.$executeRaw`ANALYZE cases`;
  await prisma.$executeRaw`ANALYZE letters_of_request`;
  await rebuildCaseInboxes(prisma);
  const [row] = await prisma.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM cases WHERE country_id = ${country.id}::uuid AND status_due_at < now()`;
  expectedOverdue = Number(row!.n);
}, 600_000);

afterAll(async () => {
  if (!country) return;
  await prisma.$executeRaw`UPDATE cases SET opened_from_lor_id = NULL WHERE country_id = ${country.id}::uuid`;
  await prisma.$executeRaw`DELETE FROM letters_of_request WHERE country_id = ${country.id}::uuid`;
  await prisma.$executeRaw`DELETE FROM cases WHERE country_id = ${country.id}::uuid`; // inbox rows cascade
}, 120_000);

describe(`with ${CASES.toLocaleString("en-US")} cases waiting on DSCA`, () => {
  it("My tasks answers, counted in SQL and paginated, earliest due first across pages", async () => {
    const first = await listMyTasks(dsca, { pageSize: "100" });
    expect(first.total).toBeGreaterThanOrEqual(CASES);
    expect(first.items).toHaveLength(100);
    expect(first.summary.total).toBe(first.total);
    expect(first.summary.overdue).toBeGreaterThanOrEqual(expectedOverdue);
    expect(first.summary.overdue + first.summary.dueSoon + first.summary.onTrack).toBeLessThanOrEqual(first.total);

    const lastPage = Math.ceil(first.total / 100);
    const last = await listMyTasks(dsca, { pageSize: "100", page: String(lastPage) });
    expect(last.items.length).toBe(first.total - (lastPage - 1) * 100);
    const second = await listMyTasks(dsca, { pageSize: "100", page: "2" });
    const dues = [...first.items, ...second.items].map((i) => i.aging?.dueAt ?? "9999");
    expect(dues).toEqual([...dues].sort());
    const ids = [...first.items, ...second.items, ...last.items].map((i) => i.caseId);
    expect(new Set(ids).size).toBe(ids.length);
    // The overdue ones come first, and are exactly the overdue ones.
    expect(first.items.every((i) => i.aging?.state === "OVERDUE")).toBe(true);
    const overdue = await listMyTasks(dsca, { pageSize: "100", overdue: "true" });
    expect(overdue.total).toBe(first.summary.overdue);
    const notOverdue = await listMyTasks(dsca, { pageSize: "100", overdue: "false" });
    expect(notOverdue.total).toBe(first.total - first.summary.overdue);
    expect(notOverdue.items.every((i) => i.aging?.state !== "OVERDUE")).toBe(true);
  });

  it("the partner's case list counts and pages all of their country's cases", async () => {
    const page = await listCases(partner, { pageSize: "50", page: "700" });
    expect(page.total).toBe(CASES);
    expect(page.items).toHaveLength(50);
    expect(page.items.every((c) => c.country.id === country.id)).toBe(true);
    const newest = await listCases(partner, { pageSize: "50" });
    const opened = newest.items.map((c) => c.openedAt);
    expect(opened).toEqual([...opened].sort().reverse());
  });

  it("DSCA's filtered case list (country, status, overdue) counts exactly the cases that match", async () => {
    const overdue = await listCases(dsca, { q: country.code, status: "OPENED", overdue: "true", pageSize: "10" });
    expect(overdue.total).toBe(expectedOverdue);
    const onTime = await listCases(dsca, { q: country.code, status: "OPENED", overdue: "false", pageSize: "10" });
    expect(onTime.total).toBe(CASES - expectedOverdue);
  });

  it("the letter lists count and page every letter", async () => {
    const mine = await listLors(partner, { pageSize: "50", page: "3" });
    expect(mine.total).toBe(CASES);
    expect(mine.items).toHaveLength(50);
    const usg = await listLors(dsca, { q: "Spare parts for", pageSize: "50", sort: "received" });
    expect(usg.total).toBeGreaterThanOrEqual(CASES);
  });

  it("full-text search stops counting at its cap, says there are more, and still pages through the matches", async () => {
    const found = await searchEverything(partner, { q: "spare parts", kind: "letters", pageSize: "20", page: "3" });
    expect(found.counts.letters).toEqual({ count: SEARCH_COUNT_CAP, more: true });
    expect({ total: found.total, more: found.more }).toEqual({ total: SEARCH_COUNT_CAP, more: true });
    expect(found.items).toHaveLength(20);
    const first = await searchEverything(partner, { q: "spare parts", kind: "letters", pageSize: "20" });
    expect(first.items.map((hit) => hit.href)).not.toContain(found.items[0]!.href);
  });
});
