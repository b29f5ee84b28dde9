// The policy tables' rows and proposals as the policy screens and the API show them (issue 13). The tables are small
// (tens of rows per table), so a series' whole history is read at once; proposals and impacts are paginated.
import "server-only";
import Decimal from "decimal.js";
import { can, type Actor } from "@/domain/policy";
import { formatPolicyValue, policySeries, policyTimeline, rowInForce, type PolicySeries, type PolicyTable } from "@/domain/policy-rows";
import type { PolicyChangeView, PolicyRowView } from "@/domain/schemas/policy";
import { isoDay } from "@/domain/sla";
import type { Prisma } from "../../generated/prisma/client";
import type { Tx } from "../db";
import { AppError } from "../errors";
import type { ImpactTotals } from "./policy-impact";

/** A row of pricing_rates or sla_rules, as far as the policy screens are concerned. */
export interface PolicyRow {
  id: string;
  key: string;
  table: PolicyTable;
  value: string | null;
  days: number | null;
  dayKind: "CALENDAR" | "BUSINESS" | null;
  amberPercent: number | null;
  effectiveFrom: Date;
  effectiveTo: Date | null;
  source: string;
  policyChangeId: string | null;
}

const fraction = (value: Prisma.Decimal) => new Decimal(value.toString()).toString();

/** Every row of both tables (or of one series), oldest first. */
export async function loadPolicyRows(client: Pick<Tx, "pricingRate" | "slaRule">, key?: string): Promise<PolicyRow[]> {
  const where = key ? { key } : {};
  const [rates, rules] = await Promise.all([
    client.pricingRate.findMany({ where, orderBy: [{ key: "asc" }, { effectiveFrom: "asc" }] }),
    client.slaRule.findMany({ where, orderBy: [{ key: "asc" }, { effectiveFrom: "asc" }] }),
  ]);
  return [
    ...rates.map((r): PolicyRow => ({ ...r, table: "PRICING_RATE", value: fraction(r.value), days: null, dayKind: null, amberPercent: null })),
    ...rules.map((r): PolicyRow => ({ ...r, table: "SLA_RULE", value: null, dayKind: r.dayKind as "CALENDAR" | "BUSINESS" })),
  ];
}

/** A series' rows as views, newest first, each with the period it governs and whether it is in force or scheduled. */
export function rowViews(series: PolicySeries, rows: readonly PolicyRow[], now: Date): PolicyRowView[] {
  const own = rows.filter((row) => row.key === series.key && row.table === series.table);
  const inForce = rowInForce(own, now);
  return policyTimeline(own)
    .periods.map(({ row, until }) => ({
      id: row.id,
      key: row.key,
      table: row.table,
      value: row.value,
      days: row.days,
      dayKind: row.dayKind,
      amberPercent: row.amberPercent,
      display: formatPolicyValue(series, row),
      effectiveFrom: isoDay(row.effectiveFrom),
      governsUntil: until ? isoDay(until) : null,
      source: row.source,
      policyChangeId: row.policyChangeId,
      inForce: row === inForce,
      scheduled: row.effectiveFrom > now,
    }))
    .reverse();
}

export function seriesOrNotFound(key: string): PolicySeries {
  const series = policySeries(key);
  if (!series) throw new AppError("NOT_FOUND", "There is no policy series with that key");
  return series;
}

export const changeInclude = {
  proposedBy: { select: { id: true, name: true } },
  decidedBy: { select: { id: true, name: true } },
} satisfies Prisma.PolicyChangeInclude;
export type PolicyChangeRow = Prisma.PolicyChangeGetPayload<{ include: typeof changeInclude }>;

/** The row a proposal would write, in the shape the formatter and the pricing engine read. */
export const proposedRow = (change: Pick<PolicyChangeRow, "value" | "days" | "dayKind" | "amberPercent">) => ({
  value: change.value === null ? null : fraction(change.value),
  days: change.days,
  dayKind: change.dayKind as "CALENDAR" | "BUSINESS" | null,
  amberPercent: change.amberPercent,
});

/** What the actor may do with a proposal now: an administrator other than the proposer decides; the proposer withdraws. */
export function changeActions(actor: Actor, change: Pick<PolicyChangeRow, "status" | "proposedById">): PolicyChangeView["availableActions"] {
  if (change.status !== "PROPOSED") return [];
  const actions: PolicyChangeView["availableActions"] = [];
  if (can(actor, "decidePolicyChange", { userId: change.proposedById })) actions.push("approve", "reject");
  if (change.proposedById === actor.userId) actions.push("withdraw");
  return actions;
}

export function changeView(
  actor: Actor,
  change: PolicyChangeRow,
  context: { rows: readonly PolicyRow[]; impact: ImpactTotals | null },
): PolicyChangeView {
  const series = seriesOrNotFound(change.key);
  const proposed = proposedRow(change);
  const current = rowInForce(
    context.rows.filter((row) => row.key === change.key && row.table === change.table && row.policyChangeId !== change.id),
    change.effectiveFrom,
  );
  return {
    id: change.id,
    table: change.table,
    key: change.key,
    label: series.label,
    status: change.status,
    version: change.version,
    ...proposed,
    display: formatPolicyValue(series, proposed),
    currentDisplay: current ? formatPolicyValue(series, current) : null,
    effectiveFrom: isoDay(change.effectiveFrom),
    source: change.source,
    proposedBy: change.proposedBy,
    proposedAt: change.proposedAt.toISOString(),
    decidedBy: change.decidedBy,
    decidedAt: change.decidedAt?.toISOString() ?? null,
    decisionNote: change.decisionNote,
    impact:
      context.impact && change.impactComputedAt
        ? {
            computedAt: change.impactComputedAt.toISOString(),
            pricedOn: isoDay(context.impact.pricedOn),
            documents: context.impact.documents,
            notificationChanges: context.impact.notificationChanges,
            totalBefore: context.impact.totalBefore,
            totalAfter: context.impact.totalAfter,
          }
        : null,
    availableActions: changeActions(actor, change),
  };
}
