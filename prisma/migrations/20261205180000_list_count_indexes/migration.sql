-- Issue 11: the lists' totals read an index only, never the table.
--
-- U.S. Government staff list every letter submitted at least once, most recently updated first, with the total. At
-- 100,000 letters the total read the whole table (127 MB: 130 ms). This partial index holds exactly those letters in
-- list order: the page walks it and the total is an index-only scan (15 ms). Prisma's schema cannot declare a partial
-- index, so it lives here only (see the note on LetterOfRequest in schema.prisma).
CREATE INDEX "letters_of_request_submitted_updated_idx" ON "letters_of_request" ("updated_at" DESC)
  WHERE "first_submitted_at" IS NOT NULL;

-- My tasks counts an office's inbox by aging (overdue, due soon, on track) and filters it by validity and person. The
-- inbox index now carries those columns, so the counts and the page's filter never visit the table: DSCA's 48,000
-- inbox rows at 100,000 cases count in 17 ms instead of a sequential scan. Same name and key columns as the index
-- Prisma's schema declares; INCLUDE is beyond its syntax, so the columns are added here only.
DROP INDEX "case_inbox_entries_inbox_due_sort_case_id_idx";
CREATE INDEX "case_inbox_entries_inbox_due_sort_case_id_idx" ON "case_inbox_entries" ("inbox", "due_sort", "case_id")
  INCLUDE ("valid_from", "valid_until", "user_id", "excluded_user_ids", "due_at", "amber_at");
