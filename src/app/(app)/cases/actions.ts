"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CASE_ACTION_INPUTS } from "@/domain/schemas/cases";
import { formObject, runAction, type ActionState } from "@/server/action-result";
import { requireActor } from "@/server/auth/actor";
import { acknowledgedDocumentFromForm, isActorEvent, performCaseAction } from "@/server/cases/perform-case-action";
import { AppError } from "@/server/errors";
import { requestContext } from "@/server/request-context";

/** One door for every workflow button on the case page; the form names the action, the use case decides. */
export async function caseActionAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const values = formObject(form);
  const caseId = values.caseId ?? "";
  const action = values.action ?? "";
  const result = await runAction(async () => {
    const actor = await requireActor();
    const t = await getTranslations("CaseActionResults");
    if (!isActorEvent(action)) throw new AppError("BAD_REQUEST", t("unknownAction"));
    // Only the fields this action takes: the schema refuses anything else, as the API does.
    const input: Record<string, unknown> = { expectedVersion: Number(values.expectedVersion) };
    for (const key of Object.keys(CASE_ACTION_INPUTS[action].shape)) {
      if (key !== "expectedVersion" && key !== "acknowledgedDocument" && values[key] !== undefined) input[key] = values[key];
    }
    // The document the person confirmed (binding steps): the use case refuses the step if it has changed since.
    const acknowledged = acknowledgedDocumentFromForm(values);
    if (acknowledged && "acknowledgedDocument" in CASE_ACTION_INPUTS[action].shape) input.acknowledgedDocument = acknowledged;
    await performCaseAction(actor, caseId, action, input, await requestContext());
    revalidatePath("/cases");
    revalidatePath("/tasks");
    return { message: t("done") };
  });
  if (result.status === "ok") redirect(`/cases/${caseId}?notice=${encodeURIComponent(action)}`);
  return result;
}
