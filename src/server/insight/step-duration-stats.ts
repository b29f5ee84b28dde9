// Free of `server-only` (and of db()) so the demo seed refreshes the statistics with the same SQL as the job.
import { HISTORY_MONTHS, type HistoryStepKey } from "../../domain/insight/prediction";
import type { PrismaClient } from "../../generated/prisma/client";

// How long each step towards the offer took, per implementing agency, over the last 12 months — medians computed in
// SQL (percentile_cont) from the history the app already keeps, into step_duration_stats (migration
// 20261206010000_step_duration_stats). A daily job and the start of the job runner refresh it; predictions read one
// agency's rows by primary key, so no page view takes medians over the audit log.
//
// Where each duration comes from:
// - states on the way to the offer (assignment, development, signature, countersignature, transmittal): from the audit
//   event that moved the case forward out of the state back to the event that brought it into the state (or the case's
//   opening). A suspension inside a state ends that measurement at the resume, so paused time is not counted;
// - each office's review: review_tasks, opened to decided (returns and disapprovals included: they are reviews too);
// - the notification track's human steps: DSCA's preparation (from the approval, the requirement or a released hold to
//   sending it to State) and State's clearance (from sending to clearing). Its review periods come from policy rules;
// - shipments: shipped to received (dates), for the first delivery once execution exists.

