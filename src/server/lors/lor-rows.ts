// Letters of request as the lists and the letter pages read them (lorInclude's shape), built by PostgreSQL as JSON in
// one statement (see ../json-rows.ts). tests/integration/lor-rows.test.ts proves them equal to Prisma's
// `include: lorInclude`. Free of `server-only`, like the other stores.
import { Prisma } from "../../generated/prisma/client";
import { isUuid } from "../../domain/schemas/common";
import { positional, prepared, prismaRow, queryJson, type Revival, type SqlClient } from "../json-rows";
import type { LorRow } from "./lor-record";

type LorScalars = Omit<LorRow, "country" | "preferredAgency" | "routedAgency" | "case" | "validationSla" | "attachments">;
type RuleFields = NonNullable<LorRow["validationSla"]>;
type AttachmentFields = LorRow["attachments"][number];

/** Every column of a letter, in the order the query writes them (see positional() in ../json-rows.ts). */
const LOR_COLUMNS = {
  id: "as-is", countryId: "as-is", status: "as-is", version: "as-is", subject: "as-is", originatorReference: "as-is",
  originatorName: "as-is", originatorAddress: "as-is", requestType: "as-is", relatedCaseIdentifier: "as-is",
  loaType: "as-is", preferredAgencyId: "as-is", routedAgencyId: "as-is", items: "as-is", blanketValue: "decimal",
  blanketCategory: "as-is", financing: "as-is", financingNotes: "as-is", requestedDeliveryBy: "date",
  deliveryNotes: "as-is", thirdPartyInvolvement: "as-is", thirdPartyDetails: "as-is", soleSourceRequested: "as-is",
  soleSourceContractor: "as-is", soleSourceJustification: "as-is", trainingNeeds: "as-is", logisticsNeeds: "as-is",
  transportationNeeds: "as-is", pointsOfContact: "as-is", signatoryName: "as-is", signatoryTitle: "as-is",
  signatoryAuthority: "as-is", signedOn: "date", statusReason: "as-is", insufficientCriteria: "as-is",
  returnedContentHash: "as-is", paEstimatedValue: "decimal", paAvailability: "as-is", paNotes: "as-is",
  paRespondedAt: "date", caseId: "as-is", createdById: "as-is", createdAt: "date", updatedAt: "date",
  firstSubmittedAt: "date", submittedAt: "date", validationDueAt: "date", validationSlaRuleId: "as-is",
  acknowledgedAt: "date", validatedAt: "date", completedAt: "date", closedAt: "date",
} as const satisfies Record<keyof LorScalars, Revival>;

const ATTACHMENT_COLUMNS = {
  id: "as-is", kind: "as-is", fileName: "as-is", contentType: "as-is", sizeBytes: "as-is", sha256: "as-is", createdAt: "date",
} as const satisfies Record<keyof AttachmentFields, Revival>;

const lorArray = positional<LorScalars>("l", LOR_COLUMNS);
const attachmentArray = positional<AttachmentFields>("a", ATTACHMENT_COLUMNS);

/** The letter (alias `l`) as one JSON array: its columns, then its relations. */
const LOR_JSON = Prisma.sql`json_build_array(
  ${lorArray.sql},
  (SELECT json_build_object('id', o.id, 'code', o.code, 'name', o.name) FROM organizations o WHERE o.id = l.country_id),
  (SELECT json_build_object('id', o.id, 'code', o.code, 'name', o.name) FROM organizations o WHERE o.id = l.preferred_agency_id),
  (SELECT json_build_object('id', o.id, 'code', o.code, 'name', o.name) FROM organizations o WHERE o.id = l.routed_agency_id),
  (SELECT json_build_object('id', c.id, 'identifier', c.identifier) FROM cases c WHERE c.id = l.case_id),
  (SELECT row_to_json(r) FROM sla_rules r WHERE r.id = l.validation_sla_rule_id),
  (SELECT coalesce(json_agg(${attachmentArray.sql} ORDER BY a.created_at), '[]') FROM lor_attachments a WHERE a.lor_id = l.id))`;

const RULE_REVIVALS = { dates: ["effectiveFrom", "effectiveTo", "createdAt"] satisfies (keyof RuleFields)[] };

type LorJson = [
  columns: unknown[],
  country: LorRow["country"],
  preferredAgency: LorRow["preferredAgency"],
  routedAgency: LorRow["routedAgency"],
  linkedCase: LorRow["case"],
  validationSla: object | null,
  attachments: unknown[][],
];

function lorRowOf([columns, country, preferredAgency, routedAgency, linkedCase, validationSla, attachments]: LorJson): LorRow {
  const row = lorArray.decode(columns) as LorRow;
  row.country = country;
  row.preferredAgency = preferredAgency;
  row.routedAgency = routedAgency;
  row.case = linkedCase;
  row.validationSla = validationSla && prismaRow<RuleFields>(validationSla, RULE_REVIVALS);
  row.attachments = attachments.map((attachment) => attachmentArray.decode(attachment));
  return row;
}

/** The letters whose ids an array expression holds, as a JSON array in the array's order. */
const lorsInOrder = (ids: Prisma.Sql) =>
  Prisma.sql`(SELECT coalesce(json_agg(${LOR_JSON} ORDER BY array_position(${ids}, l.id)), '[]') FROM letters_of_request l WHERE l.id = ANY (${ids}))`;

/** Letters by id, in the order of `ids`: one statement. */
export async function loadLorRows(client: SqlClient, ids: readonly string[]): Promise<LorRow[]> {
  if (ids.length === 0) return [];
  const rows = await queryJson<LorJson[]>(client, prepared(Prisma.sql`SELECT ${lorsInOrder(Prisma.sql`${[...ids]}::uuid[]`)}::text AS doc`));
  return (rows ?? []).map(lorRowOf);
}

/**
 * A page of a list in one statement: `pageIds` (an ARRAY(SELECT l.id … ORDER BY … LIMIT …) expression) chooses the
 * letters and their order, `total` (a scalar count) counts the whole list.
 */
export async function loadLorPage(client: SqlClient, pageIds: Prisma.Sql, total: Prisma.Sql): Promise<{ total: number; rows: LorRow[] }> {
  const doc = await queryJson<{ total: number; rows: LorJson[] }>(
    client,
    // MATERIALIZED: the ids are read twice below (membership and order), and an inlined subquery would run twice.
    Prisma.sql`WITH page AS MATERIALIZED (SELECT ${pageIds} AS ids)
               SELECT json_build_object('total', ${total}, 'rows', ${lorsInOrder(Prisma.sql`page.ids`)})::text AS doc
                 FROM page`,
  );
  return { total: Number(doc?.total ?? 0), rows: (doc?.rows ?? []).map(lorRowOf) };
}

/** One letter, or null (a malformed id is a missing letter). */
export async function loadLorRow(client: SqlClient, id: string): Promise<LorRow | null> {
  if (!isUuid(id)) return null;
  return (await loadLorRows(client, [id]))[0] ?? null;
}
