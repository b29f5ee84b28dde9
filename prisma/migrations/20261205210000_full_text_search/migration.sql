-- Full-text search (issue 18, ADR 0026): one tsvector per searchable row, weighted A for identifiers and titles and B
-- for descriptions, with a GIN index each. Every column is GENERATED from its own row, so whatever writes these tables
-- (the app, the seeds, the large-dataset bulk loader) keeps it right without triggers. The case's vector reads
-- search_text, which the triggers of migration 20261205130000_case_search_text keep (the identifier and the letters'
-- subjects); stored generated columns are computed after BEFORE triggers, so it follows them.
-- Scope stays in the rows the search joins: letters and cases carry country_id; lines and documents reach it through
-- case_documents (status) and cases (country_id) by primary key, so no search needs a query per row.

-- Letters of request: subject and originator's reference (A), the requested items' text (B).
ALTER TABLE "letters_of_request" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english', coalesce("subject", '') || ' ' || coalesce("originator_reference", '')), 'A') ||
  setweight(jsonb_to_tsvector('english', "items", '["string"]'), 'B')
) STORED;
CREATE INDEX "letters_of_request_search_vector_idx" ON "letters_of_request" USING GIN ("search_vector");

-- Cases: the identifier (A), then the identifier and letters' subjects kept in search_text (B).
ALTER TABLE "cases" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english', "identifier"), 'A') ||
  setweight(to_tsvector('english', "search_text"), 'B')
) STORED;
CREATE INDEX "cases_search_vector_idx" ON "cases" USING GIN ("search_vector");

-- LOA lines: MASL number and line number (A), description (B). Never the USG-internal note.
ALTER TABLE "case_document_lines" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english', "masl_number" || ' ' || "generic_code"), 'A') ||
  setweight(to_tsvector('english', "description"), 'B')
) STORED;
CREATE INDEX "case_document_lines_search_vector_idx" ON "case_document_lines" USING GIN ("search_vector");

-- LOA documents: the customer's reference (A), the description and the reason for a change (B). Notes are left out:
-- they mix partner-visible and USG-internal text in one JSON column.
ALTER TABLE "case_documents" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english', "customer_reference"), 'A') ||
  setweight(to_tsvector('english', "description" || ' ' || coalesce("change_reason", '')), 'B')
) STORED;
CREATE INDEX "case_documents_search_vector_idx" ON "case_documents" USING GIN ("search_vector");
