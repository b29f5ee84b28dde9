// Dashboards against real PostgreSQL: every number equals the length of the case list it links to (the drill-downs are
// the same filters), a partner's dashboard never counts another country's case nor shows a value before the offer, an
// agency's is its own, the bottleneck names each office's accountable person, and the case value and its sorts hold.
// Each test works inside agencies of its own, so other files' cases never enter its figures. The unfiltered all-cases
// dashboard may come from the snapshot a job refreshes (there is no job runner here: only the snapshot tests write one,
// and they remove it again).
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/domain/policy";
import { listCases } from "@/server/cases/list-cases";
import { refreshCaseInboxes } from "@/server/cases/case-inbox";
import { SNAPSHOT_MAX_AGE_MS, refreshDashboardSnapshot } from "@/server/insight/dashboard-snapshot";
import { getDashboard } from "@/server/insight/get-dashboard";
import { assignOfficeAccountable } from "@/server/offices/assign-office-accountable";
import { listOffices } from "@/server/offices/list-offices";
import { createCase, type CaseSpec } from "../factories/case";
import { context, expectAppError, testPrisma } from "./helpers";
import { actorFor, newCountry, randomCode, seedSlaRules } from "./lor-helpers";
import { DAY_MS, caseAt, caseCast, type Cast } from "./case-helpers";

const prisma = testPrisma();

beforeAll(() => seedSlaRules(prisma));

const ago = (days: number) => new Date(Date.now() - days * DAY_MS);

/**
 * A cast whose countries have real two-character customer codes (the case list's country filter takes no other), one
 * starting Q and the other Z so they never coincide. Such codes may be shared with other tests: every figure here is
 * filtered by the cast's own agency.
 */
async function dashboardCast() {
  const cast = await caseCast(prisma, { countryCode: randomCode("Q", 2) });
  return { ...cast, foreignCountry: await newCountry(prisma, randomCode("Z", 2)) };
}

/** Cases of the cast's agency in the states the figures group by, with values, ages and offer times. */
async function portfolio(cast: Cast) {
  const make = (spec: Omit<CaseSpec, "agency" | "openedById">) => createCase(prisma, { agency: cast.agency, openedById: cast.dsca.userId, ...spec });
  const own = cast.country;
  const made = {
    developing: await make({ country: own, status: "IN_DEVELOPMENT", openedAt: ago(40), statusChangedAt: ago(35), fields: { value: "1000000.00" } }),
    developingLate: await make({ country: own, status: "IN_DEVELOPMENT", openedAt: ago(200), statusChangedAt: ago(190), fields: { value: "250000.00" } }),
    review: await make({ country: own, status: "IN_REVIEW", openedAt: ago(30), reviews: [{ office: "DSCA", dueAt: ago(2) }, { office: "STATE_PM" }, { office: "DTSA" }], fields: { value: "400000.00" } }),
    offered: await make({ country: own, status: "OFFERED", openedAt: ago(80), statusChangedAt: ago(10), fields: { value: "2500000.00", offeredAt: ago(10), offerExpiresAt: new Date(Date.now() + 60 * DAY_MS) } }),
    executing: await make({ country: own, status: "EXECUTING", openedAt: ago(400), statusChangedAt: ago(300), statusDueAt: null, fields: { value: "9000000.00", offeredAt: ago(380) } }),
    foreign: await make({ country: cast.foreignCountry, status: "IN_DEVELOPMENT", openedAt: ago(20), fields: { value: "777.00" } }),
  };
  await refreshCaseInboxes(prisma, Object.values(made).map((c) => c.id));
  return made;
}

/** Every drill-down link of a dashboard, with the number it shows. */
function drillDowns(view: Awaited<ReturnType<typeof getDashboard>>): { what: string; href: string; count: number }[] {
  return [
    { what: "total", href: view.totals.href, count: view.totals.cases },
    ...view.pipeline.map((p) => ({ what: `status ${p.status}`, href: p.href, count: p.cases })),
    ...(view.bottleneck ?? []).flatMap((o) => [
      { what: `held by ${o.office}`, href: o.href, count: o.cases },
      { what: `overdue at ${o.office}`, href: o.overdueHref, count: o.overdue },
    ]),
    ...view.lorToOffer.buckets.map((b) => ({ what: `offered in ${b.label}`, href: b.href, count: b.cases })),
    ...view.agingByStep.flatMap((s) => s.buckets.map((b) => ({ what: `${s.status} for ${b.label}`, href: b.href, count: b.cases }))),
    ...[...(view.valueByCountry ?? []), ...view.valueByAgency].map((s) => ({ what: `value of ${s.code}`, href: s.href, count: s.cases })),
  ];
}

