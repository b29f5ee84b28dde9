-- Issue 12 (ADR 0017): deposits, execution per LOA line, supply discrepancy reports, billing statements, payments,
-- annual reviews and closure fields; the finance officer role.
-- CreateEnum
CREATE TYPE "ClosureType" AS ENUM ('ACC', 'NON_ACC');

-- CreateEnum
CREATE TYPE "RequisitionStatus" AS ENUM ('OPEN', 'SHIPPED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ShipmentStatus" AS ENUM ('SHIPPED', 'IN_TRANSIT', 'RECEIVED');

-- CreateEnum
CREATE TYPE "ShipmentMode" AS ENUM ('AIR', 'SEA', 'SURFACE', 'PARCEL', 'HAND_CARRY');

-- CreateEnum
CREATE TYPE "SdrType" AS ENUM ('SHORTAGE', 'OVERAGE', 'DAMAGE', 'WRONG_ITEM', 'QUALITY_DEFICIENCY', 'BILLING_ERROR');

-- CreateEnum
CREATE TYPE "SdrStatus" AS ENUM ('SUBMITTED', 'DECIDED', 'RECONSIDERATION_REQUESTED', 'CLOSED');

-- CreateEnum
CREATE TYPE "SdrDecision" AS ENUM ('CREDIT', 'REPLACEMENT', 'REPAIR_AND_RETURN', 'REJECTED');

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'FINANCE_OFFICER';

-- AlterTable
ALTER TABLE "cases" ADD COLUMN     "closure_suspense_amount" DECIMAL(18,2),
ADD COLUMN     "closure_type" "ClosureType",
ADD COLUMN     "initial_deposit_due" DECIMAL(18,2),
ADD COLUMN     "reopened_at" TIMESTAMPTZ(3),
ADD COLUMN     "supply_complete_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "case_deposits" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "amount" DECIMAL(18,2) NOT NULL,
    "value_date" DATE NOT NULL,
    "wire_reference" VARCHAR(100) NOT NULL,
    "recorded_by_id" UUID NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_deposits_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "line_obligations" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "line_number" VARCHAR(4) NOT NULL,
    "contract_number" VARCHAR(40) NOT NULL,
    "awarded_on" DATE NOT NULL,
    "amount" DECIMAL(18,2) NOT NULL,
    "recorded_by_id" UUID NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "line_obligations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "requisitions" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "line_number" VARCHAR(4) NOT NULL,
    "document_number" VARCHAR(15) NOT NULL,
    "item_description" VARCHAR(300) NOT NULL,
    "nsn" VARCHAR(16),
    "quantity" INTEGER NOT NULL,
    "unit_price" DECIMAL(18,2) NOT NULL,
    "amount" DECIMAL(18,2) NOT NULL,
    "priority" VARCHAR(2) NOT NULL,
    "status" "RequisitionStatus" NOT NULL DEFAULT 'OPEN',
    "requested_by_id" UUID NOT NULL,
    "requested_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "requisitions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "shipments" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "line_number" VARCHAR(4) NOT NULL,
    "requisition_id" UUID,
    "document_number" VARCHAR(20) NOT NULL,
    "quantity" INTEGER NOT NULL,
    "value" DECIMAL(18,2) NOT NULL,
    "shipped_on" DATE NOT NULL,
    "mode" "ShipmentMode" NOT NULL,
    "tracking_reference" VARCHAR(60) NOT NULL,
    "status" "ShipmentStatus" NOT NULL DEFAULT 'SHIPPED',
    "received_on" DATE,
    "received_by" VARCHAR(200),
    "recorded_by_id" UUID NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "shipments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "service_records" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "line_number" VARCHAR(4) NOT NULL,
    "performed_from" DATE NOT NULL,
    "performed_to" DATE NOT NULL,
    "units" DECIMAL(9,2) NOT NULL,
    "value" DECIMAL(18,2) NOT NULL,
    "description" VARCHAR(500) NOT NULL,
    "recorded_by_id" UUID NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "service_records_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "line_completions" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "line_number" VARCHAR(4) NOT NULL,
    "cancelled" BOOLEAN NOT NULL DEFAULT false,
    "reason" VARCHAR(1000),
    "declared_by_id" UUID NOT NULL,
    "declared_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "line_completions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "supply_discrepancy_reports" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "shipment_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "type" "SdrType" NOT NULL,
    "quantity_affected" INTEGER,
    "value_affected" DECIMAL(18,2) NOT NULL,
    "information_only" BOOLEAN NOT NULL DEFAULT false,
    "description" VARCHAR(4000) NOT NULL,
    "status" "SdrStatus" NOT NULL DEFAULT 'SUBMITTED',
    "filed_by_id" UUID NOT NULL,
    "filed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "sla_rule_id" UUID,
    "decision" "SdrDecision",
    "decision_reason" VARCHAR(4000),
    "credit_amount" DECIMAL(18,2),
    "decided_by_id" UUID,
    "decided_at" TIMESTAMPTZ(3),
    "reconsideration_reason" VARCHAR(4000),
    "reconsideration_requested_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "supply_discrepancy_reports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sdr_attachments" (
    "id" UUID NOT NULL,
    "sdr_id" UUID NOT NULL,
    "file_name" VARCHAR(200) NOT NULL,
    "content_type" VARCHAR(40) NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "file_id" UUID NOT NULL,
    "uploaded_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sdr_attachments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sdr_comments" (
    "id" UUID NOT NULL,
    "sdr_id" UUID NOT NULL,
    "author_id" UUID NOT NULL,
    "visibility" "CommentVisibility" NOT NULL,
    "text" VARCHAR(4000) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sdr_comments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "billing_statements" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "due_on" DATE NOT NULL,
    "issued_on" DATE NOT NULL,
    "final" BOOLEAN NOT NULL DEFAULT false,
    "schedule_cumulative" DECIMAL(18,2) NOT NULL,
    "forecast_cumulative" DECIMAL(18,2) NOT NULL,
    "billed_cumulative" DECIMAL(18,2) NOT NULL,
    "collected" DECIMAL(18,2) NOT NULL,
    "credits" DECIMAL(18,2) NOT NULL,
    "amount_due" DECIMAL(18,2) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "billing_statements_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payments" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "statement_id" UUID,
    "amount" DECIMAL(18,2) NOT NULL,
    "value_date" DATE NOT NULL,
    "reference" VARCHAR(100) NOT NULL,
    "recorded_by_id" UUID NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "payments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "annual_case_reviews" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "review_year" INTEGER NOT NULL,
    "loa_matches_deliveries" BOOLEAN NOT NULL,
    "loa_matches_contracts" BOOLEAN NOT NULL,
    "schedule_adjusted" BOOLEAN NOT NULL,
    "notes" VARCHAR(4000) NOT NULL DEFAULT '',
    "completed_by_id" UUID NOT NULL,
    "completed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "annual_case_reviews_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "case_deposits_case_id_value_date_idx" ON "case_deposits"("case_id", "value_date");

-- CreateIndex
CREATE INDEX "line_obligations_case_id_line_number_idx" ON "line_obligations"("case_id", "line_number");

-- CreateIndex
CREATE INDEX "requisitions_case_id_line_number_idx" ON "requisitions"("case_id", "line_number");

-- CreateIndex
CREATE UNIQUE INDEX "requisitions_case_id_document_number_key" ON "requisitions"("case_id", "document_number");

-- CreateIndex
CREATE INDEX "shipments_case_id_line_number_idx" ON "shipments"("case_id", "line_number");

-- CreateIndex
CREATE INDEX "shipments_requisition_id_idx" ON "shipments"("requisition_id");

-- CreateIndex
CREATE INDEX "service_records_case_id_line_number_idx" ON "service_records"("case_id", "line_number");

-- CreateIndex
CREATE UNIQUE INDEX "line_completions_case_id_line_number_key" ON "line_completions"("case_id", "line_number");

-- CreateIndex
CREATE INDEX "supply_discrepancy_reports_shipment_id_idx" ON "supply_discrepancy_reports"("shipment_id");

-- CreateIndex
CREATE INDEX "supply_discrepancy_reports_status_due_at_idx" ON "supply_discrepancy_reports"("status", "due_at");

-- CreateIndex
CREATE UNIQUE INDEX "supply_discrepancy_reports_case_id_number_key" ON "supply_discrepancy_reports"("case_id", "number");

-- CreateIndex
CREATE UNIQUE INDEX "sdr_attachments_file_id_key" ON "sdr_attachments"("file_id");

-- CreateIndex
CREATE INDEX "sdr_attachments_sdr_id_idx" ON "sdr_attachments"("sdr_id");

-- CreateIndex
CREATE INDEX "sdr_comments_sdr_id_created_at_idx" ON "sdr_comments"("sdr_id", "created_at");

-- CreateIndex
CREATE INDEX "billing_statements_due_on_idx" ON "billing_statements"("due_on");

-- CreateIndex
CREATE UNIQUE INDEX "billing_statements_case_id_due_on_final_key" ON "billing_statements"("case_id", "due_on", "final");

-- CreateIndex
CREATE INDEX "payments_case_id_value_date_idx" ON "payments"("case_id", "value_date");

-- CreateIndex
CREATE INDEX "payments_statement_id_idx" ON "payments"("statement_id");

-- CreateIndex
CREATE UNIQUE INDEX "annual_case_reviews_case_id_review_year_key" ON "annual_case_reviews"("case_id", "review_year");

-- AddForeignKey
ALTER TABLE "case_deposits" ADD CONSTRAINT "case_deposits_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "line_obligations" ADD CONSTRAINT "line_obligations_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "requisitions" ADD CONSTRAINT "requisitions_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shipments" ADD CONSTRAINT "shipments_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shipments" ADD CONSTRAINT "shipments_requisition_id_fkey" FOREIGN KEY ("requisition_id") REFERENCES "requisitions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_records" ADD CONSTRAINT "service_records_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "line_completions" ADD CONSTRAINT "line_completions_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "supply_discrepancy_reports" ADD CONSTRAINT "supply_discrepancy_reports_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "supply_discrepancy_reports" ADD CONSTRAINT "supply_discrepancy_reports_shipment_id_fkey" FOREIGN KEY ("shipment_id") REFERENCES "shipments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sdr_attachments" ADD CONSTRAINT "sdr_attachments_sdr_id_fkey" FOREIGN KEY ("sdr_id") REFERENCES "supply_discrepancy_reports"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sdr_attachments" ADD CONSTRAINT "sdr_attachments_file_id_fkey" FOREIGN KEY ("file_id") REFERENCES "stored_files"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sdr_comments" ADD CONSTRAINT "sdr_comments_sdr_id_fkey" FOREIGN KEY ("sdr_id") REFERENCES "supply_discrepancy_reports"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "billing_statements" ADD CONSTRAINT "billing_statements_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payments" ADD CONSTRAINT "payments_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payments" ADD CONSTRAINT "payments_statement_id_fkey" FOREIGN KEY ("statement_id") REFERENCES "billing_statements"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "annual_case_reviews" ADD CONSTRAINT "annual_case_reviews_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


