-- P2 baseline for GET /api/v1/dashboard as a DSCA analyst (every case): the grouped pass of get-dashboard.ts — every
-- case's status as read now (an expired offer, a review period over), grouped by status, agency and country with its
-- value and both day distributions as FILTER counts — and the offices holding the open cases from the derived inbox.
-- The page is the pipeline (status and count, in the workflow's order) so the harness can compare it with the API's.
-- $1 = now
-- @requires cases.lor_to_offer_days
-- @page
WITH grouped AS (
  SELECT x.read_status AS status, x.implementing_agency_id, x.country_id, count(*)::int AS cases, sum(x.value) AS value,
         count(*) FILTER (WHERE x.lor_to_offer_days <= 45) AS within_target,
         ARRAY[count(*) FILTER (WHERE x.lor_to_offer_days BETWEEN 0 AND 14), count(*) FILTER (WHERE x.lor_to_offer_days BETWEEN 15 AND 29),
               count(*) FILTER (WHERE x.lor_to_offer_days BETWEEN 30 AND 44), count(*) FILTER (WHERE x.lor_to_offer_days BETWEEN 45 AND 59),
               count(*) FILTER (WHERE x.lor_to_offer_days BETWEEN 60 AND 74), count(*) FILTER (WHERE x.lor_to_offer_days BETWEEN 75 AND 89),
               count(*) FILTER (WHERE x.lor_to_offer_days BETWEEN 90 AND 104), count(*) FILTER (WHERE x.lor_to_offer_days BETWEEN 105 AND 119),
               count(*) FILTER (WHERE x.lor_to_offer_days BETWEEN 120 AND 134), count(*) FILTER (WHERE x.lor_to_offer_days BETWEEN 135 AND 149),
               count(*) FILTER (WHERE x.lor_to_offer_days BETWEEN 150 AND 164), count(*) FILTER (WHERE x.lor_to_offer_days BETWEEN 165 AND 179),
               count(*) FILTER (WHERE x.lor_to_offer_days >= 180)] AS lor,
         ARRAY[count(*) FILTER (WHERE x.age BETWEEN 0 AND 29), count(*) FILTER (WHERE x.age BETWEEN 30 AND 89),
               count(*) FILTER (WHERE x.age BETWEEN 90 AND 179), count(*) FILTER (WHERE x.age >= 180)] AS age
    FROM (SELECT c.implementing_agency_id, c.country_id, c.value, c.lor_to_offer_days,
                 floor(extract(epoch FROM $1::timestamptz - c.status_changed_at) / 86400)::int AS age,
                 CASE
                   WHEN c.status = 'OFFERED' AND c.offer_expires_at <= $1 THEN 'EXPIRED'
                   WHEN c.status = 'IN_REVIEW' AND c.review_round > 0 AND c.cn_status = 'FORMALLY_NOTIFIED' AND c.cn_period_ends_at <= $1
                        AND NOT EXISTS (SELECT 1 FROM review_tasks t WHERE t.case_id = c.id AND t.status = 'OPEN') THEN 'READY_TO_SIGN'
                   ELSE c.status::text END AS read_status
            FROM cases c) x
   GROUP BY 1, 2, 3
), held AS (
  SELECT e.inbox, e.case_id, min(e.since) AS since, min(e.due_at) AS due_at
    FROM case_inbox_entries e JOIN cases c ON c.id = e.case_id
   WHERE e.user_id IS NULL AND (e.valid_from IS NULL OR e.valid_from <= $1) AND (e.valid_until IS NULL OR e.valid_until > $1)
   GROUP BY e.inbox, e.case_id
), offices AS (
  SELECT h.inbox, count(*) AS cases, count(*) FILTER (WHERE h.due_at < $1) AS overdue,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM $1::timestamptz - h.since)) AS median_seconds
    FROM held h GROUP BY h.inbox
)
SELECT g.status AS id, sum(g.cases)::int AS cases, (SELECT count(*) FROM offices) AS offices
  FROM grouped g
 GROUP BY g.status
 ORDER BY array_position(ARRAY['OPENED','IN_DEVELOPMENT','IN_REVIEW','READY_TO_SIGN','AGENCY_SIGNED','COUNTERSIGNED','OFFERED',
                               'ACCEPTED','EXPIRED','IMPLEMENTED','EXECUTING','SUPPLY_SERVICES_COMPLETE','CLOSURE_PENDING','CLOSED',
                               'SUSPENDED','CANCELLED','DISAPPROVED'], g.status)
-- @count
-- (The harness binds the same parameters to both sections; the count does not depend on the moment.)
SELECT count(*) AS total FROM cases c WHERE $1::timestamptz IS NOT NULL