/** Refreshes every agency's statistics as of `now` in one transaction (readers see the old rows or the new ones). */
export async function refreshStepDurationStats(client: PrismaClient, now: Date): Promise<number> {
  return client.$transaction(async (tx) => {
    // Two refreshes at once (the startup run and the daily one, or the seed) take turns: the second then deletes the
    // first's rows instead of colliding with them on the primary key.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('step_duration_stats'))`;
    await tx.$executeRaw`DELETE FROM step_duration_stats`;
    return tx.$executeRaw`
      WITH bounds AS (
        SELECT ${now}::timestamptz AS window_to, ${now}::timestamptz - make_interval(months => ${HISTORY_MONTHS}::int) AS window_from
      ),
      status_exits AS (
        SELECT e.id, e.target_id, e.occurred_at AS ended, e.details->>'fromStatus' AS from_status
        FROM audit_events e, bounds b
        WHERE e.target_type = 'case' AND e.occurred_at >= b.window_from AND e.occurred_at < b.window_to
          AND e.details->>'event' IN ('assign-agency', 'approve-loa', 'sign', 'countersign', 'offer')
          AND e.details->>'fromStatus' IN ('OPENED', 'IN_DEVELOPMENT', 'READY_TO_SIGN', 'AGENCY_SIGNED', 'COUNTERSIGNED')
          AND e.details->>'toStatus' <> e.details->>'fromStatus'
      ),
      status_durations AS (
        SELECT c.implementing_agency_id AS agency_id,
               CASE x.from_status
                 WHEN 'OPENED' THEN 'CASE_ASSIGNMENT'
                 WHEN 'IN_DEVELOPMENT' THEN 'LOA_DEVELOPMENT'
                 WHEN 'READY_TO_SIGN' THEN 'AGENCY_SIGNATURE'
                 WHEN 'AGENCY_SIGNED' THEN 'DSCA_COUNTERSIGNATURE'
                 ELSE 'OFFER_TRANSMITTAL'
               END AS step,
               coalesce(entered.at, c.opened_at) AS started, x.ended
        FROM status_exits x
        JOIN cases c ON c.id::text = x.target_id
        LEFT JOIN LATERAL (
          SELECT p.occurred_at AS at FROM audit_events p
          WHERE p.target_type = 'case' AND p.target_id = x.target_id AND p.id < x.id
            AND p.details->>'toStatus' = x.from_status AND p.details->>'fromStatus' <> x.from_status
          ORDER BY p.id DESC LIMIT 1
        ) entered ON true
      ),
      cn_exits AS (
        SELECT e.id, e.target_id, e.occurred_at AS ended, e.details->>'event' AS event
        FROM audit_events e, bounds b
        WHERE e.target_type = 'case' AND e.occurred_at >= b.window_from AND e.occurred_at < b.window_to
          AND e.details->>'event' IN ('send-notification-to-state', 'clear-notification')
      ),
      cn_durations AS (
        SELECT c.implementing_agency_id AS agency_id,
               CASE x.event WHEN 'send-notification-to-state' THEN 'CN_PREPARATION' ELSE 'CN_STATE_CLEARANCE' END AS step,
               entered.at AS started, x.ended
        FROM cn_exits x
        JOIN cases c ON c.id::text = x.target_id
        JOIN LATERAL (
          SELECT p.occurred_at AS at FROM audit_events p
          WHERE p.target_type = 'case' AND p.target_id = x.target_id AND p.id < x.id
            AND p.details->>'event' = ANY (
              CASE x.event
                WHEN 'send-notification-to-state' THEN ARRAY['approve-loa', 'set-notification-requirement', 'release-notification-hold']
                ELSE ARRAY['send-notification-to-state', 'release-notification-hold']
              END)
          ORDER BY p.id DESC LIMIT 1
        ) entered ON true
      ),
      review_durations AS (
        SELECT c.implementing_agency_id AS agency_id, 'REVIEW_' || t.office::text AS step, t.opened_at AS started, t.decided_at AS ended
        FROM review_tasks t JOIN cases c ON c.id = t.case_id, bounds b
        WHERE t.status = 'DECIDED' AND t.decided_at >= b.window_from AND t.decided_at < b.window_to
      ),
      shipment_durations AS (
        SELECT c.implementing_agency_id AS agency_id, 'SHIPMENT_TRANSIT' AS step,
               s.shipped_on::timestamp AT TIME ZONE 'UTC' AS started, s.received_on::timestamp AT TIME ZONE 'UTC' AS ended
        FROM shipments s JOIN cases c ON c.id = s.case_id, bounds b
        WHERE s.received_on IS NOT NULL
          AND s.received_on >= (b.window_from AT TIME ZONE 'UTC')::date AND s.received_on < (b.window_to AT TIME ZONE 'UTC')::date
      ),
      durations AS (
        SELECT agency_id, step, started, ended FROM status_durations
        UNION ALL SELECT agency_id, step, started, ended FROM cn_durations
        UNION ALL SELECT agency_id, step, started, ended FROM review_durations
        UNION ALL SELECT agency_id, step, started, ended FROM shipment_durations
      )
      INSERT INTO step_duration_stats (agency_id, step, sample_size, median_calendar_ms, median_business_ms, window_from, window_to, computed_at)
      SELECT d.agency_id, d.step, count(*)::int,
             round(percentile_cont(0.5) WITHIN GROUP (ORDER BY floor(extract(epoch FROM d.ended) * 1000) - floor(extract(epoch FROM d.started) * 1000)))::bigint,
             round(percentile_cont(0.5) WITHIN GROUP (ORDER BY caseway_business_ms(d.started, d.ended)))::bigint,
             b.window_from, b.window_to, ${now}::timestamptz
      FROM durations d, bounds b
      WHERE d.ended >= d.started
      GROUP BY d.agency_id, d.step, b.window_from, b.window_to`;
  }, { timeout: 120_000 });
}

export interface StepStatRow {
  step: HistoryStepKey;
  sampleSize: number;
  medianCalendarMs: number;
  medianBusinessMs: number;
  computedAt: Date;
}

/** One agency's statistics: one primary-key range read. */
export async function loadStepDurationStats(client: Pick<PrismaClient, "stepDurationStat">, agencyId: string): Promise<StepStatRow[]> {
  const rows = await client.stepDurationStat.findMany({ where: { agencyId } });
  return rows.map((row) => ({
    step: row.step as HistoryStepKey,
    sampleSize: row.sampleSize,
    medianCalendarMs: Number(row.medianCalendarMs),
    medianBusinessMs: Number(row.medianBusinessMs),
    computedAt: row.computedAt,
  }));
}
