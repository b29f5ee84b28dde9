-- CreateEnum
CREATE TYPE "CnStatus" AS ENUM ('NOT_REQUIRED', 'PREPARATION', 'STATE_CLEARANCE', 'INFORMAL_REVIEW', 'FORMALLY_NOTIFIED', 'CLEARED', 'BLOCKED', 'HELD');

-- CreateEnum
CREATE TYPE "ReviewOffice" AS ENUM ('DSCA', 'STATE_PM', 'DTSA');

-- CreateEnum
CREATE TYPE "ReviewTaskStatus" AS ENUM ('OPEN', 'DECIDED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ReviewDecision" AS ENUM ('CONCUR', 'CONCUR_WITH_COMMENT', 'RETURN', 'DISAPPROVE');

-- CreateEnum
CREATE TYPE "CommentVisibility" AS ENUM ('USG_INTERNAL', 'PARTNER_VISIBLE');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "CaseStatus" ADD VALUE 'IN_DEVELOPMENT';
ALTER TYPE "CaseStatus" ADD VALUE 'IN_REVIEW';
ALTER TYPE "CaseStatus" ADD VALUE 'READY_TO_SIGN';
ALTER TYPE "CaseStatus" ADD VALUE 'AGENCY_SIGNED';
ALTER TYPE "CaseStatus" ADD VALUE 'COUNTERSIGNED';
ALTER TYPE "CaseStatus" ADD VALUE 'OFFERED';
ALTER TYPE "CaseStatus" ADD VALUE 'ACCEPTED';
ALTER TYPE "CaseStatus" ADD VALUE 'EXPIRED';
ALTER TYPE "CaseStatus" ADD VALUE 'IMPLEMENTED';
ALTER TYPE "CaseStatus" ADD VALUE 'EXECUTING';
ALTER TYPE "CaseStatus" ADD VALUE 'SUPPLY_SERVICES_COMPLETE';
ALTER TYPE "CaseStatus" ADD VALUE 'CLOSURE_PENDING';
ALTER TYPE "CaseStatus" ADD VALUE 'CLOSED';
ALTER TYPE "CaseStatus" ADD VALUE 'SUSPENDED';
ALTER TYPE "CaseStatus" ADD VALUE 'CANCELLED';
ALTER TYPE "CaseStatus" ADD VALUE 'DISAPPROVED';

-- AlterTable
ALTER TABLE "audit_events" ADD COLUMN     "chain_key" VARCHAR(60),
ADD COLUMN     "chain_seq" INTEGER,
ADD COLUMN     "hash" CHAR(64),
ADD COLUMN     "prev_hash" CHAR(64);

-- AlterTable
ALTER TABLE "cases" ADD COLUMN     "accepted_at" TIMESTAMPTZ(3),
ADD COLUMN     "agency_approved_at" TIMESTAMPTZ(3),
ADD COLUMN     "agency_signed_at" TIMESTAMPTZ(3),
ADD COLUMN     "closed_at" TIMESTAMPTZ(3),
ADD COLUMN     "cn_held_from_status" "CnStatus",
ADD COLUMN     "cn_informal_ends_at" TIMESTAMPTZ(3),
ADD COLUMN     "cn_notified_at" TIMESTAMPTZ(3),
ADD COLUMN     "cn_period_ends_at" TIMESTAMPTZ(3),
ADD COLUMN     "cn_status" "CnStatus" NOT NULL DEFAULT 'NOT_REQUIRED',
ADD COLUMN     "countersigned_at" TIMESTAMPTZ(3),
ADD COLUMN     "deposit_received_at" TIMESTAMPTZ(3),
ADD COLUMN     "emergency_implementation" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "implemented_at" TIMESTAMPTZ(3),
ADD COLUMN     "initial_deposit" DECIMAL(18,2),
ADD COLUMN     "loa_preparer_ids" UUID[] DEFAULT ARRAY[]::UUID[],
ADD COLUMN     "offer_expires_at" TIMESTAMPTZ(3),
ADD COLUMN     "offered_at" TIMESTAMPTZ(3),
ADD COLUMN     "review_round" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "signed_on" DATE,
ADD COLUMN     "signer_name" VARCHAR(200),
ADD COLUMN     "signer_title" VARCHAR(200),
ADD COLUMN     "status_changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "status_due_at" TIMESTAMPTZ(3),
ADD COLUMN     "status_sla_rule_id" UUID,
ADD COLUMN     "suspended_from_status" "CaseStatus";

-- CreateTable
CREATE TABLE "review_tasks" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "round" INTEGER NOT NULL,
    "office" "ReviewOffice" NOT NULL,
    "status" "ReviewTaskStatus" NOT NULL DEFAULT 'OPEN',
    "opened_at" TIMESTAMPTZ(3) NOT NULL,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "sla_rule_id" UUID,
    "decision" "ReviewDecision",
    "decided_by_id" UUID,
    "decided_at" TIMESTAMPTZ(3),
    "comment" VARCHAR(4000),
    "comment_visibility" "CommentVisibility",
    "overdue_flagged_at" TIMESTAMPTZ(3),

    CONSTRAINT "review_tasks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "idempotency_keys" (
    "user_id" UUID NOT NULL,
    "key" VARCHAR(200) NOT NULL,
    "request_hash" CHAR(64) NOT NULL,
    "status_code" INTEGER NOT NULL,
    "response_body" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY ("user_id","key")
);

-- CreateIndex
CREATE INDEX "review_tasks_office_status_idx" ON "review_tasks"("office", "status");

-- CreateIndex
CREATE UNIQUE INDEX "review_tasks_case_id_round_office_key" ON "review_tasks"("case_id", "round", "office");

-- CreateIndex
CREATE INDEX "idempotency_keys_created_at_idx" ON "idempotency_keys"("created_at");

-- CreateIndex
CREATE INDEX "audit_events_target_type_target_id_idx" ON "audit_events"("target_type", "target_id");

-- CreateIndex
CREATE UNIQUE INDEX "audit_events_chain_key_chain_seq_key" ON "audit_events"("chain_key", "chain_seq");

-- CreateIndex
CREATE INDEX "cases_status_idx" ON "cases"("status");

-- AddForeignKey
ALTER TABLE "review_tasks" ADD CONSTRAINT "review_tasks_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_tasks" ADD CONSTRAINT "review_tasks_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;


