-- Suspension pauses the clocks (issue 13): while a case is suspended it keeps the clock of the status it was suspended
-- from, which resume restores with the due date moved on by the time suspended. Null otherwise, and for cases
-- suspended before this migration (their resume starts the status clock afresh, as before).
-- AlterTable
ALTER TABLE "cases" ADD COLUMN     "paused_status_changed_at" TIMESTAMPTZ(3),
ADD COLUMN     "paused_status_due_at" TIMESTAMPTZ(3),
ADD COLUMN     "paused_status_sla_rule_id" UUID;
