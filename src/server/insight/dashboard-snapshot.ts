// Free of `server-only` (and of db()) so the bench harness can keep a snapshot fresh as the job runner does.
import { DashboardFigures } from "../../domain/schemas/dashboard";
import type { PrismaClient } from "../../generated/prisma/client";
import { computeDashboard } from "./dashboard-figures";

// The unfiltered staff dashboard groups every case (about 300 ms at 100,000 cases on two cores, issue 18 item 6), so a
// job computes it once a minute into dashboard_snapshots (migration 20261206100000_dashboard_snapshots) and
// get-dashboard.ts serves it while it is fresh. Only that scope is stored: a partner's and an agency's dashboards cover
// few cases and stay live, and any filter reads live too.

/** The snapshot of every case's figures, as the staff who see every case (not partners, not agency managers) see them. */
export const ALL_CASES_SNAPSHOT = "ALL";

/**
 * The job runs every minute; twice that lets one run be late or fail before the page falls back to computing live, so a
 * reader never sees figures older than this.
 */
export const SNAPSHOT_MAX_AGE_MS = 2 * 60_000;

/** Computes the figures of every case as of `now` and stores them, replacing the previous snapshot. */
export async function refreshDashboardSnapshot(client: PrismaClient, now: Date): Promise<void> {
  const figures = await computeDashboard(client, { kind: "ALL" }, {}, now);
  await client.dashboardSnapshot.upsert({
    where: { scopeKey: ALL_CASES_SNAPSHOT },
    create: { scopeKey: ALL_CASES_SNAPSHOT, computedAt: now, figures },
    update: { computedAt: now, figures },
  });
}

/**
 * The stored figures and when they were computed, or null when there are none, they are older than
 * SNAPSHOT_MAX_AGE_MS, or they no longer fit the view's schema (written by an older release).
 */
export async function readDashboardSnapshot(client: PrismaClient, scopeKey: string, now: Date): Promise<{ computedAt: Date; figures: DashboardFigures } | null> {
  const row = await client.dashboardSnapshot.findUnique({ where: { scopeKey } });
  if (!row) return null;
  const age = now.getTime() - row.computedAt.getTime();
  // A snapshot from the future (clocks of two instances apart) is as good as a fresh one, within the same bound.
  if (Math.abs(age) > SNAPSHOT_MAX_AGE_MS) return null;
  const parsed = DashboardFigures.safeParse(row.figures);
  return parsed.success ? { computedAt: row.computedAt, figures: parsed.data } : null;
}
