-- The audit log's filters at scale (about 16 events per case: 1.6 million rows at 100,000 cases). Each filter read the
-- whole table before: the actor filter (e-mail contains) 1.1 s, the outcome filter 0.6 s, the event filter (an action
-- prefix) 0.35 s; and every page counted every match (0.1 s unfiltered). The count is now capped
-- (src/server/audit-log/list-audit-events.ts) and each filter has an index:
--   the actor: trigram, for `actor_email LIKE '%…%'`;
--   the event: a pattern index, for `action LIKE 'case.%'` (it also serves equality, so it replaces the plain one);
--   the outcome: the rare refusals and failures only, newest first (a SUCCESS filter walks the primary key).
CREATE INDEX "audit_events_actor_email_trgm_idx" ON "audit_events" USING GIN ("actor_email" gin_trgm_ops);
DROP INDEX "audit_events_action_idx";
CREATE INDEX "audit_events_action_pattern_idx" ON "audit_events" ("action" varchar_pattern_ops);
CREATE INDEX "audit_events_not_success_idx" ON "audit_events" ("id" DESC) WHERE "outcome" <> 'SUCCESS';
