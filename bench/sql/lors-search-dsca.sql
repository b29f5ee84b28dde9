-- P2 baseline for GET /api/v1/lors?pageSize=50&q=<word> as a DSCA analyst: the letter list searched, every letter
-- submitted at least once whose subject, partner reference or originator's name contains the word, or whose country
-- code or case identifier is the word; most recently updated first, 50 to a page, with the total. The page takes each
-- alternative's first 50 by its own plan and merges them (as the API does); the count combines the alternatives'
-- indexes (three trigram, country, case) in a BitmapOr.
-- $1 = '%word%' (ILIKE), $2 = the word upper-cased (codes and identifiers are stored upper case)
-- @page
SELECT l.*,
       json_build_object('id', co.id, 'code', co.code, 'name', co.name) AS country,
       CASE WHEN pa.id IS NULL THEN NULL ELSE json_build_object('id', pa.id, 'code', pa.code, 'name', pa.name) END AS preferred_agency,
       CASE WHEN ra.id IS NULL THEN NULL ELSE json_build_object('id', ra.id, 'code', ra.code, 'name', ra.name) END AS routed_agency,
       CASE WHEN c.id IS NULL THEN NULL ELSE json_build_object('id', c.id, 'identifier', c.identifier) END AS "case",
       row_to_json(r.*) AS validation_sla,
       (SELECT coalesce(json_agg(json_build_object('id', a.id, 'kind', a.kind, 'fileName', a.file_name, 'contentType', a.content_type,
                                                   'sizeBytes', a.size_bytes, 'sha256', a.sha256, 'createdAt', a.created_at)
                                 ORDER BY a.created_at), '[]')
          FROM lor_attachments a
         WHERE a.lor_id = l.id) AS attachments
  FROM letters_of_request l
  JOIN organizations co ON co.id = l.country_id
  LEFT JOIN organizations pa ON pa.id = l.preferred_agency_id
  LEFT JOIN organizations ra ON ra.id = l.routed_agency_id
  LEFT JOIN cases c ON c.id = l.case_id
  LEFT JOIN sla_rules r ON r.id = l.validation_sla_rule_id
 WHERE l.id = ANY (ARRAY(
         SELECT u.id FROM (
           (SELECT x.id, x.updated_at FROM letters_of_request x
             WHERE x.first_submitted_at IS NOT NULL
               AND (x.subject ILIKE $1 OR x.originator_reference ILIKE $1 OR x.originator_name ILIKE $1)
             ORDER BY x.updated_at DESC, x.id LIMIT 50)
           UNION
           (SELECT x.id, x.updated_at FROM letters_of_request x
             WHERE x.first_submitted_at IS NOT NULL
               AND x.country_id = (SELECT o.id FROM organizations o WHERE o.kind = 'PARTNER_COUNTRY' AND o.code = $2)
             ORDER BY x.updated_at DESC, x.id LIMIT 50)
           UNION
           (SELECT x.id, x.updated_at FROM letters_of_request x
             WHERE x.first_submitted_at IS NOT NULL AND x.case_id = (SELECT c.id FROM cases c WHERE c.identifier = $2)
             ORDER BY x.updated_at DESC, x.id LIMIT 50)) u
          ORDER BY u.updated_at DESC, u.id LIMIT 50))
 ORDER BY l.updated_at DESC, l.id
-- @count
SELECT count(*) AS total
  FROM letters_of_request l
 WHERE l.first_submitted_at IS NOT NULL
   AND (l.subject ILIKE $1 OR l.originator_reference ILIKE $1 OR l.originator_name ILIKE $1
        OR l.country_id = (SELECT o.id FROM organizations o WHERE o.kind = 'PARTNER_COUNTRY' AND o.code = $2)
        OR l.case_id = (SELECT c.id FROM cases c WHERE c.identifier = $2))
