-- The letter list's search (q) matches the subject, the partner's reference or the originator's name, or names a country
-- code or a case identifier. Only the subject had a trigram index, so every search read the whole table (about 200 ms
-- at 100,000 letters, for any word). With the other two fields indexed the same way, and the code and identifier
-- compared to one looked-up id (src/server/lors/list-lors.ts), the planner combines five index scans (BitmapOr).
CREATE INDEX "letters_of_request_originator_reference_trgm_idx" ON "letters_of_request" USING GIN ("originator_reference" gin_trgm_ops);
CREATE INDEX "letters_of_request_originator_name_trgm_idx" ON "letters_of_request" USING GIN ("originator_name" gin_trgm_ops);
