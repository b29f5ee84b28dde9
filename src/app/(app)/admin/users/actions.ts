"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { formObject, runAction, type ActionState } from "@/server/action-result";
import { requireActor } from "@/server/auth/actor";
import { requestContext } from "@/server/request-context";
import { createUser } from "@/server/users/create-user";
import { updateUser } from "@/server/users/update-user";

export async function createUserAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  let createdId: string | undefined;
  const result = await runAction(async () => {
    const actor = await requireActor();
    const user = await createUser(actor, formObject(form), await requestContext());
    createdId = user.id;
    const t = await getTranslations("AdminUserActions");
    return { message: t("created", { name: user.name }) };
  });
  if (createdId) redirect(`/admin/users/${createdId}?created=1`);
  return result;
}

/** One door for role changes and (de)activation: the form says which fields it changes. */
export async function updateUserAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requireActor();
    const values = formObject(form);
    const userId = values.userId ?? "";
    const input: Record<string, unknown> = { expectedVersion: Number(values.expectedVersion) };
    if (values.role !== undefined) input.role = values.role;
    if (values.organizationId !== undefined) input.organizationId = values.organizationId;
    if (values.active !== undefined) input.active = values.active === "true";
    await updateUser(actor, userId, input, await requestContext());
    revalidatePath("/admin/users");
    const what = values.active === "false" ? "deactivated" : values.active === "true" ? "reactivated" : "updated";
    // The page re-renders with the new version; the notice travels in the URL so it survives that.
    redirect(`/admin/users/${userId}?updated=${what}`);
  });
}
