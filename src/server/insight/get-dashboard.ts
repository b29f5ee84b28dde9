import "server-only";
import type { Actor } from "@/domain/policy";
import { DashboardQuery, type DashboardView } from "@/domain/schemas/dashboard";
import { assertCan } from "../auth/actor";
import { db } from "../db";
import { parseInput } from "../errors";
import { computeDashboard, type DashboardScope } from "./dashboard-figures";
import { ALL_CASES_SNAPSHOT, readDashboardSnapshot } from "./dashboard-snapshot";

/**
 * The caller's dashboard (issue 18 item 3; the figures in dashboard-figures.ts). Staff who see every case and set no
 * filter get the snapshot a job refreshes every minute (dashboard-snapshot.ts: grouping every case on each view was
 * too slow at 100,000 cases); a stale or missing snapshot, any filter, and partners' and agencies' dashboards are
 * computed live. `asOf` says when the figures were computed.
 */
export async function getDashboard(actor: Actor, query: unknown, now = new Date()): Promise<DashboardView> {
  assertCan(actor, "viewDashboard");
  const filters = parseInput(DashboardQuery, query);
  const scope: DashboardScope =
    actor.role === "PARTNER_OFFICER"
      ? { kind: "COUNTRY", organizationId: actor.organizationId }
      : actor.role === "IA_CASE_MANAGER"
        ? { kind: "AGENCY", organizationId: actor.organizationId }
        : { kind: "ALL" };
  const unfiltered = Object.values(filters).every((value) => value === undefined);
  if (scope.kind === "ALL" && unfiltered) {
    const snapshot = await readDashboardSnapshot(db(), ALL_CASES_SNAPSHOT, now);
    // The row's key is its scope; checking the stored scope too keeps any other scope's figures from ever being served.
    if (snapshot?.figures.scope === "ALL") return { ...snapshot.figures, generatedAt: now.toISOString(), asOf: snapshot.computedAt.toISOString() };
  }
  const figures = await computeDashboard(db(), scope, filters, now);
  return { ...figures, generatedAt: now.toISOString(), asOf: now.toISOString() };
}
