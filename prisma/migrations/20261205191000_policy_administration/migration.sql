-- Issue 13: policy administration. Rates, thresholds and clocks change through reviewed proposals: a policy officer
-- (new role) or an administrator proposes a row, a different administrator approves it, and only then is it added to
-- pricing_rates or sla_rules (which link back to the proposal). The impact preview of a proposal is kept per document.

-- CreateEnum
CREATE TYPE "PolicyTable" AS ENUM ('PRICING_RATE', 'SLA_RULE');

-- CreateEnum
CREATE TYPE "PolicyChangeStatus" AS ENUM ('PROPOSED', 'APPROVED', 'REJECTED', 'WITHDRAWN');

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'POLICY_OFFICER';

-- AlterTable
ALTER TABLE "pricing_rates" ADD COLUMN     "policy_change_id" UUID;

-- AlterTable
ALTER TABLE "sla_rules" ADD COLUMN     "policy_change_id" UUID;

-- CreateTable
CREATE TABLE "policy_changes" (
    "id" UUID NOT NULL,
    "table" "PolicyTable" NOT NULL,
    "key" VARCHAR(40) NOT NULL,
    "value" DECIMAL(20,6),
    "days" INTEGER,
    "day_kind" "DayKind",
    "amber_percent" INTEGER,
    "effective_from" TIMESTAMPTZ(3) NOT NULL,
    "source" VARCHAR(1000) NOT NULL,
    "status" "PolicyChangeStatus" NOT NULL DEFAULT 'PROPOSED',
    "version" INTEGER NOT NULL DEFAULT 1,
    "proposed_by_id" UUID NOT NULL,
    "proposed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decided_by_id" UUID,
    "decided_at" TIMESTAMPTZ(3),
    "decision_note" VARCHAR(1000),
    "impact_computed_at" TIMESTAMPTZ(3),

    CONSTRAINT "policy_changes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "policy_change_impacts" (
    "id" UUID NOT NULL,
    "policy_change_id" UUID NOT NULL,
    "document_id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "case_identifier" VARCHAR(24) NOT NULL,
    "document_name" VARCHAR(60) NOT NULL,
    "document_status" VARCHAR(20) NOT NULL,
    "total_before" DECIMAL(18,2) NOT NULL,
    "total_after" DECIMAL(18,2) NOT NULL,
    "notification_before" BOOLEAN NOT NULL,
    "notification_after" BOOLEAN NOT NULL,

    CONSTRAINT "policy_change_impacts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "policy_changes_status_proposed_at_idx" ON "policy_changes"("status", "proposed_at" DESC);

-- CreateIndex
CREATE INDEX "policy_changes_key_effective_from_idx" ON "policy_changes"("key", "effective_from");

-- CreateIndex
CREATE INDEX "policy_change_impacts_policy_change_id_case_identifier_idx" ON "policy_change_impacts"("policy_change_id", "case_identifier");

-- CreateIndex
CREATE UNIQUE INDEX "policy_change_impacts_policy_change_id_document_id_key" ON "policy_change_impacts"("policy_change_id", "document_id");

-- CreateIndex
CREATE UNIQUE INDEX "pricing_rates_policy_change_id_key" ON "pricing_rates"("policy_change_id");

-- CreateIndex
CREATE UNIQUE INDEX "sla_rules_policy_change_id_key" ON "sla_rules"("policy_change_id");

-- AddForeignKey
ALTER TABLE "sla_rules" ADD CONSTRAINT "sla_rules_policy_change_id_fkey" FOREIGN KEY ("policy_change_id") REFERENCES "policy_changes"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pricing_rates" ADD CONSTRAINT "pricing_rates_policy_change_id_fkey" FOREIGN KEY ("policy_change_id") REFERENCES "policy_changes"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "policy_changes" ADD CONSTRAINT "policy_changes_proposed_by_id_fkey" FOREIGN KEY ("proposed_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "policy_changes" ADD CONSTRAINT "policy_changes_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "policy_change_impacts" ADD CONSTRAINT "policy_change_impacts_policy_change_id_fkey" FOREIGN KEY ("policy_change_id") REFERENCES "policy_changes"("id") ON DELETE CASCADE ON UPDATE CASCADE;
