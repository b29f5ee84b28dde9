"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DOCUMENT_ACTION_INPUTS, DOCUMENT_ACTIONS, type DocumentAction } from "@/domain/schemas/loa";
import { formObject, runAction, type ActionState } from "@/server/action-result";
import { requireActor } from "@/server/auth/actor";
import { AppError } from "@/server/errors";
import { performDocumentAction } from "@/server/loa/perform-document-action";
import { saveLoaDraft } from "@/server/loa/save-loa-draft";
import { requestContext } from "@/server/request-context";

/** Saves the builder's whole draft through the same use case as PUT /cases/{id}/loa. */
export async function saveLoaAction(caseId: string, payload: unknown): Promise<ActionState<{ version: number; number: number }>> {
  return runAction(async () => {
    const actor = await requireActor();
    const saved = await saveLoaDraft(actor, caseId, payload, await requestContext());
    revalidatePath(`/cases/${caseId}`);
    const t = await getTranslations("BuilderActions");
    return { message: t("draftSaved"), data: { version: saved.version, number: saved.number } };
  });
}

/** Amendment and Modification steps (submit, approve, return, accept, withdraw) from the builder and document pages. */
export async function documentActionAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const values = formObject(form);
  const caseId = values.caseId ?? "";
  const number = values.number ?? "";
  const action = values.action ?? "";
  const result = await runAction(async () => {
    const actor = await requireActor();
    const t = await getTranslations("BuilderActions");
    if (!(DOCUMENT_ACTIONS as readonly string[]).includes(action)) throw new AppError("BAD_REQUEST", t("unknownAction"));
    const input: Record<string, unknown> = { expectedVersion: Number(values.expectedVersion) };
    for (const key of Object.keys(DOCUMENT_ACTION_INPUTS[action as DocumentAction].shape)) {
      if (key !== "expectedVersion" && values[key] !== undefined) input[key] = values[key];
    }
    await performDocumentAction(actor, caseId, number, action, input, await requestContext());
    revalidatePath(`/cases/${caseId}`);
    return { message: t("done") };
  });
  if (result.status === "ok") redirect(`/cases/${caseId}/documents/${number}?notice=${encodeURIComponent(action)}`);
  return result;
}
