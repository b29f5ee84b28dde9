import "server-only";
import { documentDisplayName, type DocumentType } from "@/domain/loa/codes";
import { can, type Actor } from "@/domain/policy";
import { TaskSectionQuery, type ChangeTaskPageView } from "@/domain/schemas/tasks";
import { assertCan } from "../auth/actor";
import { db } from "../db";
import { parseInput } from "../errors";

interface ChangeTaskRow {
  case_id: string;
  identifier: string;
  number: number;
  document_type: string;
  document_number: number | null;
  change_reason: string | null;
  submitted_at: Date;
  country: { id: string; code: string; name: string };
  agency: { id: string; code: string; name: string };
}

/**
 * Amendments and Modifications the agencies have submitted to DSCA, waiting for DSCA to approve or return them, oldest
 * first (no target applies to this step, so the longest wait leads), a page at a time. DSCA analysts only: they decide
 * (decideLoaChange). Two statements on the partial index of submitted changes (migration 20261205193000_task_sections),
 * its condition written as the index's literals.
 */
export async function listChangeTasks(actor: Actor, query: unknown = {}): Promise<ChangeTaskPageView> {
  assertCan(actor, "listMyTasks");
  const { page, pageSize } = parseInput(TaskSectionQuery, query);
  if (!can(actor, "decideLoaChange", {})) return { items: [], page, pageSize, total: 0 };
  const [rows, counts] = await Promise.all([
    db().$queryRaw<ChangeTaskRow[]>`
      SELECT d.case_id, c.identifier, d.number, d.document_type::text AS document_type, d.document_number, d.change_reason,
             d.submitted_at,
             json_build_object('id', co.id, 'code', co.code, 'name', co.name) AS country,
             json_build_object('id', ag.id, 'code', ag.code, 'name', ag.name) AS agency
        FROM case_documents d
        JOIN cases c ON c.id = d.case_id
        JOIN organizations co ON co.id = c.country_id
        JOIN organizations ag ON ag.id = c.implementing_agency_id
       WHERE d.status = 'SUBMITTED' AND d.document_type IN ('AMENDMENT', 'MODIFICATION')
       ORDER BY d.submitted_at, d.id
       LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    db().$queryRaw<{ total: bigint }[]>`
      SELECT count(*) AS total FROM case_documents d
       WHERE d.status = 'SUBMITTED' AND d.document_type IN ('AMENDMENT', 'MODIFICATION')`,
  ]);
  return {
    items: rows.map((row) => ({
      caseId: row.case_id,
      caseIdentifier: row.identifier,
      country: row.country,
      implementingAgency: row.agency,
      number: row.number,
      documentType: row.document_type as DocumentType,
      name: documentDisplayName(row.identifier, row.document_type as DocumentType, row.document_number ?? 0),
      changeReason: row.change_reason,
      submittedAt: row.submitted_at.toISOString(),
    })),
    page,
    pageSize,
    total: Number(counts[0]?.total ?? 0),
  };
}
