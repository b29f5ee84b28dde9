// Letters of request as the lists and the letter pages read them (lorInclude's shape), built by PostgreSQL as JSON in
// one statement (see ../json-rows.ts). tests/integration/lor-rows.test.ts proves them equal to Prisma's
// `include: lorInclude`. Free of `server-only`, like the other stores.
import { Prisma } from "../../generated/prisma/client";
import { isUuid } from "../../domain/schemas/common";
import { numericAsText, prismaRow, queryJson, type SqlClient } from "../json-rows";
import type { LorRow } from "./lor-record";

/** The letter (alias `l`) with its relations; numeric columns again as text; Json columns keep their own keys. */
const LOR_JSON = Prisma.sql`json_build_object(
  'row', row_to_json(l),
  'amounts', ${numericAsText("l", ["blanket_value", "pa_estimated_value"])},
  'country', (SELECT json_build_object('id', o.id, 'code', o.code, 'name', o.name) FROM organizations o WHERE o.id = l.country_id),
  'preferred_agency', (SELECT json_build_object('id', o.id, 'code', o.code, 'name', o.name)
                         FROM organizations o WHERE o.id = l.preferred_agency_id),
  'routed_agency', (SELECT json_build_object('id', o.id, 'code', o.code, 'name', o.name)
                      FROM organizations o WHERE o.id = l.routed_agency_id),
  'case', (SELECT json_build_object('id', c.id, 'identifier', c.identifier) FROM cases c WHERE c.id = l.case_id),
  'validation_sla', (SELECT row_to_json(r) FROM sla_rules r WHERE r.id = l.validation_sla_rule_id),
  'attachments', (SELECT coalesce(json_agg(json_build_object('id', a.id, 'kind', a.kind, 'file_name', a.file_name,
                                                             'content_type', a.content_type, 'size_bytes', a.size_bytes,
                                                             'sha256', a.sha256, 'created_at', a.created_at)
                                           ORDER BY a.created_at), '[]')
                    FROM lor_attachments a WHERE a.lor_id = l.id))`;

const LOR_REVIVALS = {
  dates: [
    "requestedDeliveryBy", "signedOn", "paRespondedAt", "createdAt", "updatedAt", "firstSubmittedAt", "submittedAt",
    "validationDueAt", "acknowledgedAt", "validatedAt", "completedAt", "closedAt",
  ] satisfies (keyof LorRow)[],
  decimals: ["blanketValue", "paEstimatedValue"] satisfies (keyof LorRow)[],
};
const RULE_REVIVALS = { dates: ["effectiveFrom", "effectiveTo", "createdAt"] satisfies (keyof NonNullable<LorRow["validationSla"]>)[] };
const ATTACHMENT_REVIVALS = { dates: ["createdAt"] satisfies (keyof LorRow["attachments"][number])[] };

interface LorJson {
  row: object;
  amounts: object;
  country: object;
  preferred_agency: object | null;
  routed_agency: object | null;
  case: object | null;
  validation_sla: object | null;
  attachments: object[];
}

function lorRowOf(json: LorJson): LorRow {
  return prismaRow<LorRow>(
    {
      ...json.row,
      ...json.amounts,
      country: json.country,
      preferred_agency: json.preferred_agency,
      routed_agency: json.routed_agency,
      case: json.case,
      validation_sla: json.validation_sla && prismaRow(json.validation_sla, RULE_REVIVALS),
      attachments: json.attachments.map((attachment) => prismaRow(attachment, ATTACHMENT_REVIVALS)),
    },
    LOR_REVIVALS,
  );
}

/** Letters by id, in the order of `ids`: one statement. */
export async function loadLorRows(client: SqlClient, ids: readonly string[]): Promise<LorRow[]> {
  if (ids.length === 0) return [];
  const rows = await queryJson<LorJson[]>(
    client,
    Prisma.sql`SELECT json_agg(${LOR_JSON} ORDER BY array_position(${[...ids]}::uuid[], l.id))::text AS doc
                 FROM letters_of_request l WHERE l.id = ANY (${[...ids]}::uuid[])`,
  );
  return (rows ?? []).map(lorRowOf);
}

/** One letter, or null (a malformed id is a missing letter). */
export async function loadLorRow(client: SqlClient, id: string): Promise<LorRow | null> {
  if (!isUuid(id)) return null;
  return (await loadLorRows(client, [id]))[0] ?? null;
}
