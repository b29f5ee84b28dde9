-- P2 baseline for GET /api/v1/dashboard as a DSCA analyst (every case): the reads of get-dashboard.ts — the cases by
-- stored status, agency and country; those a clock has moved (an offer expired, a review period over with every review
-- in) to correct them; the offered cases by 15-day bucket; the cases in the agency's steps by age bucket; and the
-- offices holding the open cases (derived inbox, per office and whole days held). The page is the pipeline (status and
-- count, in the workflow's order) so the harness can compare it with the API's; the other reads are forced by
-- counting their rows.
-- $1 = now
-- @requires cases.lor_to_offer_days
-- @page
WITH stored AS (
  SELECT c.status::text AS status, c.implementing_agency_id, c.country_id, count(*)::int AS cases, sum(c.value) AS value
    FROM cases c GROUP BY c.status, c.implementing_agency_id, c.country_id
), moved AS (
  SELECT c.status::text AS status,
         CASE WHEN c.status = 'OFFERED' THEN 'EXPIRED' ELSE 'READY_TO_SIGN' END AS read_status,
         c.implementing_agency_id, c.country_id, count(*)::int AS cases, sum(c.value) AS value
    FROM cases c
   WHERE (c.status = 'OFFERED' AND c.offer_expires_at <= $1)
      OR (c.status = 'IN_REVIEW' AND c.review_round > 0 AND c.cn_status = 'FORMALLY_NOTIFIED' AND c.cn_period_ends_at <= $1
          AND NOT EXISTS (SELECT 1 FROM review_tasks t WHERE t.case_id = c.id AND t.status = 'OPEN'))
   GROUP BY 1, 2, 3, 4
), lor AS (
  SELECT least(c.lor_to_offer_days / 15, 12)::int AS bucket, count(*)::int AS cases, count(*) FILTER (WHERE c.lor_to_offer_days <= 45) AS within
    FROM cases c WHERE c.lor_to_offer_days IS NOT NULL GROUP BY 1
), age AS (
  SELECT x.read_status, x.bucket, count(*) AS cases
    FROM (SELECT CASE WHEN c.status = 'IN_REVIEW' AND c.review_round > 0 AND c.cn_status = 'FORMALLY_NOTIFIED' AND c.cn_period_ends_at <= $1
                            AND NOT EXISTS (SELECT 1 FROM review_tasks t WHERE t.case_id = c.id AND t.status = 'OPEN') THEN 'READY_TO_SIGN'
                      ELSE c.status::text END AS read_status,
                 CASE WHEN c.status_changed_at > $1::timestamptz - interval '30 days' THEN 0
                      WHEN c.status_changed_at > $1::timestamptz - interval '90 days' THEN 1
                      WHEN c.status_changed_at > $1::timestamptz - interval '180 days' THEN 2 ELSE 3 END AS bucket
            FROM cases c
           WHERE c.status::text IN ('IN_DEVELOPMENT', 'READY_TO_SIGN', 'COUNTERSIGNED', 'ACCEPTED', 'IMPLEMENTED', 'EXECUTING',
                                    'SUPPLY_SERVICES_COMPLETE', 'IN_REVIEW')) x
   WHERE x.read_status <> 'IN_REVIEW'
   GROUP BY 1, 2
), offices AS (
  SELECT e.inbox, floor(extract(epoch FROM $1::timestamptz - e.since) / 86400)::int AS days, count(*) AS cases,
         count(*) FILTER (WHERE e.due_at < $1) AS overdue
    FROM case_inbox_entries e
   WHERE e.user_id IS NULL AND (e.valid_from IS NULL OR e.valid_from <= $1) AND (e.valid_until IS NULL OR e.valid_until > $1)
   GROUP BY 1, 2
), pipeline AS (
  SELECT status, cases FROM stored
  UNION ALL SELECT status, -cases FROM moved
  UNION ALL SELECT read_status, cases FROM moved
)
SELECT p.status AS id, sum(p.cases)::int AS cases,
       (SELECT count(*) FROM lor) AS lor_buckets, (SELECT count(*) FROM age) AS age_buckets, (SELECT count(*) FROM offices) AS office_days
  FROM pipeline p
 GROUP BY p.status
HAVING sum(p.cases) > 0
 ORDER BY array_position(ARRAY['OPENED','IN_DEVELOPMENT','IN_REVIEW','READY_TO_SIGN','AGENCY_SIGNED','COUNTERSIGNED','OFFERED',
                               'ACCEPTED','EXPIRED','IMPLEMENTED','EXECUTING','SUPPLY_SERVICES_COMPLETE','CLOSURE_PENDING','CLOSED',
                               'SUSPENDED','CANCELLED','DISAPPROVED'], p.status)
-- @count
-- (The harness binds the same parameters to both sections; the count does not depend on the moment.)
SELECT count(*) AS total FROM cases c WHERE $1::timestamptz IS NOT NULL
