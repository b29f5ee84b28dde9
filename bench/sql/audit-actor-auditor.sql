-- P2 baseline for GET /api/v1/audit-events?pageSize=50&actor=analyst09 as an auditor (auditor@): the events of the
-- people whose e-mail address contains the text (one DSCA analyst of the large seed: about 2% of the log), newest
-- first, 50 to a page, with the total counted up to 10,000. The trigram index on actor_email serves the filter.
-- $1 = '%analyst09%' (LIKE)
-- @page
SELECT e.id, e.occurred_at, e.actor_user_id, e.actor_email, e.actor_role, e.action, e.target_type, e.target_id,
       e.outcome, e.ip, e.request_id, e.details
  FROM audit_events e
 WHERE e.actor_email LIKE $1
 ORDER BY e.id DESC
 LIMIT 50
-- @count
SELECT least(count(*), 10000) AS total FROM (SELECT 1 FROM audit_events e WHERE e.actor_email LIKE $1 LIMIT 10001) found
