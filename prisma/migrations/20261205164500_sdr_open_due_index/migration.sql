-- Supply Discrepancy Reports (issue 12): an agency's My tasks lists its open reports (submitted, or with
-- reconsideration requested) earliest due first, a page at a time. The partial index holds only the open reports, in
-- due order, so the list walks it and joins each case by its key to keep its own agency's; closed reports (most of
-- them, over a case's life) cost nothing. Prisma's schema cannot declare a partial index, so it lives here only (see
-- the note on SupplyDiscrepancyReport in schema.prisma). The status list is written as literals so the planner can
-- match the queries' identical condition (src/server/sdr/list-sdr-tasks.ts).
CREATE INDEX "supply_discrepancy_reports_open_due_idx" ON "supply_discrepancy_reports" ("due_at", "id") INCLUDE ("case_id")
  WHERE "status" IN ('SUBMITTED', 'RECONSIDERATION_REQUESTED');
