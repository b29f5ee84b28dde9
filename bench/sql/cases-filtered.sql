-- P2 baseline for GET /api/v1/cases?pageSize=50&status=IN_REVIEW&agency=P as the Navy's case manager (navy@): cases of
-- agency P that read as IN_REVIEW (stored IN_REVIEW, unless the formal notification period has ended with every review
-- closed: those read as READY_TO_SIGN, see statusCondition in src/server/cases/list-cases.ts), newest first, with the total.
-- $1 = agency code ('P'), $2 = now
-- @page
SELECT c.*,
       json_build_object('id', co.id, 'code', co.code, 'name', co.name, 'natoPlus', co.nato_plus) AS country,
       json_build_object('id', ag.id, 'code', ag.code, 'name', ag.name) AS agency,
       (SELECT coalesce(json_agg(json_build_object('id', l.id, 'subject', l.subject, 'originatorReference', l.originator_reference,
                                                   'requestType', l.request_type, 'status', l.status, 'completedAt', l.completed_at)
                                 ORDER BY l.completed_at), '[]')
          FROM letters_of_request l
         WHERE l.case_id = c.id) AS letters,
       (SELECT coalesce(json_agg(json_build_object('id', t.id, 'round', t.round, 'office', t.office, 'status', t.status,
                                                   'openedAt', t.opened_at, 'dueAt', t.due_at, 'decision', t.decision,
                                                   'decidedBy', u.name, 'decidedAt', t.decided_at, 'comment', t.comment)
                                 ORDER BY t.office), '[]')
          FROM review_tasks t
          LEFT JOIN users u ON u.id = t.decided_by_id
         WHERE t.case_id = c.id AND t.round = c.review_round) AS reviews
  FROM cases c
  JOIN organizations co ON co.id = c.country_id
  JOIN organizations ag ON ag.id = c.implementing_agency_id
 WHERE ag.kind = 'IMPLEMENTING_AGENCY' AND ag.code = $1
   AND c.status = 'IN_REVIEW'
   AND NOT (c.review_round > 0 AND c.cn_status = 'FORMALLY_NOTIFIED' AND c.cn_period_ends_at IS NOT NULL
            AND c.cn_period_ends_at <= $2
            AND NOT EXISTS (SELECT 1 FROM review_tasks o WHERE o.case_id = c.id AND o.status = 'OPEN'))
 ORDER BY c.opened_at DESC
 LIMIT 50
-- @count
SELECT count(*) AS total
  FROM cases c
  JOIN organizations ag ON ag.id = c.implementing_agency_id
 WHERE ag.kind = 'IMPLEMENTING_AGENCY' AND ag.code = $1
   AND c.status = 'IN_REVIEW'
   AND NOT (c.review_round > 0 AND c.cn_status = 'FORMALLY_NOTIFIED' AND c.cn_period_ends_at IS NOT NULL
            AND c.cn_period_ends_at <= $2
            AND NOT EXISTS (SELECT 1 FROM review_tasks o WHERE o.case_id = c.id AND o.status = 'OPEN'))
