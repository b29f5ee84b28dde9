import "server-only";
import Decimal from "decimal.js";
import {
  AGENCY_STEP_STATUSES,
  OPEN_PIPELINE_STATUSES,
  PARTNER_VALUE_STATUSES,
  STEP_AGE_BOUNDS,
  type BucketBounds,
  caseListHref,
  countedBuckets,
  drillFilters,
  lorToOfferBounds,
  officeName,
} from "@/domain/insight/dashboard";
import { sumAmounts } from "@/domain/money";
import type { Actor } from "@/domain/policy";
import { DashboardQuery, type DashboardView } from "@/domain/schemas/dashboard";
import { CASE_STATUSES, CASE_STATUS_LABELS, STATUS_SLA_KEYS, type CaseStatus } from "@/domain/workflow/states";
import { Prisma } from "../../generated/prisma/client";
import { assertCan } from "../auth/actor";
import { db } from "../db";
import { parseInput } from "../errors";

const DAY_SECONDS = 86_400;
const TOP_SHARES = 15;

/** The status each case reads as now (clock events that fell due applied), as the case list's status filter counts it. */
const READ_STATUS = (now: Date) => Prisma.sql`CASE
  WHEN c.status = 'OFFERED' AND c.offer_expires_at <= ${now} THEN 'EXPIRED'
  WHEN c.status = 'IN_REVIEW' AND c.review_round > 0 AND c.cn_status = 'FORMALLY_NOTIFIED' AND c.cn_period_ends_at <= ${now}
       AND NOT EXISTS (SELECT 1 FROM review_tasks t WHERE t.case_id = c.id AND t.status = 'OPEN') THEN 'READY_TO_SIGN'
  ELSE c.status::text END`;

const dayStart = (day: string) => new Date(`${day}T00:00:00Z`);
const textList = (values: readonly string[]) => Prisma.join(values.map((v) => Prisma.sql`${v}`));

/**
 * Role dashboards (issue 18 item 3), each figure one grouped query over indexed columns and each with the case-list
 * link that shows the cases behind it. Partners see their country's cases and only values of LOAs offered to them;
 * agency case managers see their agency's; other staff see every case and who holds the open ones.
 */
