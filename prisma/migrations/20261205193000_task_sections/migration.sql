-- My tasks holds every piece of work for the office (issue 13): letters of request awaiting validation, Amendments and
-- Modifications awaiting DSCA, and the partner's offered Amendments, each a section with its own page and count
-- (src/server/lors/list-lor-tasks.ts, src/server/loa/list-change-tasks.ts, src/server/loa/list-offered-amendments.ts).
-- Each partial index holds only the rows waiting on someone now, in the section's order, so a page and its count cost
-- the same at any volume: letters already validated, and documents long accepted, cost nothing. Prisma's schema cannot
-- declare a partial index, so they live here only. The conditions are written as literals, exactly as the queries
-- write them, so the planner can match them whatever the parameters.

-- DSCA's letters awaiting validation, earliest validation target first (null targets last, as ORDER BY puts them).
CREATE INDEX "letters_of_request_awaiting_validation_idx" ON "letters_of_request" ("validation_due_at", "id")
  WHERE "status" IN ('SUBMITTED', 'UNDER_VALIDATION');

-- An agency's letters awaiting validation: those routed to it, in the same order.
CREATE INDEX "letters_of_request_agency_awaiting_validation_idx" ON "letters_of_request" ("routed_agency_id", "validation_due_at", "id")
  WHERE "status" IN ('SUBMITTED', 'UNDER_VALIDATION');

-- Amendments and Modifications submitted to DSCA, longest waiting first.
CREATE INDEX "case_documents_change_submitted_idx" ON "case_documents" ("submitted_at", "id")
  WHERE "status" = 'SUBMITTED' AND "document_type" IN ('AMENDMENT', 'MODIFICATION');

-- Amendments offered to partners and not yet accepted, oldest offer first; the case id rides along for the join that
-- keeps the partner's own country's.
CREATE INDEX "case_documents_amendment_offered_idx" ON "case_documents" ("offered_at", "id") INCLUDE ("case_id")
  WHERE "status" = 'OFFERED' AND "document_type" = 'AMENDMENT';
