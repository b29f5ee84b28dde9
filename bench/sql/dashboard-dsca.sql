-- P2 baseline for GET /api/v1/dashboard as a DSCA analyst (every case, no filter): what get-dashboard.ts reads, the
-- all-cases snapshot a job refreshes every minute (src/server/insight/dashboard-snapshot.ts; the harness refreshes it
-- here, as the servers run without the job runner), by primary key while it is under 2 minutes old. The page is the
-- pipeline stored in it (status and count, in the workflow's order) so the harness can compare it with the API's.
-- (The grouped reads that compute the snapshot run once a minute, not per request; `npm run bench` does not time them.)
-- $1 = now
-- @requires dashboard_snapshots
-- @page
SELECT p.entry->>'status' AS id, (p.entry->>'cases')::int AS cases
  FROM dashboard_snapshots s
 CROSS JOIN LATERAL jsonb_array_elements(s.figures->'pipeline') WITH ORDINALITY AS p(entry, n)
 WHERE s.scope_key = 'ALL' AND s.computed_at > $1::timestamptz - interval '2 minutes'
 ORDER BY p.n
-- @count
SELECT (s.figures->'totals'->>'cases')::int AS total
  FROM dashboard_snapshots s
 WHERE s.scope_key = 'ALL' AND s.computed_at > $1::timestamptz - interval '2 minutes'