async function expectDrillDownsAgree(actor: Actor, view: Awaited<ReturnType<typeof getDashboard>>) {
  for (const drill of drillDowns(view)) {
    const params = Object.fromEntries(new URL(drill.href, "http://caseway.test").searchParams);
    // Partners cannot sort by value (it would order by values they may not see); the count is the same either way.
    if (actor.role === "PARTNER_OFFICER" && params.sort === "value") delete params.sort;
    const list = await listCases(actor, { ...params, pageSize: "1" });
    expect({ what: drill.what, total: list.total }).toEqual({ what: drill.what, total: drill.count });
  }
}

describe("the DSCA dashboard", () => {
  it("counts and values each status, and every number opens exactly the cases it counts", async () => {
    const cast = await dashboardCast();
    await portfolio(cast);
    const view = await getDashboard(cast.dsca, { agency: cast.agency.code });

    expect(view.scope).toBe("ALL");
    expect(view.totals.cases).toBe(6);
    expect(view.pipeline.find((p) => p.status === "IN_DEVELOPMENT")).toMatchObject({ cases: 3, value: "1250777.00" });
    expect(view.pipeline.find((p) => p.status === "OFFERED")).toMatchObject({ cases: 1, value: "2500000.00" });
    expect(view.totals.openValue).toBe("13150777.00");
    expect(view.valueByCountry!.map((s) => s.code)).toEqual([cast.country.code, cast.foreignCountry.code]);
    expect(view.valueByCountry![0]).toMatchObject({ cases: 5, value: "13150000.00" });
    await expectDrillDownsAgree(cast.dsca, view);
  });

  it("shows who holds the open cases, how long, how many past target, and the accountable person", async () => {
    const cast = await dashboardCast();
    await portfolio(cast);
    const admin = await actorFor(prisma, "ADMIN");
    const agencyOffice = `IA_CASE_MANAGER:${cast.agency.id}`;
    await assignOfficeAccountable(admin, agencyOffice, { userId: cast.ia.userId }, context());

    const view = await getDashboard(cast.dsca, { agency: cast.agency.code });
    const agency = view.bottleneck!.find((o) => o.office === agencyOffice)!;
    // Three cases in development (one of them another country's), one past its target; the offered case waits on the partner.
    expect(agency).toMatchObject({ officeName: cast.agency.name, cases: 3, overdue: 1, accountable: { name: cast.ia.name, email: cast.ia.email } });
    expect(agency.longestDaysHeld).toBeGreaterThanOrEqual(189);
    const dsca = view.bottleneck!.find((o) => o.office === "DSCA_ANALYST")!;
    expect(dsca).toMatchObject({ cases: 1, overdue: 1 });
    await expectDrillDownsAgree(cast.dsca, view);
  });

  it("distributes offered cases by days from the complete letter to the offer, against the target in force", async () => {
    const cast = await dashboardCast();
    await portfolio(cast);
    const view = await getDashboard(cast.dsca, { agency: cast.agency.code });
    expect(view.lorToOffer.offered).toBe(2);
    // Offered 70 days after opening (past the 45-day target) and 20 days after (within).
    expect(view.lorToOffer.buckets.find((b) => b.minDays === 60)!.cases).toBe(1);
    expect(view.lorToOffer.buckets.find((b) => b.minDays === 15)!.cases).toBe(1);
    expect(view.lorToOffer.withinTarget).toBe(1);
  });

  it("counts an offer past its expiration date as expired, with its value, as the list's status filter does", async () => {
    const cast = await dashboardCast();
    const make = (expiresInDays: number, value: string) =>
      createCase(prisma, {
        agency: cast.agency,
        country: cast.country,
        openedById: cast.dsca.userId,
        status: "OFFERED",
        fields: { value, offeredAt: ago(30), offerExpiresAt: new Date(Date.now() + expiresInDays * DAY_MS) },
      });
    await make(-2, "100.00");
    await make(-1, "20.00");
    await make(30, "3.00");
    const view = await getDashboard(cast.dsca, { agency: cast.agency.code });
    expect(view.pipeline.map((p) => [p.status, p.cases, p.value])).toEqual([
      ["OFFERED", 1, "3.00"],
      ["EXPIRED", 2, "120.00"],
    ]);
    expect(view.offersWaiting).toHaveLength(1);
    await expectDrillDownsAgree(cast.dsca, view);
  });

  it("filters by the day a case opened, and refuses a range that ends before it starts", async () => {
    const cast = await dashboardCast();
    await portfolio(cast);
    const from = new Date(Date.now() - 100 * DAY_MS).toISOString().slice(0, 10);
    const view = await getDashboard(cast.dsca, { agency: cast.agency.code, from });
    expect(view.totals.cases).toBe(4);
    await expectDrillDownsAgree(cast.dsca, view);
    const error = await expectAppError(getDashboard(cast.dsca, { from: "2027-02-01", to: "2027-01-01" }), "VALIDATION_FAILED");
    expect(error.extra.fields).toHaveProperty("to");
  });
});

