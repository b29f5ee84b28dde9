import "server-only";
import { CHECKLIST_KEYS } from "@/domain/lor/checklist";
import type { Actor } from "@/domain/policy";
import { MarkInsufficientInput } from "@/domain/schemas/lor";
import { fieldError, parseInput } from "../errors";
import type { RequestContext } from "../request-context";
import { lorContentFingerprint } from "./lor-record";
import { transitionLor } from "./lor-transition";

/** The validator sends the letter back with reasons (and the checklist criteria it fails); the partner revises it. */
export async function markLorInsufficient(actor: Actor, lorId: string, input: unknown, context: RequestContext) {
  const { expectedVersion, criteria = [], reasons } = parseInput(MarkInsufficientInput, input);
  const unknown = criteria.find((key) => !CHECKLIST_KEYS.includes(key));
  if (unknown) throw fieldError("criteria", `${unknown} is not a checklist criterion`);
  const distinct = [...new Set(criteria)];
  return transitionLor(
    actor,
    lorId,
    {
      action: "markInsufficient",
      auditAction: "lor.mark_insufficient",
      expectedVersion,
      apply: (row, _tx, now) => ({
        data: { statusReason: reasons, insufficientCriteria: distinct, validatedAt: row.validatedAt ?? now, returnedContentHash: lorContentFingerprint(row) },
        details: { reasons, criteria: distinct },
      }),
    },
    context,
  );
}
