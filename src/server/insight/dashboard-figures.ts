// Free of `server-only` (and of db()) so the snapshot job's refresh, the bench harness and dev scripts compute the
// dashboard with the same SQL as the page (src/server/insight/dashboard-snapshot.ts).
import Decimal from "decimal.js";
import {
  AGENCY_STEP_STATUSES,
  OPEN_PIPELINE_STATUSES,
  PARTNER_VALUE_STATUSES,
  STEP_AGE_BOUNDS,
  caseListHref,
  countedBuckets,
  drillFilters,
  lorToOfferBounds,
  medianOfCounts,
  officeName,
} from "../../domain/insight/dashboard";
import { sumAmounts } from "../../domain/money";
import type { DashboardFigures, DashboardQuery } from "../../domain/schemas/dashboard";
import { CASE_STATUSES, CASE_STATUS_LABELS, STATUS_SLA_KEYS, type CaseStatus } from "../../domain/workflow/states";
import { Prisma, type PrismaClient } from "../../generated/prisma/client";
import { isoDay, startOfNextUtcDay, startOfUtcDay } from "../../domain/sla";

const DAY_SECONDS = 86_400;
const TOP_SHARES = 15;

/** Stored IN_REVIEW that reads as READY_TO_SIGN: the formal period ended and no review is open (as list-cases.ts). */
const REVIEW_PERIOD_OVER = (now: Date) => Prisma.sql`(c.status = 'IN_REVIEW' AND c.review_round > 0 AND c.cn_status = 'FORMALLY_NOTIFIED'
  AND c.cn_period_ends_at <= ${now} AND NOT EXISTS (SELECT 1 FROM review_tasks t WHERE t.case_id = c.id AND t.status = 'OPEN'))`;

/** The status each case reads as now (clock events that fell due applied), as the case list's status filter counts it. */
const READ_STATUS = (now: Date) => Prisma.sql`CASE
  WHEN c.status = 'OFFERED' AND c.offer_expires_at <= ${now} THEN 'EXPIRED'
  WHEN ${REVIEW_PERIOD_OVER(now)} THEN 'READY_TO_SIGN'
  ELSE c.status::text END`;

interface StatusGroup {
  status: CaseStatus;
  agency_id: string;
  country_id: string;
  cases: number;
  value: string | null;
}

/** The stored groups with the cases a clock has moved taken out of their stored status and put into the one they read as. */
function readStatusGroups(stored: readonly StatusGroup[], moved: readonly (StatusGroup & { read_status: CaseStatus })[]): StatusGroup[] {
  const key = (g: Pick<StatusGroup, "status" | "agency_id" | "country_id">) => `${g.status}|${g.agency_id}|${g.country_id}`;
  const groups = new Map(stored.map((g) => [key(g), { ...g, value: new Decimal(g.value ?? 0) }]));
  const shift = (g: Omit<StatusGroup, "value">, cases: number, value: Decimal) => {
    const entry = groups.get(key(g)) ?? { ...g, cases: 0, value: new Decimal(0) };
    groups.set(key(g), { ...entry, cases: entry.cases + cases, value: entry.value.plus(value) });
  };
  for (const m of moved) {
    const value = new Decimal(m.value ?? 0);
    shift(m, -m.cases, value.negated());
    shift({ ...m, status: m.read_status }, m.cases, value);
  }
  return [...groups.values()].filter((g) => g.cases > 0).map((g) => ({ ...g, value: g.value.toFixed(2) }));
}

const textList = (values: readonly string[]) => Prisma.join(values.map((v) => Prisma.sql`${v}`));

/** Whose cases a dashboard covers: every case (staff), one implementing agency's, or one partner country's. */
export type DashboardScope = { kind: "ALL" } | { kind: "AGENCY"; organizationId: string } | { kind: "COUNTRY"; organizationId: string };

/**
 * Role dashboards (issue 18 item 3), each figure one grouped query over indexed columns and each with the case-list
 * link that shows the cases behind it. Partners see their country's cases and only values of LOAs offered to them;
 * agency case managers see their agency's; other staff see every case and who holds the open ones. Nothing here
 * depends on who asks beyond the scope, so one scope's figures serve everyone of that scope. The figures only:
 * get-dashboard.ts adds when they were computed (`asOf`) and served (`generatedAt`).
 */
