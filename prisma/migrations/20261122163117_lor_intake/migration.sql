-- CreateEnum
CREATE TYPE "LorStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'UNDER_VALIDATION', 'INSUFFICIENT', 'ACTIONABLE', 'COMPLETE', 'PA_PROVIDED', 'WITHDRAWN', 'DISAPPROVED');

-- CreateEnum
CREATE TYPE "LorRequestType" AS ENUM ('PRICE_AND_AVAILABILITY', 'LOA', 'AMENDMENT', 'MODIFICATION');

-- CreateEnum
CREATE TYPE "LoaType" AS ENUM ('DEFINED_ORDER', 'BLANKET_ORDER', 'CLSSA');

-- CreateEnum
CREATE TYPE "FinancingType" AS ENUM ('NATIONAL_FUNDS', 'FMF', 'MIXED');

-- CreateEnum
CREATE TYPE "AttachmentKind" AS ENUM ('SIGNED_LETTER', 'SPECIFICATION', 'OTHER');

-- CreateEnum
CREATE TYPE "DayKind" AS ENUM ('CALENDAR', 'BUSINESS');

-- CreateEnum
CREATE TYPE "CaseStatus" AS ENUM ('OPENED');

-- CreateTable
CREATE TABLE "letters_of_request" (
    "id" UUID NOT NULL,
    "country_id" UUID NOT NULL,
    "status" "LorStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "subject" VARCHAR(200),
    "originator_reference" VARCHAR(64),
    "originator_name" VARCHAR(200),
    "originator_address" VARCHAR(1000),
    "request_type" "LorRequestType",
    "related_case_identifier" VARCHAR(16),
    "loa_type" "LoaType",
    "preferred_agency_id" UUID,
    "routed_agency_id" UUID,
    "items" JSONB NOT NULL DEFAULT '[]',
    "blanket_value" DECIMAL(14,2),
    "blanket_category" VARCHAR(200),
    "financing" "FinancingType",
    "financing_notes" VARCHAR(2000),
    "requested_delivery_by" DATE,
    "delivery_notes" VARCHAR(2000),
    "third_party_involvement" BOOLEAN,
    "third_party_details" VARCHAR(4000),
    "sole_source_requested" BOOLEAN,
    "sole_source_contractor" VARCHAR(200),
    "sole_source_justification" VARCHAR(8000),
    "training_needs" VARCHAR(4000),
    "logistics_needs" VARCHAR(4000),
    "transportation_needs" VARCHAR(4000),
    "points_of_contact" JSONB NOT NULL DEFAULT '[]',
    "signatory_name" VARCHAR(120),
    "signatory_title" VARCHAR(120),
    "signatory_authority" VARCHAR(1000),
    "signed_on" DATE,
    "status_reason" VARCHAR(4000),
    "insufficient_criteria" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "pa_estimated_value" DECIMAL(14,2),
    "pa_availability" VARCHAR(2000),
    "pa_notes" VARCHAR(4000),
    "pa_responded_at" TIMESTAMPTZ(3),
    "case_id" UUID,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "first_submitted_at" TIMESTAMPTZ(3),
    "submitted_at" TIMESTAMPTZ(3),
    "validation_due_at" TIMESTAMPTZ(3),
    "validation_sla_rule_id" UUID,
    "acknowledged_at" TIMESTAMPTZ(3),
    "validated_at" TIMESTAMPTZ(3),
    "completed_at" TIMESTAMPTZ(3),
    "closed_at" TIMESTAMPTZ(3),

    CONSTRAINT "letters_of_request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lor_attachments" (
    "id" UUID NOT NULL,
    "lor_id" UUID NOT NULL,
    "kind" "AttachmentKind" NOT NULL,
    "file_name" VARCHAR(200) NOT NULL,
    "content_type" VARCHAR(40) NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "file_id" UUID NOT NULL,
    "uploaded_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "lor_attachments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stored_files" (
    "id" UUID NOT NULL,
    "content" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "stored_files_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sla_rules" (
    "id" UUID NOT NULL,
    "key" VARCHAR(40) NOT NULL,
    "days" INTEGER NOT NULL,
    "day_kind" "DayKind" NOT NULL,
    "amber_percent" INTEGER NOT NULL DEFAULT 75,
    "effective_from" TIMESTAMPTZ(3) NOT NULL,
    "effective_to" TIMESTAMPTZ(3),
    "source" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sla_rules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cases" (
    "id" UUID NOT NULL,
    "identifier" VARCHAR(16) NOT NULL,
    "country_id" UUID NOT NULL,
    "implementing_agency_id" UUID NOT NULL,
    "designator" VARCHAR(3) NOT NULL,
    "case_type" "LoaType" NOT NULL,
    "status" "CaseStatus" NOT NULL DEFAULT 'OPENED',
    "opened_from_lor_id" UUID,
    "opened_by_id" UUID NOT NULL,
    "opened_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "cases_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_designator_sequences" (
    "country_id" UUID NOT NULL,
    "agency_id" UUID NOT NULL,
    "next" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "case_designator_sequences_pkey" PRIMARY KEY ("country_id","agency_id")
);

-- CreateIndex
CREATE INDEX "letters_of_request_country_id_status_idx" ON "letters_of_request"("country_id", "status");

-- CreateIndex
CREATE INDEX "letters_of_request_status_submitted_at_idx" ON "letters_of_request"("status", "submitted_at");

-- CreateIndex
CREATE INDEX "letters_of_request_routed_agency_id_idx" ON "letters_of_request"("routed_agency_id");

-- CreateIndex
CREATE UNIQUE INDEX "lor_attachments_file_id_key" ON "lor_attachments"("file_id");

-- CreateIndex
CREATE INDEX "lor_attachments_lor_id_idx" ON "lor_attachments"("lor_id");

-- CreateIndex
CREATE UNIQUE INDEX "sla_rules_key_effective_from_key" ON "sla_rules"("key", "effective_from");

-- CreateIndex
CREATE UNIQUE INDEX "cases_identifier_key" ON "cases"("identifier");

-- CreateIndex
CREATE UNIQUE INDEX "cases_opened_from_lor_id_key" ON "cases"("opened_from_lor_id");

-- CreateIndex
CREATE INDEX "cases_country_id_idx" ON "cases"("country_id");

-- CreateIndex
CREATE UNIQUE INDEX "cases_country_id_implementing_agency_id_designator_key" ON "cases"("country_id", "implementing_agency_id", "designator");

-- AddForeignKey
ALTER TABLE "letters_of_request" ADD CONSTRAINT "letters_of_request_country_id_fkey" FOREIGN KEY ("country_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "letters_of_request" ADD CONSTRAINT "letters_of_request_preferred_agency_id_fkey" FOREIGN KEY ("preferred_agency_id") REFERENCES "organizations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "letters_of_request" ADD CONSTRAINT "letters_of_request_routed_agency_id_fkey" FOREIGN KEY ("routed_agency_id") REFERENCES "organizations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "letters_of_request" ADD CONSTRAINT "letters_of_request_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "letters_of_request" ADD CONSTRAINT "letters_of_request_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "letters_of_request" ADD CONSTRAINT "letters_of_request_validation_sla_rule_id_fkey" FOREIGN KEY ("validation_sla_rule_id") REFERENCES "sla_rules"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lor_attachments" ADD CONSTRAINT "lor_attachments_lor_id_fkey" FOREIGN KEY ("lor_id") REFERENCES "letters_of_request"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lor_attachments" ADD CONSTRAINT "lor_attachments_file_id_fkey" FOREIGN KEY ("file_id") REFERENCES "stored_files"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lor_attachments" ADD CONSTRAINT "lor_attachments_uploaded_by_id_fkey" FOREIGN KEY ("uploaded_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cases" ADD CONSTRAINT "cases_country_id_fkey" FOREIGN KEY ("country_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cases" ADD CONSTRAINT "cases_implementing_agency_id_fkey" FOREIGN KEY ("implementing_agency_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cases" ADD CONSTRAINT "cases_opened_from_lor_id_fkey" FOREIGN KEY ("opened_from_lor_id") REFERENCES "letters_of_request"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cases" ADD CONSTRAINT "cases_opened_by_id_fkey" FOREIGN KEY ("opened_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
