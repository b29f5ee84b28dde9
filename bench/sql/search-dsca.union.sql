-- P2 baseline for GET /api/v1/cases?pageSize=50&q=<word> as a DSCA analyst, on a schema without cases.search_text:
-- cases whose identifier contains the word (upper-cased) or one of whose letters of request has it in its subject,
-- newest first, with the total.
-- Written as a union of the two matches so each side can use its own (trigram) index; the 50 newest hits are chosen
-- before anything else is joined to them.
-- $1 = '%WORD%' (identifier), $2 = '%word%' (subject, ILIKE)
-- @page
WITH hits AS (
  SELECT c.id FROM cases c WHERE c.identifier LIKE $1
  UNION
  SELECT l.case_id FROM letters_of_request l WHERE l.case_id IS NOT NULL AND l.subject ILIKE $2
), page AS (
  SELECT c.id, c.opened_at FROM hits h JOIN cases c ON c.id = h.id ORDER BY c.opened_at DESC LIMIT 50
)
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
  FROM page p
  JOIN cases c ON c.id = p.id
  JOIN organizations co ON co.id = c.country_id
  JOIN organizations ag ON ag.id = c.implementing_agency_id
 ORDER BY p.opened_at DESC
-- @count
SELECT count(*) AS total
  FROM (SELECT c.id FROM cases c WHERE c.identifier LIKE $1
        UNION
        SELECT l.case_id FROM letters_of_request l WHERE l.case_id IS NOT NULL AND l.subject ILIKE $2) hits
