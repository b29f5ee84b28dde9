-- P2 baseline for GET /api/v1/tasks?page=1&pageSize=50 as a DSCA analyst (dsca@), read from the derived inbox
-- (case_inbox_entries; `inbox` is the role, or role:agency for agency work): the office's rows in force now (or the
-- person's own row where separation of duties changes it), earliest due first (overdue first), 50 to a page, with the
-- total and the aging counts. The page of entries is chosen first (the index on inbox, due_sort, case_id serves the
-- order: due_sort is the due moment, never null), then only those 50 are joined to their cases.
-- Used when the table exists; tasks-dsca.derived.sql otherwise.
-- $1 = now, $2 = the analyst's user id
-- @requires case_inbox_entries.due_sort
-- @page
WITH page AS (
  SELECT e.*
    FROM case_inbox_entries e
   WHERE e.inbox = 'DSCA_ANALYST'
     AND (e.valid_from IS NULL OR e.valid_from <= $1)
     AND (e.valid_until IS NULL OR e.valid_until > $1)
     AND ((e.user_id IS NULL AND NOT ($2::uuid = ANY (e.excluded_user_ids))) OR e.user_id = $2::uuid)
   ORDER BY e.due_sort, e.case_id
   LIMIT 50
)
SELECT p.*,
       c.identifier,
       json_build_object('id', co.id, 'code', co.code, 'name', co.name) AS country,
       json_build_object('id', ag.id, 'code', ag.code, 'name', ag.name) AS agency,
       (SELECT l.subject FROM letters_of_request l WHERE l.case_id = c.id ORDER BY l.completed_at LIMIT 1) AS subject,
       row_to_json(r.*) AS sla_rule
  FROM page p
  JOIN cases c ON c.id = p.case_id
  JOIN organizations co ON co.id = c.country_id
  JOIN organizations ag ON ag.id = c.implementing_agency_id
  LEFT JOIN sla_rules r ON r.id = p.sla_rule_id
 ORDER BY p.due_sort, p.case_id
-- @count
-- As the app counts (src/server/cases/list-my-tasks.ts): four counts over the rows read in the inbox index's order,
-- which keeps the index-only read; unordered, the planner picks a parallel scan of the table once transitions churn it.
SELECT count(*) AS total,
       count(*) FILTER (WHERE e.due_sort < $1) AS overdue,
       count(*) FILTER (WHERE e.due_at >= $1 AND e.amber_at <= $1) AS due_soon,
       count(*) FILTER (WHERE e.due_at >= $1 AND e.amber_at > $1) AS on_track
  FROM (SELECT e.due_sort, e.due_at, e.amber_at
          FROM case_inbox_entries e
         WHERE e.inbox = 'DSCA_ANALYST'
           AND (e.valid_from IS NULL OR e.valid_from <= $1)
           AND (e.valid_until IS NULL OR e.valid_until > $1)
           AND ((e.user_id IS NULL AND NOT ($2::uuid = ANY (e.excluded_user_ids))) OR e.user_id = $2::uuid)
         ORDER BY e.due_sort, e.case_id) e
