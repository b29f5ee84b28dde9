"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { formObject, runAction, type ActionState } from "@/server/action-result";
import { requireActor } from "@/server/auth/actor";
import { acknowledgedDocumentFromForm, performCaseAction } from "@/server/cases/perform-case-action";
import { completeAnnualReview } from "@/server/closure/complete-annual-review";
import { AppError } from "@/server/errors";
import { requestContext } from "@/server/request-context";

const CLOSURE_ACTIONS = ["submit-closure", "close", "reopen"] as const;
type ClosureAction = (typeof CLOSURE_ACTIONS)[number];
const isClosureAction = (value: string): value is ClosureAction => (CLOSURE_ACTIONS as readonly string[]).includes(value);

/** Submit the closure certificate, close, or reopen: the case's own workflow actions, from the closure page. */
export async function closureEventAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const values = formObject(form);
  const { caseId = "", action = "", expectedVersion, closureType, comment, commentVisibility } = values;
  const t = await getTranslations("ClosureForms");
  const result = await runAction(async () => {
    const actor = await requireActor();
    if (!isClosureAction(action)) throw new AppError("BAD_REQUEST", "Unknown action");
    // Only the fields the action takes: the schema refuses anything else, as the API does.
    const input: Record<string, unknown> = { expectedVersion: Number(expectedVersion) };
    if (action === "submit-closure") input.closureType = closureType ?? "";
    if (comment) input.comment = comment;
    if (comment && commentVisibility) input.commentVisibility = commentVisibility;
    // Closing is a binding step: the LOA in force the person confirmed must still be the one in force.
    const acknowledged = action === "close" ? acknowledgedDocumentFromForm(values) : undefined;
    if (acknowledged) input.acknowledgedDocument = acknowledged;
    await performCaseAction(actor, caseId, action, input, await requestContext());
    revalidatePath(`/cases/${caseId}`);
    revalidatePath("/tasks");
    return { message: t("done") };
  });
  if (result.status === "ok") redirect(`/cases/${caseId}/closure?notice=${action}`);
  return result;
}

/** The agency case manager's annual case review. An unticked box is "not confirmed", which needs notes. */
export async function annualReviewAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const { caseId = "", loaMatchesDeliveries, loaMatchesContracts, scheduleAdjusted, notes } = formObject(form);
  const t = await getTranslations("ClosureForms");
  const result = await runAction(async () => {
    const actor = await requireActor();
    await completeAnnualReview(actor, caseId, { loaMatchesDeliveries, loaMatchesContracts, scheduleAdjusted, notes }, await requestContext());
    revalidatePath(`/cases/${caseId}`);
    return { message: t("reviewRecorded") };
  });
  if (result.status === "ok") redirect(`/cases/${caseId}/closure?notice=annual-review`);
  return result;
}
