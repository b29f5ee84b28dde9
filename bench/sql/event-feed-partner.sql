-- P2 baseline for GET /api/v1/events?limit=50 as a partner-nation officer (partner.bn@): their own country's events
-- that the partner may see (partner wording), in feed order from the start, 50 to a page, read along the
-- (country_id, feed_seq) index (src/server/notifications/list-events.ts, ADR 0030).
-- The feed has no total: the endpoint reads 51 rows to answer hasMore, and the harness compares that probe (at most
-- 51) with the API's events plus one when hasMore.
-- $1 = the partner's country (users.organization_id)
-- @requires outbox_events.feed_seq
-- @page
SELECT e.id, e.feed_seq, e.kind, e.occurred_at, e.target_type, e.target_id, e.link, e.case_id, e.subject, e.partner_title AS title
  FROM outbox_events e
 WHERE e.country_id = $1 AND e.partner_title IS NOT NULL AND e.feed_seq IS NOT NULL
 ORDER BY e.feed_seq ASC
 LIMIT 50
-- @count
SELECT count(*) AS total
  FROM (SELECT 1 FROM outbox_events e
         WHERE e.country_id = $1 AND e.partner_title IS NOT NULL AND e.feed_seq IS NOT NULL
         ORDER BY e.feed_seq ASC
         LIMIT 51) probe
