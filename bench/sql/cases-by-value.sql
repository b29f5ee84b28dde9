-- P2 baseline for GET /api/v1/cases?pageSize=50&sort=value as a DSCA analyst: every case, largest value first (cases
-- without a priced LOA last, the id breaking ties: the index cases_value_idx), 50 to a page, with the current round's
-- review tasks (and who decided them) and the total.
-- @requires cases.value
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
 ORDER BY c.value DESC NULLS LAST, c.id
 LIMIT 50
-- @count
SELECT count(*) AS total FROM cases c
