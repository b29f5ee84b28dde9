import "server-only";
import type { Actor } from "@/domain/policy";
import { VersionOnlyInput } from "@/domain/schemas/lor";
import { SLA_KEYS, dueDate, ruleInForce } from "@/domain/sla";
import { AppError, parseInput } from "../errors";
import type { RequestContext } from "../request-context";
import { checklistOf, returnedUnchanged } from "./lor-record";
import { transitionLor } from "./lor-transition";

/**
 * Submits (or resubmits after "insufficient") a letter. Every mandatory checklist criterion must be met; otherwise the
 * refusal names each missing item. Submission starts the validation clock under the rule in force today.
 */
export async function submitLor(actor: Actor, lorId: string, input: unknown, context: RequestContext) {
  const { expectedVersion } = parseInput(VersionOnlyInput, input);
  return transitionLor(
    actor,
    lorId,
    {
      action: "submit",
      auditAction: "lor.submit",
      expectedVersion,
      apply: async (row, tx, now) => {
        // Sending back exactly what was returned would only come back again: the partner must change something first.
        if (returnedUnchanged(row)) {
          throw new AppError("VALIDATION_FAILED", "Change the letter before sending it again: it is exactly as it was returned", {
            fields: { letter: `The validator returned it as insufficient: ${row.statusReason ?? "see the reasons given"}` },
          });
        }
        const checklist = checklistOf(row, now);
        if (!checklist.ready) {
          const count = checklist.missing.length;
          throw new AppError(
            "VALIDATION_FAILED",
            `The letter cannot be submitted yet: ${count} required ${count === 1 ? "item is" : "items are"} missing`,
            { fields: Object.fromEntries(checklist.missing.map((c) => [`checklist.${c.key}`, `${c.label}: ${c.problem}`])) },
          );
        }
        const rules = await tx.slaRule.findMany({ where: { key: SLA_KEYS.lorValidation } });
        const rule = ruleInForce(rules, SLA_KEYS.lorValidation, now);
        return {
          data: {
            submittedAt: now,
            firstSubmittedAt: row.firstSubmittedAt ?? now,
            validationSlaRuleId: rule?.id ?? null,
            validationDueAt: rule ? dueDate(now, rule) : null,
            acknowledgedAt: null,
            validatedAt: null,
            statusReason: null,
            insufficientCriteria: [],
            returnedContentHash: null,
            routedAgencyId: row.routedAgencyId ?? row.preferredAgencyId,
          },
          details: {
            resubmission: row.firstSubmittedAt !== null,
            completeness: checklist.score,
            validationDueAt: rule ? dueDate(now, rule).toISOString() : null,
          },
        };
      },
    },
    context,
  );
}
