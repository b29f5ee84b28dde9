import "server-only";
import { documentDisplayName } from "@/domain/loa/codes";
import type { Actor } from "@/domain/policy";
import { TaskSectionQuery, type OfferedAmendmentPageView } from "@/domain/schemas/tasks";
import { assertCan } from "../auth/actor";
import { db } from "../db";
import { parseInput } from "../errors";

interface OfferedRow {
  case_id: string;
  identifier: string;
  number: number;
  document_number: number | null;
  change_reason: string | null;
  offered_at: Date;
}

/**
 * Amendments offered to the partner's country and not yet accepted, oldest offer first, a page at a time: the partner's
 * "offers waiting" beside its offered cases. Partner officers only, their own country's: they accept
 * (respondToOffer). The query walks the partial index of offered Amendments (few at any time, whatever the number of
 * cases; migration 20261205193000_task_sections) and keeps those whose case is the country's.
 */
export async function listOfferedAmendments(actor: Actor, query: unknown = {}): Promise<OfferedAmendmentPageView> {
  const { page, pageSize } = parseInput(TaskSectionQuery, query);
  if (actor.role !== "PARTNER_OFFICER") return { items: [], page, pageSize, total: 0 };
  assertCan(actor, "respondToOffer");
  const countryId = actor.organizationId;
  const [rows, counts] = await Promise.all([
    db().$queryRaw<OfferedRow[]>`
      SELECT d.case_id, c.identifier, d.number, d.document_number, d.change_reason, d.offered_at
        FROM case_documents d
        JOIN cases c ON c.id = d.case_id
       WHERE d.status = 'OFFERED' AND d.document_type = 'AMENDMENT'
         AND c.country_id = ${countryId}::uuid
       ORDER BY d.offered_at, d.id
       LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    db().$queryRaw<{ total: bigint }[]>`
      SELECT count(*) AS total
        FROM case_documents d
        JOIN cases c ON c.id = d.case_id
       WHERE d.status = 'OFFERED' AND d.document_type = 'AMENDMENT'
         AND c.country_id = ${countryId}::uuid`,
  ]);
  return {
    items: rows.map((row) => ({
      caseId: row.case_id,
      caseIdentifier: row.identifier,
      number: row.number,
      name: documentDisplayName(row.identifier, "AMENDMENT", row.document_number ?? 0),
      changeReason: row.change_reason,
      offeredAt: row.offered_at.toISOString(),
    })),
    page,
    pageSize,
    total: Number(counts[0]?.total ?? 0),
  };
}
