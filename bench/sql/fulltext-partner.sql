-- P2 baseline for GET /api/v1/search?q=<word>&kind=cases&pageSize=50 as a partner officer (ADR 0026): their own
-- country's cases whose search_vector matches the word, best ts_rank_cd first, each highlighted by ts_headline, and
-- the count of matches up to 1,000. (The API also counts the other three kinds.)
-- $1 = the word (websearch_to_tsquery), $2 = the partner's country id
-- @requires cases.search_vector
-- @page
WITH search_query AS NOT MATERIALIZED (SELECT websearch_to_tsquery('english', $1) AS q)
SELECT p.id, p.identifier, p.status, p.rank, co.name AS country, ag.name AS agency,
       ts_headline('english', p.search_text, (SELECT q FROM search_query), 'StartSel=<, StopSel=>, MaxWords=24, MinWords=8, MaxFragments=2') AS snippet
  FROM (SELECT c.id, c.identifier, c.status::text AS status, c.search_text, c.country_id, c.implementing_agency_id,
               ts_rank_cd(c.search_vector, s.q) AS rank
          FROM cases c, search_query s
         WHERE c.search_vector @@ s.q AND c.country_id = $2::uuid
         ORDER BY rank DESC, c.id
         LIMIT 50) p
  JOIN organizations co ON co.id = p.country_id
  JOIN organizations ag ON ag.id = p.implementing_agency_id
 ORDER BY p.rank DESC, p.id
-- @count
SELECT least(count(*), 1000) AS total
  FROM (SELECT 1 FROM cases c
         WHERE c.search_vector @@ websearch_to_tsquery('english', $1) AND c.country_id = $2::uuid
         LIMIT 1001) found
