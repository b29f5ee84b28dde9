-- P2 baseline for GET /api/v1/tasks as a DSCA analyst on a schema without the derived inbox table: the cases on which
-- DSCA has work now, derived from the workflow's rules (src/domain/workflow/case-workflow.ts, DSCA's inbox events):
-- its open review in the current round; assign the agency (OPENED); countersign (AGENCY_SIGNED, notification clear);
-- record the deposit (ACCEPTED); close (CLOSURE_PENDING); resume (SUSPENDED); and the notification track before the
-- offer (send to State from PREPARATION, notify Congress once the informal review ended, release a hold).
-- Earliest due first, 50 to a page, with the total.
-- $1 = now, $2 = the analyst's user id (separation of duties: not a preparer of the LOA it countersigns)
-- @page
SELECT c.id, c.identifier, c.status, c.status_changed_at, c.updated_at,
       json_build_object('id', co.id, 'code', co.code, 'name', co.name) AS country,
       json_build_object('id', ag.id, 'code', ag.code, 'name', ag.name) AS agency,
       (SELECT l.subject FROM letters_of_request l WHERE l.case_id = c.id ORDER BY l.completed_at LIMIT 1) AS subject,
       t.id AS task_id, t.opened_at AS task_opened_at,
       coalesce(t.due_at, c.status_due_at) AS due_at
  FROM cases c
  JOIN organizations co ON co.id = c.country_id
  JOIN organizations ag ON ag.id = c.implementing_agency_id
  LEFT JOIN review_tasks t ON t.case_id = c.id AND t.round = c.review_round AND t.office = 'DSCA' AND t.status = 'OPEN'
 WHERE (c.status = 'IN_REVIEW' AND t.id IS NOT NULL)
    OR c.status IN ('OPENED', 'ACCEPTED', 'CLOSURE_PENDING', 'SUSPENDED')
    OR (c.status = 'AGENCY_SIGNED' AND c.cn_status IN ('NOT_REQUIRED', 'CLEARED') AND NOT ($2::uuid = ANY (c.loa_preparer_ids)))
    OR (c.status IN ('OPENED', 'IN_DEVELOPMENT', 'IN_REVIEW', 'READY_TO_SIGN')
        AND (c.cn_status IN ('PREPARATION', 'HELD') OR (c.cn_status = 'INFORMAL_REVIEW' AND c.cn_informal_ends_at <= $1)))
 ORDER BY due_at ASC NULLS LAST, c.id
 LIMIT 50
-- @count
SELECT count(*) AS total
  FROM cases c
  LEFT JOIN review_tasks t ON t.case_id = c.id AND t.round = c.review_round AND t.office = 'DSCA' AND t.status = 'OPEN'
 WHERE (c.status = 'IN_REVIEW' AND t.id IS NOT NULL)
    OR c.status IN ('OPENED', 'ACCEPTED', 'CLOSURE_PENDING', 'SUSPENDED')
    OR (c.status = 'AGENCY_SIGNED' AND c.cn_status IN ('NOT_REQUIRED', 'CLEARED') AND NOT ($2::uuid = ANY (c.loa_preparer_ids)))
    OR (c.status IN ('OPENED', 'IN_DEVELOPMENT', 'IN_REVIEW', 'READY_TO_SIGN')
        AND (c.cn_status IN ('PREPARATION', 'HELD') OR (c.cn_status = 'INFORMAL_REVIEW' AND c.cn_informal_ends_at <= $1)))