export async function getDashboard(actor: Actor, query: unknown, now = new Date()): Promise<DashboardView> {
  assertCan(actor, "viewDashboard");
  const filters = parseInput(DashboardQuery, query);
  const partner = actor.role === "PARTNER_OFFICER";
  const agencyScoped = actor.role === "IA_CASE_MANAGER";
  const client = db();

  const [agencies, ownAgency] = await Promise.all([
    client.organization.findMany({ where: { kind: "IMPLEMENTING_AGENCY" }, select: { id: true, code: true, name: true } }),
    agencyScoped ? client.organization.findUnique({ where: { id: actor.organizationId }, select: { code: true } }) : null,
  ]);
  // An agency case manager's dashboard is their agency's; the filter shows it so every drill-down keeps it.
  const effective: DashboardQuery = { ...filters, ...(agencyScoped && ownAgency ? { agency: ownAgency.code } : {}), ...(partner ? { country: undefined } : {}) };
  const base = drillFilters(effective);

  const conditions = [
    partner ? Prisma.sql`c.country_id = ${actor.organizationId}::uuid` : null,
    effective.agency ? Prisma.sql`c.implementing_agency_id IN (SELECT id FROM organizations WHERE code = ${effective.agency})` : null,
    effective.country ? Prisma.sql`c.country_id IN (SELECT id FROM organizations WHERE code = ${effective.country})` : null,
    effective.from ? Prisma.sql`c.opened_at >= ${dayStart(effective.from)}` : null,
    effective.to ? Prisma.sql`c.opened_at < ${new Date(dayStart(effective.to).getTime() + DAY_SECONDS * 1000)}` : null,
  ].filter((condition) => condition !== null);
  const scoped = conditions.length ? Prisma.join(conditions, " AND ") : Prisma.sql`TRUE`;
  // Values a partner may see: of LOAs offered to them (a suspended case counts as the state it was suspended from).
  const visibleValue = partner
    ? Prisma.sql`CASE WHEN x.read_status IN (${textList(PARTNER_VALUE_STATUSES)})
                        OR (x.read_status = 'SUSPENDED' AND x.suspended_from_status::text IN (${textList(PARTNER_VALUE_STATUSES)}))
                      THEN x.value END`
    : Prisma.sql`x.value`;
  // The LOA development standard in force today: letter complete to offer (fms-domain.md §9).
  const targetRule = await client.slaRule.findFirst({
    where: { key: STATUS_SLA_KEYS.IN_DEVELOPMENT!, effectiveFrom: { lte: now }, OR: [{ effectiveTo: null }, { effectiveTo: { gt: now } }] },
    orderBy: { effectiveFrom: "desc" },
  });
  const targetDays = targetRule?.dayKind === "CALENDAR" ? targetRule.days : null;
  const lorBounds = lorToOfferBounds();
  const within = (column: Prisma.Sql, b: BucketBounds) =>
    b.maxDays === null ? Prisma.sql`${column} >= ${b.minDays}` : Prisma.sql`${column} BETWEEN ${b.minDays} AND ${b.maxDays}`;
  const bucketCounts = (column: Prisma.Sql, bounds: readonly BucketBounds[], only = Prisma.sql`TRUE`) =>
    Prisma.join(bounds.map((b) => Prisma.sql`(count(*) FILTER (WHERE ${only} AND ${within(column, b)}))::int`), ", ");

  // One pass over the cases in scope, grouped by status, agency and country: the pipeline, the value shares and both
  // day distributions are sums over these groups (a few hundred rows), so 100,000 cases are read once, not five times.
  const [groups, offerRows] = await Promise.all([
    client.$queryRaw<{ status: CaseStatus; agency_id: string; country_id: string; cases: number; value: string | null; within_target: number; lor: number[]; age: number[] }[]>`
      SELECT x.read_status AS status, x.implementing_agency_id AS agency_id, x.country_id, count(*)::int AS cases,
             sum(${visibleValue})::text AS value,
             (count(*) FILTER (WHERE x.lor_to_offer_days <= ${targetDays ?? -1}))::int AS within_target,
             ARRAY[${bucketCounts(Prisma.sql`x.lor_to_offer_days`, lorBounds)}] AS lor,
             ARRAY[${bucketCounts(Prisma.sql`x.age`, STEP_AGE_BOUNDS)}] AS age
        FROM (SELECT c.implementing_agency_id, c.country_id, c.value, c.suspended_from_status, c.lor_to_offer_days,
                     floor(extract(epoch FROM ${now}::timestamptz - c.status_changed_at) / ${DAY_SECONDS})::int AS age,
                     ${READ_STATUS(now)} AS read_status
                FROM cases c WHERE ${scoped}) x
       GROUP BY 1, 2, 3`,
    client.$queryRaw<{ id: string; identifier: string; agency: string; value: string | null; offer_expires_at: Date }[]>`
      SELECT c.id, c.identifier, a.name AS agency, c.value::text AS value, c.offer_expires_at
        FROM cases c JOIN organizations a ON a.id = c.implementing_agency_id
       WHERE ${scoped} AND c.status = 'OFFERED' AND c.offer_expires_at > ${now}
       ORDER BY c.offer_expires_at, c.identifier LIMIT 10`,
  ]);
  // A partner's bills coming due: each statement from today on (index on the case's statements, then its due day).
  const nextPayments = partner
    ? await client.$queryRaw<{ case_id: string; identifier: string; due_on: Date; amount_due: string }[]>`
        SELECT s.case_id, c.identifier, s.due_on, s.amount_due::text AS amount_due
          FROM billing_statements s JOIN cases c ON c.id = s.case_id
         WHERE ${scoped} AND s.due_on >= ${dayStart(now.toISOString().slice(0, 10))}::date AND s.amount_due > 0
         ORDER BY s.due_on, c.identifier LIMIT 10`
    : null;
  const bottleneck = partner ? null : await officeLoads(scoped, base, new Map(agencies.map((a) => [a.id, a.name])), now);

  const countries = partner
    ? []
    : await client.organization.findMany({ where: { id: { in: [...new Set(groups.map((g) => g.country_id))] } }, select: { id: true, code: true, name: true } });
  const shares = (key: "agency_id" | "country_id", orgs: readonly { id: string; code: string; name: string }[], param: "agency" | "country") => {
    const byOrg = new Map<string, { cases: number; values: (string | null)[] }>();
    for (const g of groups) {
      const entry = byOrg.get(g[key]) ?? { cases: 0, values: [] };
      entry.cases += g.cases;
      entry.values.push(g.value);
      byOrg.set(g[key], entry);
    }
    return [...byOrg]
      .map(([id, entry]) => {
        const org = orgs.find((o) => o.id === id);
        return { code: org?.code ?? "?", name: org?.name ?? "Unknown", cases: entry.cases, value: sumAmounts(entry.values), href: caseListHref(base, { [param]: org?.code, sort: "value" }) };
      })
      .sort((a, b) => new Decimal(b.value).comparedTo(a.value) || b.cases - a.cases || a.name.localeCompare(b.name))
      .slice(0, TOP_SHARES);
  };

  const pipeline = CASE_STATUSES.flatMap((status) => {
    const rows = groups.filter((g) => g.status === status);
    if (rows.length === 0) return [];
    return [{ status, label: CASE_STATUS_LABELS[status], cases: rows.reduce((n, g) => n + g.cases, 0), value: sumAmounts(rows.map((g) => g.value)), href: caseListHref(base, { status }) }];
  });
  const open = pipeline.filter((p) => OPEN_PIPELINE_STATUSES.includes(p.status));
  const lorCounts = lorBounds.map((_, i) => groups.reduce((n, g) => n + (g.lor[i] ?? 0), 0));
  const offered = lorCounts.reduce((n, c) => n + c, 0);

  return {
    scope: partner ? "COUNTRY" : agencyScoped ? "AGENCY" : "ALL",
    filters: { from: effective.from ?? null, to: effective.to ?? null, agency: effective.agency ?? null, country: partner ? null : (effective.country ?? null) },
    generatedAt: now.toISOString(),
    totals: {
      cases: pipeline.reduce((n, p) => n + p.cases, 0),
      openCases: open.reduce((n, p) => n + p.cases, 0),
      value: sumAmounts(pipeline.map((p) => p.value)),
      openValue: sumAmounts(open.map((p) => p.value)),
      href: caseListHref(base, {}),
    },
    pipeline,
    bottleneck,
    lorToOffer: {
      targetDays,
      offered,
      withinTarget: targetDays === null ? 0 : groups.reduce((n, g) => n + g.within_target, 0),
      buckets: countedBuckets(lorBounds, lorCounts, targetDays, (b) => caseListHref(base, { minLorToOfferDays: b.minDays, maxLorToOfferDays: b.maxDays ?? undefined, sort: "opened" })),
    },
    valueByCountry: partner ? null : shares("country_id", countries, "country"),
    valueByAgency: shares("agency_id", agencies, "agency"),
    agingByStep: AGENCY_STEP_STATUSES.map((status) => {
      const counts = STEP_AGE_BOUNDS.map((_, i) => groups.reduce((n, g) => n + (g.status === status ? (g.age[i] ?? 0) : 0), 0));
      return {
        status,
        label: CASE_STATUS_LABELS[status],
        buckets: countedBuckets(STEP_AGE_BOUNDS, counts, null, (b) => caseListHref(base, { status, minDaysInStatus: b.minDays, maxDaysInStatus: b.maxDays ?? undefined, sort: "due" })),
      };
    }).filter((step) => step.buckets.some((b) => b.cases > 0)),
    nextPayments:
      nextPayments?.map((row) => ({
        caseId: row.case_id,
        identifier: row.identifier,
        dueOn: row.due_on.toISOString().slice(0, 10),
        amountDue: row.amount_due,
        href: `/cases/${row.case_id}/finance`,
      })) ?? null,
    offersWaiting: offerRows.map((row) => ({
      caseId: row.id,
      identifier: row.identifier,
      agency: row.agency,
      value: row.value,
      offerExpiresAt: row.offer_expires_at.toISOString(),
      href: `/cases/${row.id}`,
    })),
  };
}

