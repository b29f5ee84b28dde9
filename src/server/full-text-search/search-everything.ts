import "server-only";
import { DOCUMENT_STATUS_LABELS, PARTNER_VISIBLE_DOCUMENT_STATUSES, documentDisplayName, type DocumentStatus, type DocumentType } from "@/domain/loa/codes";
import { LOR_STATUS_LABELS, type LorStatus } from "@/domain/lor/codes";
import { can, type Actor } from "@/domain/policy";
import {
  SEARCH_COUNT_CAP,
  SEARCH_KINDS,
  SEARCH_MARK_END,
  SEARCH_MARK_START,
  SearchQuery,
  type SearchHit,
  type SearchKind,
  type SearchResults,
} from "@/domain/schemas/search";
import { CASE_STATUS_LABELS, type CaseStatus } from "@/domain/workflow/states";
import { Prisma } from "../../generated/prisma/client";
import { assertCan } from "../auth/actor";
import { db } from "../db";
import { countUpTo, queryRows } from "../json-rows";
import { lorScopeCondition } from "../lors/lor-record";
import { parseInput } from "../errors";

// ts_headline's options: the markers split by src/components/search/highlight.ts, and two short fragments.
const HEADLINE_OPTIONS = `StartSel=${SEARCH_MARK_START}, StopSel=${SEARCH_MARK_END}, MaxWords=24, MinWords=8, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * Each kind's rows as the actor may see them, matching the query: the same scope as the lists (partners their own
 * country's records — caseScope and lorScope; U.S. Government staff letters once submitted) and, for LOA lines and
 * documents, the documents the actor may read (loa-access.ts: USG staff all, partners offered-or-later only). Each is a
 * FROM … WHERE over the kind's GIN-indexed search_vector, with `q` the tsquery and `rank` its ts_rank_cd.
 */
function matches(kind: SearchKind, actor: Actor): Prisma.Sql {
  const partner = actor.role === "PARTNER_OFFICER";
  const country = (column: Prisma.Sql) => (partner ? Prisma.sql`AND ${column} = ${actor.organizationId}::uuid` : Prisma.empty);
  const everyDocument = can(actor, "viewLoaInternals");
  const documents = everyDocument
    ? Prisma.empty
    : Prisma.sql`AND d.status::text IN (${Prisma.join(PARTNER_VISIBLE_DOCUMENT_STATUSES as DocumentStatus[])})`;
  switch (kind) {
    case "cases":
      return Prisma.sql`FROM cases c, search_query s WHERE c.search_vector @@ s.q ${country(Prisma.sql`c.country_id`)}`;
    case "letters":
      return Prisma.sql`FROM letters_of_request l, search_query s WHERE l.search_vector @@ s.q AND ${lorScopeCondition(actor)}`;
    // Lines and documents carry their case's country (kept by triggers, migration 20261205211000), indexed with the
    // vector: a partner's search reads only their own country's matches from the index. Lines join their document
    // only to check its status, and only for actors who do not see every document.
    case "lines":
      return everyDocument
        ? Prisma.sql`FROM case_document_lines ln, search_query s WHERE ln.search_vector @@ s.q ${country(Prisma.sql`ln.country_id`)}`
        : Prisma.sql`FROM case_document_lines ln JOIN case_documents d ON d.id = ln.document_id, search_query s
            WHERE ln.search_vector @@ s.q ${country(Prisma.sql`ln.country_id`)} ${documents}`;
    case "documents":
      return Prisma.sql`FROM case_documents d, search_query s WHERE d.search_vector @@ s.q ${country(Prisma.sql`d.country_id`)} ${documents}`;
  }
}

// NOT MATERIALIZED: referenced twice, the CTE would otherwise be materialized and the tsquery stop being a constant the
// planner can use (it then joins every match before ranking: 190 ms instead of 52 ms for a common word at 100k cases).
const withQuery = (q: string) => Prisma.sql`WITH search_query AS NOT MATERIALIZED (SELECT websearch_to_tsquery('english', ${q}) AS q)`;

/** Matches of one kind, counted up to SEARCH_COUNT_CAP so a common word costs a bounded scan. */
const countKind = (kind: SearchKind, actor: Actor, q: string) =>
  countUpTo(db(), Prisma.sql`SELECT 1 ${matches(kind, actor)}`, SEARCH_COUNT_CAP, withQuery(q));

type Row = Record<string, unknown> & { id: string; rank: number; snippet: string };

/**
 * One page of a kind's matches, best first (ts_rank_cd, weights A for identifiers and titles, B for descriptions),
 * then highlighted: ts_headline reads the text again, so it runs on the page's rows only.
 */
async function pageOf(kind: SearchKind, actor: Actor, q: string, limit: number, offset: number): Promise<Row[]> {
  const from = matches(kind, actor);
  const page = (vector: Prisma.Sql, id: Prisma.Sql, columns: Prisma.Sql) =>
    Prisma.sql`SELECT ${columns}, ts_rank_cd(${vector}, s.q) AS rank ${from} ORDER BY rank DESC, ${id} LIMIT ${limit} OFFSET ${offset}`;
  const headline = (text: Prisma.Sql) => Prisma.sql`ts_headline('english', ${text}, (SELECT q FROM search_query), ${HEADLINE_OPTIONS})`;
  switch (kind) {
    case "cases":
      return queryRows<Row>(db(), Prisma.sql`${withQuery(q)}
        SELECT p.id, p.identifier, p.status, p.rank, co.name AS country, ag.name AS agency, ${headline(Prisma.sql`p.search_text`)} AS snippet
          FROM (${page(Prisma.sql`c.search_vector`, Prisma.sql`c.id`, Prisma.sql`c.id, c.identifier, c.status::text AS status, c.search_text, c.country_id, c.implementing_agency_id`)}) p
          JOIN organizations co ON co.id = p.country_id
          JOIN organizations ag ON ag.id = p.implementing_agency_id
         ORDER BY p.rank DESC, p.id`);
    case "letters":
      return queryRows<Row>(db(), Prisma.sql`${withQuery(q)}
        SELECT p.id, p.subject, p.status, p.rank, co.name AS country, c.identifier AS case_identifier,
               ${headline(Prisma.sql`concat_ws(' — ', p.subject, p.originator_reference,
                 (SELECT string_agg(concat_ws(': ', i->>'nomenclature', i->>'description'), '; ')
                    FROM jsonb_array_elements(CASE WHEN jsonb_typeof(p.items) = 'array' THEN p.items ELSE '[]' END) i))`)} AS snippet
          FROM (${page(Prisma.sql`l.search_vector`, Prisma.sql`l.id`, Prisma.sql`l.id, l.subject, l.status::text AS status, l.originator_reference, l.items, l.country_id, l.case_id`)}) p
          JOIN organizations co ON co.id = p.country_id
          LEFT JOIN cases c ON c.id = p.case_id
         ORDER BY p.rank DESC, p.id`);
    case "lines":
      return queryRows<Row>(db(), Prisma.sql`${withQuery(q)}
        SELECT p.*, pd.number, pd.document_type::text AS document_type, pd.document_number, pd.status::text AS document_status,
               pc.id AS case_id, pc.identifier, ${headline(Prisma.sql`concat_ws(' ', p.masl_number, p.description)`)} AS snippet
          FROM (${page(Prisma.sql`ln.search_vector`, Prisma.sql`ln.id`, Prisma.sql`ln.id, ln.line_number, ln.masl_number, ln.description, ln.document_id`)}) p
          JOIN case_documents pd ON pd.id = p.document_id
          JOIN cases pc ON pc.id = pd.case_id
         ORDER BY p.rank DESC, p.id`);
    case "documents":
      return queryRows<Row>(db(), Prisma.sql`${withQuery(q)}
        SELECT p.*, pc.identifier, ${headline(Prisma.sql`concat_ws(' — ', nullif(p.customer_reference, ''), nullif(p.description, ''), p.change_reason)`)} AS snippet
          FROM (${page(
            Prisma.sql`d.search_vector`,
            Prisma.sql`d.id`,
            Prisma.sql`d.id, d.number, d.document_type::text AS document_type, d.document_number, d.status::text AS document_status,
                       d.customer_reference, d.description, d.change_reason, d.case_id`,
          )}) p
          JOIN cases pc ON pc.id = p.case_id
         ORDER BY p.rank DESC, p.id`);
  }
}

const text = (value: unknown) => (typeof value === "string" ? value : "");

function toHit(kind: SearchKind, row: Row): SearchHit {
  const base = { kind, id: row.id, rank: Number(row.rank), snippet: text(row.snippet) };
  switch (kind) {
    case "cases":
      return {
        ...base,
        title: text(row.identifier),
        subtitle: [text(row.country), text(row.agency), CASE_STATUS_LABELS[row.status as CaseStatus] ?? text(row.status)].join(" · "),
        href: `/cases/${row.id}`,
      };
    case "letters":
      return {
        ...base,
        title: text(row.subject) || "Letter of request without a subject",
        subtitle: [text(row.country), LOR_STATUS_LABELS[row.status as LorStatus] ?? text(row.status), row.case_identifier ? `case ${text(row.case_identifier)}` : ""]
          .filter(Boolean)
          .join(" · "),
        href: `/lors/${row.id}`,
      };
    case "lines":
    case "documents": {
      const name = documentDisplayName(text(row.identifier), (row.document_type as DocumentType | null) ?? null, Number(row.document_number ?? 0));
      const status = DOCUMENT_STATUS_LABELS[row.document_status as DocumentStatus] ?? text(row.document_status);
      return kind === "lines"
        ? { ...base, title: `Line ${text(row.line_number)} — MASL ${text(row.masl_number)}`, subtitle: `${name} · ${status}`, href: `/cases/${text(row.case_id)}/documents/${Number(row.number)}` }
        : { ...base, title: name, subtitle: status, href: `/cases/${text(row.case_id)}/documents/${Number(row.number)}` };
    }
  }
}

/**
 * One search box over cases, letters of request, LOA lines and LOA documents (PostgreSQL full-text search, ADR 0026):
 * how many of each the actor may see match (up to SEARCH_COUNT_CAP), and one page of the chosen kind — by default the
 * first with matches — ranked and highlighted. Scope is applied in SQL, so a foreign record is never read.
 */
export async function searchEverything(actor: Actor, query: unknown): Promise<SearchResults> {
  assertCan(actor, "listCases");
  assertCan(actor, "listLors");
  const { q, kind: asked, page, pageSize } = parseInput(SearchQuery, query);
  const counted = await Promise.all(SEARCH_KINDS.map((kind) => countKind(kind, actor, q)));
  const counts = Object.fromEntries(SEARCH_KINDS.map((kind, i) => [kind, counted[i]])) as SearchResults["counts"];
  const kind = asked ?? SEARCH_KINDS.find((k) => counts[k].count > 0) ?? SEARCH_KINDS[0];
  const offset = (page - 1) * pageSize;
  const rows = counts[kind].count > offset || counts[kind].more ? await pageOf(kind, actor, q, pageSize, offset) : [];
  return {
    q,
    kind,
    counts,
    items: rows.map((row) => toHit(kind, row)),
    page,
    pageSize,
    total: counts[kind].count,
    more: counts[kind].more,
  };
}
