-- CreateEnum
CREATE TYPE "ClssaPart" AS ENUM ('FMSO_I', 'FMSO_II');

-- CreateEnum
CREATE TYPE "DocumentType" AS ENUM ('BASIC', 'AMENDMENT', 'MODIFICATION');

-- CreateEnum
CREATE TYPE "DocumentStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'OFFERED', 'ACCEPTED', 'IMPLEMENTED', 'SUPERSEDED', 'WITHDRAWN');

-- AlterTable
ALTER TABLE "cases" ADD COLUMN     "clssa_part" "ClssaPart",
ADD COLUMN     "linked_case_id" UUID;

-- CreateTable
CREATE TABLE "case_documents" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "document_type" "DocumentType",
    "document_number" INTEGER,
    "status" "DocumentStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "description" VARCHAR(4000) NOT NULL DEFAULT '',
    "customer_reference" VARCHAR(500) NOT NULL DEFAULT '',
    "terms_of_sale" JSONB NOT NULL DEFAULT '[]',
    "initial_deposit_percent" DECIMAL(5,2) NOT NULL DEFAULT 0,
    "payment_quarters" INTEGER NOT NULL DEFAULT 8,
    "notes" JSONB NOT NULL DEFAULT '[]',
    "priced_on" DATE,
    "change_reason" VARCHAR(1000),
    "base_document_id" UUID,
    "submitted_at" TIMESTAMPTZ(3),
    "offered_at" TIMESTAMPTZ(3),
    "accepted_at" TIMESTAMPTZ(3),
    "accepted_by_name" VARCHAR(200),
    "accepted_by_title" VARCHAR(200),
    "implemented_at" TIMESTAMPTZ(3),
    "pdf_file_id" UUID,
    "pdf_sha256" CHAR(64),
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "case_documents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_document_lines" (
    "id" UUID NOT NULL,
    "document_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "line_number" VARCHAR(4) NOT NULL,
    "generic_code" VARCHAR(3) NOT NULL,
    "masl_number" VARCHAR(13) NOT NULL,
    "description" VARCHAR(500) NOT NULL,
    "quantity" INTEGER,
    "unit_of_issue" VARCHAR(4),
    "unit_cost" DECIMAL(18,2),
    "value" DECIMAL(18,2),
    "source_of_supply" VARCHAR(1) NOT NULL,
    "type_of_assistance" VARCHAR(1) NOT NULL,
    "months_of_service" INTEGER,
    "delivery_term_code" VARCHAR(2),
    "mde" BOOLEAN NOT NULL DEFAULT false,
    "sme" BOOLEAN NOT NULL DEFAULT false,
    "design_construction" BOOLEAN NOT NULL DEFAULT false,
    "procurement_share" DECIMAL(5,4),
    "nc_per_unit" DECIMAL(18,2),
    "nc_waived" BOOLEAN NOT NULL DEFAULT false,
    "nc_waiver_reason" VARCHAR(500),
    "note" VARCHAR(2000),
    "internal_note" VARCHAR(2000),
    "admin_rate" DECIMAL(7,6),
    "rate_locked_on" DATE,
    "price_only_increase" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "case_document_lines_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pricing_rates" (
    "id" UUID NOT NULL,
    "key" VARCHAR(40) NOT NULL,
    "value" DECIMAL(20,6) NOT NULL,
    "effective_from" TIMESTAMPTZ(3) NOT NULL,
    "effective_to" TIMESTAMPTZ(3),
    "source" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "pricing_rates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "loa_note_templates" (
    "key" VARCHAR(80) NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "when_required" TEXT NOT NULL,
    "input_by" VARCHAR(200) NOT NULL,
    "text" TEXT NOT NULL,
    "historic" BOOLEAN NOT NULL DEFAULT false,
    "source" TEXT NOT NULL,

    CONSTRAINT "loa_note_templates_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "case_documents_pdf_file_id_key" ON "case_documents"("pdf_file_id");

-- CreateIndex
CREATE UNIQUE INDEX "case_documents_case_id_number_key" ON "case_documents"("case_id", "number");

-- CreateIndex
CREATE UNIQUE INDEX "case_document_lines_document_id_line_number_key" ON "case_document_lines"("document_id", "line_number");

-- CreateIndex
CREATE UNIQUE INDEX "pricing_rates_key_effective_from_key" ON "pricing_rates"("key", "effective_from");

-- AddForeignKey
ALTER TABLE "cases" ADD CONSTRAINT "cases_linked_case_id_fkey" FOREIGN KEY ("linked_case_id") REFERENCES "cases"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_documents" ADD CONSTRAINT "case_documents_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_documents" ADD CONSTRAINT "case_documents_pdf_file_id_fkey" FOREIGN KEY ("pdf_file_id") REFERENCES "stored_files"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_document_lines" ADD CONSTRAINT "case_document_lines_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "case_documents"("id") ON DELETE CASCADE ON UPDATE CASCADE;



-- Every existing case gets its basic LOA as an empty draft, as new cases do when they open.
INSERT INTO "case_documents" ("id", "case_id", "number", "document_type", "document_number", "status", "terms_of_sale", "initial_deposit_percent", "created_by_id", "updated_at")
SELECT gen_random_uuid(), "id", 1, 'BASIC', 0, 'DRAFT', '[{"term": "CASH_PRIOR_TO_DELIVERY", "amount": null}]'::jsonb, 20, "opened_by_id", now()
FROM "cases";