export async function computeDashboard(client: PrismaClient, scope: DashboardScope, filters: DashboardQuery, now: Date): Promise<DashboardFigures> {
  const partner = scope.kind === "COUNTRY";
  const agencyScoped = scope.kind === "AGENCY";

  const [agencies, ownAgency] = await Promise.all([
    client.organization.findMany({ where: { kind: "IMPLEMENTING_AGENCY" }, select: { id: true, code: true, name: true } }),
    agencyScoped ? client.organization.findUnique({ where: { id: scope.organizationId }, select: { code: true } }) : null,
  ]);
  // An agency case manager's dashboard is their agency's; the filter shows it so every drill-down keeps it.
  const effective: DashboardQuery = { ...filters, ...(agencyScoped && ownAgency ? { agency: ownAgency.code } : {}), ...(partner ? { country: undefined } : {}) };
  const base = drillFilters(effective);

  const conditions = [
    scope.kind === "COUNTRY" ? Prisma.sql`c.country_id = ${scope.organizationId}::uuid` : null,
    effective.agency ? Prisma.sql`c.implementing_agency_id IN (SELECT id FROM organizations WHERE code = ${effective.agency})` : null,
    effective.country ? Prisma.sql`c.country_id IN (SELECT id FROM organizations WHERE code = ${effective.country})` : null,
    effective.from ? Prisma.sql`c.opened_at >= ${startOfUtcDay(effective.from)}` : null,
    effective.to ? Prisma.sql`c.opened_at < ${startOfNextUtcDay(effective.to)}` : null,
  ].filter((condition) => condition !== null);
  const scoped = conditions.length ? Prisma.join(conditions, " AND ") : Prisma.sql`TRUE`;
  // Values a partner may see: of LOAs offered to them (a suspended case counts as the state it was suspended from).
  // Stored statuses suffice: a clock only ever moves OFFERED to EXPIRED (both visible) and IN_REVIEW to READY_TO_SIGN
  // (neither visible).
  const visibleValue = partner
    ? Prisma.sql`CASE WHEN c.status::text IN (${textList(PARTNER_VALUE_STATUSES)})
                        OR (c.status = 'SUSPENDED' AND c.suspended_from_status::text IN (${textList(PARTNER_VALUE_STATUSES)}))
                      THEN c.value END`
    : Prisma.sql`c.value`;
  // The LOA development standard in force today: letter complete to offer (fms-domain.md §9).
  const targetRule = await client.slaRule.findFirst({
    where: { key: STATUS_SLA_KEYS.IN_DEVELOPMENT!, effectiveFrom: { lte: now }, OR: [{ effectiveTo: null }, { effectiveTo: { gt: now } }] },
    orderBy: { effectiveFrom: "desc" },
  });
  const targetDays = targetRule?.dayKind === "CALENDAR" ? targetRule.days : null;
  const lorBounds = lorToOfferBounds();
  const ago = (days: number) => new Date(now.getTime() - days * DAY_SECONDS * 1000);

  // Small grouped reads over plain columns (the planner hashes a few hundred groups; expressions in a GROUP BY would
  // make it sort 100,000 rows instead): the cases by stored status, agency and country; the few whose clock has moved
  // their status (an offer expired, a review period over with every review in) to correct them; the offered cases by
  // 15-day bucket; the cases in the agency's steps by age bucket.
  const [stored, moved, lorRows, ageRows, offerRows] = await Promise.all([
    client.$queryRaw<StatusGroup[]>`
      SELECT c.status::text AS status, c.implementing_agency_id AS agency_id, c.country_id, count(*)::int AS cases, sum(${visibleValue})::text AS value
        FROM cases c WHERE ${scoped} GROUP BY c.status, c.implementing_agency_id, c.country_id`,
    client.$queryRaw<(StatusGroup & { read_status: CaseStatus })[]>`
      SELECT c.status::text AS status, ${READ_STATUS(now)} AS read_status, c.implementing_agency_id AS agency_id, c.country_id,
             count(*)::int AS cases, sum(${visibleValue})::text AS value
        FROM cases c
       WHERE ${scoped} AND ((c.status = 'OFFERED' AND c.offer_expires_at <= ${now}) OR ${REVIEW_PERIOD_OVER(now)})
       GROUP BY 1, 2, 3, 4`,
    client.$queryRaw<{ bucket: number; cases: number; within_target: number }[]>`
      SELECT least(c.lor_to_offer_days / 15, ${lorBounds.length - 1})::int AS bucket, count(*)::int AS cases,
             (count(*) FILTER (WHERE c.lor_to_offer_days <= ${targetDays ?? -1}))::int AS within_target
        FROM cases c WHERE ${scoped} AND c.lor_to_offer_days IS NOT NULL GROUP BY 1`,
    client.$queryRaw<{ status: CaseStatus; bucket: number; cases: number }[]>`
      SELECT x.read_status AS status, x.bucket::int AS bucket, count(*)::int AS cases
        FROM (SELECT ${READ_STATUS(now)} AS read_status,
                     CASE ${Prisma.join(STEP_AGE_BOUNDS.slice(1).map((b, i) => Prisma.sql`WHEN c.status_changed_at > ${ago(b.minDays)} THEN ${i}`), " ")}
                          ELSE ${STEP_AGE_BOUNDS.length - 1} END AS bucket
                FROM cases c WHERE ${scoped} AND c.status::text IN (${textList([...AGENCY_STEP_STATUSES, "IN_REVIEW"])})) x
       WHERE x.read_status IN (${textList(AGENCY_STEP_STATUSES)})
       GROUP BY 1, 2`,
    client.$queryRaw<{ id: string; identifier: string; agency: string; value: string | null; offer_expires_at: Date }[]>`
      SELECT c.id, c.identifier, a.name AS agency, c.value::text AS value, c.offer_expires_at
        FROM cases c JOIN organizations a ON a.id = c.implementing_agency_id
       WHERE ${scoped} AND c.status = 'OFFERED' AND c.offer_expires_at > ${now}
       ORDER BY c.offer_expires_at, c.identifier LIMIT 10`,
  ]);
  const groups = readStatusGroups(stored, moved);
  // A partner's bills coming due: each statement from today on (index on the case's statements, then its due day).
  const nextPayments = partner
    ? await client.$queryRaw<{ case_id: string; identifier: string; due_on: Date; amount_due: string }[]>`
        SELECT s.case_id, c.identifier, s.due_on, s.amount_due::text AS amount_due
          FROM billing_statements s JOIN cases c ON c.id = s.case_id
         WHERE ${scoped} AND s.due_on >= ${startOfUtcDay(isoDay(now))}::date AND s.amount_due > 0
         ORDER BY s.due_on, c.identifier LIMIT 10`
    : null;
  const bottleneck = partner ? null : await officeLoads(client, conditions.length ? scoped : null, base, new Map(agencies.map((a) => [a.id, a.name])), now);

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
  const lorCounts = lorBounds.map((_, i) => lorRows.filter((r) => r.bucket === i).reduce((n, r) => n + r.cases, 0));
  const offered = lorCounts.reduce((n, c) => n + c, 0);

  return {
    scope: partner ? "COUNTRY" : agencyScoped ? "AGENCY" : "ALL",
    filters: { from: effective.from ?? null, to: effective.to ?? null, agency: effective.agency ?? null, country: partner ? null : (effective.country ?? null) },
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
      withinTarget: targetDays === null ? 0 : lorRows.reduce((n, r) => n + r.within_target, 0),
      buckets: countedBuckets(lorBounds, lorCounts, targetDays, (b) => caseListHref(base, { minLorToOfferDays: b.minDays, maxLorToOfferDays: b.maxDays ?? undefined, sort: "opened" })),
    },
    valueByCountry: partner ? null : shares("country_id", countries, "country"),
    valueByAgency: shares("agency_id", agencies, "agency"),
    agingByStep: AGENCY_STEP_STATUSES.map((status) => {
      const counts = STEP_AGE_BOUNDS.map((_, i) => ageRows.filter((r) => r.status === status && r.bucket === i).reduce((n, r) => n + r.cases, 0));
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
 * Who holds the open cases now (`scoped`: the dashboard's filters, or null for every case, which needs no join): the
 * office rows of the derived inbox valid at this moment (src/domain/workflow/inbox.ts writes at most one per office
 * and case for any moment), counted per office and whole days held, so the median is exact without sorting every row.
 */
async function officeLoads(client: PrismaClient, scoped: Prisma.Sql | null, base: Record<string, string>, names: ReadonlyMap<string, string>, now: Date) {
  const [rows, accountables] = await Promise.all([
    client.$queryRaw<{ inbox: string; days: number; cases: number; overdue: number }[]>`
      SELECT e.inbox, floor(extract(epoch FROM ${now}::timestamptz - e.since) / ${DAY_SECONDS})::int AS days,
             count(*)::int AS cases, (count(*) FILTER (WHERE e.due_at < ${now}))::int AS overdue
        FROM case_inbox_entries e ${scoped ? Prisma.sql`JOIN cases c ON c.id = e.case_id AND ${scoped}` : Prisma.empty}
       WHERE e.user_id IS NULL
         AND (e.valid_from IS NULL OR e.valid_from <= ${now}) AND (e.valid_until IS NULL OR e.valid_until > ${now})
       GROUP BY 1, 2`,
    client.officeAccountable.findMany({ select: { inbox: true, user: { select: { name: true, email: true } } } }),
  ]);
  const byOffice = new Map<string, { days: number; cases: number; overdue: number }[]>();
  for (const row of rows) byOffice.set(row.inbox, [...(byOffice.get(row.inbox) ?? []), row]);
  return [...byOffice]
    .map(([inbox, histogram]) => {
      const accountable = accountables.find((a) => a.inbox === inbox)?.user ?? null;
      return {
        office: inbox,
        officeName: officeName(inbox, names),
        accountable,
        cases: histogram.reduce((n, h) => n + h.cases, 0),
        overdue: histogram.reduce((n, h) => n + h.overdue, 0),
        medianDaysHeld: medianOfCounts(histogram),
        longestDaysHeld: Math.max(...histogram.map((h) => h.days)),
        href: caseListHref(base, { waitingOn: inbox, sort: "due" }),
        overdueHref: caseListHref(base, { waitingOn: inbox, overdue: "true", sort: "due" }),
      };
    })
    .sort((a, b) => b.overdue - a.overdue || b.cases - a.cases || a.officeName.localeCompare(b.officeName));
}