/**
 * Who holds the open cases now: the office rows of the derived inbox valid at this moment (src/domain/workflow/inbox.ts),
 * one per office and case, with how long the office has had it and whether it is past the office's target.
 */
async function officeLoads(scoped: Prisma.Sql, base: Record<string, string>, names: ReadonlyMap<string, string>, now: Date) {
  const rows = await db().$queryRaw<{ inbox: string; cases: number; overdue: number; median_days: number; longest_days: number; name: string | null; email: string | null }[]>`
    WITH held AS (
      SELECT e.inbox, e.case_id, min(e.since) AS since, min(e.due_at) AS due_at
        FROM case_inbox_entries e JOIN cases c ON c.id = e.case_id
       WHERE e.user_id IS NULL
         AND (e.valid_from IS NULL OR e.valid_from <= ${now}) AND (e.valid_until IS NULL OR e.valid_until > ${now})
         AND ${scoped}
       GROUP BY e.inbox, e.case_id)
    SELECT h.inbox, count(*)::int AS cases, (count(*) FILTER (WHERE h.due_at < ${now}))::int AS overdue,
           floor(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ${now}::timestamptz - h.since)) / ${DAY_SECONDS})::int AS median_days,
           floor(max(extract(epoch FROM ${now}::timestamptz - h.since)) / ${DAY_SECONDS})::int AS longest_days,
           u.name, u.email
      FROM held h LEFT JOIN office_accountables oa ON oa.inbox = h.inbox LEFT JOIN users u ON u.id = oa.user_id
     GROUP BY h.inbox, u.name, u.email
     ORDER BY overdue DESC, cases DESC`;
  return rows.map((row) => ({
    office: row.inbox,
    officeName: officeName(row.inbox, names),
    accountable: row.name && row.email ? { name: row.name, email: row.email } : null,
    cases: row.cases,
    overdue: row.overdue,
    medianDaysHeld: row.median_days,
    longestDaysHeld: row.longest_days,
    href: caseListHref(base, { waitingOn: row.inbox, sort: "due" }),
    overdueHref: caseListHref(base, { waitingOn: row.inbox, overdue: "true", sort: "due" }),
  }));
}
