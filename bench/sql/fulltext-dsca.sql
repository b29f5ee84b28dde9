-- P2 baseline for GET /api/v1/search?q=<word>&kind=letters&pageSize=50 as a DSCA analyst (ADR 0026): letters of
-- request submitted at least once whose search_vector matches the word, best ts_rank_cd first, each highlighted by
-- ts_headline, and the count of matches up to 1,000. (The API also counts the other three kinds.)
-- $1 = the word (websearch_to_tsquery)
-- @requires letters_of_request.search_vector
-- @page
WITH search_query AS NOT MATERIALIZED (SELECT websearch_to_tsquery('english', $1) AS q)
SELECT p.id, p.subject, p.status, p.rank, co.name AS country, c.identifier AS case_identifier,
       ts_headline('english', concat_ws(' — ', p.subject, p.originator_reference,
         (SELECT string_agg(concat_ws(': ', i->>'nomenclature', i->>'description'), '; ')
            FROM jsonb_array_elements(CASE WHEN jsonb_typeof(p.items) = 'array' THEN p.items ELSE '[]' END) i)),
         (SELECT q FROM search_query), 'StartSel=<, StopSel=>, MaxWords=24, MinWords=8, MaxFragments=2') AS snippet
  FROM (SELECT l.id, l.subject, l.status::text AS status, l.originator_reference, l.items, l.country_id, l.case_id,
               ts_rank_cd(l.search_vector, s.q) AS rank
          FROM letters_of_request l, search_query s
         WHERE l.search_vector @@ s.q AND l.first_submitted_at IS NOT NULL
         ORDER BY rank DESC, l.id
         LIMIT 50) p
  JOIN organizations co ON co.id = p.country_id
  LEFT JOIN cases c ON c.id = p.case_id
 ORDER BY p.rank DESC, p.id
-- @count
SELECT least(count(*), 1000) AS total
  FROM (SELECT 1 FROM letters_of_request l
         WHERE l.search_vector @@ websearch_to_tsquery('english', $1) AND l.first_submitted_at IS NOT NULL
         LIMIT 1001) found
