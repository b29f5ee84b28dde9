-- Scale (issue 11): indexes for every list filter and sort, trigram indexes for the lists' text search, and the
-- derived inbox that My tasks reads (filled for existing cases at startup by rebuildCaseInboxes).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- DropIndex
DROP INDEX "cases_country_id_idx";

-- DropIndex
DROP INDEX "cases_status_idx";

-- AlterTable
ALTER TABLE "cases" ADD COLUMN     "inbox_rev" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "case_inbox_entries" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "inbox" VARCHAR(80) NOT NULL,
    "user_id" UUID,
    "excluded_user_ids" UUID[] DEFAULT ARRAY[]::UUID[],
    "valid_from" TIMESTAMPTZ(3),
    "valid_until" TIMESTAMPTZ(3),
    "kind" VARCHAR(10) NOT NULL,
    "office" "ReviewOffice",
    "status" "CaseStatus" NOT NULL,
    "actions" TEXT[],
    "waiting_for" VARCHAR(200) NOT NULL,
    "since" TIMESTAMPTZ(3) NOT NULL,
    "clock_start" TIMESTAMPTZ(3),
    "sla_rule_id" UUID,
    "amber_at" TIMESTAMPTZ(3),
    "due_at" TIMESTAMPTZ(3),
    "due_sort" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "case_inbox_entries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "case_inbox_entries_inbox_due_sort_case_id_idx" ON "case_inbox_entries"("inbox", "due_sort", "case_id");

-- CreateIndex
CREATE INDEX "case_inbox_entries_case_id_idx" ON "case_inbox_entries"("case_id");

-- CreateIndex
CREATE INDEX "cases_country_id_opened_at_idx" ON "cases"("country_id", "opened_at" DESC);

-- CreateIndex
CREATE INDEX "cases_implementing_agency_id_opened_at_idx" ON "cases"("implementing_agency_id", "opened_at" DESC);

-- CreateIndex
CREATE INDEX "cases_status_opened_at_idx" ON "cases"("status", "opened_at" DESC);

-- CreateIndex
CREATE INDEX "cases_opened_at_idx" ON "cases"("opened_at" DESC);

-- CreateIndex
CREATE INDEX "cases_status_offer_expires_at_idx" ON "cases"("status", "offer_expires_at");

-- CreateIndex
CREATE INDEX "cases_cn_status_cn_period_ends_at_idx" ON "cases"("cn_status", "cn_period_ends_at");

-- CreateIndex
CREATE INDEX "cases_status_due_at_idx" ON "cases"("status_due_at");

-- CreateIndex
CREATE INDEX "cases_linked_case_id_idx" ON "cases"("linked_case_id");

-- CreateIndex
CREATE INDEX "letters_of_request_case_id_idx" ON "letters_of_request"("case_id");

-- CreateIndex
CREATE INDEX "letters_of_request_updated_at_idx" ON "letters_of_request"("updated_at" DESC);

-- CreateIndex
CREATE INDEX "letters_of_request_country_id_updated_at_idx" ON "letters_of_request"("country_id", "updated_at" DESC);

-- CreateIndex
CREATE INDEX "letters_of_request_submitted_at_idx" ON "letters_of_request"("submitted_at" DESC);

-- CreateIndex
CREATE INDEX "letters_of_request_validation_due_at_submitted_at_idx" ON "letters_of_request"("validation_due_at", "submitted_at");

-- CreateIndex
CREATE INDEX "letters_of_request_subject_trgm_idx" ON "letters_of_request" USING GIN ("subject" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "review_tasks_status_due_at_idx" ON "review_tasks"("status", "due_at");

-- AddForeignKey
ALTER TABLE "case_inbox_entries" ADD CONSTRAINT "case_inbox_entries_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;



-- AddForeignKey
ALTER TABLE "case_inbox_entries" ADD CONSTRAINT "case_inbox_entries_sla_rule_id_fkey" FOREIGN KEY ("sla_rule_id") REFERENCES "sla_rules"("id") ON DELETE SET NULL ON UPDATE CASCADE;
