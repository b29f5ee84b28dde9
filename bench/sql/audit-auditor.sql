-- P2 baseline for GET /api/v1/audit-events?pageSize=50 as an auditor (auditor@): the whole audit log (about 16 events
-- per case), newest first, 50 to a page, with the total counted up to 10,000 (AUDIT_COUNT_CAP; past it the page says
-- "more than").
-- @page
SELECT e.id, e.occurred_at, e.actor_user_id, e.actor_email, e.actor_role, e.action, e.target_type, e.target_id,
       e.outcome, e.ip, e.request_id, e.details
  FROM audit_events e
 ORDER BY e.id DESC
 LIMIT 50
-- @count
SELECT least(count(*), 10000) AS total FROM (SELECT 1 FROM audit_events e ORDER BY e.id DESC LIMIT 10001) found
