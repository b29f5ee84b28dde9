"use server";

import { revalidatePath } from "next/cache";
import { formObject, runAction, type ActionState } from "@/server/action-result";
import { requireActor } from "@/server/auth/actor";
import { assignOfficeAccountable } from "@/server/offices/assign-office-accountable";
import { requestContext } from "@/server/request-context";

export async function assignOfficeAccountableAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requireActor();
    const values = formObject(form);
    const office = await assignOfficeAccountable(actor, values.office ?? "", { userId: values.userId }, await requestContext());
    revalidatePath("/admin/offices");
    return { message: `${office.accountable?.name} is now accountable for ${office.officeName}` };
  });
}