describe("the partner's dashboard", () => {
  it("counts only their country's cases and shows values only of LOAs offered to them", async () => {
    const cast = await dashboardCast();
    await portfolio(cast);
    // A country filter naming another country changes nothing for a partner.
    const view = await getDashboard(cast.partner, { agency: cast.agency.code, country: cast.foreignCountry.code });
    expect(view.scope).toBe("COUNTRY");
    expect(view.totals.cases).toBe(5);
    expect(view.bottleneck).toBeNull();
    expect(view.valueByCountry).toBeNull();
    // In development and in review: the U.S. Government's working figures, not theirs to see.
    expect(view.pipeline.find((p) => p.status === "IN_DEVELOPMENT")!.value).toBe("0.00");
    expect(view.totals.value).toBe("11500000.00");
    expect(view.offersWaiting.map((o) => o.value)).toEqual(["2500000.00"]);
    await expectDrillDownsAgree(cast.partner, view);

    // The other country's partner (of the cast's own six-character country) sees none of these cases.
    const foreign = await getDashboard(cast.foreignPartner, { agency: cast.agency.code });
    expect(foreign.totals.cases).toBe(0);
  });

  it("shows the partner's own bills coming due, soonest first, and nobody else's", async () => {
    const cast = await dashboardCast();
    const made = await portfolio(cast);
    const statement = (caseId: string, days: number, amountDue: string) =>
      prisma.billingStatement.create({
        data: {
          caseId,
          dueOn: new Date(`${new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10)}T00:00:00Z`),
          issuedOn: new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`),
          scheduleCumulative: amountDue,
          forecastCumulative: amountDue,
          billedCumulative: amountDue,
          collected: "0.00",
          credits: "0.00",
          amountDue,
        },
      });
    await statement(made.executing.id, 40, "300000.00");
    await statement(made.executing.id, 10, "125000.50");
    await statement(made.executing.id, -20, "90000.00");
    await statement(made.foreign.id, 5, "777.00");
    const view = await getDashboard(cast.partner, { agency: cast.agency.code });
    expect(view.nextPayments!.map((p) => [p.identifier, p.amountDue])).toEqual([
      [made.executing.identifier, "125000.50"],
      [made.executing.identifier, "300000.00"],
    ]);
    expect((await getDashboard(cast.dsca, { agency: cast.agency.code })).nextPayments).toBeNull();
  });

  it("lists their cases with values only once offered, and refuses to sort by value", async () => {
    const cast = await dashboardCast();
    const made = await portfolio(cast);
    const list = await listCases(cast.partner, { agency: cast.agency.code, pageSize: "10" });
    const valueOf = (id: string) => list.items.find((c) => c.id === id)!.value;
    expect(valueOf(made.developing.id)).toBeNull();
    expect(valueOf(made.offered.id)).toBe("2500000.00");
    await expectAppError(listCases(cast.partner, { sort: "value" }), "VALIDATION_FAILED");
  });
});

describe("the agency's dashboard", () => {
  it("is its own agency's, with its cases by step and days in it", async () => {
    const cast = await dashboardCast();
    await portfolio(cast);
    await createCase(prisma, { agency: cast.otherAgency, country: cast.country, openedById: cast.dsca.userId, status: "IN_DEVELOPMENT" });
    const view = await getDashboard(cast.ia, { agency: cast.otherAgency.code });
    expect(view.scope).toBe("AGENCY");
    expect(view.filters.agency).toBe(cast.agency.code);
    expect(view.totals.cases).toBe(6);
    const developing = view.agingByStep.find((s) => s.status === "IN_DEVELOPMENT")!;
    // 20 days (the other country's), 35 days, 190 days in development.
    expect(developing.buckets.map((b) => b.cases)).toEqual([1, 1, 0, 1]);
    await expectDrillDownsAgree(cast.ia, view);
  });
});

describe("case value and sorting", () => {
  it("keeps the case's value with its LOA and sorts the list by value, largest first", async () => {
    const cast = await dashboardCast();
    const driven = await caseAt(cast, "IN_DEVELOPMENT");
    const stored = await prisma.case.findUniqueOrThrow({ where: { id: driven.caseId }, select: { value: true } });
    // openCase fills the draft straight in the database; the agency's approval prices and freezes it.
    await driven.driver.do(cast.ia, "approve-loa");
    const priced = await prisma.case.findUniqueOrThrow({ where: { id: driven.caseId }, select: { value: true } });
    const documents = await prisma.caseDocument.findMany({ where: { caseId: driven.caseId } });
    expect(stored.value).toBeNull();
    expect(priced.value).not.toBeNull();
    expect(documents).toHaveLength(1);

    await portfolio(cast);
    const byValue = await listCases(cast.dsca, { agency: cast.agency.code, sort: "value", pageSize: "10" });
    const values = byValue.items.map((c) => c.value);
    expect(values).toEqual(["9000000.00", "2500000.00", "1000000.00", priced.value!.toFixed(2), "400000.00", "250000.00", "777.00"].sort((a, b) => Number(b) - Number(a)));
    const ascending = await listCases(cast.dsca, { agency: cast.agency.code, sort: "value", dir: "asc", pageSize: "10" });
    expect(ascending.items[0]!.value).toBe("777.00");
    const byIdentifier = await listCases(cast.dsca, { agency: cast.agency.code, sort: "identifier", pageSize: "10" });
    const identifiers = byIdentifier.items.map((c) => c.identifier);
    expect(identifiers).toEqual([...identifiers].sort());
  });
});

describe("office accountables", () => {
  it("names only an active member of the office, and only administrators may", async () => {
    const cast = await dashboardCast();
    const admin = await actorFor(prisma, "ADMIN");
    const office = `IA_CASE_MANAGER:${cast.agency.id}`;
    const error = await expectAppError(assignOfficeAccountable(admin, office, { userId: cast.otherIa.userId }, context()), "VALIDATION_FAILED");
    expect(error.extra.fields).toHaveProperty("userId");
    await expectAppError(assignOfficeAccountable(cast.dsca, office, { userId: cast.ia.userId }, context()), "FORBIDDEN");
    await expectAppError(assignOfficeAccountable(admin, "NOT_AN_OFFICE", { userId: cast.ia.userId }, context()), "NOT_FOUND");
    const named = await assignOfficeAccountable(admin, office, { userId: cast.ia.userId }, context());
    expect(named.accountable).toMatchObject({ id: cast.ia.userId });
    expect((await listOffices(admin)).find((o) => o.office === office)!.accountable!.name).toBe(cast.ia.name);
    const audit = await prisma.auditEvent.findFirst({ where: { action: "office.accountable-assigned", targetId: office } });
    expect(audit?.details).toMatchObject({ after: cast.ia.userId });
  });
});

describe("the all-cases dashboard snapshot", () => {
  const clear = () => prisma.dashboardSnapshot.deleteMany();
  beforeEach(clear);
  afterEach(clear);
  const later = (at: Date, ms: number) => new Date(at.getTime() + ms);

  /** A snapshot with a total no live computation gives (-1 cases), so a view shows whether it came from the snapshot. */
  async function markedSnapshot(computedAt: Date) {
    await refreshDashboardSnapshot(prisma, computedAt);
    await prisma.$executeRaw`UPDATE dashboard_snapshots SET figures = jsonb_set(figures, '{totals,cases}', '-1') WHERE scope_key = 'ALL'`;
  }

  it("serves the unfiltered all-cases dashboard from a fresh snapshot, with the figures a live computation gives", async () => {
    const cast = await dashboardCast();
    await portfolio(cast);
    const computedAt = new Date();
    const live = await getDashboard(cast.dsca, {}, computedAt);
    expect(live.asOf).toBe(computedAt.toISOString());

    await refreshDashboardSnapshot(prisma, computedAt);
    const servedAt = later(computedAt, 30_000);
    const served = await getDashboard(cast.dsca, {}, servedAt);
    expect(served).toMatchObject({ scope: "ALL", asOf: computedAt.toISOString(), generatedAt: servedAt.toISOString() });
    expect({ ...served, generatedAt: live.generatedAt }).toEqual(live);
    // Blank filters (an empty filter form) are no filters; any staff role that sees every case gets the same figures.
    expect(await getDashboard(cast.dsca, { from: "", to: "", agency: "", country: "" }, servedAt)).toEqual(served);
    expect(await getDashboard(await actorFor(prisma, "ADMIN"), {}, servedAt)).toEqual(served);
  });

  it("computes every filtered dashboard live, even with a fresh snapshot", async () => {
    const cast = await dashboardCast();
    await portfolio(cast);
    const computedAt = new Date();
    await markedSnapshot(computedAt);
    const servedAt = later(computedAt, 1_000);
    expect((await getDashboard(cast.dsca, {}, servedAt)).totals.cases).toBe(-1);

    const today = servedAt.toISOString().slice(0, 10);
    for (const filters of [{ agency: cast.agency.code }, { country: cast.country.code }, { from: "2000-01-01" }, { to: today }]) {
      const view = await getDashboard(cast.dsca, filters, servedAt);
      expect({ filters, asOf: view.asOf }).toEqual({ filters, asOf: servedAt.toISOString() });
      expect(view.totals.cases).toBeGreaterThan(0);
    }
    expect((await getDashboard(cast.dsca, { agency: cast.agency.code }, servedAt)).totals.cases).toBe(6);
  });

  it("ignores a snapshot older than the bound and computes live", async () => {
    const cast = await dashboardCast();
    await portfolio(cast);
    const now = new Date();
    await markedSnapshot(new Date(now.getTime() - SNAPSHOT_MAX_AGE_MS + 1_000));
    expect((await getDashboard(cast.dsca, {}, now)).totals.cases).toBe(-1);

    await markedSnapshot(new Date(now.getTime() - SNAPSHOT_MAX_AGE_MS - 1_000));
    const view = await getDashboard(cast.dsca, {}, now);
    expect(view.asOf).toBe(now.toISOString());
    expect(view.totals.cases).toBeGreaterThanOrEqual(6);
  });

  it("never gives a partner or an agency case manager the all-cases figures", async () => {
    const cast = await dashboardCast();
    await portfolio(cast);
    const now = new Date();
    const partnerLive = await getDashboard(cast.partner, {}, now);
    const agencyLive = await getDashboard(cast.ia, {}, now);

    await markedSnapshot(now);
    expect((await getDashboard(cast.dsca, {}, later(now, 1_000))).totals.cases).toBe(-1);
    const partner = await getDashboard(cast.partner, {}, now);
    expect(partner).toEqual(partnerLive);
    expect(partner).toMatchObject({ scope: "COUNTRY", asOf: now.toISOString(), bottleneck: null, valueByCountry: null });
    // Their country's cases (its two-character code may be shared with other tests' casts, so counted by the list).
    expect(partner.totals.cases).toBe((await listCases(cast.partner, { pageSize: "1" })).total);
    const agency = await getDashboard(cast.ia, {}, now);
    expect(agency).toEqual(agencyLive);
    expect(agency).toMatchObject({ scope: "AGENCY", asOf: now.toISOString() });
    expect(agency.totals.cases).toBe(6);
  });
});
