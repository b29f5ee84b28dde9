-- Everyone is told (issue 15): a transactional outbox written with the change that caused it, the notices, e-mails and
-- webhook deliveries its dispatch makes, people's e-mail preferences, and live-page signals.
CREATE TYPE "EmailMode" AS ENUM ('IMMEDIATE', 'DIGEST', 'OFF');
CREATE TYPE "EmailStatus" AS ENUM ('PENDING', 'SENT', 'FAILED');
CREATE TYPE "WebhookDeliveryStatus" AS ENUM ('PENDING', 'SUCCEEDED', 'FAILED');

CREATE TABLE "outbox_events" (
    "id" BIGSERIAL NOT NULL,
    "kind" VARCHAR(40) NOT NULL,
    "audit_event_id" BIGINT,
    "dedupe_key" VARCHAR(200),
    "target_type" VARCHAR(40) NOT NULL,
    "target_id" VARCHAR(64) NOT NULL,
    "actor_user_id" UUID,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "facts" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dispatched_at" TIMESTAMPTZ(3),
    "feed_seq" BIGINT,
    "case_id" UUID,
    "lor_id" UUID,
    "country_id" UUID,
    "agency_id" UUID,
    "subject" VARCHAR(120),
    "title" VARCHAR(300),
    "partner_title" VARCHAR(300),
    "link" VARCHAR(300),
    CONSTRAINT "outbox_events_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "outbox_events_audit_event_id_key" ON "outbox_events"("audit_event_id");
CREATE UNIQUE INDEX "outbox_events_dedupe_key_key" ON "outbox_events"("dedupe_key");
CREATE UNIQUE INDEX "outbox_events_feed_seq_key" ON "outbox_events"("feed_seq");
CREATE INDEX "outbox_events_country_id_feed_seq_idx" ON "outbox_events"("country_id", "feed_seq");
CREATE INDEX "outbox_events_agency_id_feed_seq_idx" ON "outbox_events"("agency_id", "feed_seq");
-- The dispatch's queue: only the few rows not yet dispatched.
CREATE INDEX "outbox_events_undispatched_idx" ON "outbox_events"("id") WHERE "dispatched_at" IS NULL;
-- The feed's order is the dispatch's; the dispatch draws from this sequence under an advisory lock.
CREATE SEQUENCE "outbox_feed_seq";

CREATE TABLE "notifications" (
    "id" BIGSERIAL NOT NULL,
    "user_id" UUID NOT NULL,
    "event_id" BIGINT NOT NULL,
    "reason" VARCHAR(20) NOT NULL,
    "title" VARCHAR(300) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "read_at" TIMESTAMPTZ(3),
    "email_state" VARCHAR(10) NOT NULL DEFAULT 'NONE',
    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "notifications_user_id_event_id_key" ON "notifications"("user_id", "event_id");
CREATE INDEX "notifications_user_id_id_idx" ON "notifications"("user_id", "id" DESC);
CREATE INDEX "notifications_unread_idx" ON "notifications"("user_id") WHERE "read_at" IS NULL;
CREATE INDEX "notifications_digest_idx" ON "notifications"("user_id") WHERE "email_state" = 'DIGEST';
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "outbox_events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "notification_preferences" (
    "user_id" UUID NOT NULL,
    "kind" VARCHAR(40) NOT NULL,
    "email" "EmailMode" NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "notification_preferences_pkey" PRIMARY KEY ("user_id", "kind")
);
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "email_messages" (
    "id" UUID NOT NULL,
    "dedupe_key" VARCHAR(200) NOT NULL,
    "user_id" UUID NOT NULL,
    "to_address" VARCHAR(254) NOT NULL,
    "subject" VARCHAR(200) NOT NULL,
    "text_body" TEXT NOT NULL,
    "html_body" TEXT NOT NULL,
    "status" "EmailStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_error" VARCHAR(500),
    "sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "email_messages_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "email_messages_dedupe_key_key" ON "email_messages"("dedupe_key");
CREATE INDEX "email_messages_status_next_attempt_at_idx" ON "email_messages"("status", "next_attempt_at");
CREATE INDEX "email_messages_user_id_created_at_idx" ON "email_messages"("user_id", "created_at" DESC);
ALTER TABLE "email_messages" ADD CONSTRAINT "email_messages_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "webhook_subscriptions" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "url" VARCHAR(500) NOT NULL,
    "kinds" TEXT[],
    "secret_ciphertext" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "consecutive_failures" INTEGER NOT NULL DEFAULT 0,
    "disabled_at" TIMESTAMPTZ(3),
    "disabled_reason" VARCHAR(300),
    "created_by_id" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "webhook_subscriptions_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "webhook_subscriptions_organization_id_idx" ON "webhook_subscriptions"("organization_id");
ALTER TABLE "webhook_subscriptions" ADD CONSTRAINT "webhook_subscriptions_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "webhook_subscriptions" ADD CONSTRAINT "webhook_subscriptions_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "webhook_deliveries" (
    "id" UUID NOT NULL,
    "subscription_id" UUID NOT NULL,
    "event_id" BIGINT NOT NULL,
    "status" "WebhookDeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_status_code" INTEGER,
    "last_error" VARCHAR(500),
    "delivered_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "webhook_deliveries_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "webhook_deliveries_subscription_id_event_id_key" ON "webhook_deliveries"("subscription_id", "event_id");
CREATE INDEX "webhook_deliveries_status_next_attempt_at_idx" ON "webhook_deliveries"("status", "next_attempt_at");
CREATE INDEX "webhook_deliveries_subscription_id_created_at_idx" ON "webhook_deliveries"("subscription_id", "created_at" DESC);
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_subscription_id_fkey" FOREIGN KEY ("subscription_id") REFERENCES "webhook_subscriptions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "outbox_events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Live pages (issue 15 item 4): every committed change to a case or its outbox tells each app instance listening on
-- "caseway_live", across instances, without the app remembering anything. Only ids travel; each instance checks who
-- may see the record before passing the signal on to a browser.
CREATE FUNCTION caseway_notify_case_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('caseway_live', json_build_object('case', NEW.id, 'version', NEW.version)::text);
  RETURN NULL;
END $$;
CREATE TRIGGER cases_live AFTER UPDATE OF version ON "cases" FOR EACH ROW
  WHEN (OLD.version IS DISTINCT FROM NEW.version) EXECUTE FUNCTION caseway_notify_case_change();

-- The outbox's dispatch starts within a moment of a commit: each instance's listener hears this and queues a dispatch
-- job (the per-minute schedule is the safety net for a missed signal).
CREATE FUNCTION caseway_notify_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('caseway_outbox', '');
  RETURN NULL;
END $$;
CREATE TRIGGER outbox_events_written AFTER INSERT ON "outbox_events" FOR EACH STATEMENT EXECUTE FUNCTION caseway_notify_outbox();

-- The due-date scan reads the work that turned amber or fell due in the last day.
CREATE INDEX "case_inbox_entries_amber_at_idx" ON "case_inbox_entries"("amber_at");
CREATE INDEX "case_inbox_entries_due_at_idx" ON "case_inbox_entries"("due_at");
