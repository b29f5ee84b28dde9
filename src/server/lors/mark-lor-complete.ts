import "server-only";
import type { Actor } from "@/domain/policy";
import { MarkCompleteInput } from "@/domain/schemas/lor";
import { openCase } from "../cases/open-case";
import type { Tx } from "../db";
import { fieldError, parseInput } from "../errors";
import type { RequestContext } from "../request-context";
import { agencyByCode } from "./lor-content";
import type { LorRow } from "./lor-record";
import { transitionLor } from "./lor-transition";

async function chooseAgency(tx: Tx, actor: Actor, row: LorRow, code: string | null | undefined) {
  if (actor.role === "IA_CASE_MANAGER") {
    const own = await tx.organization.findUniqueOrThrow({ where: { id: actor.organizationId }, select: { id: true, code: true } });
    if (code && code !== own.code) throw fieldError("implementingAgencyCode", "An agency case manager opens cases for their own agency");
    return own;
  }
  if (code) return agencyByCode(tx, code, "implementingAgencyCode");
  const fallback = row.routedAgency ?? row.preferredAgency;
  if (fallback) return fallback;
  throw fieldError("implementingAgencyCode", "Choose the implementing agency that will write the LOA");
}

/**
 * The letter has the detail needed to start (the case-development clock starts now). An LOA request opens a case with
 * a new CC-I-DDD identifier; an amendment or modification is linked to its existing case; a P&A request waits for
 * its non-binding answer.
 */
export async function markLorComplete(actor: Actor, lorId: string, input: unknown, context: RequestContext) {
  const { expectedVersion, implementingAgencyCode, comment } = parseInput(MarkCompleteInput, input);
  return transitionLor(
    actor,
    lorId,
    {
      action: "markComplete",
      auditAction: "lor.mark_complete",
      expectedVersion,
      apply: async (row, tx, now) => {
        const base = { completedAt: now, validatedAt: row.validatedAt ?? now };
        if (row.requestType === "LOA") {
          const agency = await chooseAgency(tx, actor, row, implementingAgencyCode);
          const opened = await openCase(
            tx,
            actor,
            { lorId: row.id, country: row.country, agency, caseType: row.loaType ?? "DEFINED_ORDER" },
            context,
            now,
          );
          return {
            data: { ...base, caseId: opened.id, routedAgencyId: agency.id },
            details: { comment: comment ?? null, caseId: opened.id, caseIdentifier: opened.identifier },
          };
        }
        if (row.requestType === "AMENDMENT" || row.requestType === "MODIFICATION") {
          const existing = row.relatedCaseIdentifier
            ? await tx.case.findFirst({ where: { identifier: row.relatedCaseIdentifier, countryId: row.countryId }, select: { id: true, identifier: true } })
            : null;
          return {
            data: { ...base, caseId: existing?.id ?? null },
            details: { comment: comment ?? null, caseId: existing?.id ?? null, caseIdentifier: row.relatedCaseIdentifier },
          };
        }
        return { data: base, details: { comment: comment ?? null } };
      },
    },
    context,
  );
}
