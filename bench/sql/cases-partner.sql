-- P2 baseline for GET /api/v1/cases?pageSize=50 as a partner-nation officer (partner.bn@): their own country's cases,
-- newest first, 50 to a page, with the total. Partners see no review tasks, so none are loaded.
-- $1 = the partner's country (users.organization_id)
-- @page
SELECT c.*,
       json_build_object('id', co.id, 'code', co.code, 'name', co.name, 'natoPlus', co.nato_plus) AS country,
       json_build_object('id', ag.id, 'code', ag.code, 'name', ag.name) AS agency,
       (SELECT coalesce(json_agg(json_build_object('id', l.id, 'subject', l.subject, 'originatorReference', l.originator_reference,
                                                   'requestType', l.request_type, 'status', l.status, 'completedAt', l.completed_at)
                                 ORDER BY l.completed_at), '[]')
          FROM letters_of_request l
         WHERE l.case_id = c.id) AS letters
  FROM cases c
  JOIN organizations co ON co.id = c.country_id
  JOIN organizations ag ON ag.id = c.implementing_agency_id
 WHERE c.country_id = $1
 ORDER BY c.opened_at DESC
 LIMIT 50
-- @count
SELECT count(*) AS total FROM cases c WHERE c.country_id = $1
