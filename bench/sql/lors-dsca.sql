-- P2 baseline for GET /api/v1/lors?pageSize=50 as a DSCA analyst: every letter submitted at least once, most recently
-- updated first, 50 to a page, with what the summary shows (country, routed agency, case, validation rule, attachment
-- metadata for the completeness score) and the total.
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
 WHERE l.first_submitted_at IS NOT NULL
 ORDER BY l.updated_at DESC
 LIMIT 50
-- @count
SELECT count(*) AS total FROM letters_of_request l WHERE l.first_submitted_at IS NOT NULL
