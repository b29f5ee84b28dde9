"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { formObject, runAction, type ActionState } from "@/server/action-result";
import { requireActor } from "@/server/auth/actor";
import { AppError } from "@/server/errors";
import { decidePolicyChange } from "@/server/policy/decide-policy-change";
import { proposePolicyChange } from "@/server/policy/propose-policy-change";
import { recomputePolicyImpact } from "@/server/policy/recompute-policy-impact";
import { requestContext } from "@/server/request-context";

export async function proposePolicyChangeAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  let createdId: string | undefined;
  const result = await runAction(async () => {
    const actor = await requireActor();
    const change = await proposePolicyChange(actor, formObject(form), await requestContext());
    createdId = change.id;
    const t = await getTranslations("PolicyActions");
    return { message: t("proposed") };
  });
  if (createdId) redirect(`/admin/policy/changes/${createdId}?proposed=1`);
  return result;
}

const DECISIONS = { approve: "approved", reject: "rejected", withdraw: "withdrawn" } as const;

/** Approve, reject or withdraw: the form says which, and carries the version it was read at. */
export async function decidePolicyChangeAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const values = formObject(form);
  const decision = values.decision as keyof typeof DECISIONS;
  const id = values.changeId ?? "";
  const t = await getTranslations("PolicyActions");
  const result = await runAction(async () => {
    if (!Object.hasOwn(DECISIONS, decision)) return { message: t("nothingToDo") };
    const actor = await requireActor();
    // Approval is binding: the person says, in so many words, that they read what it changes.
    if (decision === "approve" && values.confirm !== "yes") {
      throw new AppError("VALIDATION_FAILED", t("confirmFirst"), {
        fields: { confirm: t("confirmField") },
      });
    }
    await decidePolicyChange(actor, id, decision, { expectedVersion: Number(values.expectedVersion), note: values.note }, await requestContext());
    revalidatePath("/admin/policy");
    return { message: t(`decided.${DECISIONS[decision]}`) };
  });
  if (result.status === "ok" && Object.hasOwn(DECISIONS, decision)) redirect(`/admin/policy/changes/${id}?decided=${DECISIONS[decision]}`);
  return result;
}

export async function recomputePolicyImpactAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const id = formObject(form).changeId ?? "";
  const result = await runAction(async () => {
    const actor = await requireActor();
    await recomputePolicyImpact(actor, id);
    const t = await getTranslations("PolicyActions");
    return { message: t("recomputed") };
  });
  if (result.status === "ok") redirect(`/admin/policy/changes/${id}?recomputed=1`);
  return result;
}
