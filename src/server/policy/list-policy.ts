import "server-only";
import { can, type Actor } from "@/domain/policy";
import { POLICY_SERIES } from "@/domain/policy-rows";
import type { PolicySeriesDetailView, PolicySeriesView } from "@/domain/schemas/policy";
import { assertCan } from "../auth/actor";
import { db } from "../db";
import { loadPolicyRows, rowViews, seriesOrNotFound, type PolicyRow } from "./policy-store";

function seriesView(series: (typeof POLICY_SERIES)[number], rows: readonly PolicyRow[], pending: number, now: Date): PolicySeriesDetailView {
  const history = rowViews(series, rows, now);
  const current = history.find((row) => row.inForce) ?? null;
  // The earliest approved row still to come: the one that will next take over.
  const next = history.filter((row) => row.scheduled).at(-1) ?? null;
  return { ...series, current, next, pendingProposals: pending, history };
}

async function pendingByKey(key?: string): Promise<Map<string, number>> {
  const groups = await db().policyChange.groupBy({ by: ["key"], where: { status: "PROPOSED", ...(key ? { key } : {}) }, _count: { _all: true } });
  return new Map(groups.map((g) => [g.key, g._count._all]));
}

/**
 * Every policy series with the row in force today, the next approved row and the proposals waiting. Everyone signed in
 * may read what is in force (the what-if calculator shows it); the history and proposals are for policy staff.
 */
export async function listPolicySeries(actor: Actor, now = new Date()): Promise<PolicySeriesView[]> {
  assertCan(actor, "viewPolicyRates");
  const staff = can(actor, "viewPolicyAdministration");
  const [rows, pending] = await Promise.all([loadPolicyRows(db()), staff ? pendingByKey() : Promise.resolve(new Map<string, number>())]);
  return POLICY_SERIES.map((series) => {
    const { history: _history, ...view } = seriesView(series, rows, pending.get(series.key) ?? 0, now);
    return staff ? view : { ...view, next: null, pendingProposals: 0 };
  });
}

/** One series with its whole history, newest first (policy staff and auditors). */
export async function getPolicySeries(actor: Actor, key: string, now = new Date()): Promise<PolicySeriesDetailView> {
  assertCan(actor, "viewPolicyAdministration");
  const series = seriesOrNotFound(key);
  const [rows, pending] = await Promise.all([loadPolicyRows(db(), key), pendingByKey(key)]);
  return seriesView(series, rows, pending.get(key) ?? 0, now);
}
